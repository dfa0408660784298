// Borrowed handles (value.h): they hold no reference, and every copy or move of one owns.
// Reference counts are read through the node, which is what the borrowing is about.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "runtime/json_reader.h"
#include "runtime/value_builder.h"
#include "runtime/value_nodes.h"

namespace arcane::runtime {
namespace {

uint32_t refs(const Value& v) { return detail::ValueAccess::node(v)->refs.load(); }

Value long_string() { return Value::from_string("a string too long to be held inline"); }

TEST(BorrowedValue, BorrowingTakesNoReference) {
  Value owner = long_string();
  ASSERT_EQ(refs(owner), 1u);
  {
    Value b;
    b.assign_borrowed(owner);
    EXPECT_TRUE(b.is_borrowed());
    EXPECT_FALSE(owner.is_borrowed());
    EXPECT_EQ(refs(owner), 1u);
    EXPECT_EQ(b.string_view(), owner.string_view());
    EXPECT_TRUE(b == owner);
    EXPECT_EQ(compare(b, owner), 0);
    EXPECT_EQ(b.hash(), owner.hash());
  }
  EXPECT_EQ(refs(owner), 1u);  // dropping the borrowed handle released nothing
}

TEST(BorrowedValue, CopiesAndMovesOfABorrowedHandleOwn) {
  Value owner = long_string();
  Value b;
  b.assign_borrowed(owner);
  Value copy = b;
  EXPECT_FALSE(copy.is_borrowed());
  EXPECT_EQ(refs(owner), 2u);
  Value moved = std::move(b);
  EXPECT_FALSE(moved.is_borrowed());
  EXPECT_EQ(refs(owner), 3u);
  Value assigned;
  Value b2;
  b2.assign_borrowed(owner);
  assigned = std::move(b2);
  EXPECT_FALSE(assigned.is_borrowed());
  EXPECT_EQ(refs(owner), 4u);
  // A vector that grows moves its elements: they come out owning.
  std::vector<Value> v(1);
  v[0].assign_borrowed(owner);
  v.resize(100);
  EXPECT_FALSE(v[0].is_borrowed());
  EXPECT_EQ(refs(owner), 5u);
  v.clear();
  copy = Value();
  moved = Value();
  assigned = Value();
  EXPECT_EQ(refs(owner), 1u);
}

TEST(BorrowedValue, SharingFollowsTheSource) {
  Value owner = long_string();
  Value b;
  b.assign_borrowed(owner);
  Value from_borrowed;
  from_borrowed.assign_shared(b);
  EXPECT_TRUE(from_borrowed.is_borrowed());
  EXPECT_EQ(refs(owner), 1u);
  Value from_owner;
  from_owner.assign_shared(owner);
  EXPECT_FALSE(from_owner.is_borrowed());
  EXPECT_EQ(refs(owner), 2u);
  // Borrowing over an owning handle releases what it owned.
  from_owner.assign_borrowed(owner);
  EXPECT_EQ(refs(owner), 1u);
}

TEST(BorrowedValue, InlineValuesAreNeverMarked) {
  for (const char* text : {R"("short")", "12", "1.5", "true", "null", R"("")"}) {
    Result<Value> v = parse_json(text);
    ASSERT_TRUE(v.ok()) << text;
    Value b;
    b.assign_borrowed(*v);
    EXPECT_FALSE(b.is_borrowed()) << text;
    EXPECT_TRUE(b == *v) << text;
    if (v->is_string()) {
      EXPECT_EQ(b.string_view(), v->string_view());
    }
  }
}

TEST(BorrowedValue, PartsOfADocumentReadBorrowed) {
  Result<Value> doc = parse_json(R"({"users": {"alice": ["admin", "a role name that is long"]}})");
  ASSERT_TRUE(doc.ok());
  const Value* roles = doc->find("users")->find("alice");
  uint32_t before = refs(*roles);
  Value r;
  r.assign_borrowed(*roles);
  Value role;
  role.assign_borrowed(r.at(1));
  EXPECT_EQ(role.string_view(), "a role name that is long");
  EXPECT_EQ(refs(*roles), before);
  // Taken into a new value, borrowed handles are moved, so the new value owns them.
  std::vector<Value> items(2);
  items[0].assign_borrowed(role);
  items[1].assign_borrowed(r);
  Value built = take_array(items);
  EXPECT_FALSE(built.at(0).is_borrowed());
  EXPECT_FALSE(built.at(1).is_borrowed());
  EXPECT_EQ(refs(*roles), before + 1);
  std::vector<ObjectEntry> entries(1);
  entries[0].key.assign_borrowed(role);
  entries[0].value.assign_borrowed(r);
  Value object = take_object(entries);
  EXPECT_FALSE(object.entries().key(0).is_borrowed());
  EXPECT_FALSE(object.entries().value(0).is_borrowed());
  EXPECT_EQ(refs(*roles), before + 2);
}

}  // namespace
}  // namespace arcane::runtime
