// Type operations for the checker (see type_ops.h).
#include "compiler/stages/type_ops.h"

#include "runtime/number.h"

namespace arcane::compiler::stages {

namespace types = stdlib::types;

Type type_of_value(const runtime::Value& v) {
  if (v.is_null()) return Type::null();
  if (v.is_boolean()) return Type::boolean();
  if (v.is_number()) return Type::number();
  if (v.is_string()) return Type::string();
  if (v.is_array()) {
    std::vector<Type> items;
    for (const auto& e : v.elements()) items.push_back(type_of_value(e));
    return Type::array(std::move(items));
  }
  if (v.is_object()) {
    std::vector<types::StaticProperty> props;
    for (const auto& [k, x] : v.entries()) props.push_back({k, type_of_value(x)});
    return Type::object(std::move(props));
  }
  return Type::set_of(Type::any());
}

namespace {

Type select_array(const Type& t, const runtime::Value& key) {
  if (!key.is_number()) return {};
  std::optional<int64_t> pos = key.number().is_integer() ? key.number().to_int64() : std::nullopt;
  if (!pos || *pos < 0) return {};
  if (static_cast<size_t>(*pos) < t.items().size()) return t.items()[*pos];
  return t.element();
}

Type select_object(const Type& t, const runtime::Value& key) {
  for (const auto& p : t.properties()) {
    if (compare(p.key, key) == 0) return p.value;
  }
  if (!t.dynamic_key().is_nil() && types::contains(t.dynamic_key(), type_of_value(key))) return t.dynamic_value();
  return {};
}

Type select_set(const Type& t, const runtime::Value& key) {
  Type tpe = type_of_value(key);
  if (compare(t.element(), tpe) == 0) return t.element();
  if (is_kind(t.element(), Kind::kAny) && types::contains(t.element(), tpe)) return tpe;
  return {};
}

// Folds f over the alternatives of an any<...> with types.Or.
template <typename F>
Type over_any(const Type& t, F&& f) {
  if (t.items().empty()) return Type::any();
  Type out;
  for (const auto& alt : t.items()) out = types::type_or(f(alt), out);
  return out;
}

}  // namespace

Type select_type(const Type& t, const runtime::Value& key) {
  if (t.is_nil()) return {};
  switch (t.kind()) {
    case Kind::kArray: return select_array(t, key);
    case Kind::kObject: return select_object(t, key);
    case Kind::kSet: return select_set(t, key);
    case Kind::kAny: return over_any(t, [&key](const Type& alt) { return select_type(alt, key); });
    default: return {};
  }
}

Type keys_of(const Type& t) {
  if (t.is_nil()) return {};
  switch (t.kind()) {
    case Kind::kArray: return Type::number();
    case Kind::kObject: {
      Type out;
      for (const auto& p : t.properties()) out = types::type_or(out, type_of_value(p.key));
      if (!t.dynamic_key().is_nil()) out = types::type_or(out, t.dynamic_key());
      return out;
    }
    case Kind::kSet: return t.element();
    case Kind::kAny: return over_any(t, [](const Type& alt) { return keys_of(alt); });
    default: return {};
  }
}

Type values_of(const Type& t) {
  if (t.is_nil()) return {};
  switch (t.kind()) {
    case Kind::kArray: {
      Type out;
      for (const auto& item : t.items()) out = types::type_or(out, item);
      return types::type_or(out, t.element());
    }
    case Kind::kObject: {
      Type out;
      for (const auto& p : t.properties()) out = types::type_or(out, p.value);
      if (!t.dynamic_key().is_nil()) out = types::type_or(out, t.dynamic_value());
      return out;
    }
    case Kind::kSet: return t.element();
    case Kind::kAny: return over_any(t, [](const Type& alt) { return values_of(alt); });
    default: return {};
  }
}

bool has_nil(const Type& t) {
  if (t.is_nil()) return true;
  switch (t.kind()) {
    case Kind::kFunction: {
      const auto& f = t.function_type();
      for (const auto& a : f.args) {
        if (has_nil(a)) return true;
      }
      return has_nil(f.result);
    }
    case Kind::kArray:
      for (const auto& item : t.items()) {
        if (has_nil(item)) return true;
      }
      return !t.element().is_nil() && has_nil(t.element());
    case Kind::kObject:
      for (const auto& p : t.properties()) {
        if (has_nil(p.value)) return true;
      }
      return !t.dynamic_key().is_nil() && (has_nil(t.dynamic_key()) || has_nil(t.dynamic_value()));
    case Kind::kSet: return has_nil(t.element());
    default: return false;
  }
}

namespace {

bool unifies_any(const Type& any, const Type& other) {
  if (other.kind() == Kind::kFunction) return false;
  for (const auto& alt : any.items()) {
    if (unifies(alt, other)) return true;
  }
  return any.items().empty();
}

bool unifies_arrays_static(const Type& a, const Type& b) {
  for (size_t i = 0; i < a.items().size(); ++i) {
    runtime::Value pos = runtime::Value::integer(static_cast<int64_t>(i));
    if (!unifies(a.items()[i], select_type(b, pos))) return false;
  }
  return true;
}

bool unifies_objects_static(const Type& a, const Type& b) {
  for (const auto& p : a.properties()) {
    if (!unifies(p.value, select_type(b, p.key))) return false;
  }
  return true;
}

bool unifies_functions(const types::FunctionType& a, const types::FunctionType& b) {
  // Variadic functions are internal and cannot be replaced by `with`, so arity is enough.
  if (a.arity() != b.arity()) return false;
  for (size_t i = 0; i < a.arity(); ++i) {
    if (!unifies(a.args[i], b.args[i])) return false;
  }
  return true;
}

}  // namespace

bool unifies(const Type& a, const Type& b) {
  if (a.is_nil() || b.is_nil()) return false;
  bool any_a = a.kind() == Kind::kAny, any_b = b.kind() == Kind::kAny;
  if (any_a && unifies_any(a, b)) return true;
  if (any_b && unifies_any(b, a)) return true;
  if (any_a || any_b || a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kArray:
      if (!unifies_arrays_static(a, b) || !unifies_arrays_static(b, a)) return false;
      return a.element().is_nil() || b.element().is_nil() || unifies(a.element(), b.element());
    case Kind::kObject:
      if (!unifies_objects_static(a, b) || !unifies_objects_static(b, a)) return false;
      return a.dynamic_value().is_nil() || b.dynamic_value().is_nil() || unifies(a.dynamic_value(), b.dynamic_value());
    case Kind::kSet: return unifies(values_of(a), values_of(b));
    case Kind::kFunction: return unifies_functions(a.function_type(), b.function_type());
    default: return true;
  }
}

}  // namespace arcane::compiler::stages
