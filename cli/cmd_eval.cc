// `arcane eval`: build an engine from -d/-b, prepare the query, evaluate it once with the
// -i input, print the result in the chosen format. Exit codes and where errors go follow
// `opa eval`: policy, loading, compile and evaluation errors are printed on stdout in the
// output format, exit 2; an unreadable input file is a plain line on stderr, exit 2;
// --fail / --fail-defined turn an undefined / defined result into exit 1.
#include <cstdio>
#include <iostream>
#include <iterator>

#include "arcane/engine.h"
#include "arcane/value.h"
#include "cli/commands.h"
#include "cli/eval_output.h"
#include "cli/load_report.h"
#include "cli/partial_output.h"
#include "cli/query_setup.h"
#include "cli/trace_output.h"

namespace arcane::cli {

namespace {

constexpr int kExitError = 2;

int report(const Errors& errors, const std::string& format, const Metrics* metrics) {
  std::string text = format == "json" ? to_json(errors, 2, metrics) : errors_text(errors, Phase::kCompiling);
  std::fputs(text.c_str(), stdout);
  std::fputc('\n', stdout);
  return kExitError;
}

Result<Value> stdin_input() {
  std::string text(std::istreambuf_iterator<char>(std::cin), {});
  auto json = value_from_json(text);
  if (json.ok()) return json;
  return value_from_yaml(text);
}

// The input document, if one was given; false when it cannot be read (already reported).
bool read_input(const EvalCommand& cmd, std::optional<Value>& input) {
  if (cmd.input.empty() && !cmd.stdin_input) return true;
  Result<Value> v = cmd.stdin_input ? stdin_input() : load_input_file(cmd.input);
  if (!v.ok()) {
    for (const auto& e : v.errors()) std::fprintf(stderr, "%s\n", e.to_string().c_str());
    return false;
  }
  input = std::move(v).value();
  return true;
}

}  // namespace

int run_eval(const EvalCommand& cmd) {
  EvalOptions eval_options;
  if (!read_input(cmd, eval_options.input)) return kExitError;
  eval_options.strict_builtin_errors = cmd.strict_builtin_errors;

  EngineOptions options;
  options.rego_version = cmd.v0_compatible ? RegoVersion::kV0 : RegoVersion::kV1;
  options.strict_builtin_errors = cmd.strict_builtin_errors;
  if (!cmd.capabilities.empty()) {
    auto caps = Capabilities::load_file(cmd.capabilities);
    if (!caps) return report(caps.errors(), cmd.format, nullptr);
    options.capabilities = std::move(caps).value();
  }
  if (cmd.partial) return run_partial_eval(cmd, options, std::move(eval_options.input));
  if (cmd.format == "source") {
    std::fputs("error: --format source is for partial evaluation (--partial)\n", stderr);
    return kExitError;
  }
  Metrics metrics;
  Metrics* timed = cmd.metrics ? &metrics : nullptr;
  ExplainMode explain = parse_explain_mode(cmd.explain).value_or(ExplainMode::kOff);
  auto query = prepare_cli_query(options, cmd.data, cmd.bundles, cmd.query, timed, explain != ExplainMode::kOff);
  if (!query) return report(query.errors(), cmd.format, timed);

  eval_options.metrics = timed;
  TraceBuffer trace;
  if (explain != ExplainMode::kOff) eval_options.tracer = &trace;
  EvalResult result = query->eval(eval_options);
  // OPA prints the explanation before the result or the error (pretty format only).
  if (cmd.format == "pretty") std::fputs(explain_pretty(trace.events, explain).c_str(), stdout);
  if (result.error) return report(Errors{*result.error}, cmd.format, timed);
  std::string output = format_result(result, cmd.format, timed);
  if (cmd.format == "json") output = with_explanation(output, trace.events, explain);
  std::fputs(output.c_str(), stdout);
  if (cmd.fail && !result.defined()) return 1;
  if (cmd.fail_defined && result.defined()) return 1;
  return 0;
}

}  // namespace arcane::cli
