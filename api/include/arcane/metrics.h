// OPA's metrics: named timers, in nanoseconds, that building an engine, preparing a query
// and evaluating it add to when a caller hands them a Metrics (`opa eval --metrics`).
//
//   arcane::Metrics m;
//   auto engine = builder.build(&m);        // timer_rego_load_files_ns, _module_parse_ns, _module_compile_ns
//   arcane::PrepareOptions p; p.metrics = &m;
//   auto query = engine->prepare(text, p);  // timer_rego_query_parse_ns, _query_compile_ns
//   arcane::EvalOptions e; e.metrics = &m;
//   query->eval(e);                         // timer_rego_query_eval_ns
//
// A Metrics belongs to one caller: it is not synchronised, so give each thread its own.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace arcane {

class Metrics {
 public:
  // The timer names, as OPA spells them.
  static constexpr std::string_view kLoadFiles = "timer_rego_load_files_ns";
  static constexpr std::string_view kModuleParse = "timer_rego_module_parse_ns";
  static constexpr std::string_view kModuleCompile = "timer_rego_module_compile_ns";
  static constexpr std::string_view kQueryParse = "timer_rego_query_parse_ns";
  static constexpr std::string_view kQueryCompile = "timer_rego_query_compile_ns";
  static constexpr std::string_view kQueryEval = "timer_rego_query_eval_ns";

  // Adds `elapsed` to the timer (a phase that runs more than once accumulates).
  void add(std::string_view timer, std::chrono::nanoseconds elapsed);
  // Every timer that was added to, by name.
  const std::map<std::string, uint64_t, std::less<>>& timers() const { return timers_; }
  // {"timer_...":N,...}, compact, in name order.
  std::string to_json() const;
  void clear() { timers_.clear(); }

 private:
  std::map<std::string, uint64_t, std::less<>> timers_;
};

}  // namespace arcane
