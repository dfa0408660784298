#include "api/src/evaluator.h"

namespace arcane::api {

std::optional<std::string> PreparedPlan::user_name(std::string_view compiled) const {
  if (compiled.empty() || compiled.front() == '$' || compiled.rfind("__local", 0) == 0) return std::nullopt;
  return std::string(compiled);
}

RawDecision PreparedPlan::decide(const EvalRequest& request) const {
  RawResult r = eval(request);
  RawDecision d;
  d.error = std::move(r.error);
  if (!r.rows.empty()) {
    RawRow& row = r.rows.front();
    d.value = row.expressions.empty() ? runtime::Value::boolean(true) : std::move(row.expressions.front());
  }
  return d;
}

std::vector<size_t> listed_expressions(const compiler::ast::Body& body) {
  std::vector<size_t> out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (!std::holds_alternative<compiler::ast::SomeDecl>(body[i].terms)) out.push_back(i);
  }
  return out;
}

std::shared_ptr<const Evaluator> default_evaluator() {
  // THE SEAM: the compiler pipeline, the planner and the bytecode interpreter.
  return vm_evaluator();
}

}  // namespace arcane::api
