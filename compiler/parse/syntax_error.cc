// First-error capture and OPA-style syntax messages (see syntax_error.h).
#include "compiler/parse/syntax_error.h"

#include "RegoLexer.h"
#include "RegoParser.h"
#include "compiler/parse/tokens.h"

namespace arcane::compiler::parse {

using grammar::RegoParser;

namespace {

// Whether the last thing parsed in ctx (descending through its last children) is a query:
// then the parse stopped right after a body.
bool ends_with_query(antlr4::ParserRuleContext* ctx) {
  for (int hops = 0; ctx != nullptr && !ctx->children.empty() && hops < 4; ++hops) {
    auto* last = dynamic_cast<antlr4::ParserRuleContext*>(ctx->children.back());
    if (last == nullptr) return false;
    if (last->getRuleIndex() == RegoParser::RuleQuery) return true;
    ctx = last;
  }
  return false;
}

}  // namespace

void CaptureErrorStrategy::capture(antlr4::Parser* parser, antlr4::Token* offending, antlr4::ParserRuleContext* ctx) {
  if (failure_.set) return;
  failure_.set = true;
  failure_.offending = offending != nullptr ? offending->getTokenIndex() : parser->getCurrentToken()->getTokenIndex();
  if (ctx == nullptr) ctx = parser->getContext();
  failure_.after_query = ends_with_query(ctx);
  for (auto* c = ctx; c != nullptr; c = dynamic_cast<antlr4::ParserRuleContext*>(c->parent)) {
    size_t start = c->getStart() != nullptr ? c->getStart()->getTokenIndex() : 0;
    failure_.frames.push_back({c->getRuleIndex(), start});
    // Keep the query's parent too: it tells what closes the query.
    size_t n = failure_.frames.size();
    if (n > 2 && failure_.frames[n - 2].rule == RegoParser::RuleQuery) break;
  }
}

void CaptureErrorStrategy::reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) {
  capture(parser, e.getOffendingToken(), dynamic_cast<antlr4::ParserRuleContext*>(e.getCtx()));
}

void CaptureErrorStrategy::recover(antlr4::Parser*, std::exception_ptr) { throw antlr4::ParseCancellationException(); }

antlr4::Token* CaptureErrorStrategy::recoverInline(antlr4::Parser* parser) {
  capture(parser, parser->getCurrentToken(), parser->getContext());
  throw antlr4::ParseCancellationException();
}

void CaptureErrorStrategy::sync(antlr4::Parser*) {}

runtime::Location token_location(const grammar::Tok& t, std::string_view text, uint32_t file) {
  if (t.type != kEofType || text.empty()) return {file, t.start, t.end - t.start};
  auto last = static_cast<uint32_t>(text.size() - 1);
  return {file, text.back() == '\n' ? static_cast<uint32_t>(text.size()) : last, 0};
}

namespace {

using grammar::RegoLexer;

// Messages for tokens that are lexical errors, in OPA's scanner's words.
std::string lexical_message(const grammar::Tok& t, std::string_view text) {
  std::string_view s = token_text(text, t);
  switch (t.type) {
    case RegoLexer::BAD_STRING:
      // A terminated string that was retyped by the token pass has a bad escape.
      return (s.size() >= 2 && s.back() == '"') ? "illegal escape sequence" : "non-terminated string";
    case RegoLexer::BAD_RAW_STRING:
    case RegoLexer::BAD_TPL:
    case RegoLexer::BAD_RTPL:
      return "non-terminated string";
    case RegoLexer::BAD_NUMBER: {
      char last = s.empty() ? ' ' : s.back();
      if (last == '.') return "expected fraction";
      if (last == 'e' || last == 'E' || last == '+' || last == '-') return "expected exponent";
      return "illegal number format";
    }
    case RegoLexer::ERROR_CHAR:
      if (s == "!") return "illegal ! character";
      if (s == "$") return "illegal $ character";
      return "illegal token";
    default:
      return "";
  }
}

// Whether a `{` starting at window index `open` looked like an object before `stop`.
bool looks_like_object(const grammar::TokenFacts& facts, size_t open, size_t stop) {
  for (size_t i = open + 1; i < stop; ++i) {
    const grammar::Tok& t = facts.at(i);
    if (t.type == RegoLexer::COLON) return true;
    if (t.type == RegoLexer::LPAREN || t.type == RegoLexer::LBRACK || t.type == RegoLexer::LBRACE ||
        t.type == RegoParser::BODY_LBRACE || t.type == RegoParser::GROUP_LPAREN) {
      size_t close = t.match - facts.base;
      if (close <= i) return false;
      i = close;
    }
  }
  return false;
}

// Tokens that can end a term: after one, a token that does not continue the expression
// is where OPA's parseQuery stops and asks for a separator.
bool ends_term(uint16_t t) {
  switch (t) {
    case RegoLexer::IDENT: case RegoLexer::NUMBER: case RegoLexer::STRING: case RegoLexer::RAW_STRING:
    case RegoLexer::KW_NULL: case RegoLexer::KW_TRUE: case RegoLexer::KW_FALSE: case RegoLexer::KW_CONTAINS:
    case RegoLexer::RBRACK: case RegoLexer::RPAREN: case RegoLexer::RBRACE: case RegoLexer::TPL_FULL:
    case RegoLexer::TPL_END: case RegoLexer::RTPL_FULL: case RegoLexer::RTPL_END:
      return true;
    default:
      return false;
  }
}

// What closes the body that a query belongs to, from the query's parent frame.
const char* query_closer(const SyntaxFailure& f, size_t query_frame, const grammar::TokenFacts& facts) {
  if (query_frame + 1 >= f.frames.size()) return "}";
  const SyntaxFailure::Frame& parent = f.frames[query_frame + 1];
  if (parent.rule == RegoParser::RuleQueryInput) return "eof";
  if (parent.rule == RegoParser::RuleArrayItems) return "]";
  return "}";
}

std::string query_note(const SyntaxFailure& f, size_t query_frame, const grammar::TokenFacts& facts) {
  if (f.offending == 0 || facts.newline_before(f.offending) || !ends_term(facts.at(f.offending - 1).type)) return "";
  return std::string("expected \\n or ; or ") + query_closer(f, query_frame, facts);
}

// The note OPA appends to "unexpected X token" where the parse stopped: inside an
// unfinished collection, or after a complete expression that is not followed by a
// separator. Returns "(" for an unfinished parenthesized expression.
std::string context_note(const SyntaxFailure& f, const grammar::TokenFacts& facts) {
  if (f.after_query && !f.frames.empty()) {
    if (facts.newline_before(f.offending)) return "";  // OPA reads a new expression there
    if (f.frames[0].rule == RegoParser::RuleQueryInput) return "expected \\n or ; or eof";
    bool array = (f.frames[0].rule == RegoParser::RulePrimary && facts.at(f.frames[0].start).type == RegoLexer::LBRACK) ||
                 f.frames[0].rule == RegoParser::RuleArrayItems;
    return std::string("expected \\n or ; or ") + (array ? "]" : "}");
  }
  for (size_t i = 0; i < f.frames.size(); ++i) {
    const SyntaxFailure::Frame& fr = f.frames[i];
    if (fr.rule == RegoParser::RuleQuery) return query_note(f, i, facts);
    size_t opener = fr.start;
    if (fr.rule == RegoParser::RuleArrayItems || fr.rule == RegoParser::RuleBraceItems) {
      if (fr.start == 0) continue;
      opener = fr.start - 1;
    } else if (fr.rule != RegoParser::RulePrimary) {
      continue;
    }
    if (f.offending <= opener) continue;
    uint16_t open = facts.at(opener).type;
    if (open == RegoLexer::MINUS || open == RegoLexer::DOT) return "expected number";
    if (open == RegoLexer::LBRACE) {
      return looks_like_object(facts, opener, f.offending) ? "non-terminated object" : "non-terminated set";
    }
    if (open == RegoLexer::LBRACK) return "expected \",\" or \"]\"";
    if (open == RegoLexer::LPAREN) return "(";
  }
  return "";
}

}  // namespace

SyntaxMessage describe_failure(const SyntaxFailure& f, const grammar::TokenFacts& facts, std::string_view text,
                               uint32_t file) {
  // A ref's `.` must be followed by a name: OPA's parseRef reports the token after the dot.
  // (Statements are parsed one at a time, so the dot may open the window after the ref.)
  size_t dot = facts.base + f.offending;
  if (facts.at(f.offending).type == RegoLexer::DOT && dot > 0 && !facts.space_before(f.offending) &&
      ends_term(facts.toks[dot - 1].type) && facts.at(f.offending + 1).type != RegoLexer::IDENT) {
    const grammar::Tok& next = facts.at(f.offending + 1);
    bool keyword = false;
    std::string name = token_display_name(next.type, &keyword);
    return {"unexpected " + name + (keyword ? " keyword" : " token") + ": expected ident",
            token_location(next, text, file)};
  }
  const grammar::Tok& tok = facts.at(f.offending);
  runtime::Location loc = token_location(tok, text, file);
  std::string lexical = lexical_message(tok, text);
  if (!lexical.empty()) return {lexical, loc};
  std::string note = context_note(f, facts);
  if (note == "(") return {"non-terminated expression", loc};
  bool keyword = false;
  std::string name = token_display_name(tok.type, &keyword);
  if (tok.type == RegoParser::CONST_TERM) name = std::string(1, text[tok.start]);  // a folded `[...]`/`{...}`
  std::string message = "unexpected " + name + (keyword ? " keyword" : " token");
  if (!note.empty()) message += ": " + note;
  return {message, loc};
}

}  // namespace arcane::compiler::parse
