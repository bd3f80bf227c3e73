#include "extract/metadata_site.h"

#include <cstdio>

#include "extract/html_document.h"
#include "extract/metadata_strings.h"
#include "util/time.h"

namespace storyline::extract {
namespace {

using metadata_internal::Fold;
using metadata_internal::MakeSiteNames;
using metadata_internal::StripSite;

// ------------------------------------------------------------------- URLs --

// "https://www.example.co.uk/a" -> "example": the registrable label, for
// recognising the site's name in a title.
std::string HostLabel(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  std::string_view host = rest.substr(0, rest.find_first_of("/?#:"));
  std::vector<std::string_view> labels;
  while (!host.empty()) {
    std::size_t dot = host.find('.');
    labels.push_back(host.substr(0, dot));
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  if (labels.size() < 2) return {};
  std::size_t i = labels.size() - 2;
  // "co.uk", "com.au", "org.br": a short second-level label under a country.
  if (labels.back().size() == 2 && labels[i].size() <= 3 && i > 0) --i;
  return Fold(labels[i]);
}

std::string_view Scheme(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos) return {};
  return url.substr(0, colon);
}

bool IsHttp(std::string_view url) {
  return AsciiStartsWithFolded(url, "http://") || AsciiStartsWithFolded(url, "https://");
}

// "a/./b/../c" -> "a/c" on the path part of an absolute URL.
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  bool trailing = false;
  while (i <= path.size()) {
    std::size_t slash = path.find('/', i);
    std::string_view seg = path.substr(i, slash == std::string_view::npos ? path.npos : slash - i);
    trailing = false;
    if (seg == "..") {
      if (out.size() > 1) out.pop_back();
      trailing = true;
    } else if (seg == ".") {
      trailing = true;
    } else {
      out.push_back(seg);
    }
    if (slash == std::string_view::npos) break;
    i = slash + 1;
  }
  std::string joined;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (k) joined.push_back('/');
    joined.append(out[k]);
  }
  if (trailing && (joined.empty() || joined.back() != '/')) joined.push_back('/');
  return joined;
}

}  // namespace

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  std::string r = CollapseWhitespace(ref);
  if (r.empty()) return {};
  if (IsHttp(r)) return r;
  std::size_t colon = r.find(':');
  if (colon != std::string::npos && r.find_first_of("/?#") > colon) return {};  // mailto:, data:
  if (!IsHttp(base)) return {};
  std::string_view scheme = Scheme(base);
  if (r.rfind("//", 0) == 0) return std::string(scheme) + ":" + r;
  std::size_t authority_end = base.find_first_of("/?#", scheme.size() + 3);
  std::string_view origin = base.substr(0, authority_end);
  std::string_view path_and_more =
      authority_end == std::string_view::npos ? std::string_view("/") : base.substr(authority_end);
  if (r[0] == '/') return std::string(origin) + RemoveDotSegments(r);
  std::string_view no_fragment = base.substr(0, base.find('#'));
  if (r[0] == '#') return std::string(no_fragment) + r;
  if (r[0] == '?') return std::string(no_fragment.substr(0, no_fragment.find('?'))) + r;
  std::string_view path = path_and_more.substr(0, path_and_more.find_first_of("?#"));
  if (path.empty() || path[0] != '/') path = "/";
  std::string dir(path.substr(0, path.rfind('/') + 1));
  return std::string(origin) + RemoveDotSegments(dir + r);
}

std::optional<UnixSeconds> DateInUrl(std::string_view url) {
  std::size_t scheme = url.find("://");
  std::size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  url = url.substr(path, url.find_first_of("?#", path) - path);
  auto digit = [&](std::size_t i) { return i < url.size() && url[i] >= '0' && url[i] <= '9'; };
  auto number = [&](std::size_t i, std::size_t n) {
    int v = 0;
    for (std::size_t k = i; k < i + n; ++k) v = v * 10 + (url[k] - '0');
    return v;
  };
  auto sep = [&](std::size_t i) {
    return i < url.size() && (url[i] == '/' || url[i] == '-' || url[i] == '_' || url[i] == '.');
  };
  for (std::size_t i = 1; i + 8 <= url.size(); ++i) {
    if (digit(i - 1) || !digit(i) || !digit(i + 3)) continue;
    if (!(url[i - 1] == '/' || url[i - 1] == '-' || url[i - 1] == '_')) continue;
    std::size_t y_end = i;
    while (digit(y_end)) ++y_end;
    int y = 0, m = 0, d = 0;
    std::size_t end = 0;
    if (y_end - i == 4 && sep(y_end)) {  // 2019/03/12, 2019-3-12
      std::size_t mi = y_end + 1, me = mi;
      while (digit(me)) ++me;
      if (me - mi < 1 || me - mi > 2 || !sep(me) || url[me] != url[y_end]) continue;
      std::size_t di = me + 1, de = di;
      while (digit(de)) ++de;
      if (de - di < 1 || de - di > 2) continue;
      y = number(i, 4), m = number(mi, me - mi), d = number(di, de - di), end = de;
    } else if (y_end - i == 8) {  // 20190312
      y = number(i, 4), m = number(i + 4, 2), d = number(i + 6, 2), end = y_end;
    } else {
      continue;
    }
    if (end < url.size() && !sep(end)) continue;
    if (y < 1995 || y > 2100 || m < 1 || m > 12 || d < 1) continue;
    char iso[32];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    if (auto t = ParseIsoTime(iso)) return t;
  }
  return std::nullopt;
}

namespace metadata_internal {

// ------------------------------------------------------------ site names --

bool IsSiteSegment(std::string_view segment, const SiteNames& sites) {
  if (WordCount(segment) > 6 || segment.size() > 60) return false;
  std::string k = Fold(segment);
  if (k.empty()) return false;
  for (const std::string& s : sites.folded) {
    if (s.empty()) continue;
    if (k == s) return true;
    if (s.size() >= 3 && Contains(k, s) && k.size() <= s.size() * 2 + 4) return true;
    if (k.size() >= 4 && Contains(s, k) && k.size() * 2 >= s.size()) return true;
  }
  const std::string& h = sites.host;
  if (h.size() >= 3) {
    if (k == h) return true;
    if (Contains(k, h) && k.size() <= h.size() + 8) return true;
    if (k.size() >= 4 && Contains(h, k) && k.size() * 2 >= h.size()) return true;
  }
  return false;
}

std::vector<Segment> SplitTitle(std::string_view t) {
  static constexpr std::string_view kSeps[] = {
      "|",        "-", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "::", "\xC2\xBB",
      "\xC2\xAB", "/", "//",           "\\",           ">",        "~",  "\xE2\x80\xA2"};
  std::vector<Segment> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] != ' ') continue;
    for (std::string_view sep : kSeps) {
      std::size_t after = i + 1 + sep.size();
      if (after < t.size() && t.substr(i + 1, sep.size()) == sep && t[after] == ' ') {
        out.push_back({begin, i});
        begin = after + 1;
        i = after;
        break;
      }
    }
  }
  out.push_back({begin, t.size()});
  return out;
}

std::string StripSite(std::string_view title, const SiteNames& sites) {
  std::vector<Segment> segs = SplitTitle(title);
  std::size_t first = 0, last = segs.size();
  auto text = [&](std::size_t k) {
    return title.substr(segs[k].begin, segs[k].end - segs[k].begin);
  };
  while (last - first > 1 && IsSiteSegment(text(last - 1), sites)) --last;
  while (last - first > 1 && IsSiteSegment(text(first), sites)) ++first;
  std::string_view kept = title.substr(segs[first].begin, segs[last - 1].end - segs[first].begin);
  if (kept.size() == title.size()) {
    // "Site: Headline"
    std::size_t colon = title.find(": ");
    if (colon != std::string_view::npos && colon > 0 &&
        IsSiteSegment(title.substr(0, colon), sites) && WordCount(title.substr(colon + 2)) >= 2) {
      kept = title.substr(colon + 2);
    }
  }
  return CollapseWhitespace(kept);
}

SiteNames MakeSiteNames(const std::vector<std::string>& names, std::string_view url) {
  SiteNames s;
  for (const std::string& n : names) {
    if (n.empty()) continue;
    s.folded.push_back(Fold(n));
    // "Aktuálně.cz - Víte, co se právě děje": the name before its tagline.
    std::vector<Segment> segs = SplitTitle(n);
    if (segs.size() > 1) s.folded.push_back(Fold(std::string_view(n).substr(0, segs[0].end)));
  }
  s.host = HostLabel(url);
  return s;
}

}  // namespace metadata_internal

std::string StripSiteName(std::string_view title, std::string_view site, std::string_view url) {
  return StripSite(CollapseWhitespace(title), MakeSiteNames({std::string(site)}, url));
}

}  // namespace storyline::extract
