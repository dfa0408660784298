// JSON Schema (drafts 4, 6 and 7) the way OPA's vendored gojsonschema reads and applies
// it, for json.verify_schema and json.match_schema.
//
// A schema without "$schema" is read in gojsonschema's hybrid mode, where every draft's
// keywords apply (draft 4's boolean exclusiveMinimum and draft 6's numeric one alike);
// "$schema" naming draft 4, 6 or 7 restricts the keywords to that draft. Schema errors
// and validation errors use gojsonschema's English locale, type names and contexts
// ("(root)", "(root).a.0"). Where gojsonschema iterates Go maps (properties, pattern
// properties, object members) and so reports errors in a random order, we use key order.
// References resolve within the document ("#", JSON pointers, ids); nothing is fetched.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "runtime/value.h"

namespace arcane::stdlib::json_schema {

struct SubSchema;

// One validation error as gojsonschema's ResultError describes it.
struct ResultError {
  std::string type;         // "invalid_type", "required", ...
  std::string field;        // "id", "(root)", "a.0"
  std::string description;  // "Invalid type. Expected: integer, given: string"
  std::string text() const { return field + ": " + description; }  // ResultError.String()
};

class Schema {
 public:
  // The compiled schema, or gojsonschema's error text.
  static std::variant<std::shared_ptr<const Schema>, std::string> compile(const runtime::Value& doc);
  std::vector<ResultError> validate(const runtime::Value& doc) const;

  ~Schema();
  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace arcane::stdlib::json_schema
