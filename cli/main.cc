// The `arcane` command line: verbs and flags follow the `opa` CLI where OPA has the same
// verb, so a user of opa is at home. This is the only file that includes CLI11 (it is
// slow to compile); the verbs themselves live in cmd_*.cc.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace arcane::cli;
  CLI::App app{"Arcane: a Rego policy compiler and VM for agent authorization", "arcane"};
  app.require_subcommand(1);
  bool v1_ignored = false;
  app.set_help_all_flag("--help-all", "Print help for every verb");

  ParseCommand parse;
  auto* parse_cmd = app.add_subcommand("parse", "Parse a Rego module and print its AST");
  parse_cmd->add_option("file", parse.file, "The .rego file")->required();
  parse_cmd->add_option("-f,--format", parse.format, "Output format: pretty or json")
      ->check(CLI::IsMember({"pretty", "json"}));
  parse_cmd->add_flag("--v0-compatible", parse.v0_compatible, "Parse with Rego v0 syntax");
  parse_cmd->add_flag("--v1-compatible", v1_ignored, "Parse with Rego v1 syntax (the default; accepted for opa 0.x users)");

  CheckCommand check;
  auto* check_cmd = app.add_subcommand("check", "Check Rego source files for errors");
  check_cmd->add_option("paths", check.paths, "Files and directories (.rego files are checked)")->required();
  check_cmd->add_option("-f,--format", check.format, "Output format: pretty or json")
      ->check(CLI::IsMember({"pretty", "json"}));
  check_cmd->add_flag("--v0-compatible", check.v0_compatible, "Check with Rego v0 syntax");
  check_cmd->add_flag("-S,--strict", check.strict, "Enable compiler strict mode");
  check_cmd->add_flag("--v1-compatible", v1_ignored, "Check with Rego v1 syntax (the default; accepted for opa 0.x users)");
  check_cmd->add_option("-m,--max-errors", check.max_errors, "Stop after this many errors (0: no limit)");
  check_cmd->add_option("--dump-after", check.dump_after, "Print the program after this compiler stage and stop");
  check_cmd->add_option("--capabilities", check.capabilities, "A capabilities JSON file: only its built-ins may be called");

  EvalCommand eval;
  auto* eval_cmd = app.add_subcommand("eval", "Evaluate a Rego query (as `opa eval`)");
  eval_cmd->add_option("query", eval.query, "The query")->required();
  eval_cmd->add_option("-d,--data", eval.data, "Policy or data files and directories (.rego, .json, .yaml)");
  eval_cmd->add_option("-b,--bundle", eval.bundles, "Bundle directories");
  eval_cmd->add_option("-i,--input", eval.input, "The input document (a JSON or YAML file)");
  eval_cmd->add_flag("-I,--stdin-input", eval.stdin_input, "Read the input document from stdin");
  eval_cmd->add_option("-f,--format", eval.format, "Output format: json, raw, pretty, bindings, values or source (--partial)")
      ->check(CLI::IsMember({"json", "raw", "pretty", "bindings", "values", "source"}));
  eval_cmd->add_flag("-p,--partial", eval.partial, "Partially evaluate the query (unknowns: --unknowns)");
  eval_cmd->add_option("-u,--unknowns", eval.unknowns, "Unknown refs for --partial (repeatable; default input)")
      ->allow_extra_args(false);
  eval_cmd->add_flag("--disable-inlining", eval.disable_inlining, "--partial: support rules instead of inlining");
  eval_cmd->add_flag("--v0-compatible", eval.v0_compatible, "Rego v0 syntax for modules and query");
  eval_cmd->add_flag("--v1-compatible", v1_ignored, "Rego v1 syntax (the default; accepted for opa 0.x users)");
  eval_cmd->add_flag("--fail", eval.fail, "Exit 1 if the result is undefined");
  eval_cmd->add_flag("--fail-defined", eval.fail_defined, "Exit 1 if the result is defined");
  eval_cmd->add_flag("--strict-builtin-errors", eval.strict_builtin_errors, "Treat built-in function errors as fatal");
  eval_cmd->add_option("--capabilities", eval.capabilities, "A capabilities JSON file: only its built-ins may be called");
  eval_cmd->add_flag("--metrics", eval.metrics, "Report the time of each phase of the evaluation");
  eval_cmd->add_option("--explain", eval.explain, "Print the evaluation trace: off, full, notes, fails or debug")
      ->check(CLI::IsMember({"off", "full", "notes", "fails", "debug"}));

  TestCommand test;
  auto* test_cmd = app.add_subcommand("test", "Run the test_ rules of Rego modules (as `opa test`)");
  test_cmd->add_option("paths", test.paths, "Files and directories of policies, tests and data")->required();
  test_cmd->add_flag("-b,--bundle", test.bundle, "The paths are bundle directories");
  test_cmd->add_option("-f,--format", test.format, "Output format: pretty or json")
      ->check(CLI::IsMember({"pretty", "json"}));
  test_cmd->add_flag("-v,--verbose", test.verbose, "List every test, not only those that did not pass");
  test_cmd->add_option("-r,--run", test.run, "Run only the tests whose data.<package>.<name> matches this regex");
  test_cmd->add_flag("--v0-compatible", test.v0_compatible, "Rego v0 syntax");
  test_cmd->add_flag("--v1-compatible", v1_ignored, "Rego v1 syntax (the default; accepted for opa 0.x users)");
  test_cmd->add_flag("-z,--exit-zero-on-skipped", test.exit_zero_on_skipped, "Exit 0 even if tests were skipped");
  test_cmd->add_option("--capabilities", test.capabilities, "A capabilities JSON file: only its built-ins may be called");
  test_cmd->add_option("--explain", test.explain, "With -v, the trace of failed tests: fails, full, notes or debug")
      ->check(CLI::IsMember({"fails", "full", "notes", "debug"}));

  CapabilitiesCommand capabilities;
  auto* capabilities_cmd = app.add_subcommand("capabilities", "Print the capabilities document of this build");
  bool current_ignored = false;
  capabilities_cmd->add_flag("--current", current_ignored, "Print the current capabilities (the default)");
  capabilities_cmd->add_flag("--minimal", capabilities.minimal,
                             "Only names, signatures and flags, as OPA's versioned capabilities files");

  BenchCommand bench;
  auto* bench_cmd = app.add_subcommand("bench", "Benchmark a Rego query (as `opa bench`)");
  bench_cmd->add_option("query", bench.query, "The query")->required();
  bench_cmd->add_option("-d,--data", bench.data, "Policy or data files and directories (.rego, .json, .yaml)");
  bench_cmd->add_option("-b,--bundle", bench.bundles, "Bundle directories");
  bench_cmd->add_option("-i,--input", bench.input, "The input document (a JSON or YAML file)");
  bench_cmd->add_option("--count", bench.count, "Number of benchmark runs (one table each)");
  bench_cmd->add_option("--benchtime", bench.benchtime, "Seconds of evaluation per run (default 1)");
  bench_cmd->add_option("-f,--format", bench.format, "Output format: pretty or json")
      ->check(CLI::IsMember({"pretty", "json"}));
  bench_cmd->add_flag("--v0-compatible", bench.v0_compatible, "Rego v0 syntax for modules and query");
  bench_cmd->add_flag("--v1-compatible", v1_ignored, "Rego v1 syntax (the default; accepted for opa 0.x users)");

  auto* version_cmd = app.add_subcommand("version", "Print the version of arcane");

  CLI11_PARSE(app, argc, argv);
  if (parse_cmd->parsed()) return run_parse(parse);
  if (check_cmd->parsed()) return run_check(check);
  if (eval_cmd->parsed()) return run_eval(eval);
  if (test_cmd->parsed()) return run_test(test);
  if (capabilities_cmd->parsed()) return run_capabilities(capabilities);
  if (bench_cmd->parsed()) return run_bench(bench);
  if (version_cmd->parsed()) return run_version();
  return 2;
}
