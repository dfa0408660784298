// The AST builder: from the parse tree of one statement (or one query) to AST nodes.
//
// This is where OPA's parser decisions that are not about syntax live: operators become
// calls to built-ins and chains fold to the left, `data`/`input` alone become refs, `_`
// becomes a numbered wildcard, `set()` is the empty set, a rule head becomes a Head the way
// parseHead/parseRules shape it (name or ref, key for `contains` and `p[x]`, generated
// values), and what OPA rejects after parsing (illegal ref heads, leading zeros, template
// expressions that are not allowed, bad imports) is reported here.
//
// Recursion follows the parse tree, which the token pass has bounded; a depth guard keeps
// the builder within the same bound even if that estimate were wrong.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "RegoLexer.h"
#include "RegoParser.h"
#include "compiler/ast/ast.h"
#include "compiler/parse/tokens.h"
#include "runtime/diagnostic.h"

namespace arcane::compiler::parse {

using P = grammar::RegoParser;

// Counts the errors this parse reported (the caller's Diagnostics may be full).
struct Reporter {
  runtime::Diagnostics& diags;
  size_t errors = 0;
  void error(std::string message, runtime::Location loc) {
    diags.add({"rego_parse_error", std::move(message), loc, {}});
    ++errors;
  }
  void error(runtime::Diagnostic d) {
    diags.add(std::move(d));
    ++errors;
  }
};

struct BuildOptions {
  uint32_t file = 0;
  ast::RegoVersion version = ast::RegoVersion::V1;  // of the module (after rego.v1 imports)
  bool experimental_keywords = false;
  uint32_t max_depth = 1000;
};

// What one top-level statement became.
struct Statement {
  enum class Kind : uint8_t { Invalid, Package, Import, Rules };
  Kind kind = Kind::Invalid;
  runtime::Location loc;
  ast::Package package;
  ast::Import import;
  std::vector<ast::Rule> rules;  // several for v0's `p { a } { b }`
};

class AstBuilder {
 public:
  // `tokens` is the token pass the parser reads (for the folded constants).
  AstBuilder(std::string_view text, Reporter& reporter, const BuildOptions& options, TokenPass& tokens)
      : text_(text), reporter_(reporter), options_(options), tokens_(tokens) {}

  Statement statement(P::StatementContext* ctx);
  ast::Body query(P::QueryContext* ctx);

 private:
  friend class RuleBuilder;

  // ---- terms (build_terms.cc)
  ast::Term term_infix(P::TermInfixContext* ctx);
  ast::Term term_in_list(P::TermInListContext* ctx);
  ast::Term in_expr(P::InExprContext* ctx);
  ast::Term rel_term(P::RelTermContext* ctx);
  ast::Term or_term(P::OrTermContext* ctx);
  ast::Term and_term(P::AndTermContext* ctx);
  ast::Term arith_term(P::ArithTermContext* ctx);
  ast::Term factor_term(P::FactorTermContext* ctx);
  ast::Term term(P::TermContext* ctx);
  ast::Term primary(P::PrimaryContext* ctx);
  ast::Term collection(P::PrimaryContext* ctx);
  ast::Term array_items(P::ArrayItemsContext* ctx, runtime::Location at);
  ast::Term brace_items(P::BraceItemsContext* ctx, runtime::Location at);
  ast::Term number(P::NumberTermContext* ctx);
  ast::Term folded_constant(antlr4::Token* tok);
  ast::Term string_literal(antlr4::Token* tok);
  ast::Term var(P::VarContext* ctx);
  ast::Term var_from_token(antlr4::Token* tok);
  ast::Term template_string(P::TemplateStringContext* ctx);
  void template_literal(P::LiteralContext* ctx, ast::TemplateString& out);
  void template_text(antlr4::Token* tok, size_t prefix, bool raw, ast::TemplateString& out);
  void extend_ref(ast::Term& cur, P::RefArgContext* arg, bool& head_is_own_ref);
  ast::Term call_from(ast::Term callee, P::CallArgContext* arg, runtime::Location span);
  std::vector<ast::Term> arg_list(P::ArgListContext* ctx);
  ast::Term member_chain(const std::vector<P::RelTermContext*>& rels,
                         const std::vector<antlr4::tree::TerminalNode*>& ins, bool key_value);
  ast::Term fold_in(const std::vector<P::RelTermContext*>& rels, size_t first,
                    const std::vector<antlr4::tree::TerminalNode*>& ins, size_t first_in, ast::Term lhs);
  ast::Term binary(antlr4::Token* op, ast::Term lhs, ast::Term rhs);
  template <typename Ctx, typename Build>
  ast::Term fold_left(Ctx* ctx, Build build);

  // ---- expressions (build_exprs.cc)
 public:
  // An operand of `and`/`or`: one expression, or an explicit `{ ... }` body.
  struct Operand {
    ast::Expr expr;
    ast::Body body;
    bool is_explicit = false;
    runtime::Location loc;
  };

 private:
  ast::Expr literal(P::LiteralContext* ctx);
  ast::Expr some_literal(P::SomeLiteralContext* ctx);
  ast::Expr every_literal(P::EveryLiteralContext* ctx);
  ast::Expr logical_or(P::LogicalOrContext* ctx);
  Operand logical_and(P::LogicalAndContext* ctx);
  Operand unary(P::UnaryContext* ctx);
  Operand operand(P::OperandContext* ctx);
  ast::Expr as_expr(Operand o);
  ast::Expr expr(P::ExprContext* ctx);
  ast::Expr expr_from_term(ast::Term t);
  ast::Body body(P::BodyContext* ctx);
  std::vector<ast::With> with_mods(P::WithModsContext* ctx);

  // ---- statements (build_rules.cc)
  Statement package_decl(P::PackageDeclContext* ctx);
  Statement import_decl(P::ImportDeclContext* ctx);
  Statement rule_decl(P::RuleDeclContext* ctx);
  void validate_import(const ast::Import& imp);
  void validate_future_import(const ast::Import& imp, const std::vector<ast::Term>& parts);

  // ---- helpers
  runtime::Location loc(antlr4::ParserRuleContext* ctx) const;
  runtime::Location loc(antlr4::Token* tok) const;
  std::string_view text(antlr4::Token* tok) const;
  void error(std::string message, runtime::Location loc) { reporter_.error(std::move(message), loc); }
  ast::Term fresh_wildcard(runtime::Location loc);

  // Keeps recursion within the configured depth; reports once when it is exceeded.
  class DepthGuard {
   public:
    DepthGuard(AstBuilder& b, runtime::Location at);
    ~DepthGuard() { --b_.depth_; }
    bool ok() const { return ok_; }

   private:
    AstBuilder& b_;
    bool ok_;
  };

  std::string_view text_;
  Reporter& reporter_;
  BuildOptions options_;
  TokenPass& tokens_;
  uint32_t wildcards_ = 0;
  uint32_t depth_ = 0;
  bool depth_reported_ = false;
};

// Builds the rules of one rule statement: the head as OPA's parseHead shapes it, the body,
// the else chain and v0's extra bodies (build_heads.cc).
class RuleBuilder {
 public:
  explicit RuleBuilder(AstBuilder& b) : b_(b) {}
  ast::Rule default_rule(P::DefaultRuleContext* ctx);
  std::vector<ast::Rule> plain_rule(P::PlainRuleContext* ctx);

 private:
  ast::Head head(P::RuleHeadContext* ctx, bool is_default);
  void head_value(P::HeadValueContext* ctx, ast::Head& h);
  ast::Body if_body(P::BodyContext* body, P::LiteralContext* literal);
  ast::Rule body_less(ast::Head h, runtime::Location at);
  void shape_head(ast::Head& h, bool has_if);
  ast::Rule else_rule(P::ElseClauseContext* ctx, const ast::Head& original);
  void else_chain(ast::Rule& rule, P::RuleTailContext* tail, const ast::Head& original);
  ast::Head copy_head(const ast::Head& h);
  void check_default_value(const ast::Term& t, runtime::Location at, bool& reported);
  void check_default_args(const ast::Head& h, runtime::Location at);
  ast::Body true_body(runtime::Location at);

  AstBuilder& b_;
};

// Spans from the start of a to the end of b.
runtime::Location span(const runtime::Location& a, const runtime::Location& b);

// OPA's name for a value kind ("var", "ref", "string", ...), for messages.
const char* value_name(const ast::Value& v);

// Whether a term contains no variables (OPA's IsGround), for rule head checks.
bool is_ground(const ast::Term& t);

}  // namespace arcane::compiler::parse
