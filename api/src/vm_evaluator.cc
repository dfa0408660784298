// The evaluator: the compiler pipeline, the planner and the bytecode VM behind the API's
// three interfaces (evaluator.h).
//
//   compile:  every module through the stage pipeline, once per engine;
//   prepare:  the query through the query stages, planned against the program, the plan
//             round-tripped through its serialized form when ARCANE_CHECK_PLANS is set,
//             then lowered to bytecode;
//   eval:     the bytecode run on the request's input and the engine's data.
#include <cstdio>
#include <cstdlib>

#include "api/src/capabilities_state.h"
#include "api/src/custom_builtins.h"
#include "api/src/evaluator.h"
#include "api/src/module_parser.h"
#include "api/src/trace_recorder.h"
#include "compiler/compile/pipeline.h"
#include "compiler/compile/stdlib_builtins.h"
#include "compiler/plan/planner.h"
#include "ir/printer.h"
#include "ir/serialize.h"
#include "ir/verifier.h"
#include "vm/builtins.h"
#include "vm/eval.h"
#include "vm/program.h"

namespace arcane::api {

namespace {

// ARCANE_TRACE_PLANS=1 plans every query with trace points and records its events (the
// conformance runner's check that tracing never changes a result).
bool trace_plans() {
  static const bool on = std::getenv("ARCANE_TRACE_PLANS") != nullptr;
  return on;
}

// The entrypoint PreparedQuery::decide runs: the query's first value, no rows built.
constexpr const char* kDecisionPlan = "decision";

class VmPlan final : public PreparedPlan {
 public:
  VmPlan(std::shared_ptr<const Policy> policy, std::shared_ptr<const vm::BuiltinTable> builtins,
         std::shared_ptr<const vm::Program> program, std::map<std::string, std::string> rewritten,
         std::shared_ptr<const compiler::plan::TracePlan> trace)
      : policy_(std::move(policy)),
        builtins_(std::move(builtins)),
        program_(std::move(program)),
        rewritten_(std::move(rewritten)),
        trace_(std::move(trace)) {
    query_plan_ = program_->find_plan("query").value_or(UINT32_MAX);
    decision_plan_ = program_->find_plan(kDecisionPlan);
  }

  RawResult eval(const EvalRequest& request) const override {
    vm::EvalOptions options = vm_options(request);
    TraceBuffer discarded;  // ARCANE_TRACE_PLANS: traced plans must give the same results
    Tracer* tracer = request.tracer != nullptr ? request.tracer : (trace_plans() ? &discarded : nullptr);
    vm::EvalResult r = trace_ && tracer ? evaluate_traced(*program_, options, *trace_, *tracer)
                                        : vm::evaluate(*program_, query_plan_, options);
    RawResult out;
    out.rows.reserve(r.rows.size());
    for (const runtime::Value& row : r.rows) {
      RawRow raw;
      if (row.is_array() && row.size() == 2) {
        const runtime::Value& bindings = row.at(0);
        for (auto e : bindings.entries()) {
          if (e.key.is_string()) raw.bindings.emplace_back(std::string(e.key.string_view()), e.value);
        }
        const runtime::Value& exprs = row.at(1);
        for (size_t i = 0; i < exprs.size(); ++i) raw.expressions.push_back(exprs.at(i));
      }
      out.rows.push_back(std::move(raw));
    }
    if (r.error) out.error = r.error->diagnostic;
    return out;
  }

  RawDecision decide(const EvalRequest& request) const override {
    if (!decision_plan_ || request.tracer != nullptr || trace_plans()) return PreparedPlan::decide(request);
    vm::EvalOptions options = vm_options(request);
    options.first_row_only = true;
    vm::EvalResult r = vm::evaluate(*program_, *decision_plan_, options);
    RawDecision out;
    out.value = std::move(r.first);
    if (r.error) out.error = std::move(r.error->diagnostic);
    return out;
  }

  std::optional<std::string> user_name(std::string_view compiled) const override {
    auto it = rewritten_.find(std::string(compiled));
    if (it != rewritten_.end()) return PreparedPlan::user_name(it->second);
    return PreparedPlan::user_name(compiled);
  }

 private:
  vm::EvalOptions vm_options(const EvalRequest& request) const {
    vm::EvalOptions options;
    options.input = request.input;
    options.data = &policy_->data;
    options.strict_builtin_errors = request.strict_builtin_errors;
    options.limits = request.limits;
    options.module_parser = &rego_module_parser();
    return options;
  }

  std::shared_ptr<const Policy> policy_;  // owns the custom built-ins' declarations
  std::shared_ptr<const vm::BuiltinTable> builtins_;  // the program points into it
  std::shared_ptr<const vm::Program> program_;
  std::map<std::string, std::string> rewritten_;
  std::shared_ptr<const compiler::plan::TracePlan> trace_;  // the sites of a traced plan
  uint32_t query_plan_ = UINT32_MAX;                         // an unknown plan is an eval error
  std::optional<uint32_t> decision_plan_;                    // absent in traced plans
};

class VmPolicy final : public CompiledPolicy {
 public:
  VmPolicy(std::shared_ptr<const Policy> policy, compiler::CompiledProgram program,
           std::shared_ptr<const vm::BuiltinTable> builtins)
      : policy_(std::move(policy)), program_(std::move(program)), builtins_(std::move(builtins)) {}

  std::shared_ptr<const PreparedPlan> prepare(std::shared_ptr<const Query> query,
                                              runtime::Diagnostics& diags) const override {
    compiler::QueryOptions qopts;
    qopts.sources = &query->sources;
    qopts.enable_print_statements = true;
    auto compiled = compiler::compile_query(program_, compiler::ast::clone(query->body), qopts, diags);
    if (!compiled.ok()) {
      if (diags.empty()) diags.add(compiled.error());
      return nullptr;
    }
    compiler::plan::QuerySpec spec;
    spec.decision_plan_name = kDecisionPlan;
    spec.result_vars = compiled.value().result_vars;
    for (size_t i : query->listed) spec.listed.push_back(query->body[i].loc);
    spec.sources = {&policy_->sources, &query->sources};
    std::shared_ptr<compiler::plan::TracePlan> trace;
    if (query->trace || trace_plans()) {
      trace = std::make_shared<compiler::plan::TracePlan>();
      spec.trace = trace.get();
      spec.query_rewritten_vars = &compiled.value().rewritten_vars;
    }
    auto policy = compiler::plan::plan_query(program_, compiled.value().body, spec);
    if (!policy.ok()) {
      diags.add(policy.error());
      return nullptr;
    }
    ir::Policy plan = std::move(policy).value();
    // For reading what the planner made of a query (docs/ir.md has the text form).
    if (std::getenv("ARCANE_DUMP_PLANS") != nullptr) std::fputs(ir::print_policy(plan).c_str(), stderr);
    const bool check_plans = std::getenv("ARCANE_CHECK_PLANS") != nullptr;
    if (check_plans) {
      // The serialized form must load back to the same plan: run the loaded one.
      auto loaded = ir::load_policy(ir::save_policy(plan));
      if (!loaded.ok()) {
        diags.add(loaded.error());
        return nullptr;
      }
      plan = std::move(loaded).value();
    }
    auto builtins = trace ? traced_builtins(builtins_) : builtins_;
    vm::LowerOptions lowering;
    if (check_plans) lowering.definite_assignment = true;  // also in release builds
    auto program = vm::Program::lower(plan, *builtins, lowering);
    if (!program.ok()) {
      diags.add(program.error());
      return nullptr;
    }
    // The interpreter's code for it (vm/opcodes.h), to see what the lowering made.
    if (std::getenv("ARCANE_DUMP_CODE") != nullptr) std::fputs(program.value()->disassemble().c_str(), stderr);
    std::map<std::string, std::string> rewritten = program_.rewritten_vars;
    for (const auto& [k, v] : compiled.value().rewritten_vars) rewritten[k] = v;
    return std::make_shared<VmPlan>(policy_, std::move(builtins), std::move(program).value(), std::move(rewritten),
                                    std::move(trace));
  }

 private:
  std::shared_ptr<const Policy> policy_;
  compiler::CompiledProgram program_;
  std::shared_ptr<const vm::BuiltinTable> builtins_;  // lowered programs point into it
};

class VmEvaluator final : public Evaluator {
 public:
  std::shared_ptr<const CompiledPolicy> compile(std::shared_ptr<const Policy> policy,
                                                runtime::Diagnostics& diags) const override {
    std::vector<compiler::ast::Module> modules;
    modules.reserve(policy->modules.size());
    for (const auto& m : policy->modules) modules.push_back(compiler::ast::clone(m));
    compiler::CompileOptions options;
    const auto& caps = policy->options.capabilities;
    options.builtins = caps ? CapabilitiesAccess::state(*caps).builtins : compiler::builtins_from_stdlib();
    if (!policy->custom_builtins.empty()) {
      options.builtins = with_custom_builtins(*options.builtins, policy->custom_builtins);
    }
    options.sources = &policy->sources;
    options.enable_print_statements = true;
    auto program = compiler::compile(std::move(modules), options, diags);
    if (!program.ok()) {
      if (diags.empty()) diags.add(program.error());
      return nullptr;
    }
    if (!diags.empty()) return nullptr;
    // The engine's own built-ins over the stdlib's; the policy owns the declarations.
    auto builtins = vm_builtins(policy->custom_builtins);
    return std::make_shared<VmPolicy>(policy, std::move(program).value(), std::move(builtins));
  }
};

}  // namespace

std::shared_ptr<const Evaluator> vm_evaluator() {
  static const std::shared_ptr<const Evaluator> evaluator = std::make_shared<VmEvaluator>();
  return evaluator;
}

}  // namespace arcane::api
