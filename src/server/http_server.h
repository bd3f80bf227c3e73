// HttpServer: storyline's HTTP API (docs/API.md) over a StoryService, on
// libmicrohttpd (HTTP/1.1, keep-alive): one epoll event thread per core
// reads requests and answers reads of the snapshot itself; requests that
// may block (writes wait for their group commit, searches and article reads
// query SQLite) are suspended and answered by a pool of worker threads.
// Reads answer from the service's snapshot; writes need the bearer token when
// one is set, else come from loopback only. Bodies, JSON depth and request
// time are limited; every error is {"error": "..."} with a 4xx/5xx status.
// Static files: only index.html, app.js and style.css of `web_dir`.
//
//   HttpServer http(service.get(), {.port = 8080});
//   auto port = http.Bind();        // port 0 picks a free one
//   http.Run();                     // until Stop() from another thread
//
// Serving starts at Bind(); Run() only waits for Stop(), and the destructor
// finishes the requests in flight and closes every connection.
// Thread-safety: Stop() from any thread; the rest from one.
#ifndef STORYLINE_SERVER_HTTP_SERVER_H_
#define STORYLINE_SERVER_HTTP_SERVER_H_

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "server/story_service.h"
#include "storyline/status.h"

namespace storyline::server {

struct HttpOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;          // 0: any free port
  std::string write_token;  // empty: writes only from loopback
  std::string web_dir;      // static files; empty or missing: none
  std::size_t max_body_bytes = 8u << 20;
  int max_json_depth = 32;
  int threads = 4;     // workers: writes' parsing and analysis, searches, article reads
  int io_threads = 0;  // event threads; 0: one per core
  // A connection idle this long (mid-request or kept alive) is closed.
  std::chrono::seconds read_timeout{10};
};

// The HTTP status for a Status: the one place codes are mapped.
int HttpStatusOf(const Status& status);

class HttpServer {
 public:
  // `service` must outlive the server.
  HttpServer(StoryService* service, HttpOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the address and starts serving; returns the port. kIoError when
  // it cannot.
  Result<int> Bind();
  // Waits until Stop(). REQUIRES: Bind() succeeded.
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::server

#endif  // STORYLINE_SERVER_HTTP_SERVER_H_
