// Token facts for the parser's predicates (see token_facts.h).
#include "grammar/token_facts.h"

#include "RegoParser.h"

namespace arcane::grammar {

namespace {

bool is_logical(uint16_t type) { return type == RegoParser::KW_AND || type == RegoParser::KW_OR; }

// The opener that a closer matches, or 0.
uint16_t opener_of(uint16_t type) {
  switch (type) {
    case RegoParser::RPAREN: return RegoParser::LPAREN;
    case RegoParser::RBRACK: return RegoParser::LBRACK;
    case RegoParser::RBRACE: return RegoParser::LBRACE;
    default: return 0;
  }
}

}  // namespace

const Tok& TokenFacts::at(size_t window_index) const {
  size_t i = base + window_index;
  return i < toks.size() ? toks[i] : toks.back();
}

bool TokenFacts::space_before(size_t window_index) const { return (at(window_index).flags & kSpaceBefore) != 0; }

bool TokenFacts::newline_before(size_t window_index) const {
  return (at(window_index).flags & kNewlineBefore) != 0;
}

void TokenFacts::mark_logical_operands() {
  if (!logical_keywords && !not_body) return;
  auto is_open_brace = [](uint16_t t) { return t == RegoParser::LBRACE || t == RegoParser::BODY_LBRACE; };
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].type != RegoParser::LBRACE) continue;
    uint16_t prev = i > 0 ? toks[i - 1].type : 0;
    size_t next = toks[i].match + 1;
    bool explicit_body = is_logical(prev) || (prev == RegoParser::KW_NOT && not_body) ||
                         (next < toks.size() && is_logical(toks[next].type));
    if (explicit_body) toks[i].type = RegoParser::BODY_LBRACE;
  }
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].type != RegoParser::LPAREN) continue;
    // `not ( ... )` groups only with future.keywords.not; else the parentheses hold a term.
    if (i > 0 && toks[i - 1].type == RegoParser::KW_NOT && !not_body) continue;
    size_t close = toks[i].match;
    for (size_t j = i + 1; j < close && j < toks.size(); ++j) {
      uint16_t t = toks[j].type;
      if (is_logical(t) || t == RegoParser::KW_WITH) {
        toks[i].type = RegoParser::GROUP_LPAREN;
        break;
      }
      // What is nested in brackets or braces belongs to a term or a body.
      if (t == RegoParser::LBRACK || is_open_brace(t)) j = toks[j].match;
    }
  }
}

namespace {

bool is_opener(uint16_t t) {
  switch (t) {
    case RegoParser::LPAREN: case RegoParser::LBRACK: case RegoParser::LBRACE: case RegoParser::BODY_LBRACE:
    case RegoParser::GROUP_LPAREN: case RegoParser::TPL_START: case RegoParser::RTPL_START:
      return true;
    default:
      return false;
  }
}

bool is_closer(uint16_t t) {
  return t == RegoParser::RPAREN || t == RegoParser::RBRACK || t == RegoParser::RBRACE || t == RegoParser::TPL_END ||
         t == RegoParser::RTPL_END;
}

// Tokens that can end a term (after them, `[` is a ref and `{` a body).
bool ends_term(uint16_t t) {
  switch (t) {
    case RegoParser::IDENT: case RegoParser::NUMBER: case RegoParser::STRING: case RegoParser::RAW_STRING:
    case RegoParser::KW_NULL: case RegoParser::KW_TRUE: case RegoParser::KW_FALSE: case RegoParser::KW_CONTAINS:
    case RegoParser::RBRACK: case RegoParser::RPAREN: case RegoParser::RBRACE: case RegoParser::TPL_FULL:
    case RegoParser::TPL_END: case RegoParser::RTPL_FULL: case RegoParser::RTPL_END: case RegoParser::CONST_TERM:
      return true;
    default:
      return false;
  }
}

bool is_operator(uint16_t t) {
  switch (t) {
    case RegoParser::PLUS: case RegoParser::MINUS: case RegoParser::STAR: case RegoParser::SLASH:
    case RegoParser::PERCENT: case RegoParser::AMP: case RegoParser::BAR: case RegoParser::EQUAL:
    case RegoParser::NEQ: case RegoParser::LT: case RegoParser::LTE: case RegoParser::GT: case RegoParser::GTE:
    case RegoParser::KW_IN: case RegoParser::ASSIGN: case RegoParser::UNIFY:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool TokenFacts::opens_collection(size_t i) const {
  const Tok& t = toks[i];
  if (i == 0) return t.type == RegoParser::LBRACK || t.type == RegoParser::LBRACE;
  const Tok& prev = toks[i - 1];
  if (t.type == RegoParser::LBRACK) return !(prev.end == t.start && ends_term(prev.type));
  if (t.type != RegoParser::LBRACE) return false;
  if ((t.flags & kNewlineBefore) != 0) return true;
  return !ends_term(prev.type) && prev.type != RegoParser::KW_ELSE;
}

// Whether a token starts a new expression of a body: after `;`, or on a new line when the
// previous token cannot be continued.
bool TokenFacts::starts_expression(size_t i) const {
  if (i == 0) return true;
  uint16_t prev = toks[i - 1].type;
  if (prev == RegoParser::SEMI) return true;
  return (toks[i].flags & kNewlineBefore) != 0 && ends_term(prev) && !is_operator(toks[i].type);
}

// Whether the `,` at i belongs to `x, y in xs` (an `in` follows in the same expression).
bool TokenFacts::in_follows(size_t i, size_t end) const {
  for (size_t j = i + 1; j < end && j < toks.size(); ++j) {
    uint16_t t = toks[j].type;
    if (t == RegoParser::KW_IN) return true;
    if (is_opener(t)) {
      j = toks[j].match;
    } else if (starts_expression(j) || t == RegoParser::COMMA) {
      return false;
    }
  }
  return false;
}

void TokenFacts::mark_comprehension_bars() {
  struct Group {
    size_t open;
    bool literal;
    bool comma = false;      // a comma before the `|`: a list, as OPA decides
    bool bad_comma = false;  // a comma after it that no body accepts: OPA falls back to a list
    bool colon = false;
    bool some = false;       // `some` earlier in the current body expression
    uint32_t operators = 0;  // since the start, or since the colon of an object
    size_t bar = SIZE_MAX;
  };
  std::vector<Group> groups;
  for (size_t i = 0; i < toks.size(); ++i) {
    uint16_t t = toks[i].type;
    if (is_opener(t)) {
      groups.push_back(Group{i, opens_collection(i)});
      continue;
    }
    if (groups.empty()) continue;
    Group& g = groups.back();
    if (g.bar != SIZE_MAX && starts_expression(i)) g.some = false;
    if (is_closer(t)) {
      if (g.literal && !g.comma && !g.bad_comma && g.bar != SIZE_MAX) toks[g.bar].type = RegoParser::COMPR_BAR;
      groups.pop_back();
    } else if (t == RegoParser::COMMA) {
      if (g.bar == SIZE_MAX) {
        g.comma = true;
      } else if (!g.some && !in_follows(i, toks[g.open].match)) {
        g.bad_comma = true;
      }
    } else if (t == RegoParser::KW_SOME) {
      g.some = true;
    } else if (t == RegoParser::TPL_MID || t == RegoParser::RTPL_MID) {
      g.comma = true;
    } else if (t == RegoParser::COLON && !g.colon && g.bar == SIZE_MAX) {
      g.colon = true;
      g.operators = 0;
    } else if (is_operator(t)) {
      bool unary_minus = t == RegoParser::MINUS && (i == 0 || !ends_term(toks[i - 1].type));
      bool first_element = i > 0 && !is_opener(toks[i - 1].type);
      if (t == RegoParser::BAR && g.bar == SIZE_MAX && g.operators == 0 && first_element) g.bar = i;
      if (!unary_minus) ++g.operators;
    }
  }
}

void TokenFacts::match_brackets() {
  std::vector<size_t> open;
  size_t eof = toks.empty() ? 0 : toks.size() - 1;
  for (size_t i = 0; i < toks.size(); ++i) {
    uint16_t t = toks[i].type;
    if (t == RegoParser::CONST_TERM) continue;
    toks[i].match = static_cast<uint32_t>(eof);
    if (t == RegoParser::LPAREN || t == RegoParser::LBRACK || t == RegoParser::LBRACE) {
      open.push_back(i);
      continue;
    }
    uint16_t want = opener_of(t);
    if (want == 0) continue;
    // Unbalanced input: close the nearest opener of the same kind, leaving the ones in
    // between unmatched (they keep the EOF index).
    while (!open.empty() && toks[open.back()].type != want) open.pop_back();
    if (open.empty()) continue;
    toks[open.back()].match = static_cast<uint32_t>(i);
    open.pop_back();
  }
}

}  // namespace arcane::grammar
