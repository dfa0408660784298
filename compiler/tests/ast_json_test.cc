// AST printer tests: `opa parse --format json` and the default tree form, byte for byte
// against the CLI goldens (53-parse-json, 54-parse-pretty), plus the shapes the goldens do
// not cover (sorted sets and objects, null, every, with, templates, logical operators).
#include <fstream>
#include <sstream>

#include "compiler/ast/ast_pretty.h"
#include "compiler/tests/parse_helpers.h"

namespace arcane::compiler::testing {
namespace {

const char* kGoldenPolicy =
    "package authz\n\nimport data.registry\n\n# Agents may read when their workload is attested.\n"
    "default allow := false\n\nallow if input.action == \"read\"\n\n"
    "deny contains \"unattested\" if not input.workload.attested\n";

std::string golden(const std::string& name) {
  const char* dir = std::getenv("ARCANE_SHARED_DIR");
  std::ifstream in(std::string(dir ? dir : "../shared") + "/opa-cli-golden/" + name + "/stdout");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

struct Module {
  Parsed p;
  runtime::Result<ast::Module> m{runtime::Diagnostic{}};
  explicit Module(const std::string& text, const ParseOptions& o = {}) {
    p.id = p.sources.add("policy.rego", text);
    m = parse_module(p.sources, p.id, o, p.diags);
  }
};

TEST(AstJson, MatchesOpaParseJsonGolden) {
  Module mod(kGoldenPolicy);
  ASSERT_TRUE(mod.m.ok());
  std::string expected = golden("53-parse-json");
  if (expected.empty()) GTEST_SKIP() << "golden not found";
  EXPECT_EQ(ast::to_json(*mod.m, mod.p.sources), expected);
}

TEST(AstJson, MatchesOpaParsePrettyGolden) {
  Module mod(kGoldenPolicy);
  ASSERT_TRUE(mod.m.ok());
  std::string expected = golden("54-parse-pretty");
  if (expected.empty()) GTEST_SKIP() << "golden not found";
  EXPECT_EQ(ast::to_pretty(*mod.m), expected);
}

std::string compact(std::string json) {
  std::string out;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '"' && (i == 0 || json[i - 1] != '\\')) in_string = !in_string;
    if (!in_string && (c == ' ' || c == '\n')) continue;
    out += c;
  }
  return out;
}

std::string term_json(const std::string& query) {
  Parsed p;
  p.id = p.sources.add("", query);
  auto t = parse_term(p.sources, p.id, {}, p.diags);
  return t.ok() ? compact(ast::to_json(*t)) : "error";
}

TEST(AstJson, ScalarsAndCollections) {
  EXPECT_EQ(term_json("null"), R"({"type":"null","value":{}})");
  EXPECT_EQ(term_json("1.50"), R"({"type":"number","value":1.50})");
  EXPECT_EQ(term_json("-.5"), R"({"type":"number","value":-0.5})");
  EXPECT_EQ(term_json("\"<a>\""), R"({"type":"string","value":"\u003ca\u003e"})");
  EXPECT_EQ(term_json("{3, \"a\", 1, null}"),
            R"({"type":"set","value":[{"type":"null","value":{}},{"type":"number","value":1},)"
            R"({"type":"number","value":3},{"type":"string","value":"a"}]})");
  EXPECT_EQ(term_json("{\"b\": 1, \"a\": 2}"),
            R"({"type":"object","value":[[{"type":"string","value":"a"},{"type":"number","value":2}],)"
            R"([{"type":"string","value":"b"},{"type":"number","value":1}]]})");
  EXPECT_EQ(term_json("[x | x := 1]").substr(0, 40), R"({"type":"arraycomprehension","value":{"t)");
  EXPECT_EQ(term_json("f(x)"), "error");  // a call is an expression, not a term
}

TEST(AstJson, ExpressionShapes) {
  Parsed p;
  p.id = p.sources.add("", "not x with input as 1; every k, v in xs { v }; some y; $\"a{y}\"");
  auto body = parse_query(p.sources, p.id, {}, p.diags);
  ASSERT_TRUE(body.ok());
  std::string json = compact(ast::to_json(*body));
  EXPECT_NE(json.find(R"({"index":0,"negated":true,"terms":{"type":"var","value":"x"},"with":[{"target":)"),
            std::string::npos);
  EXPECT_NE(json.find(R"({"index":1,"terms":{"body":[{"index":0,"terms":{"type":"var","value":"v"}}],"domain":)"),
            std::string::npos);
  EXPECT_NE(json.find(R"({"index":2,"terms":{"symbols":[{"type":"var","value":"y"}]}})"), std::string::npos);
  EXPECT_NE(json.find(R"("type":"templatestring","value":{"parts":[{"type":"string","value":"a"},{"index":0,)"),
            std::string::npos);
}

TEST(AstJson, LogicalOperatorsFollowCurrentOpa) {
  Module mod("package p\nimport future.keywords.or\np if { {x := 1} or input.b }\n", experimental_options());
  ASSERT_TRUE(mod.m.ok());
  std::string json = compact(ast::to_json(mod.m->rules[0]));
  EXPECT_NE(json.find(R"("terms":{"type":"or","lhs":[{"index":0,"terms":[)"), std::string::npos);
  EXPECT_NE(json.find(R"("explicit_lhs":true})"), std::string::npos);
}

TEST(AstJson, CommentsCarryTheirPosition) {
  Module mod("package p\n\n  #\xC3\xA9t\xC3\xA9\r\nx := 1 # end\n");
  ASSERT_TRUE(mod.m.ok());
  std::string json = ast::to_json(*mod.m, mod.p.sources);
  EXPECT_NE(json.find("\"Text\": \"w6l0w6k=\""), std::string::npos);  // base64 of the bytes after '#'
  EXPECT_NE(json.find("\"row\": 3,\n        \"col\": 3"), std::string::npos);
  EXPECT_NE(json.find("\"Text\": \"IGVuZA==\""), std::string::npos);
}

}  // namespace
}  // namespace arcane::compiler::testing
