// Parser tests for terms and expressions: every term kind, refs and calls, OPA's operator
// precedence and folding, `in`, unary minus, newlines and semicolons, `some`, `every`,
// `not`, `with`, template strings and the experimental `and`/`or`.
#include "compiler/tests/parse_helpers.h"

namespace arcane::compiler::testing {
namespace {

TEST(ParseTerms, Scalars) {
  EXPECT_EQ(query_of("null; true; false"), "null; true; false");
  EXPECT_EQ(query_of("1; -1; 1.5e3; 0.25; 1E-2; .5; -.5; - 7"), "1; -1; 1.5e3; 0.25; 1E-2; .5; -.5; -7");
  EXPECT_EQ(query_of(R"("a\"b\\c\u00e9\n")"), R"("a\"b\\cé\n")");
  EXPECT_EQ(query_of("`raw\\n`"), R"("raw\\n")");
  EXPECT_EQ(query_of(R"("\ud83d\ude00")"), "\"\xF0\x9F\x98\x80\"");
}

TEST(ParseTerms, RefsWithDotsAndBrackets) {
  EXPECT_EQ(query_of(R"(a.b[0]["c"][x])"), "a.b[0].c[x]");
  EXPECT_EQ(query_of(R"(input["a b"].c)"), R"(input["a b"].c)");
  EXPECT_EQ(query_of("input"), "input");  // a ref to the root document
  EXPECT_EQ(query_of("x.in.if[y]"), "x[\"in\"][\"if\"][y]");  // keywords as ref parts
}

TEST(ParseTerms, RefsOnCallsAndCollections) {
  EXPECT_EQ(query_of("f(x).y"), "f(x).y");
  EXPECT_EQ(query_of("[1, 2][0]"), "[1, 2][0]");
  EXPECT_EQ(query_of(R"({"a": 1}.a)"), R"({"a": 1}.a)");
  EXPECT_EQ(query_of("{1}[x]"), "{1}[x]");
  EXPECT_EQ(query_of("[x | x := 1][0]"), "[x | assign(x, 1)][0]");
}

TEST(ParseTerms, Calls) {
  EXPECT_EQ(query_of("count(x)"), "count(x)");
  EXPECT_EQ(query_of("a.b.c(x, 1,)"), "a.b.c(x, 1)");
  EXPECT_EQ(query_of("f()"), "f()");
  EXPECT_EQ(query_of("x := set()"), "assign(x, set())");
  EXPECT_EQ(query_of("x := count(split(s, \",\"))"), "assign(x, count(split(s, \",\")))");
}

TEST(ParseTerms, OperatorPrecedenceFollowsOpa) {
  EXPECT_EQ(query_of("1 + 2 * 3"), "plus(1, mul(2, 3))");
  EXPECT_EQ(query_of("(1 + 2) * 3"), "mul(plus(1, 2), 3)");
  EXPECT_EQ(query_of("1 - 2 - 3"), "minus(minus(1, 2), 3)");
  EXPECT_EQ(query_of("8 / 4 % 3 * 2"), "mul(rem(div(8, 4), 3), 2)");
  EXPECT_EQ(query_of("a | b & c"), "or(a, and(b, c))");
  EXPECT_EQ(query_of("a + 1 | b"), "or(plus(a, 1), b)");
  EXPECT_EQ(query_of("a == b | c"), "equal(a, or(b, c))");
  EXPECT_EQ(query_of("a < b == c"), "equal(lt(a, b), c)");
  EXPECT_EQ(query_of("a != b; a <= b; a >= b; a > b"), "neq(a, b); lte(a, b); gte(a, b); gt(a, b)");
  EXPECT_EQ(query_of("x := a + b == c"), "assign(x, equal(plus(a, b), c))");
}

TEST(ParseTerms, MembershipIsLoosestAndTakesKeyValuePairs) {
  EXPECT_EQ(query_of("x in xs"), "internal.member_2(x, xs)");
  EXPECT_EQ(query_of("x in xs == true"), "internal.member_2(x, equal(xs, true))");
  EXPECT_EQ(query_of("k, v in xs"), "internal.member_3(k, v, xs)");
  EXPECT_EQ(query_of("a in b in c"), "internal.member_2(internal.member_2(a, b), c)");
  EXPECT_EQ(query_of("y := x in xs"), "assign(y, internal.member_2(x, xs))");
  EXPECT_EQ(query_of("f(x in xs, 1)"), "f(internal.member_2(x, xs), 1)");
}

TEST(ParseTerms, UnaryMinusOnlyOnNumbers) {
  EXPECT_EQ(query_of("1 - -1"), "minus(1, -1)");
  EXPECT_EQ(query_of("x -1"), "minus(x, 1)");
  EXPECT_EQ(query_of("[-1, -2.5]"), "[-1, -2.5]");
  EXPECT_EQ(query_of("-x"), "error: unexpected ident token: expected number");
}

TEST(ParseTerms, UnificationAndAssignment) {
  EXPECT_EQ(query_of("x = 1"), "eq(x, 1)");
  EXPECT_EQ(query_of("[x, y] := [1, 2]"), "assign([x, y], [1, 2])");
  EXPECT_EQ(query_of("x = y = z"), "error: unexpected eq token: expected \\n or ; or eof");
}

TEST(ParseTerms, Collections) {
  EXPECT_EQ(query_of("[]; [1, 2,]; [, 1]"), "[]; [1, 2]; [1]");
  EXPECT_EQ(query_of("{}"), "{}");  // an empty object
  EXPECT_EQ(query_of(R"({"a": 1, "b": [2],})"), R"({"a": 1, "b": [2]})");
  EXPECT_EQ(query_of("{1, 2, x + 1}"), "{1, 2, plus(x, 1)}");
  EXPECT_EQ(query_of("{a + 1: b}"), "{plus(a, 1): b}");
}

TEST(ParseTerms, Comprehensions) {
  EXPECT_EQ(query_of("[x | x := xs[_]]"), "[x | assign(x, xs[$0])]");
  EXPECT_EQ(query_of("{x | some x in xs}"), "{x | some internal.member_2(x, xs)}");
  EXPECT_EQ(query_of("{k: v | v := o[k]}"), "{k: v | assign(v, o[k])}");
  EXPECT_EQ(query_of("[a | b]"), "[a | b]");  // a comprehension, not a union
  EXPECT_EQ(query_of("[a | b, c]"), "[or(a, b), c]");
  EXPECT_EQ(query_of("[x |\n  x := 1\n  x > 0\n]"), "[x | assign(x, 1); gt(x, 0)]");
}

TEST(ParseTerms, WildcardsAreNumberedInOrder) {
  EXPECT_EQ(query_of("a[_] = b[_]; c[_]"), "eq(a[$0], b[$1]); c[$2]");
}

TEST(ParseTerms, NewlinesSeparateExpressionsOnlyWhereOpaDoes) {
  EXPECT_EQ(query_of("x := 1\ny := 2"), "assign(x, 1); assign(y, 2)");
  EXPECT_EQ(query_of("x := 1; y := 2"), "assign(x, 1); assign(y, 2)");
  EXPECT_EQ(query_of("x := 1 +\n  2"), "assign(x, plus(1, 2))");
  EXPECT_EQ(query_of("x := 1\n  + 2"), "assign(x, plus(1, 2))");
  EXPECT_EQ(query_of("x := [\n 1,\n 2\n]"), "assign(x, [1, 2])");
  EXPECT_EQ(query_of("f(\n x\n)"), "f(x)");
  EXPECT_EQ(query_of("a\n[1]"), "a; [1]");  // no ref across whitespace
  EXPECT_EQ(query_of("f\n(x)"), "f; x");
  EXPECT_EQ(query_of("a [1]"), "error: unexpected [ token: expected \\n or ; or eof");
  EXPECT_EQ(query_of("x := 1 y := 2"), "error: unexpected ident token: expected \\n or ; or eof");
}

TEST(ParseTerms, CommentsAreWhitespace) {
  EXPECT_EQ(query_of("x := 1 # one\n# two\ny := 2 # three"), "assign(x, 1); assign(y, 2)");
}

TEST(ParseTerms, SomeEveryNotWith) {
  EXPECT_EQ(query_of("some x, y"), "some x, y");
  EXPECT_EQ(query_of("some x in xs"), "some internal.member_2(x, xs)");
  EXPECT_EQ(query_of("some k, v in xs"), "some internal.member_3(k, v, xs)");
  EXPECT_EQ(query_of("every x in xs { x > 0 }"), "every x in xs { gt(x, 0) }");
  EXPECT_EQ(query_of("every k, v in xs { v }"), "every k, v in xs { v }");
  EXPECT_EQ(query_of("not x"), "not x");
  EXPECT_EQ(query_of("not f(x) == 1"), "not equal(f(x), 1)");
  EXPECT_EQ(query_of("x with input as 1 with data.a.b as {}"), "x with input as 1 with data.a.b as {}");
  EXPECT_EQ(query_of("not x with input.y as 2"), "not x with input.y as 2");
}

TEST(ParseTerms, TemplateStrings) {
  EXPECT_EQ(query_of(R"(x := $"a{y}b{1 + 2}")"), R"(assign(x, $"a{y}b{plus(1, 2)}"))");
  EXPECT_EQ(query_of(R"(x := $"\{y} {"s"}")"), R"(assign(x, $"{y} s"))");
  EXPECT_EQ(query_of("x := $`a{y}\n\\{b`"), "assign(x, $`a{y}\n{b`)");
  EXPECT_EQ(query_of(R"(x := $"{$"{a}"}")"), R"(assign(x, $"{$"{a}"}"))");
  EXPECT_EQ(query_of(R"(x := $"{ {1} }")"), R"(assign(x, $"{{1}}"))");
  EXPECT_EQ(query_of(R"(x := $"{y with input as {"a": 1}}")"), R"(assign(x, $"{y with input as {"a": 1}}"))");
  EXPECT_EQ(query_of(R"(x := $"{y := 1}")"), "error: unexpected assignment (':=') in template-string expression");
}

TEST(ParseTerms, LogicalKeywordsNeedTheirImportsInModules) {
  // In a query (no imports) `and`/`or` are plain names.
  EXPECT_EQ(query_of("and := 1", experimental_options()), "assign(and, 1)");
  std::string policy =
      "package p\nimport future.keywords.and\nimport future.keywords.or\n"
      "p if {\n  a or b and c\n  not x and not y or z\n  (a or b) and c\n  { x := 1; x > 0 } or y\n"
      "  a or b with input as 1\n}\n";
  EXPECT_EQ(rules_of(policy, experimental_options()),
            "p = true if { (a) or ((b) and (c)); ((not x) and (not y)) or (z); ((a) or (b)) and (c); "
            "{assign(x, 1); gt(x, 0)} or (y); (a) or (b) with input as 1 }\n");
  EXPECT_EQ(errors_of("package p\nimport future.keywords.or\n", {}),
            "test.rego:2:8: rego_parse_error: unexpected keyword, must be one of [contains every if in not]\n");
}

TEST(ParseTerms, NotBodiesWithFutureNot) {
  std::string policy = "package p\nimport future.keywords.not\np if {\n  not { x := 1; x > y }\n}\n";
  EXPECT_EQ(rules_of(policy), "p = true if { not {assign(x, 1); gt(x, y)} }\n");
  // Without the import, `not {1}` negates a set, and `not (a or b)` is a term in parentheses.
  EXPECT_EQ(rules_of("package p\np if not {1}\n"), "p = true if { not {1} }\n");
  EXPECT_EQ(errors_of("package p\nimport future.keywords.or\np if not (a or b)\n", experimental_options()),
            "test.rego:3:13: rego_parse_error: non-terminated expression\n");
}

TEST(ParseTerms, TermEntryPoint) {
  Parsed p;
  p.id = p.sources.add("input_term", R"({"a": set(), "b": {1, 2,}, "c": 1.0})");
  auto t = parse_term(p.sources, p.id, {}, p.diags);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(ast::to_string(*t), R"({"a": set(), "b": {1, 2}, "c": 1.0})");
  Parsed q;
  q.id = q.sources.add("input_term", "x; y");
  EXPECT_FALSE(parse_term(q.sources, q.id, {}, q.diags).ok());
}

TEST(ParseTerms, LocationsCoverTheSource) {
  Parsed p;
  p.id = p.sources.add("", "x := input.a + 1");
  auto body = parse_query(p.sources, p.id, {}, p.diags);
  ASSERT_TRUE(body.ok());
  const ast::Expr& e = body->at(0);
  EXPECT_EQ(e.loc.offset, 0u);
  EXPECT_EQ(e.loc.length, 16u);
  const auto& call = std::get<ast::Call>(e.terms);
  EXPECT_EQ(call.terms[0].loc.offset, 2u);  // the `:=` operator
  EXPECT_EQ(call.terms[2].loc.offset, 5u);  // input.a + 1
  EXPECT_EQ(call.terms[2].loc.length, 11u);
  const auto& plus = std::get<ast::Call>(call.terms[2].value);
  EXPECT_EQ(plus.terms[0].loc.offset, 13u);  // `+`
  EXPECT_EQ(plus.terms[1].loc.length, 7u);   // input.a
}

}  // namespace
}  // namespace arcane::compiler::testing
