// opa_rule_order: the order OPA's rule-index trie runs a group's rules in (rules it cannot
// index first; per ref, rules not testing it, then needing it defined, then testing its
// value; refs tested by more rules decide first).
#include <gtest/gtest.h>

#include "compiler/plan/opa_rule_order.h"
#include "compiler/tests/stage_helpers.h"

namespace arcane::compiler {
namespace {

std::vector<size_t> order_of(const std::string& module, const std::vector<ast::Term>& path) {
  auto c = testing::compile_texts({module});
  EXPECT_TRUE(c->program) << c->errors();
  if (!c->program) return {};
  const auto* rules = c->program->rules_exact(path);
  EXPECT_NE(rules, nullptr);
  if (rules == nullptr) return {};
  return plan::opa_rule_order(*c->program, *rules);
}

std::vector<ast::Term> path(const std::string& rule) {
  std::vector<ast::Term> p;
  p.push_back(ast::make_var("data", {}));
  p.push_back(ast::Term{{}, ast::String{"t"}});
  p.push_back(ast::Term{{}, ast::String{rule}});
  return p;
}

using Order = std::vector<size_t>;

TEST(OpaRuleOrder, RuleNotTestingTheFirstRefComesFirst) {
  // OPA reports this conflict at the first rule: the second one runs first.
  EXPECT_EQ(order_of("package t\n"
                     "lane := \"allow\" if input.action == \"read\"\n"
                     "lane := \"deny\" if input.user.id == \"mallory\"\n",
                     path("lane")),
            (Order{1, 0}));
}

TEST(OpaRuleOrder, UnindexedRulesFirst) {
  EXPECT_EQ(order_of("package t\n"
                     "p if input.a == 1\n"
                     "p if count(input.b) > 1\n",
                     path("p")),
            (Order{1, 0}));
}

TEST(OpaRuleOrder, DefinedBeforeValue) {
  EXPECT_EQ(order_of("package t\n"
                     "p if input.a == \"x\"\n"
                     "p if input.a\n",
                     path("p")),
            (Order{1, 0}));
}

TEST(OpaRuleOrder, MostTestedRefDecidesFirst) {
  // input.a is tested twice, so it is the trie's first level; the rule not testing it
  // runs before both that do.
  EXPECT_EQ(order_of("package t\n"
                     "p if input.a == 1\n"
                     "p if input.b == 1\n"
                     "p if input.a == 2\n",
                     path("p")),
            (Order{1, 0, 2}));
}

TEST(OpaRuleOrder, SourceOrderWhenNothingDiffers) {
  EXPECT_EQ(order_of("package t\n"
                     "p if input.a == 1\n"
                     "p if input.a == 2\n"
                     "p if input.a == 3\n",
                     path("p")),
            (Order{0, 1, 2}));
}

TEST(OpaRuleOrder, DefaultKeepsItsPlaceAndElseChainsMoveWhole) {
  EXPECT_EQ(order_of("package t\n"
                     "default p := 0\n"
                     "p := 1 if input.a == 1\n"
                     "else := 2 if input.a == 2\n"
                     "p := 3 if input.b == 1\n",
                     path("p")),
            (Order{0, 2, 1}));
}

TEST(OpaRuleOrder, RefsToRulesAreNotIndexed) {
  // data.t.q is a rule (virtual), so the first rule cannot be indexed and runs first.
  EXPECT_EQ(order_of("package t\n"
                     "q := 1\n"
                     "p if input.a == 1\n"
                     "p if data.t.q == 1\n",
                     path("p")),
            (Order{1, 0}));
}

TEST(OpaRuleOrder, NegatedAndWithExpressionsAreNotIndexed) {
  EXPECT_EQ(order_of("package t\n"
                     "p if input.a == 1\n"
                     "p if not input.b == 1\n",
                     path("p")),
            (Order{1, 0}));
}

}  // namespace
}  // namespace arcane::compiler
