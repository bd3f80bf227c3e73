// libmicrohttpd's functions as HttpServer calls them: through a table that
// Mhd() fills by dlopen() on first use, so that only a server loads the
// library (internal to server/http_server.cc; nothing else should include
// it). The types and constants still come from <microhttpd.h>.
//
//   if (!Mhd().error.empty()) return Status::IoError(Mhd().error);
//   MHD_Daemon* daemon = Mhd().start_daemon(flags, port, ...);
//
// Thread-safety: Mhd() may be called from any thread; the table never
// changes once loaded.
#ifndef STORYLINE_SERVER_MHD_API_H_
#define STORYLINE_SERVER_MHD_API_H_

#include <microhttpd.h>

#include <string>

namespace storyline::server::http_internal {

// libmicrohttpd is loaded when a server binds, not when the program starts:
// it brings gnutls and eight more libraries (p11-kit, nettle, hogweed, gmp,
// idn2, unistring, tasn1, ffi) that the dynamic linker would otherwise map
// and relocate in every `storyline cluster` process too, about 40% of the
// instructions of a one-article run (docs/MEASUREMENTS.md). The
// header still gives the types, so a changed signature fails to compile.
struct MhdApi {
  decltype(&::MHD_start_daemon) start_daemon = nullptr;
  decltype(&::MHD_stop_daemon) stop_daemon = nullptr;
  decltype(&::MHD_get_daemon_info) get_daemon_info = nullptr;
  decltype(&::MHD_get_connection_info) get_connection_info = nullptr;
  decltype(&::MHD_get_connection_values) get_connection_values = nullptr;
  decltype(&::MHD_suspend_connection) suspend_connection = nullptr;
  decltype(&::MHD_resume_connection) resume_connection = nullptr;
  decltype(&::MHD_create_response_from_buffer_with_free_callback_cls)
      create_response_from_buffer_with_free_callback_cls = nullptr;
  decltype(&::MHD_add_response_header) add_response_header = nullptr;
  decltype(&::MHD_queue_response) queue_response = nullptr;
  decltype(&::MHD_destroy_response) destroy_response = nullptr;
  std::string error;  // why loading failed; empty when every function is set
};

// The process's one MhdApi, loaded on first use (thread-safe) and never
// unloaded. Check its `error` before calling through it.
const MhdApi& Mhd();

}  // namespace storyline::server::http_internal

#endif  // STORYLINE_SERVER_MHD_API_H_
