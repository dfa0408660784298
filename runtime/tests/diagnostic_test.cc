#include <gtest/gtest.h>

#include "runtime/diagnostic.h"

namespace arcane::runtime {
namespace {

TEST(SourceFile, LineColumnFromOffset) {
  SourceFile f("a.rego", "package a\n\tx := 1\n");
  EXPECT_EQ(f.line_col(0).line, 1u);
  EXPECT_EQ(f.line_col(10).line, 2u);
  EXPECT_EQ(f.line_col(11).col, 2u);
  EXPECT_EQ(f.line_text(2), "\tx := 1");
}

TEST(Diagnostic, HumanRenderingHasPositionSnippetAndCaret) {
  SourceSet set;
  uint32_t id = set.add("policy.rego", "package p\n\tx in {\"a\" \"b\"}\n");
  Diagnostic d{"rego_parse_error", "unexpected string token: non-terminated set", {id, 20, 3}, {}};
  EXPECT_EQ(render_human(d, set),
            "policy.rego:2:11: rego_parse_error: unexpected string token: non-terminated set\n"
            "\tx in {\"a\" \"b\"}\n"
            "\t         ^");
}

TEST(Diagnostic, JsonRenderingHasOpaShape) {
  SourceSet set;
  uint32_t id = set.add("", "data.x ==");
  Diagnostic d{"rego_parse_error", "unexpected eof token", {id, 9, 0}, {}};
  EXPECT_EQ(render_json(d, set),
            "{\"message\":\"unexpected eof token\",\"code\":\"rego_parse_error\",\"location\":{\"file\":\"\","
            "\"row\":1,\"col\":10},\"details\":{\"line\":\"data.x ==\",\"idx\":9}}");
}

TEST(Diagnostic, OpaStyleDropsTheColumnWhenThereIsAFile) {
  SourceSet set;
  uint32_t id = set.add("authz.rego", "package p\nq if x\n");
  Diagnostic d{"rego_unsafe_var_error", "var x is unsafe", {id, 15, 1}, {}};
  EXPECT_EQ(render_human(d, set, RenderStyle::kOpa), "authz.rego:2: rego_unsafe_var_error: var x is unsafe");
}

TEST(Diagnostic, IndentedJsonMatchesOpaCli) {
  SourceSet set;
  uint32_t id = set.add("authz.rego", "package p\nq if x\n");
  Diagnostics ds;
  ds.add({"rego_unsafe_var_error", "var x is unsafe", {id, 15, 1}, {}});
  EXPECT_EQ(render_json(ds, set, 2),
            "{\n  \"errors\": [\n    {\n      \"message\": \"var x is unsafe\",\n"
            "      \"code\": \"rego_unsafe_var_error\",\n      \"location\": {\n"
            "        \"file\": \"authz.rego\",\n        \"row\": 2,\n        \"col\": 6\n      }\n"
            "    }\n  ]\n}");
  Diagnostics none;
  EXPECT_EQ(render_json(none, set, 2), "{\n  \"errors\": []\n}");
}

TEST(Diagnostics, StopsCollectingAtTheLimit) {
  Diagnostics ds(2);
  for (int i = 0; i < 5; ++i) ds.add({"rego_parse_error", "m", {}, {}});
  EXPECT_EQ(ds.size(), 2u);
  EXPECT_TRUE(ds.full());
}

}  // namespace
}  // namespace arcane::runtime
