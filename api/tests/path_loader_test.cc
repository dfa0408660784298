// `-d` paths: modules and data files loaded and mounted as `opa eval -d` does.
#include <gtest/gtest.h>

#include "api/tests/test_util.h"
#include "arcane/arcane.h"

namespace arcane {
namespace {

using testing::json;
using testing::TempDir;

Result<Engine> load(const std::vector<std::string>& paths, EngineOptions options = {}) {
  EngineBuilder b(options);
  for (const auto& p : paths) b.add_path(p);
  return b.build();
}

std::vector<std::string> messages(const Errors& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.to_string());
  return out;
}

// Golden 17: every data file below the directory, mounted at its directory path; a file at
// the top merges into data itself, whatever its name.
TEST(PathLoader, GoldenDataDirectory) {
  testing::ScopedChdir cd(testing::golden_dir("17-eval-data-dir"));
  auto engine = load({"policies"});
  ASSERT_TRUE(engine.ok()) << engine.error().to_string();
  // OPA's output also has "authz": {} (the rule tree, which evaluation adds).
  EXPECT_EQ(engine->data(), json(R"({
    "default_tier": "sandbox",
    "registry": {"agents": {"build-bot": {"actions": ["read", "write"], "tier": "trusted"}}},
    "tenants": {"acme": {"max_agents": 25, "plan": "enterprise"}}})"));
  EXPECT_EQ(engine->module_names(), (std::vector<std::string>{"policies/authz.rego"}));
}

TEST(PathLoader, NestedDirectoriesMountAtTheirPath) {
  TempDir dir;
  dir.write("root/a/b/x.json", R"({"k": 1})");
  dir.write("root/a/y.yaml", "flag: yes\nnum: 0x10\ny: 1\n");  // YAML 1.1: the key y is true
  dir.write("root/top.json", R"({"t": true})");
  dir.write("root/p/policy.rego", "package p\n\nallow := true\n");
  dir.write("root/README.md", "ignored");
  dir.write("root/a/.manifest", "ignored too");
  auto engine = load({dir.path("root")});
  ASSERT_TRUE(engine.ok()) << engine.error().to_string();
  EXPECT_EQ(engine->data(), json(R"({"a": {"b": {"k": 1}, "flag": true, "num": 16, "true": 1}, "t": true})"));
  EXPECT_EQ(engine->module_names(), (std::vector<std::string>{dir.path("root/p/policy.rego")}));
}

TEST(PathLoader, PrefixMountsUnderData) {
  TempDir dir;
  dir.write("d/x.json", R"({"k": 1})");
  dir.write("f.json", R"([1, 2])");
  auto engine = load({"a.b:" + dir.path("d"), "c:" + dir.path("f.json")});
  ASSERT_TRUE(engine.ok()) << engine.error().to_string();
  EXPECT_EQ(engine->data(), json(R"({"a": {"b": {"k": 1}}, "c": [1, 2]})"));
}

TEST(PathLoader, FilesGivenDirectlyAndPathsJoinedAsGoDoes) {
  TempDir dir;
  dir.write("d/sub/data.json", R"({"k": 1})");
  dir.write("d/m.rego", "package m\n");
  // A file named directly merges at the top; the same directory twice is a conflict.
  auto engine = load({dir.path("d") + "/./", dir.path("d/sub/data.json")});
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(engine->data(), json(R"({"k": 1, "sub": {"k": 1}})"));
  auto twice = load({dir.path("d"), dir.path("d") + "/"});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(messages(twice.errors()), (std::vector<std::string>{dir.path("d/sub/data.json") + ": merge error"}));

  auto ok = load({dir.path("d") + "/./"});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->module_names(), (std::vector<std::string>{dir.path("d/m.rego")}));
}

TEST(PathLoader, ObjectsMergeAndConflictsAreErrors) {
  TempDir dir;
  dir.write("d/a.json", R"({"x": {"y": 1}})");
  dir.write("d/b.json", R"({"x": {"z": 2}})");
  auto merged = load({dir.path("d")});
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->data(), json(R"({"x": {"y": 1, "z": 2}})"));

  dir.write("d/c.json", R"({"x": {"y": 3}})");
  auto conflict = load({dir.path("d")});
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(messages(conflict.errors()), (std::vector<std::string>{dir.path("d/c.json") + ": merge error"}));
}

TEST(PathLoader, TopLevelDocumentMustBeAnObject) {
  TempDir dir;
  dir.write("d/list.json", "[1]");
  dir.write("d/sub/list.json", "[2]");  // fine: mounted at sub
  auto engine = load({dir.path("d")});
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(messages(engine.errors()),
            (std::vector<std::string>{dir.path("d/list.json") + ": document must be of type object"}));
}

TEST(PathLoader, MissingPath) {
  TempDir dir;
  testing::ScopedChdir cd(dir.path());
  auto engine = load({"nope.rego", "nodir"});
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(messages(engine.errors()), (std::vector<std::string>{"stat nope.rego: no such file or directory",
                                                                 "stat nodir: no such file or directory"}));
  EXPECT_EQ(engine.error().code, "");
  EXPECT_EQ(to_json(engine.error()), R"({"message":"stat nope.rego: no such file or directory"})");
}

// Golden 22: a JSON data file is reported with Go's decoder error, as OPA's loader does.
TEST(PathLoader, MalformedDataNamesFileAndGoError) {
  testing::ScopedChdir cd(testing::golden_dir("22-eval-data-file-bad-json"));
  auto engine = load({"policy.rego", "registry.json"});
  ASSERT_FALSE(engine.ok());
  ASSERT_EQ(engine.errors().size(), 1u);
  EXPECT_EQ(engine.error().to_string(), "registry.json: unexpected EOF");
  EXPECT_FALSE(engine.error().location);
}

TEST(PathLoader, MalformedYaml) {
  TempDir dir;
  dir.write("d/bad.yaml", "a: [1, 2\n");
  auto engine = load({dir.path("d")});
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.error().to_string().rfind(dir.path("d/bad.yaml") + ":", 0), 0u) << engine.error().to_string();
}

TEST(PathLoader, ModuleParseErrorsAreLocatedAndAllFilesAreLoaded) {
  TempDir dir;
  dir.write("d/a.rego", "package a\n\np {\n\ttrue\n}\n");
  dir.write("d/b.json", "{");
  dir.write("d/c.rego", "package c\n\nq if {\n\t1 +\n}\n");
  auto engine = load({dir.path("d")});
  ASSERT_FALSE(engine.ok());
  ASSERT_EQ(engine.errors().size(), 3u);
  EXPECT_EQ(engine.errors()[0].code, "rego_parse_error");
  EXPECT_EQ(engine.errors()[0].location->file, dir.path("d/a.rego"));
  EXPECT_EQ(engine.errors()[0].location->row, 3);
  EXPECT_EQ(engine.errors()[1].code, "");
  EXPECT_EQ(engine.errors()[2].location->file, dir.path("d/c.rego"));
}

TEST(PathLoader, V0ModulesWithTheV0Option) {
  TempDir dir;
  dir.write("d/a.rego", "package a\n\np {\n\ttrue\n}\n");
  EngineOptions o;
  o.rego_version = RegoVersion::kV0;
  EXPECT_TRUE(load({dir.path("d")}, o).ok());
}

TEST(PathLoader, UnknownExtensionNamedDirectly) {
  TempDir dir;
  std::string data = dir.write("data.txt", R"({"from": "txt"})");
  std::string yaml = dir.write("conf.cfg", "k: v\n");
  std::string rego = dir.write("policy.txt", "package txt\n\np := 1\n");
  std::string junk = dir.write("junk.bin", "key: [unclosed\n");
  auto engine = load({data, yaml, rego});
  ASSERT_TRUE(engine.ok()) << engine.error().to_string();
  EXPECT_EQ(engine->data(), json(R"({"from": "txt", "k": "v"})"));
  EXPECT_EQ(engine->module_names(), (std::vector<std::string>{rego}));

  auto bad = load({junk});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().to_string(), junk + ": can't recognize file type");
}

TEST(PathLoader, DataFromPathsMergesWithAddedData) {
  TempDir dir;
  dir.write("d/x.json", R"({"a": {"b": 1}})");
  EngineBuilder b;
  b.add_data(json(R"({"a": {"c": 2}})")).add_path(dir.path("d"));
  auto engine = b.build();
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(engine->data(), json(R"({"a": {"b": 1, "c": 2}})"));
}

TEST(PathLoader, TarballsAreNotSupportedYet) {
  TempDir dir;
  std::string tgz = dir.write("d/b.tar.gz", "not really");
  auto engine = load({dir.path("d")});
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.error().to_string(), "bundle " + tgz + ": tarball bundles are not supported yet");
}

}  // namespace
}  // namespace arcane
