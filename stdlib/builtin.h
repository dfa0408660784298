// The built-in function interface: what the compiler's type checker, the planner, the
// interpreter and the JIT all see of a built-in.
//
// A built-in is a declaration (name, typed signature, category, flags) plus one
// implementation function. Declarations live in one table (stdlib/registry.cc), read by
// the type checker, the capabilities printer and the back ends; implementations live in
// one file per family (stdlib/<family>.cc). There is no registration by static
// initializers: the table is plain data, built once.
//
// Calling convention: the implementation receives the evaluated operands and returns a
// BuiltinResult: a value, "undefined" (no value: the calling expression fails, as when a
// built-in has nothing to return), or an error. Errors use OPA's codes and wording —
// `eval_type_error` for a bad operand type ("count: operand 1 must be one of {array,
// object, set, string} but got number"), `eval_builtin_error` for other failures
// ("div: divide by zero") — with the built-in's name first in the message. The caller
// (the VM) attaches the call's location and decides, from the strict-errors setting,
// whether the error makes the expression undefined or aborts the query (an error marked
// `halt` always aborts it). A built-in without a result (print) returns `true` when it
// succeeds. A relation (walk) returns an array whose elements the caller iterates.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "runtime/value.h"
#include "stdlib/types.h"

namespace arcane::stdlib {

class BuiltinContext;  // per-evaluation state: clock, caches, print sink, cancellation

struct BuiltinError {
  std::string code;     // "eval_type_error" | "eval_builtin_error" | ...
  std::string message;  // "name: ..." as OPA words it
  // OPA's Halt: the error stops the query even when builtin errors are not strict
  // (print's illegal operand, numbers.range cancelled mid-way).
  bool halt = false;
};

// A value, undefined (std::monostate), or an error.
class BuiltinResult {
 public:
  BuiltinResult(runtime::Value v) : r_(std::move(v)) {}  // NOLINT: implicit by design
  BuiltinResult(BuiltinError e) : r_(std::move(e)) {}    // NOLINT
  static BuiltinResult undefined() { return BuiltinResult(); }
  bool has_value() const { return r_.index() == 1; }
  bool is_undefined() const { return r_.index() == 0; }
  bool is_error() const { return r_.index() == 2; }
  const runtime::Value& value() const { return std::get<1>(r_); }
  runtime::Value&& take_value() { return std::get<1>(std::move(r_)); }
  const BuiltinError& error() const { return std::get<2>(r_); }

 private:
  BuiltinResult() = default;
  std::variant<std::monostate, runtime::Value, BuiltinError> r_;
};

using BuiltinImpl = BuiltinResult (*)(BuiltinContext& ctx, std::span<const runtime::Value> args);

struct BuiltinDecl {
  std::string_view name;      // "count", "object.get", "internal.member_2"
  types::FunctionType type;   // operand types and result type
  std::string_view category;  // as in capabilities.json ("aggregates", ...)
  std::string_view infix;     // "+", "==", ... or empty
  bool nondeterministic = false;
  bool deprecated = false;
  bool relation = false;  // yields several values (walk): the result is iterated
};

struct Builtin {
  BuiltinDecl decl;
  BuiltinImpl impl = nullptr;
};

// The table, sorted by name; lookups are by exact name.
std::span<const Builtin> all_builtins();
const Builtin* find_builtin(std::string_view name);

// Calls b with the operands, through the context's cache when b is nondeterministic, so
// that one evaluation sees one value per distinct call (as OPA's builtin cache does).
// Back ends call built-ins through this or straight through b.impl; the two differ only
// for nondeterministic built-ins.
BuiltinResult invoke(const Builtin& b, BuiltinContext& ctx, std::span<const runtime::Value> args);

}  // namespace arcane::stdlib
