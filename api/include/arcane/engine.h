// The embedding API: build an Engine once from policies and data, prepare a query once,
// evaluate it many times, from many threads.
//
//   arcane::EngineBuilder builder;
//   builder.add_path("policies/")     // as `opa eval -d`: .rego modules, .json/.yaml data
//          .add_bundle("bundle/");    // as `opa eval -b`: a bundle directory
//   arcane::Result<arcane::Engine> engine = builder.build();
//   if (!engine) return report(engine.errors());
//   auto query = engine->prepare("data.authz.allow");
//   if (!query) return report(query.errors());
//   arcane::EvalOptions options;
//   options.input = input;
//   arcane::EvalResult result = query->eval(options);
//
// Why this shape: policy sets are large and change rarely, decisions are many and come from
// many threads. So all the work that does not depend on the input (parsing, loading and
// merging data, compiling the modules, planning the query) happens in build() and
// prepare(), and what they return is immutable and shared: Engine and PreparedQuery are
// cheap handles, copyable, and their const methods may run concurrently. Nothing here
// throws; failures come back as Result errors (building, preparing) or as
// EvalResult::error (evaluating), with OPA's codes and messages.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "arcane/builtin.h"
#include "arcane/capabilities.h"
#include "arcane/error.h"
#include "arcane/metrics.h"
#include "arcane/result_set.h"
#include "arcane/trace.h"
#include "arcane/value.h"

namespace arcane {

namespace api {
struct EngineState;
struct QueryState;
struct BuilderAccess;
}  // namespace api

enum class RegoVersion : uint8_t { kV0, kV1 };

struct EngineOptions {
  // Syntax of the modules (a bundle's manifest may set its own). v0 still honours
  // `import rego.v1` and `import future.keywords...` per file.
  RegoVersion rego_version = RegoVersion::kV1;
  // Allow OPA's experimental `import future.keywords.and` / `.or`.
  bool experimental_keywords = false;
  // The default of EvalOptions::strict_builtin_errors.
  bool strict_builtin_errors = false;
  // At most this many errors are reported by build() and prepare().
  size_t max_errors = 10;
  // The built-ins policies and queries may call (arcane/capabilities.h); absent: every
  // built-in of this build. A call to one it lacks is `rego_type_error: undefined function`.
  std::optional<Capabilities> capabilities;
};

class Engine;
class PreparedQuery;

// Collects what an engine is made of; build() reads the files and parses everything, so
// the add_* calls only record and never fail. Later modules replace earlier ones of the
// same name, as in OPA.
class EngineBuilder {
 public:
  explicit EngineBuilder(EngineOptions options = {});
  ~EngineBuilder();
  EngineBuilder(EngineBuilder&&) noexcept;
  EngineBuilder& operator=(EngineBuilder&&) noexcept;

  // A Rego module; `name` is its file name in messages (e.g. "policy.rego").
  EngineBuilder& add_module(std::string name, std::string text);
  // A base document: an object merged into `data` (two values at one path are an error).
  EngineBuilder& add_data(Value document);
  // As `opa eval -d PATH`: a file, or a directory walked recursively. .rego files are
  // modules; .json/.yaml/.yml files are data mounted at their directory's path relative to
  // PATH (a file at the top merges into data itself). `a.b:PATH` mounts under data.a.b.
  EngineBuilder& add_path(std::string path);
  // As `opa eval -b PATH`: a bundle directory. Only data.json / data.yaml / data.yml are
  // data, mounted at their directory; .manifest roots are enforced and its rego_version
  // honoured; the bundle owns its roots, replacing whatever other data is there.
  EngineBuilder& add_bundle(std::string path);

  // A built-in function of the service's own (arcane/builtin.h): type-checked, planned
  // and called like OPA's, for this engine only. One of the same name replaces the
  // earlier one (or a standard built-in). A bad declaration fails build().
  EngineBuilder& add_builtin(CustomBuiltin builtin);

  // Loads, parses and compiles. Errors: unreadable or malformed files and bundles (no
  // code), module parse errors (rego_parse_error, located), compile errors. With
  // `metrics`, the time of loading files, parsing and compiling modules is added to it.
  Result<Engine> build(Metrics* metrics = nullptr) const;

 private:
  friend struct api::BuilderAccess;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct PrepareOptions {
  // Queries are Rego v1 in OPA 1.x whatever the modules' version.
  RegoVersion rego_version = RegoVersion::kV1;
  // If set, the time of parsing and of compiling (and planning) the query is added to it.
  Metrics* metrics = nullptr;
  // Plan the query with trace points, so evaluations given an EvalOptions::tracer report
  // OPA's trace events (arcane/trace.h). Off, the plan has no trace code at all.
  bool trace = false;
};

class Engine {
 public:
  // Parses and plans a query: expressions separated by `;` or newlines. Errors are located
  // in the query, whose file name is empty (as in OPA).
  Result<PreparedQuery> prepare(std::string_view query, const PrepareOptions& options = {}) const;

  // The base document: every data file and add_data() merged (rules are not in it).
  const Value& data() const;
  // The modules' file names, in the order they were added.
  std::vector<std::string> module_names() const;
  const EngineOptions& options() const;

 private:
  friend struct api::BuilderAccess;
  explicit Engine(std::shared_ptr<const api::EngineState> state) : state_(std::move(state)) {}
  std::shared_ptr<const api::EngineState> state_;
};

enum class BindingNames : uint8_t {
  // As OPA's rego.ResultSet: the variables the query names, under their own names;
  // compiler-generated and wildcard variables are left out.
  kUser,
  // As OPA's topdown evaluator reports rows (what OPA's conformance runner compares):
  // every variable bound at the top level of the compiled query, under its compiled name,
  // generated ones included.
  kCompiled,
};

// Limits that stop a runaway evaluation with `eval_cancel_error` (0: no limit).
struct EvalLimits {
  uint64_t max_instructions = 0;           // interpreter instructions
  std::chrono::nanoseconds max_time{0};    // wall time of one evaluation
  uint32_t max_call_depth = 10000;         // nested rule and function calls
  const std::atomic<bool>* cancel = nullptr;  // set from any thread to stop the evaluation
};

struct EvalOptions {
  std::optional<Value> input;                 // absent: `input` is undefined
  std::optional<bool> strict_builtin_errors;  // absent: the engine's default
  BindingNames binding_names = BindingNames::kUser;
  EvalLimits limits;
  // If set, the time of the evaluation is added to it (timer_rego_query_eval_ns).
  Metrics* metrics = nullptr;
  // Receives this evaluation's trace events, in order, once it has finished; only a query
  // prepared with PrepareOptions::trace has any (arcane/trace.h).
  Tracer* tracer = nullptr;
};

class PreparedQuery {
 public:
  // Evaluates the query; thread-safe. Never throws.
  EvalResult eval(const EvalOptions& options = {}) const;
  // The decision path: the value of the query's first expression in its first row (for
  // the usual one-reference query such as `data.authz.allow`, its value), without building
  // result rows; evaluation stops at that first row. A warm call over pre-decoded input
  // allocates nothing of its own (only what the policy's own expressions build). Same
  // errors and limits as eval(); thread-safe; never throws. `binding_names` is ignored.
  Decision decide(const EvalOptions& options = {}) const;
  const std::string& text() const;

 private:
  friend struct api::BuilderAccess;
  explicit PreparedQuery(std::shared_ptr<const api::QueryState> state) : state_(std::move(state)) {}
  std::shared_ptr<const api::QueryState> state_;
};

// An input document from a file, as `opa eval -i` reads it: JSON, or YAML (YAML 1.1).
// Errors name the file: `open missing.json: no such file or directory`, or
// `input.json:3:7: <cause>` for malformed content.
Result<Value> load_input_file(const std::string& path);

}  // namespace arcane
