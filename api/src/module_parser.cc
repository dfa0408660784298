#include "api/src/module_parser.h"

#include <string>

#include "compiler/ast/ast_json.h"
#include "compiler/parse/parser.h"
#include "runtime/json_reader.h"

namespace arcane::api {

namespace {

stdlib::BuiltinResult parse(std::string_view file, std::string_view text) {
  constexpr std::string_view kName = "rego.parse_module: ";
  runtime::SourceSet sources;
  uint32_t id = sources.add(std::string(file), std::string(text));
  runtime::Diagnostics diags;
  auto module = compiler::parse_module(sources, id, compiler::ParseOptions{}, diags);
  if (!module.ok() || !diags.empty()) {
    if (diags.empty()) diags.add(module.error());
    // OPA's ast.Errors text: "N error(s) occurred: file:row: code: message", one per line.
    std::string message(kName);
    message += diags.size() == 1 ? "1 error occurred: " : std::to_string(diags.size()) + " errors occurred:\n";
    for (size_t i = 0; i < diags.size(); ++i) {
      if (i > 0) message += "\n";
      message += runtime::render_human(diags.items()[i], sources, runtime::RenderStyle::kOpa, false);
    }
    return stdlib::BuiltinError{"eval_builtin_error", std::move(message)};
  }
  auto value = runtime::parse_json(compiler::ast::to_json(module.value(), sources));
  if (!value.ok()) return stdlib::BuiltinError{"eval_internal_error", std::string(kName) + value.error().message};
  return value.value();
}

}  // namespace

const stdlib::BuiltinContext::ModuleParser& rego_module_parser() {
  static const stdlib::BuiltinContext::ModuleParser parser = parse;
  return parser;
}

}  // namespace arcane::api
