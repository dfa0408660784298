// Strict mode (`opa check --strict`): unused imports (ResolveRefs), unused assigned
// variables and unused function arguments (RewriteLocalVars), with OPA's messages.
#include "compiler/tests/stage_helpers.h"

namespace arcane::compiler::testing {
namespace {

std::string strict_errors(const std::string& module) {
  return compile_named({{"test.rego", module}}, "", {}, false, true)->errors();
}

TEST(StageStrict, UnusedImportIsAnError) {
  EXPECT_EQ(strict_errors("package test\nimport data.registry\nallow if input.x"),
            "test.rego:2:1: rego_compile_error: import data.registry unused\n");
  EXPECT_EQ(strict_errors("package test\nimport data.registry as r\nallow if r.x"), "");
  // Keyword imports are never unused; without strict mode nothing is reported.
  EXPECT_EQ(strict_errors("package test\nimport rego.v1\nimport future.keywords.in\nallow if 1 in input"), "");
  EXPECT_EQ(errors_of("package test\nimport data.registry\nallow if input.x"), "");
  // A local of the same name shadows the import: it stays unused.
  EXPECT_EQ(strict_errors("package test\nimport data.x\nallow if { x := 1; x > 0 }"),
            "test.rego:2:1: rego_compile_error: import data.x unused\n");
}

TEST(StageStrict, AssignedVarNeverReadIsAnError) {
  EXPECT_EQ(strict_errors("package test\nallow if {\n\ttier := input.tier\n\tinput.action == \"read\"\n}"),
            "test.rego:3:2: rego_compile_error: assigned var tier unused\n");
  EXPECT_EQ(strict_errors("package test\nallow if {\n\ttier := input.tier\n\ttier == 1\n}"), "");
  // Used by the head, or inside a comprehension, is used.
  EXPECT_EQ(strict_errors("package test\np := x if { x := 1 }"), "");
  EXPECT_EQ(strict_errors("package test\np if { x := 1; count([y | y := x]) > 0 }"), "");
  EXPECT_EQ(errors_of("package test\nallow if { tier := input.tier; input.x }"), "");
}

TEST(StageStrict, UnusedFunctionArgumentIsAnError) {
  EXPECT_EQ(strict_errors("package test\nf(user, roles) if \"admin\" in input.roles"),
            "test.rego:2:1: rego_compile_error: unused argument user. (hint: use _ (wildcard variable) instead)\n"
            "test.rego:2:1: rego_compile_error: unused argument roles. (hint: use _ (wildcard variable) instead)\n");
  EXPECT_EQ(strict_errors("package test\nf(x, _) := x + 1"), "");
  EXPECT_EQ(strict_errors("package test\nf(x) := 1 if { x > 1 } else := 2"), "");
}

}  // namespace
}  // namespace arcane::compiler::testing
