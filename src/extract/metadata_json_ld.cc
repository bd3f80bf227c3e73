#include "extract/metadata_json_ld.h"

#include <simdjson.h>

#include <cctype>
#include <optional>
#include <string_view>

#include "extract/metadata_strings.h"
#include "util/json_parser.h"

namespace storyline::extract::metadata_internal {
namespace {

bool IsArticleType(std::string_view t) {
  static constexpr std::string_view kTypes[] = {"Article",
                                                "NewsArticle",
                                                "BlogPosting",
                                                "ReportageNewsArticle",
                                                "AnalysisNewsArticle",
                                                "OpinionNewsArticle",
                                                "LiveBlogPosting",
                                                "TechArticle",
                                                "ScholarlyArticle",
                                                "Report",
                                                "SocialMediaPosting",
                                                "BackgroundNewsArticle",
                                                "ReviewNewsArticle",
                                                "AskPublicNewsArticle",
                                                "SatiricalArticle",
                                                "Review",
                                                "Posting",
                                                "DiscussionForumPosting",
                                                "Blog"};
  if (t.rfind("http", 0) == 0) t = t.substr(t.rfind('/') + 1);  // "http://schema.org/NewsArticle"
  for (std::string_view k : kTypes) {
    if (k == t) return true;
  }
  return false;
}

std::string_view StringOf(simdjson::dom::element e) {
  std::string_view s;
  if (e.get_string().get(s)) return {};
  return s;
}

// Checks @type (a string or an array of strings) with `pred`.
template <typename Pred>
bool TypeIs(simdjson::dom::object obj, Pred pred) {
  simdjson::dom::element type;
  if (obj["@type"].get(type)) return false;
  if (type.is_string()) return pred(StringOf(type));
  simdjson::dom::array arr;
  if (type.get_array().get(arr)) return false;
  for (simdjson::dom::element t : arr) {
    if (pred(StringOf(t))) return true;
  }
  return false;
}

// A name from a string or an object with "name" ("@type": Person/Organization).
std::string NameOf(simdjson::dom::element e) {
  if (e.is_string()) return CleanValue(StringOf(e));
  simdjson::dom::object obj;
  if (e.get_object().get(obj)) return {};
  simdjson::dom::element name;
  if (!obj["name"].get(name)) {
    if (name.is_string()) return CleanValue(StringOf(name));
    simdjson::dom::array parts;  // "name": ["A"]
    if (!name.get_array().get(parts)) {
      for (simdjson::dom::element p : parts) return CleanValue(StringOf(p));
    }
  }
  return {};
}

std::string_view Field(simdjson::dom::object obj, std::string_view key) {
  simdjson::dom::element e;
  if (obj[key].get(e)) return {};
  if (e.is_string()) return StringOf(e);
  // "headline": {"primary": ...} and similar oddities are not headlines.
  return {};
}

void WalkJsonLd(simdjson::dom::element e, int depth, JsonLdFacts* out) {
  if (depth > 6) return;
  simdjson::dom::array arr;
  if (!e.get_array().get(arr)) {
    for (simdjson::dom::element item : arr) WalkJsonLd(item, depth + 1, out);
    return;
  }
  simdjson::dom::object obj;
  if (e.get_object().get(obj)) return;
  simdjson::dom::element graph;
  if (!obj["@graph"].get(graph)) WalkJsonLd(graph, depth + 1, out);

  if (TypeIs(obj, IsArticleType)) {
    if (!out->have_article) {
      out->have_article = true;
      out->headline = CleanValue(Field(obj, "headline"));
      out->name = CleanValue(Field(obj, "name"));
      out->published = Field(obj, "datePublished");
      if (out->published.empty()) out->published = Field(obj, "dateCreated");
      out->modified = Field(obj, "dateModified");
      simdjson::dom::element author;
      if (!obj["author"].get(author)) {
        simdjson::dom::array authors;
        if (!author.get_array().get(authors)) {
          for (simdjson::dom::element a : authors) {
            std::string name = NameOf(a);
            if (!name.empty() && out->authors.size() < 8) out->authors.push_back(std::move(name));
          }
        } else if (std::string name = NameOf(author); !name.empty()) {
          out->authors.push_back(std::move(name));
        }
      }
      simdjson::dom::element publisher;
      if (!obj["publisher"].get(publisher)) {
        simdjson::dom::array pubs;
        if (!publisher.get_array().get(pubs)) {
          for (simdjson::dom::element p : pubs) {
            out->publisher = NameOf(p);
            break;
          }
        } else {
          out->publisher = NameOf(publisher);
        }
      }
    }
  } else if (TypeIs(obj, [](std::string_view t) {
               return t == "WebSite" || t == "Organization" || t == "NewsMediaOrganization";
             })) {
    if (out->website.empty()) out->website = CleanValue(Field(obj, "name"));
  } else if (TypeIs(obj, [](std::string_view t) { return t == "WebPage" || t == "ItemPage"; })) {
    if (out->page_published.empty()) out->page_published = Field(obj, "datePublished");
    if (out->page_modified.empty()) out->page_modified = Field(obj, "dateModified");
  }
  // An article may hang under a page: {"@type": "WebPage", "mainEntity": {...}}.
  simdjson::dom::element main;
  if (!obj["mainEntity"].get(main)) WalkJsonLd(main, depth + 1, out);
}

}  // namespace

JsonLdFacts ParseJsonLd(const std::vector<std::string>& scripts) {
  JsonLdFacts facts;
  // A huge script gets a parser of its own, freed after it (util/json_parser.h).
  thread_local simdjson::dom::parser shared_parser;
  for (const std::string& raw : scripts) {
    std::optional<simdjson::dom::parser> own_parser;
    simdjson::dom::parser& parser = JsonParserFor(raw.size(), shared_parser, &own_parser);
    std::string_view s = raw;
    // Some CMSs wrap it: "<!-- ... -->", "<![CDATA[ ... ]]>", "//<![CDATA[ ... //]]>".
    auto trim = [&s] {
      while (!s.empty() &&
             (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '/'))
        s.remove_prefix(1);
      while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '/'))
        s.remove_suffix(1);
    };
    trim();
    for (std::string_view open : {"<!--", "<![CDATA["}) {
      if (s.substr(0, open.size()) == open) s.remove_prefix(open.size()), trim();
    }
    for (std::string_view close : {"-->", "]]>"}) {
      if (s.size() >= close.size() && s.substr(s.size() - close.size()) == close) {
        s.remove_suffix(close.size()), trim();
      }
    }
    if (!s.empty() && s.back() == ';') s.remove_suffix(1);
    simdjson::dom::element doc;
    if (parser.parse(s.data(), s.size()).get(doc)) {
      // Raw line breaks inside strings are the commonest breakage; retry once
      // with them turned into spaces (outside strings they are whitespace anyway).
      std::string fixed(s);
      for (char& c : fixed) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      if (parser.parse(fixed).get(doc)) continue;  // broken JSON-LD is ignored
      WalkJsonLd(doc, 0, &facts);
      continue;
    }
    WalkJsonLd(doc, 0, &facts);
  }
  return facts;
}

}  // namespace storyline::extract::metadata_internal
