// Helpers for the VM tests: plans come in as IR listings (ir/parser.h), run on both
// dispatch loops (which must agree), and rows come out as Rego-literal text, so each
// test reads as listing -> expected rows/errors. Built-ins are fakes registered in a
// BuiltinTable, so the VM is tested without the stdlib.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <string_view>

#include "ir/parser.h"
#include "ir/value_text.h"
#include "runtime/json_reader.h"
#include "vm/eval.h"
#include "vm/program.h"

namespace arcane::vm::testing {

// count, div, plus, upper, halt (always fails with a halting error), and tick (counts
// its calls in tick_calls()).
const BuiltinTable& test_builtins();
std::atomic<int>& tick_calls();

inline runtime::Value json(std::string_view text) {
  runtime::Result<runtime::Value> v = runtime::parse_json(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : runtime::Value();
}

inline std::shared_ptr<const Program> lower(std::string_view listing) {
  runtime::Result<ir::Policy> p = ir::parse_policy(listing);
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  if (!p.ok()) return nullptr;
  LowerOptions lo;
  lo.definite_assignment = true;
  runtime::Result<std::shared_ptr<const Program>> prog = Program::lower(*p, test_builtins(), lo);
  EXPECT_TRUE(prog.ok()) << (prog.ok() ? "" : prog.error().message);
  return prog.ok() ? *prog : nullptr;
}

inline std::string rows_text(const EvalResult& r) {
  std::string out = "[";
  for (size_t i = 0; i < r.rows.size(); ++i) {
    if (i) out += ", ";
    ir::append_value_text(out, r.rows[i]);
  }
  return out + "]";
}

inline std::string error_text(const EvalResult& r) {
  return r.error ? r.error->text : "";
}

// Runs `plan` on both dispatch loops and checks they agree on rows, errors and counts.
inline EvalResult run(const Program& program, std::string_view plan, EvalOptions options = {}) {
  options.dispatch = Dispatch::kSwitch;
  EvalResult portable = evaluate(program, plan, options);
  options.dispatch = Dispatch::kThreaded;
  EvalResult threaded = evaluate(program, plan, options);
  EXPECT_EQ(rows_text(threaded), rows_text(portable));
  EXPECT_EQ(error_text(threaded), error_text(portable));
  EXPECT_EQ(threaded.instructions, portable.instructions);
  EXPECT_EQ(threaded.builtin_errors, portable.builtin_errors);
  return threaded;
}

// The rows of the listing's plan `main` (or its error text, prefixed "error: ").
inline std::string eval_listing(std::string_view listing, const char* input = nullptr, const char* data = nullptr,
                                EvalOptions options = {}) {
  std::shared_ptr<const Program> p = lower(listing);
  if (!p) return "<lowering failed>";
  runtime::Value in = input ? json(input) : runtime::Value();
  runtime::Value d = data ? json(data) : runtime::Value::empty_object();
  options.input = input ? &in : nullptr;
  options.data = &d;
  EvalResult r = run(*p, "main", options);
  if (r.error) return "error: " + r.error->text;
  return rows_text(r);
}

}  // namespace arcane::vm::testing
