// Parser error tests: OPA's messages where the CLI goldens show them, errors located at the
// offending token, several errors per file, the v1 rule checks, and malformed bytes.
#include "compiler/tests/parse_helpers.h"

namespace arcane::compiler::testing {
namespace {

TEST(ParseErrors, NonTerminatedSetAsInGolden28) {
  std::string policy =
      "package authz\n\nallow if {\n\tinput.action == \"read\"\n\tinput.agent.tier in {\"trusted\" \"verified\"}\n}\n";
  Parsed p;
  p.id = p.sources.add("policy.rego", policy);
  EXPECT_FALSE(parse_module(p.sources, p.id, {}, p.diags).ok());
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(runtime::render_json(p.diags.items()[0], p.sources),
            "{\"message\":\"unexpected string token: non-terminated set\",\"code\":\"rego_parse_error\","
            "\"location\":{\"file\":\"policy.rego\",\"row\":5,\"col\":33},\"details\":{\"line\":"
            "\"\\tinput.agent.tier in {\\\"trusted\\\" \\\"verified\\\"}\",\"idx\":32}}");
}

TEST(ParseErrors, V1KeywordsRequiredAsInGolden30) {
  std::string policy =
      "package authz\n\nallow {\n\tinput.action == \"read\"\n}\n\ndeny[msg] {\n\tnot input.workload.attested\n"
      "\tmsg := \"workload not attested\"\n}\n";
  EXPECT_EQ(errors_of(policy),
            "test.rego:3:1: rego_parse_error: `if` keyword is required before rule body\n"
            "test.rego:7:1: rego_parse_error: `if` keyword is required before rule body\n"
            "test.rego:7:1: rego_parse_error: `contains` keyword is required for partial set rules\n");
  EXPECT_EQ(errors_of(policy, v0_options()), "");
  EXPECT_EQ(errors_of("package p\nf(x) { x }\n"),
            "test.rego:2:1: rego_parse_error: `if` keyword is required before function body\n");
  EXPECT_EQ(errors_of("package p\na.b.c\n"),
            "test.rego:2:1: rego_parse_error: rule must have value assignment and/or body declaration\n");
}

TEST(ParseErrors, QueryEofAsInGolden33) {
  Parsed p;
  p.id = p.sources.add("", "data.authz.allow ==");
  EXPECT_FALSE(parse_query(p.sources, p.id, {}, p.diags).ok());
  EXPECT_EQ(runtime::render_json(p.diags.items()[0], p.sources),
            "{\"message\":\"unexpected eof token\",\"code\":\"rego_parse_error\",\"location\":{\"file\":\"\","
            "\"row\":1,\"col\":19},\"details\":{\"line\":\"data.authz.allow ==\",\"idx\":18}}");
}

TEST(ParseErrors, MissingSeparatorInBodies) {
  EXPECT_EQ(errors_of("package p\np if {\n  x := 1\n  y := 2 z := 3\n}\n"),
            "test.rego:4:10: rego_parse_error: unexpected ident token: expected \\n or ; or }\n");
  EXPECT_EQ(errors_of("package p\np := [x | x := 1 y]\n"),
            "test.rego:2:18: rego_parse_error: unexpected ident token: expected \\n or ; or ]\n");
}

TEST(ParseErrors, UnfinishedCollectionsAndExpressions) {
  EXPECT_EQ(errors_of("package p\np := {\"a\": 1 \"b\": 2}\n"),
            "test.rego:2:14: rego_parse_error: unexpected string token: non-terminated object\n");
  EXPECT_EQ(errors_of("package p\np := [1, 2\nq := 3\n"),
            "test.rego:3:1: rego_parse_error: unexpected ident token: expected \",\" or \"]\"\n");
  EXPECT_EQ(errors_of("package p\np := (1 + 2\n"), "test.rego:3:1: rego_parse_error: non-terminated expression\n");
  EXPECT_EQ(errors_of("package p\np := 1 +"), "test.rego:2:8: rego_parse_error: unexpected eof token\n");
}

TEST(ParseErrors, LexicalErrors) {
  EXPECT_EQ(errors_of("package p\nx := \"abc\n"), "test.rego:2:6: rego_parse_error: non-terminated string\n");
  EXPECT_EQ(errors_of("package p\nx := `abc"), "test.rego:2:6: rego_parse_error: non-terminated string\n");
  EXPECT_EQ(errors_of("package p\nx := $\"a{1}b\n"), "test.rego:2:11: rego_parse_error: non-terminated string\n");
  EXPECT_EQ(errors_of("package p\nx := \"a\\qb\"\n"), "test.rego:2:6: rego_parse_error: illegal escape sequence\n");
  EXPECT_EQ(errors_of("package p\nx := 1 ! 2\n"), "test.rego:2:8: rego_parse_error: illegal ! character\n");
  EXPECT_EQ(errors_of("package p\nx := $y\n"), "test.rego:2:6: rego_parse_error: illegal $ character\n");
  EXPECT_EQ(errors_of("package p\nx := 1.\n"), "test.rego:2:6: rego_parse_error: expected fraction\n");
  EXPECT_EQ(errors_of("package p\nx := 1e\n"), "test.rego:2:6: rego_parse_error: expected exponent\n");
  EXPECT_EQ(errors_of("package p\nx := 0x1\n"), "test.rego:2:6: rego_parse_error: illegal number format\n");
  EXPECT_EQ(errors_of("package p\nx := 01\n"),
            "test.rego:2:6: rego_parse_error: unexpected number token: expected number without leading zero\n");
  EXPECT_EQ(errors_of("package p\nx := ~\n"), "test.rego:2:6: rego_parse_error: illegal token\n");
}

TEST(ParseErrors, MalformedBytes) {
  EXPECT_EQ(errors_of("package p\nx := \"\xff\"\n"), "test.rego:2:7: rego_parse_error: illegal utf-8 character\n");
  EXPECT_EQ(errors_of(std::string("package p\nx := 1\0\n", 18)),
            "test.rego:2:7: rego_parse_error: illegal null character\n");
  EXPECT_EQ(errors_of("package p\nx := \"\xEF\xBB\xBF\"\n"), "test.rego:2:7: rego_parse_error: illegal byte-order mark\n");
  EXPECT_EQ(rules_of("\xEF\xBB\xBFpackage p\nx := 1\n"), "x := 1 if { true }\n");  // a leading BOM is fine
}

TEST(ParseErrors, ModuleStructure) {
  EXPECT_EQ(errors_of(""), "test.rego:1:1: rego_parse_error: empty module\n");
  EXPECT_EQ(errors_of("# just a comment\n"), "test.rego:1:1: rego_parse_error: empty module\n");
  EXPECT_EQ(errors_of("x := 1\n"), "test.rego:1:1: rego_parse_error: package expected\n");
  EXPECT_EQ(errors_of("package p\nx := 1\npackage q\n"), "test.rego:3:1: rego_parse_error: unexpected package\n");
  EXPECT_EQ(errors_of("package p\nx\n"), "test.rego:2:1: rego_parse_error: var cannot be used for rule name\n");
}

TEST(ParseErrors, ImportChecks) {
  EXPECT_EQ(errors_of("package p\nimport foo.bar\n"),
            "test.rego:2:8: rego_parse_error: unexpected import path, must begin with one of: {data, future, "
            "input, rego}, got: foo (hint: if this is unexpected, try updating OPA)\n");
  EXPECT_EQ(errors_of("package p\nimport rego.v2\n"),
            "test.rego:2:8: rego_parse_error: invalid import `rego.v2`, must be `rego.v1`\n");
  EXPECT_EQ(errors_of("package p\nimport future.keywords.foo\n"),
            "test.rego:2:8: rego_parse_error: unexpected keyword, must be one of [contains every if in not]\n");
  EXPECT_EQ(errors_of("package p\nimport future.keywords.in as x\n"),
            "test.rego:2:8: rego_parse_error: `future` imports cannot be aliased\n");
  EXPECT_EQ(errors_of("package p\nimport data.foo.if\n"),
            "test.rego:2:17: rego_parse_error: unexpected import path, must not end with a keyword, got: if "
            "(hint: import a different path or use an alias)\n");
}

TEST(ParseErrors, SeveralErrorsPerFile) {
  EXPECT_EQ(errors_of("package p\nq if { 1 + }\nr if { true }\ns if { [ }\nt := \"x\n"),
            "test.rego:2:12: rego_parse_error: unexpected } token\n"
            "test.rego:4:10: rego_parse_error: unexpected } token\n"
            "test.rego:5:6: rego_parse_error: non-terminated string\n");
}

TEST(ParseErrors, TemplateExpressionChecks) {
  EXPECT_EQ(errors_of("package p\np := $\"{not x}\"\n"),
            "test.rego:2:9: rego_parse_error: unexpected negation ('not') in template-string expression\n");
  EXPECT_EQ(errors_of("package p\np := $\"{x = 1}\"\n"),
            "test.rego:2:9: rego_parse_error: unexpected unification ('=') in template-string expression\n");
  EXPECT_EQ(errors_of("package p\np := $\"{some x}\"\n"),
            "test.rego:2:9: rego_parse_error: unexpected 'some' in template-string expression\n");
}

TEST(ParseErrors, RefAndCallShapes) {
  EXPECT_EQ(errors_of("package p\np := \"a\"[0]\n"),
            "test.rego:2:6: rego_parse_error: illegal ref (head cannot be string)\n");
  EXPECT_EQ(errors_of("package p\np := f(x)(y)\n"), "test.rego:2:10: rego_parse_error: unexpected ( token\n");
  EXPECT_EQ(errors_of("package p\nf(x) contains 1\n"),
            "test.rego:2:6: rego_parse_error: unexpected contains keyword: the contains keyword can only be used "
            "with multi-value rule definitions (e.g., f contains <VALUE> { ... })\n");
}

TEST(ParseErrors, DiagnosticsLimitIsRespected) {
  std::string policy = "package p\n";
  for (int i = 0; i < 50; ++i) policy += "x" + std::to_string(i) + " := (\n";
  Parsed p;
  p.id = p.sources.add("t.rego", policy);
  runtime::Diagnostics few(3);
  EXPECT_FALSE(parse_module(p.sources, p.id, {}, few).ok());
  ASSERT_EQ(few.size(), 3u);  // one per broken statement, up to the limit
  EXPECT_EQ(few.items()[0].message, "non-terminated expression");
}

}  // namespace
}  // namespace arcane::compiler::testing
