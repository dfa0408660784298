#include "api/src/constant_term.h"

#include <optional>
#include <string>

#include "runtime/value_builder.h"

namespace arcane::api {

namespace ast = compiler::ast;
using runtime::Value;

namespace {

const char* kind_of(const ast::Value& v) {
  static const char* const kNames[] = {"null",
                                       "boolean",
                                       "number",
                                       "string",
                                       "var",
                                       "ref",
                                       "array",
                                       "object",
                                       "set",
                                       "array comprehension",
                                       "set comprehension",
                                       "object comprehension",
                                       "call",
                                       "template string"};
  static_assert(std::variant_size_v<ast::Value> == sizeof kNames / sizeof kNames[0]);
  return kNames[v.index()];
}

// Rego number literals are JSON numbers, except that the parser also takes `.5` and `-.5`.
std::optional<runtime::Number> number_of(const std::string& text) {
  std::string json = text;
  if (json.rfind("-.", 0) == 0) json.insert(1, "0");
  if (json.rfind('.', 0) == 0) json.insert(0, "0");
  return runtime::Number::from_text(json);
}

class Converter {
 public:
  std::optional<Value> convert(const ast::Term& t) {
    if (failed_) return std::nullopt;
    return std::visit([&](const auto& x) { return of(t, x); }, t.value);
  }

  runtime::Diagnostic error() const { return error_; }

 private:
  std::optional<Value> fail(const ast::Term& t, std::string message) {
    if (!failed_) {
      failed_ = true;
      error_ = runtime::Diagnostic{"rego_type_error", std::move(message), t.loc, {}};
    }
    return std::nullopt;
  }

  std::optional<Value> of(const ast::Term&, const ast::Null&) { return Value::null(); }
  std::optional<Value> of(const ast::Term&, const ast::Boolean& b) { return Value::boolean(b.value); }
  std::optional<Value> of(const ast::Term&, const ast::String& s) { return Value::from_string(s.value); }
  std::optional<Value> of(const ast::Term& t, const ast::Number& n) {
    auto number = number_of(n.text);
    if (!number) return fail(t, "invalid number: " + n.text);
    return Value::from_number(std::move(*number));
  }
  std::optional<Value> of(const ast::Term&, const ast::Array& a) {
    runtime::ArrayBuilder b(a.items.size());
    for (const auto& item : a.items) {
      auto v = convert(item);
      if (!v) return std::nullopt;
      b.push_back(std::move(*v));
    }
    return b.build();
  }
  std::optional<Value> of(const ast::Term&, const ast::Set& s) {
    runtime::SetBuilder b(s.items.size());
    for (const auto& item : s.items) {
      auto v = convert(item);
      if (!v) return std::nullopt;
      b.insert(std::move(*v));
    }
    return b.build();
  }
  std::optional<Value> of(const ast::Term&, const ast::Object& o) {
    runtime::ObjectBuilder b(o.items.size());
    for (const auto& item : o.items) {
      auto k = convert(item.key);
      if (!k) return std::nullopt;
      auto v = convert(item.value);
      if (!v) return std::nullopt;
      b.insert(std::move(*k), std::move(*v));
    }
    return b.build();
  }
  template <typename T>
  std::optional<Value> of(const ast::Term& t, const T&) {
    return fail(t, std::string("not a constant: ") + kind_of(t.value) + " term");
  }

  bool failed_ = false;
  runtime::Diagnostic error_;
};

}  // namespace

runtime::Result<Value> constant_value(const ast::Term& term) {
  Converter c;
  auto v = c.convert(term);
  if (!v) return c.error();
  return std::move(*v);
}

}  // namespace arcane::api
