// `arcane test`: load the paths as `opa test` does (modules and data, or bundles with -b),
// run every discovered test through the embedding API, report as OPA. Policies that do not
// load or compile are reported on stderr as text, whatever --format, exit 1.
#include <cstdio>
#include <memory>
#include <optional>

#include <re2/re2.h>

#include "cli/commands.h"
#include "cli/load_report.h"
#include "cli/test_report.h"
#include "cli/test_runner.h"

namespace arcane::cli {

namespace {

constexpr int kExitCompile = 1;
constexpr int kExitFailed = 2;

EngineBuilder make_builder(const TestCommand& cmd, const std::optional<Capabilities>& caps,
                           const DiscoveredTests* renamed) {
  EngineOptions options;
  options.rego_version = cmd.v0_compatible ? RegoVersion::kV0 : RegoVersion::kV1;
  options.capabilities = caps;
  EngineBuilder builder(options);
  for (const auto& path : cmd.paths) {
    if (cmd.bundle) {
      builder.add_bundle(path);
    } else {
      builder.add_path(path);
    }
  }
  // A module added again under its name replaces the one loaded from the path.
  if (renamed != nullptr) {
    for (const auto& [name, text] : renamed->rewritten) builder.add_module(name, text);
  }
  return builder;
}

int report_build_errors(const Errors& errors) {
  Phase phase = is_loading_failure(errors) ? Phase::kLoading : Phase::kCompiling;
  std::fprintf(stderr, "%s\n", errors_text(errors, phase).c_str());
  return kExitCompile;
}

}  // namespace

int run_test(const TestCommand& cmd) {
  // --run is a Go regular expression in OPA, so RE2 (the same syntax) matches it.
  std::unique_ptr<re2::RE2> filter;
  if (!cmd.run.empty()) {
    filter = std::make_unique<re2::RE2>(cmd.run, re2::RE2::Quiet);
    if (!filter->ok()) {
      std::fprintf(stderr, "error: invalid --run expression %s: %s\n", cmd.run.c_str(), filter->error().c_str());
      return kExitCompile;
    }
  }
  std::optional<Capabilities> caps;
  if (!cmd.capabilities.empty()) {
    auto loaded = Capabilities::load_file(cmd.capabilities);
    if (!loaded) return report_build_errors(loaded.errors());
    caps = std::move(loaded).value();
  }
  auto engine = make_builder(cmd, caps, nullptr).build();
  if (!engine) return report_build_errors(engine.errors());
  DiscoveredTests found = discover_tests(*engine, cmd.v0_compatible);
  if (!found.rewritten.empty()) {
    engine = make_builder(cmd, caps, &found).build();
    if (!engine) return report_build_errors(engine.errors());
  }

  PrepareOptions prepare;
  prepare.rego_version = cmd.v0_compatible ? RegoVersion::kV0 : RegoVersion::kV1;
  // As opa test: traces only in verbose mode, where failures show them.
  prepare.trace = cmd.verbose;
  std::vector<TestResult> results;
  for (const auto& test : found.tests) {
    if (filter && !re2::RE2::PartialMatch(test.package + "." + test.name, *filter)) continue;
    results.push_back(run_test_case(*engine, test, prepare));
  }

  std::optional<ExplainMode> explain;
  if (!cmd.explain.empty()) explain = parse_explain_mode(cmd.explain);
  std::string out = cmd.format == "json" ? json_report(results, explain) : pretty_report(results, cmd.verbose, explain);
  std::fputs(out.c_str(), stdout);
  bool failed = false, skipped = false;
  for (const auto& r : results) {
    failed = failed || r.fail || r.error;
    skipped = skipped || r.test.skip;
  }
  if (failed || (skipped && !cmd.exit_zero_on_skipped)) return kExitFailed;
  return 0;
}

}  // namespace arcane::cli
