// OPA's requiresEval: a term that contains a ref or a comprehension anywhere (calls count,
// their operator being a ref) cannot sit where only values may (heads, comprehension
// terms, `with` values) and is bound to a generated var instead.
#pragma once

#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

inline bool requires_eval(const ast::Term& t) {
  bool found = false;
  walk_terms(t, [&found](const ast::Term& x) {
    const auto& v = x.value;
    found = found || std::holds_alternative<ast::Ref>(v) || std::holds_alternative<ast::ArrayComprehension>(v) ||
            std::holds_alternative<ast::SetComprehension>(v) || std::holds_alternative<ast::ObjectComprehension>(v);
    return found;
  });
  return found;
}

}  // namespace arcane::compiler::stages
