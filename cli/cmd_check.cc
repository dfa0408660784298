// `arcane check`: parse every module, then run the compiler's stage pipeline over all of
// them, as `opa check` does. Parse errors are reported as loading errors, compile errors
// (one stage at a time, as OPA) as compile errors; both on stderr, exit 1. With
// --dump-after STAGE the pipeline stops after that stage and the program is printed.
#include <cstdint>
#include <cstdio>

#include "cli/commands.h"
#include "cli/load_report.h"
#include "cli/source_loader.h"
#include "compiler/compile/dump.h"
#include "compiler/compile/pipeline.h"
#include "compiler/compile/stdlib_builtins.h"
#include "compiler/parse/parser.h"

namespace arcane::cli {

int run_check(const CheckCommand& cmd) {
  if (!cmd.dump_after.empty() && !compiler::is_stage_name(cmd.dump_after)) {
    std::string names;
    for (const auto& st : compiler::compile_stages()) names += " " + std::string(st.name);
    std::fprintf(stderr, "unknown compiler stage: %s (stages:%s)\n", cmd.dump_after.c_str(), names.c_str());
    return 1;
  }
  runtime::SourceSet sources;
  runtime::Diagnostics diags(cmd.max_errors <= 0 ? SIZE_MAX : static_cast<size_t>(cmd.max_errors));
  auto files = load_rego_files(cmd.paths, sources, diags);

  compiler::ParseOptions options;
  options.version = cmd.v0_compatible ? compiler::RegoVersion::V0 : compiler::RegoVersion::V1;
  std::vector<compiler::ast::Module> modules;
  for (const auto& file : files) {
    if (diags.full()) break;
    auto module = compiler::parse_module(sources, file.id, options, diags);
    if (module.ok()) modules.push_back(std::move(module).value());
  }
  if (!diags.empty()) {
    std::fputs(format_errors(diags, sources, cmd.format, Phase::kLoading).c_str(), stderr);
    return 1;
  }

  compiler::CompileOptions compile;
  compile.builtins = compiler::builtins_from_stdlib();
  compile.sources = &sources;
  compile.stop_after = cmd.dump_after;
  compile.strict = cmd.strict;
  auto program = compiler::compile(std::move(modules), compile, diags);
  if (!diags.empty() || !program.ok()) {
    if (diags.empty()) diags.add(program.error());
    std::fputs(format_errors(diags, sources, cmd.format, Phase::kCompiling).c_str(), stderr);
    return 1;
  }
  if (!cmd.dump_after.empty()) std::fputs(compiler::dump_rules(*program).c_str(), stdout);
  return 0;
}

}  // namespace arcane::cli
