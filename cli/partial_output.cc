#include "cli/partial_output.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "cli/load_report.h"

namespace arcane::cli {

namespace {

constexpr int kExitError = 2;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    std::string expanded;
    for (char c : line) expanded += c == '\t' ? std::string("  ") : std::string(1, c);
    out.push_back(std::move(expanded));
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

size_t width_of(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Two columns, a rule between rows; a cell of several lines spans several table lines.
std::string table(const std::vector<std::pair<std::string, std::string>>& rows) {
  size_t w0 = 0;
  size_t w1 = 0;
  std::vector<std::vector<std::string>> cells;
  for (const auto& [label, text] : rows) {
    w0 = std::max(w0, width_of(label));
    cells.push_back(lines_of(text));
    for (const auto& l : cells.back()) w1 = std::max(w1, width_of(l));
  }
  std::string rule = "+" + std::string(w0 + 2, '-') + "+" + std::string(w1 + 2, '-') + "+\n";
  std::string out = rule;
  for (size_t r = 0; r < rows.size(); ++r) {
    size_t n = std::max<size_t>(1, cells[r].size());
    for (size_t i = 0; i < n; ++i) {
      std::string label = i == 0 ? rows[r].first : "";
      std::string line = i < cells[r].size() ? cells[r][i] : "";
      out += "| " + label + std::string(w0 - width_of(label), ' ') + " | " + line +
             std::string(w1 - width_of(line), ' ') + " |\n";
    }
    out += rule;
  }
  return out;
}

}  // namespace

std::string format_partial(const PartialResult& result, const std::string& format) {
  if (format == "json") return to_opa_json(result) + "\n";
  if (format == "source") {
    std::string out;
    for (size_t i = 0; i < result.queries.size(); ++i) {
      out += "# Query " + std::to_string(i + 1) + "\n" + result.queries[i] + "\n";
    }
    for (size_t i = 0; i < result.support.size(); ++i) {
      out += "# Module " + std::to_string(i + 1) + "\n" + result.support[i];
    }
    return out;
  }
  if (result.queries.empty()) return "undefined\n";
  std::vector<std::pair<std::string, std::string>> rows;
  for (size_t i = 0; i < result.queries.size(); ++i) rows.emplace_back("Query " + std::to_string(i + 1), result.queries[i]);
  for (size_t i = 0; i < result.support.size(); ++i) {
    rows.emplace_back("Support " + std::to_string(i + 1), result.support[i]);
  }
  return table(rows);
}

int run_partial_eval(const EvalCommand& cmd, const EngineOptions& options, std::optional<Value> input) {
  auto fail = [&](const Errors& errors) {
    std::string text = cmd.format == "json" ? to_json(errors, 2) : errors_text(errors, Phase::kCompiling);
    std::fputs(text.c_str(), stdout);
    std::fputc('\n', stdout);
    return kExitError;
  };
  if (cmd.format != "json" && cmd.format != "pretty" && cmd.format != "source") {
    std::fprintf(stderr, "error: --partial supports the formats json, pretty and source, not %s\n", cmd.format.c_str());
    return kExitError;
  }
  EngineBuilder builder(options);
  use_for_partial_evaluation(builder);
  for (const auto& path : cmd.data) builder.add_path(path);
  for (const auto& path : cmd.bundles) builder.add_bundle(path);
  auto engine = builder.build();
  if (!engine) return fail(engine.errors());
  PartialOptions popts;
  popts.unknowns = cmd.unknowns;
  popts.disable_inlining = cmd.disable_inlining;
  popts.input = std::move(input);
  auto result = partial_eval(*engine, cmd.query, popts);
  if (!result) return fail(result.errors());
  std::fputs(format_partial(*result, cmd.format).c_str(), stdout);
  bool defined = !result->queries.empty();
  if (cmd.fail && !defined) return 1;
  if (cmd.fail_defined && defined) return 1;
  return 0;
}

}  // namespace arcane::cli
