// Parser limit tests: hostile and huge input is refused cleanly or parsed, never crashes.
// Deep nesting is measured on tokens before any recursion (the refusal is fast), and a
// depth the caller allows is parsed on a stack sized for it.

#include "compiler/tests/parse_helpers.h"

namespace arcane::compiler::testing {
namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(ParseLimits, TenThousandNestedParensAreRefusedByDefault) {
  std::string policy = "package p\nx := " + repeat("(", 10000) + "1" + repeat(")", 10000) + "\n";
  EXPECT_EQ(errors_of(policy), "test.rego:2:1006: rego_parse_error: nesting depth exceeds the limit of 1000\n");
}

TEST(ParseLimits, TenThousandNestedParensParseWhenAllowed) {
  std::string policy = "package p\nx := " + repeat("(", 10000) + "1" + repeat(")", 10000) + "\n";
  ParseOptions deep;
  deep.max_depth = 20000;
  EXPECT_EQ(rules_of(policy, deep), "x := 1 if { true }\n");
}

TEST(ParseLimits, HundredThousandUnclosedBracketsAreRefusedQuickly) {
  std::string policy = "package p\nx := " + repeat("[", 100000) + "\n";
  EXPECT_EQ(errors_of(policy), "test.rego:2:1006: rego_parse_error: nesting depth exceeds the limit of 1000\n");
  // Without a practical limit, unclosed brackets are still an error, not a crash. (5,000
  // levels keep the parser's stack under the 64 MB that AddressSanitizer can unwind.)
  ParseOptions huge;
  huge.max_depth = 1000000;
  std::string five_thousand = "package p\nx := " + repeat("[", 5000) + "\n";
  EXPECT_EQ(errors_of(five_thousand, huge),
            "test.rego:3:1: rego_parse_error: unexpected eof token: expected \",\" or \"]\"\n");
}

TEST(ParseLimits, LongOperatorChainsCountAsDepth) {
  std::string chain = "package p\nx := 1" + repeat(" + 1", 5000) + "\n";
  EXPECT_NE(errors_of(chain).find("nesting depth exceeds the limit of 1000"), std::string::npos);
  ParseOptions deep;
  deep.max_depth = 6000;
  EXPECT_EQ(errors_of(chain, deep), "");
  // Separate expressions do not add up.
  std::string many = "package p\n" + repeat("x := 1 + 1 + 1\n", 2000);
  EXPECT_EQ(errors_of(many), "");
}

TEST(ParseLimits, DeepButValidInputWithinTheLimitParses) {
  std::string arrays = "package p\nx := " + repeat("[", 900) + "1" + repeat("]", 900) + "\n";
  EXPECT_EQ(errors_of(arrays), "");
  std::string objects = "package p\nx := " + repeat("{\"a\": ", 900) + "1" + repeat("}", 900) + "\n";
  EXPECT_EQ(errors_of(objects), "");
  std::string bodies = "package p\nx if " + repeat("{ [y | ", 300) + "true" + repeat("] }", 300) + "\n";
  EXPECT_EQ(errors_of(bodies), "");
}

TEST(ParseLimits, UnbalancedBracketsAreErrors) {
  EXPECT_NE(errors_of("package p\nx := ]]]\n"), "");
  EXPECT_NE(errors_of("package p\nx := {{{\n"), "");
  EXPECT_NE(errors_of("package p\n}}}\np := 1\n"), "");
  EXPECT_NE(errors_of(repeat(")", 1000)), "");
}

TEST(ParseLimits, GarbageNeverCrashes) {
  std::string bytes;
  uint32_t seed = 12345;
  const std::string alphabet = "package p x := if else { } [ ] ( ) \" ` $ { } : , ; . | & 1 -\n\t#_abc";
  for (int round = 0; round < 200; ++round) {
    bytes.clear();
    for (int i = 0; i < 200; ++i) {
      seed = seed * 1103515245 + 12345;
      bytes += alphabet[(seed >> 16) % alphabet.size()];
    }
    Parsed p;
    p.id = p.sources.add("fuzz.rego", bytes);
    (void)parse_module(p.sources, p.id, {}, p.diags);
    (void)parse_query(p.sources, p.id, {}, p.diags);
  }
  SUCCEED();
}

TEST(ParseLimits, ALargeFileParses) {
  std::string rule =
      "allow if {\n  some x in input.items\n  x.kind == \"a\"\n  count({y | y := x.tags[_]}) > 1\n}\n"
      "deny contains msg if { msg := sprintf(\"%v\", [input.user]); not allow }\n";
  std::string policy = "package big\n" + repeat(rule, 4000);  // ~0.5 MB
  Parsed p;
  p.id = p.sources.add("big.rego", policy);
  auto m = parse_module(p.sources, p.id, {}, p.diags);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->rules.size(), 8000u);
}

}  // namespace
}  // namespace arcane::compiler::testing

namespace arcane::compiler::testing {
namespace {

// Every term's location, in a fixed walk order, to compare two parses of the same text.
void term_locations(const ast::Term& t, std::vector<std::pair<uint32_t, uint32_t>>& out) {
  out.emplace_back(t.loc.offset, t.loc.length);
  if (const auto* a = ast::get_if<ast::Array>(t)) {
    for (const auto& x : a->items) term_locations(x, out);
  } else if (const auto* s = ast::get_if<ast::Set>(t)) {
    for (const auto& x : s->items) term_locations(x, out);
  } else if (const auto* o = ast::get_if<ast::Object>(t)) {
    for (const auto& it : o->items) {
      term_locations(it.key, out);
      term_locations(it.value, out);
    }
  } else if (const auto* r = ast::get_if<ast::Ref>(t)) {
    for (const auto& x : r->parts) term_locations(x, out);
  } else if (const auto* c = ast::get_if<ast::Call>(t)) {
    for (const auto& x : c->terms) term_locations(x, out);
  }
}

std::string fingerprint(const std::string& text, bool fold) {
  Parsed p;
  p.id = p.sources.add("t.rego", text);
  ParseOptions o;
  o.fold_constants = fold;
  auto m = parse_module(p.sources, p.id, o, p.diags);
  if (!m.ok()) return "error: " + m.error().message + " at " + std::to_string(m.error().location.offset);
  std::vector<std::pair<uint32_t, uint32_t>> locs;
  for (const auto& r : m->rules) {
    if (r.head.value) term_locations(*r.head.value, locs);
    for (const auto& e : r.body) {
      if (const auto* c = std::get_if<ast::Call>(&e.terms)) {
        for (const auto& t : c->terms) term_locations(t, locs);
      }
    }
  }
  std::string out = ast::to_json(*m, p.sources);
  for (const auto& [off, len] : locs) out += " " + std::to_string(off) + "+" + std::to_string(len);
  return out;
}

TEST(ParseLimits, FoldedConstantsAreTheSameAst) {
  const char* policies[] = {
      "package p\nx := [1, -2, 3.5e1, \"a\\u00e9\", `raw`, true, false, null, [], {}]\n",
      "package p\nx := {\"a\": [1, 2, 3], \"b\": {\"c\": {1, 2, 3}}, 3: -  4,}\n",
      "package p\nx := [, 1, 2, 3, 4, 5, 6, 7]\ny := [1, 2, 3, 4, 5, 6, 7, 8][0]\n",
      "package p\nx := {1, 2, 3, 4, 5, {6, 7}, [8]}\nq if { y := [1, 2, 3, 4, 5, 6]; y[0] == 1 }\n",
      "package p\nf(x) := [1, 2, 3, 4, 5, 6, x]\ng := {\"k\": [1, 2, 3, 4, 5, 6, 7, 8, 9], \"v\": input.x}\n",
      "package p\nx := [1, 2, 3, 4, 5, 6, 7, 01]\n",                 // not folded: an invalid number
      "package p\nx := [1, 2, 3, 4, 5, 6, 7 8]\n",                  // a syntax error either way
      "package p\nx := {\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4\n",  // unterminated
      "package p\np if { [1, 2, 3, 4, 5, 6, 7, 8] }\n",
  };
  for (const char* policy : policies) {
    EXPECT_EQ(fingerprint(policy, true), fingerprint(policy, false)) << policy;
  }
}

TEST(ParseLimits, ALargeDataLiteralParsesWithoutAParseTree) {
  std::string item = R"({"name": "svc", "ports": [80, 443], "tags": {"a", "b"}, "meta": {"ok": true, "n": null}})";
  std::string policy = "package data\n\nservices := [\n";
  for (int i = 0; i < 20000; ++i) policy += (i ? ",\n" : "") + item;  // ~1.8 MB, 600k tokens
  policy += "\n]\n";
  Parsed p;
  p.id = p.sources.add("data.rego", policy);
  auto m = parse_module(p.sources, p.id, {}, p.diags);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(std::get<ast::Array>(m->rules.at(0).head.value->value).items.size(), 20000u);
}

}  // namespace
}  // namespace arcane::compiler::testing
