// Helpers for the compiler stage tests: compile snippets up to a stage and return the
// rewritten rules as text (ast_string.h's compact form, one rule per line) or the errors
// (`file:line:col: code: message`), so each test reads as policy -> expected text.
//
// Built-ins come from a small table written here (the arity, result and relation facts the
// stages look at), so the tests do not depend on stdlib/ or on OPA's capabilities file.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast_string.h"
#include "compiler/compile/dump.h"
#include "compiler/compile/pipeline.h"
#include "compiler/parse/parser.h"
#include "compiler/plan/planner.h"
#include "ir/printer.h"
#include "runtime/diagnostic.h"

namespace arcane::compiler::testing {

inline std::shared_ptr<const BuiltinTable> test_builtins() {
  static const std::shared_ptr<const BuiltinTable> table = [] {
    auto t = std::make_shared<BuiltinTable>();
    for (const char* op : {"eq",
                           "assign",
                           "equal",
                           "neq",
                           "gt",
                           "gte",
                           "lt",
                           "lte",
                           "plus",
                           "minus",
                           "mul",
                           "div",
                           "rem",
                           "and",
                           "or",
                           "split",
                           "startswith",
                           "trim",
                           "concat",
                           "sprintf",
                           "internal.member_2",
                           "numbers.range",
                           "array.concat",
                           "re_match",
                           "set_diff"}) {
      t->add({op, 2, true, false, false, false});
    }
    for (const char* op : {"count", "sum", "to_number", "trace", "abs", "internal.template_string", "is_string"}) {
      t->add({op, 1, true, false, false, false});
    }
    t->add({"internal.member_3", 3, true, false, false, false});
    t->add({"glob.match", 3, true, false, false, false});
    t->add({"rego.metadata.chain", 0, true, false, false, false});
    t->add({"rego.metadata.rule", 0, true, false, false, false});
    t->add({"object.get", 3, true, false, false, false});
    t->add({"walk", 1, true, false, true, false});
    t->add({"print", 0, false, true, false, false});
    t->add({"internal.print", 1, false, false, false, false});
    t->add({"void", 1, false, false, false, false});
    t->add({"re_match", 2, true, false, false, true});
    t->add({"time.now_ns", 0, true, false, false, false});
    return std::shared_ptr<const BuiltinTable>(std::move(t));
  }();
  return table;
}

inline ParseOptions v0_parse() {
  ParseOptions o;
  o.version = RegoVersion::V0;
  return o;
}

inline ParseOptions experimental_parse() {
  ParseOptions o;
  o.experimental_keywords = true;
  return o;
}

struct Compiled {
  runtime::SourceSet sources;
  runtime::Diagnostics diags{20};
  std::optional<CompiledProgram> program;

  std::string errors() const {
    std::string out;
    for (const auto& d : diags.items()) {
      out += runtime::render_human(d, sources, runtime::RenderStyle::kPrecise, false) + "\n";
    }
    return out;
  }
};

using NamedText = std::pair<std::string, std::string>;

inline std::unique_ptr<Compiled> compile_named(const std::vector<NamedText>& texts, const std::string& stop_after = "",
                                               const ParseOptions& parse = {}, bool print = false,
                                               bool strict = false) {
  auto c = std::make_unique<Compiled>();
  std::vector<ast::Module> modules;
  for (const auto& [name, text] : texts) {
    uint32_t id = c->sources.add(name, text);
    auto m = parse_module(c->sources, id, parse, c->diags);
    if (!m.ok()) return c;
    modules.push_back(std::move(*m));
  }
  CompileOptions options;
  options.builtins = test_builtins();
  options.sources = &c->sources;
  options.stop_after = stop_after;
  options.enable_print_statements = print;
  options.strict = strict;
  auto p = compile(std::move(modules), options, c->diags);
  if (p.ok()) c->program.emplace(std::move(*p));
  return c;
}

inline std::unique_ptr<Compiled> compile_texts(const std::vector<std::string>& texts,
                                               const std::string& stop_after = "", const ParseOptions& parse = {},
                                               bool print = false) {
  std::vector<NamedText> named;
  for (size_t i = 0; i < texts.size(); ++i) {
    named.emplace_back(texts.size() == 1 ? "test.rego" : "test-" + std::to_string(i) + ".rego", texts[i]);
  }
  return compile_named(named, stop_after, parse, print);
}

// `query` parsed and compiled against c's program (with c's sources); nullopt with the
// errors in c->diags.
inline std::optional<CompiledQuery> compile_query_text(Compiled& c, const std::string& query, QueryOptions& qo) {
  uint32_t id = c.sources.add("query", query);
  auto body = parse_query(c.sources, id, {}, c.diags);
  if (!body.ok()) return std::nullopt;
  qo.sources = &c.sources;
  auto q = compile_query(*c.program, std::move(*body), qo, c.diags);
  if (!q.ok()) return std::nullopt;
  return std::move(q).value();
}

// The IR text (docs/ir.md) of `query` planned against `module` (its print calls kept
// when `print`), or the errors.
// With `decision_plan`, a second plan of that name returns the query's value (as
// PreparedQuery::decide plans it).
inline std::string plan_text(const std::string& module, const std::string& query, bool print = false,
                             const std::string& decision_plan = "") {
  auto c = compile_texts({module}, "", {}, print);
  if (!c->program) return c->errors();
  QueryOptions qo;
  auto q = compile_query_text(*c, query, qo);
  if (!q) return c->errors();
  plan::QuerySpec spec;
  spec.sources = {&c->sources};
  spec.decision_plan_name = decision_plan;
  auto policy = plan::plan_query(*c->program, q->body, spec);
  if (!policy.ok()) return "plan error: " + policy.error().message;
  return ir::print_policy(*policy);
}

// "code: message" of each diagnostic, sorted (OPA's tests compare sorted error strings).
inline std::vector<std::string> sorted_messages(const Compiled& c) {
  std::vector<std::string> out;
  for (const auto& d : c.diags.items()) out.push_back(d.code + ": " + d.message);
  std::sort(out.begin(), out.end());
  return out;
}

// The rules of the last module after `stage` (one per line), or the errors.
inline std::string rules_after(const std::string& stage, const std::string& module, const ParseOptions& parse = {},
                               bool print = false) {
  auto c = compile_texts({module}, stage, parse, print);
  if (!c->program) return c->errors();
  return dump_module_rules(*c->program, c->program->modules.size() - 1);
}

// The n-th rule of the last module after `stage` (without its newline), or the errors.
inline std::string nth_rule(const std::string& stage, const std::string& module, size_t n,
                            const ParseOptions& parse = {}) {
  auto c = compile_texts({module}, stage, parse);
  if (!c->program) return c->errors();
  return ast::to_string(c->program->modules.back().module.rules.at(n));
}

// The body of the n-th rule of the last module after `stage`, or the errors.
inline std::string nth_body(const std::string& stage, const std::string& module, size_t n,
                            const ParseOptions& parse = {}) {
  auto c = compile_texts({module}, stage, parse);
  if (!c->program) return c->errors();
  return ast::to_string(c->program->modules.back().module.rules.at(n).body);
}

// The rules after all stages.
inline std::string compiled_rules(const std::string& module, const ParseOptions& parse = {}) {
  return rules_after("", module, parse);
}

// The errors of compiling the modules ("" when they compile).
inline std::string errors_of(const std::vector<std::string>& modules, const ParseOptions& parse = {}) {
  return compile_texts(modules, "", parse)->errors();
}
inline std::string errors_of(const std::string& module, const ParseOptions& parse = {}) {
  return errors_of(std::vector<std::string>{module}, parse);
}

// A query compiled against the modules, up to `stage`: its body, or the errors.
inline std::string query_after(const std::string& stage, const std::string& query,
                               const std::vector<std::string>& modules = {}, bool print = false) {
  auto c = compile_texts(modules);
  if (!c->program) return c->errors();
  QueryOptions qo;
  qo.stop_after = stage;
  qo.enable_print_statements = print;
  auto q = compile_query_text(*c, query, qo);
  if (!q) return c->errors();
  return ast::to_string(q->body);
}

}  // namespace arcane::compiler::testing
