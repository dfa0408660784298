// Custom built-ins: declarations checked, turned into the compiler's signatures and the
// VM's table entries; the VM entry calls the service's function (see custom_builtins.h).
#include "api/src/custom_builtins.h"

#include <exception>

#include "runtime/value_builder.h"
#include "stdlib/operands.h"

namespace arcane {

struct Type::Impl {
  stdlib::types::Type type;
};

namespace {

Type make(stdlib::types::Type t) {
  return api::TypeAccess::wrap(std::move(t));
}

}  // namespace

namespace api {

Type TypeAccess::wrap(stdlib::types::Type t) {
  return Type(std::make_shared<const Type::Impl>(Type::Impl{std::move(t)}));
}

const stdlib::types::Type& TypeAccess::get(const Type& t) {
  return t.impl_->type;
}

}  // namespace api

Type Type::any() {
  return make(stdlib::types::Type::any());
}
Type Type::null() {
  return make(stdlib::types::Type::null());
}
Type Type::boolean() {
  return make(stdlib::types::Type::boolean());
}
Type Type::number() {
  return make(stdlib::types::Type::number());
}
Type Type::string() {
  return make(stdlib::types::Type::string());
}
Type Type::any_of(std::vector<Type> alternatives) {
  std::vector<stdlib::types::Type> of;
  for (const Type& t : alternatives) of.push_back(t.impl_->type);
  return make(stdlib::types::Type::any_of(std::move(of)));
}
Type Type::array_of(Type element) {
  return make(stdlib::types::Type::array_of(element.impl_->type));
}
Type Type::set_of(Type element) {
  return make(stdlib::types::Type::set_of(element.impl_->type));
}
Type Type::object_of(Type key, Type value) {
  return make(stdlib::types::Type::object_of(key.impl_->type, value.impl_->type));
}
std::string Type::to_string() const {
  return impl_->type.to_string();
}

namespace api {

namespace {

using stdlib::types::Kind;

// Whether a value is of type t: the compiler checks what it can see, but operands that
// come from input or data are only known here, and the service's function must never see
// an operand its declaration rules out.
bool has_type(const runtime::Value& v, const stdlib::types::Type& t) {
  if (t.is_nil()) return true;
  switch (t.kind()) {
    case Kind::kAny:
      if (t.items().empty()) return true;
      for (const auto& alt : t.items()) {
        if (has_type(v, alt)) return true;
      }
      return false;
    case Kind::kNull:
      return v.is_null();
    case Kind::kBoolean:
      return v.is_boolean();
    case Kind::kNumber:
      return v.is_number();
    case Kind::kString:
      return v.is_string();
    case Kind::kArray: {
      if (!v.is_array()) return false;
      auto items = t.items();
      auto elements = v.elements();
      if (elements.size() < items.size() || (t.element().is_nil() && elements.size() != items.size())) return false;
      for (size_t i = 0; i < elements.size(); ++i) {
        if (!has_type(elements[i], i < items.size() ? items[i] : t.element())) return false;
      }
      return true;
    }
    case Kind::kSet:
      if (!v.is_set()) return false;
      for (const auto& e : v.elements()) {
        if (!has_type(e, t.element())) return false;
      }
      return true;
    case Kind::kObject:
      if (!v.is_object()) return false;
      for (const auto& p : t.properties()) {
        const runtime::Value* field = v.find(p.key);
        if (field == nullptr || !has_type(*field, p.value)) return false;
      }
      for (auto e : v.entries()) {
        bool is_static = false;
        for (const auto& p : t.properties()) is_static = is_static || p.key == e.key;
        if (is_static) continue;
        if (t.dynamic_key().is_nil()) return false;
        if (!has_type(e.key, t.dynamic_key()) || !has_type(e.value, t.dynamic_value())) return false;
      }
      return true;
    case Kind::kFunction:
      return false;
  }
  return false;
}

stdlib::BuiltinResult to_result(const CustomBuiltin& b, const BuiltinReturn& r) {
  switch (r.kind()) {
    case BuiltinReturn::Kind::kValue:
      return r.value();
    case BuiltinReturn::Kind::kUndefined:
      return stdlib::BuiltinResult::undefined();
    case BuiltinReturn::Kind::kTypeError:
      return stdlib::BuiltinError{std::string(stdlib::kTypeError), b.name + ": " + r.message()};
    case BuiltinReturn::Kind::kError:
      break;
  }
  return stdlib::builtin_error(b.name, r.message());
}

stdlib::BuiltinResult call_function(const CustomBuiltin& b, std::span<const runtime::Value> args) {
  for (size_t i = 0; i < args.size() && i < b.args.size(); ++i) {
    const stdlib::types::Type& want = TypeAccess::get(b.args[i]);
    if (!has_type(args[i], want)) {
      return stdlib::operand_type_error(b.name, static_cast<int>(i + 1), args[i], {want.to_string()});
    }
  }
  try {
    return to_result(b, b.function(args));
  } catch (const std::exception& e) {
    return stdlib::builtin_error(b.name, e.what());
  } catch (...) {
    return stdlib::builtin_error(b.name, "unknown exception");
  }
}

stdlib::BuiltinResult call_custom(const vm::BuiltinCall& call, std::span<const runtime::Value> args) {
  const auto& b = *static_cast<const CustomBuiltin*>(call.data);
  if (!b.nondeterministic) return call_function(b, args);
  std::vector<runtime::Value> operands(args.begin(), args.end());
  runtime::Value key = runtime::take_array(operands);
  if (const runtime::Value* hit = call.context.cached(b.name, key)) return *hit;
  stdlib::BuiltinResult r = call_function(b, args);
  if (r.has_value()) call.context.remember(b.name, std::move(key), r.value());
  return r;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> check_custom_builtin(const CustomBuiltin& b) {
  std::string what = "custom built-in " + b.name + ": ";
  if (!b.function) return what + "no function";
  size_t start = 0;
  for (;;) {
    size_t dot = b.name.find('.', start);
    std::string_view part = std::string_view(b.name).substr(start, dot == std::string::npos ? dot : dot - start);
    if (!is_identifier(part)) return what + "the name must be identifiers joined by dots";
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  std::string_view head = std::string_view(b.name).substr(0, b.name.find('.'));
  if (head == "data" || head == "input") return what + "the name must not start with data or input";
  return std::nullopt;
}

stdlib::types::FunctionType function_type(const CustomBuiltin& b) {
  stdlib::types::FunctionType f;
  for (const Type& t : b.args) f.args.push_back(TypeAccess::get(t));
  f.result = TypeAccess::get(b.result);
  return f;
}

compiler::BuiltinSignature signature_of(const CustomBuiltin& b) {
  compiler::BuiltinSignature sig;
  sig.name = b.name;
  sig.arity = static_cast<int>(b.args.size());
  sig.type = function_type(b);
  sig.typed = true;
  return sig;
}

std::shared_ptr<const compiler::BuiltinTable> with_custom_builtins(const compiler::BuiltinTable& base,
                                                                   const CustomBuiltins& custom) {
  auto table = std::make_shared<compiler::BuiltinTable>(base);
  for (const CustomBuiltin& b : custom) table->add(signature_of(b));
  return table;
}

std::shared_ptr<const vm::BuiltinTable> vm_builtins(const CustomBuiltins& custom) {
  auto table = std::make_shared<vm::BuiltinTable>(&vm::stdlib_builtins());
  for (const CustomBuiltin& b : custom) {
    table->add({b.name, static_cast<int>(b.args.size()), call_custom, &b});
  }
  return table;
}

}  // namespace api
}  // namespace arcane
