// How errors print: OPA's texts for evaluation errors and for parse/compile errors, and
// OPA's JSON error object.
#include "arcane/error.h"

#include <gtest/gtest.h>

namespace arcane {
namespace {

Error make(std::string code, std::string message, std::optional<SourceLocation> loc = std::nullopt) {
  Error e;
  e.code = std::move(code);
  e.message = std::move(message);
  e.location = std::move(loc);
  return e;
}

TEST(ApiError, EvaluationErrorText) {
  EXPECT_EQ(make("eval_type_error", "m", SourceLocation{"test-0.rego", 4, 9, "x"}).to_string(),
            "test-0.rego:4: eval_type_error: m");
  EXPECT_EQ(make("eval_builtin_error", "div: divide by zero", SourceLocation{"", 1, 5, "1 / 0"}).to_string(),
            "1 / 0: eval_builtin_error: div: divide by zero");
  EXPECT_EQ(make("eval_conflict_error", "m", SourceLocation{"", 2, 3, ""}).to_string(), "2:3: eval_conflict_error: m");
  EXPECT_EQ(make("eval_internal_error", "m").to_string(), "eval_internal_error: m");
}

TEST(ApiError, CompileErrorText) {
  EXPECT_EQ(make("rego_parse_error", "m", SourceLocation{"p.rego", 5, 33, "{"}).to_string(),
            "p.rego:5: rego_parse_error: m");
  // Without a file, compile errors show row:col even when there is text.
  EXPECT_EQ(make("rego_parse_error", "m", SourceLocation{"", 1, 19, "=="}).to_string(), "1:19: rego_parse_error: m");
  Error typed = make("rego_type_error", "plus: invalid argument(s)", SourceLocation{"p.rego", 3, 2, ""});
  typed.notes = {"have: (string, number, null)", "want: (number, number, number)"};
  EXPECT_EQ(typed.to_string(),
            "p.rego:3: rego_type_error: plus: invalid argument(s)\n\thave: (string, number, null)\n\twant: (number, "
            "number, number)");
}

TEST(ApiError, LoadingErrorTextIsTheMessage) {
  EXPECT_EQ(make("", "open x: no such file or directory").to_string(), "open x: no such file or directory");
  EXPECT_FALSE(make("", "x").is_eval_error());
  EXPECT_TRUE(make("eval_conflict_error", "x").is_eval_error());
  EXPECT_FALSE(make("rego_type_error", "x").is_eval_error());
}

TEST(ApiError, Json) {
  Error parse = make("rego_parse_error", "unexpected eof token", SourceLocation{"", 1, 19, ""});
  parse.source_line = "data.authz.allow ==";
  EXPECT_EQ(to_json(parse),
            R"({"message":"unexpected eof token","code":"rego_parse_error","location":{"file":"","row":1,"col":19},)"
            R"("details":{"line":"data.authz.allow ==","idx":18}})");
  EXPECT_EQ(to_json(make("", "registry.json: unexpected EOF")), R"({"message":"registry.json: unexpected EOF"})");
  EXPECT_EQ(
      to_json(Errors{make("eval_conflict_error", "a > b")}, 2),
      "{\n  \"errors\": [\n    {\n      \"message\": \"a \\u003e b\",\n      \"code\": \"eval_conflict_error\"\n    "
      "}\n  ]\n}");
}

TEST(ApiError, ResultHoldsValueOrErrors) {
  Result<int> ok = 3;
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 3);
  Result<int> bad = Errors{make("c", "one"), make("c", "two")};
  EXPECT_FALSE(bad);
  EXPECT_EQ(bad.errors().size(), 2u);
  EXPECT_EQ(bad.error().message, "one");
  Result<int> empty = Errors{};
  EXPECT_FALSE(empty.ok());
  EXPECT_EQ(empty.errors().size(), 1u);
}

}  // namespace
}  // namespace arcane
