// The token pass (see tokens.h). This is one of the two places that run ANTLR code: the
// generated lexer, fed one code point per byte so that token indices are byte offsets.
#include "compiler/parse/tokens.h"

#include <antlr4-runtime.h>

#include "RegoLexer.h"
#include "RegoParser.h"
#include "compiler/parse/utf8.h"

namespace arcane::compiler::parse {

using grammar::RegoLexer;
using grammar::Tok;

namespace {

// ANTLR's input stream decodes UTF-8 into code points, which would make token indices
// code-point offsets. Every policy construct outside strings is ASCII, so we give the
// lexer one code point per byte instead: indices are byte offsets, and non-ASCII bytes
// only ever appear inside strings and comments, where the lexer accepts any character.
class ByteCharStream : public antlr4::ANTLRInputStream {
 public:
  explicit ByteCharStream(std::string_view bytes) {
    _data.resize(bytes.size());
    for (size_t i = 0; i < bytes.size(); ++i) _data[i] = static_cast<unsigned char>(bytes[i]);
    // A leading byte-order mark is whitespace.
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") _data[0] = _data[1] = _data[2] = U' ';
  }
};

uint8_t gap_flags(std::string_view text, uint32_t from, uint32_t to) {
  if (to <= from) return 0;
  uint8_t flags = grammar::kSpaceBefore;
  if (text.substr(from, to - from).find('\n') != std::string_view::npos) flags |= grammar::kNewlineBefore;
  return flags;
}

ast::Comment make_comment(std::string_view text, uint32_t file, uint32_t start, uint32_t end) {
  std::string_view body = text.substr(start + 1, end - start - 1);
  if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
  return ast::Comment{{file, start, end - start}, std::string(body)};
}

bool report_bad_bytes(std::string_view text, uint32_t file, runtime::Diagnostics& diags) {
  Utf8Problem problem = find_utf8_problem(text);
  if (problem.kind == Utf8Problem::Kind::None) return false;
  const char* message = problem.kind == Utf8Problem::Kind::Nul   ? "illegal null character"
                        : problem.kind == Utf8Problem::Kind::Bom ? "illegal byte-order mark"
                                                                 : "illegal utf-8 character";
  diags.add({"rego_parse_error", message, {file, problem.offset, 1}, {}});
  return true;
}

}  // namespace

bool lex(std::string_view text, uint32_t file, TokenPass& out, runtime::Diagnostics& diags) {
  if (text.size() >= UINT32_MAX) {
    diags.add({"rego_parse_error", "file too large", {file, 0, 0}, {}});
    return false;
  }
  if (report_bad_bytes(text, file, diags)) return false;
  ByteCharStream chars(text);
  RegoLexer lexer(&chars);
  lexer.removeErrorListeners();
  auto& toks = out.facts.toks;
  toks.reserve(text.size() / 4 + 1);
  uint32_t prev_end = 0;
  while (true) {
    std::unique_ptr<antlr4::Token> t = lexer.nextToken();
    size_t type = t->getType();
    if (type == antlr4::Token::EOF) break;
    auto start = static_cast<uint32_t>(t->getStartIndex());
    auto end = static_cast<uint32_t>(t->getStopIndex() + 1);
    if (type == RegoLexer::COMMENT) {
      out.comments.push_back(make_comment(text, file, start, end));
      continue;
    }
    // A string with a bad escape is a lexical error, as in OPA's scanner.
    if (type == RegoLexer::STRING) {
      std::string_view body = text.substr(start + 1, end - start - 2);
      if (body.find('\\') != std::string_view::npos && !unescape_string(body)) type = RegoLexer::BAD_STRING;
    }
    toks.push_back(Tok{start, end, static_cast<uint16_t>(type), gap_flags(text, prev_end, start), 0});
    prev_end = end;
  }
  auto size = static_cast<uint32_t>(text.size());
  toks.push_back(Tok{size, size, kEofType, gap_flags(text, prev_end, size), 0});
  out.facts.match_brackets();
  return true;
}

std::string_view token_text(std::string_view text, const Tok& t) { return text.substr(t.start, t.end - t.start); }

bool is_keyword_type(uint16_t type) { return type >= RegoLexer::KW_PACKAGE && type <= RegoLexer::KW_OR; }

// ------------------------------------------------------------------------- keywords

namespace {

enum : uint8_t { kIf = 1, kContains = 2, kIn = 4, kEvery = 8, kAnd = 16, kOr = 32 };
constexpr uint8_t kV1Keywords = kIf | kContains | kIn | kEvery;

// The mask bit that enables a future keyword, or 0 for keywords that are always on.
uint8_t future_bit(uint16_t type) {
  switch (type) {
    case RegoLexer::KW_IF: return kIf;
    case RegoLexer::KW_CONTAINS: return kContains;
    case RegoLexer::KW_IN: return kIn;
    case RegoLexer::KW_EVERY: return kEvery;
    case RegoLexer::KW_AND: return kAnd;
    case RegoLexer::KW_OR: return kOr;
    default: return 0;
  }
}

uint8_t bit_for_name(std::string_view name) {
  if (name == "if") return kIf;
  if (name == "contains") return kContains;
  if (name == "in") return kIn;
  if (name == "every") return kEvery | kIn;  // importing every also imports in, as in OPA
  if (name == "and") return kAnd;
  if (name == "or") return kOr;
  return 0;
}

bool adjacent(const Tok& a, const Tok& b) { return a.end == b.start; }

class KeywordPass {
 public:
  KeywordPass(std::string_view text, const KeywordSettings& s, TokenPass& pass)
      : text_(text), settings_(s), pass_(pass), toks_(pass.facts.toks) {
    if (s.version != ast::RegoVersion::V0) mask_ = kV1Keywords;
  }

  void run() {
    for (size_t i = 0; i < toks_.size(); ++i) {
      if (toks_[i].type == RegoLexer::KW_IMPORT && !used_as_ref(i) && settings_.honour_imports) {
        i = import_statement(i);
        continue;
      }
      if (is_keyword_type(toks_[i].type) && (used_as_ref(i) || disabled(toks_[i].type))) {
        toks_[i].type = RegoLexer::IDENT;
      }
    }
    pass_.facts.logical_keywords = (mask_ & (kAnd | kOr)) != 0;
    pass_.facts.not_body = not_body_;
  }

 private:
  // A keyword right after a `.` or right before `.`/`[` is a name in a ref (OPA's
  // keywords_in_refs feature): `input.in`, `else.x := 1`.
  bool used_as_ref(size_t i) const {
    if (i > 0 && toks_[i - 1].type == RegoLexer::DOT && adjacent(toks_[i - 1], toks_[i])) return true;
    if (i + 1 < toks_.size()) {
      uint16_t next = toks_[i + 1].type;
      if ((next == RegoLexer::DOT || next == RegoLexer::LBRACK) && adjacent(toks_[i], toks_[i + 1])) return true;
    }
    return false;
  }

  bool disabled(uint16_t type) const {
    uint8_t bit = future_bit(type);
    return bit != 0 && (mask_ & bit) == 0;
  }

  // Reads `import a.b.c`, turning keywords in the path into names (OPA parses import paths
  // with no future keywords), and enables what the import enables. Returns the index of
  // the last token of the path.
  size_t import_statement(size_t i) {
    std::vector<std::string_view> path;
    size_t j = i + 1;
    while (j < toks_.size()) {
      Tok& t = toks_[j];
      if (t.type != RegoLexer::IDENT && !is_keyword_type(t.type)) break;
      t.type = RegoLexer::IDENT;
      path.push_back(token_text(text_, t));
      if (j + 1 < toks_.size() && toks_[j + 1].type == RegoLexer::DOT) {
        j += 2;
        continue;
      }
      break;
    }
    enable(path);
    return j < toks_.size() ? j : toks_.size() - 1;
  }

  void enable(const std::vector<std::string_view>& path) {
    if (path.size() == 2 && path[0] == "rego" && path[1] == "v1") {
      mask_ |= kV1Keywords;
      pass_.rego_v1_import = true;
      return;
    }
    if (path.size() < 2 || path[0] != "future" || path[1] != "keywords") return;
    uint8_t logical = settings_.experimental_keywords ? (kAnd | kOr) : 0;
    if (path.size() == 2) {
      mask_ |= kV1Keywords | logical;
      not_body_ = true;
      return;
    }
    if (path.size() != 3) return;
    if (path[2] == "not") not_body_ = true;
    mask_ |= bit_for_name(path[2]) & (kV1Keywords | logical);
  }

  std::string_view text_;
  const KeywordSettings& settings_;
  TokenPass& pass_;
  std::vector<Tok>& toks_;
  uint8_t mask_ = 0;
  bool not_body_ = false;
};

}  // namespace

void apply_keywords(std::string_view text, const KeywordSettings& settings, TokenPass& pass) {
  KeywordPass(text, settings, pass).run();
}

void mark_operators(TokenPass& pass) {
  pass.facts.mark_logical_operands();
  pass.facts.mark_comprehension_bars();
}

// ------------------------------------------------------------------------- depth

namespace {

bool is_binary_operator(uint16_t t) {
  switch (t) {
    case RegoLexer::PLUS: case RegoLexer::MINUS: case RegoLexer::STAR: case RegoLexer::SLASH:
    case RegoLexer::PERCENT: case RegoLexer::AMP: case RegoLexer::BAR: case RegoLexer::EQUAL:
    case RegoLexer::NEQ: case RegoLexer::LT: case RegoLexer::LTE: case RegoLexer::GT: case RegoLexer::GTE:
    case RegoLexer::KW_IN: case RegoLexer::KW_AND: case RegoLexer::KW_OR:
      return true;
    default:
      return false;
  }
}

bool is_opener(uint16_t t) {
  return t == RegoLexer::LPAREN || t == RegoLexer::LBRACK || t == RegoLexer::LBRACE || t == RegoLexer::TPL_START ||
         t == RegoLexer::RTPL_START || t == grammar::RegoParser::BODY_LBRACE || t == grammar::RegoParser::GROUP_LPAREN;
}

bool is_closer(uint16_t t) {
  return t == RegoLexer::RPAREN || t == RegoLexer::RBRACK || t == RegoLexer::RBRACE || t == RegoLexer::TPL_END ||
         t == RegoLexer::RTPL_END;
}

// Tokens after which a new operand chain starts (the AST does not nest across them).
bool ends_chain(uint16_t t) {
  switch (t) {
    case RegoLexer::COMMA: case RegoLexer::SEMI: case RegoLexer::COLON: case RegoLexer::ASSIGN:
    case RegoLexer::UNIFY: case RegoLexer::KW_IF: case RegoLexer::KW_WITH: case RegoLexer::KW_AS:
    case RegoLexer::KW_ELSE: case RegoLexer::KW_SOME: case RegoLexer::KW_EVERY: case RegoLexer::KW_CONTAINS:
    case RegoLexer::KW_DEFAULT: case RegoLexer::TPL_MID: case RegoLexer::RTPL_MID: case grammar::RegoParser::COMPR_BAR:
      return true;
    default:
      return false;
  }
}

}  // namespace

// Depth is what the AST's depth will be, over-approximated on tokens: each open bracket
// adds one, and so does each binary operator in a chain (`1 + 1 + ...` nests calls), until
// the chain ends at a separator or a new expression on a new line.
bool check_depth(uint32_t file, uint32_t max_depth, TokenPass& pass, runtime::Diagnostics& diags) {
  const auto& toks = pass.facts.toks;
  std::vector<uint32_t> chains{0};
  uint64_t chain_sum = 0;
  uint32_t deepest = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    uint16_t t = toks[i].type;
    bool new_line_expr = (toks[i].flags & grammar::kNewlineBefore) && !is_binary_operator(t) && i > 0 &&
                         !is_binary_operator(toks[i - 1].type);
    if (ends_chain(t) || new_line_expr) {
      chain_sum -= chains.back();
      chains.back() = 0;
    }
    if (is_binary_operator(t)) {
      ++chains.back();
      ++chain_sum;
    } else if (is_opener(t)) {
      chains.push_back(0);
    } else if (is_closer(t) && chains.size() > 1) {
      chain_sum -= chains.back();
      chains.pop_back();
    }
    uint64_t depth = chains.size() - 1 + chain_sum;
    if (depth > deepest) deepest = static_cast<uint32_t>(std::min<uint64_t>(depth, UINT32_MAX));
    if (depth > max_depth) {
      diags.add({"rego_parse_error", "nesting depth exceeds the limit of " + std::to_string(max_depth),
                 {file, toks[i].start, toks[i].end - toks[i].start},
                 {}});
      pass.max_depth_seen = deepest;
      return false;
    }
  }
  pass.max_depth_seen = deepest;
  return true;
}

// ------------------------------------------------------------------------- names

const char* operator_builtin(size_t type) {
  switch (type) {
    case RegoLexer::ASSIGN: return "assign";
    case RegoLexer::EQUAL: return "equal";
    case RegoLexer::UNIFY: return "eq";
    case RegoLexer::NEQ: return "neq";
    case RegoLexer::LT: return "lt";
    case RegoLexer::LTE: return "lte";
    case RegoLexer::GT: return "gt";
    case RegoLexer::GTE: return "gte";
    case RegoLexer::PLUS: return "plus";
    case RegoLexer::MINUS: return "minus";
    case RegoLexer::STAR: return "mul";
    case RegoLexer::SLASH: return "div";
    case RegoLexer::PERCENT: return "rem";
    case RegoLexer::AMP: return "and";
    case RegoLexer::BAR: return "or";
    default: return nullptr;
  }
}

namespace {

const char* keyword_name(uint16_t type) {
  static const char* const kNames[] = {"",     "package", "import", "as",   "default", "else",
                                       "not",  "some",    "with",   "null", "true",    "false",
                                       "if",   "contains", "in",    "every", "and",    "or"};
  return type < sizeof(kNames) / sizeof(kNames[0]) ? kNames[type] : "";
}

const char* symbol_name(uint16_t type) {
  // Operators are named after the built-ins they become, as OPA's tokens are.
  if (const char* op = operator_builtin(type)) return op;
  switch (type) {
    case kEofType: return "eof";
    case RegoLexer::IDENT: return "ident";
    case RegoLexer::NUMBER: case RegoLexer::BAD_NUMBER: return "number";
    case RegoLexer::STRING: case RegoLexer::RAW_STRING: return "string";
    case RegoLexer::TPL_FULL: case RegoLexer::TPL_END: case RegoLexer::RTPL_FULL: case RegoLexer::RTPL_END:
      return "template-string-end";
    case RegoLexer::TPL_START: case RegoLexer::TPL_MID: case RegoLexer::RTPL_START: case RegoLexer::RTPL_MID:
      return "template-string-part";
    case grammar::RegoParser::COMPR_BAR: return "or";
    case RegoLexer::COLON: return ":";
    case RegoLexer::LBRACK: return "[";
    case RegoLexer::RBRACK: return "]";
    case RegoLexer::LPAREN: case grammar::RegoParser::GROUP_LPAREN: return "(";
    case RegoLexer::RPAREN: return ")";
    case RegoLexer::LBRACE: case grammar::RegoParser::BODY_LBRACE: return "{";
    case RegoLexer::RBRACE: return "}";
    case RegoLexer::COMMA: return ",";
    case RegoLexer::SEMI: return ";";
    case RegoLexer::DOT: return ".";
    default: return "illegal";
  }
}

}  // namespace

std::string token_display_name(uint16_t type, bool* is_keyword) {
  *is_keyword = is_keyword_type(type);
  return *is_keyword ? keyword_name(type) : symbol_name(type);
}

}  // namespace arcane::compiler::parse
