// arcane::partial_eval: the policy compiled again for the partial evaluator (which works
// on the compiled AST, not on the plan the VM runs), the query and the unknowns parsed in
// their own source set, and the partial result printed as Rego and as OPA's AST JSON.
#include "arcane/partial.h"

#include <algorithm>
#include <exception>
#include <optional>

#include "api/src/capabilities_state.h"
#include "api/src/custom_builtins.h"
#include "api/src/engine_state.h"
#include "api/src/errors.h"
#include "compiler/ast/ast_json.h"
#include "compiler/compile/pipeline.h"
#include "compiler/compile/stdlib_builtins.h"
#include "compiler/parse/parser.h"
#include "compiler/partial/partial_eval.h"
#include "compiler/partial/rego_format.h"

namespace arcane {

namespace ast = compiler::ast;

namespace {

// The program as the engine's evaluator compiles it (same built-ins, same options).
runtime::Result<compiler::CompiledProgram> compile_policy(const api::Policy& policy, runtime::Diagnostics& diags) {
  std::vector<ast::Module> modules;
  for (const auto& m : policy.modules) modules.push_back(compiler::ast::clone(m));
  compiler::CompileOptions options;
  const auto& caps = policy.options.capabilities;
  options.builtins = caps ? api::CapabilitiesAccess::state(*caps).builtins : compiler::builtins_from_stdlib();
  if (!policy.custom_builtins.empty()) {
    options.builtins = api::with_custom_builtins(*options.builtins, policy.custom_builtins);
  }
  options.sources = &policy.sources;
  return compiler::compile(std::move(modules), options, diags);
}

// An engine built for partial evaluation only keeps the compiled AST the partial evaluator
// works on, and plans nothing (see use_for_partial_evaluation).
class AstPolicy final : public api::CompiledPolicy {
 public:
  explicit AstPolicy(compiler::CompiledProgram program) : program_(std::move(program)) {}
  std::shared_ptr<const api::PreparedPlan> prepare(std::shared_ptr<const api::Query> query,
                                                   runtime::Diagnostics& diags) const override {
    diags.add({"", "this engine was built for partial evaluation only", query->body.empty() ? runtime::Location{} : query->body[0].loc, {}});
    return nullptr;
  }
  const compiler::CompiledProgram& program() const { return program_; }

 private:
  compiler::CompiledProgram program_;
};

class AstEvaluator final : public api::Evaluator {
 public:
  std::shared_ptr<const api::CompiledPolicy> compile(std::shared_ptr<const api::Policy> policy,
                                                     runtime::Diagnostics& diags) const override {
    auto program = compile_policy(*policy, diags);
    if (!program.ok()) {
      if (diags.empty()) diags.add(program.error());
      return nullptr;
    }
    if (!diags.empty()) return nullptr;
    return std::make_shared<AstPolicy>(std::move(program).value());
  }
};

// Re-indents a two-space-indented JSON fragment to sit `depth` levels deep.
std::string nest(const std::string& json, int depth) {
  std::string pad(static_cast<size_t>(depth) * 2, ' ');
  std::string out;
  for (char c : json) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

Result<PartialResult> run(const Engine& engine, std::string_view text, const PartialOptions& options) {
  const auto& state = api::BuilderAccess::state(engine);
  const api::Policy& policy = *state->policy;
  runtime::SourceSet sources;
  for (size_t i = 0; i < policy.sources.size(); ++i) sources.add("", "");
  uint32_t file = sources.add("", std::string(text));
  api::SourceLookup lookup{&policy.sources, &sources, file};
  runtime::Diagnostics diags(std::max<size_t>(policy.options.max_errors, 1));
  auto report = [&](const runtime::Diagnostic* d) -> Result<PartialResult> {
    if (!diags.empty()) return api::to_errors(diags, lookup);
    if (d != nullptr) return api::to_error(*d, lookup);
    return api::internal_error("partial evaluation failed without a diagnostic");
  };

  compiler::ParseOptions parse;
  parse.experimental_keywords = policy.options.experimental_keywords;
  auto body = compiler::parse_query(sources, file, parse, diags);
  if (!body.ok() || !diags.empty()) return report(body.ok() ? nullptr : &body.error());

  compiler::partial::PartialOptions popts;
  std::vector<std::string> unknowns = options.unknowns.empty() ? std::vector<std::string>{"input"} : options.unknowns;
  for (const auto& u : unknowns) {
    uint32_t ufile = sources.add("", u);
    auto term = compiler::parse_term(sources, ufile, parse, diags);
    if (!term.ok() || !diags.empty()) return report(term.ok() ? nullptr : &term.error());
    std::vector<ast::Term> ref;
    if (const auto* r = ast::get_if<ast::Ref>(term.value())) {
      for (const auto& p : r->parts) ref.push_back(ast::clone(p));
    } else if (ast::get_if<ast::Var>(term.value()) != nullptr) {
      ref.push_back(ast::clone(term.value()));
    }
    const auto* root = ref.empty() ? nullptr : ast::get_if<ast::Var>(ref[0]);
    if (root == nullptr || (root->name != "input" && root->name != "data")) {
      return api::loading_error("invalid unknown " + u + ": must be a ref rooted at input or data");
    }
    popts.unknowns.push_back(std::move(ref));
  }

  // The engine's own program when it was built for partial evaluation; otherwise the
  // policy compiled again (the VM evaluator keeps its program to itself).
  std::optional<compiler::CompiledProgram> own;
  const compiler::CompiledProgram* program = nullptr;
  if (const auto* ast_policy = dynamic_cast<const AstPolicy*>(state->compiled.get())) {
    program = &ast_policy->program();
  } else {
    auto compiled_policy = compile_policy(policy, diags);
    if (!compiled_policy.ok() || !diags.empty()) {
      return report(compiled_policy.ok() ? nullptr : &compiled_policy.error());
    }
    own.emplace(std::move(compiled_policy).value());
    program = &*own;
  }
  compiler::QueryOptions qopts;
  qopts.sources = &sources;
  auto compiled = compiler::compile_query(*program, std::move(body).value(), qopts, diags);
  if (!compiled.ok() || !diags.empty()) return report(compiled.ok() ? nullptr : &compiled.error());

  popts.query_vars = compiled.value().result_vars;
  popts.rename = compiled.value().rewritten_vars;
  popts.disable_inlining = options.disable_inlining;
  popts.data = &policy.data;
  popts.input = options.input ? &*options.input : nullptr;
  auto partial = compiler::partial::partial_eval(*program, compiled.value().body, popts);
  if (!partial.ok()) return report(&partial.error());

  PartialResult out;
  runtime::SourceSet none;
  for (const auto& q : partial.value().queries) {
    out.queries.push_back(compiler::partial::format_query(q));
    out.queries_json.push_back(ast::to_json(q));
  }
  for (const auto& m : partial.value().support) {
    out.support.push_back(compiler::partial::format_module(m));
    out.support_json.push_back(ast::to_json(m, none));
  }
  return out;
}

}  // namespace

void use_for_partial_evaluation(EngineBuilder& builder) {
  static const std::shared_ptr<const api::Evaluator> evaluator = std::make_shared<AstEvaluator>();
  api::set_evaluator(builder, evaluator);
}

Result<PartialResult> partial_eval(const Engine& engine, std::string_view query, const PartialOptions& options) {
  try {
    return run(engine, query, options);
  } catch (const std::exception& e) {
    return api::internal_error(e.what());
  } catch (...) {
    return api::internal_error("unknown exception");
  }
}

std::string to_opa_json(const PartialResult& result) {
  std::string out = "{\n  \"partial\": {";
  bool first = true;
  auto list = [&](const char* key, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out += first ? "\n" : ",\n";
    first = false;
    out += std::string("    \"") + key + "\": [";
    for (size_t i = 0; i < items.size(); ++i) out += (i > 0 ? ",\n      " : "\n      ") + nest(items[i], 3);
    out += "\n    ]";
  };
  list("queries", result.queries_json);
  list("support", result.support_json);
  out += first ? "}\n}" : "\n  }\n}";
  return out;
}

}  // namespace arcane
