#include "server/mhd_api.h"

#include <dlfcn.h>

namespace storyline::server::http_internal {
namespace {

template <typename Fn>
void Resolve(void* library, const char* name, Fn* fn, std::string* error) {
  *fn = reinterpret_cast<Fn>(dlsym(library, name));
  if (*fn == nullptr && error->empty()) error->assign(std::string("no ") + name);
}

}  // namespace

const MhdApi& Mhd() {
  static const MhdApi api = [] {
    MhdApi a;
    void* library = dlopen(STORYLINE_MICROHTTPD_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      const char* why = dlerror();
      a.error = why != nullptr ? why : "cannot load " STORYLINE_MICROHTTPD_SONAME;
      return a;
    }
    Resolve(library, "MHD_start_daemon", &a.start_daemon, &a.error);
    Resolve(library, "MHD_stop_daemon", &a.stop_daemon, &a.error);
    Resolve(library, "MHD_get_daemon_info", &a.get_daemon_info, &a.error);
    Resolve(library, "MHD_get_connection_info", &a.get_connection_info, &a.error);
    Resolve(library, "MHD_get_connection_values", &a.get_connection_values, &a.error);
    Resolve(library, "MHD_suspend_connection", &a.suspend_connection, &a.error);
    Resolve(library, "MHD_resume_connection", &a.resume_connection, &a.error);
    Resolve(library, "MHD_create_response_from_buffer_with_free_callback_cls",
            &a.create_response_from_buffer_with_free_callback_cls, &a.error);
    Resolve(library, "MHD_add_response_header", &a.add_response_header, &a.error);
    Resolve(library, "MHD_queue_response", &a.queue_response, &a.error);
    Resolve(library, "MHD_destroy_response", &a.destroy_response, &a.error);
    return a;
  }();
  return api;
}

}  // namespace storyline::server::http_internal
