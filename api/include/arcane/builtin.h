// Custom built-in functions: an embedding service gives its policies functions of its own
// (a directory lookup, a feature flag, a risk score), declared with a typed signature and
// implemented by a C++ callable.
//
//   arcane::CustomBuiltin lookup;
//   lookup.name = "my.lookup";                          // called as my.lookup(x) in Rego
//   lookup.args = {arcane::Type::string()};
//   lookup.result = arcane::Type::string();
//   lookup.function = [&directory](std::span<const arcane::Value> args) {
//     auto it = directory.find(std::string(args[0].string_view()));
//     if (it == directory.end()) return arcane::BuiltinReturn::error("no such user");
//     return arcane::BuiltinReturn::value(arcane::Value::from_string(it->second));
//   };
//   builder.add_builtin(std::move(lookup));
//
// A custom built-in is one more entry of the engine's built-in table, nothing less: the
// compiler checks calls to it like calls to OPA's built-ins (an unknown name, a wrong
// number of operands or an operand of the wrong type is a compile error), the planner and
// the VM call it like the rest, and its errors follow OPA's rules: `eval_builtin_error`
// (or `eval_type_error`) located at the call, "name: message", which makes the expression
// undefined unless built-in errors are strict, when it aborts the evaluation.
//
// Why per engine and not a process-wide registry (OPA's RegisterBuiltin): two engines in
// one service may give the same name different meanings, tests can inject fakes, and
// nothing needs registering before main(). The table is frozen when build() returns, so
// evaluations never take a lock to find a built-in.
//
// Threads: the function is called from every thread that evaluates a query of the engine,
// at the same time; it must be safe to call concurrently (and should not block for long:
// it runs inside the evaluation). Exceptions it throws become `eval_builtin_error`s.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "arcane/value.h"

namespace arcane {

namespace api {
struct TypeAccess;
}  // namespace api

// A type of OPA's type system, for custom built-in signatures. Printed in errors as OPA
// prints types (`string`, `array[number]`, `any<number, string>`).
class Type {
 public:
  static Type any();
  static Type null();
  static Type boolean();
  static Type number();
  static Type string();
  static Type any_of(std::vector<Type> alternatives);  // any<T1, T2, ...>
  static Type array_of(Type element);                  // array[T]
  static Type set_of(Type element);                    // set[T]
  static Type object_of(Type key, Type value);         // object[K: V]

  std::string to_string() const;

 private:
  friend struct api::TypeAccess;
  struct Impl;
  explicit Type(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// What a custom built-in returns: a value, undefined (the calling expression fails, as
// when a Go built-in returns no value), or an error.
class BuiltinReturn {
 public:
  static BuiltinReturn value(Value v) { return BuiltinReturn(Kind::kValue, std::move(v), {}); }
  static BuiltinReturn undefined() { return BuiltinReturn(Kind::kUndefined, {}, {}); }
  // eval_builtin_error "NAME: message".
  static BuiltinReturn error(std::string message) { return BuiltinReturn(Kind::kError, {}, std::move(message)); }
  // eval_type_error "NAME: message", for an operand the signature admits but the function
  // cannot use (e.g. "operand 1 must be a non-empty string").
  static BuiltinReturn type_error(std::string message) {
    return BuiltinReturn(Kind::kTypeError, {}, std::move(message));
  }

  enum class Kind : uint8_t { kValue, kUndefined, kError, kTypeError };
  Kind kind() const { return kind_; }
  const Value& value() const { return value_; }
  const std::string& message() const { return message_; }

 private:
  BuiltinReturn(Kind k, Value v, std::string m) : kind_(k), value_(std::move(v)), message_(std::move(m)) {}
  Kind kind_;
  Value value_;
  std::string message_;
};

using BuiltinFunction = std::function<BuiltinReturn(std::span<const Value> args)>;

struct CustomBuiltin {
  std::string name;        // a Rego reference: "lookup", "my.lookup" (not data.* or input.*)
  std::vector<Type> args;  // the operand types, in order
  Type result = Type::any();
  // Called once per distinct operands within one evaluation, as OPA's nondeterministic
  // built-ins (time.now_ns, http.send) are: the evaluation sees one answer per call.
  bool nondeterministic = false;
  BuiltinFunction function;
};

}  // namespace arcane
