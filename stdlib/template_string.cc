// internal.template_string: the value of a template string `$"a{x}b"`.
//
// The compiler (RewriteTemplateStrings) passes the parts as one array: literal text as
// strings, and each embedded expression as the set of its values, so an undefined
// expression renders as `<undefined>` instead of failing the rule. A value renders as
// print() shows it: a string as it is, anything else as Rego text.
#include "stdlib/families.h"
#include "stdlib/operands.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::impl {

using runtime::Value;

BuiltinResult template_string(BuiltinContext&, Args args) {
  const Value& parts = args[0];
  if (!parts.is_array()) {
    return operand_type_error("internal.template_string", 1, parts, {"array"});
  }
  std::string out;
  for (const Value& part : parts.elements()) {
    const Value* v = &part;
    if (part.is_set()) {
      if (part.size() == 0) {
        out += "<undefined>";
        continue;
      }
      if (part.size() > 1) {
        return builtin_error("internal.template_string", "template expression produced more than one value");
      }
      v = &part.elements()[0];
    }
    if (v->is_string()) {
      out += v->string_view();
    } else {
      append_rego_text(out, *v);
    }
  }
  return Value::from_string(out);
}

}  // namespace arcane::stdlib::impl
