// Reading case files as OPA's runner reads them: typed fields, null as absent, YAML 1.1.
#include "conformance/case_file.h"

#include <gtest/gtest.h>

#include "api/tests/test_util.h"

namespace arcane::conformance {
namespace {

using testing::json;

const char* kFile = R"(---
cases:
  - note: topic/everything
    query: data.test.p = x
    modules:
      - |
        package test
        p := 1
      - "package other"
    data:
      y: 1
      n: 2
      big: 18446744073709551614
      f: 1.50
    input:
      k: [1, 2]
    input_term: '{"a"}'
    want_result:
      - x: 1
        "y": yes
    want_error_code: eval_type_error
    want_error: "oops"
    strict_error: true
    sort_bindings: true
    ignore_generated_vars: true
    experimental_keywords: true
    env:
      HOME: /tmp
    unknown_field: ignored
  - note: topic/nulls
    query: "1 / 0"
    data:
    input: null
    want_result: []
)";

TEST(CaseFile, ReadsEveryField) {
  CaseFile f = parse_case_file(kFile, "v1/topic/test-topic.yaml");
  ASSERT_FALSE(f.error) << *f.error;
  ASSERT_EQ(f.cases.size(), 2u);
  const Case& c = f.cases[0];
  EXPECT_EQ(c.id, "v1/topic/test-topic.yaml#0");
  EXPECT_EQ(c.topic, "v1/topic");
  EXPECT_EQ(c.version, RegoVersion::kV1);
  EXPECT_EQ(c.note, "topic/everything");
  EXPECT_EQ(c.query, "data.test.p = x");
  EXPECT_EQ(c.modules, (std::vector<std::string>{"package test\np := 1\n", "package other"}));
  // YAML 1.1: the key y is the boolean true, written as "true"; integers keep their text,
  // floats are re-printed as Go prints a float64.
  EXPECT_EQ(value_to_json(*c.data), R"({"big":18446744073709551614,"f":1.5,"false":2,"true":1})");
  EXPECT_EQ(*c.input, json(R"({"k": [1, 2]})"));
  EXPECT_EQ(*c.input_term, R"({"a"})");
  EXPECT_EQ(*c.want_result, json(R"([{"x": 1, "y": true}])"));
  EXPECT_EQ(*c.want_error_code, "eval_type_error");
  EXPECT_EQ(*c.want_error, "oops");
  EXPECT_TRUE(c.strict_error && c.sort_bindings && c.ignore_generated_vars && c.experimental_keywords);
  EXPECT_EQ(c.env, (std::vector<std::pair<std::string, std::string>>{{"HOME", "/tmp"}}));

  const Case& n = f.cases[1];
  EXPECT_EQ(n.id, "v1/topic/test-topic.yaml#1");
  EXPECT_FALSE(n.data);
  EXPECT_FALSE(n.input);
  EXPECT_FALSE(n.input_term);
  EXPECT_TRUE(n.modules.empty());
  ASSERT_TRUE(n.want_result);
  EXPECT_EQ(n.want_result->size(), 0u);
  EXPECT_FALSE(n.want_error || n.want_error_code || n.strict_error || n.sort_bindings);
}

TEST(CaseFile, TreeDecidesTheVersion) {
  const char* text = "cases:\n  - note: a\n    query: x = 1\n";
  EXPECT_EQ(parse_case_file(text, "v0/t/a.yaml").cases[0].version, RegoVersion::kV0);
  EXPECT_EQ(parse_case_file(text, "v1/t/a.yaml").cases[0].version, RegoVersion::kV1);
  EXPECT_EQ(parse_case_file(text, "v1/a.yaml").cases[0].topic, "v1");
}

TEST(CaseFile, JsonFilesToo) {
  CaseFile f = parse_case_file(R"({"cases": [{"note": "j", "query": "true", "want_result": [{}]}]})", "v1/j/x.json");
  ASSERT_FALSE(f.error);
  ASSERT_EQ(f.cases.size(), 1u);
  EXPECT_EQ(f.cases[0].note, "j");
}

TEST(CaseFile, WrongTypesMakeTheFileUnreadable) {
  for (const char* text :
       {"cases:\n  - note: a\n    modules: package x\n", "cases:\n  - note: a\n    data: [1]\n",
        "cases:\n  - note: a\n    want_result: {x: 1}\n", "cases:\n  - note: a\n    want_result: [1]\n",
        "cases:\n  - note: a\n    strict_error: maybe\n", "cases:\n  - note: [a]\n", "cases:\n  - 7\n", "cases: 3\n",
        "cases: [\n"}) {
    CaseFile f = parse_case_file(text, "v1/t/bad.yaml");
    EXPECT_TRUE(f.error) << text;
    EXPECT_TRUE(f.cases.empty()) << text;
  }
  CaseFile f = parse_case_file("cases:\n  - note: a\n    strict_error: 1\n", "v1/t/bad.yaml");
  EXPECT_EQ(*f.error, "case 0: field strict_error: expected a boolean");
}

TEST(CaseFile, NoCases) {
  EXPECT_TRUE(parse_case_file("---\n", "v1/t/e.yaml").cases.empty());
  EXPECT_FALSE(parse_case_file("---\n", "v1/t/e.yaml").error);
}

TEST(CaseFile, ListsEveryFileSorted) {
  testing::TempDir dir;
  dir.write("v1/b/2.yaml", "");
  dir.write("v1/b/1.txt", "");
  dir.write("v1/a/z.yaml", "");
  dir.write("v0/a/z.yaml", "");
  std::vector<std::string> files;
  std::string error;
  ASSERT_TRUE(list_case_files(dir.path(), "v1", files, error));
  EXPECT_EQ(files, (std::vector<std::string>{"v1/a/z.yaml", "v1/b/1.txt", "v1/b/2.yaml"}));
  files.clear();
  ASSERT_TRUE(list_case_files(dir.path(), "v1/b/2.yaml", files, error));
  EXPECT_EQ(files, (std::vector<std::string>{"v1/b/2.yaml"}));
  EXPECT_FALSE(list_case_files(dir.path(), "v2", files, error));
}

}  // namespace
}  // namespace arcane::conformance
