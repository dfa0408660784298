// Selecting the blocks of a `ruleindex` at run time; see RuleIndexCode in program.h.
#include "vm/program.h"

namespace arcane::vm {

uint32_t RuleIndexCode::select(const runtime::Value* key) const {
  if (key == nullptr) return any_list;
  if (!key->is_string()) return other_list;
  std::string_view s = key->string_view();
  if (auto it = eq.find(s); it != eq.end()) return it->second;
  for (uint32_t n : prefix_lengths) {
    if (n > s.size()) continue;
    if (auto it = prefix.find(s.substr(0, n)); it != prefix.end()) return it->second;
  }
  return any_list;
}

}  // namespace arcane::vm
