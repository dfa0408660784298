// AST builder, terms: operators, refs and calls, scalars, collections, comprehensions and
// template strings (see builder.h).
#include "compiler/parse/builder.h"
#include "compiler/parse/tokens.h"
#include "compiler/parse/utf8.h"

namespace arcane::compiler::parse {

using ast::Term;
using grammar::RegoLexer;

// ------------------------------------------------------------------------- helpers

runtime::Location span(const runtime::Location& a, const runtime::Location& b) {
  uint32_t end = std::max(a.offset + a.length, b.offset + b.length);
  return {a.file, a.offset, end - a.offset};
}

runtime::Location AstBuilder::loc(antlr4::Token* tok) const {
  auto start = static_cast<uint32_t>(tok->getStartIndex());
  auto end = static_cast<uint32_t>(tok->getStopIndex() + 1);
  return {options_.file, start, end > start ? end - start : 0};
}

runtime::Location AstBuilder::loc(antlr4::ParserRuleContext* ctx) const {
  runtime::Location l = loc(ctx->getStart());
  antlr4::Token* stop = ctx->getStop();
  if (stop == nullptr || stop->getTokenIndex() < ctx->getStart()->getTokenIndex()) return {l.file, l.offset, 0};
  auto end = static_cast<uint32_t>(stop->getStopIndex() + 1);
  return {l.file, l.offset, end > l.offset ? end - l.offset : 0};
}

std::string_view AstBuilder::text(antlr4::Token* tok) const {
  runtime::Location l = loc(tok);
  return text_.substr(l.offset, l.length);
}

Term AstBuilder::fresh_wildcard(runtime::Location at) {
  return ast::make_var("$" + std::to_string(wildcards_++), at);
}

AstBuilder::DepthGuard::DepthGuard(AstBuilder& b, runtime::Location at) : b_(b) {
  ok_ = ++b_.depth_ <= b_.options_.max_depth + 8;
  if (!ok_ && !b_.depth_reported_) {
    b_.depth_reported_ = true;
    b_.error("nesting depth exceeds the limit of " + std::to_string(b_.options_.max_depth), at);
  }
}

// Indexed by the alternatives of ast::Value, in their order.
static_assert(std::variant_size_v<ast::Value> == 14);

const char* value_name(const ast::Value& v) {
  static const char* const kNames[] = {"null",  "boolean", "number", "string",
                                       "var",   "ref",     "array",  "object",
                                       "set",   "arraycomprehension", "setcomprehension",
                                       "objectcomprehension", "call", "templatestring"};
  return kNames[v.index()];
}

bool is_ground(const Term& t) {
  return std::visit(
      [](const auto& x) -> bool {
        using T = std::decay_t<decltype(x)>;
        auto all = [](const std::vector<Term>& ts, size_t from) {
          for (size_t i = from; i < ts.size(); ++i) {
            if (!is_ground(ts[i])) return false;
          }
          return true;
        };
        if constexpr (std::is_same_v<T, ast::Var>) {
          return false;
        } else if constexpr (std::is_same_v<T, ast::Ref>) {
          return all(x.parts, 1);  // OPA ignores the head
        } else if constexpr (std::is_same_v<T, ast::Array> || std::is_same_v<T, ast::Set>) {
          return all(x.items, 0);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          return all(x.terms, 0);
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          for (const auto& it : x.items) {
            if (!is_ground(it.key) || !is_ground(it.value)) return false;
          }
          return true;
        } else if constexpr (std::is_same_v<T, ast::ArrayComprehension> || std::is_same_v<T, ast::SetComprehension> ||
                             std::is_same_v<T, ast::ObjectComprehension> ||
                             std::is_same_v<T, ast::TemplateString>) {
          return false;
        } else {
          return true;
        }
      },
      t.value);
}

namespace {

// `in` is the only binary operator that is not an operator token of its own kind.
const char* binary_operator_name(size_t type) {
  const char* op = operator_builtin(type);
  return op != nullptr ? op : "internal.member_2";
}

antlr4::Token* operator_token(antlr4::tree::ParseTree* child) {
  if (auto* node = dynamic_cast<antlr4::tree::TerminalNode*>(child)) return node->getSymbol();
  return static_cast<antlr4::ParserRuleContext*>(child)->getStart();  // relOp
}

// What OPA's parseRef accepts as a ref's head: a var, a collection, a comprehension or a
// call (not a scalar, a template string or another ref).
bool can_head_ref(const ast::Value& v) {
  return std::holds_alternative<ast::Var>(v) || std::holds_alternative<ast::Array>(v) ||
         std::holds_alternative<ast::Object>(v) || std::holds_alternative<ast::Set>(v) ||
         std::holds_alternative<ast::ArrayComprehension>(v) || std::holds_alternative<ast::SetComprehension>(v) ||
         std::holds_alternative<ast::ObjectComprehension>(v) || std::holds_alternative<ast::Call>(v);
}

bool is_root_document(const Term& t) {
  const auto* v = ast::get_if<ast::Var>(t);
  return v != nullptr && (v->name == "data" || v->name == "input");
}

}  // namespace

// ------------------------------------------------------------------------- operators

Term AstBuilder::binary(antlr4::Token* op, Term lhs, Term rhs) {
  runtime::Location at = span(lhs.loc, rhs.loc);
  ast::Call call;
  call.terms.reserve(3);
  call.terms.push_back(ast::make_operator(binary_operator_name(op->getType()), loc(op)));
  call.terms.push_back(std::move(lhs));
  call.terms.push_back(std::move(rhs));
  return Term{at, std::move(call)};
}

// Children alternate operand, operator, operand, ...; the chain folds to the left, as
// OPA's parseTermArith and friends do.
template <typename Ctx, typename Build>
Term AstBuilder::fold_left(Ctx* ctx, Build build) {
  auto& kids = ctx->children;
  Term acc = build(kids[0]);
  for (size_t i = 1; i + 1 < kids.size(); i += 2) {
    acc = binary(operator_token(kids[i]), std::move(acc), build(kids[i + 1]));
  }
  return acc;
}

Term AstBuilder::factor_term(P::FactorTermContext* ctx) {
  return fold_left(ctx, [this](antlr4::tree::ParseTree* c) { return term(static_cast<P::TermContext*>(c)); });
}

Term AstBuilder::arith_term(P::ArithTermContext* ctx) {
  return fold_left(ctx, [this](antlr4::tree::ParseTree* c) {
    return factor_term(static_cast<P::FactorTermContext*>(c));
  });
}

Term AstBuilder::and_term(P::AndTermContext* ctx) {
  return fold_left(ctx, [this](antlr4::tree::ParseTree* c) { return arith_term(static_cast<P::ArithTermContext*>(c)); });
}

Term AstBuilder::or_term(P::OrTermContext* ctx) {
  return fold_left(ctx, [this](antlr4::tree::ParseTree* c) { return and_term(static_cast<P::AndTermContext*>(c)); });
}

Term AstBuilder::rel_term(P::RelTermContext* ctx) {
  return fold_left(ctx, [this](antlr4::tree::ParseTree* c) { return or_term(static_cast<P::OrTermContext*>(c)); });
}

// `lhs in r[first] in r[first+1] ...` folded to the left with internal.member_2; ins[k]
// is the `in` before r[first + k].
Term AstBuilder::fold_in(const std::vector<P::RelTermContext*>& rels, size_t first,
                         const std::vector<antlr4::tree::TerminalNode*>& ins, size_t first_in, Term lhs) {
  for (size_t i = first; i < rels.size(); ++i) {
    Term rhs = rel_term(rels[i]);
    runtime::Location at = span(lhs.loc, rhs.loc);
    ast::Call call;
    call.terms.reserve(3);
    call.terms.push_back(ast::make_operator("internal.member_2", loc(ins[first_in + i - first]->getSymbol())));
    call.terms.push_back(std::move(lhs));
    call.terms.push_back(std::move(rhs));
    lhs = Term{at, std::move(call)};
  }
  return lhs;
}

namespace {

// `k, v in xs` as internal.member_3(k, v, xs).
Term member3(Term k, Term v, Term xs, runtime::Location op_loc) {
  runtime::Location at = span(k.loc, xs.loc);
  ast::Call call;
  call.terms.push_back(ast::make_operator("internal.member_3", op_loc));
  call.terms.push_back(std::move(k));
  call.terms.push_back(std::move(v));
  call.terms.push_back(std::move(xs));
  return Term{at, std::move(call)};
}

}  // namespace

Term AstBuilder::member_chain(const std::vector<P::RelTermContext*>& rels,
                              const std::vector<antlr4::tree::TerminalNode*>& ins, bool key_value) {
  if (key_value) {
    Term k = rel_term(rels[0]);
    Term v = rel_term(rels[1]);
    Term acc = member3(std::move(k), std::move(v), rel_term(rels[2]), loc(ins[0]->getSymbol()));
    return fold_in(rels, 3, ins, 1, std::move(acc));
  }
  return fold_in(rels, 1, ins, 0, rel_term(rels[0]));
}

Term AstBuilder::in_expr(P::InExprContext* ctx) {
  return member_chain(ctx->relTerm(), ctx->KW_IN(), ctx->COMMA() != nullptr);
}

Term AstBuilder::term_infix(P::TermInfixContext* ctx) {
  return member_chain(ctx->relTerm(), ctx->KW_IN(), ctx->COMMA() != nullptr);
}

Term AstBuilder::term_in_list(P::TermInListContext* ctx) { return member_chain(ctx->relTerm(), ctx->KW_IN(), false); }

// ------------------------------------------------------------------------- refs, calls

std::vector<Term> AstBuilder::arg_list(P::ArgListContext* ctx) {
  std::vector<Term> out;
  if (ctx == nullptr) return out;
  for (auto* a : ctx->termInList()) out.push_back(term_in_list(a));
  return out;
}

Term AstBuilder::call_from(Term callee, P::CallArgContext* arg, runtime::Location at) {
  Term op;
  if (ast::get_if<ast::Var>(callee) != nullptr) {
    ast::Ref r;
    runtime::Location l = callee.loc;
    r.parts.push_back(std::move(callee));
    op = Term{l, std::move(r)};
  } else {
    op = std::move(callee);
  }
  std::vector<Term> args = arg_list(arg->argList());
  const auto* ref = ast::get_if<ast::Ref>(op);
  if (args.empty() && ref != nullptr && ref->parts.size() == 1) {
    const auto* v = ast::get_if<ast::Var>(ref->parts[0]);
    if (v != nullptr && v->name == "set") return Term{at, ast::Set{}};  // set()
  }
  ast::Call call;
  call.terms.reserve(args.size() + 1);
  call.terms.push_back(std::move(op));
  for (auto& a : args) call.terms.push_back(std::move(a));
  return Term{at, std::move(call)};
}

void AstBuilder::extend_ref(Term& cur, P::RefArgContext* arg, bool& own_ref) {
  runtime::Location at = span(cur.loc, loc(arg));
  if (auto* call = dynamic_cast<P::CallArgContext*>(arg)) {
    bool callable = ast::get_if<ast::Var>(cur) != nullptr || (own_ref && ast::get_if<ast::Ref>(cur) != nullptr);
    if (!callable) {
      if (ast::get_if<ast::Call>(cur) != nullptr) {
        error("unexpected ( token", loc(call->LPAREN()->getSymbol()));
      } else {
        error(std::string("illegal ref (head cannot be ") + value_name(cur.value) + ")", cur.loc);
      }
    }
    cur = call_from(std::move(cur), call, at);
    own_ref = false;
    return;
  }
  Term part;
  if (auto* dot = dynamic_cast<P::DotArgContext*>(arg)) {
    antlr4::Token* name = dot->IDENT()->getSymbol();
    part = ast::make_string(std::string(text(name)), loc(name));
  } else {
    part = term_infix(static_cast<P::BracketArgContext*>(arg)->termInfix());
  }
  if (own_ref && ast::get_if<ast::Ref>(cur) != nullptr) {
    std::get<ast::Ref>(cur.value).parts.push_back(std::move(part));
    cur.loc = at;
    return;
  }
  if (!can_head_ref(cur.value)) {
    error(std::string("illegal ref (head cannot be ") + value_name(cur.value) + ")", cur.loc);
  }
  ast::Ref ref;
  ref.parts.push_back(std::move(cur));
  ref.parts.push_back(std::move(part));
  cur = Term{at, std::move(ref)};
  own_ref = true;
}

Term AstBuilder::term(P::TermContext* ctx) {
  Term cur = primary(ctx->primary());
  auto args = ctx->refArg();
  if (args.empty()) {
    if (is_root_document(cur)) {
      runtime::Location l = cur.loc;
      ast::Ref r;
      r.parts.push_back(std::move(cur));
      return Term{l, std::move(r)};
    }
    return cur;
  }
  bool own_ref = false;
  for (auto* a : args) extend_ref(cur, a, own_ref);
  return cur;
}

// ------------------------------------------------------------------------- scalars

Term AstBuilder::number(P::NumberTermContext* ctx) {
  std::string literal;
  if (ctx->MINUS() != nullptr) literal += '-';
  if (ctx->DOT() != nullptr) literal += '.';
  antlr4::Token* digits = ctx->NUMBER()->getSymbol();
  literal += text(digits);
  std::string problem = check_number(literal);
  if (problem.rfind("expected", 0) == 0) problem = "unexpected number token: " + problem;
  if (!problem.empty()) error(problem, loc(digits));
  return Term{loc(ctx), ast::Number{std::move(literal)}};
}

// A literal the token pass built (constants.h); each is taken once.
Term AstBuilder::folded_constant(antlr4::Token* tok) {
  const grammar::Tok& t = tokens_.facts.at(tok->getTokenIndex());
  return std::move(tokens_.constants.at(t.match));
}

Term AstBuilder::string_literal(antlr4::Token* tok) {
  std::string_view s = text(tok);
  std::string_view inner = s.size() >= 2 ? s.substr(1, s.size() - 2) : std::string_view{};
  if (tok->getType() == RegoLexer::RAW_STRING || inner.find('\\') == std::string_view::npos) {
    return ast::make_string(std::string(inner), loc(tok));
  }
  auto decoded = unescape_string(inner);  // validated by the token pass
  return ast::make_string(decoded ? std::move(*decoded) : std::string(inner), loc(tok));
}

Term AstBuilder::var_from_token(antlr4::Token* tok) {
  std::string_view name = text(tok);
  if (name == "_") return fresh_wildcard(loc(tok));
  return ast::make_var(std::string(name), loc(tok));
}

Term AstBuilder::var(P::VarContext* ctx) { return var_from_token(ctx->getStart()); }

Term AstBuilder::primary(P::PrimaryContext* ctx) {
  DepthGuard guard(*this, loc(ctx->getStart()));
  if (!guard.ok()) return Term{loc(ctx), ast::Null{}};
  antlr4::Token* first = ctx->getStart();
  switch (first->getType()) {
    case RegoLexer::KW_NULL: return Term{loc(ctx), ast::Null{}};
    case RegoLexer::KW_TRUE: return ast::make_boolean(true, loc(ctx));
    case RegoLexer::KW_FALSE: return ast::make_boolean(false, loc(ctx));
    case RegoLexer::MINUS:
    case RegoLexer::DOT:
    case RegoLexer::NUMBER: return number(static_cast<P::NumberTermContext*>(ctx));
    case RegoLexer::STRING:
    case RegoLexer::RAW_STRING: return string_literal(first);
    case RegoLexer::IDENT:
    case RegoLexer::KW_CONTAINS: return var(static_cast<P::VarTermContext*>(ctx)->var());
    case RegoLexer::LPAREN: return term_infix(static_cast<P::ParenTermContext*>(ctx)->termInfix());
    case RegoLexer::LBRACK:
    case RegoLexer::LBRACE: return collection(ctx);
    case P::CONST_TERM: return folded_constant(first);
    default: return template_string(static_cast<P::TemplateTermContext*>(ctx)->templateString());
  }
}

// ------------------------------------------------------------------------- collections

Term AstBuilder::collection(P::PrimaryContext* ctx) {
  if (auto* a = dynamic_cast<P::ArrayTermContext*>(ctx)) return array_items(a->arrayItems(), loc(ctx));
  return brace_items(static_cast<P::BraceTermContext*>(ctx)->braceItems(), loc(ctx));
}

// The token pass only marks a COMPR_BAR after a first element that is a single term, so
// the element parsed as a list item is the comprehension's head.
Term AstBuilder::array_items(P::ArrayItemsContext* ctx, runtime::Location at) {
  if (ctx == nullptr) return Term{at, ast::Array{}};
  auto items = ctx->termInList();
  if (ctx->COMPR_BAR() != nullptr) {
    auto head = std::make_unique<Term>(term_in_list(items[0]));
    return Term{at, ast::ArrayComprehension{std::move(head), query(ctx->query())}};
  }
  ast::Array arr;
  arr.items.reserve(items.size());
  for (auto* t : items) arr.items.push_back(term_in_list(t));
  return Term{at, std::move(arr)};
}

Term AstBuilder::brace_items(P::BraceItemsContext* ctx, runtime::Location at) {
  if (ctx == nullptr) return Term{at, ast::Object{}};  // `{}` is an object
  auto items = ctx->termInList();
  if (ctx->COLON() == nullptr) {
    if (ctx->COMPR_BAR() != nullptr) {
      auto head = std::make_unique<Term>(term_in_list(items[0]));
      return Term{at, ast::SetComprehension{std::move(head), query(ctx->query())}};
    }
    ast::Set set;
    set.items.reserve(items.size());
    for (auto* t : items) set.items.push_back(term_in_list(t));
    return Term{at, std::move(set)};
  }
  Term key = term_in_list(items[0]);
  Term value = term_in_list(items[1]);
  if (ctx->COMPR_BAR() != nullptr) {
    return Term{at, ast::ObjectComprehension{std::make_unique<Term>(std::move(key)),
                                             std::make_unique<Term>(std::move(value)), query(ctx->query())}};
  }
  ast::Object obj;
  obj.items.push_back(ast::ObjectItem{std::move(key), std::move(value)});
  for (auto* item : ctx->objectItem()) {
    auto kv = item->termInList();
    obj.items.push_back(ast::ObjectItem{term_in_list(kv[0]), term_in_list(kv[1])});
  }
  return Term{at, std::move(obj)};
}

// ------------------------------------------------------------------------- templates

// A literal piece of a template string: the token's text minus `prefix` opening and one
// closing character, unescaped; empty pieces are dropped.
void AstBuilder::template_text(antlr4::Token* tok, size_t prefix, bool raw, ast::TemplateString& out) {
  std::string_view s = text(tok);
  std::string_view inner = s.size() >= prefix + 1 ? s.substr(prefix, s.size() - prefix - 1) : std::string_view{};
  std::string value;
  if (raw) {
    value = unescape_raw_template(inner);
  } else if (auto decoded = unescape_string(inner, true)) {
    value = std::move(*decoded);
  } else {
    error("illegal escape sequence", loc(tok));
  }
  if (value.empty()) return;
  ast::TemplatePart part;
  part.term = std::make_unique<Term>(ast::make_string(std::move(value), loc(tok)));
  out.parts.push_back(std::move(part));
}

Term AstBuilder::template_string(P::TemplateStringContext* ctx) {
  ast::TemplateString ts;
  auto type = ctx->getStart()->getType();
  ts.multi_line = type == RegoLexer::RTPL_FULL || type == RegoLexer::RTPL_START;
  for (auto* child : ctx->children) {
    if (auto* lit = dynamic_cast<P::LiteralContext*>(child)) {
      template_literal(lit, ts);
      continue;
    }
    antlr4::Token* tok = static_cast<antlr4::tree::TerminalNode*>(child)->getSymbol();
    auto t = tok->getType();
    size_t prefix = (t == RegoLexer::TPL_FULL || t == RegoLexer::TPL_START || t == RegoLexer::RTPL_FULL ||
                     t == RegoLexer::RTPL_START)
                        ? 2
                        : 1;
    template_text(tok, prefix, ts.multi_line, ts);
  }
  return Term{loc(ctx), std::move(ts)};
}

}  // namespace arcane::compiler::parse
