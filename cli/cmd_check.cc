#include <cstdint>
#include <cstdio>

#include "cli/commands.h"
#include "cli/load_report.h"
#include "cli/source_loader.h"
#include "compiler/parse/parser.h"

namespace arcane::cli {

int run_check(const CheckCommand& cmd) {
  runtime::SourceSet sources;
  runtime::Diagnostics diags(cmd.max_errors <= 0 ? SIZE_MAX : static_cast<size_t>(cmd.max_errors));
  auto files = load_rego_files(cmd.paths, sources, diags);

  compiler::ParseOptions options;
  options.version = cmd.v0_compatible ? compiler::RegoVersion::V0 : compiler::RegoVersion::V1;
  for (const auto& file : files) {
    if (diags.full()) break;
    auto module = compiler::parse_module(sources, file.id, options, diags);
    (void)module;
  }
  if (diags.empty()) return 0;
  std::fputs(format_errors(diags, sources, cmd.format, Phase::kLoading).c_str(), stderr);
  return 1;
}

}  // namespace arcane::cli
