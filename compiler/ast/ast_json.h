// The AST as JSON, in the shape `opa parse --format json` prints (see the CLI golden
// 53-parse-json): the same keys in the same order, locations left out except on comments,
// set elements and object keys in OPA's sorted order, indented with two spaces.
//
// OPA builds most of these objects from Go maps, so their keys come out alphabetically
// (rules: body, default, else, head; expressions: generated, index, negated, terms, with);
// heads follow the Go struct (name, args, key, value, assign, ref). The node kinds OPA added
// after that release (template strings, `and`/`or`, `not { }`) follow current OPA.
#pragma once

#include <string>

#include "compiler/ast/ast.h"
#include "runtime/source.h"

namespace arcane::compiler::ast {

// The module as `opa parse --format json` prints it. Comments need the sources for their
// file name, row and column.
std::string to_json(const Module& module, const runtime::SourceSet& sources);

// Fragments, for tests and debugging dumps.
std::string to_json(const Term& term);
std::string to_json(const Expr& expr);
std::string to_json(const Body& body);
std::string to_json(const Rule& rule);

}  // namespace arcane::compiler::ast
