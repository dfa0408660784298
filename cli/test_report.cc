#include "cli/test_report.h"

#include "cli/trace_output.h"
#include "runtime/json_text.h"

namespace arcane::cli {

namespace {

const std::string kRule = std::string(80, '-') + "\n";

// The integer and fraction of `v` / 10^digits, the fraction's trailing zeros dropped.
std::string decimal(uint64_t v, int digits) {
  uint64_t scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  std::string frac = std::to_string(v % scale);
  frac = std::string(static_cast<size_t>(digits) - frac.size(), '0') + frac;
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return std::to_string(v / scale) + (frac.empty() ? "" : "." + frac);
}

std::string outcome(const TestResult& r) {
  if (r.pass()) return "PASS";
  if (r.fail) return "FAIL";
  if (r.test.skip) return "SKIPPED";
  return "ERROR";
}

std::string line(const TestResult& r) {
  std::string out = r.test.package + "." + r.test.name + ": " + outcome(r);
  if (!r.test.skip) out += " (" + go_duration(r.duration_ns) + ")";
  return out + "\n";
}

void write_error(runtime::JsonTextWriter& w, const Error& e) {
  w.begin_object();
  if (!e.code.empty()) w.key("code").string(e.code);
  w.key("message").string(e.message);
  if (e.location) {
    w.key("location").begin_object();
    w.key("file").string(e.location->file).key("row").number(e.location->row).key("col").number(e.location->col);
    w.end_object();
  }
  w.end_object();
}

}  // namespace

std::string go_duration(int64_t ns) {
  if (ns == 0) return "0s";
  std::string sign = ns < 0 ? "-" : "";
  uint64_t u = ns < 0 ? static_cast<uint64_t>(-(ns + 1)) + 1 : static_cast<uint64_t>(ns);
  if (u < 1000) return sign + std::to_string(u) + "ns";
  if (u < 1000000) return sign + decimal(u, 3) + "\u00b5s";
  if (u < 1000000000) return sign + decimal(u, 6) + "ms";
  uint64_t seconds = u / 1000000000, nanos = u % 1000000000;
  std::string out = decimal((seconds % 60) * 1000000000 + nanos, 9) + "s";
  uint64_t minutes = seconds / 60;
  if (minutes > 0) {
    out = std::to_string(minutes % 60) + "m" + out;
    if (minutes >= 60) out = std::to_string(minutes / 60) + "h" + out;
  }
  return sign + out;
}

std::string pretty_report(const std::vector<TestResult>& results, bool verbose, std::optional<ExplainMode> explain) {
  size_t pass = 0, fail = 0, skip = 0, errors = 0;
  std::string out;
  for (const auto& r : results) {
    if (r.pass()) {
      ++pass;
    } else if (r.test.skip) {
      ++skip;
    } else if (r.error) {
      ++errors;
    } else {
      ++fail;
    }
  }
  if (fail > 0 && verbose) {
    out += "FAILURES\n" + kRule;
    for (const auto& r : results) {
      if (r.fail) out += line(r) + "\n" + test_failure_trace(r.trace, explain) + "\n";
    }
    out += "SUMMARY\n" + kRule;
  }
  bool dirty = false;
  std::string last_file;
  for (const auto& r : results) {
    if (verbose || !r.pass()) {
      if (r.test.file != last_file) {
        if (!last_file.empty()) out += "\n";
        out += r.test.file + ":\n";
        last_file = r.test.file;
      }
      dirty = true;
      out += line(r);
    }
    if (r.error) out += "  " + r.error->to_string() + "\n";
  }
  if (dirty) out += kRule;
  size_t total = results.size();
  auto summary = [&](const char* label, size_t n) {
    if (n > 0) out += std::string(label) + ": " + std::to_string(n) + "/" + std::to_string(total) + "\n";
  };
  summary("PASS", pass);
  summary("FAIL", fail);
  summary("SKIPPED", skip);
  summary("ERROR", errors);
  return out;
}

std::string json_report(const std::vector<TestResult>& results, std::optional<ExplainMode> explain) {
  runtime::JsonTextWriter w(2);
  w.begin_array();
  for (const auto& r : results) {
    w.begin_object();
    w.key("location").begin_object();
    w.key("file").string(r.test.file).key("row").number(r.test.row).key("col").number(r.test.col);
    w.end_object();
    w.key("package").string(r.test.package);
    w.key("name").string(r.test.name);
    if (r.fail) w.key("fail").boolean(true);
    if (r.error) {
      w.key("error");
      write_error(w, *r.error);
    }
    if (r.test.skip) w.key("skip").boolean(true);
    w.key("duration").number(r.duration_ns);
    std::vector<TraceEvent> shown = explain ? filter_trace(r.trace, *explain) : filter_notes_and_fails(r.trace);
    if (!shown.empty()) w.key("trace").json(trace_json(shown));
    w.end_object();
  }
  w.end_array();
  return w.take() + "\n";
}

}  // namespace arcane::cli
