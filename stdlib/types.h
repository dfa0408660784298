// OPA's type system, as built-in signatures use it (OPA's v1/types/types.go).
//
// Built-in declarations, the compiler's type checker and `arcane capabilities` all speak
// these types, so they print exactly as OPA prints them, in both of OPA's forms:
//   - the text of type errors: `any<number, set[any]>`, `array<number, string>[any]`,
//     `object<a: string>[string: any]`, `(number, number) => number`;
//   - the JSON of capabilities.json: `{"of": [...], "type": "any"}` with Go's sorted keys.
// A Type is an immutable handle on a shared node, so copies are cheap and declarations
// built once can be handed around freely. The "nil" Type (default-constructed) is OPA's
// nil type: unknown, or no result for a void function such as print.
//
// Order and union follow OPA too (types.Compare, types.Or, types.Contains): any<...>
// keeps its alternatives sorted, which is why `any<string, number>` prints as
// `any<number, string>`.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "runtime/value.h"

namespace arcane::stdlib::types {

enum class Kind : uint8_t { kNull, kBoolean, kNumber, kString, kArray, kObject, kSet, kAny, kFunction };

struct StaticProperty;
struct FunctionType;

class Type {
 public:
  Type() = default;  // nil

  static Type null();
  static Type boolean();
  static Type number();
  static Type string();
  static Type any();                                              // any: every type
  static Type any_of(std::vector<Type> of);                       // any<T1, T2, ...>, sorted
  static Type array_of(Type element);                             // array[T]
  static Type array(std::vector<Type> items, Type dynamic = {});  // array<A, B>[T]
  static Type object_of(Type key, Type value);                    // object[K: V]
  static Type object(std::vector<StaticProperty> properties, Type dynamic_key = {}, Type dynamic_value = {});
  static Type set_of(Type element);  // set[T]
  static Type function(FunctionType f);

  bool is_nil() const { return node_ == nullptr; }
  Kind kind() const;  // not nil

  // any: its alternatives (empty for plain any); array: its static items.
  std::span<const Type> items() const;
  // array: the dynamic element type; set: the element type. Nil if absent.
  const Type& element() const;
  std::span<const StaticProperty> properties() const;  // object, sorted by key
  const Type& dynamic_key() const;                     // object; nil if no dynamic part
  const Type& dynamic_value() const;
  const FunctionType& function_type() const;  // function

  std::string to_string() const;  // nil prints as "???", as in Go
  void append_json(std::string& out) const;
  std::string to_json() const;

  friend int compare(const Type& a, const Type& b);  // types.Compare
  friend bool operator==(const Type& a, const Type& b) { return compare(a, b) == 0; }

 private:
  struct Node;
  explicit Type(std::shared_ptr<const Node> n) : node_(std::move(n)) {}
  std::shared_ptr<const Node> node_;
};

struct StaticProperty {
  runtime::Value key;  // OPA allows any JSON key; built-ins use strings
  Type value;
};

struct FunctionType {
  std::vector<Type> args;
  Type result;    // nil: no result (print)
  Type variadic;  // nil unless the function takes any number of these after args

  size_t arity() const { return args.size(); }
  bool is_void() const { return result.is_nil(); }
  std::string args_string() const;  // "(number, string)" or "(any...)"
  std::string to_string() const;    // "(number, string) => boolean"
  void append_json(std::string& out) const;
  std::string to_json() const;  // capabilities.json's "decl"
};

// types.Contains: a is a superset of (or equal to) b.
bool contains(const Type& a, const Type& b);
// types.Or: the union, the superset itself when one contains the other; nil with nil.
Type type_or(const Type& a, const Type& b);

}  // namespace arcane::stdlib::types
