// What Engine and PreparedQuery handles share (internal). Immutable once made.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "api/src/evaluator.h"

namespace arcane::api {

struct EngineState {
  std::shared_ptr<const Policy> policy;
  std::shared_ptr<const CompiledPolicy> compiled;
};

struct QueryState {
  std::shared_ptr<const EngineState> engine;
  std::shared_ptr<const Query> query;
  std::shared_ptr<const PreparedPlan> plan;
  // Text and position of each listed expression (Query::listed).
  std::vector<ExpressionValue> sites;
};

// Reaches into the API handles' private parts.
struct BuilderAccess {
  static Engine make_engine(std::shared_ptr<const EngineState> s) { return Engine(std::move(s)); }
  static PreparedQuery make_query(std::shared_ptr<const QueryState> s) { return PreparedQuery(std::move(s)); }
  static const std::shared_ptr<const EngineState>& state(const Engine& e) { return e.state_; }
  static void set_evaluator(EngineBuilder& b, std::shared_ptr<const Evaluator> evaluator);
};

}  // namespace arcane::api
