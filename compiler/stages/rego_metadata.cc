// ParseMetadataBlocks and RewriteRegoMetadataCalls (OPA's parseMetadataBlocks and
// rewriteRegoMetadataCalls). The first stage reads every module's METADATA comment blocks
// into the program's annotation list. The second makes `rego.metadata.chain()` and
// `rego.metadata.rule()` constants: a rule that calls either gets `__localN__ = <value>`
// in front of its body, and each call `rego.metadata.chain(out)` becomes `out = __localN__`.
// The values are known at compile time, so no built-in runs at evaluation.
#include "compiler/stages/stages.h"
#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

namespace {

constexpr std::string_view kChain = "rego.metadata.chain";
constexpr std::string_view kRule = "rego.metadata.rule";

ast::Term term_of(const runtime::Value& v, runtime::Location loc) {
  if (v.is_null()) return ast::Term{loc, ast::Null{}};
  if (v.is_boolean()) return ast::make_boolean(v == runtime::Value::boolean(true), loc);
  if (v.is_number()) return ast::Term{loc, ast::Number{v.number().to_string()}};
  if (v.is_string()) return ast::make_string(std::string(v.string_view()), loc);
  if (v.is_object()) {
    ast::Object o;
    for (auto e : v.entries()) o.items.push_back({term_of(e.key, loc), term_of(e.value, loc)});
    return ast::Term{loc, std::move(o)};
  }
  std::vector<ast::Term> items;
  for (const auto& x : v.elements()) items.push_back(term_of(x, loc));
  if (v.is_set()) return ast::Term{loc, ast::Set{std::move(items)}};
  return ast::Term{loc, ast::Array{std::move(items)}};
}

std::string_view metadata_call(const ast::Expr& e) {
  const auto* call = std::get_if<ast::Call>(&e.terms);
  if (call == nullptr) return {};
  std::string name = operator_name(*call);
  if (name == kChain) return kChain;
  if (name == kRule) return kRule;
  return {};
}

// Replaces the calls in a body (and the bodies nested in it) by their constants.
void replace_calls(ast::Body& body, const std::string& chain_var, const std::string& rule_var) {
  walk_exprs(body, [&](ast::Expr& e) {
    std::string_view which = metadata_call(e);
    if (which.empty()) return false;
    const std::string& var = which == kChain ? chain_var : rule_var;
    auto& call = std::get<ast::Call>(e.terms);
    ast::Term value = ast::make_var(var, e.loc);
    if (call.terms.size() > 1) {
      ast::Term out = std::move(call.terms.back());
      e.terms = make_eq(std::move(out), std::move(value), e.loc, false).terms;
    } else {
      e.terms = std::move(value);
    }
    return false;
  });
}

}  // namespace

void parse_metadata_blocks(CompiledProgram& p, StageContext& ctx) {
  for (uint32_t m = 0; m < p.modules.size(); ++m) {
    runtime::Diagnostics diags(SIZE_MAX);
    auto found = parse_annotations(p.modules[m].module, m, ctx.sources, diags);
    for (const auto& d : diags.items()) {
      if (!ctx.error(d)) return;
    }
    for (auto& a : found) p.annotations.push_back(std::move(a));
  }
}

void rewrite_rego_metadata_calls(CompiledProgram& p, StageContext& ctx) {
  for (uint32_t m = 0; m < p.modules.size(); ++m) {
    auto& module = p.modules[m].module;
    std::vector<std::string> package_path;
    for (size_t i = 1; i < module.package.path.size(); ++i) {
      if (const auto* s = ast::get_if<ast::String>(module.package.path[i])) package_path.push_back(s->value);
    }
    for (size_t i = 0; i < module.rules.size(); ++i) {
      for (ast::Rule* r = &module.rules[i]; r != nullptr; r = r->else_rule.get()) {
        const ast::Expr* first_chain = nullptr;
        const ast::Expr* first_rule = nullptr;
        walk_exprs(r->body, [&](const ast::Expr& e) {
          std::string_view which = metadata_call(e);
          if (which == kChain && first_chain == nullptr) first_chain = &e;
          if (which == kRule && first_rule == nullptr) first_rule = &e;
          return false;
        });
        if (first_chain == nullptr && first_rule == nullptr) continue;
        ast::Body body;
        std::string chain_var, rule_var;
        if (first_chain != nullptr) {
          chain_var = ctx.gen->next();
          runtime::Value chain =
              annotation_chain(p.annotations, m, i, annotation_rule_path(module, module.rules[i]), package_path);
          append(body, make_eq(ast::make_var(chain_var, first_chain->loc), term_of(chain, first_chain->loc),
                               first_chain->loc));
        }
        if (first_rule != nullptr) {
          rule_var = ctx.gen->next();
          runtime::Value rule = rule_annotation(p.annotations, m, i);
          append(body,
                 make_eq(ast::make_var(rule_var, first_rule->loc), term_of(rule, first_rule->loc), first_rule->loc));
        }
        for (auto& e : r->body) body.push_back(std::move(e));
        r->body = std::move(body);
        reindex(r->body);
        replace_calls(r->body, chain_var, rule_var);
      }
    }
  }
}

}  // namespace arcane::compiler::stages
