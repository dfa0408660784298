// The names and descriptions OPA gives each built-in's operands and result ("x", "y",
// "the sum of `x` and `y`"). They are documentation, not typing: the type checker shows
// them in its `want:` lines and error details, as OPA does, while the types come from
// the declaration table (registry*.cc). Generated from OPA's builtin_metadata.json by
// scripts/gen_builtin_docs.py, so that the hand-written table stays about signatures.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace arcane::stdlib {

struct OperandDoc {
  std::string_view builtin;  // "plus"
  int index;                 // operand position, or -1 for the result
  std::string_view name;     // may be empty
  std::string_view description;
};

// Sorted by builtin, then index as OPA lists them (operands, then result).
const std::vector<OperandDoc>& operand_docs();

// The docs of one built-in (empty when OPA names none of its operands).
std::span<const OperandDoc> operand_docs_of(std::string_view builtin);

}  // namespace arcane::stdlib
