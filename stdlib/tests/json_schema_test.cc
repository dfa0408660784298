// json.verify_schema / json.match_schema: OPA's conformance results, gojsonschema's
// error objects and schema errors, drafts 4/6/7 keyword differences, and (when Debian's
// json-schema-test-suite package is installed) the official draft 4/6/7 suites.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

// The document as JSON text: OPA takes only strings and objects, so scalars and arrays
// travel as text.
std::string match(std::string_view doc, std::string_view schema) {
  return show(call("json.match_schema", {str(doc), json(schema)}));
}

TEST(JsonSchema, VerifySchema) {
  EXPECT_EQ(show(call("json.verify_schema", {str(R"j({"type": "boolean"})j")})), "[true,null]");
  EXPECT_EQ(show(call("json.verify_schema", {json(R"j({"type": "boolean"})j")})), "[true,null]");
  EXPECT_EQ(show(call("json.verify_schema", {json(R"j({"type": "unknown_type"})j")})),
            R"j([false,"jsonschema: has a primitive type that is NOT VALID -- given: /unknown_type/ Expected valid values are:[array boolean integer number null object string]"])j");
  EXPECT_EQ(show(call("json.verify_schema", {str("{")})), R"j([false,"jsonschema: invalid JSON string"])j");
  EXPECT_EQ(show(call("json.match_schema", {num("1"), json("{}")})),
            builtin_error("json.match_schema: wrong type, expected string or object"));
  EXPECT_EQ(show(call("json.verify_schema", {num("1")})),
            R"j([false,"jsonschema: wrong type, expected string or object"])j");
  EXPECT_EQ(show(call("json.verify_schema", {json(R"j({"minLength": -1})j")})),
            R"j([false,"jsonschema: minLength must be greater than or equal to 0"])j");
  EXPECT_EQ(show(call("json.verify_schema", {json(R"j({"minLength": 1.5})j")})),
            R"j([false,"jsonschema: minLength must be of an integer"])j");
  EXPECT_EQ(show(call("json.verify_schema", {json(R"j({"type": ["string", "string"]})j")})),
            R"j([false,"jsonschema: string type is duplicated"])j");
  EXPECT_EQ(show(call("json.verify_schema", {json(R"j({"$ref": "#/definitions/missing"})j")})),
            R"j([false,"jsonschema: Reference #/definitions/missing could not be resolved"])j");
}

TEST(JsonSchema, MatchSchemaConformance) {
  std::string schema = R"j({"properties": {"id": {"type": "integer"}}, "required": ["id"]})j";
  EXPECT_EQ(match(R"j({"id": 5})j", schema), "[true,[]]");
  EXPECT_EQ(show(call("json.match_schema", {str(R"j({"id": 5})j"), json(schema)})), "[true,[]]");
  EXPECT_EQ(show(call("json.match_schema", {json(R"j({"id": 5})j"), str(schema)})), "[true,[]]");
  EXPECT_EQ(match(R"j({"id": "foo"})j", schema),
            R"j([false,[{"desc":"Invalid type. Expected: integer, given: string","error":"id: Invalid type. Expected: integer, given: string","field":"id","type":"invalid_type"}]])j");
  EXPECT_EQ(match(R"j({"id": "foo"})j", R"j({"properties": {"id": {"type": "unknown"}}})j"),
            builtin_error("json.match_schema: has a primitive type that is NOT VALID -- given: /unknown/ Expected valid "
                          "values are:[array boolean integer number null object string]"));
}

TEST(JsonSchema, ErrorObjects) {
  EXPECT_EQ(match("{}", R"j({"required": ["a"]})j"),
            R"j([false,[{"desc":"a is required","error":"(root): a is required","field":"(root)","type":"required"}]])j");
  EXPECT_EQ(match(R"j({"a": [1, "x"]})j", R"j({"properties": {"a": {"items": {"type": "number"}}}})j"),
            R"j([false,[{"desc":"Invalid type. Expected: number, given: string","error":"a.1: Invalid type. Expected: number, given: string","field":"a.1","type":"invalid_type"}]])j");
  EXPECT_EQ(match("3", R"j({"enum": [1, "a"]})j"),
            R"j([false,[{"desc":"(root) must be one of the following: 1, \"a\"","error":"(root): (root) must be one of the following: 1, \"a\"","field":"(root)","type":"enum"}]])j");
  EXPECT_EQ(match("1.5", R"j({"type": ["integer", "string"]})j"),
            R"j([false,[{"desc":"Invalid type. Expected: [integer,string], given: number","error":"(root): Invalid type. Expected: [integer,string], given: number","field":"(root)","type":"invalid_type"}]])j");
  EXPECT_EQ(match("2.0", R"j({"type": "integer", "maximum": 1.5})j"),
            R"j([false,[{"desc":"Must be less than or equal to 1.5","error":"(root): Must be less than or equal to 1.5","field":"(root)","type":"number_lte"}]])j");
  EXPECT_EQ(match(R"j({"a": 1, "b": 2})j", R"j({"properties": {"a": {}}, "additionalProperties": false})j"),
            R"j([false,[{"desc":"Additional property b is not allowed","error":"(root): Additional property b is not allowed","field":"(root)","type":"additional_property_not_allowed"}]])j");
  EXPECT_EQ(match(R"j("abc")j", R"j({"anyOf": [{"type": "integer"}, {"minLength": 5}]})j"),
            R"j([false,[{"desc":"Must validate at least one schema (anyOf)","error":"(root): Must validate at least one schema (anyOf)","field":"(root)","type":"number_any_of"},{"desc":"String length must be greater than or equal to 5","error":"(root): String length must be greater than or equal to 5","field":"(root)","type":"string_gte"}]])j");
  EXPECT_EQ(match("[1, 1]", R"j({"uniqueItems": true})j"),
            R"j([false,[{"desc":"array items[0,1] must be unique","error":"(root): array items[0,1] must be unique","field":"(root)","type":"unique"}]])j");
}

TEST(JsonSchema, Drafts) {
  // Hybrid mode (no $schema) accepts both forms of exclusiveMinimum.
  EXPECT_EQ(match("1", R"j({"minimum": 1, "exclusiveMinimum": true})j").substr(0, 7), "[false,");
  EXPECT_EQ(match("1", R"j({"exclusiveMinimum": 1})j").substr(0, 7), "[false,");
  EXPECT_EQ(match("1", R"j({"$schema": "http://json-schema.org/draft-04/schema#", "exclusiveMinimum": 1})j"),
            builtin_error("json.match_schema: Invalid type. Expected: boolean, given: exclusiveMinimum"));
  EXPECT_EQ(match("1", R"j({"$schema": "http://json-schema.org/draft-07/schema#", "exclusiveMinimum": true})j"),
            builtin_error("json.match_schema: Invalid type. Expected: number, given: exclusiveMinimum"));
  // const and if/then/else are ignored under draft 4.
  EXPECT_EQ(match("1", R"j({"$schema": "http://json-schema.org/draft-04/schema#", "const": 2})j"), "[true,[]]");
  EXPECT_EQ(match("1", R"j({"const": 2})j").substr(0, 7), "[false,");
  EXPECT_EQ(match("1", R"j({"if": {"type": "integer"}, "then": {"minimum": 2}})j").substr(0, 7), "[false,");
}

TEST(JsonSchema, RecursionIsBounded) {
  EXPECT_EQ(match("1", R"j({"$ref": "#"})j").substr(0, 7), "[false,");
  EXPECT_EQ(match(R"j({"a": {"a": {"a": {}}}})j", R"j({"properties": {"a": {"$ref": "#"}}, "type": "object"})j"),
            "[true,[]]");
}

// The official JSON Schema test suite (Debian's json-schema-test-suite), drafts 4, 6, 7.
// gojsonschema fetches remote references and we do not; its format checks are lenient
// and optional; those files are skipped.
TEST(JsonSchema, OfficialSuite) {
  std::filesystem::path root = "/usr/share/json-schema-test-suite/tests";
  if (!std::filesystem::exists(root)) GTEST_SKIP() << "json-schema-test-suite is not installed";
  int run = 0;
  for (const char* draft : {"draft4", "draft6", "draft7"}) {
    for (const auto& entry : std::filesystem::directory_iterator(root / draft)) {
      if (entry.path().extension() != ".json" || entry.path().filename() == "refRemote.json") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      runtime::Value groups = json(text.str());
      for (const runtime::Value& group : groups.elements()) {
        runtime::Value schema = *group.find("schema");
        if (!schema.is_object()) continue;  // boolean root schemas: OPA passes objects or strings
        for (const runtime::Value& t : group.find("tests")->elements()) {
          runtime::Value data = *t.find("data");
          if (!data.is_object()) data = str(runtime::to_json(data));
          BuiltinResult r = call("json.match_schema", {data, schema});
          bool want = t.find("valid")->as_bool();
          ASSERT_TRUE(r.has_value()) << entry.path() << ": " << show(r);
          EXPECT_EQ(r.value().at(0).as_bool(), want)
              << entry.path().filename() << " / " << group.find("description")->string_view() << " / "
              << t.find("description")->string_view();
          ++run;
        }
      }
    }
  }
  EXPECT_GT(run, 500);
}

}  // namespace
}  // namespace arcane::stdlib::testing
