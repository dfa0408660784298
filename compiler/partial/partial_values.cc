// Runtime values <-> AST terms for the partial evaluator: known values are computed as
// runtime::Values (data, built-in results) and become AST terms only where they are
// plugged into a saved expression or a support rule.
#include <string>

#include "compiler/ast/ast_string.h"
#include "compiler/partial/evaluator.h"
#include "runtime/value_builder.h"

namespace arcane::compiler::partial {

using runtime::Value;

ast::Term value_term(const Value& v) {
  ast::Term t;
  switch (v.kind()) {
    case runtime::Kind::kNull:
      t.value = ast::Null{};
      break;
    case runtime::Kind::kBoolean:
      t.value = ast::Boolean{v.as_bool()};
      break;
    case runtime::Kind::kNumber:
      t.value = ast::Number{v.number().to_string()};
      break;
    case runtime::Kind::kString:
      t.value = ast::String{std::string(v.string_view())};
      break;
    case runtime::Kind::kArray: {
      ast::Array a;
      for (const auto& e : v.elements()) a.items.push_back(value_term(e));
      t.value = std::move(a);
      break;
    }
    case runtime::Kind::kSet: {
      ast::Set s;
      for (const auto& e : v.elements()) s.items.push_back(value_term(e));
      t.value = std::move(s);
      break;
    }
    case runtime::Kind::kObject: {
      ast::Object o;
      for (auto e : v.entries()) o.items.push_back(ast::ObjectItem{value_term(e.key), value_term(e.value)});
      t.value = std::move(o);
      break;
    }
  }
  return t;
}

namespace {

std::optional<runtime::Number> number_of(const std::string& text) {
  std::string json = text;
  if (json.rfind("-.", 0) == 0) json.insert(1, "0");
  if (json.rfind('.', 0) == 0) json.insert(0, "0");
  return runtime::Number::from_text(json);
}

}  // namespace

std::optional<Value> term_value(const ast::Term& t) {
  if (ast::get_if<ast::Null>(t) != nullptr) return Value::null();
  if (const auto* b = ast::get_if<ast::Boolean>(t)) return Value::boolean(b->value);
  if (const auto* s = ast::get_if<ast::String>(t)) return Value::from_string(s->value);
  if (const auto* n = ast::get_if<ast::Number>(t)) {
    auto number = number_of(n->text);
    if (!number) return std::nullopt;
    return Value::from_number(std::move(*number));
  }
  if (const auto* a = ast::get_if<ast::Array>(t)) {
    runtime::ArrayBuilder b(a->items.size());
    for (const auto& i : a->items) {
      auto v = term_value(i);
      if (!v) return std::nullopt;
      b.push_back(std::move(*v));
    }
    return b.build();
  }
  if (const auto* s = ast::get_if<ast::Set>(t)) {
    runtime::SetBuilder b(s->items.size());
    for (const auto& i : s->items) {
      auto v = term_value(i);
      if (!v) return std::nullopt;
      b.insert(std::move(*v));
    }
    return b.build();
  }
  if (const auto* o = ast::get_if<ast::Object>(t)) {
    runtime::ObjectBuilder b(o->items.size());
    for (const auto& i : o->items) {
      auto k = term_value(i.key);
      auto v = term_value(i.value);
      if (!k || !v) return std::nullopt;
      b.insert(std::move(*k), std::move(*v));
    }
    return b.build();
  }
  return std::nullopt;
}

ast::Term PValue::term() const {
  if (known) return value_term(*known);
  return ast::clone(*residual);
}

std::string path_string(const std::vector<ast::Term>& ref) { return ast::to_string(ref); }

}  // namespace arcane::compiler::partial
