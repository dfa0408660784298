// Reading YAML data files into Values, as OPA reads them.
//
// OPA converts YAML to JSON with go-yaml v2 (YAML 1.1 scalar rules) and decodes that
// JSON keeping numbers as text. We parse with yaml-cpp's event API, type each plain scalar
// by the same rules (yaml_scalar.h), stringify non-string mapping keys as OPA does
// (y: becomes "true", 1: becomes "1"), expand anchors and aliases (cheaply: an alias
// shares the anchored Value), and apply `<<` merge keys. Only the first document of a
// stream is read, as go-yaml's Unmarshal does; empty input is null.
//
// Errors are Result diagnostics with code "yaml_parse_error" and "line:col: cause".
#pragma once

#include <cstddef>
#include <string_view>

#include "runtime/result.h"
#include "runtime/value.h"

namespace arcane::runtime {

inline constexpr const char* kYamlParseError = "yaml_parse_error";

struct YamlReadOptions {
  // Collections open at once. yaml-cpp itself gives up at roughly 500 levels (its own
  // recursion guard, reported as an error too), so that is the effective ceiling.
  size_t max_depth = 1000;
};

Result<Value> parse_yaml(std::string_view text, const YamlReadOptions& options = {});

}  // namespace arcane::runtime
