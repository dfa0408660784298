#include "conformance/runner.h"

#include <fstream>
#include <set>
#include <sstream>

#include "conformance/judge.h"

namespace arcane::conformance {

namespace {

bool read_text(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  out = std::move(buf).str();
  return true;
}

std::string topic_of_file(const std::string& file) {
  size_t first = file.find('/');
  if (first == std::string::npos) return "";
  size_t second = file.find('/', first + 1);
  return second == std::string::npos ? file.substr(0, first) : file.substr(0, second);
}

class Run {
 public:
  Run(const RunnerOptions& options, std::ostream& log) : options_(options), log_(log) {}

  RunReport go() {
    for (const auto& sub : options_.subpaths) {
      std::vector<std::string> files;
      std::string error;
      if (!list_case_files(options_.suite_root, sub, files, error)) {
        report_.errors.push_back(error);
        continue;
      }
      for (const auto& f : files) run_file(f);
    }
    return std::move(report_);
  }

 private:
  bool selected(const std::string& id, const std::string& note) const {
    if (!options_.filter) return true;
    return std::regex_search(id, *options_.filter) || std::regex_search(note, *options_.filter);
  }

  void run_file(const std::string& file) {
    std::string text;
    CaseFile cf;
    if (!read_text(options_.suite_root + "/" + file, text)) {
      cf.file = file;
      cf.error = "cannot read the file";
    } else {
      cf = parse_case_file(text, file);
    }
    if (cf.error) {
      if (!selected(file, "")) return;
      add({file, topic_of_file(file), "", Status::kFailed, "unreadable case file: " + *cf.error});
      if (options_.verbose) log_ << "FAIL " << file << "\n  reason: unreadable case file: " << *cf.error << "\n";
      return;
    }
    for (const Case& c : cf.cases) run_case(c);
  }

  void run_case(const Case& c) {
    if (!selected(c.id, c.note)) return;
    if (const std::string* reason = options_.skips.reason_for(c.id, c.file)) {
      add({c.id, c.topic, c.note, Status::kSkipped, *reason});
      return;
    }
    Verdict v = judge(c, execute(c, options_.execute));
    if (v.pass) {
      add({c.id, c.topic, c.note, Status::kPassed, ""});
      return;
    }
    if (options_.verbose) {
      log_ << "FAIL " << c.id << " (" << c.note << ")\n"
           << "  reason: " << v.reason << "\n"
           << "  want:   " << v.want << "\n"
           << "  got:    " << v.got << "\n";
    }
    add({c.id, c.topic, c.note, Status::kFailed, v.reason});
  }

  void add(CaseReport r) {
    Counts& t = report_.topics[r.topic];
    size_t Counts::*field = r.status == Status::kPassed   ? &Counts::passed
                            : r.status == Status::kFailed ? &Counts::failed
                                                          : &Counts::skipped;
    ++(t.*field);
    ++(report_.total.*field);
    report_.cases.push_back(std::move(r));
  }

  const RunnerOptions& options_;
  std::ostream& log_;
  RunReport report_;
};

std::string counts_text(const Counts& c) {
  return std::to_string(c.passed) + " passed, " + std::to_string(c.failed) + " failed, " + std::to_string(c.skipped) +
         " skipped";
}

}  // namespace

RunReport run_suite(const RunnerOptions& options, std::ostream& log) {
  return Run(options, log).go();
}

std::string summary_text(const RunReport& report) {
  std::string out;
  for (const auto& [topic, counts] : report.topics) out += topic + ": " + counts_text(counts) + "\n";
  out += counts_text(report.total) + "\n";
  return out;
}

Ratchet check_ratchet(const PassingList& list, const RunReport& report, bool full_run) {
  Ratchet r;
  std::set<std::string> seen;
  for (const auto& c : report.cases) {
    seen.insert(c.id);
    bool listed = list.ids.count(c.id) > 0;
    if (listed && c.status != Status::kPassed) r.failing.push_back(c.id);
    if (!listed && c.status == Status::kPassed) r.fresh.push_back(c.id);
  }
  if (full_run) {
    for (const auto& id : list.ids) {
      if (seen.count(id) == 0) r.missing.push_back(id);
    }
  }
  return r;
}

}  // namespace arcane::conformance
