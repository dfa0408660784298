#include "runtime/json_text.h"

#include "runtime/json_escape.h"

namespace arcane::runtime {

void JsonTextWriter::newline(size_t depth) {
  if (indent_ == 0) return;
  out_.push_back('\n');
  out_.append(depth * indent_, ' ');
}

void JsonTextWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  if (counts_.back()++ > 0) out_.push_back(',');
  newline(counts_.size());
}

JsonTextWriter& JsonTextWriter::open(char c) {
  before_value();
  out_.push_back(c);
  counts_.push_back(0);
  return *this;
}

JsonTextWriter& JsonTextWriter::close(char c) {
  bool had_items = counts_.back() > 0;
  counts_.pop_back();
  if (had_items) newline(counts_.size());
  out_.push_back(c);
  return *this;
}

JsonTextWriter& JsonTextWriter::key(std::string_view k) {
  before_value();
  append_json_quoted(out_, k);
  out_ += indent_ == 0 ? ":" : ": ";
  after_key_ = true;
  return *this;
}

JsonTextWriter& JsonTextWriter::string(std::string_view s) {
  before_value();
  append_json_quoted(out_, s);
  return *this;
}

JsonTextWriter& JsonTextWriter::raw(std::string_view json) {
  before_value();
  out_ += json;
  return *this;
}

}  // namespace arcane::runtime
