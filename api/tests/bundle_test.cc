// `-b` bundle directories: only data.json/data.yaml are data, manifest roots enforced.
#include <gtest/gtest.h>

#include "api/src/bundle_loader.h"
#include "api/tests/test_util.h"
#include "arcane/arcane.h"

namespace arcane {
namespace {

using testing::json;
using testing::TempDir;

Result<Engine> load_bundle(const std::string& path, EngineOptions options = {}) {
  EngineBuilder b(options);
  b.add_bundle(path);
  return b.build();
}

// Golden 18: data.json mounted at its directory, other JSON ignored, the manifest not
// visible in data; modules named after the bundle path.
TEST(Bundle, GoldenBundleDirectory) {
  testing::ScopedChdir cd(testing::golden_dir("18-eval-bundle-dir"));
  auto engine = load_bundle("bundle");
  ASSERT_TRUE(engine.ok()) << engine.error().to_string();
  EXPECT_EQ(engine->data(), json(R"({"agents": {"build-bot": {"tier": "trusted", "actions": ["read"]}}})"));
  EXPECT_EQ(engine->module_names(), (std::vector<std::string>{"bundle/authz/policy.rego"}));
}

// Golden 19: data outside the roots; OPA's message exactly, and its JSON shape (message only).
TEST(Bundle, GoldenRootsError) {
  testing::ScopedChdir cd(testing::golden_dir("19-eval-bundle-roots-error"));
  auto engine = load_bundle("bundle");
  ASSERT_FALSE(engine.ok());
  ASSERT_EQ(engine.errors().size(), 1u);
  EXPECT_EQ(engine.error().to_string(),
            "loading error: bundle bundle: manifest roots [authz agents] do not permit data at path '/tenants' "
            "(hint: check bundle directory structure)");
  EXPECT_EQ(to_json(engine.errors(), 2) + "\n", testing::read_text("stdout"));
}

TEST(Bundle, NoManifestOwnsEverything) {
  TempDir dir;
  dir.write("b/data.json", R"({"top": 1})");
  dir.write("b/x/y/data.yaml", "deep: yes\n");
  dir.write("b/x/data.yml", "mid: 2\n");
  dir.write("b/x/other.json", R"({"ignored": true})");
  dir.write("b/p.rego", "package anything\n");
  auto engine = load_bundle(dir.path("b"));
  ASSERT_TRUE(engine.ok()) << engine.error().to_string();
  EXPECT_EQ(engine->data(), json(R"({"top": 1, "x": {"mid": 2, "y": {"deep": true}}})"));
}

TEST(Bundle, ModuleOutsideRoots) {
  TempDir dir;
  dir.write("b/.manifest", R"({"roots": ["a", "b/c"]})");
  dir.write("b/x.rego", "package b.d\n");
  testing::ScopedChdir cd(dir.path());
  auto engine = load_bundle("b");
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.error().to_string(),
            "loading error: bundle b: manifest roots [a b/c] do not permit 'package b.d' in module 'b/x.rego'");
}

TEST(Bundle, PackagesAndDataUnderRootsAreFine) {
  TempDir dir;
  dir.write("b/.manifest", R"({"revision": "r1", "roots": ["a", "/b/c/"]})");
  dir.write("b/x.rego", "package b.c.d\n");
  dir.write("b/y.rego", "package a\n");
  dir.write("b/b/c/data.json", R"({"k": 1})");
  dir.write("b/data.json", R"({"a": {"v": 2}})");
  auto engine = load_bundle(dir.path("b"));
  ASSERT_TRUE(engine.ok()) << engine.error().to_string();
  EXPECT_EQ(engine->data(), json(R"({"a": {"v": 2}, "b": {"c": {"k": 1}}})"));
}

TEST(Bundle, DataOnTheWayToARootMustBeAnObject) {
  TempDir dir;
  dir.write("b/.manifest", R"({"roots": ["b/c"]})");
  dir.write("b/data.json", R"({"b": 7})");
  testing::ScopedChdir cd(dir.path());
  auto engine = load_bundle("b");
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.error().to_string(),
            "loading error: bundle b: manifest roots [b/c] do not permit data at path '/b' (hint: check bundle "
            "directory structure)");
}

TEST(Bundle, OverlappedRoots) {
  TempDir dir;
  dir.write("b/.manifest", R"({"roots": ["a/b", "a"]})");
  testing::ScopedChdir cd(dir.path());
  auto engine = load_bundle("b");
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.error().to_string(), "loading error: bundle b: manifest has overlapped roots: 'a/b' and 'a'");
}

TEST(Bundle, ManifestRegoVersion) {
  TempDir dir;
  dir.write("b/.manifest", R"({"rego_version": 0})");
  dir.write("b/p.rego", "package p\n\nallow {\n\ttrue\n}\n");
  EXPECT_TRUE(load_bundle(dir.path("b")).ok());

  dir.write("c/.manifest", R"({"file_rego_versions": {"/old/*.rego": 0}})");
  dir.write("c/old/p.rego", "package p\n\nallow {\n\ttrue\n}\n");
  dir.write("c/new/q.rego", "package q\n\nallow if {\n\ttrue\n}\n");
  EXPECT_TRUE(load_bundle(dir.path("c")).ok());

  auto v1 = load_bundle(dir.path("c/old"));  // no manifest: the engine's v1
  ASSERT_FALSE(v1.ok());
  EXPECT_EQ(v1.error().code, "rego_parse_error");
  EXPECT_EQ(v1.error().location->file, dir.path("c/old/p.rego"));
}

TEST(Bundle, BadFiles) {
  TempDir dir;
  testing::ScopedChdir cd(dir.path());
  dir.write("m/.manifest", "{");
  EXPECT_EQ(load_bundle("m").error().to_string(),
            "loading error: bundle m: bundle load failed on manifest decode: 1:2: unexpected end of input");
  dir.write("d/a/data.json", "[1,");
  EXPECT_EQ(load_bundle("d").error().to_string(),
            "loading error: bundle d: bundle load failed on d/a/data.json: 1:4: unexpected end of input");
  dir.write("r/data.json", "[1]");
  EXPECT_EQ(load_bundle("r").error().to_string(),
            "loading error: bundle r: bundle load failed on /data.json: root value must be object");
  dir.write("c/data.json", R"({"a": 1})");
  dir.write("c/a/data.json", R"({"b": 2})");
  // Files are read in path order, so /a/data.json is in when /data.json collides (as in OPA).
  EXPECT_EQ(load_bundle("c").error().to_string(),
            "loading error: bundle c: bundle load failed on /data.json: failed to insert data file from path ");
  dir.write("e/a/b/data.json", R"({"c": 1})");
  dir.write("e/a/data.json", R"({"b": 2})");
  EXPECT_EQ(load_bundle("e").error().to_string(),
            "loading error: bundle e: bundle load failed on /a/data.json: failed to insert data file from path a");
  EXPECT_EQ(load_bundle("missing").error().to_string(),
            "loading error: error reading \"missing\": stat missing: no such file or directory");
  dir.write("t.tar.gz", "x");
  EXPECT_EQ(load_bundle("t.tar.gz").error().to_string(),
            "loading error: bundle t.tar.gz: tarball bundles are not supported yet");
}

// A bundle owns its roots: other data there is replaced, data elsewhere is kept.
TEST(Bundle, ActivationReplacesDataUnderItsRoots) {
  TempDir dir;
  dir.write("b/.manifest", R"({"roots": ["a/b"]})");
  dir.write("b/a/b/data.json", R"({"new": 1})");
  EngineBuilder builder;
  builder.add_data(json(R"({"a": {"b": {"old": 0}, "c": 3}, "d": 4})")).add_bundle(dir.path("b"));
  auto engine = builder.build();
  ASSERT_TRUE(engine.ok()) << engine.error().to_string();
  EXPECT_EQ(engine->data(), json(R"({"a": {"b": {"new": 1}, "c": 3}, "d": 4})"));
}

TEST(Bundle, BundlesWithOverlappingRoots) {
  TempDir dir;
  dir.write("one/.manifest", R"({"roots": ["a"]})");
  dir.write("two/.manifest", R"({"roots": ["a/b"]})");
  dir.write("three/.manifest", R"({"roots": ["c"]})");
  testing::ScopedChdir cd(dir.path());
  EngineBuilder builder;
  builder.add_bundle("one").add_bundle("three").add_bundle("two");
  auto engine = builder.build();
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.error().to_string(), "detected overlapping roots in bundle manifest with: [one]");

  EngineBuilder fine;
  fine.add_bundle("one").add_bundle("three");
  EXPECT_TRUE(fine.build().ok());
}

TEST(Bundle, RootPaths) {
  using api::root_paths_contain;
  using api::root_paths_overlap;
  EXPECT_TRUE(root_paths_contain({""}, "anything/at/all"));
  EXPECT_TRUE(root_paths_contain({"a"}, "a/b"));
  EXPECT_TRUE(root_paths_contain({"a/b"}, "a/b"));
  EXPECT_FALSE(root_paths_contain({"a/b"}, "a"));
  EXPECT_FALSE(root_paths_contain({"a"}, "another"));
  EXPECT_FALSE(root_paths_contain({"a"}, ""));
  EXPECT_TRUE(root_paths_overlap("a", "a/b"));
  EXPECT_TRUE(root_paths_overlap("a/b", "a"));
  EXPECT_FALSE(root_paths_overlap("a", "another_root"));
  EXPECT_TRUE(root_paths_overlap("", "x"));
}

}  // namespace
}  // namespace arcane
