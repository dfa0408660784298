// Globs: glob.match and glob.quote_meta (topdown/glob.go over gobwas/glob v0.2.3).
//
// The pattern language is gobwas/glob's: `*` is any run of non-delimiter characters,
// `**` any run at all, `?` one non-delimiter character, `[abc]` `[!abc]` `[a-z]` `[!a-z]`
// one character in (or not in) a list or range, `{a,b,c}` alternatives (nesting), and
// `\` escapes the next character. OPA's delimiters are the operand's runes, ["."] when
// the array is empty, and none for null.
//
// The pattern is read the way gobwas reads it, token for token, so the same patterns
// are rejected with the same messages ("unexpected end of input", "could not parse
// range", ...). A valid pattern is translated to an anchored RE2 expression over runes
// and matched through the shared regex cache (regex_cache.h): both languages are
// regular, so the translation is exact and matching stays linear. Ill-formed UTF-8 in
// the subject reads as one U+FFFD per byte, as gobwas reads it.
//
// Known departure: with two or more delimiters, gobwas fuses a run of adjacent wildcards
// ("*?", "??", "[!ab][!ab]") into one matcher that tests for the delimiters as one
// *substring*, not as separate characters (a bug); we match each delimiter separately.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "stdlib/families_matching.h"
#include "stdlib/go_utf8.h"
#include "stdlib/operands.h"
#include "stdlib/regex_cache.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

constexpr char32_t kEof = 0;
constexpr char32_t kBadRune = 0xFFFD;

// Go's utf8.DecodeRuneInString: U+FFFD and width 1 for an ill-formed sequence.
char32_t decode_rune(std::string_view s, size_t pos, size_t& width) {
  auto b0 = static_cast<unsigned char>(s[pos]);
  width = 1;
  if (b0 < 0x80) return b0;
  size_t n = (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || pos + n > s.size()) return kBadRune;
  char32_t r = b0 & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    auto b = static_cast<unsigned char>(s[pos + k]);
    if ((b & 0xC0) != 0x80) return kBadRune;
    r = r << 6 | (b & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (r < kMin[n] || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return kBadRune;
  width = n;
  return r;
}

enum class Tok {
  kText,
  kAny,
  kSuper,
  kSingle,
  kRangeOpen,
  kNot,
  kRangeLo,
  kRangeHi,
  kRangeClose,
  kTermsOpen,
  kTermsClose,
  kSeparator,
  kEof,
  kError
};

struct Token {
  Tok kind;
  std::u32string text;  // Text; the one rune of RangeLo/RangeHi; the message of Error
};

// gobwas's lexer: items are fetched one at a time, and an error met while fetching one
// replaces that item's tokens and ends the stream.
class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  std::vector<Token> tokens() {
    std::vector<Token> out;
    for (;;) {
      batch_.clear();
      fetch_item();
      if (!error_.empty()) {
        std::u32string msg(error_.begin(), error_.end());
        out.push_back({Tok::kError, msg});
        return out;
      }
      for (Token& t : batch_) out.push_back(std::move(t));
      if (!out.empty() && out.back().kind == Tok::kEof) return out;
    }
  }

 private:
  char32_t peek(size_t& width) {
    if (pos_ >= s_.size()) {
      width = 0;
      return kEof;
    }
    char32_t r = decode_rune(s_, pos_, width);
    if (r == kBadRune) {
      error_ = "could not read rune";
      width = 0;
      return kEof;
    }
    return r;
  }
  char32_t read() {
    char32_t r = peek(last_width_);
    pos_ += last_width_;
    return r;
  }
  void unread() { pos_ -= last_width_; }
  void push(Tok k, std::u32string text = {}) { batch_.push_back({k, std::move(text)}); }

  void fetch_item() {
    char32_t r = read();
    if (r == kEof) {
      if (terms_ > 0) {
        error_ = "unexpected end of input";
        return;
      }
      push(Tok::kEof);
    } else if (r == '{') {
      ++terms_;
      push(Tok::kTermsOpen);
    } else if (r == ',' && terms_ > 0) {
      push(Tok::kSeparator);
    } else if (r == '}') {
      if (terms_ == 0) {
        error_ = "unexpected end of input";
        return;
      }
      push(Tok::kTermsClose);
      --terms_;
    } else if (r == '[') {
      push(Tok::kRangeOpen);
      fetch_range();
    } else if (r == '?') {
      push(Tok::kSingle);
    } else if (r == '*') {
      if (read() == '*') {
        push(Tok::kSuper);
      } else {
        unread();
        push(Tok::kAny);
      }
    } else {
      unread();
      fetch_text(terms_ > 0 ? U"?*[{}," : U"?*[{}");
    }
  }

  void fetch_range() {
    bool want_hi = false, want_close = false, seen_not = false;
    for (;;) {
      char32_t r = read();
      if (r == kEof) {
        error_ = "unexpected end of input";
        return;
      }
      if (want_close) {
        if (r != ']') {
          error_ = "expected close range character";
        } else {
          push(Tok::kRangeClose);
        }
        return;
      }
      if (want_hi) {
        push(Tok::kRangeHi, std::u32string(1, r));
        want_close = true;
        continue;
      }
      if (!seen_not && r == '!') {
        push(Tok::kNot);
        seen_not = true;
        continue;
      }
      size_t w = 0;
      if (peek(w) == '-') {
        pos_ += w;
        push(Tok::kRangeLo, std::u32string(1, r));
        want_hi = true;
        continue;
      }
      unread();
      fetch_text(U"]");
      want_close = true;
    }
  }

  void fetch_text(std::u32string_view breakers) {
    std::u32string data;
    bool escaped = false;
    for (;;) {
      char32_t r = read();
      if (r == kEof) break;
      if (!escaped) {
        if (r == '\\') {
          escaped = true;
          continue;
        }
        if (breakers.find(r) != std::u32string_view::npos) {
          unread();
          break;
        }
      }
      escaped = false;
      data += r;
    }
    if (!data.empty()) push(Tok::kText, std::move(data));
  }

  std::string_view s_;
  size_t pos_ = 0;
  size_t last_width_ = 0;
  int terms_ = 0;
  std::string error_;
  std::vector<Token> batch_;
};

// A parsed pattern: a sequence of items, alternatives nesting sequences.
struct Node {
  enum Kind { kPattern, kAnyOf, kText, kAny, kSuper, kSingle, kList, kRange } kind;
  std::u32string chars;  // Text, List
  char32_t lo = 0, hi = 0;
  bool negated = false;
  Node* parent = nullptr;
  std::vector<std::unique_ptr<Node>> children;

  Node* add(std::unique_ptr<Node> child) {
    child->parent = this;
    children.push_back(std::move(child));
    return children.back().get();
  }
};

std::unique_ptr<Node> make(Node::Kind k) {
  auto n = std::make_unique<Node>();
  n->kind = k;
  return n;
}

std::string narrow(std::u32string_view s) {
  std::string out;
  for (char32_t r : s) goutf8::append(out, r);
  return out;
}

// The range after '[': one List or Range node, or an error.
std::string parse_range(const std::vector<Token>& toks, size_t& i, Node* tree) {
  bool negated = false;
  char32_t lo = 0, hi = 0;
  std::u32string chars;
  for (; i < toks.size(); ++i) {
    const Token& t = toks[i];
    switch (t.kind) {
      case Tok::kEof: return "unexpected end";
      case Tok::kError: return narrow(t.text);
      case Tok::kNot: negated = true; break;
      case Tok::kRangeLo: lo = t.text[0]; break;
      case Tok::kRangeHi:
        hi = t.text[0];
        if (hi < lo) {
          return "hi character '" + narrow(std::u32string(1, hi)) + "' should be greater than lo '" +
                 narrow(std::u32string(1, lo)) + "'";
        }
        break;
      case Tok::kText: chars = t.text; break;
      case Tok::kRangeClose: {
        bool is_range = lo != 0 && hi != 0;
        if (chars.empty() != is_range) return "could not parse range";
        auto n = make(is_range ? Node::kRange : Node::kList);
        n->lo = lo;
        n->hi = hi;
        n->chars = chars;
        n->negated = negated;
        tree->add(std::move(n));
        return {};
      }
      default: break;
    }
  }
  return "unexpected end";
}

// gobwas's parser over the token stream; returns an error message, or empty.
// Nesting is bounded (gobwas has no bound, but Go's stacks grow where ours do not).
constexpr int kMaxAlternativesDepth = 1000;

std::string parse(const std::vector<Token>& toks, Node* root) {
  Node* tree = root;
  int depth = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    switch (t.kind) {
      case Tok::kEof: return {};
      case Tok::kError: return narrow(t.text);
      case Tok::kText: {
        auto n = make(Node::kText);
        n->chars = t.text;
        tree->add(std::move(n));
        break;
      }
      case Tok::kAny: tree->add(make(Node::kAny)); break;
      case Tok::kSuper: tree->add(make(Node::kSuper)); break;
      case Tok::kSingle: tree->add(make(Node::kSingle)); break;
      case Tok::kRangeOpen:
        if (std::string err = parse_range(toks, ++i, tree); !err.empty()) return err;
        break;
      case Tok::kTermsOpen:
        if (++depth > kMaxAlternativesDepth) return "pattern nests too deeply";
        tree = tree->add(make(Node::kAnyOf))->add(make(Node::kPattern));
        break;
      case Tok::kSeparator: tree = tree->parent->add(make(Node::kPattern)); break;
      case Tok::kTermsClose:
        --depth;
        tree = tree->parent->parent;
        break;
      default: return "unexpected token";
    }
  }
  return {};
}

void append_rune_escaped(std::string& out, char32_t r) {
  if ((r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')) {
    out += static_cast<char>(r);
    return;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(r));
  out += buf;
}

// "[^<delimiters>]" or "(?s:.)" when there are none.
std::string non_delimiter(std::u32string_view delimiters) {
  if (delimiters.empty()) return "(?s:.)";
  std::string out = "[^";
  for (char32_t r : delimiters) append_rune_escaped(out, r);
  return out + "]";
}

void to_regex(const Node& n, std::u32string_view delimiters, std::string& out) {
  switch (n.kind) {
    case Node::kPattern:
      for (const auto& c : n.children) to_regex(*c, delimiters, out);
      break;
    case Node::kAnyOf:
      out += "(?:";
      for (size_t i = 0; i < n.children.size(); ++i) {
        if (i > 0) out += '|';
        to_regex(*n.children[i], delimiters, out);
      }
      out += ')';
      break;
    case Node::kText:
      for (char32_t r : n.chars) append_rune_escaped(out, r);
      break;
    case Node::kAny: out += "(?:" + non_delimiter(delimiters) + ")*"; break;
    case Node::kSuper: out += "(?s:.*)"; break;
    case Node::kSingle: out += non_delimiter(delimiters); break;
    case Node::kList:
      out += n.negated ? "[^" : "[";
      for (char32_t r : n.chars) append_rune_escaped(out, r);
      out += ']';
      break;
    case Node::kRange:
      out += n.negated ? "[^" : "[";
      append_rune_escaped(out, n.lo);
      out += '-';
      append_rune_escaped(out, n.hi);
      out += ']';
      break;
  }
}

// The delimiters operand as runes, or an error.
std::optional<BuiltinResult> delimiters_of(const Value& v, std::u32string& out) {
  constexpr std::string_view kName = "glob.match";
  if (v.is_null()) return std::nullopt;
  if (!v.is_array()) return operand_type_error(kName, 2, v, {"array", "null"});
  for (const Value& e : v.elements()) {
    if (!e.is_string()) return operand_element_error(kName, 2, v, e, {"string"});
    std::string_view s = e.string_view();
    size_t width = 0;
    if (s.empty() || (decode_rune(s, 0, width), width != s.size())) {
      return operand_element_error(kName, 2, v, e, {"rune"});
    }
    out += decode_rune(s, 0, width);
  }
  if (out.empty()) out.push_back(U'.');
  return std::nullopt;
}

// A glob read and translated, or why it cannot be.
struct CompiledGlob {
  std::shared_ptr<const CompiledRegex> regex;  // null when the pattern is ill-formed
  std::string error;
};

std::shared_ptr<const CompiledGlob> compile_glob(std::string_view pattern, const std::u32string& delimiters) {
  auto out = std::make_shared<CompiledGlob>();
  Lexer lexer(pattern);
  Node root;
  root.kind = Node::kPattern;
  if (std::string err = parse(lexer.tokens(), &root); !err.empty()) {
    out->error = std::move(err);
    return out;
  }
  std::string regex = "^";
  to_regex(root, delimiters, regex);
  regex += '$';
  out->regex = compile_regex(regex);
  return out;
}

// Globs by pattern and delimiters. A policy matches the same few patterns on every
// decision, and reading, parsing and translating one is most of a match's time and all
// its allocations; a hit costs a lookup by a key built in a reused buffer.
std::shared_ptr<const CompiledGlob> cached_glob(std::string_view pattern, const std::u32string& delimiters) {
  static auto* cache = new SharedCache<CompiledGlob>();  // never destroyed: evaluations may outlive statics
  thread_local std::string key;
  key.assign(pattern);
  key.push_back('\0');
  key.append(reinterpret_cast<const char*>(delimiters.data()), delimiters.size() * sizeof(char32_t));
  return cache->get(key, [&] { return compile_glob(pattern, delimiters); });
}

}  // namespace

BuiltinResult glob_match(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "glob.match";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  std::u32string delimiters;
  if (auto err = delimiters_of(args[1], delimiters)) return *err;
  if (!args[2].is_string()) return operand_type_error(kName, 3, args[2], {"string"});
  std::shared_ptr<const CompiledGlob> g = cached_glob(args[0].string_view(), delimiters);
  if (!g->regex) return builtin_error(kName, g->error);
  const std::shared_ptr<const CompiledRegex>& c = g->regex;
  if (!c->re) return builtin_error(kName, c->error);  // cannot happen for a parsed glob
  std::string buf;
  std::string_view s = as_go_runes(args[2].string_view(), buf);
  return Value::boolean(re2::RE2::FullMatch(re2::StringPiece(s.data(), s.size()), *c->re));
}

BuiltinResult glob_quote_meta(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("glob.quote_meta", 1, args[0], {"string"});
  std::string out;
  for (char c : args[0].string_view()) {
    if (std::string_view("*?\\[]{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return Value::from_string(out);
}

}  // namespace arcane::stdlib::impl
