// A streaming writer of JSON text with keys in the order given, compact or indented the
// way Go's json.MarshalIndent indents (which is what OPA prints). Used where field order
// is part of the format (diagnostics, AST dumps, CLI results); canonical value output
// (sorted keys) is the value writer's job.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace arcane::runtime {

class JsonTextWriter {
 public:
  // indent = 0 writes compact JSON; otherwise that many spaces per level.
  explicit JsonTextWriter(int indent = 0) : indent_(indent) {}

  JsonTextWriter& begin_object() { return open('{'); }
  JsonTextWriter& end_object() { return close('}'); }
  JsonTextWriter& begin_array() { return open('['); }
  JsonTextWriter& end_array() { return close(']'); }
  JsonTextWriter& key(std::string_view k);
  JsonTextWriter& string(std::string_view s);
  // A number, true, false, null or any already-encoded JSON text.
  JsonTextWriter& raw(std::string_view json);
  // Compact JSON text (any value), re-emitted with this writer's indentation, its key
  // order kept.
  JsonTextWriter& json(std::string_view compact);
  JsonTextWriter& number(long long n) { return raw(std::to_string(n)); }
  JsonTextWriter& boolean(bool b) { return raw(b ? "true" : "false"); }

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  JsonTextWriter& open(char c);
  JsonTextWriter& close(char c);
  void before_value();
  void newline(size_t depth);

  int indent_;
  std::string out_;
  std::vector<int> counts_;  // items written so far in each open container
  bool after_key_ = false;
};

}  // namespace arcane::runtime
