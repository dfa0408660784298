// YAML 1.1 scalar resolution as OPA applies it (internal to the YAML reader).
//
// OPA turns YAML into JSON with sigs.k8s.io/yaml on top of go-yaml v2, so a plain
// (unquoted) scalar is typed by go-yaml v2's YAML 1.1 rules, then the JSON encoder prints
// it: y/yes/on/true... are booleans; ~, null and the empty scalar are null; integers are
// parsed like Go's strconv.ParseInt(s, 0, 64) after removing underscores (so 0x1F, 0o17,
// 017 and 0b101 count), then ParseUint; other numeric-looking text becomes a float64,
// printed the way Go's encoder prints it; everything else (timestamps included) stays a
// string. Quoted and block scalars are always strings. These rules are kept apart from the
// event handling so they can be tested one by one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/value.h"

namespace arcane::runtime::yaml_detail {

struct Scalar {
  enum class Type { kNull, kBool, kInt, kUint, kFloat, kString, kMerge };
  Type type = Type::kString;
  bool b = false;
  int64_t i = 0;
  uint64_t u = 0;
  double f = 0;
  std::string s;
};

// `plain` is false for quoted and block scalars, and for an explicit !!str tag.
Scalar resolve_scalar(std::string_view text, bool plain);

// The value OPA would see; nullopt for NaN and infinities, which JSON cannot carry
// (OPA fails on them too).
std::optional<Value> scalar_value(const Scalar& s);

// A mapping key as sigs.k8s.io/yaml renders it: strings as is, booleans "true"/"false",
// ints in decimal, floats as FormatFloat(f, 'g', -1, 32) with .inf/-.inf/.nan; nullopt for
// types it rejects (null, integers beyond int64).
std::optional<std::string> scalar_key(const Scalar& s);

}  // namespace arcane::runtime::yaml_detail
