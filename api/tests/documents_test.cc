// Mounting and merging data documents; Go-style path handling.
#include "api/src/documents.h"

#include <gtest/gtest.h>

#include "api/src/files.h"
#include "api/tests/test_util.h"

namespace arcane::api {
namespace {

using testing::json;

TEST(ApiDocuments, Mount) {
  std::vector<std::string> path{"a", "b"};
  EXPECT_EQ(mount(path, json("[1]")), json(R"({"a": {"b": [1]}})"));
  EXPECT_EQ(mount({}, json("[1]")), json("[1]"));
}

TEST(ApiDocuments, MergeIsDeepAndRefusesConflicts) {
  EXPECT_EQ(*merge_documents(json(R"({"a": {"x": 1}, "b": 2})"), json(R"({"a": {"y": {"z": 3}}, "c": 4})")),
            json(R"({"a": {"x": 1, "y": {"z": 3}}, "b": 2, "c": 4})"));
  EXPECT_FALSE(merge_documents(json(R"({"a": 1})"), json(R"({"a": 1})")));  // equal scalars still conflict
  EXPECT_FALSE(merge_documents(json(R"({"a": {"b": 1}})"), json(R"({"a": {"b": {"c": 1}}})")));
  EXPECT_FALSE(merge_documents(json(R"({"a": []})"), json(R"({"a": {}})")));
  EXPECT_EQ(*merge_documents(json("{}"), json(R"({"a": 1})")), json(R"({"a": 1})"));
  EXPECT_EQ(*merge_documents(json(R"({"a": {}})"), json(R"({"a": {}})")), json(R"({"a": {}})"));
}

TEST(ApiDocuments, RemovePath) {
  Value doc = json(R"({"a": {"b": {"c": 1}, "d": 2}, "e": 3})");
  std::vector<std::string> ab{"a", "b"}, a{"a"}, missing{"x", "y"}, through_scalar{"e", "f"};
  EXPECT_EQ(remove_path(doc, ab), json(R"({"a": {"d": 2}, "e": 3})"));
  EXPECT_EQ(remove_path(doc, a), json(R"({"e": 3})"));
  EXPECT_EQ(remove_path(doc, missing), doc);
  EXPECT_EQ(remove_path(doc, through_scalar), doc);
  EXPECT_EQ(remove_path(doc, {}), json("{}"));
}

TEST(ApiDocuments, SplitPath) {
  EXPECT_EQ(split_path(""), std::vector<std::string>{});
  EXPECT_EQ(split_path("a/b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(split_path("a.b", '.'), (std::vector<std::string>{"a", "b"}));
}

TEST(ApiFiles, CleanAndJoinAsGo) {
  EXPECT_EQ(clean_path(""), ".");
  EXPECT_EQ(clean_path("./a/"), "a");
  EXPECT_EQ(clean_path("a//b/./c/.."), "a/b");
  EXPECT_EQ(clean_path("/../a"), "/a");
  EXPECT_EQ(clean_path("../a"), "../a");
  EXPECT_EQ(join_path("policies/", "x.rego"), "policies/x.rego");
  EXPECT_EQ(join_path(".", "x.rego"), "x.rego");
  EXPECT_EQ(join_path("bundle", "/authz/policy.rego"), "bundle/authz/policy.rego");
  EXPECT_EQ(extension("a/b.c/d"), "");
  EXPECT_EQ(extension("a/b.tar.gz"), ".gz");
  EXPECT_EQ(extension(".manifest"), ".manifest");
}

TEST(ApiFiles, ErrnoTextIsLowerCase) {
  EXPECT_EQ(errno_text(ENOENT), "no such file or directory");
  EXPECT_EQ(errno_text(EACCES), "permission denied");
}

}  // namespace
}  // namespace arcane::api
