// Loading `opa eval -d PATH` arguments, as OPA's loader (loader.Filtered) does.
//
// A PATH may be prefixed `a.b:PATH` to mount its documents under data.a.b. A file is
// loaded by extension: .rego is a module, .json / .yaml / .yml a data document; a file
// named directly with any other extension is tried as a module, then JSON, then YAML
// ("can't recognize file type" if none fits). A directory is walked recursively in name
// order; inside it, files of other types are ignored, and each data document is mounted at
// its directory's path relative to PATH (so a file at the top merges into data itself,
// whatever its name). Errors are collected, not fatal, and worded as OPA words them:
//   stat missing: no such file or directory
//   settings.json: document must be of type object        (a top-level non-object)
//   b.json: merge error                                   (two values at one path)
//   registry.json:1:26: unexpected end of input           (our reader's line:col: cause)
#pragma once

#include <string>

#include "api/src/module_set.h"
#include "runtime/diagnostic.h"
#include "runtime/value.h"

namespace arcane::api {

// Loads one -d argument: modules into `modules`, documents merged into `documents` (an
// object).
void load_path(const std::string& arg, const compiler::ParseOptions& options, ModuleSet& modules,
               runtime::Value& documents, runtime::Diagnostics& diags);

// Parses a data file's text by its extension (.json strictly; otherwise JSON if it is JSON,
// else YAML, as OPA's util.Unmarshal); errors are `NAME:line:col: cause`.
runtime::Result<runtime::Value> parse_data_file(const std::string& name, const std::string& text);

}  // namespace arcane::api
