// Where a page is from, for its metadata (extract/metadata.h): a URL
// resolved against the page's (a canonical link, <base href>), a date read
// from a URL's path, and the site's name recognised in a title ("Headline |
// Site", "Site - Headline", "Site: Headline") by the names the page gives the
// site and by its host's label. ResolveUrl(), DateInUrl() and StripSiteName()
// are extract's, exposed for tests; the rest, in namespace metadata_internal,
// is internal to extract/metadata.cc and nothing else should include it.
//
//   ResolveUrl("https://a.com/x/y.html", "../z");  // "https://a.com/z"
//   SiteNames sites = MakeSiteNames({"BBC News"}, "https://www.bbc.co.uk/news/1");
//   StripSite("Obama speaks - BBC News", sites);   // "Obama speaks"
//
// Thread-safety: pure functions.
#ifndef STORYLINE_EXTRACT_METADATA_SITE_H_
#define STORYLINE_EXTRACT_METADATA_SITE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"

namespace storyline::extract {

// Exposed for tests: resolves `ref` (absolute, "//host/p", "/p", "p", "?q")
// against the absolute http(s) URL `base`; "" when neither gives an http(s) URL.
std::string ResolveUrl(std::string_view base, std::string_view ref);

// Exposed for tests: `title` without the site's name at either end
// ("Headline | Site", "Site - Headline", "Site: Headline"). `site` may be ""
// (then only the host name of `url` is used to recognise the site).
std::string StripSiteName(std::string_view title, std::string_view site, std::string_view url);

// Exposed for tests: a date in a URL path ("/2019/03/12/", "/2019-03-12-",
// "/20190312/"), or nullopt. Never a year or a month alone.
std::optional<UnixSeconds> DateInUrl(std::string_view url);

namespace metadata_internal {

// The names a site goes by, for recognising it in a title: see MakeSiteNames().
struct SiteNames {
  std::vector<std::string> folded;  // Fold() of each known name
  std::string host;                 // HostLabel() of the page URL
};

// Whether a title segment is the site's name: equal to a known name (or one
// contains the other, "BBC News" / "BBC"), or to the host's label
// ("Salon.com" on salon.com). Long segments are never the site.
bool IsSiteSegment(std::string_view segment, const SiteNames& sites);

// A part of a title between separators, see SplitTitle().
struct Segment {
  std::size_t begin, end;  // byte range in the title
};

// The title split at " | ", " - ", " – ", " — ", " · ", " :: ", " » ",
// " / ", " // ", " \ ", " > ", " ~ ", " • ".
std::vector<Segment> SplitTitle(std::string_view t);

// `title` without the segments at either end that are the site's name (see
// IsSiteSegment(); one segment is always kept) or, when none is, without a
// leading "Site: " before two words or more; white space collapsed.
std::string StripSite(std::string_view title, const SiteNames& sites);

// The Fold() of each of `names` (empty ones skipped; a name with a tagline,
// "Aktuálně.cz - Víte, co se právě děje", also without it) and the
// HostLabel() of `url` ("" when it has none).
SiteNames MakeSiteNames(const std::vector<std::string>& names, std::string_view url);

}  // namespace metadata_internal
}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_METADATA_SITE_H_
