// The Rego parser's public face: text in, located AST (or located errors) out.
//
// A module is parsed in OPA 1.x's v1 syntax unless the options say v0 (then `if`,
// `contains`, `in` and `every` are plain names until imported with `import
// future.keywords...` or `import rego.v1`). Queries and terms are always v1. Errors are
// collected into the caller's Diagnostics with code "rego_parse_error", several per file
// where the statements allow it; the Result carries the first one.
//
// Hostile input is bounded: invalid UTF-8, NUL bytes, unterminated strings and stray bytes
// are located errors; nesting deeper than max_depth (brackets and operator chains) is
// refused before any recursive parsing; large files are parsed a statement at a time so
// the ANTLR parse tree of only one statement is alive at once.
#pragma once

#include <cstdint>

#include "compiler/ast/ast.h"
#include "runtime/diagnostic.h"
#include "runtime/result.h"
#include "runtime/source.h"

namespace arcane::compiler {

using RegoVersion = ast::RegoVersion;

struct ParseOptions {
  RegoVersion version = RegoVersion::V1;
  // Allow `import future.keywords.and` / `.or` (OPA's experimental logical keywords).
  bool experimental_keywords = false;
  // Deepest nesting accepted (open brackets plus chained binary operators); at most 100000.
  uint32_t max_depth = 1000;
  // Build large literals of constants straight from the tokens instead of through the
  // parse tree (much less memory for data in policies); the AST is the same either way.
  bool fold_constants = true;
};

runtime::Result<ast::Module> parse_module(const runtime::SourceSet& sources, uint32_t file_id,
                                          const ParseOptions& options, runtime::Diagnostics& diags);

// A query: expressions separated by `;` or newlines.
runtime::Result<ast::Body> parse_query(const runtime::SourceSet& sources, uint32_t file_id,
                                       const ParseOptions& options, runtime::Diagnostics& diags);

// A single term, e.g. a conformance case's `input_term`.
runtime::Result<ast::Term> parse_term(const runtime::SourceSet& sources, uint32_t file_id,
                                      const ParseOptions& options, runtime::Diagnostics& diags);

}  // namespace arcane::compiler
