#include "server/http_request.h"

#include "server/http_server.h"

namespace storyline::server::http_internal {
namespace {

// REQUIRES: `body` went through EscapeMarkup().
void SendEscapedJson(Response& res, int status, std::string body) {
  res.status = status;
  res.SetHeader("X-Content-Type-Options", "nosniff");
  res.SetHeader("Cache-Control", "no-store");
  res.SetContent(std::move(body), "application/json; charset=utf-8");
}

// A decimal number of at most 9 digits, nothing else.
std::optional<std::size_t> ParseCount(const std::string& s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  std::size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  return v;
}

// Seconds from a write's Cache-Control: max-age=N; nullopt when absent.
Result<std::optional<UnixSeconds>> ParseMaxAge(const std::string& cache_control) {
  std::string v = AsciiLowered(cache_control);
  std::size_t at = v.find("max-age=");
  if (at == std::string::npos) return std::optional<UnixSeconds>();
  std::string digits;
  for (std::size_t i = at + 8; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) digits += v[i];
  auto n = ParseCount(digits);
  if (!n) return Status::InvalidInput("Cache-Control max-age must be a number of seconds");
  return std::optional<UnixSeconds>(static_cast<UnixSeconds>(*n));
}

// Decodes a form-encoded query component: "+" is a space, "%XX" a byte
// (a malformed escape stays as it is).
std::string DecodeQueryPart(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      out += ' ';
    } else if (in[i] == '%' && i + 2 < in.size() && AsciiHexValue(in[i + 1]) >= 0 &&
               AsciiHexValue(in[i + 2]) >= 0) {
      out += static_cast<char>(AsciiHexValue(in[i + 1]) * 16 + AsciiHexValue(in[i + 2]));
      i += 2;
    } else {
      out += in[i];
    }
  }
  return out;
}

}  // namespace

std::string Dump(const Json& j) {
  // Replace, never throw, on bytes that are not UTF-8 (all input is checked,
  // but an error message may quote a header).
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string EscapeMarkup(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

void SendSharedJson(Response& res, int status, std::shared_ptr<const void> owner,
                    std::string_view body) {
  SendEscapedJson(res, status, std::string());
  res.owner = std::move(owner);
  res.shared = body;
}

bool AcceptsGzip(std::string_view header) {
  std::string value = AsciiLowered(header);
  std::string_view rest = value;
  while (!rest.empty()) {
    std::size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    std::size_t semi = item.find(';');
    std::string_view coding = TrimBlanks(item.substr(0, semi));
    if (coding != "gzip" && coding != "*") continue;
    std::string_view params = semi == std::string_view::npos ? "" : item.substr(semi + 1);
    std::size_t q = params.find("q=");
    if (q == std::string_view::npos) return true;
    std::string_view weight = params.substr(q + 2);
    // q=0, q=0.0, q=0.000: refused; any other weight accepts.
    bool zero = !weight.empty() && weight[0] == '0';
    for (std::size_t i = 1; zero && i < weight.size() && weight[i] != ' ' && weight[i] != ';';
         ++i) {
      zero = weight[i] == '.' || weight[i] == '0';
    }
    return !zero;
  }
  return false;
}

void SendJson(Response& res, int status, const std::string& raw) {
  SendEscapedJson(res, status, EscapeMarkup(raw));
}

void SendError(Response& res, int status, std::string_view message) {
  SendJson(res, status, Dump(Json{{"error", message}}));
}

void SendError(Response& res, const Status& status) {
  SendError(res, HttpStatusOf(status), status.message());
}

Result<StoryQuery> ParseStoryQuery(const Request& req) {
  StoryQuery q;
  if (req.HasParam("limit")) {
    auto v = ParseCount(req.Param("limit"));
    if (!v || *v < 1 || *v > 200) return Status::InvalidInput("limit must be 1 to 200");
    q.limit = *v;
  }
  if (req.HasParam("offset")) {
    auto v = ParseCount(req.Param("offset"));
    if (!v) return Status::InvalidInput("offset must be a number");
    q.offset = *v;
  }
  for (const char* key : {"since", "until"}) {
    if (!req.HasParam(key)) continue;
    auto t = ParseIsoTime(req.Param(key));
    if (!t) return Status::InvalidInput(std::string(key) + " must be an ISO 8601 time");
    (std::string_view(key) == "since" ? q.since : q.until) = t;
  }
  q.lang = req.Param("lang");
  q.outlet = req.Param("outlet");
  q.text = req.Param("q");
  return q;
}

Result<std::optional<UnixSeconds>> ExpiryOf(const Request& req) {
  auto max_age = ParseMaxAge(req.Header("Cache-Control"));
  if (!max_age.ok() || !*max_age) return max_age;
  return std::optional<UnixSeconds>(NowSeconds() + **max_age);
}

std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view uri) {
  std::vector<std::pair<std::string, std::string>> params;
  std::size_t q = uri.find('?');
  if (q == std::string_view::npos) return params;
  std::string_view rest = uri.substr(q + 1);
  while (!rest.empty()) {
    std::size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    params.emplace_back(DecodeQueryPart(pair.substr(0, eq)),
                        eq == std::string_view::npos ? "" : DecodeQueryPart(pair.substr(eq + 1)));
  }
  return params;
}

std::optional<std::string> SegmentAfter(std::string_view path, std::string_view prefix) {
  if (path.size() <= prefix.size() || path.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::string_view rest = path.substr(prefix.size());
  if (rest.find('/') != std::string_view::npos) return std::nullopt;
  return std::string(rest);
}

}  // namespace storyline::server::http_internal
