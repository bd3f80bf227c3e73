#include "extract/metadata_strings.h"

#include "extract/char_refs.h"
#include "extract/html_document.h"

namespace storyline::extract::metadata_internal {

std::string CleanValue(std::string_view s) {
  // libxml2 decodes attributes once, but many sites escape twice
  // ("&amp;#8217;"), and JSON-LD strings are not HTML-decoded at all.
  std::string value(s);
  if (DecodeCharacterReferences(&value) && Contains(value, "&")) {
    DecodeCharacterReferences(&value);
  }
  return CollapseWhitespace(value);
}

}  // namespace storyline::extract::metadata_internal
