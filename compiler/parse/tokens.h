// The token pass that runs before the recursive parser. It turns a file's bytes into the
// compact token array the parser reads (grammar::TokenFacts), and settles everything that
// can be settled on tokens alone, so the grammar stays version-free and the parser never
// sees input it cannot handle safely:
//  * the bytes are valid UTF-8 without NUL characters (else a located error);
//  * keywords that are not enabled become identifiers: v0 keywords per `import
//    future.keywords[.x]` / `import rego.v1`, `and`/`or` per their imports, and any keyword
//    used as a ref part (`input.if`, `else.x`);
//  * nesting is bounded: brackets and chained operators add depth, and a file deeper than
//    the limit is refused here, before any recursion happens;
//  * large literals of constants are built here directly (constants.h);
//  * brackets and bars that OPA's parser tells apart by backtracking are retyped.
// Comments are taken out of the token stream and kept for the module.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "grammar/token_facts.h"
#include "runtime/diagnostic.h"

namespace arcane::compiler::parse {

inline constexpr uint16_t kEofType = 0;  // the compact array's EOF (ANTLR's EOF does not fit)

struct KeywordSettings {
  ast::RegoVersion version = ast::RegoVersion::V1;
  bool experimental_keywords = false;  // whether `future.keywords.and` / `.or` may be imported
  bool honour_imports = true;          // false for queries and terms
};

struct TokenPass {
  grammar::TokenFacts facts;
  std::vector<ast::Comment> comments;
  std::vector<ast::Term> constants;  // the terms of CONST_TERM tokens (see constants.h)
  bool rego_v1_import = false;  // `import rego.v1` seen (v0 becomes V0CompatV1)
  uint32_t max_depth_seen = 0;
};

// Lexes `text` into `out`. Returns false (with a diagnostic) if the bytes are not valid
// UTF-8 or contain a NUL or a misplaced byte-order mark.
bool lex(std::string_view text, uint32_t file, TokenPass& out, runtime::Diagnostics& diags);

// Rewrites disabled keywords to identifiers (see the header comment).
void apply_keywords(std::string_view text, const KeywordSettings& settings, TokenPass& pass);

// Retypes the brackets and bars whose role depends on their neighbours (see TokenFacts).
void mark_operators(TokenPass& pass);

// Measures nesting depth; reports "nesting depth exceeds the limit of N" and returns false
// when the limit is exceeded.
bool check_depth(uint32_t file, uint32_t max_depth, TokenPass& pass, runtime::Diagnostics& diags);

// The text of token i.
std::string_view token_text(std::string_view text, const grammar::Tok& t);

// The built-in an operator token becomes (`+` -> "plus", `:=` -> "assign"), or nullptr.
const char* operator_builtin(size_t type);

// OPA's name for a token type in "unexpected X token" messages, and whether it is a keyword.
std::string token_display_name(uint16_t type, bool* is_keyword);

// True for the keyword token types (package, import, ..., and, or).
bool is_keyword_type(uint16_t type);

}  // namespace arcane::compiler::parse
