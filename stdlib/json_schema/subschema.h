// The compiled form of a JSON Schema (internal to stdlib/json_schema/): one SubSchema per
// schema object, holding gojsonschema's parsed keywords.
#pragma once

#include <climits>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "runtime/number.h"
#include "runtime/value.h"
#include "stdlib/json_schema/schema.h"
#include "stdlib/regex_cache.h"

namespace arcane::stdlib::json_schema {

enum Draft : int { kDraft4 = 4, kDraft6 = 6, kDraft7 = 7, kHybrid = INT_MAX };

// Nesting bound for schemas, documents and reference chains.
inline constexpr int kMaxDepth = 512;

using SubSchemaPtr = std::shared_ptr<SubSchema>;
using Regex = std::shared_ptr<const impl::CompiledRegex>;

// additionalProperties / additionalItems: absent, a boolean, or a schema.
struct Additional {
  bool present = false;
  bool allowed = true;
  SubSchemaPtr schema;
};

struct SubSchema {
  int draft = kHybrid;
  std::optional<bool> pass;         // draft 6+ boolean schema
  const SubSchema* ref = nullptr;   // $ref target: the other keywords are ignored
  bool has_ref = false;
  std::vector<std::string> types;
  std::vector<std::pair<std::string, SubSchemaPtr>> properties;
  Additional additional_properties, additional_items;
  std::vector<std::tuple<std::string, Regex, SubSchemaPtr>> pattern_properties;
  SubSchemaPtr property_names, contains, not_schema, if_schema, then_schema, else_schema;
  // A property's required companions, or its schema.
  std::vector<std::tuple<std::string, std::vector<std::string>, SubSchemaPtr>> dependencies;
  std::vector<SubSchemaPtr> items;
  bool items_single = false;
  std::optional<runtime::Number> multiple_of, minimum, maximum, exclusive_minimum, exclusive_maximum;
  std::optional<int64_t> min_length, max_length, min_properties, max_properties, min_items, max_items;
  Regex pattern;
  std::optional<std::string> format;
  std::vector<std::string> required;
  bool unique_items = false;
  std::optional<std::string> const_json;
  std::vector<std::string> enum_json;
  std::vector<SubSchemaPtr> one_of, any_of, all_of;
};

struct Schema::Impl {
  SubSchemaPtr root;
  std::vector<SubSchemaPtr> referenced;  // keeps $ref targets alive
};

// gojsonschema's marshalWithoutNumber: JSON with numbers passed through float64, keys
// sorted, Go's string escaping. Used to compare enum and const values.
std::string canonical_json(const runtime::Value& v);
// "integer", "[number,string]", "undefined".
std::string type_list(const std::vector<std::string>& types);
// gojsonschema's FormatCheckers.IsFormat; unknown formats and non-strings pass.
bool check_format(const std::string& format, const runtime::Value& v);
// The meta-schema of draft 4, 6 or 7 (json-schema.org's, which gojsonschema embeds).
runtime::Value meta_schema_document(int draft);
// big.Float(r).String(): %.10g.
std::string number_detail(const runtime::Number& n);

}  // namespace arcane::stdlib::json_schema
