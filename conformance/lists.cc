#include "conformance/lists.h"

namespace arcane::conformance {

namespace {

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

template <typename F>
bool for_each_line(std::string_view text, F f) {
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!f(++line_no, line)) return false;
  }
  return true;
}

bool is_comment(std::string_view line) {
  return line.empty() || line.front() == '#';
}

bool valid_id(std::string_view id) {
  return id.find('/') != std::string_view::npos && id.find(' ') == id.npos;
}

}  // namespace

const std::string* SkipList::reason_for(const std::string& id, const std::string& file) const {
  if (auto it = entries.find(id); it != entries.end()) return &it->second;
  if (auto it = entries.find(file); it != entries.end()) return &it->second;
  return nullptr;
}

bool parse_skip_list(std::string_view text, SkipList& out, std::string& error) {
  return for_each_line(text, [&](size_t n, std::string_view raw) {
    std::string_view line = trim(raw);
    if (is_comment(line)) return true;
    size_t space = line.find_first_of(" \t");
    std::string_view id = line.substr(0, space);
    std::string_view reason = space == std::string_view::npos ? std::string_view() : trim(line.substr(space));
    if (!valid_id(id)) {
      error = "line " + std::to_string(n) + ": not a case id or file: " + std::string(id);
      return false;
    }
    if (reason.empty()) {
      error = "line " + std::to_string(n) + ": " + std::string(id) + " has no reason";
      return false;
    }
    if (!out.entries.emplace(std::string(id), std::string(reason)).second) {
      error = "line " + std::to_string(n) + ": " + std::string(id) + " is listed twice";
      return false;
    }
    return true;
  });
}

bool parse_passing_list(std::string_view text, PassingList& out, std::string& error) {
  bool in_header = true;
  return for_each_line(text, [&](size_t n, std::string_view raw) {
    std::string_view line = trim(raw);
    if (is_comment(line)) {
      if (in_header && !line.empty()) out.header.emplace_back(line);
      return true;
    }
    in_header = false;
    if (!valid_id(line) || line.find('#') == std::string_view::npos) {
      error = "line " + std::to_string(n) + ": not a case id: " + std::string(line);
      return false;
    }
    out.ids.emplace(line);
    return true;
  });
}

std::string render_passing_list(const PassingList& list) {
  std::string out;
  for (const auto& h : list.header) out += h + "\n";
  for (const auto& id : list.ids) out += id + "\n";
  return out;
}

}  // namespace arcane::conformance
