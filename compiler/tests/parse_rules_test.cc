// Parser tests for modules: package and imports, every rule form of Rego v1 and v0, the
// head fields OPA gives each (name, ref, key, value, assign), else chains, defaults, and
// the v0/v1 keyword switch.
#include "compiler/tests/parse_helpers.h"

namespace arcane::compiler::testing {
namespace {

TEST(ParseRules, PackageAndImports) {
  Parsed p;
  p.id = p.sources.add("m.rego",
                       "package a.b[\"c-d\"]\nimport data.x.y\nimport input.z as w\nimport future.keywords.in\n"
                       "import rego.v1\n");
  auto m = parse_module(p.sources, p.id, {}, p.diags);
  ASSERT_TRUE(m.ok()) << p.diags.items().at(0).message;
  EXPECT_EQ(ast::to_string(m->package.path), R"(data.a.b["c-d"])");
  ASSERT_EQ(m->imports.size(), 4u);
  EXPECT_EQ(ast::to_string(m->imports[0].path), "data.x.y");
  EXPECT_EQ(ast::to_string(m->imports[1].path), "input.z");
  EXPECT_EQ(m->imports[1].alias, "w");
  EXPECT_EQ(ast::to_string(m->imports[2].path), "future.keywords[\"in\"]");
  EXPECT_EQ(m->version, RegoVersion::V1);
}

TEST(ParseRules, CompleteRules) {
  EXPECT_EQ(rules_of("package p\np := 1\nq = 2\nr if { true }\ns := v if { v := 1 }\nt if x > 1\n"),
            "p := 1 if { true }\nq = 2 if { true }\nr = true if { true }\ns := v if { assign(v, 1) }\n"
            "t = true if { gt(x, 1) }\n");
  EXPECT_EQ(rules_of("package p\np if {\n  x := 1\n  x > 0; x < 2\n}\n"),
            "p = true if { assign(x, 1); gt(x, 0); lt(x, 2) }\n");
}

TEST(ParseRules, PartialSetAndObjectRules) {
  EXPECT_EQ(rules_of("package p\ns contains x if some x in xs\ns contains \"a\"\no[k] := v if { k := 1; v := 2 }\n"),
            "s contains x if { some internal.member_2(x, xs) }\ns contains \"a\" if { true }\n"
            "o[k] := v if { assign(k, 1); assign(v, 2) }\n");
  EXPECT_EQ(rule_json("s contains x if x := 1"),
            rule_json("s contains x if { x := 1 }"));
}

TEST(ParseRules, HeadFieldsAreShapedAsOpaShapesThem) {
  auto head = [](const std::string& rule, const ParseOptions& o = {}) {
    Parsed p;
    p.id = p.sources.add("t.rego", "package p\n" + rule);
    auto m = parse_module(p.sources, p.id, o, p.diags);
    if (!m.ok()) return "error: " + m.error().message;
    const ast::Head& h = m->rules.at(0).head;
    return "name=" + h.name + " ref=" + ast::to_string(h.ref) + " key=" + (h.key ? ast::to_string(*h.key) : "-") +
           " value=" + (h.value ? ast::to_string(*h.value) : "-") + (h.assign ? " assign" : "");
  };
  EXPECT_EQ(head("p := 1"), "name=p ref=p key=- value=1 assign");
  EXPECT_EQ(head("p contains 1"), "name=p ref=p key=1 value=-");
  EXPECT_EQ(head("p[x] := 1 if x := 2"), "name=p ref=p[x] key=x value=1 assign");
  EXPECT_EQ(head("p[x] if x := 2"), "name= ref=p[x] key=x value=true");
  EXPECT_EQ(head("a.b if true"), "name= ref=a.b key=- value=true");
  EXPECT_EQ(head("a.b[c].d := 1 if c := 2"), "name= ref=a.b[c].d key=- value=1 assign");
  EXPECT_EQ(head("a.b contains x if x := 1"), "name= ref=a.b key=x value=-");
  EXPECT_EQ(head("f(x, y) := z if z := x"), "name=f ref=f key=- value=z assign");
  EXPECT_EQ(head("a.f(x) := 1"), "name= ref=a.f key=- value=1 assign");
  EXPECT_EQ(head("p[x] { x := 1 }", v0_options()), "name=p ref=p key=x value=-");
  EXPECT_EQ(head("p[k] = v { k := 1; v := 2 }", v0_options()), "name=p ref=p[k] key=k value=v");
  EXPECT_EQ(head("p.q = 1", v0_options()), "name=p ref=p.q key=\"q\" value=1");
}

TEST(ParseRules, Functions) {
  EXPECT_EQ(rules_of("package p\nf(x) := x + 1\ng(_, y) if y > 0\nh(x) = y if { y := x }\n"),
            "f(x) := plus(x, 1) if { true }\ng($0, y) = true if { gt(y, 0) }\nh(x) = y if { assign(y, x) }\n");
}

TEST(ParseRules, DefaultRules) {
  EXPECT_EQ(rules_of("package p\ndefault allow := false\ndefault f(_) := 1\ndefault g = {\"a\": [1]}\n"),
            "default allow := false\ndefault f($0) := 1\ndefault g = {\"a\": [1]}\n");
  EXPECT_EQ(errors_of("package p\ndefault p := x\n"),
            "test.rego:2:1: rego_parse_error: illegal default rule (value cannot contain var)\n");
  EXPECT_EQ(errors_of("package p\ndefault p := [input.x]\n"),
            "test.rego:2:1: rego_parse_error: illegal default rule (value cannot contain ref)\n");
  EXPECT_EQ(errors_of("package p\ndefault p\n"),
            "test.rego:2:1: rego_parse_error: illegal default rule (must have a value)\n");
  EXPECT_EQ(rules_of("package p\ndefault p := [x | x := 1]\n"), "default p := [x | assign(x, 1)]\n");
}

TEST(ParseRules, ElseChains) {
  EXPECT_EQ(rules_of("package p\np := 1 if false else := 2 if { true } else = 3\n"),
            "p := 1 if { false } else := 2 if { true } else = 3 if { true }\n");
  EXPECT_EQ(rules_of("package p\nf(_) := 1 if false\n  else := 2\n"), "f($0) := 1 if { false } else := 2 if { true }\n");
  EXPECT_EQ(rules_of("package p\np { false } else { true }\n", v0_options()),
            "p = true if { false } else = true if { true }\n");
  EXPECT_EQ(errors_of("package p\np[x] := 1 if x := 1 else := 2\n"),
            "test.rego:2:21: rego_parse_error: else keyword cannot be used on rules with variables in head\n");
  EXPECT_EQ(errors_of("package p\np contains 1 if true else := 2\n"),
            "test.rego:2:22: rego_parse_error: else keyword cannot be used on multi-value rules\n");
}

TEST(ParseRules, ChainedBodiesKeepTheHeadsKeywords) {
  EXPECT_EQ(rules_of("package p\np if { a } { b }\ns contains 1 if { a } { b }\n"),
            "p = true if { a }\np = true if { b }\ns contains 1 if { a }\ns contains 1 if { b }\n");
}

TEST(ParseRules, V0Forms) {
  EXPECT_EQ(rules_of("package p\np[x] { x := 1 }\nq { true }\nr = 1 { true }\ns { a } { b }\nt[x] = y { y := x }\n",
                     v0_options()),
            "p contains x if { assign(x, 1) }\nq = true if { true }\nr = 1 if { true }\ns = true if { a }\n"
            "s = true if { b }\nt[x] = y if { assign(y, x) }\n");
}

TEST(ParseRules, V0KeywordsAreNamesUntilImported) {
  EXPECT_EQ(rules_of("package p\nin := 1\nif := 2\nevery := [1]\nx := contains\n", v0_options()),
            "in := 1 if { true }\nif := 2 if { true }\nevery := [1] if { true }\nx := contains if { true }\n");
  EXPECT_EQ(rules_of("package p\nimport future.keywords.in\np { 1 in [1] }\n", v0_options()),
            "p = true if { internal.member_2(1, [1]) }\n");
  EXPECT_EQ(rules_of("package p\nimport future.keywords.every\np { every x in [1] { x } }\n", v0_options()),
            "p = true if { every x in [1] { x } }\n");
  // `import future.keywords` enables all of them; `import rego.v1` also asks for v1 rules.
  EXPECT_EQ(rules_of("package p\nimport future.keywords\np contains x if some x in [1]\n", v0_options()),
            "p contains x if { some internal.member_2(x, [1]) }\n");
  EXPECT_EQ(errors_of("package p\nimport rego.v1\np { true }\n", v0_options()),
            "test.rego:3:1: rego_parse_error: `if` keyword is required before rule body\n");
  // In v1 they are keywords.
  EXPECT_EQ(errors_of("package p\nin := 1\n"), "test.rego:2:1: rego_parse_error: unexpected in keyword\n");
}

TEST(ParseRules, KeywordsInRefs) {
  EXPECT_EQ(rules_of("package p\np if input.in.if == data.contains.every\nelse.x := 1\nimport.y := 2\n"),
            "p = true if { equal(input[\"in\"][\"if\"], data[\"contains\"][\"every\"]) }\nelse.x := 1 if { true }\n"
            "import.y := 2 if { true }\n");
}

TEST(ParseRules, ContainsIsANameOutsideHeads) {
  EXPECT_EQ(rules_of("package p\np if contains(\"abc\", \"b\")\n"), "p = true if { contains(\"abc\", \"b\") }\n");
}

TEST(ParseRules, RuleLocationsAndComments) {
  Parsed p;
  p.id = p.sources.add("t.rego", "package p\n\n# a rule\nallow if {\n  true\n}\n");
  auto m = parse_module(p.sources, p.id, {}, p.diags);
  ASSERT_TRUE(m.ok());
  const ast::Rule& r = m->rules.at(0);
  EXPECT_EQ(p.sources.get(p.id)->line_col(r.loc.offset).line, 4u);
  EXPECT_EQ(r.loc.length, 19u);  // `allow if {` through `}`
  ASSERT_EQ(m->comments.size(), 1u);
  EXPECT_EQ(m->comments[0].text, " a rule");
  EXPECT_EQ(m->comments[0].loc.offset, 11u);
}

TEST(ParseRules, ExperimentalLogicalRules) {
  EXPECT_EQ(rules_of("package p\nimport future.keywords.and\np := 1 if input.x > 0 and input.y > 0\n",
                     experimental_options()),
            "p := 1 if { (gt(input.x, 0)) and (gt(input.y, 0)) }\n");
}

}  // namespace
}  // namespace arcane::compiler::testing
