// GraphQL lexer (see lexer.h); the rules follow gqlparser's lexer token for token.
#include "stdlib/graphql/lexer.h"

#include <climits>
#include <vector>

#include "stdlib/go_utf8.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::graphql {

std::pair<char32_t, size_t> decode_rune(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return {c, 1};
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return {0xFFFD, 1};
  char32_t r = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return {0xFFFD, 1};
    if (k == 1) {
      if ((c == 0xE0 && b < 0xA0) || (c == 0xED && b > 0x9F) || (c == 0xF0 && b < 0x90) || (c == 0xF4 && b > 0x8F))
        return {0xFFFD, 1};
    }
    r = (r << 6) | (b & 0x3F);
  }
  return {r, n};
}

const char* token_kind_text(TokenKind k) {
  switch (k) {
    case TokenKind::kInvalid: return "<Invalid>";
    case TokenKind::kEOF: return "<EOF>";
    case TokenKind::kBang: return "!";
    case TokenKind::kDollar: return "$";
    case TokenKind::kAmp: return "&";
    case TokenKind::kParenL: return "(";
    case TokenKind::kParenR: return ")";
    case TokenKind::kSpread: return "...";
    case TokenKind::kColon: return ":";
    case TokenKind::kEquals: return "=";
    case TokenKind::kAt: return "@";
    case TokenKind::kBracketL: return "[";
    case TokenKind::kBracketR: return "]";
    case TokenKind::kBraceL: return "{";
    case TokenKind::kBraceR: return "}";
    case TokenKind::kPipe: return "|";
    case TokenKind::kName: return "Name";
    case TokenKind::kInt: return "Int";
    case TokenKind::kFloat: return "Float";
    case TokenKind::kString: return "String";
    case TokenKind::kBlockString: return "BlockString";
  }
  return "Unknown";
}

std::string Token::str() const {
  std::string s = token_kind_text(kind);
  if (!value.empty()) {
    s += ' ';
    append_go_quoted(s, value);
  }
  return s;
}

Token Lexer::make(TokenKind kind, std::string value) const {
  Token t;
  t.kind = kind;
  t.value = std::move(value);
  t.pos = {line_, start_runes_ - line_start_runes_ + 1, true};
  return t;
}

Token Lexer::fail(std::string message) const {
  Token t;
  t.kind = TokenKind::kInvalid;
  t.pos = {line_, end_runes_ - line_start_runes_ + 1, true};
  t.error = std::move(message);
  return t;
}

void Lexer::skip_whitespace() {
  while (end_ < in_.size()) {
    unsigned char c = static_cast<unsigned char>(in_[end_]);
    if (c == '\t' || c == ' ' || c == ',') {
      ++end_, ++end_runes_;
    } else if (c == '\n') {
      ++end_, ++end_runes_;
      ++line_;
      line_start_runes_ = end_runes_;
    } else if (c == '\r') {
      ++end_, ++end_runes_;
      ++line_;
      line_start_runes_ = end_runes_;
      if (end_ < in_.size() && in_[end_] == '\n') ++end_, ++end_runes_;
    } else if (c == 0xEF && end_ + 2 < in_.size() && static_cast<unsigned char>(in_[end_ + 1]) == 0xBB &&
               static_cast<unsigned char>(in_[end_ + 2]) == 0xBF) {
      end_ += 3;
      ++end_runes_;
    } else {
      return;
    }
  }
}

void Lexer::skip_comment() {
  while (end_ < in_.size()) {
    auto [r, w] = decode_rune(in_, end_);
    if (r > 0x1F || r == '\t') {
      end_ += w;
      ++end_runes_;
    } else {
      break;
    }
  }
}

Token Lexer::read() {
  for (;;) {
    skip_whitespace();
    start_ = end_;
    start_runes_ = end_runes_;
    if (end_ >= in_.size()) return make(TokenKind::kEOF, "");
    char c = in_[start_];
    ++end_, ++end_runes_;
    switch (c) {
      case '!': return make(TokenKind::kBang, "");
      case '$': return make(TokenKind::kDollar, "");
      case '&': return make(TokenKind::kAmp, "");
      case '(': return make(TokenKind::kParenL, "");
      case ')': return make(TokenKind::kParenR, "");
      case '.':
        if (in_.size() > start_ + 2 && in_.substr(start_, 3) == "...") {
          end_ += 2, end_runes_ += 2;
          return make(TokenKind::kSpread, "");
        }
        break;
      case ':': return make(TokenKind::kColon, "");
      case '=': return make(TokenKind::kEquals, "");
      case '@': return make(TokenKind::kAt, "");
      case '[': return make(TokenKind::kBracketL, "");
      case ']': return make(TokenKind::kBracketR, "");
      case '{': return make(TokenKind::kBraceL, "");
      case '}': return make(TokenKind::kBraceR, "");
      case '|': return make(TokenKind::kPipe, "");
      case '#': skip_comment(); continue;
      case '"':
        if (in_.size() > start_ + 2 && in_.substr(start_, 3) == "\"\"\"") return read_block_string();
        return read_string();
      default:
        if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return read_name();
        if (c == '-' || (c >= '0' && c <= '9')) return read_number();
        break;
    }
    --end_, --end_runes_;
    if (c == '\'') return fail("Unexpected single quote character ('), did you mean to use a double quote (\")?");
    return fail(std::string("Cannot parse the unexpected character \"") + c + "\".");
  }
}

bool Lexer::accept(char a, char b) {
  if (end_ >= in_.size()) return false;
  if (in_[end_] == a || (b != 0 && in_[end_] == b)) {
    ++end_, ++end_runes_;
    return true;
  }
  return false;
}

int Lexer::accept_digits() {
  int n = 0;
  while (end_ < in_.size() && in_[end_] >= '0' && in_[end_] <= '9') ++end_, ++end_runes_, ++n;
  return n;
}

std::string Lexer::describe_next() const {
  if (end_ < in_.size()) return std::string("\"") + in_[end_] + "\"";
  return "<EOF>";
}

Token Lexer::read_number() {
  bool is_float = false;
  --end_, --end_runes_;
  accept('-');
  if (accept('0')) {
    if (int n = accept_digits(); n != 0) {
      end_ -= n, end_runes_ -= n;
      return fail("Invalid number, unexpected digit after 0: " + describe_next() + ".");
    }
  } else if (accept_digits() == 0) {
    return fail("Invalid number, expected digit but got: " + describe_next() + ".");
  }
  if (accept('.')) {
    is_float = true;
    if (accept_digits() == 0) return fail("Invalid number, expected digit but got: " + describe_next() + ".");
  }
  if (accept('e', 'E')) {
    is_float = true;
    accept('-', '+');
    if (accept_digits() == 0) return fail("Invalid number, expected digit but got: " + describe_next() + ".");
  }
  return make(is_float ? TokenKind::kFloat : TokenKind::kInt, std::string(in_.substr(start_, end_ - start_)));
}

namespace {

bool unhex(std::string_view s, char32_t& out) {
  out = 0;
  for (char c : s) {
    out <<= 4;
    if (c >= '0' && c <= '9') out |= c - '0';
    else if (c >= 'a' && c <= 'f') out |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') out |= c - 'A' + 10;
    else return false;
  }
  return true;
}

size_t leading_ws(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != ' ' && s[i] != '\t') return i;
  }
  return SIZE_MAX;
}

// gqlparser's blockStringValue: the common indent is measured over every line,
// the first one included, and removed from all lines but the first.
std::string block_string_value(const std::string& raw) {
  std::vector<std::string_view> lines;
  std::string_view all(raw);
  for (size_t p = 0;;) {
    size_t nl = all.find('\n', p);
    lines.push_back(all.substr(p, nl == std::string_view::npos ? std::string_view::npos : nl - p));
    if (nl == std::string_view::npos) break;
    p = nl + 1;
  }
  size_t common = SIZE_MAX;
  for (std::string_view l : lines) {
    size_t ind = leading_ws(l);
    if (ind < l.size() && ind < common) {
      common = ind;
      if (common == 0) break;
    }
  }
  if (common != SIZE_MAX) {
    for (size_t i = 1; i < lines.size(); ++i) {
      lines[i] = lines[i].size() < common ? std::string_view() : lines[i].substr(common);
    }
  }
  size_t b = 0, e = lines.size();
  while (b < e && leading_ws(lines[b]) == SIZE_MAX) ++b;
  while (b < e && leading_ws(lines[e - 1]) == SIZE_MAX) --e;
  std::string out;
  for (size_t i = b; i < e; ++i) {
    if (i > b) out += '\n';
    out += lines[i];
  }
  return out;
}

}  // namespace

Token Lexer::read_string() {
  bool escaped = false;
  std::string buf;
  ++start_, ++start_runes_;
  while (end_ < in_.size()) {
    unsigned char c = static_cast<unsigned char>(in_[end_]);
    if (c == '\n' || c == '\r') break;
    if (c < 0x20 && c != '\t') return fail("Invalid character within String.");
    if (c == '"') {
      Token t = make(TokenKind::kString, escaped ? buf : std::string(in_.substr(start_, end_ - start_)));
      ++end_, ++end_runes_;
      return t;
    }
    if (c == '\\') {
      if (end_ + 1 >= in_.size()) {
        ++end_, ++end_runes_;
        return fail("Invalid character escape sequence.");
      }
      if (!escaped) {
        buf.assign(in_.substr(start_, end_ - start_));
        escaped = true;
      }
      char esc = in_[end_ + 1];
      if (esc == 'u') {
        char32_t r = 0;
        if (end_ + 6 >= in_.size() || !unhex(in_.substr(end_ + 2, 4), r)) {
          ++end_, ++end_runes_;
          return fail("Invalid character escape sequence.");
        }
        goutf8::append(buf, r);
        end_ += 6, end_runes_ += 6;
        continue;
      }
      switch (esc) {
        case '"': case '/': case '\\': buf += esc; break;
        case 'b': buf += '\b'; break;
        case 'f': buf += '\f'; break;
        case 'n': buf += '\n'; break;
        case 'r': buf += '\r'; break;
        case 't': buf += '\t'; break;
        default:
          ++end_, ++end_runes_;
          return fail("Invalid character escape sequence.");
      }
      end_ += 2, end_runes_ += 2;
      continue;
    }
    size_t w = 1;
    char32_t r = c;
    if (c >= 127) std::tie(r, w) = decode_rune(in_, end_);
    if (escaped) {
      if (c >= 127) goutf8::append(buf, r);
      else buf += static_cast<char>(c);
    }
    end_ += w, ++end_runes_;
  }
  return fail("Unterminated string.");
}

Token Lexer::read_block_string() {
  std::string buf;
  start_ += 3, start_runes_ += 3;
  end_ += 2, end_runes_ += 2;
  while (end_ < in_.size()) {
    unsigned char c = static_cast<unsigned char>(in_[end_]);
    if (c == '"' && in_.substr(end_, 3) == "\"\"\"") {
      Token t = make(TokenKind::kBlockString, block_string_value(buf));
      end_ += 3, end_runes_ += 3;
      return t;
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return fail("Invalid character within String.");
    if (c == '\\' && in_.substr(end_, 4) == "\\\"\"\"") {
      buf += "\"\"\"";
      end_ += 4, end_runes_ += 4;
    } else if (c == '\r') {
      if (end_ + 1 < in_.size() && in_[end_ + 1] == '\n') ++end_, ++end_runes_;
      buf += '\n';
      ++end_, ++end_runes_;
      ++line_;
      line_start_runes_ = end_runes_;
    } else {
      size_t w = 1;
      char32_t r = c;
      if (c >= 127) std::tie(r, w) = decode_rune(in_, end_);
      if (c >= 127) goutf8::append(buf, r);
      else buf += static_cast<char>(c);
      end_ += w, ++end_runes_;
      if (c == '\n') {
        ++line_;
        line_start_runes_ = end_runes_;
      }
    }
  }
  return fail("Unterminated string.");
}

Token Lexer::read_name() {
  while (end_ < in_.size()) {
    char c = in_[end_];
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_') {
      ++end_, ++end_runes_;
    } else {
      break;
    }
  }
  return make(TokenKind::kName, std::string(in_.substr(start_, end_ - start_)));
}

}  // namespace arcane::stdlib::graphql
