// AST builder, statements: package, import and rules, shaped as OPA's parsePackage,
// parseImport, parseRules/parseHead/parseElse and, for rules without a body, as
// ParseRuleFromExpr (see builder.h).
#include "compiler/ast/ast_string.h"
#include "compiler/parse/builder.h"
#include "compiler/parse/rego_v1.h"

namespace arcane::compiler::parse {

using ast::Term;

Statement AstBuilder::statement(P::StatementContext* ctx) {
  if (auto* p = ctx->packageDecl()) return package_decl(p);
  if (auto* i = ctx->importDecl()) return import_decl(i);
  return rule_decl(ctx->ruleDecl());
}

// ------------------------------------------------------------------------- package

Statement AstBuilder::package_decl(P::PackageDeclContext* ctx) {
  Statement st;
  st.loc = loc(ctx);
  Term t = term(ctx->term());
  ast::Package pkg;
  pkg.loc = loc(ctx->KW_PACKAGE()->getSymbol());
  if (const auto* v = ast::get_if<ast::Var>(t)) {
    pkg.path.push_back(ast::make_var("data", t.loc));
    pkg.path.push_back(ast::make_string(v->name, t.loc));
  } else if (auto* r = std::get_if<ast::Ref>(&t.value)) {
    const auto* head = ast::get_if<ast::Var>(r->parts[0]);
    if (head == nullptr) {
      error(std::string("unexpected ") + value_name(r->parts[0].value) + " token: expecting var", r->parts[0].loc);
      return st;
    }
    pkg.path.push_back(ast::make_var("data", r->parts[0].loc));
    pkg.path.push_back(ast::make_string(head->name, r->parts[0].loc));
    for (size_t i = 1; i < r->parts.size(); ++i) {
      if (ast::get_if<ast::String>(r->parts[i]) == nullptr) {
        error(std::string("unexpected ") + value_name(r->parts[i].value) + " token: expecting string", r->parts[i].loc);
        return st;
      }
      pkg.path.push_back(std::move(r->parts[i]));
    }
  } else {
    error(std::string("unexpected ") + value_name(t.value) + " token", t.loc);
    return st;
  }
  st.kind = Statement::Kind::Package;
  st.package = std::move(pkg);
  return st;
}

// ------------------------------------------------------------------------- import

namespace {


const std::string* part_name(const Term& t) {
  if (const auto* v = ast::get_if<ast::Var>(t)) return &v->name;
  if (const auto* s = ast::get_if<ast::String>(t)) return &s->value;
  return nullptr;
}

}  // namespace

Statement AstBuilder::import_decl(P::ImportDeclContext* ctx) {
  Statement st;
  st.loc = loc(ctx);
  Term t = term(ctx->term());
  if (ast::get_if<ast::Var>(t) != nullptr) {
    runtime::Location l = t.loc;
    ast::Ref r;
    r.parts.push_back(std::move(t));
    t = Term{l, std::move(r)};
  }
  auto* ref = std::get_if<ast::Ref>(&t.value);
  if (ref == nullptr || ast::get_if<ast::Var>(ref->parts[0]) == nullptr) {
    error(std::string("unexpected ") + value_name(t.value) + " token: expected path", t.loc);
    return st;
  }
  for (size_t i = 1; i < ref->parts.size(); ++i) {
    if (ast::get_if<ast::String>(ref->parts[i]) == nullptr) {
      error(std::string("unexpected ") + value_name(ref->parts[i].value) + " token: expecting string",
            ref->parts[i].loc);
      return st;
    }
  }
  ast::Import imp{st.loc, std::move(t), ctx->var() != nullptr ? std::string(text(ctx->var()->getStart())) : ""};
  size_t before = reporter_.errors;
  validate_import(imp);
  if (reporter_.errors != before) return st;
  st.kind = Statement::Kind::Import;
  st.import = std::move(imp);
  return st;
}

// The checks OPA's parseImport, futureImport and regoV1Import make.
void AstBuilder::validate_import(const ast::Import& imp) {
  const auto& parts = std::get<ast::Ref>(imp.path.value).parts;
  const std::string& root = std::get<ast::Var>(parts[0].value).name;
  std::string path = ast::to_string(imp.path);
  if (root == "future") return validate_future_import(imp, parts);
  if (root == "rego") {
    if (parts.size() != 2 || *part_name(parts[1]) != "v1") {
      error("invalid import `" + path + "`, must be `rego.v1`", imp.path.loc);
    } else if (!imp.alias.empty() && options_.version == ast::RegoVersion::V0) {
      error("`rego` imports cannot be aliased", imp.path.loc);
    }
    return;
  }
  if (root != "data" && root != "input") {
    error("unexpected import path, must begin with one of: {data, future, input, rego}, got: " + root +
              " (hint: if this is unexpected, try updating OPA)",
          imp.path.loc);
    return;
  }
  if (!imp.alias.empty()) return;
  const std::string& last = *part_name(parts.back());
  bool keyword = is_keyword(last, options_.version);
  if (keyword) {
    error("unexpected import path, must not end with a keyword, got: " + last +
              " (hint: import a different path or use an alias)",
          parts.back().loc);
  }
}

void AstBuilder::validate_future_import(const ast::Import& imp, const std::vector<Term>& parts) {
  if (parts.size() == 1 || *part_name(parts[1]) != "keywords") {
    error("invalid import, must be `future.keywords`", imp.path.loc);
    return;
  }
  if (!imp.alias.empty()) {
    error("`future` imports cannot be aliased", imp.path.loc);
    return;
  }
  if (parts.size() == 2) return;
  std::string allowed = options_.experimental_keywords ? "[and contains every if in not or]" : "[contains every if in not]";
  const std::string& kw = *part_name(parts[2]);
  bool known = kw == "contains" || kw == "every" || kw == "if" || kw == "in" || kw == "not" ||
               (options_.experimental_keywords && (kw == "and" || kw == "or"));
  if (parts.size() > 3) {
    error("invalid import, must be `future.keywords.x`, e.g. `import future.keywords.in`", imp.path.loc);
  } else if (!known) {
    error("unexpected keyword, must be one of " + allowed, imp.path.loc);
  }
}

// ------------------------------------------------------------------------- rules

Statement AstBuilder::rule_decl(P::RuleDeclContext* ctx) {
  RuleBuilder rb(*this);
  Statement st;
  st.loc = loc(ctx);
  size_t before = reporter_.errors;
  if (auto* d = dynamic_cast<P::DefaultRuleContext*>(ctx)) {
    st.rules.push_back(rb.default_rule(d));
  } else {
    st.rules = rb.plain_rule(static_cast<P::PlainRuleContext*>(ctx));
  }
  if (reporter_.errors == before) st.kind = Statement::Kind::Rules;
  return st;
}

}  // namespace arcane::compiler::parse
