// post_load: a closed-loop HTTP/1.1 load generator for `storyline serve`
// writes. Each of C keep-alive connections POSTs the next line of a JSONL
// corpus to /articles and sends its next request as soon as the answer is
// in, for D seconds; it prints requests/s, the status counts and latency
// percentiles. One thread, non-blocking sockets and epoll: every request is
// formatted before the clock starts, so the loader spends its CPU on the
// sockets alone (wrk's Lua request() hook costs about 0.15 ms a request on
// the 2-core VM, CPU the server under test needs; docs/DESIGN.md).
//
//   post_load --port 8080 --connections 8 --seconds 10 articles.jsonl
//   post_load --batch 10 ...      # 10 lines a request, as JSON lines
//
// Lines are sent in file order, each once; past the end the loader stops.
// With --batch N each request carries N lines (application/x-ndjson, the
// API's batch form) and articles/s is requests/s times N.
// An answer is read by its Content-Length (the server always sends one);
// the connection is closed and counted as an error on anything else.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  int port = 8080;
  int connections = 8;
  int batch = 1;  // corpus lines a request
  double seconds = 10;
  std::string path = "/articles";
  std::string token;
  std::string corpus;
};

struct Connection {
  int fd = -1;
  std::string_view out;  // what is left to send of the current request
  std::string in;        // what has arrived of the current answer
  Clock::time_point sent;
  bool writing = false;  // registered for EPOLLOUT: the request did not fit at once
};

[[noreturn]] void Die(const std::string& why) {
  std::fprintf(stderr, "post_load: %s\n", why.c_str());
  std::exit(1);
}

int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) Die(std::string("socket: ") + std::strerror(errno));
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    Die("cannot connect to 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(errno));
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

// The length of a whole answer at the front of `in` (headers and body), 0
// when more is needed, or -1 when it is not an answer this loader reads.
long AnswerLength(const std::string& in, int* status) {
  std::size_t end = in.find("\r\n\r\n");
  if (end == std::string::npos) return 0;
  if (in.compare(0, 9, "HTTP/1.1 ") != 0 || in.size() < 12) return -1;
  *status = std::atoi(in.c_str() + 9);
  std::string_view head(in.data(), end);
  long length = -1;
  for (std::size_t at = head.find("\r\n"); at != std::string_view::npos;
       at = head.find("\r\n", at + 2)) {
    std::string_view line = head.substr(at + 2, head.find("\r\n", at + 2) - at - 2);
    constexpr std::string_view kName = "content-length:";
    if (line.size() > kName.size() &&
        std::equal(kName.begin(), kName.end(), line.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        })) {
      length = std::atol(std::string(line.substr(kName.size())).c_str());
    }
  }
  if (length < 0) return -1;
  long total = static_cast<long>(end + 4) + length;
  return static_cast<long>(in.size()) >= total ? total : 0;
}

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::size_t k =
      std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())));
  std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
  return v[k];
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Die(a + " needs a value");
      return argv[++i];
    };
    if (a == "--port") {
      o.port = std::atoi(value().c_str());
    } else if (a == "--connections") {
      o.connections = std::atoi(value().c_str());
    } else if (a == "--batch") {
      o.batch = std::atoi(value().c_str());
    } else if (a == "--seconds") {
      o.seconds = std::atof(value().c_str());
    } else if (a == "--path") {
      o.path = value();
    } else if (a == "--token") {
      o.token = value();
    } else if (a == "--help" || a == "-h") {
      std::printf(
          "usage: post_load [--port N] [--connections C] [--seconds S] [--path /articles]\n"
          "                 [--batch N] [--token T] CORPUS.jsonl\n");
      std::exit(0);
    } else if (!a.empty() && a[0] == '-') {
      Die("unknown option " + a + " (see --help)");
    } else {
      o.corpus = a;
    }
  }
  if (o.corpus.empty()) Die("no corpus given (see --help)");
  if (o.connections < 1 || o.seconds <= 0 || o.batch < 1) {
    Die("--connections, --seconds and --batch must be positive");
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  Options o = ParseArgs(argc, argv);
  std::vector<std::string> requests;
  {
    std::ifstream in(o.corpus);
    if (!in) Die("cannot read " + o.corpus);
    std::string head = "POST " + o.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                       (o.batch == 1 ? "Content-Type: application/json\r\n"
                                     : "Content-Type: application/x-ndjson\r\n") +
                       (o.token.empty() ? "" : "Authorization: Bearer " + o.token + "\r\n");
    std::string body;
    int lines = 0;
    auto flush = [&] {
      requests.push_back(head + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
                         body);
      body.clear();
      lines = 0;
    };
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      body += line;
      if (o.batch > 1) body += '\n';
      if (++lines == o.batch) flush();
    }
    if (lines > 0) flush();
  }
  if (requests.empty()) Die(o.corpus + " has no lines");

  int ep = epoll_create1(0);
  std::vector<Connection> conns(static_cast<std::size_t>(o.connections));
  std::size_t next = 0;
  std::vector<double> latency_ms;
  latency_ms.reserve(requests.size());
  long ok = 0, other = 0, errors = 0;
  int open = 0;
  // Sends what it can of `c.out`; false on a broken connection.
  auto send_some = [](Connection& c) {
    while (!c.out.empty()) {
      ssize_t w = send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
      if (w < 0) return errno == EAGAIN;
      c.out.remove_prefix(static_cast<std::size_t>(w));
    }
    return true;
  };
  // Waits for readability, and for writability too while a request is left.
  auto watch = [&](Connection& c, int op) {
    epoll_event ev{};
    c.writing = !c.out.empty();
    ev.events = EPOLLIN | (c.writing ? EPOLLOUT : 0u);
    ev.data.ptr = &c;
    epoll_ctl(ep, op, c.fd, &ev);
  };
  auto finish = [&](Connection& c) {
    epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
    close(c.fd);
    c.fd = -1;
    --open;
  };
  // Starts the next request on `c`; false when none is left or it broke.
  auto start_request = [&](Connection& c) {
    if (next >= requests.size()) return false;
    c.out = requests[next++];
    c.in.clear();
    c.sent = Clock::now();
    if (!send_some(c)) {
      ++errors;
      return false;
    }
    return true;
  };
  const Clock::time_point begin = Clock::now();
  const Clock::time_point stop =
      begin + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds));
  for (Connection& c : conns) {
    c.fd = Connect(o.port);
    if (!start_request(c)) {
      close(c.fd);
      c.fd = -1;
      continue;
    }
    ++open;
    watch(c, EPOLL_CTL_ADD);
  }
  std::vector<epoll_event> events(conns.size());
  char buffer[65536];
  while (open > 0) {
    int n = epoll_wait(ep, events.data(), static_cast<int>(events.size()), 100);
    if (n < 0 && errno != EINTR) Die(std::string("epoll_wait: ") + std::strerror(errno));
    for (int i = 0; i < n; ++i) {
      const epoll_event& e = events[static_cast<std::size_t>(i)];
      Connection& c = *static_cast<Connection*>(e.data.ptr);
      if (c.fd < 0) continue;
      bool failed = (e.events & EPOLLERR) != 0 || !send_some(c);
      if (!failed && c.writing && c.out.empty()) watch(c, EPOLL_CTL_MOD);
      while (!failed) {
        ssize_t r = recv(c.fd, buffer, sizeof buffer, 0);
        if (r < 0 && errno == EAGAIN) break;
        if (r <= 0) {
          failed = true;
          break;
        }
        c.in.append(buffer, static_cast<std::size_t>(r));
      }
      int status = 0;
      long length = failed ? -1 : AnswerLength(c.in, &status);
      if (length < 0) {
        ++errors;
        finish(c);
        continue;
      }
      if (length == 0) continue;
      latency_ms.push_back(
          std::chrono::duration<double, std::milli>(Clock::now() - c.sent).count());
      (status >= 200 && status < 300 ? ok : other) += 1;
      if (Clock::now() >= stop || !start_request(c)) {
        finish(c);
        continue;
      }
      if (!c.out.empty() || c.writing) watch(c, EPOLL_CTL_MOD);
    }
  }
  const double took = std::chrono::duration<double>(Clock::now() - begin).count();
  close(ep);
  const double p50 = Percentile(latency_ms, 0.50), p90 = Percentile(latency_ms, 0.90),
               p99 = Percentile(latency_ms, 0.99), max = Percentile(latency_ms, 1.0);
  std::printf("POST %s, %d connections, %.1f s: %ld answers (%ld 2xx, %ld other), %ld errors\n",
              o.path.c_str(), o.connections, took, ok + other, ok, other, errors);
  std::printf("Requests/sec: %.2f (2xx: %.2f)\n", static_cast<double>(ok + other) / took,
              static_cast<double>(ok) / took);
  if (o.batch > 1) {
    std::printf("Articles/sec in 2xx answers: about %.2f (%d lines a request)\n",
                static_cast<double>(ok) * o.batch / took, o.batch);
  }
  std::printf("Latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f\n", p50, p90, p99, max);
  return errors == 0 && other == 0 ? 0 : 1;
}
