# Finds the Debian 12 packages storyline builds on (scripts/install-deps.sh
# installs them) and gives each one an imported target.
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(simdjson REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(absl REQUIRED)
find_package(ZLIB REQUIRED)

pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
add_library(storyline::utf8proc ALIAS PkgConfig::UTF8PROC)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
add_library(storyline::xxhash ALIAS PkgConfig::XXHASH)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
add_library(storyline::libxml2 ALIAS PkgConfig::LIBXML2)

# libcld2-dev ships no pkg-config or CMake file either.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY cld2 REQUIRED)
add_library(storyline_cld2 INTERFACE)
target_include_directories(storyline_cld2 INTERFACE ${CLD2_INCLUDE_DIR})
target_link_libraries(storyline_cld2 INTERFACE ${CLD2_LIBRARY})
add_library(storyline::cld2 ALIAS storyline_cld2)

# libstemmer-dev ships no pkg-config or CMake file.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(storyline_stemmer INTERFACE)
target_include_directories(storyline_stemmer INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(storyline_stemmer INTERFACE ${STEMMER_LIBRARY})
add_library(storyline::stemmer ALIAS storyline_stemmer)

# The server's HTTP (libmicrohttpd: epoll event threads, so 64 keep-alive
# connections do not need 64 threads; docs/DESIGN.md "Live server"), the
# tests' HTTP client (cpp-httplib, built by Debian as a shared library; its
# .pc file carries the feature defines the header must see), and the store.
# libmicrohttpd is not linked: the server dlopen()s it by its soname when it
# binds (src/server/mhd_api.cc), so that the CLI's other commands do not
# load it and the nine libraries under it (gnutls...) at every start.
pkg_check_modules(MICROHTTPD REQUIRED libmicrohttpd)
find_library(MICROHTTPD_LIBRARY microhttpd HINTS ${MICROHTTPD_LIBRARY_DIRS} REQUIRED)
file(REAL_PATH "${MICROHTTPD_LIBRARY}" MICROHTTPD_REAL)
get_filename_component(MICROHTTPD_REAL_NAME "${MICROHTTPD_REAL}" NAME)
string(REGEX MATCH "^libmicrohttpd\\.so\\.[0-9]+" MICROHTTPD_SONAME "${MICROHTTPD_REAL_NAME}")
if(NOT MICROHTTPD_SONAME)
  message(FATAL_ERROR "cannot tell libmicrohttpd's soname from ${MICROHTTPD_REAL}")
endif()
add_library(storyline_microhttpd INTERFACE)
target_include_directories(storyline_microhttpd INTERFACE ${MICROHTTPD_INCLUDE_DIRS})
target_compile_definitions(storyline_microhttpd
  INTERFACE STORYLINE_MICROHTTPD_SONAME="${MICROHTTPD_SONAME}")
target_link_libraries(storyline_microhttpd INTERFACE ${CMAKE_DL_LIBS})
add_library(storyline::microhttpd ALIAS storyline_microhttpd)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
add_library(storyline::httplib ALIAS PkgConfig::HTTPLIB)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
add_library(storyline::sqlite3 ALIAS PkgConfig::SQLITE3)
