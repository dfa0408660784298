// The dispatch table of a `ruleindex` statement, shared by the planner that builds it, the
// verifier that checks it and the back ends that compile it into hash lookups.
//
// The table is an ordinary constant of the policy's pool, so the listing, the serialized
// form and the constant interner carry it without knowing what it means:
//
//   {"any": [i...], "eq": {"s": [i...], ...}, "prefix": {"p": [i...], ...}}
//
// Each list holds indices of the statement's blocks, ascending. For a key value v the
// statement runs, in ascending block order: the "any" blocks, the "eq"[v] blocks when v
// is a string, and the "prefix"[p] blocks for every p that v starts with when v is a
// string. A defined key that is not a string runs every block when "prefix" is not empty
// (glob.match would raise a type error there, which skipping would hide) and only the
// "any" blocks otherwise; an undefined key runs only the "any" blocks.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "runtime/value.h"

namespace arcane::ir {

struct RuleIndexTable {
  std::vector<uint32_t> any;
  std::map<std::string, std::vector<uint32_t>> eq;
  std::map<std::string, std::vector<uint32_t>> prefix;
};

runtime::Value encode_rule_index(const RuleIndexTable& t);
// The table a constant describes, or a message saying why it is not one (indices must be
// ascending and below `blocks`).
std::optional<RuleIndexTable> decode_rule_index(const runtime::Value& v, size_t blocks, std::string* error);

// The blocks a key selects (see above), ascending, without repeats. `key` nullptr:
// undefined.
std::vector<uint32_t> select_rule_blocks(const RuleIndexTable& t, const runtime::Value* key, size_t blocks);

}  // namespace arcane::ir
