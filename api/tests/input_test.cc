// Input documents from files, as `opa eval -i` reads them.
#include <gtest/gtest.h>

#include "api/tests/test_util.h"
#include "arcane/arcane.h"

namespace arcane {
namespace {

using testing::json;
using testing::TempDir;

// Golden 20: YAML 1.1 (`yes` is true), numbers kept.
TEST(Input, GoldenYaml) {
  auto input = load_input_file(testing::golden_dir("20-eval-input-yaml") + "/input.yaml");
  ASSERT_TRUE(input.ok()) << input.error().to_string();
  EXPECT_EQ(input.value(), testing::golden_value("20-eval-input-yaml"));
  EXPECT_EQ(value_to_json(input.value()), value_to_json(testing::golden_value("20-eval-input-yaml")));
}

// Golden 21: OPA's wording for a missing file.
TEST(Input, GoldenMissingFile) {
  testing::ScopedChdir cd(testing::golden_dir("21-eval-input-file-missing"));
  auto input = load_input_file("missing.json");
  ASSERT_FALSE(input.ok());
  EXPECT_EQ(input.error().to_string(), testing::read_text("stderr").substr(0, testing::read_text("stderr").size() - 1));
}

TEST(Input, JsonFile) {
  TempDir dir;
  auto input = load_input_file(dir.write("in.json", R"({"user": {"id": "alice"}, "n": 1.50})"));
  ASSERT_TRUE(input.ok());
  EXPECT_EQ(value_to_json(input.value()), R"({"n":1.50,"user":{"id":"alice"}})");
}

TEST(Input, ScalarsAndNull) {
  TempDir dir;
  EXPECT_EQ(load_input_file(dir.write("s.json", R"("text")")).value(), Value::from_string("text"));
  EXPECT_EQ(load_input_file(dir.write("n.yaml", "~\n")).value(), Value::null());
}

TEST(Input, MalformedJsonNamesTheFile) {
  TempDir dir;
  testing::ScopedChdir cd(dir.path());
  dir.write("bad.json", "{\"a\": }");
  auto input = load_input_file("bad.json");
  ASSERT_FALSE(input.ok());
  // Go's decoder wording, as OPA reports it.
  EXPECT_EQ(input.error().to_string(), "bad.json: invalid character '}' looking for beginning of value");
}

TEST(Input, OtherExtensionsTryJsonThenYaml) {
  TempDir dir;
  EXPECT_EQ(load_input_file(dir.write("a.txt", "[1, 2]")).value(), json("[1, 2]"));
  EXPECT_EQ(load_input_file(dir.write("b.txt", "k: on\n")).value(), json(R"({"k": true})"));
}

TEST(Input, DirectoryIsAnError) {
  TempDir dir;
  auto input = load_input_file(dir.path());
  ASSERT_FALSE(input.ok());
  EXPECT_EQ(input.error().to_string(), "read " + dir.path() + ": is a directory");
}

}  // namespace
}  // namespace arcane
