// Fake built-ins for the VM tests; they follow stdlib/builtin.h's conventions (the
// built-in's name first in messages, OPA's codes) without depending on the stdlib.
#include <cctype>

#include "runtime/value_builder.h"
#include "vm/tests/test_util.h"
#include "vm/value_ops.h"

namespace arcane::vm::testing {

namespace {

using runtime::Value;

stdlib::BuiltinResult count(const BuiltinCall&, std::span<const Value> args) {
  std::optional<int64_t> n = length(args[0]);
  if (!n) {
    return stdlib::BuiltinError{"eval_type_error",
                                std::string("count: operand 1 must be one of {array, object, set, string} "
                                            "but got ") +
                                    runtime::kind_name(args[0].kind())};
  }
  return Value::integer(*n);
}

stdlib::BuiltinResult div(const BuiltinCall&, std::span<const Value> args) {
  if (!args[0].is_number() || !args[1].is_number()) {
    return stdlib::BuiltinError{"eval_type_error", "div: operands must be numbers"};
  }
  int64_t a = args[0].number().to_int64().value_or(0);
  int64_t b = args[1].number().to_int64().value_or(0);
  if (b == 0) return stdlib::BuiltinError{"eval_builtin_error", "div: divide by zero"};
  return Value::integer(a / b);
}

stdlib::BuiltinResult plus(const BuiltinCall&, std::span<const Value> args) {
  if (!args[0].is_number() || !args[1].is_number()) {
    return stdlib::BuiltinError{"eval_type_error", "plus: operand must be a number"};
  }
  std::optional<runtime::Number> n = add(args[0].number(), args[1].number());
  if (!n) return stdlib::BuiltinResult::undefined();
  return Value::from_number(std::move(*n));
}

stdlib::BuiltinResult upper(const BuiltinCall&, std::span<const Value> args) {
  if (!args[0].is_string()) return stdlib::BuiltinResult::undefined();
  std::string s(args[0].string_view());
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return Value::from_string(s);
}

stdlib::BuiltinResult halt(const BuiltinCall&, std::span<const Value>) {
  return stdlib::BuiltinError{"eval_builtin_error", "halt: stops everything", true};
}

stdlib::BuiltinResult tick(const BuiltinCall& call, std::span<const Value>) {
  auto* counter = static_cast<std::atomic<int>*>(const_cast<void*>(call.data));
  return Value::integer(++*counter);
}

}  // namespace

std::atomic<int>& tick_calls() {
  static std::atomic<int> calls{0};
  return calls;
}

const BuiltinTable& test_builtins() {
  static const BuiltinTable table = [] {
    BuiltinTable t;
    t.add({"count", 1, count, nullptr});
    t.add({"div", 2, div, nullptr});
    t.add({"plus", 2, plus, nullptr});
    t.add({"upper", 1, upper, nullptr});
    t.add({"halt", 0, halt, nullptr});
    t.add({"tick", 0, tick, &tick_calls()});
    return t;
  }();
  return table;
}

}  // namespace arcane::vm::testing
