// What the compiler needs to know of built-in functions: name, arity, whether the function
// returns a value (print does not), whether it is a relation (walk yields several values).
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

#include "runtime/result.h"

namespace arcane::compiler {

struct BuiltinSignature {
  std::string name;  // "count", "internal.member_2"
  int arity = 0;     // declared operands, the output operand not counted
  bool has_result = true;
  bool variadic = false;  // print
  bool relation = false;  // walk
  bool deprecated = false;
};

class BuiltinTable {
 public:
  void add(BuiltinSignature sig);
  const BuiltinSignature* find(std::string_view name) const;
  size_t size() const { return by_name_.size(); }

 private:
  std::map<std::string, BuiltinSignature, std::less<>> by_name_;
};

// The "builtins" list of an OPA capabilities.json document (only names and shapes are
// read: args count, result presence, variadic, relation, deprecated).
runtime::Result<std::shared_ptr<const BuiltinTable>> builtins_from_capabilities(std::string_view json);

}  // namespace arcane::compiler
