// The canonical JSON writer. Objects whose keys are all strings (nearly all of them) are
// written straight from their sorted entries; others first turn each key into its JSON
// text and sort by it, as Go's encoder sorts a map[string]any, keeping the last of keys
// whose texts collide (e.g. 1 and "1"), as filling that map in value order would.
#include "runtime/json_writer.h"

#include <algorithm>
#include <vector>

#include "runtime/json_escape.h"

namespace arcane::runtime {

namespace {

class Writer {
 public:
  Writer(std::string& out, bool indent) : out_(out), indent_(indent) {}

  void write(const Value& v) {
    switch (v.kind()) {
      case Kind::kNull: out_ += "null"; return;
      case Kind::kBoolean: out_ += v.as_bool() ? "true" : "false"; return;
      case Kind::kNumber: v.number().append_to(out_); return;
      case Kind::kString: append_json_quoted(out_, v.string_view()); return;
      case Kind::kArray:
      case Kind::kSet: write_sequence(v.elements()); return;
      case Kind::kObject: write_object(v.entries()); return;
    }
  }

 private:
  struct Member {
    std::string key;
    const Value* value;
  };

  void newline() {
    if (!indent_) return;
    out_ += '\n';
    out_.append(2 * depth_, ' ');
  }

  // Writes `n` members with each(i), in Go's layout for the current mode.
  template <typename Each>
  void write_container(char open, char close, size_t n, Each each) {
    out_ += open;
    if (n == 0) {
      out_ += close;
      return;
    }
    ++depth_;
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) out_ += ',';
      newline();
      each(i);
    }
    --depth_;
    newline();
    out_ += close;
  }

  void write_sequence(std::span<const Value> items) {
    write_container('[', ']', items.size(), [&](size_t i) { write(items[i]); });
  }

  void write_member(std::string_view key, const Value& value) {
    append_json_quoted(out_, key);
    out_ += indent_ ? ": " : ":";
    write(value);
  }

  void write_object(const ObjectView& entries) {
    bool all_strings = true;
    for (size_t i = 0; i < entries.size() && all_strings; ++i) all_strings = entries.key(i).is_string();
    if (all_strings) {
      write_container('{', '}', entries.size(),
                      [&](size_t i) { write_member(entries.key(i).string_view(), entries.value(i)); });
      return;
    }
    std::vector<Member> members = stringify_keys(entries);
    write_container('{', '}', members.size(), [&](size_t i) { write_member(members[i].key, *members[i].value); });
  }

  static std::vector<Member> stringify_keys(const ObjectView& entries) {
    std::vector<Member> members;
    members.reserve(entries.size());
    for (auto [key, value] : entries) {
      members.push_back({key.is_string() ? std::string(key.string_view()) : to_json(key), &value});
    }
    std::stable_sort(members.begin(), members.end(), [](const Member& a, const Member& b) { return a.key < b.key; });
    std::vector<Member> unique;
    for (Member& m : members) {
      if (!unique.empty() && unique.back().key == m.key) {
        unique.back().value = m.value;
      } else {
        unique.push_back(std::move(m));
      }
    }
    return unique;
  }

  std::string& out_;
  bool indent_;
  size_t depth_ = 0;
};

}  // namespace

void append_json(std::string& out, const Value& v, const JsonWriteOptions& options) {
  Writer(out, options.indent).write(v);
}

std::string to_json(const Value& v, const JsonWriteOptions& options) {
  std::string out;
  append_json(out, v, options);
  return out;
}

}  // namespace arcane::runtime
