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

JsonTextWriter& JsonTextWriter::json(std::string_view in) {
  size_t i = 0;
  auto token_end = [&in](size_t j) {
    if (in[j] == '"') {
      for (++j; j < in.size() && in[j] != '"'; ++j) {
        if (in[j] == '\\') ++j;
      }
      return j + 1;
    }
    while (j < in.size() && std::string_view(",:]} \n\t\r").find(in[j]) == std::string_view::npos) ++j;
    return j;
  };
  while (i < in.size()) {
    char c = in[i];
    if (c == '{' || c == '[') {
      open(c);
      ++i;
    } else if (c == '}' || c == ']') {
      close(c);
      ++i;
    } else if (c == ',' || c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
    } else {
      size_t end = token_end(i);
      std::string_view tok = in.substr(i, end - i);
      size_t colon = end;
      while (colon < in.size() && (in[colon] == ' ' || in[colon] == '\n')) ++colon;
      if (colon < in.size() && in[colon] == ':') {
        before_value();
        out_ += tok;
        out_ += indent_ == 0 ? ":" : ": ";
        after_key_ = true;
        end = colon + 1;
      } else {
        raw(tok);
      }
      i = end;
    }
  }
  return *this;
}

}  // namespace arcane::runtime
