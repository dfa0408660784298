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
  check_cmd->add_flag("--v1-compatible", v1_ignored, "Check with Rego v1 syntax (the default; accepted for opa 0.x users)");
  check_cmd->add_option("-m,--max-errors", check.max_errors, "Stop after this many errors (0: no limit)");

  auto* version_cmd = app.add_subcommand("version", "Print the version of arcane");

  CLI11_PARSE(app, argc, argv);
  if (parse_cmd->parsed()) return run_parse(parse);
  if (check_cmd->parsed()) return run_check(check);
  if (version_cmd->parsed()) return run_version();
  return 2;
}
