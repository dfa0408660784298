// Boxed<T> behaves as std::optional<T> where results use it: empty until set, copies
// are deep, moves leave the source empty, value() of an empty box throws.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "runtime/boxed.h"

namespace arcane::runtime {
namespace {

TEST(Boxed, EmptyUntilSet) {
  Boxed<std::string> b;
  EXPECT_FALSE(b);
  EXPECT_FALSE(b.has_value());
  EXPECT_TRUE(b == std::nullopt);
  EXPECT_THROW(b.value(), std::bad_optional_access);
  b = std::string("error");
  ASSERT_TRUE(b);
  EXPECT_EQ(*b, "error");
  EXPECT_EQ(b->size(), 5u);
  b = std::nullopt;
  EXPECT_FALSE(b);
  b.emplace("again");
  EXPECT_EQ(b.value(), "again");
  b.reset();
  EXPECT_FALSE(b);
}

TEST(Boxed, CopiesAreDeepAndMovesEmptyTheSource) {
  Boxed<std::string> a(std::string("x"));
  Boxed<std::string> c = a;
  *c += "y";
  EXPECT_EQ(*a, "x");
  EXPECT_EQ(*c, "xy");
  a = c;
  EXPECT_EQ(*a, "xy");
  Boxed<std::string> m = std::move(a);
  EXPECT_EQ(*m, "xy");
  EXPECT_FALSE(a);  // NOLINT(bugprone-use-after-move): the moved-from state is the point
}

TEST(Boxed, FromAndToOptional) {
  std::optional<std::string> none, some("v");
  EXPECT_FALSE(Boxed<std::string>(none));
  Boxed<std::string> b(some);
  EXPECT_EQ(*b, "v");
  EXPECT_EQ(b.to_optional(), some);
  EXPECT_EQ(Boxed<std::string>().to_optional(), std::nullopt);
  Boxed<std::string> moved(std::optional<std::string>("w"));
  EXPECT_EQ(*moved, "w");
}

}  // namespace
}  // namespace arcane::runtime
