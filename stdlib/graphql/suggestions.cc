// Suggestions for validation messages (see suggestions.h).
#include "stdlib/graphql/suggestions.h"

#include <algorithm>
#include <cmath>

namespace arcane::stdlib::graphql {

namespace {

int levenshtein(const std::string& a, const std::string& b) {
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int prev = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int cur = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return row[b.size()];
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

std::vector<std::string> suggestion_list(const std::string& input, const std::vector<std::string>& options) {
  std::vector<std::pair<int, std::string>> hits;
  int threshold = std::max(1, static_cast<int>(std::floor(static_cast<double>(input.size()) * 0.4) + 1));
  for (const std::string& o : options) {
    int d = input == o ? 0 : lower(input) == lower(o) ? 1 : levenshtein(lower(input), lower(o));
    if (d <= threshold) hits.emplace_back(d, o);
  }
  std::stable_sort(hits.begin(), hits.end());
  std::vector<std::string> out;
  for (auto& h : hits) out.push_back(std::move(h.second));
  return out;
}

std::string quoted_or_list(std::vector<std::string> items) {
  for (std::string& s : items) s = "\"" + s + "\"";
  if (items.size() > 5) items.resize(5);
  if (items.size() == 2) return items[0] + " or " + items[1];
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i != 0) out += i == items.size() - 1 ? ", or " : ", ";
    out += items[i];
  }
  return out;
}

std::string suggest(const std::string& prefix, const std::string& typed, const std::vector<std::string>& options) {
  std::vector<std::string> s = suggestion_list(typed, options);
  return s.empty() ? "" : " " + prefix + " " + quoted_or_list(s) + "?";
}

}  // namespace arcane::stdlib::graphql
