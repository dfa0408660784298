// METADATA annotations and the rego.metadata.* rewrite (ParseMetadataBlocks,
// RewriteRegoMetadataCalls): blocks attach to the next package or rule, YAML becomes OPA's
// annotation objects, and the calls become constants assigned at the start of the body.
#include "compiler/tests/stage_helpers.h"
#include "runtime/json_writer.h"

namespace arcane::compiler::testing {
namespace {

const char* kModule =
    "# METADATA\n"
    "# description: The suite\n"
    "package testing\n"
    "\n"
    "# METADATA\n"
    "# scope: document\n"
    "# title: Doc\n"
    "p := 1 if false\n"
    "\n"
    "# METADATA\n"
    "# title: Rule\n"
    "# authors:\n"
    "# - Jane Doe <jane@example.com>\n"
    "# - OPA\n"
    "# related_resources:\n"
    "# - https://example.com\n"
    "p := x if { x := rego.metadata.chain() }\n"
    "\n"
    "q := x if { x := rego.metadata.rule() }\n";

TEST(StageMetadata, BlocksBecomeAnnotations) {
  auto c = compile_texts({kModule}, "ParseMetadataBlocks");
  ASSERT_TRUE(c->program) << c->errors();
  const auto& as = c->program->annotations;
  ASSERT_EQ(as.size(), 3u);
  EXPECT_EQ(runtime::to_json(as[0].value), R"({"description":"The suite","scope":"package"})");
  EXPECT_FALSE(as[0].rule.has_value());
  EXPECT_EQ(runtime::to_json(as[1].value), R"({"scope":"document","title":"Doc"})");
  EXPECT_EQ(as[1].rule, 0u);
  EXPECT_EQ(runtime::to_json(as[2].value),
            R"({"authors":[{"email":"jane@example.com","name":"Jane Doe"},{"name":"OPA"}],)"
            R"("related_resources":[{"ref":"https://example.com"}],"scope":"rule","title":"Rule"})");
  EXPECT_EQ(as[2].rule, 1u);
}

TEST(StageMetadata, CallsBecomeConstants) {
  std::string chain = nth_body("RewriteRegoMetadataCalls", kModule, 1);
  EXPECT_NE(chain.find(R"("annotations": {"authors")"), std::string::npos) << chain;
  EXPECT_NE(chain.find(R"("path": ["testing", "p"])"), std::string::npos) << chain;
  EXPECT_NE(chain.find(R"("path": ["testing"])"), std::string::npos) << chain;
  EXPECT_EQ(chain.find("rego.metadata"), std::string::npos) << chain;
  // A rule without annotations: rego.metadata.rule() is {}.
  std::string rule = nth_body("RewriteRegoMetadataCalls", kModule, 2);
  EXPECT_NE(rule.find(", {})"), std::string::npos) << rule;
}

TEST(StageMetadata, BadYamlAndScopesAreParseErrors) {
  EXPECT_NE(errors_of("package p\n# METADATA\n# title: [\nq := 1").find("rego_parse_error"), std::string::npos);
  EXPECT_EQ(errors_of("package p\n# METADATA\n# scope: package\nq := 1"),
            "test.rego:2:1: rego_parse_error: annotation scope 'package' must be applied to package\n");
}

}  // namespace
}  // namespace arcane::compiler::testing
