// The conformance run: walk the suite, run every selected case, judge it, count per topic
// folder, and check the ratchet.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <regex>
#include <string>
#include <vector>

#include "conformance/execute.h"
#include "conformance/lists.h"

namespace arcane::conformance {

struct RunnerOptions {
  std::string suite_root;                         // the folder holding v0/ and v1/
  std::vector<std::string> subpaths{"v0", "v1"};  // trees, topic folders or files under it
  std::optional<std::regex> filter;               // searched in each case's id and note
  bool verbose = false;                           // want vs got for each failure
  SkipList skips;
  ExecuteOptions execute;
};

struct Counts {
  size_t passed = 0;
  size_t failed = 0;
  size_t skipped = 0;
};

enum class Status { kPassed, kFailed, kSkipped };

struct CaseReport {
  std::string id;  // a case id, or a file for a file that could not be read
  std::string topic;
  std::string note;
  Status status = Status::kFailed;
  std::string detail;  // why it failed or was skipped
};

struct RunReport {
  std::vector<CaseReport> cases;  // in suite order
  std::map<std::string, Counts> topics;
  Counts total;
  std::vector<std::string> errors;  // subpaths that could not be walked
};

// Runs the selected cases; with options.verbose, writes each failure's details to `log`.
RunReport run_suite(const RunnerOptions& options, std::ostream& log);

// One line per topic folder, `topic: N passed, N failed, N skipped`, then the total line
// `N passed, N failed, N skipped`.
std::string summary_text(const RunReport& report);

struct Ratchet {
  std::vector<std::string> failing;  // listed, and failed or skipped in this run
  std::vector<std::string> missing;  // listed, but not in the suite (only known on a full run)
  std::vector<std::string> fresh;    // passed, and not listed yet
  bool ok() const { return failing.empty() && missing.empty(); }
};

// `full_run`: every tree ran without a filter, so a listed case that was not seen is missing.
Ratchet check_ratchet(const PassingList& list, const RunReport& report, bool full_run);

}  // namespace arcane::conformance
