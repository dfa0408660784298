// Capabilities: the document this build prints (against OPA's capabilities.json for the
// same version), reading documents, and compiling against one (a built-in it lacks is
// OPA's `rego_type_error: undefined function NAME` at the call, in modules and queries).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "api/tests/test_util.h"
#include "arcane/capabilities.h"
#include "arcane/engine.h"

namespace arcane {
namespace {

std::string shared_dir() {
  if (const char* env = std::getenv("ARCANE_SHARED_DIR")) return env;
  return ARCANE_SHARED_DIR_DEFAULT;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::map<std::string, Value> by_name(const Value& doc) {
  std::map<std::string, Value> out;
  for (const Value& b : doc.find("builtins")->elements()) out.emplace(std::string(b.find("name")->string_view()), b);
  return out;
}

TEST(Capabilities, MinimalDocumentMatchesOpasFile) {
  Value opa = testing::json(read_text(shared_dir() + "/conformance/opa/capabilities.json"));
  ASSERT_TRUE(opa.is_object()) << "capabilities.json not found under " << shared_dir();
  Value ours = testing::json(current_capabilities_json({.minimal = true}));
  ASSERT_TRUE(ours.is_object());
  auto opa_builtins = by_name(opa);
  auto our_builtins = by_name(ours);
  EXPECT_GT(our_builtins.size(), 190u);
  for (const auto& [name, entry] : our_builtins) {
    auto it = opa_builtins.find(name);
    ASSERT_NE(it, opa_builtins.end()) << name << " is not one of OPA's built-ins";
    EXPECT_EQ(entry, it->second) << name;
  }
  // Everything but the built-ins is the same document.
  for (const char* key : {"future_keywords", "wasm_abi_versions", "features"}) {
    ASSERT_NE(ours.find(key), nullptr) << key;
    EXPECT_EQ(*ours.find(key), *opa.find(key)) << key;
  }
}

TEST(Capabilities, DocumentIsGoMarshalIndentShaped) {
  std::string doc = current_capabilities_json();
  EXPECT_EQ(doc.rfind("{\n  \"builtins\": [\n    {\n      \"name\": \"abs\",\n", 0), 0u) << doc.substr(0, 200);
  EXPECT_NE(doc.find("\"wasm_abi_versions\": [\n    {\n      \"version\": 1,\n      \"minor_version\": 1\n    },"),
            std::string::npos);
  EXPECT_EQ(doc.back(), '}');
  // The full form names OPA's categories; the minimal one has none.
  EXPECT_NE(doc.find("\"categories\": [\n        \"numbers\"\n      ]"), std::string::npos);
  EXPECT_EQ(current_capabilities_json({.minimal = true}).find("\"categories\""), std::string::npos);
}

TEST(Capabilities, CurrentAllowsEveryBuiltinAndRoundTrips) {
  Capabilities current = Capabilities::current();
  EXPECT_TRUE(current.allows("count"));
  EXPECT_TRUE(current.allows("regex.match"));
  EXPECT_FALSE(current.allows("no.such.builtin"));
  auto again = Capabilities::from_json(current_capabilities_json());
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  EXPECT_EQ(again->builtin_names(), current.builtin_names());
}

TEST(Capabilities, BadDocumentsAreErrors) {
  EXPECT_FALSE(Capabilities::from_json("{").ok());
  EXPECT_FALSE(Capabilities::from_json("{}").ok());
  EXPECT_FALSE(Capabilities::from_json(R"({"builtins": [{"decl": {}}]})").ok());
  auto missing = Capabilities::load_file("/nonexistent/caps.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "open /nonexistent/caps.json: no such file or directory");
}

// Only count, eq and the operators a plain rule needs.
constexpr const char* kSmallCaps = R"({"builtins": [
  {"name": "count", "decl": {"args": [{"type": "any"}], "result": {"type": "number"}, "type": "function"}},
  {"name": "eq", "decl": {"args": [{"type": "any"}, {"type": "any"}], "result": {"type": "boolean"}, "type": "function"}, "infix": "="},
  {"name": "assign", "decl": {"args": [{"type": "any"}, {"type": "any"}], "result": {"type": "boolean"}, "type": "function"}, "infix": ":="}
]})";

Result<Engine> build_with(const std::string& policy, std::optional<Capabilities> caps) {
  EngineOptions options;
  options.capabilities = std::move(caps);
  EngineBuilder b(options);
  b.add_module("policy.rego", policy);
  return b.build();
}

TEST(Capabilities, RestrictsTheBuiltinsAModuleMayCall) {
  auto caps = Capabilities::from_json(kSmallCaps);
  ASSERT_TRUE(caps.ok());
  auto ok = build_with("package p\nn := count([1, 2])\n", *caps);
  ASSERT_TRUE(ok.ok()) << ok.error().to_string();
  auto q = ok->prepare("data.p.n");
  ASSERT_TRUE(q.ok()) << q.error().to_string();
  EvalResult r = q->eval();
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].expressions[0].value, Value::integer(2));

  auto bad = build_with("package p\n\nx := upper(\"a\")\n", *caps);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().to_string(), "policy.rego:3: rego_type_error: undefined function upper");
  // Without the document every built-in is there.
  EXPECT_TRUE(build_with("package p\n\nx := upper(\"a\")\n", std::nullopt).ok());
}

TEST(Capabilities, RestrictsQueriesToo) {
  auto caps = Capabilities::from_json(kSmallCaps);
  ASSERT_TRUE(caps.ok());
  auto engine = build_with("package p\n", *caps);
  ASSERT_TRUE(engine.ok());
  auto q = engine->prepare("x := lower(\"A\")");
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().code, "rego_type_error");
  EXPECT_EQ(q.error().message, "undefined function lower");
}

}  // namespace
}  // namespace arcane
