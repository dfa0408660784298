#include <cstdio>

#include "cli/commands.h"
#include "cli/load_report.h"
#include "cli/source_loader.h"
#include "compiler/ast/ast_json.h"
#include "compiler/ast/ast_pretty.h"
#include "compiler/parse/parser.h"

namespace arcane::cli {

int run_parse(const ParseCommand& cmd) {
  runtime::SourceSet sources;
  runtime::Diagnostics diags;
  auto files = load_rego_files({cmd.file}, sources, diags);
  if (files.empty()) {
    std::fputs(format_errors(diags, sources, cmd.format, Phase::kLoading).c_str(), stderr);
    return 1;
  }
  compiler::ParseOptions options;
  options.version = cmd.v0_compatible ? compiler::RegoVersion::V0 : compiler::RegoVersion::V1;
  auto module = compiler::parse_module(sources, files.front().id, options, diags);
  if (!module.ok() || !diags.empty()) {
    std::fputs(format_errors(diags, sources, cmd.format, Phase::kLoading).c_str(), stderr);
    return 1;
  }
  std::string text = cmd.format == "json" ? compiler::ast::to_json(*module, sources) : compiler::ast::to_pretty(*module);
  std::fputs(text.c_str(), stdout);
  std::fputc('\n', stdout);
  return 0;
}

}  // namespace arcane::cli
