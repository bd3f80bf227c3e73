#include "eval/metrics.h"

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace storyline::eval {

Result<Labels> LoadLabels(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot open " + path);
  Labels labels;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = path + ":" + std::to_string(line_no) + ": ";
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object())
      return Status::InvalidInput(where + "not a JSON object");
    if (!j.contains("id")) return Status::InvalidInput(where + "no \"id\"");
    auto text = [](const nlohmann::json& v) {
      return v.is_string() ? v.get<std::string>() : v.dump();
    };
    std::string id = text(j["id"]);
    bool found = false;
    for (const char* key : {"story", "label", "event_idx", "subtopic", "topic"}) {
      if (j.contains(key)) {
        labels[id] = text(j[key]);
        found = true;
        break;
      }
    }
    if (!found) return Status::InvalidInput(where + "no \"story\" or \"label\"");
  }
  return labels;
}

Result<Scores> Score(const Labels& gold, const Labels& pred) {
  for (const auto& [id, g] : gold) {
    if (!pred.count(id))
      return Status::InvalidInput("gold id \"" + id + "\" missing from prediction");
  }
  Scores s;
  s.n = gold.size();
  if (s.n == 0) return Status::InvalidInput("gold is empty");

  std::map<std::string, std::size_t> gsize, psize;
  std::map<std::pair<std::string, std::string>, std::size_t> cont;
  for (const auto& [id, g] : gold) {
    const std::string& p = pred.at(id);
    ++gsize[g];
    ++psize[p];
    ++cont[{g, p}];
  }
  s.gold_k = gsize.size();
  s.pred_k = psize.size();

  // B-cubed: per item, |G ∩ C| / |C| and / |G|, averaged.
  double bp = 0, br = 0;
  for (const auto& [gp, inter] : cont) {
    bp += static_cast<double>(inter) * inter / psize[gp.second];
    br += static_cast<double>(inter) * inter / gsize[gp.first];
  }
  double n = static_cast<double>(s.n);
  s.bcubed_p = bp / n;
  s.bcubed_r = br / n;
  s.bcubed_f1 =
      s.bcubed_p + s.bcubed_r > 0 ? 2 * s.bcubed_p * s.bcubed_r / (s.bcubed_p + s.bcubed_r) : 0;

  auto c2 = [](double k) { return k * (k - 1) / 2; };
  double tp = 0, gp = 0, pp = 0;
  for (const auto& [k, v] : cont) tp += c2(static_cast<double>(v));
  for (const auto& [k, v] : gsize) gp += c2(static_cast<double>(v));
  for (const auto& [k, v] : psize) pp += c2(static_cast<double>(v));
  s.pair_p = pp > 0 ? tp / pp : 1.0;
  s.pair_r = gp > 0 ? tp / gp : 1.0;
  s.pair_f1 = s.pair_p + s.pair_r > 0 ? 2 * s.pair_p * s.pair_r / (s.pair_p + s.pair_r) : 0;
  double total = c2(n);
  double expected = total > 0 ? gp * pp / total : 0;
  double denom = 0.5 * (gp + pp) - expected;
  s.ari = denom != 0 ? (tp - expected) / denom : 1.0;

  double mi = 0, hg = 0, hp = 0;
  for (const auto& [k, v] : cont) {
    double vv = static_cast<double>(v);
    mi += vv / n * std::log(vv * n / (static_cast<double>(gsize[k.first]) * psize[k.second]));
  }
  for (const auto& [k, v] : gsize) hg -= v / n * std::log(v / n);
  for (const auto& [k, v] : psize) hp -= v / n * std::log(v / n);
  s.nmi = hg + hp > 0 ? 2 * mi / (hg + hp) : 1.0;
  return s;
}

}  // namespace storyline::eval
