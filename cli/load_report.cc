#include "cli/load_report.h"

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

}  // namespace arcane::cli
