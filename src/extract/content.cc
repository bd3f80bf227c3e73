#include "extract/content.h"

namespace storyline::extract {
namespace {

void CollectParagraphs(const xmlNode* n, std::string* out) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (!IsElement(c)) continue;
    std::string_view tag = TagName(c);
    if (IsNonContentTag(tag)) continue;
    if (tag == "p") {
      std::string t = NodeText(c);
      if (!t.empty()) {
        out->append(t);
        out->push_back('\n');
      }
      continue;
    }
    CollectParagraphs(c, out);
  }
}

}  // namespace

// First version: every <p> of the body.
std::string ExtractMainText(const HtmlDocument& doc) {
  std::string out;
  if (const xmlNode* body = doc.body()) CollectParagraphs(body, &out);
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace storyline::extract
