#include "features/term_stats.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>

namespace storyline::features {

namespace {

// ln(k) for small k: document frequencies are mostly small, and Idf() runs
// for every term of every article.
constexpr std::size_t kLogTableSize = 1 << 14;

const float* LogTable() {
  static const float* table = [] {
    auto* t = new float[kLogTableSize];
    t[0] = 0;
    for (std::size_t k = 1; k < kLogTableSize; ++k) t[k] = static_cast<float>(std::log(k));
    return t;
  }();
  return table;
}

float LogOf(std::uint64_t k) {
  return k < kLogTableSize ? LogTable()[k] : static_cast<float>(std::log(static_cast<double>(k)));
}

}  // namespace

Result<TermStats> TermStats::LoadPrior(const std::string& path) {
  // The whole file in one read, then lines as views into it: every process
  // loads the prior at start, so this is start-up time (std::getline into a
  // string took a third of it).
  std::string data;
  {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::IoError("cannot open term prior " + path);
    struct stat st {};
    // A regular file is read with one allocation; anything else (a pipe) to
    // its end. An unreadable one (a directory) reads as empty, as before.
    std::size_t want = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0
                           ? static_cast<std::size_t>(st.st_size) + 1
                           : std::size_t{1} << 16;
    std::size_t got = 0;
    for (;;) {
      if (got == data.size()) data.resize(std::max(want, 2 * data.size()));
      ssize_t n = read(fd, data.data() + got, data.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    close(fd);
    data.resize(got);
  }
  TermStats stats;
  // One entry per line but the header, each table sized once, so that none
  // is rehashed: terms and entity tokens in df_, terms in prior_concept_df_,
  // entity tokens and lower-case words in prior_word_case_.
  std::size_t lines = 0, entity_lines = 0, lower_case_lines = 0;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i] != '\n') continue;
    ++lines;
    if (i + 2 < data.size() && data[i + 2] == ':') {
      entity_lines += data[i + 1] == 'E';
      lower_case_lines += data[i + 1] == 'L';
    }
  }
  stats.df_.reserve(lines - lower_case_lines);
  stats.prior_concept_df_.reserve(lines - lower_case_lines - entity_lines);
  stats.prior_word_case_.reserve(entity_lines + lower_case_lines);
  std::size_t line_no = 0;
  auto bad = [&](std::string_view why) {
    return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": " + std::string(why));
  };
  std::string_view rest(data);
  // Lines as std::getline splits them: at '\n', no empty line after a final one.
  while (!rest.empty()) {
    std::size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(eol == std::string_view::npos ? rest.size() : eol + 1);
    ++line_no;
    if (line_no == 1) {
      constexpr std::string_view kHeader = "#storyline-df\t1\t";
      if (line.rfind(kHeader, 0) != 0) return bad("not a storyline-df version 1 file");
      std::string_view n = line.substr(kHeader.size());
      auto r = std::from_chars(n.data(), n.data() + n.size(), stats.prior_docs_);
      if (r.ec != std::errc() || r.ptr != n.data() + n.size()) return bad("bad document count");
      continue;
    }
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) return bad("expected <term><TAB><df>");
    std::uint32_t df = 0;
    auto r = std::from_chars(line.data() + tab + 1, line.data() + line.size(), df);
    if (r.ec != std::errc() || r.ptr != line.data() + line.size())
      return bad("bad document frequency");
    std::string_view term = line.substr(0, tab);
    if (term.starts_with("L:")) {
      stats.prior_word_case_[text::EntityId(term.substr(2))].in_lower_case += df;
      continue;
    }
    bool entity = term.starts_with("E:");
    std::uint64_t id = entity ? text::EntityId(term.substr(2)) : text::TermId(term);
    stats.df_[id] += df;
    if (entity) {
      stats.prior_word_case_[id].in_names += df;
    } else {
      stats.prior_concept_df_[static_cast<std::uint32_t>(id) & text::kConceptHashMask] += df;
    }
  }
  stats.prior_terms_ = stats.df_.size();
  stats.log_docs_ = LogOf(stats.prior_docs_ + 1);
  if (line_no == 0) return Status::InvalidInput(path + ": empty file, not a storyline-df prior");
  return stats;
}

void TermStats::AddDocument(const text::Analysis& a, std::vector<float>* idfs) {
  ++stream_docs_;
  log_docs_ = LogOf(prior_docs_ + stream_docs_ + 1);
  const auto& b = a.body_terms;
  const auto& t = a.title_terms;
  // Room for every term first, so no insert moves the counts already raised
  // (the table is only ever looked up, never walked: its layout is not seen).
  if (idfs != nullptr) df_.reserve(df_.size() + b.size() + t.size() + a.entity_terms.size());
  counted_.clear();
  auto count = [&](std::uint64_t id) {
    std::uint32_t& df = df_[id];
    ++df;
    if (idfs != nullptr) counted_.push_back(&df);
  };
  // body_terms and title_terms are each sorted by id; count a term once.
  std::size_t i = 0, j = 0;
  while (i < b.size() || j < t.size()) {
    std::uint64_t id;
    if (j >= t.size() || (i < b.size() && b[i].id < t[j].id)) {
      id = b[i++].id;
    } else if (i >= b.size() || t[j].id < b[i].id) {
      id = t[j++].id;
    } else {
      id = b[i].id;
      ++i;
      ++j;
    }
    count(id);
  }
  for (const auto& e : a.entity_terms) count(e.id);
  if (idfs == nullptr) return;
  // Read once all are counted: a text term and an entity token may share an id.
  idfs->clear();
  for (const std::uint32_t* df : counted_) idfs->push_back(log_docs_ - LogOf(*df + 1) + 1.0f);
}

float TermStats::Idf(std::uint64_t id) const {
  std::uint64_t df = 0;
  if (auto it = df_.find(id); it != df_.end()) df = it->second;
  // ln((N + 1) / (df + 1)) + 1, as a difference of two logarithms.
  return log_docs_ - LogOf(df + 1) + 1.0f;
}

float TermStats::PriorConceptIdf(std::uint32_t concept_hash) const {
  std::uint64_t df = 0;
  auto it = prior_concept_df_.find(concept_hash & text::kConceptHashMask);
  if (it != prior_concept_df_.end()) df = it->second;
  return LogOf(prior_docs_ + 1) - LogOf(df + 1) + 1.0f;
}

float TermStats::MaxPriorConceptIdf() const { return LogOf(prior_docs_ + 1) + 1.0f; }

TermStats::WordCase TermStats::PriorWordCase(std::string_view folded_word) const {
  auto it = prior_word_case_.find(text::EntityId(folded_word));
  return it == prior_word_case_.end() ? WordCase{} : it->second;
}

}  // namespace storyline::features
