// Building the base document (`data`) out of many data files, as OPA's loader and bundle
// activation do: each file's value is mounted at a path, and mounted values are merged.
// Two values at one path are a conflict unless both are objects, which merge key by key
// (OPA's merge.InterfaceMaps); nothing is overwritten silently.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "runtime/value.h"

namespace arcane::api {

// {path[0]: {path[1]: ... value}}; the value itself for an empty path.
runtime::Value mount(std::span<const std::string> path, runtime::Value value);

// `a` and `b` merged, or nullopt on a conflict. Both must be objects.
std::optional<runtime::Value> merge_documents(const runtime::Value& a, const runtime::Value& b);

// `doc` without whatever is at `path` (unchanged if nothing is); an empty path removes
// everything. For bundle activation, which owns its roots.
runtime::Value remove_path(const runtime::Value& doc, std::span<const std::string> path);

// "a/b/c" -> {"a", "b", "c"}; "" -> {} (Go's strings.Split would give {""}).
std::vector<std::string> split_path(const std::string& path, char sep = '/');

}  // namespace arcane::api
