// What the compiler needs to know of built-in functions: name, arity, whether the function
// returns a value (print does not), whether it is a relation (walk yields several values),
// and for the type checker the typed signature with its operands' names and descriptions
// (OPA's Builtin.Decl, whose named types show in type errors' `want:` lines).
//
// The compiler reads these through a BuiltinTable rather than from stdlib/ directly, so
// that it can be driven by a capabilities document (as OPA's compiler is, through
// WithCapabilities), by the stdlib's own table once that is linkable, or by a small fake
// table in tests. The table is plain data, built once and shared (it is immutable).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/result.h"
#include "stdlib/types.h"

namespace arcane::compiler {

// An operand's or result's name and description ("x", "the sum of `x` and `y`").
struct OperandInfo {
  std::string name;
  std::string description;
};

struct BuiltinSignature {
  std::string name;  // "count", "internal.member_2"
  int arity = 0;     // declared operands, the output operand not counted
  bool has_result = true;
  bool variadic = false;  // print
  bool relation = false;  // walk
  bool deprecated = false;
  // The typed signature. A table that gives only the shape above (a test's) leaves it
  // empty; the checker then takes every operand and the result as `any`.
  stdlib::types::FunctionType type{};
  bool typed = false;
  std::vector<OperandInfo> args_doc{};  // parallel to type.args; may be empty
  OperandInfo result_doc{};
};

class BuiltinTable {
 public:
  void add(BuiltinSignature sig);
  const BuiltinSignature* find(std::string_view name) const;
  size_t size() const { return by_name_.size(); }
  template <typename F>
  void for_each(F&& f) const {
    for (const auto& [name, sig] : by_name_) f(sig);
  }

 private:
  std::map<std::string, BuiltinSignature, std::less<>> by_name_;
};

// The "builtins" list of an OPA capabilities.json document: names, typed signatures
// (with operand names and descriptions where the document has them), relation and
// deprecated flags.
runtime::Result<std::shared_ptr<const BuiltinTable>> builtins_from_capabilities(std::string_view json);

}  // namespace arcane::compiler
