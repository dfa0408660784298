// Helpers for the built-in tests: build operands from JSON, call a built-in through the
// table by name, and read results back as JSON (sets become sorted arrays, numbers keep
// their text) or as the exact error.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/json_reader.h"
#include "runtime/json_writer.h"
#include "runtime/value_builder.h"
#include "stdlib/builtin.h"
#include "stdlib/context.h"

namespace arcane::stdlib::testing {

inline runtime::Value json(std::string_view text) {
  runtime::Result<runtime::Value> v = runtime::parse_json(std::string(text));
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? v.value() : runtime::Value();
}

// A set from a JSON array.
inline runtime::Value set(std::string_view array_text) {
  runtime::Value a = json(array_text);
  runtime::SetBuilder b;
  for (const runtime::Value& v : a.elements()) b.insert(v);
  return b.build();
}

inline runtime::Value num(std::string_view text) {
  return runtime::Value::from_number(*runtime::Number::from_text(text));
}
inline runtime::Value str(std::string_view s) {
  return runtime::Value::from_string(s);
}

inline BuiltinResult call(BuiltinContext& ctx, std::string_view name, std::vector<runtime::Value> args) {
  const Builtin* b = find_builtin(name);
  EXPECT_NE(b, nullptr) << name;
  if (b == nullptr) return BuiltinResult::undefined();
  return invoke(*b, ctx, args);
}

inline BuiltinResult call(std::string_view name, std::vector<runtime::Value> args) {
  BuiltinContext ctx(0);
  ctx.set_print_sink(nullptr);
  return call(ctx, name, std::move(args));
}

// The result as JSON text, "<undefined>", or "<code: message>".
inline std::string show(const BuiltinResult& r) {
  if (r.is_undefined()) return "<undefined>";
  if (r.is_error()) return "<" + r.error().code + ": " + r.error().message + ">";
  return runtime::to_json(r.value());
}

inline std::string type_error(std::string_view message) {
  return "<eval_type_error: " + std::string(message) + ">";
}
inline std::string builtin_error(std::string_view message) {
  return "<eval_builtin_error: " + std::string(message) + ">";
}

}  // namespace arcane::stdlib::testing
