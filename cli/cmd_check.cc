// `arcane check`: parse every module, then run the compiler's stage pipeline over all of
// them, as `opa check` does. Parse errors are reported as loading errors, compile errors
// (one stage at a time, as OPA) as compile errors; both on stderr, exit 1. With
// --dump-after STAGE the pipeline stops after that stage and the program is printed.
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/load_report.h"
#include "cli/source_loader.h"
#include "compiler/compile/dump.h"
#include "compiler/compile/pipeline.h"
#include "compiler/compile/stdlib_builtins.h"
#include "compiler/parse/parser.h"

namespace arcane::cli {

namespace {

// The built-ins a capabilities file allows; nullptr when it cannot be read (reported).
std::shared_ptr<const compiler::BuiltinTable> capabilities_table(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string why = std::strerror(errno);  // lower-cased, as Go words it
    if (!why.empty()) why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
    std::fprintf(stderr, "error: open %s: %s\n", path.c_str(), why.c_str());
    return nullptr;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto table = compiler::builtins_from_capabilities(text.str());
  if (!table.ok()) {
    std::fprintf(stderr, "error: %s: %s\n", path.c_str(), table.error().message.c_str());
    return nullptr;
  }
  return table.value();
}

}  // namespace

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
  if (!cmd.capabilities.empty()) {
    auto caps = capabilities_table(cmd.capabilities);
    if (!caps) return 1;
    compile.builtins = std::move(caps);
  }
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
