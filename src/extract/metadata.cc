#include "extract/metadata.h"

namespace storyline::extract {

// First version: <title> and <html lang> only.
PageMetadata ExtractMetadata(const HtmlDocument& doc, std::string_view page_url) {
  PageMetadata m;
  if (const xmlNode* head = doc.head()) {
    for (const xmlNode* c = head->children; c != nullptr; c = c->next) {
      if (HasTag(c, "title")) {
        m.title = NodeText(c);
        break;
      }
    }
  }
  m.declared_lang = std::string(Attribute(doc.root(), "lang"));
  return m;
}

}  // namespace storyline::extract
