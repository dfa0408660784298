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
  std::string dump_after;  // a compiler stage: print the program after it
  std::string capabilities;  // a capabilities document: only its built-ins may be called
  bool strict = false;     // OPA strict mode: unused imports, assigned vars, arguments
};

// `opa eval`: exit 0 on any successful evaluation, 1 from --fail / --fail-defined, 2 on
// any error.
struct EvalCommand {
  std::string query;
  std::vector<std::string> data;     // -d: files and directories
  std::vector<std::string> bundles;  // -b: bundle directories
  std::string input;                 // -i: a JSON or YAML file
  bool stdin_input = false;          // -I: the input document from stdin
  std::string format = "json";       // json | raw | pretty | bindings | values
  bool v0_compatible = false;
  bool fail = false;          // exit 1 when the result is undefined
  bool fail_defined = false;  // exit 1 when the result is defined
  bool strict_builtin_errors = false;
  std::string explain = "off";  // --explain: off | full | notes | fails | debug (cli/trace_output.h)
  std::string capabilities;  // a capabilities document: only its built-ins may be called
  bool metrics = false;      // report the time of each phase (OPA's timer_rego_*_ns)
  bool partial = false;                // -p: partial evaluation (cli/partial_output.h)
  std::vector<std::string> unknowns;   // -u: unknown refs for --partial (default input)
  bool disable_inlining = false;       // --disable-inlining: support rules for every rule
};

// `opa test`: exit 0 when every test passes, 2 when one fails, errors or is skipped, 1
// when the policies do not load or compile.
struct TestCommand {
  std::vector<std::string> paths;
  bool bundle = false;          // -b: the paths are bundle directories
  std::string format = "pretty";  // pretty | json
  bool verbose = false;
  std::string run;  // a regular expression over `data.pkg.test_name`
  bool v0_compatible = false;
  bool exit_zero_on_skipped = false;
  std::string capabilities;  // a capabilities document: only its built-ins may be called
  std::string explain;       // with -v: fails | full | notes | debug (empty: notes and fails)
};

// `opa capabilities --current`: the capabilities document of this build.
struct CapabilitiesCommand {
  bool minimal = false;  // as OPA's versioned files: no descriptions or categories
};

// `opa bench`: evaluate a prepared query repeatedly and print the cost of one evaluation
// (pretty: opa bench's table; json: Go's testing.BenchmarkResult). Exit 1 on any error
// or an undefined result.
struct BenchCommand {
  std::string query;
  std::vector<std::string> data;     // -d: files and directories
  std::vector<std::string> bundles;  // -b: bundle directories
  std::string input;                 // -i: a JSON or YAML file
  int count = 1;                     // benchmark runs, one table each
  double benchtime = 1.0;            // seconds of evaluation per run
  std::string format = "pretty";     // pretty | json
  bool v0_compatible = false;
};

int run_parse(const ParseCommand& cmd);
int run_check(const CheckCommand& cmd);
int run_eval(const EvalCommand& cmd);
int run_test(const TestCommand& cmd);
int run_capabilities(const CapabilitiesCommand& cmd);
int run_bench(const BenchCommand& cmd);
int run_version();

}  // namespace arcane::cli
