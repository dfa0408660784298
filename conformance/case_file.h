// OPA's conformance cases, read as OPA's runner reads them (FORMAT.md §1–§2).
//
// A case file is YAML (YAML 1.1 scalar rules, numbers kept exact: runtime/yaml_reader.h)
// holding `cases:`, a list of case mappings. OPA decodes each file into typed Go structs,
// so a field of the wrong type makes the whole file unreadable, `null` means absent, and
// unknown keys are ignored; the same here. A case is identified by its file and index
// (`v1/aggregates/test-aggregates-0001.yaml#0`), since notes are not unique.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "arcane/engine.h"
#include "arcane/value.h"

namespace arcane::conformance {

struct Case {
  std::string id;    // file + "#" + index
  std::string file;  // relative to the suite root, starting with the tree: "v1/topic/name.yaml"
  size_t index = 0;
  std::string topic;                       // the folder: "v1/topic" ("v1" for a file at the top of a tree)
  RegoVersion version = RegoVersion::kV1;  // the tree's: v0/ is Rego v0, anything else v1

  std::string note;
  std::string query;
  std::vector<std::string> modules;
  std::optional<Value> data;  // an object
  std::optional<Value> input;
  std::optional<std::string> input_term;
  std::optional<Value> want_result;  // an array of objects, as written
  std::optional<std::string> want_error_code;
  std::optional<std::string> want_error;
  bool strict_error = false;
  bool sort_bindings = false;
  bool ignore_generated_vars = false;
  bool experimental_keywords = false;
  std::vector<std::pair<std::string, std::string>> env;
};

struct CaseFile {
  std::string file;
  std::vector<Case> cases;
  std::optional<std::string> error;  // the file could not be read; it has no cases
};

// Parses the text of `file` (relative to the suite root, e.g. "v1/topic/name.yaml").
CaseFile parse_case_file(std::string_view text, const std::string& file);

// The case files under root/subpath (a tree, a topic folder or one file), as paths
// relative to root, sorted. Every regular file counts, whatever its extension (as in OPA).
// False with `error` if root/subpath does not exist.
bool list_case_files(const std::string& root, const std::string& subpath, std::vector<std::string>& out,
                     std::string& error);

}  // namespace arcane::conformance
