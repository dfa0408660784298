// The verbs of the `arcane` binary. main.cc maps the command line onto these option
// structs (it is the only file that sees CLI11); each verb is a plain function returning
// the process exit code, so verbs can be tested and reused without the argument parser.
#pragma once

#include <string>
#include <vector>

namespace arcane::cli {

struct ParseCommand {
  std::string file;
  std::string format = "pretty";  // pretty | json
  bool v0_compatible = false;
};

struct CheckCommand {
  std::vector<std::string> paths;
  std::string format = "pretty";  // pretty | json
  bool v0_compatible = false;
  int max_errors = 10;
};

int run_parse(const ParseCommand& cmd);
int run_check(const CheckCommand& cmd);
int run_version();

}  // namespace arcane::cli
