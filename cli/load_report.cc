#include "cli/load_report.h"

#include <algorithm>

namespace arcane::cli {

std::string format_errors(const runtime::Diagnostics& diags, const runtime::SourceSet& sources,
                          const std::string& format, Phase phase) {
  if (format == "json") return runtime::render_json(diags, sources, 2) + "\n";
  size_t n = diags.size();
  std::string out = std::to_string(n) + (n == 1 ? " error occurred" : " errors occurred");
  if (phase == Phase::kLoading) out += " during loading";
  out += n == 1 ? ": " : ":\n";
  out += runtime::render_human(diags, sources, runtime::RenderStyle::kOpa);
  return out;
}

std::string error_text(const Error& error) {
  std::string out = error.to_string();
  if (error.source_line && error.location) {
    // OPA's ParserErrorDetail.Lines: the line without its leading tabs, a caret below.
    const std::string& line = *error.source_line;
    size_t tabs = std::min(line.find_first_not_of('\t'), line.size());
    int indent = std::max(0, error.location->col - 1 - static_cast<int>(tabs));
    out += "\n\t" + line.substr(tabs) + "\n\t" + std::string(static_cast<size_t>(indent), ' ') + "^";
  }
  return out;
}

std::string errors_text(const Errors& errors, Phase phase) {
  size_t n = errors.size();
  std::string out = std::to_string(n) + (n == 1 ? " error occurred" : " errors occurred");
  if (phase == Phase::kLoading) out += " during loading";
  out += n == 1 ? ": " : ":\n";
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out += "\n";
    out += error_text(errors[i]);
  }
  return out;
}

bool is_loading_failure(const Errors& errors) {
  return std::all_of(errors.begin(), errors.end(),
                     [](const Error& e) { return e.code.empty() || e.code == "rego_parse_error"; });
}

}  // namespace arcane::cli
