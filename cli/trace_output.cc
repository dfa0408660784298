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

std::string with_explanation(const std::string& json_output, const std::vector<TraceEvent>& events, ExplainMode mode) {
  std::vector<TraceEvent> shown = filter_trace(events, mode);
  size_t close = json_output.rfind('}');
  if (shown.empty() || close == std::string::npos) return json_output;
  std::string head = json_output.substr(0, close);
  while (!head.empty() && (head.back() == '\n' || head.back() == ' ')) head.pop_back();
  bool empty = !head.empty() && head.back() == '{';
  return head + (empty ? "" : ",") + "\n  \"explanation\": " + trace_json(shown, 2) + "\n" +
         json_output.substr(close);
}

std::string test_failure_trace(const std::vector<TraceEvent>& events, std::optional<ExplainMode> mode) {
  std::vector<TraceEvent> shown = mode ? filter_trace(events, *mode) : filter_notes_and_fails(events);
  return indented(pretty_trace(shown), 2);
}

}  // namespace arcane::cli
