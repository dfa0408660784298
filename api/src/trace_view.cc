// Reading traces: OPA's explain-mode filters (v1/topdown/lineage) and its pretty printer
// (v1/topdown/trace.go, PrettyTraceWithLocation).
#include <algorithm>
#include <map>

#include "arcane/trace.h"
#include "runtime/json_text.h"
#include "stdlib/go_fmt.h"

namespace arcane {

namespace {

std::string go_quote(const std::string& s) {
  stdlib::gofmt::Arg arg = stdlib::gofmt::Arg::of_string(s);
  return stdlib::gofmt::sprintf("%q", std::span<const stdlib::gofmt::Arg>(&arg, 1));
}

bool is_enter_of_body(const TraceEvent& e) {
  return e.op == TraceOp::kEnter &&
         (e.node_kind == TraceEvent::NodeKind::kRule || e.node_kind == TraceEvent::NodeKind::kBody);
}

std::string location_of(const TraceEvent& e, const std::map<std::string, std::string>& aliases) {
  if (e.row == 0) return "";
  if (e.file.empty()) return "query:" + std::to_string(e.row);
  auto it = aliases.find(e.file);
  return (it == aliases.end() ? e.file : it->second) + ":" + std::to_string(e.row);
}

// Go's filepath.Dir, then the part after the first separator (OPA's getPathFromFirstSeparator).
std::string after_first_separator(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  if (!dir.empty() && dir[0] == '/') dir.erase(0, 1);
  size_t first = dir.find('/');
  return first != std::string::npos && first > 0 ? dir.substr(first + 1) : dir;
}

std::string longest_common_substring(const std::vector<std::string>& strings) {
  if (strings.empty()) return "";
  const std::string& base = *std::min_element(strings.begin(), strings.end(),
                                              [](const auto& a, const auto& b) { return a.size() < b.size(); });
  for (size_t len = base.size(); len > 0; --len) {
    for (size_t at = 0; at + len <= base.size(); ++at) {
      std::string candidate = base.substr(at, len);
      if (std::all_of(strings.begin(), strings.end(),
                      [&](const std::string& s) { return s.find(candidate) != std::string::npos; })) {
        return candidate;
      }
    }
  }
  return "";
}

// OPA's getShortenedFileNames: when a location would be wider than 64 characters, the
// longest path part the files share becomes "..." (only as much of it as needed).
std::map<std::string, std::string> file_aliases(std::span<const TraceEvent> events) {
  constexpr size_t kMaxIdealWidth = 64;
  std::vector<std::string> files;
  size_t longest = 0;
  for (const TraceEvent& e : events) {
    if (e.row == 0) continue;
    size_t digits = std::to_string(e.row).size();
    if (e.file.empty()) {
      longest = std::max(longest, 5 + digits + 1);
      continue;
    }
    longest = std::max(longest, e.file.size() + digits + 1);
    if (std::find(files.begin(), files.end(), e.file) == files.end()) files.push_back(e.file);
  }
  std::map<std::string, std::string> aliases;
  if (files.empty() || longest <= kMaxIdealWidth) return aliases;
  std::vector<std::string> parts;
  for (const auto& f : files) parts.push_back(after_first_separator(f));
  std::string common = parts.size() > 1 ? longest_common_substring(parts) : parts[0];
  long diff = static_cast<long>(kMaxIdealWidth) - static_cast<long>(longest - common.size() + 3);
  if (diff > 0) common = static_cast<size_t>(diff) > common.size() ? "" : common.substr(0, common.size() - diff);
  if (common.size() <= 3) return aliases;
  for (const auto& f : files) {
    std::string alias = f;
    if (size_t at = alias.find(common); at != std::string::npos) alias.replace(at, common.size(), "...");
    aliases[f] = alias;
  }
  return aliases;
}

std::string event_text(const TraceEvent& e, int depth) {
  // Enter events sit at their body's depth, the others one deeper (formatEventSpaces).
  int spaces = e.op == TraceOp::kEnter ? depth : depth + 1;
  std::string out;
  for (int i = 1; i < spaces; ++i) out += "| ";
  out += trace_op_name(e.op);
  if (e.op == TraceOp::kNote) return out + " " + go_quote(e.message);
  out += " " + e.node;
  if (!e.message.empty()) out += " " + e.message;
  return out;
}

}  // namespace

std::string_view trace_op_name(TraceOp op) {
  switch (op) {
    case TraceOp::kEnter: return "Enter";
    case TraceOp::kExit: return "Exit";
    case TraceOp::kEval: return "Eval";
    case TraceOp::kFail: return "Fail";
    case TraceOp::kNote: return "Note";
  }
  return "";
}

std::optional<ExplainMode> parse_explain_mode(std::string_view name) {
  if (name == "off") return ExplainMode::kOff;
  if (name == "full") return ExplainMode::kFull;
  if (name == "notes") return ExplainMode::kNotes;
  if (name == "fails") return ExplainMode::kFails;
  if (name == "debug") return ExplainMode::kDebug;
  return std::nullopt;
}

std::vector<TraceEvent> filter_lineage(std::span<const TraceEvent> events,
                                       const std::function<bool(const TraceEvent&)>& keep) {
  std::vector<TraceEvent> out;
  std::map<uint64_t, const TraceEvent*> entered;  // query id -> its Enter since the last kept event
  for (const TraceEvent& e : events) {
    if (keep(e)) {
      std::vector<const TraceEvent*> path{&e};
      const TraceEvent* prev = nullptr;
      auto it = entered.find(e.query_id);
      const TraceEvent* curr = it == entered.end() ? nullptr : it->second;
      while (curr != nullptr && curr != prev) {
        path.push_back(curr);
        prev = curr;
        auto p = entered.find(curr->parent_id);
        curr = p == entered.end() ? nullptr : p->second;
      }
      for (auto r = path.rbegin(); r != path.rend(); ++r) out.push_back(**r);
      entered.clear();
    }
    if (is_enter_of_body(e)) entered[e.query_id] = &e;
  }
  return out;
}

std::vector<TraceEvent> filter_trace(std::span<const TraceEvent> events, ExplainMode mode) {
  switch (mode) {
    case ExplainMode::kOff: return {};
    case ExplainMode::kFull:
    case ExplainMode::kDebug: return {events.begin(), events.end()};
    case ExplainMode::kNotes:
      return filter_lineage(events, [](const TraceEvent& e) { return e.op == TraceOp::kNote; });
    case ExplainMode::kFails:
      return filter_lineage(events, [](const TraceEvent& e) { return e.op == TraceOp::kFail; });
  }
  return {};
}

std::vector<TraceEvent> filter_notes_and_fails(std::span<const TraceEvent> events) {
  return filter_lineage(events, [](const TraceEvent& e) { return e.op == TraceOp::kNote || e.op == TraceOp::kFail; });
}

std::string pretty_trace(std::span<const TraceEvent> events) {
  constexpr size_t kColumnPadding = 4;
  std::map<std::string, std::string> aliases = file_aliases(events);
  std::map<uint64_t, int> depths;  // OPA's depths.GetOrSet: a body is one deeper than its parent
  std::vector<std::pair<std::string, std::string>> rows;
  size_t width = 0;
  for (const TraceEvent& e : events) {
    int& depth = depths[e.query_id];
    if (depth == 0) depth = depths[e.parent_id] + 1;
    rows.emplace_back(location_of(e, aliases), event_text(e, depth));
    width = std::max(width, rows.back().first.size());
  }
  std::string out;
  for (const auto& [location, text] : rows) {
    out += location + std::string(width + kColumnPadding - location.size(), ' ') + " " + text + "\n";
  }
  return out;
}

std::string trace_json(std::span<const TraceEvent> events, int indent) {
  runtime::JsonTextWriter w(2);
  w.begin_array();
  for (const TraceEvent& e : events) {
    w.begin_object();
    w.key("Op").string(trace_op_name(e.op));
    w.key("Node");
    if (e.node_json.empty()) {
      w.raw("null");
    } else {
      w.json(e.node_json);
    }
    w.key("Location");
    if (e.row == 0) {
      w.raw("null");
    } else {
      w.begin_object().key("file").string(e.file).key("row").number(e.row).key("col").number(e.col).end_object();
    }
    w.key("QueryID").number(static_cast<long long>(e.query_id));
    w.key("ParentID").number(static_cast<long long>(e.parent_id));
    w.key("Locals").raw("null");
    w.key("LocalMetadata").raw("null");
    w.key("Message").string(e.message);
    w.key("Ref").raw("null");
    w.end_object();
  }
  w.end_array();
  std::string text = w.take();
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out.append(static_cast<size_t>(indent), ' ');
  }
  return out;
}

}  // namespace arcane
