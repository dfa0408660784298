// A fast path for data in policies: large array, set and object literals made only of
// constants (strings, numbers, booleans, null, nested such literals) are built into AST
// terms directly from the tokens, and each one is replaced in the token array by a single
// CONST_TERM token whose `match` field indexes TokenPass::constants.
//
// Why: ANTLR builds about ten parse-tree contexts per element of a literal, so a policy
// holding megabytes of data would need gigabytes of parse tree (measured: 3 GB for a 10 MB
// literal). The terms built here are exactly what the AST builder would build from the
// parse tree (same kinds, same locations), and only literals that the grammar would accept
// are folded, so parsing results and errors do not change, only their cost.
#pragma once

#include <string_view>

#include "compiler/parse/tokens.h"

namespace arcane::compiler::parse {

// Folds every maximal constant literal of at least a few tokens. Call after keyword
// rewriting and the depth check, before mark_operators.
void fold_constants(std::string_view text, uint32_t file, TokenPass& pass);

}  // namespace arcane::compiler::parse
