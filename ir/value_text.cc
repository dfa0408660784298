// Rego-term literals for IR constants; see value_text.h.
#include "ir/value_text.h"

#include <cctype>
#include <optional>
#include <vector>

#include "runtime/json_escape.h"
#include "runtime/json_reader.h"
#include "runtime/value_builder.h"

namespace arcane::ir {

using runtime::Diagnostic;
using runtime::Kind;
using runtime::Result;
using runtime::Value;

void append_value_text(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Kind::kNull: out += "null"; return;
    case Kind::kBoolean: out += v.as_bool() ? "true" : "false"; return;
    case Kind::kNumber: v.number().append_to(out); return;
    case Kind::kString: runtime::append_json_quoted(out, v.string_view(), false); return;
    case Kind::kArray: {
      out += '[';
      for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += ", ";
        append_value_text(out, v.at(i));
      }
      out += ']';
      return;
    }
    case Kind::kObject: {
      out += '{';
      bool first = true;
      for (auto e : v.entries()) {
        if (!first) out += ", ";
        first = false;
        append_value_text(out, e.key);
        out += ": ";
        append_value_text(out, e.value);
      }
      out += '}';
      return;
    }
    case Kind::kSet: {
      if (v.size() == 0) {
        out += "set()";
        return;
      }
      out += '{';
      bool first = true;
      for (const Value& e : v.elements()) {
        if (!first) out += ", ";
        first = false;
        append_value_text(out, e);
      }
      out += '}';
      return;
    }
  }
}

std::string value_text(const Value& v) {
  std::string out;
  append_value_text(out, v);
  return out;
}

namespace {

class LiteralReader {
 public:
  LiteralReader(std::string_view text, size_t pos, size_t max_depth) : text_(text), pos_(pos), max_depth_(max_depth) {}

  Result<Value> read(size_t depth) {
    skip_blanks();
    if (depth > max_depth_) return error("constant nested too deeply");
    if (pos_ >= text_.size()) return error("expected a constant, found end of text");
    char c = text_[pos_];
    if (c == '"') return read_string();
    if (c == '-' || (c >= '0' && c <= '9')) return read_number();
    if (c == '[') return read_array(depth);
    if (c == '{') return read_braced(depth);
    if (take_word("null")) return Value::null();
    if (take_word("true")) return Value::boolean(true);
    if (take_word("false")) return Value::boolean(false);
    if (take_word("set")) {
      skip_blanks();
      if (!take('(') || (skip_blanks(), !take(')'))) return error("expected set()");
      return Value::empty_set();
    }
    return error("expected a constant");
  }

  size_t pos() const { return pos_; }

 private:
  Diagnostic error(std::string what) const {
    return Diagnostic{"ir_parse_error", "offset " + std::to_string(pos_) + ": " + std::move(what), {}, {}};
  }
  void skip_blanks() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool take(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool take_word(std::string_view w) {
    if (text_.substr(pos_, w.size()) != w) return false;
    size_t end = pos_ + w.size();
    if (end < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '_')) {
      return false;
    }
    pos_ = end;
    return true;
  }

  Result<Value> read_string() {
    size_t start = pos_++;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\') ++pos_;
      ++pos_;
    }
    if (pos_ >= text_.size()) return error("unterminated string");
    ++pos_;
    Result<Value> s = runtime::parse_json(text_.substr(start, pos_ - start));
    if (!s.ok() || !s->is_string()) {
      pos_ = start;
      return error("bad string literal: " + (s.ok() ? std::string() : s.error().message));
    }
    return Value::key(s->string_view());
  }

  Result<Value> read_number() {
    size_t start = pos_;
    auto number_char = [](char c) {
      return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    };
    while (pos_ < text_.size() && number_char(text_[pos_])) ++pos_;
    std::optional<runtime::Number> n = runtime::Number::from_text(text_.substr(start, pos_ - start));
    if (!n) {
      pos_ = start;
      return error("bad number literal");
    }
    return Value::from_number(std::move(*n));
  }

  // Reads `item (, item)* close` after the opening bracket; `each` consumes one item.
  template <typename Each>
  std::optional<Diagnostic> read_list(char close, Each each) {
    skip_blanks();
    if (take(close)) return std::nullopt;
    while (true) {
      if (std::optional<Diagnostic> e = each()) return e;
      skip_blanks();
      if (take(close)) return std::nullopt;
      if (!take(',')) return error(std::string("expected ',' or '") + close + "'");
    }
  }

  Result<Value> read_array(size_t depth) {
    ++pos_;
    runtime::ArrayBuilder b;
    std::optional<Diagnostic> e = read_list(']', [&]() -> std::optional<Diagnostic> {
      Result<Value> item = read(depth + 1);
      if (!item.ok()) return item.error();
      b.push_back(std::move(item).value());
      return std::nullopt;
    });
    if (e) return *e;
    return b.build();
  }

  // `{` starts an object (`{}` or `{k: v, ...}`) or a non-empty set (`{a, b}`); the first
  // item decides which.
  Result<Value> read_braced(size_t depth) {
    ++pos_;
    enum class Shape { kUnknown, kObject, kSet } shape = Shape::kUnknown;
    runtime::ObjectBuilder object;
    runtime::SetBuilder set;
    std::optional<Diagnostic> e = read_list('}', [&]() -> std::optional<Diagnostic> {
      Result<Value> first = read(depth + 1);
      if (!first.ok()) return first.error();
      skip_blanks();
      bool has_colon = take(':');
      if (shape == Shape::kUnknown) shape = has_colon ? Shape::kObject : Shape::kSet;
      if (has_colon != (shape == Shape::kObject)) return error("mixed object and set items");
      if (shape == Shape::kSet) {
        set.insert(std::move(first).value());
        return std::nullopt;
      }
      Result<Value> second = read(depth + 1);
      if (!second.ok()) return second.error();
      object.insert(std::move(first).value(), std::move(second).value());
      return std::nullopt;
    });
    if (e) return *e;
    return shape == Shape::kSet ? set.build() : object.build();
  }

  std::string_view text_;
  size_t pos_;
  size_t max_depth_;
};

}  // namespace

Result<Value> parse_value_text(std::string_view text, size_t& pos, size_t max_depth) {
  LiteralReader reader(text, pos, max_depth);
  Result<Value> v = reader.read(0);
  if (v.ok()) pos = reader.pos();
  return v;
}

}  // namespace arcane::ir
