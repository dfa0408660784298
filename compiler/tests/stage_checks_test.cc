// The checking stages: keyword overrides, duplicate imports, rule conflicts, undefined
// functions, void calls, recursion, types (arity) and deprecated built-ins, with OPA's
// messages (cases from OPA's compile_test.go where it has them).
#include "compiler/tests/stage_helpers.h"

namespace arcane::compiler::testing {
namespace {

using Strings = std::vector<std::string>;

TEST(StageCheckKeywordOverrides, RootDocumentsCannotBeShadowedInV1) {
  EXPECT_EQ(errors_of("package test\ninput := 1\nq if { input := 1 }"),
            "test.rego:2:1: rego_compile_error: rules must not shadow input (use a different rule name)\n"
            "test.rego:3:8: rego_compile_error: variables must not shadow input (use a different variable name)\n");
  // v0 allows it (OPA checks only in strict mode there).
  EXPECT_EQ(errors_of("package test\nq { input := 1; input > 0 }", v0_parse()), "");
}

TEST(StageResolveRefs, ArgumentsMayNotBeRootDocuments) {
  EXPECT_EQ(errors_of("package test\nf(input) { true }", v0_parse()),
            "test.rego:2:1: rego_compile_error: args must not shadow input (use a different variable name)\n");
}

TEST(StageCheckDuplicateImports, NamesMayBeImportedOnce) {
  EXPECT_EQ(errors_of("package test\nimport data.a.x\nimport data.b.x\np := x"),
            "test.rego:3:1: rego_compile_error: import must not shadow import data.a.x\n");
  EXPECT_EQ(errors_of("package test\nimport data.a.x as y\nimport input.y\np := y"),
            "test.rego:3:1: rego_compile_error: import must not shadow import data.a.x as y\n");
  EXPECT_EQ(errors_of("package test\nimport data.a.x\nimport data.b.x\np = x { true }", v0_parse()), "");
}

TEST(StageCheckRuleConflicts, OpaConflictCases) {
  auto c = compile_named(
      {{"mod1.rego",
        "package badrules\n\np contains x if { x = 1 }\np[x] = y if { x = y; x = \"a\" }\nq contains 1 if { true }\n"
        "q = {1, 2, 3} if { true }\nr[x] = y if { x = y; x = \"a\" }\nr[x] = y if { x = y; x = \"a\" }\n"
        "s contains x if { x = \"a\" }\ns contains x if { x = \"b\" }\nt := x if { x = \"a\"}"},
       {"mod2a.rego", "package badrules.r\n\nq contains 1 if { true }"},
       {"mod2b.rego", "package badrules.s\n\nq contains 1 if { true }"},
       {"mod2c.rego", "package badrules.t\n\nq contains 1 if { true }"},
       {"mod3.rego",
        "package badrules.defkw\n\ndefault foo = 1\ndefault foo = 2\nfoo = 3 if { true }\n\ndefault p.q.bar = 1\n"
        "default p.q.bar = 2\np.q.bar = 3 if { true }\n"},
       {"mod4.rego",
        "package badrules.arity\n\nf(1) if { true }\nf if { true }\n\ng(1) if { true }\ng(1,2) if { true }\n\n"
        "p.q.h(1) if { true }\np.q.h if { true }\n\np.q.i(1) if { true }\np.q.i(1,2) if { true }"},
       {"mod7.rego", "package badrules.foo\n\nbar.baz contains \"quz\" if true"},
       {"mod8.rego", "package badrules.complete_partial\np := 1\np[r] := 2 if { r := \"foo\" }"}},
      "CheckRuleConflicts");
  EXPECT_EQ(
      sorted_messages(*c),
      (Strings{"rego_type_error: conflicting rules data.badrules.arity.f found",
               "rego_type_error: conflicting rules data.badrules.arity.g found",
               "rego_type_error: conflicting rules data.badrules.arity.p.q.h found",
               "rego_type_error: conflicting rules data.badrules.arity.p.q.i found",
               "rego_type_error: conflicting rules data.badrules.complete_partial.p[r] found",
               "rego_type_error: conflicting rules data.badrules.p[x] found",
               "rego_type_error: conflicting rules data.badrules.q found",
               "rego_type_error: multiple default rules data.badrules.defkw.foo found at mod3.rego:3, mod3.rego:4",
               "rego_type_error: multiple default rules data.badrules.defkw.p.q.bar found at mod3.rego:7, "
               "mod3.rego:8",
               "rego_type_error: package badrules.s conflicts with rule s defined at mod1.rego:10",
               "rego_type_error: package badrules.s conflicts with rule s defined at mod1.rego:9",
               "rego_type_error: package badrules.t conflicts with rule t defined at mod1.rego:11",
               "rego_type_error: rule data.badrules.s conflicts with [data.badrules.s.q]",
               "rego_type_error: rule data.badrules.t conflicts with [data.badrules.t.q]"}));
}

Strings conflicts(const std::vector<std::string>& modules) {
  std::vector<NamedText> named;
  for (size_t i = 0; i < modules.size(); ++i) named.emplace_back("mod" + std::to_string(i) + ".rego", modules[i]);
  return sorted_messages(*compile_named(named, "CheckRuleConflicts"));
}

TEST(StageCheckRuleConflicts, RefHeads) {
  EXPECT_EQ(conflicts({"package pkg\np.q.r if { true }", "package pkg.p.q\nr(_) = 2"}),
            Strings{"rego_type_error: conflicting rules data.pkg.p.q.r found"});
  EXPECT_EQ(conflicts({"package pkg\ndefault p.q.r = 3\np.q.r if { true }", "package pkg.p.q\ndefault r = 4\nr = 2"}),
            Strings{"rego_type_error: multiple default rules data.pkg.p.q.r found at mod0.rego:2, mod1.rego:2"});
  EXPECT_EQ(conflicts({"package pkg\np.q.w[x] = 1 if x := \"foo\"", "package pkg\np.q.w contains \"bar\""}),
            Strings{"rego_type_error: conflicting rules data.pkg.p.q.w found"});
  EXPECT_EQ(conflicts({"package pkg\np.q.w contains \"baz\"", "package pkg\np.q.w contains \"bar\""}), Strings{});
  EXPECT_EQ(conflicts({"package pkg.q\nr if { true }", "package pkg.q.r"}),
            Strings{"rego_type_error: package pkg.q.r conflicts with rule r defined at mod0.rego:2"});
  EXPECT_EQ(conflicts({"package pkg\np.q.r if { true }", "package pkg.p.q.r"}),
            Strings{"rego_type_error: package pkg.p.q.r conflicts with rule p.q.r defined at mod0.rego:2"});
  EXPECT_EQ(conflicts({"package pkg\np.q.r if { true }\np.q.r.s if { true }\np.q.r.t if { true }"}),
            Strings{"rego_type_error: rule data.pkg.p.q.r conflicts with [data.pkg.p.q.r.s data.pkg.p.q.r.t]"});
  EXPECT_EQ(conflicts({"package pkg\np.q[r] = x if { r = input.key; x = input.foo }\np.q.r.s = x if { true }"}),
            Strings{});
  EXPECT_EQ(conflicts({"package pkg\np[r] := x if { r = input.key; x = input.bar }\np contains q if { true }"}),
            Strings{"rego_type_error: conflicting rules data.pkg.p found"});
  EXPECT_EQ(conflicts({"package pkg\np(x) := x\np.q.r if { true }"}),
            Strings{"rego_type_error: rule data.pkg.p conflicts with [data.pkg.p.q.r]"});
  EXPECT_EQ(conflicts({"package test\np[x] := y if { x := \"a\"; y := \"b\" }", "package test.p\nq := 1"}), Strings{});
  EXPECT_EQ(conflicts({"package test\np := x if { x := \"a\" }", "package test.p\nq := 1"}),
            (Strings{"rego_type_error: package test.p conflicts with rule p defined at mod0.rego:2",
                     "rego_type_error: rule data.test.p conflicts with [data.test.p.q]"}));
  EXPECT_EQ(conflicts({"package pkg\ndefault f(_) = 100\nf(x, y) = x if { x == y }"}),
            Strings{"rego_type_error: conflicting rules data.pkg.f found"});
}

TEST(StageCheckUndefinedFuncs, OpaCases) {
  std::string module =
      "package test\n\n"
      "undefined_function if {\n  data.deadbeef(x)\n}\n"
      "undefined_global if {\n  deadbeef(x)\n}\n"
      "undefined_dynamic_dispatch if {\n  x = \"f\"; data.test2[x](1)\n}\n"
      "undefined_dynamic_dispatch_declared_var if {\n  y := \"f\"; data.test2[y](1)\n}\n"
      "arity_mismatch_1 if {\n  data.test2.f(1,2,3)\n}\n"
      "arity_mismatch_2 if {\n  data.test2.f()\n}\n"
      "arity_mismatch_3 if {\n  x:= data.test2.f()\n}\n"
      "builtin_arity if {\n  count(1, 2, 3)\n}\n";
  auto c = compile_named({{"test.rego", module}, {"test2.rego", "package test2\n\nf(x) = x\n"}});
  EXPECT_EQ(c->errors(),
            "test.rego:4:3: rego_type_error: undefined function data.deadbeef\n"
            "test.rego:7:3: rego_type_error: undefined function deadbeef\n"
            "test.rego:10:12: rego_type_error: undefined function data.test2[x]\n"
            "test.rego:13:13: rego_type_error: undefined function data.test2[y]\n"
            "test.rego:16:3: rego_type_error: function data.test2.f has arity 1, got 3 arguments\n"
            "test.rego:19:3: rego_type_error: function data.test2.f has arity 1, got 0 arguments\n"
            "test.rego:22:7: rego_type_error: function data.test2.f has arity 1, got 0 arguments\n"
            "test.rego:25:3: rego_type_error: count: arity mismatch\n");
  EXPECT_EQ(query_after("", "data.foo(1)"), "query:1:1: rego_type_error: undefined function data.foo\n");
  EXPECT_EQ(query_after("", "x := \"f\"; data[x](1)"), "query:1:11: rego_type_error: undefined function data[x]\n");
}

TEST(StageCheckVoidCalls, VoidBuiltinsAreNotValues) {
  EXPECT_EQ(errors_of("package test\np if {\n  x = void(true)\n}"),
            "test.rego:3:7: rego_type_error: void(true) used as value\n");
}

TEST(StageCheckRecursion, CyclesAreReportedForEveryRuleOnThem) {
  std::string policy =
      "package rec\ns = true if { t }\nt = true if { s }\na = true if { b }\nb = true if { c }\n"
      "c = true if { d; e }\nd = true if { true }\ne = true if { a }\n";
  auto c = compile_named({{"rec.rego", policy}});
  EXPECT_EQ(sorted_messages(*c),
            (Strings{"rego_recursion_error: rule data.rec.a is recursive: data.rec.a -> data.rec.b -> data.rec.c -> "
                     "data.rec.e -> data.rec.a",
                     "rego_recursion_error: rule data.rec.b is recursive: data.rec.b -> data.rec.c -> data.rec.e -> "
                     "data.rec.a -> data.rec.b",
                     "rego_recursion_error: rule data.rec.c is recursive: data.rec.c -> data.rec.e -> data.rec.a -> "
                     "data.rec.b -> data.rec.c",
                     "rego_recursion_error: rule data.rec.e is recursive: data.rec.e -> data.rec.a -> data.rec.b -> "
                     "data.rec.c -> data.rec.e",
                     "rego_recursion_error: rule data.rec.s is recursive: data.rec.s -> data.rec.t -> data.rec.s",
                     "rego_recursion_error: rule data.rec.t is recursive: data.rec.t -> data.rec.s -> data.rec.t"}));
}

TEST(StageCheckRecursion, SelfReferencesElseAndFunctions) {
  EXPECT_EQ(errors_of("package rec7\n\nprefix = true if { data.rec7 }"),
            "test.rego:3:1: rego_recursion_error: rule data.rec7.prefix is recursive: data.rec7.prefix -> "
            "data.rec7.prefix\n");
  EXPECT_EQ(errors_of("package rec8\ndataref = true if { data }"),
            "test.rego:2:1: rego_recursion_error: rule data.rec8.dataref is recursive: data.rec8.dataref -> "
            "data.rec8.dataref\n");
  EXPECT_EQ(errors_of("package rec9\nelse_self if { false } else if { else_self }"),
            "test.rego:2:24: rego_recursion_error: rule data.rec9.else_self is recursive: data.rec9.else_self -> "
            "data.rec9.else_self\n");
  EXPECT_EQ(errors_of("package f0\nfn(x) = y if {\n  fn(x, y)\n}"),
            "test.rego:2:1: rego_recursion_error: rule data.f0.fn is recursive: data.f0.fn -> data.f0.fn\n");
  EXPECT_EQ(errors_of("package recursion\npkg = \"recursion\"\nfoo contains x if {\n  data[pkg][\"foo\"][x]\n}"),
            "test.rego:3:1: rego_recursion_error: rule data.recursion.foo is recursive: data.recursion.foo -> "
            "data.recursion.foo\n");
}

TEST(StageCheckTypes, CallArity) {
  // CheckUndefinedFuncs catches most arity errors first; an output operand given to a
  // built-in without a result is only caught by the type checker.
  EXPECT_EQ(errors_of("package test\np if {\n  void(1, x)\n}"),
            "test.rego:3:3: rego_type_error: void: too many arguments\n"
            "\thave: (number, \?\?\?)\n"
            "\twant: (any)\n");
}

TEST(StageCheckDeprecatedBuiltins, OnlyInV1Modules) {
  EXPECT_EQ(errors_of("package test\np if {\n  re_match(\"a\", \"a\")\n}"),
            "test.rego:3:3: rego_type_error: deprecated built-in function calls in expression: re_match\n");
  EXPECT_EQ(errors_of("package test\np { re_match(\"a\", \"a\") }", v0_parse()), "");
}

TEST(StageResolveRefs, ImportsAndRulesBecomeFullRefs) {
  std::string policy =
      "package a.b\nimport data.foo.bar\nimport input.x as y\nq := 1\n"
      "p contains z if { bar[_] = z; y.k == q }\nr if { q := 2; q > 1 }\nc.d[e] := 1 if e := \"e\"\ns if c.d.e == 1";
  EXPECT_EQ(rules_after("ResolveRefs", policy),
            "q := 1 if { true }\n"
            "p contains z if { eq(data.foo.bar[$0], z); equal(input.x.k, data.a.b.q) }\n"
            "r = true if { assign(q, 2); gt(q, 1) }\n"
            "c.d[e] := 1 if { assign(e, \"e\") }\n"
            "s = true if { equal(data.a.b.c.d.e, 1) }\n");
}

TEST(StageResolveRefs, RefsInsideRefsAndQueriesInAPackage) {
  EXPECT_EQ(nth_body("ResolveRefs", "package a\nk := \"x\"\np if { input[k] }", 1), "input[data.a.k]");
  auto c = compile_texts({"package a\nq := 1"});
  ASSERT_TRUE(c->program);
  uint32_t id = c->sources.add("query", "q = x");
  auto body = parse_query(c->sources, id, {}, c->diags);
  QueryOptions qo;
  qo.package_path.push_back(ast::make_var("data", {}));
  qo.package_path.push_back(ast::make_string("a", {}));
  auto q = compile_query(*c->program, std::move(*body), qo, c->diags);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(ast::to_string(q->body), "eq(data.a.q, x)");
  EXPECT_EQ(q->result_vars, Strings{"x"});
}

// The compile errors of OPA's CLI runs in ../shared/opa-cli-golden (31, 32, 45, 48, 52), as
// `opa check` / `opa eval` report them (row and column).
TEST(StageGolden, OpaCliCompileErrors) {
  EXPECT_EQ(errors_of("package authz\n\nallow if {\n\tinput.action == \"write\"\n\tinput.resource.owner == owner\n}\n"),
            "test.rego:5:2: rego_unsafe_var_error: var owner is unsafe\n");
  EXPECT_EQ(errors_of("package authz\n\ndelegates contains agent if {\n\tsome agent in input.delegations\n}\n\n"
                      "chain contains agent if {\n\tsome agent in chain\n}\n"),
            "test.rego:7:1: rego_recursion_error: rule data.authz.chain is recursive: data.authz.chain -> "
            "data.authz.chain\n");
  EXPECT_EQ(
      errors_of("package authz\n\nimport data.registry\n\nallow if {\n\tagent := registry.agents[input.agent.id]\n"
                "\tinput.action in agent.actions\n}\n\nowner_match if input.resource.owner == owner\n\n"
                "self_service if input.user.id == requester\n"),
      "test.rego:10:16: rego_unsafe_var_error: var owner is unsafe\n"
      "test.rego:12:17: rego_unsafe_var_error: var requester is unsafe\n");
  EXPECT_EQ(errors_of("package authz_test\n\nimport data.authz\n\ntest_owner if {\n"
                      "\tauthz.allow with input as {\"action\": \"read\", \"owner\": owner}\n}\n"),
            "test.rego:6:2: rego_unsafe_var_error: var owner is unsafe\n");
  EXPECT_EQ(errors_of("package authz\n\nsuspicious if re_match(\"^tmp-\", input.agent.id)\n"),
            "test.rego:3:15: rego_type_error: deprecated built-in function calls in expression: re_match\n");
}

TEST(StageGolden, ErrorsStopAtTheDiagnosticsLimit) {
  auto c = std::make_unique<Compiled>();
  c->diags = runtime::Diagnostics(2);
  uint32_t id = c->sources.add("test.rego", "package test\nr = y if { y = true; x = z }\ns[x] = y if { z = y + x }\n");
  auto m = parse_module(c->sources, id, {}, c->diags);
  ASSERT_TRUE(m.ok());
  std::vector<ast::Module> mods;
  mods.push_back(std::move(*m));
  CompileOptions o;
  o.builtins = test_builtins();
  o.sources = &c->sources;
  EXPECT_FALSE(compile(std::move(mods), o, c->diags).ok());
  EXPECT_EQ(c->errors(),
            "test.rego:2:22: rego_unsafe_var_error: var x is unsafe\n"
            "test.rego:2:22: rego_unsafe_var_error: var z is unsafe\n");
}

}  // namespace
}  // namespace arcane::compiler::testing
