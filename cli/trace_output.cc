#include "cli/trace_output.h"

namespace arcane::cli {

namespace {

std::string indented(const std::string& text, size_t n) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start) out.append(n, ' ');
    out += c;
    line_start = c == '\n';
  }
  return out;
}

}  // namespace

std::string explain_pretty(const std::vector<TraceEvent>& events, ExplainMode mode) {
  return pretty_trace(filter_trace(events, mode));
}

std::string test_failure_trace(const std::vector<TraceEvent>& events, std::optional<ExplainMode> mode) {
  std::vector<TraceEvent> shown = mode ? filter_trace(events, *mode) : filter_notes_and_fails(events);
  return indented(pretty_trace(shown), 2);
}

}  // namespace arcane::cli
