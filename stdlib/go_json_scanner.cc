// Go's encoding/json scanner (scanner.go) and the parts of its Decoder that OPA's
// json.unmarshal and json.is_valid observe.
#include "stdlib/go_json_scanner.h"

#include <vector>

#include "runtime/utf8.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib {

namespace {

constexpr size_t kMaxNestingDepth = 10000;

enum class Op { kContinue, kEndObject, kEndArray, kSkipSpace, kEnd, kError };
enum class Parse { kObjectKey, kObjectValue, kArrayValue };
enum class State {
  kBeginValue,
  kBeginValueOrEmpty,
  kBeginStringOrEmpty,
  kBeginString,
  kEndValue,
  kEndTop,
  kInString,
  kInStringEsc,
  kEscU,
  kEscU1,
  kEscU12,
  kEscU123,
  kNeg,
  k1,
  k0,
  kDot,
  kDot0,
  kE,
  kESign,
  kE0,
  kT,
  kTr,
  kTru,
  kF,
  kFa,
  kFal,
  kFals,
  kN,
  kNu,
  kNul,
  kError,
};

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(unsigned char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Go's quoteChar: the byte as a rune, quoted with single quotes.
std::string quote_char(unsigned char c) {
  if (c == '\'') return R"('\'')";
  if (c == '"') return R"('"')";
  std::string rune;
  if (c < 0x80) {
    rune.push_back(static_cast<char>(c));
  } else {
    rune.push_back(static_cast<char>(0xc0 | (c >> 6)));
    rune.push_back(static_cast<char>(0x80 | (c & 0x3f)));
  }
  std::string quoted;
  append_go_quoted(quoted, rune);
  return "'" + quoted.substr(1, quoted.size() - 2) + "'";
}

class Scanner {
 public:
  Op step(unsigned char c) {
    switch (state_) {
      case State::kBeginValueOrEmpty:
        if (is_space(c)) return Op::kSkipSpace;
        if (c == ']') return end_value(c);
        return begin_value(c);
      case State::kBeginValue: return begin_value(c);
      case State::kBeginStringOrEmpty:
        if (is_space(c)) return Op::kSkipSpace;
        if (c == '}') {
          stack_.back() = Parse::kObjectValue;
          return end_value(c);
        }
        return begin_string(c);
      case State::kBeginString: return begin_string(c);
      case State::kEndValue: return end_value(c);
      case State::kEndTop: return end_top(c);
      case State::kInString:
        if (c == '"') return go(State::kEndValue);
        if (c == '\\') return go(State::kInStringEsc);
        if (c < 0x20) return error(c, "in string literal");
        return Op::kContinue;
      case State::kInStringEsc:
        if (c == 'u') return go(State::kEscU);
        if (std::string_view("bfnrt\\/\"").find(static_cast<char>(c)) != std::string_view::npos) {
          return go(State::kInString);
        }
        return error(c, "in string escape code");
      case State::kEscU:
      case State::kEscU1:
      case State::kEscU12:
      case State::kEscU123:
        if (!is_hex(c)) return error(c, "in \\u hexadecimal character escape");
        return go(state_ == State::kEscU123 ? State::kInString : static_cast<State>(static_cast<int>(state_) + 1));
      case State::kNeg:
        if (c == '0') return go(State::k0);
        if (is_digit(c)) return go(State::k1);
        return error(c, "in numeric literal");
      case State::k1:
        if (is_digit(c)) return Op::kContinue;
        return zero(c);
      case State::k0: return zero(c);
      case State::kDot:
        if (is_digit(c)) return go(State::kDot0);
        return error(c, "after decimal point in numeric literal");
      case State::kDot0:
        if (is_digit(c)) return Op::kContinue;
        if (c == 'e' || c == 'E') return go(State::kE);
        return end_value(c);
      case State::kE:
        if (c == '+' || c == '-') return go(State::kESign);
        return e_sign(c);
      case State::kESign: return e_sign(c);
      case State::kE0:
        if (is_digit(c)) return Op::kContinue;
        return end_value(c);
      case State::kT: return literal(c, 'r', State::kTr, "in literal true (expecting 'r')");
      case State::kTr: return literal(c, 'u', State::kTru, "in literal true (expecting 'u')");
      case State::kTru: return literal(c, 'e', State::kEndValue, "in literal true (expecting 'e')");
      case State::kF: return literal(c, 'a', State::kFa, "in literal false (expecting 'a')");
      case State::kFa: return literal(c, 'l', State::kFal, "in literal false (expecting 'l')");
      case State::kFal: return literal(c, 's', State::kFals, "in literal false (expecting 's')");
      case State::kFals: return literal(c, 'e', State::kEndValue, "in literal false (expecting 'e')");
      case State::kN: return literal(c, 'u', State::kNu, "in literal null (expecting 'u')");
      case State::kNu: return literal(c, 'l', State::kNul, "in literal null (expecting 'l')");
      case State::kNul: return literal(c, 'l', State::kEndValue, "in literal null (expecting 'l')");
      case State::kError: return Op::kError;
    }
    return Op::kError;
  }

  // Go's scanner.eof().
  bool eof() {
    if (!error_.empty()) return false;
    if (end_top_) return true;
    step(' ');
    if (end_top_) return true;
    if (error_.empty()) error_ = "unexpected end of JSON input";
    return false;
  }

  bool stack_empty() const { return stack_.empty(); }
  const std::string& error_message() const { return error_; }

 private:
  Op go(State s) {
    state_ = s;
    return Op::kContinue;
  }

  Op error(unsigned char c, std::string_view context) {
    state_ = State::kError;
    error_ = "invalid character " + quote_char(c) + " " + std::string(context);
    return Op::kError;
  }

  Op push(unsigned char c, Parse p) {
    stack_.push_back(p);
    if (stack_.size() > kMaxNestingDepth) {
      (void)c;
      state_ = State::kError;
      error_ = "exceeded max depth";
      return Op::kError;
    }
    return Op::kContinue;
  }

  Op pop(Op result) {
    stack_.pop_back();
    if (stack_.empty()) {
      state_ = State::kEndTop;
      end_top_ = true;
    } else {
      state_ = State::kEndValue;
    }
    return result;
  }

  Op begin_value(unsigned char c) {
    if (is_space(c)) return Op::kSkipSpace;
    switch (c) {
      case '{': state_ = State::kBeginStringOrEmpty; return push(c, Parse::kObjectKey);
      case '[': state_ = State::kBeginValueOrEmpty; return push(c, Parse::kArrayValue);
      case '"': return go(State::kInString);
      case '-': return go(State::kNeg);
      case '0': return go(State::k0);
      case 't': return go(State::kT);
      case 'f': return go(State::kF);
      case 'n': return go(State::kN);
      default:
        if (c >= '1' && c <= '9') return go(State::k1);
        return error(c, "looking for beginning of value");
    }
  }

  Op begin_string(unsigned char c) {
    if (is_space(c)) return Op::kSkipSpace;
    if (c == '"') return go(State::kInString);
    return error(c, "looking for beginning of object key string");
  }

  Op end_value(unsigned char c) {
    if (stack_.empty()) {
      state_ = State::kEndTop;
      end_top_ = true;
      return end_top(c);
    }
    if (is_space(c)) {
      state_ = State::kEndValue;
      return Op::kSkipSpace;
    }
    switch (stack_.back()) {
      case Parse::kObjectKey:
        if (c == ':') {
          stack_.back() = Parse::kObjectValue;
          return go(State::kBeginValue);
        }
        return error(c, "after object key");
      case Parse::kObjectValue:
        if (c == ',') {
          stack_.back() = Parse::kObjectKey;
          return go(State::kBeginString);
        }
        if (c == '}') return pop(Op::kEndObject);
        return error(c, "after object key:value pair");
      case Parse::kArrayValue:
        if (c == ',') return go(State::kBeginValue);
        if (c == ']') return pop(Op::kEndArray);
        return error(c, "after array element");
    }
    return Op::kError;
  }

  Op end_top(unsigned char c) {
    if (!is_space(c)) error(c, "after top-level value");
    return Op::kEnd;
  }

  Op zero(unsigned char c) {
    if (c == '.') return go(State::kDot);
    if (c == 'e' || c == 'E') return go(State::kE);
    return end_value(c);
  }

  Op e_sign(unsigned char c) {
    if (is_digit(c)) return go(State::kE0);
    return error(c, "in exponent of numeric literal");
  }

  Op literal(unsigned char c, char want, State next, std::string_view context) {
    if (c == static_cast<unsigned char>(want)) return go(next);
    return error(c, context);
  }

  State state_ = State::kBeginValue;
  std::vector<Parse> stack_;
  std::string error_;
  bool end_top_ = false;
};

// Go's Decoder.readValue from `from`: the end of the value, or the error.
std::variant<size_t, std::string> read_value(std::string_view text, size_t from) {
  Scanner s;
  for (size_t i = from; i < text.size(); ++i) {
    Op op = s.step(static_cast<unsigned char>(text[i]));
    if (op == Op::kEnd) return i;
    if ((op == Op::kEndObject || op == Op::kEndArray) && s.stack_empty()) return i + 1;
    if (op == Op::kError) return s.error_message();
  }
  if (s.step(' ') == Op::kEnd) return text.size();
  for (size_t i = from; i < text.size(); ++i) {
    if (!is_space(static_cast<unsigned char>(text[i]))) return std::string("unexpected EOF");
  }
  return std::string("EOF");
}

size_t skip_space(std::string_view text, size_t i) {
  while (i < text.size() && is_space(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

}  // namespace

std::string go_replace_invalid_utf8(std::string_view text) {
  std::string out;
  size_t bad = runtime::find_invalid_utf8(text);
  while (bad != std::string_view::npos) {
    out.append(text.substr(0, bad));
    out += "\xEF\xBF\xBD";
    text.remove_prefix(bad + 1);
    bad = runtime::find_invalid_utf8(text);
  }
  out.append(text);
  return out;
}

bool go_json_valid(std::string_view text) {
  Scanner s;
  for (char c : text) {
    if (s.step(static_cast<unsigned char>(c)) == Op::kError) return false;
  }
  return s.eof();
}

std::variant<GoJsonSpan, std::string> go_json_first_value(std::string_view text) {
  std::variant<size_t, std::string> first = read_value(text, 0);
  if (const std::string* e = std::get_if<std::string>(&first)) return *e;
  GoJsonSpan span{0, std::get<size_t>(first)};
  // OPA then asks the decoder for one more token, which must not exist (or be null).
  size_t next = skip_space(text, span.end);
  if (next == text.size()) return span;
  static const std::string kMore = "error(s) occurred while decoding: %!w(<nil>)";
  char c = text[next];
  if (c == ']' || c == '}' || c == ',' || c == ':') {
    return "invalid character " + quote_char(static_cast<unsigned char>(c)) + " looking for beginning of value";
  }
  if (c == '[' || c == '{') return kMore;
  std::variant<size_t, std::string> second = read_value(text, next);
  if (const std::string* e = std::get_if<std::string>(&second)) return *e;
  if (text.substr(next, std::get<size_t>(second) - next) == "null") return span;
  return kMore;
}

}  // namespace arcane::stdlib
