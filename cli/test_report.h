// The reports of `arcane test`, as `opa test` prints them.
//
// pretty: the tests that did not pass (all of them with -v) under a `FILE:` header, each
// `data.pkg.test_x: PASS|FAIL|ERROR (duration)` or `...: SKIPPED`, an error's text on the
// next line indented by two; a rule of 80 dashes; then `PASS: n/N`, `FAIL: n/N`,
// `SKIPPED: n/N`, `ERROR: n/N` (the non-zero ones). With -v and failures, a FAILURES
// section (each failed test and its trace: notes and fails with their lineage, or what
// --explain selects) comes first and the list is headed SUMMARY.
// json: an array of {location, package, name, fail|error|skip, duration (ns), trace}.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/test_runner.h"

namespace arcane::cli {

std::string pretty_report(const std::vector<TestResult>& results, bool verbose,
                          std::optional<ExplainMode> explain = std::nullopt);
// With traces (test -v), each test also has OPA's "trace" array of the events shown.
std::string json_report(const std::vector<TestResult>& results, std::optional<ExplainMode> explain = std::nullopt);

// Go's time.Duration.String(): `421.997µs`, `1.326053ms`, `2.5s`, `1m3s`.
std::string go_duration(int64_t ns);

}  // namespace arcane::cli
