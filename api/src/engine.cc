// EngineBuilder and Engine: loading, parsing and merging everything an engine is made of,
// then handing it to the evaluator to compile.
#include <chrono>
#include <exception>
#include <variant>

#include "api/src/bundle_loader.h"
#include "api/src/custom_builtins.h"
#include "api/src/documents.h"
#include "api/src/engine_state.h"
#include "api/src/errors.h"
#include "api/src/module_set.h"
#include "api/src/path_loader.h"
#include "api/src/phase_timer.h"

namespace arcane {

using api::Policy;
using runtime::Value;

namespace {

struct ModuleInput {
  std::string name;
  std::string text;
};
struct DataInput {
  Value document;
};
struct PathInput {
  std::string path;
};
using Input = std::variant<ModuleInput, DataInput, PathInput>;

compiler::ParseOptions parse_options(const EngineOptions& o) {
  compiler::ParseOptions p;
  p.version = o.rego_version == RegoVersion::kV0 ? compiler::RegoVersion::V0 : compiler::RegoVersion::V1;
  p.experimental_keywords = o.experimental_keywords;
  return p;
}

}  // namespace

struct EngineBuilder::Impl {
  EngineOptions options;
  std::vector<Input> inputs;         // modules, data and -d paths, in the order given
  std::vector<std::string> bundles;  // activated after everything else, as OPA does
  std::vector<CustomBuiltin> builtins;
  std::shared_ptr<const api::Evaluator> evaluator;

  Result<Engine> build(Metrics* metrics) const;
  // Returns the part of the loading time spent parsing modules.
  std::chrono::nanoseconds load(Policy& policy, runtime::Diagnostics& diags) const;
};

std::chrono::nanoseconds EngineBuilder::Impl::load(Policy& policy, runtime::Diagnostics& diags) const {
  compiler::ParseOptions parse = parse_options(options);
  api::ModuleSet modules(policy, diags);
  Value documents = Value::empty_object();
  for (const auto& input : inputs) {
    if (const auto* m = std::get_if<ModuleInput>(&input)) {
      modules.add(m->name, m->text, parse);
    } else if (const auto* d = std::get_if<DataInput>(&input)) {
      if (!d->document.is_object()) {
        diags.add({"", "data: document must be of type object", {}, {}});
        continue;
      }
      auto merged = api::merge_documents(documents, d->document);
      if (!merged) {
        diags.add({"", "data: merge error", {}, {}});
        continue;
      }
      documents = std::move(*merged);
    } else {
      api::load_path(std::get<PathInput>(input).path, parse, modules, documents, diags);
    }
  }
  std::vector<api::LoadedBundle> loaded;
  for (const auto& b : bundles) {
    if (auto bundle = api::load_bundle(b, parse, modules, diags)) loaded.push_back(std::move(*bundle));
  }
  if (diags.empty()) api::activate_bundles(loaded, documents, diags);
  policy.data = std::move(documents);
  return modules.parse_time();
}

Result<Engine> EngineBuilder::Impl::build(Metrics* metrics) const {
  auto policy = std::make_shared<Policy>();
  policy->options = options;
  runtime::Diagnostics diags(options.max_errors == 0 ? 1 : options.max_errors);
  for (const CustomBuiltin& b : builtins) {
    if (auto problem = api::check_custom_builtin(b)) return api::loading_error(*problem);
  }
  policy->custom_builtins = builtins;
  {
    // OPA times parsing apart from the rest of loading (reading files, decoding data).
    auto started = std::chrono::steady_clock::now();
    std::chrono::nanoseconds parsing = load(*policy, diags);
    if (metrics != nullptr) {
      metrics->add(Metrics::kLoadFiles, std::chrono::steady_clock::now() - started - parsing);
      metrics->add(Metrics::kModuleParse, parsing);
    }
  }
  api::SourceLookup lookup{&policy->sources, nullptr, 0};
  if (!diags.empty()) return api::to_errors(diags, lookup);
  const auto& ev = evaluator ? evaluator : api::default_evaluator();
  api::PhaseTimer compiling(metrics, Metrics::kModuleCompile);
  auto compiled = ev->compile(policy, diags);
  compiling.stop();
  if (!diags.empty() || !compiled) {
    if (diags.empty()) return api::internal_error("the evaluator failed without a diagnostic");
    return api::to_errors(diags, lookup);
  }
  auto state = std::make_shared<api::EngineState>();
  state->policy = std::move(policy);
  state->compiled = std::move(compiled);
  return api::BuilderAccess::make_engine(std::move(state));
}

EngineBuilder::EngineBuilder(EngineOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
}
EngineBuilder::~EngineBuilder() = default;
EngineBuilder::EngineBuilder(EngineBuilder&&) noexcept = default;
EngineBuilder& EngineBuilder::operator=(EngineBuilder&&) noexcept = default;

EngineBuilder& EngineBuilder::add_module(std::string name, std::string text) {
  impl_->inputs.emplace_back(ModuleInput{std::move(name), std::move(text)});
  return *this;
}

EngineBuilder& EngineBuilder::add_data(Value document) {
  impl_->inputs.emplace_back(DataInput{std::move(document)});
  return *this;
}

EngineBuilder& EngineBuilder::add_path(std::string path) {
  impl_->inputs.emplace_back(PathInput{std::move(path)});
  return *this;
}

EngineBuilder& EngineBuilder::add_builtin(CustomBuiltin builtin) {
  impl_->builtins.push_back(std::move(builtin));
  return *this;
}

EngineBuilder& EngineBuilder::add_bundle(std::string path) {
  impl_->bundles.push_back(std::move(path));
  return *this;
}

Result<Engine> EngineBuilder::build(Metrics* metrics) const {
  try {
    return impl_->build(metrics);
  } catch (const std::exception& e) {
    return api::internal_error(e.what());
  } catch (...) {
    return api::internal_error("unknown exception");
  }
}

const Value& Engine::data() const {
  return state_->policy->data;
}

std::vector<std::string> Engine::module_names() const {
  std::vector<std::string> out;
  const Policy& p = *state_->policy;
  for (uint32_t id : p.module_files) out.push_back(p.sources.get(id)->name());
  return out;
}

const EngineOptions& Engine::options() const {
  return state_->policy->options;
}

namespace api {

void BuilderAccess::set_evaluator(EngineBuilder& b, std::shared_ptr<const Evaluator> evaluator) {
  b.impl_->evaluator = std::move(evaluator);
}

void set_evaluator(EngineBuilder& builder, std::shared_ptr<const Evaluator> evaluator) {
  BuilderAccess::set_evaluator(builder, std::move(evaluator));
}

}  // namespace api
}  // namespace arcane
