// print: writes its operands to the context's print sink, one line per combination.
//
// OPA rewrites print(a, b) so that each operand becomes the set of its values, {} when
// it is undefined, and calls internal.print([A, B]) (topdown/print.go). The VM passes
// those sets straight to `print`; `internal.print` takes them packed in one array, as
// OPA's IR does. Each line is the cross product's next combination, the values joined
// by spaces: strings as they are, everything else as Rego text, `<undefined>` for an
// empty set. Printing never changes a result: print is always true, and with no sink
// it does nothing at all.
#include <string>
#include <vector>

#include "stdlib/context.h"
#include "stdlib/families.h"
#include "stdlib/operands.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

bool is_scalar(const Value& v) {
  return !v.is_array() && !v.is_object() && !v.is_set();
}

std::string text_of(const Value& v) {
  return v.is_string() ? std::string(v.string_view()) : rego_text(v);
}

// The texts each operand contributes: one for a scalar, one per element of a set.
std::vector<std::string> choices(const Value& operand) {
  if (is_scalar(operand)) return {text_of(operand)};
  if (operand.size() == 0) return {"<undefined>"};
  std::vector<std::string> out;
  for (const Value& v : operand.elements()) out.push_back(text_of(v));
  return out;
}

BuiltinResult print_all(BuiltinContext& ctx, std::span<const Value> operands) {
  if (!ctx.print_enabled()) return Value::boolean(true);
  std::vector<std::vector<std::string>> texts;
  for (const Value& operand : operands) {
    if (!is_scalar(operand) && !operand.is_set()) {
      std::string message = "illegal argument type: " + std::string(runtime::kind_name(operand.kind()));
      return BuiltinError{std::string(kInternalError), std::move(message), /*halt=*/true};
    }
    texts.push_back(choices(operand));
  }
  // An odometer over the operands, the last one turning fastest.
  std::vector<size_t> at(texts.size(), 0);
  while (true) {
    std::string line;
    for (size_t i = 0; i < texts.size(); ++i) {
      if (i > 0) line += ' ';
      line += texts[i][at[i]];
    }
    ctx.print(line);
    size_t i = texts.size();
    while (i > 0 && ++at[i - 1] == texts[i - 1].size()) at[--i] = 0;
    if (i == 0) break;
  }
  return Value::boolean(true);
}

}  // namespace

BuiltinResult print(BuiltinContext& ctx, Args args) {
  return print_all(ctx, args);
}

BuiltinResult internal_print(BuiltinContext& ctx, Args args) {
  if (!ctx.print_enabled()) return Value::boolean(true);
  if (!args[0].is_array()) return operand_type_error("internal.print", 1, args[0], {"array"});
  return print_all(ctx, args[0].elements());
}

BuiltinResult internal_test_case(BuiltinContext&, Args args) {
  if (!args[0].is_array()) return operand_type_error("internal.test_case", 1, args[0], {"array"});
  return Value::boolean(true);
}

}  // namespace arcane::stdlib::impl
