// A stand-in for compiler + planner + VM behind the evaluator seam (api/src/evaluator.h),
// for tests of everything around evaluation: the API's plumbing and the conformance
// runner. The test gives a function from (policy, query, request) to raw rows or an error;
// the fake records what it was asked to compile so tests can check what reached the seam.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "api/src/evaluator.h"

namespace arcane::testing {

struct FakeCall {
  const api::Policy& policy;
  const api::Query& query;
  const api::EvalRequest& request;
};

using FakeHandler = std::function<api::RawResult(const FakeCall&)>;

class FakeEvaluator final : public api::Evaluator, public std::enable_shared_from_this<FakeEvaluator> {
 public:
  explicit FakeEvaluator(FakeHandler handler) : handler_(std::move(handler)) {}

  // Optional failure injection: diagnostics to report from compile() / prepare().
  std::vector<runtime::Diagnostic> compile_errors;
  std::function<std::vector<runtime::Diagnostic>(const api::Query&)> prepare_errors;

  std::shared_ptr<const api::CompiledPolicy> compile(std::shared_ptr<const api::Policy> policy,
                                                     runtime::Diagnostics& diags) const override {
    ++compiles_;
    {
      std::lock_guard<std::mutex> lock(mu_);
      last_policy_ = policy;
    }
    for (const auto& d : compile_errors) diags.add(d);
    if (!compile_errors.empty()) return nullptr;
    return std::make_shared<Compiled>(shared_from_this(), std::move(policy));
  }

  std::shared_ptr<const api::Policy> last_policy() const {
    std::lock_guard<std::mutex> lock(mu_);
    return last_policy_;
  }
  int compiles() const { return compiles_; }
  int evals() const { return evals_; }

 private:
  class Plan final : public api::PreparedPlan {
   public:
    Plan(std::shared_ptr<const FakeEvaluator> owner, std::shared_ptr<const api::Policy> policy,
         std::shared_ptr<const api::Query> query)
        : owner_(std::move(owner)), policy_(std::move(policy)), query_(std::move(query)) {}
    api::RawResult eval(const api::EvalRequest& request) const override {
      ++owner_->evals_;
      return owner_->handler_(FakeCall{*policy_, *query_, request});
    }
    std::optional<std::string> user_name(std::string_view compiled) const override {
      // Pretend the compiler renamed `x := ...` to `__localq0__`.
      if (compiled == "__localq0__") return std::string("x");
      return PreparedPlan::user_name(compiled);
    }

   private:
    std::shared_ptr<const FakeEvaluator> owner_;
    std::shared_ptr<const api::Policy> policy_;
    std::shared_ptr<const api::Query> query_;
  };

  class Compiled final : public api::CompiledPolicy {
   public:
    Compiled(std::shared_ptr<const FakeEvaluator> owner, std::shared_ptr<const api::Policy> policy)
        : owner_(std::move(owner)), policy_(std::move(policy)) {}
    std::shared_ptr<const api::PreparedPlan> prepare(std::shared_ptr<const api::Query> query,
                                                     runtime::Diagnostics& diags) const override {
      if (owner_->prepare_errors) {
        auto errors = owner_->prepare_errors(*query);
        for (const auto& d : errors) diags.add(d);
        if (!errors.empty()) return nullptr;
      }
      return std::make_shared<Plan>(owner_, policy_, std::move(query));
    }

   private:
    std::shared_ptr<const FakeEvaluator> owner_;
    std::shared_ptr<const api::Policy> policy_;
  };

  FakeHandler handler_;
  mutable std::mutex mu_;
  mutable std::shared_ptr<const api::Policy> last_policy_;
  mutable std::atomic<int> compiles_{0};
  mutable std::atomic<int> evals_{0};
};

inline std::shared_ptr<FakeEvaluator> make_fake(FakeHandler handler) {
  return std::make_shared<FakeEvaluator>(std::move(handler));
}

// A raw row with the given bindings and expression values.
inline api::RawRow raw_row(std::vector<std::pair<std::string, runtime::Value>> bindings,
                           std::vector<runtime::Value> expressions = {}) {
  return api::RawRow{std::move(bindings), std::move(expressions)};
}

}  // namespace arcane::testing
