// Constant literal folding (see constants.h).
#include "compiler/parse/constants.h"

#include "RegoParser.h"
#include "compiler/parse/utf8.h"

namespace arcane::compiler::parse {

namespace {

using grammar::RegoParser;
using grammar::Tok;

// Small literals go through the grammar: folding them would save nothing.
constexpr size_t kMinTokens = 8;

bool is_scalar(uint16_t t) {
  return t == RegoParser::STRING || t == RegoParser::RAW_STRING || t == RegoParser::NUMBER ||
         t == RegoParser::KW_TRUE || t == RegoParser::KW_FALSE || t == RegoParser::KW_NULL;
}

bool is_opener(uint16_t t) {
  return t == RegoParser::LPAREN || t == RegoParser::LBRACK || t == RegoParser::LBRACE ||
         t == RegoParser::TPL_START || t == RegoParser::RTPL_START;
}

bool is_closer(uint16_t t) {
  return t == RegoParser::RPAREN || t == RegoParser::RBRACK || t == RegoParser::RBRACE ||
         t == RegoParser::TPL_END || t == RegoParser::RTPL_END;
}

// Checks that a literal is made of constants and is well formed, as the grammar's
// arrayItems/braceItems rules would accept it, one token at a time.
class Shape {
 public:
  Shape(bool candidate, bool brace) : ok_(candidate), brace_(brace) {}

  bool ok() const { return ok_; }

  // A scalar, or a nested literal that is itself constant.
  void element(bool constant) {
    if (!constant || minus_) return fail();
    switch (pos_) {
      case Pos::Start:
      case Pos::Item: pos_ = mode_ == Mode::Object ? Pos::AfterKey : Pos::AfterItem; break;
      case Pos::Value: pos_ = Pos::AfterItem; break;
      default: return fail();
    }
    ++items_;
  }
  bool at_element() const { return pos_ == Pos::Start || pos_ == Pos::Item || pos_ == Pos::Value; }

  void token(const Tok& t, std::string_view text) {
    switch (t.type) {
      case RegoParser::COMMA: return comma();
      case RegoParser::COLON: return colon();
      case RegoParser::MINUS:
        if (minus_ || !at_element()) return fail();
        minus_ = true;
        return;
      case RegoParser::NUMBER: {
        std::string literal = minus_ ? "-" : "";
        literal += text.substr(t.start, t.end - t.start);
        minus_ = false;
        return element(check_number(literal).empty());
      }
      default:
        if (is_scalar(t.type)) return element(true);
        return fail();
    }
  }

  // At the closing bracket.
  void close() {
    bool trailing_ok = pos_ == Pos::Item && items_ > 0 && !leading_only_;
    if (minus_ || !(pos_ == Pos::Start || pos_ == Pos::AfterItem || trailing_ok)) fail();
  }

 private:
  enum class Pos : uint8_t { Start, Item, AfterItem, AfterKey, Value };
  enum class Mode : uint8_t { Unknown, List, Object };

  void fail() { ok_ = false; }

  void comma() {
    if (pos_ == Pos::Start) {
      pos_ = Pos::Item;  // a leading comma, allowed as in OPA
      leading_only_ = true;
    } else if (pos_ == Pos::AfterItem) {
      if (mode_ == Mode::Unknown) mode_ = Mode::List;
      pos_ = Pos::Item;
      leading_only_ = false;
    } else {
      fail();
    }
  }

  void colon() {
    if (!brace_) return fail();
    if (mode_ == Mode::Unknown && pos_ == Pos::AfterItem && items_ == 1) {
      mode_ = Mode::Object;
    } else if (!(mode_ == Mode::Object && pos_ == Pos::AfterKey)) {
      return fail();
    }
    pos_ = Pos::Value;
  }

  bool ok_;
  bool brace_;
  Mode mode_ = Mode::Unknown;
  Pos pos_ = Pos::Start;
  size_t items_ = 0;
  bool leading_only_ = false;
  bool minus_ = false;
};

// Which openers start a foldable literal: an array, set or object literal that cannot be
// a body (`p if {`, `else {` and v0's `} {` may open bodies).
bool may_fold(const grammar::TokenFacts& facts, size_t i) {
  const auto& toks = facts.toks;
  uint16_t t = toks[i].type;
  if (t != RegoParser::LBRACK && t != RegoParser::LBRACE) return false;
  if (!facts.opens_collection(i)) return false;
  if (t == RegoParser::LBRACE && i > 0) {
    uint16_t prev = toks[i - 1].type;
    if (prev == RegoParser::KW_IF || prev == RegoParser::KW_ELSE || prev == RegoParser::RBRACE) return false;
  }
  return true;
}

// For every opener, whether its literal is constant and well formed.
std::vector<bool> constant_literals(const grammar::TokenFacts& facts, std::string_view text) {
  const auto& toks = facts.toks;
  std::vector<bool> constant(toks.size(), false);
  struct Open {
    size_t index;
    Shape shape;
  };
  std::vector<Open> stack;
  for (size_t i = 0; i < toks.size(); ++i) {
    uint16_t t = toks[i].type;
    if (is_opener(t)) {
      if (!stack.empty() && !stack.back().shape.at_element()) stack.back().shape.element(false);
      stack.push_back(Open{i, Shape(may_fold(facts, i), t == RegoParser::LBRACE)});
    } else if (is_closer(t)) {
      if (stack.empty()) continue;
      Open done = stack.back();
      stack.pop_back();
      done.shape.close();
      constant[done.index] = done.shape.ok() && toks[done.index].match == i;
      if (!stack.empty()) stack.back().shape.element(constant[done.index]);
    } else if (!stack.empty()) {
      stack.back().shape.token(toks[i], text);
    }
  }
  return constant;
}

// Builds the term of a constant literal from its tokens.
class Builder {
 public:
  Builder(const std::vector<Tok>& toks, std::string_view text, uint32_t file) : toks_(toks), text_(text), file_(file) {}

  ast::Term literal(size_t open) {
    size_t close = toks_[open].match;
    runtime::Location at{file_, toks_[open].start, toks_[close].end - toks_[open].start};
    std::vector<ast::Term> items;
    bool object = false;
    for (size_t i = open + 1; i < close;) {
      uint16_t t = toks_[i].type;
      if (t == RegoParser::COMMA) {
        ++i;
      } else if (t == RegoParser::COLON) {
        object = true;
        ++i;
      } else {
        items.push_back(element(i));
      }
    }
    if (toks_[open].type == RegoParser::LBRACK) return ast::Term{at, ast::Array{std::move(items)}};
    if (!object && !items.empty()) return ast::Term{at, ast::Set{std::move(items)}};
    ast::Object obj;
    obj.items.reserve(items.size() / 2);
    for (size_t k = 0; k + 1 < items.size(); k += 2) {
      obj.items.push_back(ast::ObjectItem{std::move(items[k]), std::move(items[k + 1])});
    }
    return ast::Term{at, std::move(obj)};  // `{}` is an object
  }

 private:
  // The element starting at token i; advances i past it.
  ast::Term element(size_t& i) {
    const Tok& t = toks_[i];
    if (t.type == RegoParser::LBRACK || t.type == RegoParser::LBRACE) {
      ast::Term nested = literal(i);
      i = t.match + 1;
      return nested;
    }
    ++i;
    runtime::Location at{file_, t.start, t.end - t.start};
    std::string_view s = text_.substr(t.start, t.end - t.start);
    switch (t.type) {
      case RegoParser::MINUS: {
        const Tok& digits = toks_[i++];
        std::string literal = "-" + std::string(text_.substr(digits.start, digits.end - digits.start));
        return ast::Term{{file_, t.start, digits.end - t.start}, ast::Number{std::move(literal)}};
      }
      case RegoParser::NUMBER: return ast::Term{at, ast::Number{std::string(s)}};
      case RegoParser::KW_TRUE: return ast::make_boolean(true, at);
      case RegoParser::KW_FALSE: return ast::make_boolean(false, at);
      case RegoParser::KW_NULL: return ast::Term{at, ast::Null{}};
      case RegoParser::RAW_STRING: return ast::make_string(std::string(s.substr(1, s.size() - 2)), at);
      default: {
        std::string_view inner = s.substr(1, s.size() - 2);
        if (inner.find('\\') == std::string_view::npos) return ast::make_string(std::string(inner), at);
        auto decoded = unescape_string(inner);  // validated by the lexer pass
        return ast::make_string(decoded ? std::move(*decoded) : std::string(inner), at);
      }
    }
  }

  const std::vector<Tok>& toks_;
  std::string_view text_;
  uint32_t file_;
};

}  // namespace

void fold_constants(std::string_view text, uint32_t file, TokenPass& pass) {
  auto& toks = pass.facts.toks;
  std::vector<bool> constant = constant_literals(pass.facts, text);
  Builder builder(toks, text, file);
  std::vector<Tok> out;
  bool folded = false;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (constant[i] && toks[i].match - i + 1 >= kMinTokens) {
      Tok t{toks[i].start, toks[toks[i].match].end, RegoParser::CONST_TERM, toks[i].flags,
            static_cast<uint32_t>(pass.constants.size())};
      pass.constants.push_back(builder.literal(i));
      if (!folded) out.assign(toks.begin(), toks.begin() + static_cast<std::ptrdiff_t>(i));
      folded = true;
      out.push_back(t);
      i = toks[i].match;
      continue;
    }
    if (folded) out.push_back(toks[i]);
  }
  if (!folded) return;
  toks = std::move(out);
  pass.facts.match_brackets();
}

}  // namespace arcane::compiler::parse
