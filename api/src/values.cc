// The value helpers of arcane/value.h.
#include <exception>

#include "api/src/constant_term.h"
#include "api/src/errors.h"
#include "arcane/value.h"
#include "compiler/parse/parser.h"
#include "runtime/json_reader.h"
#include "runtime/json_writer.h"
#include "runtime/yaml_reader.h"

namespace arcane {

namespace {

Result<Value> from_runtime(runtime::Result<Value> r) {
  if (r.ok()) return std::move(r).value();
  return api::to_error(r.error(), {});
}

}  // namespace

Result<Value> value_from_json(std::string_view text) {
  try {
    return from_runtime(runtime::parse_json(text));
  } catch (const std::exception& e) {
    return api::internal_error(e.what());
  }
}

Result<Value> value_from_yaml(std::string_view text) {
  try {
    return from_runtime(runtime::parse_yaml(text));
  } catch (const std::exception& e) {
    return api::internal_error(e.what());
  }
}

Result<Value> value_from_rego(std::string_view text) {
  try {
    runtime::SourceSet sources;
    uint32_t id = sources.add("", std::string(text));
    runtime::Diagnostics diags;
    auto term = compiler::parse_term(sources, id, compiler::ParseOptions{}, diags);
    api::SourceLookup lookup{&sources, nullptr, 0};
    if (!term.ok() || !diags.empty()) {
      if (diags.empty()) return api::to_error(term.error(), lookup);
      return api::to_errors(diags, lookup);
    }
    auto value = api::constant_value(term.value());
    if (!value.ok()) return api::to_error(value.error(), lookup);
    return std::move(value).value();
  } catch (const std::exception& e) {
    return api::internal_error(e.what());
  }
}

std::string value_to_json(const Value& value, bool indent) {
  runtime::JsonWriteOptions options;
  options.indent = indent;
  return runtime::to_json(value, options);
}

}  // namespace arcane
