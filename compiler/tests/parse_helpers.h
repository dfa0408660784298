// Helpers for the parser tests: parse a snippet and return its compact text form (see
// ast_string.h) or its errors, so each test reads as input -> expected output.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "compiler/ast/ast_json.h"
#include "compiler/ast/ast_string.h"
#include "compiler/parse/parser.h"
#include "runtime/diagnostic.h"

namespace arcane::compiler::testing {

struct Parsed {
  runtime::SourceSet sources;
  runtime::Diagnostics diags{20};
  uint32_t id = 0;
};

inline ParseOptions v0_options() {
  ParseOptions o;
  o.version = RegoVersion::V0;
  return o;
}

inline ParseOptions experimental_options() {
  ParseOptions o;
  o.experimental_keywords = true;
  return o;
}

// The module's rules in compact form, one per line; or the errors, one per line.
inline std::string rules_of(const std::string& text, const ParseOptions& options = {}) {
  Parsed p;
  p.id = p.sources.add("test.rego", text);
  auto module = parse_module(p.sources, p.id, options, p.diags);
  std::string out;
  if (module.ok()) {
    for (const auto& r : module->rules) out += ast::to_string(r) + "\n";
  } else {
    for (const auto& d : p.diags.items()) out += runtime::render_human(d, p.sources, runtime::RenderStyle::kPrecise, false) + "\n";
  }
  return out;
}

// The errors of parsing a module, as `file:line:col: code: message` lines.
inline std::string errors_of(const std::string& text, const ParseOptions& options = {}) {
  Parsed p;
  p.id = p.sources.add("test.rego", text);
  auto module = parse_module(p.sources, p.id, options, p.diags);
  std::string out;
  for (const auto& d : p.diags.items()) out += runtime::render_human(d, p.sources, runtime::RenderStyle::kPrecise, false) + "\n";
  return out;
}

// A query's expressions in compact form, or its first error.
inline std::string query_of(const std::string& text, const ParseOptions& options = {}) {
  Parsed p;
  p.id = p.sources.add("", text);
  auto body = parse_query(p.sources, p.id, options, p.diags);
  if (!body.ok()) return "error: " + body.error().message;
  return ast::to_string(body.value());
}

// The single rule of `package p\n<rule>` as JSON (for checking head fields).
inline std::string rule_json(const std::string& rule, const ParseOptions& options = {}) {
  Parsed p;
  p.id = p.sources.add("test.rego", "package p\n" + rule);
  auto module = parse_module(p.sources, p.id, options, p.diags);
  if (!module.ok()) return "error: " + module.error().message;
  return ast::to_json(module->rules.at(0));
}

}  // namespace arcane::compiler::testing
