// `arcane test`: discovering the test rules of the loaded modules and running each one as
// a query through the embedding API, as OPA's tester does.
//
// A test is a rule whose name (the first part of its head ref's ground prefix that
// starts so) starts with `test_`; `todo_test_` marks one that is skipped. Each test runs
// as the query `data.<package>.<name>` and passes when that is `true`. OPA renames the
// second and later rules of one test name in a package to `name#01`, `name#02`, ... so that
// each body runs on its own; we do the same by renaming them in the module text to a
// private identifier before the engine is built (the report shows OPA's `#NN` name).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "arcane/engine.h"

namespace arcane::cli {

struct TestCase {
  std::string file;     // the module name
  int row = 0, col = 0;  // of the rule
  std::string package;  // "data.authz_test"
  std::string name;     // "test_read", "test_read#01"
  std::string query;    // "data.authz_test.test_read"
  bool skip = false;    // todo_test_
};

struct TestResult {
  TestCase test;
  bool fail = false;
  std::optional<Error> error;
  int64_t duration_ns = 0;
  std::vector<TraceEvent> trace;  // when run traced (test -v)

  bool pass() const { return !fail && !test.skip && !error; }
};

struct DiscoveredTests {
  std::vector<TestCase> tests;  // by module name, then source order
  // Modules whose duplicate test names were renamed: (module name, rewritten text).
  std::vector<std::pair<std::string, std::string>> rewritten;
};

// The tests of the modules `engine` was built from (read back from their files).
DiscoveredTests discover_tests(const Engine& engine, bool v0_compatible);

// Runs one test (skipped ones are not evaluated); with options.trace, records its trace.
TestResult run_test_case(const Engine& engine, const TestCase& test, const PrepareOptions& options);

// `data.a["b-c"].d`: a ref as OPA prints it.
std::string ref_text(const std::vector<std::string>& parts);

}  // namespace arcane::cli
