// The text trace events show for AST nodes (compiler/plan/trace_text.h): OPA's String()
// forms, checked on parsed queries.
#include <gtest/gtest.h>

#include "compiler/parse/parser.h"
#include "compiler/plan/trace_text.h"

namespace arcane::compiler::plan {
namespace {

ast::Body parse(const std::string& text) {
  runtime::SourceSet sources;
  runtime::Diagnostics diags(10);
  uint32_t id = sources.add("", text);
  auto body = parse_query(sources, id, ParseOptions{}, diags);
  EXPECT_TRUE(body.ok() && diags.empty()) << text;
  return body.ok() ? std::move(body).value() : ast::Body{};
}

std::string text(const std::string& query, const TraceText::Renames* renames = nullptr) {
  TraceText t({renames});
  return t.body(parse(query));
}

TEST(TraceText, CallsInCallFormUnificationInfix) {
  EXPECT_EQ(text("input.x == \"a\""), "equal(input.x, \"a\")");
  EXPECT_EQ(text("x = 1 + 2"), "x = plus(1, 2)");
  EXPECT_EQ(text("x := count([1])"), "assign(x, count([1]))");
  EXPECT_EQ(text("a in b"), "internal.member_2(a, b)");
}

TEST(TraceText, CollectionsSortedWildcardsAndRefs) {
  EXPECT_EQ(text("x = {\"b\": 1, \"a\": [1, _]}"), "x = {\"a\": [1, _], \"b\": 1}");
  EXPECT_EQ(text("x = {3, 1, \"z\", null}"), "x = {null, 1, 3, \"z\"}");
  EXPECT_EQ(text("x = set()"), "x = set()");
  EXPECT_EQ(text("input[\"a-b\"].c[i]"), "input[\"a-b\"].c[i]");
  EXPECT_EQ(text("x = [y | y = input[_]]"), "x = [y | y = input[_]]");
}

TEST(TraceText, GoQuotingAndModifiers) {
  EXPECT_EQ(text("x = \"caf\\u00e9\\n\\t\\\"\""), "x = \"café\\n\\t\\\"\"");
  EXPECT_EQ(text("not allow with input as {\"a\": 1}"), "not allow with input as {\"a\": 1}");
  EXPECT_EQ(go_quote("\x01"), "\"\\x01\"");
}

TEST(TraceText, QueryCaptureAndRenamedLocals) {
  TraceText t({});
  ast::Body b = parse("data.p; count(x); x = 1");
  EXPECT_EQ(t.expr(b[0], true), "data.p = _");
  EXPECT_EQ(t.expr(b[1], true, 1), "count(x, _)");
  EXPECT_EQ(t.expr(b[1], true, 2), "count(x)");
  EXPECT_EQ(t.expr(b[2], true), "x = 1");
  TraceText::Renames renames = {{"__local0__", "y"}};
  EXPECT_EQ(text("__local0__ = __local1__", &renames), "y = __local1__");
}

}  // namespace
}  // namespace arcane::compiler::plan
