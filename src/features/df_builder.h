// Builds a document-frequency prior (the file TermStats::LoadPrior reads)
// from a corpus, with the same cleaning and analysis the engine applies, so
// the prior's terms are exactly the engine's terms.
#ifndef STORYLINE_FEATURES_DF_BUILDER_H_
#define STORYLINE_FEATURES_DF_BUILDER_H_

#include <ostream>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "storyline/status.h"

namespace storyline::features {

// Reads every article under `paths` (see ingest/reader.h), counts in how many
// documents each term and entity token occurs, and writes the terms with
// df >= min_df, sorted by term, to `out`. Fails only when no input opens.
Status BuildDocumentFrequencies(const std::vector<std::string>& paths, int min_df,
                                ingest::Diagnostics* diag, std::ostream& out);

}  // namespace storyline::features

#endif  // STORYLINE_FEATURES_DF_BUILDER_H_
