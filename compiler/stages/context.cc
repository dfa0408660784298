// Stage context and small AST helpers shared by the stages (see context.h).
#include "compiler/stages/context.h"

#include "compiler/ast/ast_string.h"

namespace arcane::compiler::stages {

std::string VarGenerator::next() {
  while (true) {
    std::string name = prefix_ + std::to_string(n_++) + "__";
    if (!contains(exclude_, name)) return name;
  }
}

bool StageContext::error(const char* code, std::string message, runtime::Location loc) {
  ++errors_;
  diags_.add(runtime::Diagnostic{code, std::move(message), loc, {}});
  return !diags_.full();
}

bool StageContext::error(runtime::Diagnostic d) {
  ++errors_;
  diags_.add(std::move(d));
  return !diags_.full();
}

std::string StageContext::source_name(const std::string& var) const {
  if (rewritten != nullptr) {
    if (auto it = rewritten->find(var); it != rewritten->end()) return it->second;
  }
  auto it = lookup.rewritten_vars.find(var);
  return it == lookup.rewritten_vars.end() ? var : it->second;
}

std::string StageContext::location_text(runtime::Location loc) const {
  const runtime::SourceFile* f = sources != nullptr ? sources->get(loc.file) : nullptr;
  if (f == nullptr) return "";
  runtime::LineCol lc = f->line_col(loc.offset);
  if (!f->name().empty()) return f->name() + ":" + std::to_string(lc.line);
  return std::to_string(lc.line) + ":" + std::to_string(lc.col);
}

std::string StageContext::display(const std::vector<ast::Term>& ref) const {
  std::vector<ast::Term> copy;
  for (const auto& t : ref) copy.push_back(ast::clone(t));
  for (auto& t : copy) {
    if (auto* v = std::get_if<ast::Var>(&t.value)) v->name = source_name(v->name);
  }
  return ast::to_string(copy);
}

bool is_root_ref(const ast::Term& t) {
  const auto* parts = ref_parts(t);
  if (parts == nullptr || parts->size() != 1) return false;
  const auto* v = ast::get_if<ast::Var>((*parts)[0]);
  return v != nullptr && is_root_name(v->name);
}

std::string import_name(const ast::Import& imp) {
  if (!imp.alias.empty()) return imp.alias;
  const auto& parts = std::get<ast::Ref>(imp.path.value).parts;
  if (parts.size() == 1) return std::get<ast::Var>(parts[0].value).name;
  const auto* s = ast::get_if<ast::String>(parts.back());
  return s != nullptr ? s->value : ast::to_string(parts.back());
}

bool head_may_have_vars(const ast::Head& h) {
  for (const auto& a : h.args) {
    if (!is_scalar(a.value)) return true;
  }
  if (h.key && !is_scalar(h.key->value)) return true;
  if (h.value && !is_scalar(h.value->value)) return true;
  for (size_t i = 1; i < h.ref.size(); ++i) {
    if (!is_scalar(h.ref[i].value)) return true;
  }
  return false;
}

const std::vector<ast::Term>* ref_parts(const ast::Term& t) {
  const auto* r = ast::get_if<ast::Ref>(t);
  return r != nullptr ? &r->parts : nullptr;
}

std::string operator_name(const ast::Call& c) {
  const auto* parts = ref_parts(c.terms[0]);
  return parts != nullptr ? ast::to_string(*parts) : "";
}

bool is_call_to(const ast::Expr& e, std::string_view name) {
  const auto* call = std::get_if<ast::Call>(&e.terms);
  if (call == nullptr) return false;
  const auto* parts = ref_parts(call->terms[0]);
  if (parts == nullptr || parts->size() != 1) return false;
  const auto* v = ast::get_if<ast::Var>((*parts)[0]);
  return v != nullptr && v->name == name;
}

const char* value_name(const ast::Value& v) {
  static const char* const kNames[] = {"null",
                                       "boolean",
                                       "number",
                                       "string",
                                       "var",
                                       "ref",
                                       "array",
                                       "object",
                                       "set",
                                       "arraycomprehension",
                                       "setcomprehension",
                                       "objectcomprehension",
                                       "call",
                                       "templatestring"};
  static_assert(std::variant_size_v<ast::Value> == 14);
  return kNames[v.index()];
}

bool is_scalar(const ast::Value& v) {
  return std::holds_alternative<ast::Null>(v) || std::holds_alternative<ast::Boolean>(v) ||
         std::holds_alternative<ast::Number>(v) || std::holds_alternative<ast::String>(v);
}

ast::Expr make_eq(ast::Term lhs, ast::Term rhs, runtime::Location loc, bool generated) {
  ast::Call call;
  call.terms.push_back(ast::make_operator("eq", loc));
  call.terms.push_back(std::move(lhs));
  call.terms.push_back(std::move(rhs));
  return ast::Expr{loc, 0, false, generated, std::move(call), {}};
}

void append(ast::Body& body, ast::Expr e) {
  e.index = static_cast<uint32_t>(body.size());
  body.push_back(std::move(e));
}

void reindex(ast::Body& body) {
  for (size_t i = 0; i < body.size(); ++i) body[i].index = static_cast<uint32_t>(i);
}

}  // namespace arcane::compiler::stages
