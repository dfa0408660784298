#include "api/src/evaluator.h"

namespace arcane::api {

std::optional<std::string> PreparedPlan::user_name(std::string_view compiled) const {
  if (compiled.empty() || compiled.front() == '$' || compiled.rfind("__local", 0) == 0) return std::nullopt;
  return std::string(compiled);
}

std::vector<size_t> listed_expressions(const compiler::ast::Body& body) {
  std::vector<size_t> out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (!std::holds_alternative<compiler::ast::SomeDecl>(body[i].terms)) out.push_back(i);
  }
  return out;
}

namespace {

// Stands in for compiler + planner + VM until they are connected: compiling and preparing
// succeed (parse errors are still reported by the API), evaluating reports the gap.
class UnavailablePlan final : public PreparedPlan {
 public:
  RawResult eval(const EvalRequest&) const override {
    RawResult r;
    r.error = runtime::Diagnostic{kEvalInternalError, "evaluation is not available yet", {}, {}};
    return r;
  }
};

class UnavailablePolicy final : public CompiledPolicy {
 public:
  std::shared_ptr<const PreparedPlan> prepare(std::shared_ptr<const Query>, runtime::Diagnostics&) const override {
    return std::make_shared<UnavailablePlan>();
  }
};

class UnavailableEvaluator final : public Evaluator {
 public:
  std::shared_ptr<const CompiledPolicy> compile(std::shared_ptr<const Policy>, runtime::Diagnostics&) const override {
    return std::make_shared<UnavailablePolicy>();
  }
};

}  // namespace

std::shared_ptr<const Evaluator> default_evaluator() {
  // THE SEAM. When the planner lands, return the evaluator that runs the compiler pipeline
  // on Policy::modules (compile), plans each Query against it (prepare) and runs the plan
  // on the VM (eval), per the contract in evaluator.h.
  static const std::shared_ptr<const Evaluator> evaluator = std::make_shared<UnavailableEvaluator>();
  return evaluator;
}

}  // namespace arcane::api
