// The declaration table against OPA's capabilities.json and builtin_metadata.json: for
// every built-in we declare, the same name, the same signature (compared as JSON
// values), the same infix operator and flags, and a category OPA gives it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "runtime/json_reader.h"
#include "stdlib/builtin.h"

namespace arcane::stdlib {
namespace {

using runtime::Value;

std::string shared_dir() {
  if (const char* env = std::getenv("ARCANE_SHARED_DIR")) return env;
  return ARCANE_SHARED_DIR_DEFAULT;
}

Value read_json_file(const std::string& relative) {
  std::ifstream in(shared_dir() + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  runtime::Result<Value> v = runtime::parse_json(text.str());
  EXPECT_TRUE(v.ok()) << relative;
  return v.ok() ? v.value() : Value();
}

class Capabilities : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Value caps = read_json_file("conformance/opa/capabilities.json");
    ASSERT_TRUE(caps.is_object());
    for (const Value& b : caps.find("builtins")->elements()) {
      entries_->emplace(std::string(b.find("name")->string_view()), b);
    }
    Value meta = read_json_file("conformance/opa/builtin_metadata.json");
    for (auto category : meta.find("_categories")->entries()) {
      for (const Value& name : category.value.elements()) {
        (*categories_)[std::string(name.string_view())].push_back(std::string(category.key.string_view()));
      }
    }
  }

  static bool flag(const Value& entry, std::string_view name) {
    const Value* v = entry.find(name);
    return v != nullptr && v->as_bool();
  }

  static inline auto* entries_ = new std::map<std::string, Value>();
  static inline auto* categories_ = new std::map<std::string, std::vector<std::string>>();
};

TEST_F(Capabilities, EveryDeclarationMatchesOpa) {
  ASSERT_GT(entries_->size(), 200u) << "capabilities.json not found under " << shared_dir();
  for (const Builtin& b : all_builtins()) {
    std::string name(b.decl.name);
    SCOPED_TRACE(name);
    auto it = entries_->find(name);
    ASSERT_NE(it, entries_->end());
    const Value& entry = it->second;
    runtime::Result<Value> ours = runtime::parse_json(b.decl.type.to_json());
    ASSERT_TRUE(ours.ok()) << b.decl.type.to_json();
    EXPECT_EQ(ours.value(), *entry.find("decl")) << b.decl.type.to_json();
    const Value* infix = entry.find("infix");
    EXPECT_EQ(b.decl.infix, infix != nullptr ? infix->string_view() : std::string_view());
    EXPECT_EQ(b.decl.deprecated, flag(entry, "deprecated"));
    EXPECT_EQ(b.decl.nondeterministic, flag(entry, "nondeterministic"));
    EXPECT_EQ(b.decl.relation, flag(entry, "relation"));
    EXPECT_NE(b.impl, nullptr);
  }
}

// The other direction: every built-in of capabilities.json is declared (with the checks
// above), or listed here with the reason it is not.
TEST_F(Capabilities, EveryOpaBuiltinIsDeclared) {
  const std::map<std::string, std::string> not_declared = {};
  size_t declared = 0;
  for (const auto& [name, entry] : *entries_) {
    if (find_builtin(name) != nullptr) {
      ++declared;
      continue;
    }
    EXPECT_TRUE(not_declared.count(name)) << name << " is in capabilities.json but not declared";
  }
  EXPECT_EQ(declared + not_declared.size(), entries_->size());
}

TEST_F(Capabilities, CategoriesAreOpas) {
  for (const Builtin& b : all_builtins()) {
    std::string name(b.decl.name);
    auto it = categories_->find(name);
    if (it == categories_->end()) {
      // Uncategorized in builtin_metadata.json: BUILTINS.md groups them ("unification /
      // assignment operators" for eq and assign).
      EXPECT_TRUE(b.decl.category == "debugging" || b.decl.category == "deprecated" ||
                  b.decl.category == "operators")
          << name;
      continue;
    }
    EXPECT_NE(std::find(it->second.begin(), it->second.end(), b.decl.category), it->second.end())
        << name << " has category " << b.decl.category;
  }
}

TEST(Registry, TableIsSortedAndSearchable) {
  auto table = all_builtins();
  for (size_t i = 1; i < table.size(); ++i) EXPECT_LT(table[i - 1].decl.name, table[i].decl.name);
  for (const Builtin& b : table) EXPECT_EQ(find_builtin(b.decl.name), &b);
  EXPECT_EQ(find_builtin("no.such.builtin"), nullptr);
  EXPECT_EQ(find_builtin(""), nullptr);
}

TEST(Registry, DeclaresTheLanguageBuiltins) {
  for (const char* name : {"equal",
                           "neq",
                           "lt",
                           "lte",
                           "gt",
                           "gte",
                           "plus",
                           "minus",
                           "mul",
                           "div",
                           "rem",
                           "abs",
                           "round",
                           "ceil",
                           "floor",
                           "and",
                           "or",
                           "intersection",
                           "union",
                           "count",
                           "sum",
                           "product",
                           "max",
                           "min",
                           "sort",
                           "is_number",
                           "is_string",
                           "is_boolean",
                           "is_array",
                           "is_set",
                           "is_object",
                           "is_null",
                           "type_name",
                           "object.get",
                           "array.concat",
                           "array.slice",
                           "array.reverse",
                           "internal.member_2",
                           "internal.member_3",
                           "print",
                           "internal.print",
                           "walk",
                           "numbers.range",
                           "numbers.range_step",
                           "set_diff",
                           "cast_array",
                           "cast_set",
                           "cast_string",
                           "cast_boolean",
                           "cast_null",
                           "cast_object",
                           "any",
                           "all"}) {
    EXPECT_NE(find_builtin(name), nullptr) << name;
  }
  EXPECT_GE(all_builtins().size(), 53u);  // the family groups add theirs
}

TEST(Registry, FlagsAndInfixes) {
  EXPECT_TRUE(find_builtin("walk")->decl.relation);
  EXPECT_EQ(find_builtin("internal.member_2")->decl.infix, "in");
  EXPECT_EQ(find_builtin("rem")->decl.infix, "%");
  EXPECT_TRUE(find_builtin("print")->decl.type.is_void());
  EXPECT_EQ(find_builtin("print")->decl.type.args_string(), "(any...)");
  EXPECT_EQ(find_builtin("count")->decl.type.args_string(), "(any<string, array[any], object[any: any], set[any]>)");
  EXPECT_TRUE(find_builtin("cast_array")->decl.deprecated);
}

}  // namespace
}  // namespace arcane::stdlib
