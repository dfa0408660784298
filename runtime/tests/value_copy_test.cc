// own_node_copy: an equal value in a node of its own, its elements shared.
#include <gtest/gtest.h>

#include "runtime/json_reader.h"
#include "runtime/value_builder.h"
#include "runtime/value_copy.h"
#include "runtime/value_nodes.h"

namespace arcane::runtime {
namespace {

uint32_t refs(const Value& v) { return detail::ValueAccess::node(v)->refs.load(); }

Value parse(std::string_view text) {
  Result<Value> v = parse_json(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

TEST(ValueCopy, EachContainerGetsANodeOfItsOwn) {
  const char* texts[] = {R"("a string too long to be held inline")", R"([1, "two", [3]])",
                         R"({"lane": "allow", "reasons": ["r"], "n": 1.5})"};
  for (const char* text : texts) {
    Value v = parse(text);
    Value copy = own_node_copy(v);
    EXPECT_EQ(copy, v) << text;
    EXPECT_EQ(copy.kind(), v.kind()) << text;
    EXPECT_NE(node_identity(copy), node_identity(v)) << text;
    EXPECT_EQ(refs(copy), 1u) << text;
    EXPECT_EQ(refs(v), 1u) << text;
  }
}

TEST(ValueCopy, SetsKeepTheirElementsAndShareThem) {
  Value inner = parse(R"(["an element too long to be held inline"])");
  SetBuilder b;
  b.insert(inner);
  b.insert(Value::from_string("x"));
  Value set = b.build();
  uint32_t before = refs(inner);
  Value copy = own_node_copy(set);
  EXPECT_EQ(copy, set);
  EXPECT_TRUE(copy.is_set());
  EXPECT_NE(node_identity(copy), node_identity(set));
  EXPECT_EQ(refs(inner), before + 1);  // shared, not copied
}

TEST(ValueCopy, InlineValuesAndEmptyContainersHaveNoNode) {
  for (Value v : {Value::integer(7), Value::from_string("short"), Value::empty_object(), Value::boolean(true)}) {
    EXPECT_EQ(node_identity(v), nullptr);
    EXPECT_EQ(own_node_copy(v), v);
  }
}

}  // namespace
}  // namespace arcane::runtime
