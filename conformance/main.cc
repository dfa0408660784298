// arcane-conformance: runs OPA's conformance suite through the embedding API and judges
// every case as OPA's own runner does (see FORMAT.md and judge.h).
//
//   arcane-conformance [options] [SUBPATH...]      SUBPATH: v1, v0/aggregates, a file...
//
// Prints one line per topic folder, `topic: N passed, N failed, N skipped`, and last the
// total, `N passed, N failed, N skipped`. Exit status: 0; 1 when the ratchet is broken
// (--check-passing / --update-passing: a case listed in passing.txt failed, was skipped or
// is gone); 2 on bad usage or an unreadable list or suite.
#include <fstream>
#include <iostream>
#include <sstream>

#include "conformance/runner.h"

#ifndef ARCANE_CONFORMANCE_SUITE
#define ARCANE_CONFORMANCE_SUITE "../shared/conformance/opa"
#endif
#ifndef ARCANE_CONFORMANCE_DIR
#define ARCANE_CONFORMANCE_DIR "conformance"
#endif

namespace {

using namespace arcane::conformance;

const char* kUsage =
    "usage: arcane-conformance [options] [SUBPATH...]\n"
    "\n"
    "Runs OPA's conformance cases (default: v0 and v1 under the suite) and judges them as OPA does.\n"
    "\n"
    "  --suite DIR          the suite, holding v0/ and v1/ (default: " ARCANE_CONFORMANCE_SUITE
    ")\n"
    "  --filter REGEX       only cases whose id (v1/topic/file.yaml#N) or note matches\n"
    "  --verbose            print want vs got for every failure\n"
    "  --skips FILE         the skip list (default: " ARCANE_CONFORMANCE_DIR
    "/skips.txt)\n"
    "  --passing FILE       the ratchet list (default: " ARCANE_CONFORMANCE_DIR
    "/passing.txt)\n"
    "  --check-passing      exit 1 if a case in the ratchet list does not pass\n"
    "  --update-passing     add newly passing cases to the ratchet list (never removes any)\n"
    "  --list-passing FILE  write the ids of the cases that passed to FILE\n";

struct Args {
  RunnerOptions runner;
  std::string skips = ARCANE_CONFORMANCE_DIR "/skips.txt";
  std::string passing = ARCANE_CONFORMANCE_DIR "/passing.txt";
  std::string list_passing;
  bool check = false;
  bool update = false;
  bool filtered = false;
};

bool read_text(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  out = std::move(buf).str();
  return true;
}

bool write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

// 0 parsed, 1 help printed, 2 usage error.
int parse_args(int argc, char** argv, Args& a) {
  a.runner.suite_root = ARCANE_CONFORMANCE_SUITE;
  std::vector<std::string> subpaths;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 1;
    } else if (arg == "--suite" && value(v)) {
      a.runner.suite_root = v;
    } else if (arg == "--filter" && value(v)) {
      try {
        a.runner.filter = std::regex(v);
      } catch (const std::regex_error& e) {
        std::cerr << "arcane-conformance: bad --filter: " << e.what() << "\n";
        return 2;
      }
      a.filtered = true;
    } else if (arg == "--verbose") {
      a.runner.verbose = true;
    } else if (arg == "--skips" && value(v)) {
      a.skips = v;
    } else if (arg == "--passing" && value(v)) {
      a.passing = v;
    } else if (arg == "--check-passing") {
      a.check = true;
    } else if (arg == "--update-passing") {
      a.update = true;
    } else if (arg == "--list-passing" && value(v)) {
      a.list_passing = v;
    } else if (!arg.empty() && arg[0] != '-') {
      subpaths.push_back(arg);
    } else {
      std::cerr << "arcane-conformance: bad argument: " << arg << "\n" << kUsage;
      return 2;
    }
  }
  if (!subpaths.empty()) {
    a.runner.subpaths = subpaths;
    a.filtered = true;
  }
  return 0;
}

int ratchet(const Args& a, const RunReport& report) {
  std::string text;
  PassingList list;
  std::string error;
  if (!read_text(a.passing, text) || !parse_passing_list(text, list, error)) {
    std::cerr << "arcane-conformance: " << a.passing << ": " << (error.empty() ? "cannot read" : error) << "\n";
    return 2;
  }
  Ratchet r = check_ratchet(list, report, !a.filtered);
  for (const auto& id : r.failing) std::cerr << "ratchet: listed case does not pass: " << id << "\n";
  for (const auto& id : r.missing) std::cerr << "ratchet: listed case is not in the suite: " << id << "\n";
  if (a.update && !r.fresh.empty()) {
    for (const auto& id : r.fresh) list.ids.insert(id);
    if (!write_text(a.passing, render_passing_list(list))) {
      std::cerr << "arcane-conformance: cannot write " << a.passing << "\n";
      return 2;
    }
    std::cerr << "ratchet: added " << r.fresh.size() << " newly passing case(s) to " << a.passing << "\n";
  } else if (!r.fresh.empty()) {
    std::cerr << "ratchet: " << r.fresh.size() << " passing case(s) are not listed yet (--update-passing adds them)\n";
  }
  if (!r.ok()) {
    std::cerr << "ratchet: " << r.failing.size() + r.missing.size() << " listed case(s) broken; a case leaves "
              << a.passing << " only by editing it\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  if (int rc = parse_args(argc, argv, a); rc != 0) return rc == 1 ? 0 : 2;
  std::string text, error;
  if (!read_text(a.skips, text) || !parse_skip_list(text, a.runner.skips, error)) {
    std::cerr << "arcane-conformance: " << a.skips << ": " << (error.empty() ? "cannot read" : error) << "\n";
    return 2;
  }
  RunReport report = run_suite(a.runner, std::cout);
  for (const auto& e : report.errors) std::cerr << "arcane-conformance: " << e << "\n";
  if (!report.errors.empty()) return 2;
  int rc = 0;
  if (!a.list_passing.empty()) {
    std::string ids;
    for (const auto& c : report.cases) {
      if (c.status == Status::kPassed) ids += c.id + "\n";
    }
    if (!write_text(a.list_passing, ids)) {
      std::cerr << "arcane-conformance: cannot write " << a.list_passing << "\n";
      rc = 2;
    }
  }
  if (a.check || a.update) {
    int r = ratchet(a, report);
    rc = rc != 0 ? rc : r;
  }
  std::cout << summary_text(report);
  return rc;
}
