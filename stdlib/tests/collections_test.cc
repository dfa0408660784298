// object.get, array.*, membership (`in`), walk, numbers.range*, the type predicates and
// the deprecated casts.
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

TEST(ObjectGet, KeysAndPaths) {
  runtime::Value obj = json(R"({"a": {"b": [{"c": 1}]}, "x": 2})");
  EXPECT_EQ(show(call("object.get", {obj, str("x"), num("0")})), "2");
  EXPECT_EQ(show(call("object.get", {obj, str("y"), num("0")})), "0");
  EXPECT_EQ(show(call("object.get", {obj, json(R"(["a","b",0,"c"])"), num("0")})), "1");
  EXPECT_EQ(show(call("object.get", {obj, json(R"(["a","b","c"])"), num("0")})), "0");
  EXPECT_EQ(show(call("object.get", {obj, json(R"(["a","b",0.0,"c"])"), num("0")})), "0");  // Int() of "0.0" fails
  EXPECT_EQ(show(call("object.get", {json(R"({"a":1})"), json("[]"), num("2")})), R"({"a":1})");
  EXPECT_EQ(show(call("object.get", {json(R"({"a":{"b":1}})"), json(R"(["b","a"])"), num("2")})), "2");
  EXPECT_EQ(show(call("object.get", {str("object"), json(R"(["a"])"), num("2")})),
            type_error("object.get: operand 1 must be object but got string"));
}

TEST(ObjectGet, NonStringKeysAndSets) {
  runtime::ObjectBuilder inner;
  inner.insert(json("[1,2,3]"), num("1"));
  runtime::ObjectBuilder middle;
  middle.insert("b", inner.build());
  runtime::ObjectBuilder outer;
  outer.insert(num("1"), middle.build());
  outer.insert("s", set(R"(["k"])"));
  runtime::Value obj = outer.build();
  EXPECT_EQ(show(call("object.get", {obj, json(R"([1, "b", [1,2,3]])"), num("2")})), "1");
  EXPECT_EQ(show(call("object.get", {obj, json(R"(["s", "k"])"), num("2")})), R"("k")");
  EXPECT_EQ(show(call("object.get", {obj, num("1.0"), num("2")})), R"({"b":{"[1,2,3]":1}})");
}

TEST(Arrays, ConcatSliceReverse) {
  EXPECT_EQ(show(call("array.concat", {json("[1,2]"), json("[3]")})), "[1,2,3]");
  EXPECT_EQ(show(call("array.concat", {json("{}"), json("[3]")})),
            type_error("array.concat: operand 1 must be array but got object"));
  EXPECT_EQ(show(call("array.concat", {json("[]"), json("{}")})),
            type_error("array.concat: operand 2 must be array but got object"));
  runtime::Value a = json("[0,1,2,3,4]");
  EXPECT_EQ(show(call("array.slice", {a, num("1"), num("3")})), "[1,2]");
  EXPECT_EQ(show(call("array.slice", {a, num("-5"), num("99")})), "[0,1,2,3,4]");
  EXPECT_EQ(show(call("array.slice", {a, num("3"), num("1")})), "[]");
  EXPECT_EQ(show(call("array.slice", {a, num("1.0"), num("3")})),
            type_error("array.slice: operand 2 must be integer number but got floating-point number"));
  EXPECT_EQ(show(call("array.slice", {a, num("1"), str("3")})),
            type_error("array.slice: operand 3 must be number but got string"));
  EXPECT_EQ(show(call("array.reverse", {json("[1,[2],3]")})), "[3,[2],1]");
  EXPECT_EQ(show(call("array.reverse", {json("{}")})),
            type_error("array.reverse: operand 1 must be array but got object"));
}

TEST(Membership, InWithOneAndTwoOperands) {
  EXPECT_EQ(show(call("internal.member_2", {num("1"), json("[0,1.0]")})), "true");
  EXPECT_EQ(show(call("internal.member_2", {num("2"), set("[1]")})), "false");
  EXPECT_EQ(show(call("internal.member_2", {num("1"), json(R"({"a":1})")})), "true");
  EXPECT_EQ(show(call("internal.member_2", {str("a"), json(R"({"a":1})")})), "false");
  EXPECT_EQ(show(call("internal.member_2", {str("a"), str("abc")})), "false");
  EXPECT_EQ(show(call("internal.member_3", {num("1"), str("b"), json(R"(["a","b"])")})), "true");
  EXPECT_EQ(show(call("internal.member_3", {num("1.0"), str("b"), json(R"(["a","b"])")})), "false");
  EXPECT_EQ(show(call("internal.member_3", {str("k"), num("1"), json(R"({"k":1})")})), "true");
  EXPECT_EQ(show(call("internal.member_3", {str("k"), num("2"), json(R"({"k":1})")})), "false");
  EXPECT_EQ(show(call("internal.member_3", {num("1"), num("1"), set("[1]")})), "true");
  EXPECT_EQ(show(call("internal.member_3", {num("1"), num("2"), set("[1]")})), "false");
  EXPECT_EQ(show(call("internal.member_3", {num("0"), str("a"), str("a")})), "false");
}

TEST(Walk, PreOrderPairs) {
  EXPECT_EQ(show(call("walk", {num("1")})), "[[[],1]]");
  EXPECT_EQ(show(call("walk", {json(R"({"b":[true],"a":1})")})),
            R"([[[],{"a":1,"b":[true]}],[["a"],1],[["b"],[true]],[["b",0],true]])");
  EXPECT_EQ(show(call("walk", {set(R"(["x",[2]])")})), R"([[[],["x",[2]]],[["x"],"x"],[[[2]],[2]],[[[2],0],2]])");
  EXPECT_TRUE(find_builtin("walk")->decl.relation);
}

TEST(Walk, DeepNestingDoesNotRecurse) {
  // Deeper than the JSON reader's default limit; the output is quadratic in the depth
  // (every path extends the previous one), which bounds what a test can afford.
  constexpr size_t kDepth = 3000;
  std::string deep(kDepth, '[');
  deep += std::string(kDepth, ']');
  runtime::JsonReadOptions options;
  options.max_depth = kDepth + 1;
  runtime::Value v = runtime::parse_json(deep, options).value();
  BuiltinResult r = call("walk", {v});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r.value().size(), kDepth);
}

TEST(NumbersRange, AscendingDescendingAndBig) {
  EXPECT_EQ(show(call("numbers.range", {num("0"), num("0")})), "[0]");
  EXPECT_EQ(show(call("numbers.range", {num("-2"), num("3")})), "[-2,-1,0,1,2,3]");
  EXPECT_EQ(show(call("numbers.range", {num("2"), num("-3")})), "[2,1,0,-1,-2,-3]");
  EXPECT_EQ(show(call("numbers.range", {num("1.0"), num("2")})), "[1,2]");
  EXPECT_EQ(show(call("numbers.range", {num("49649733057"), num("49649733060")})),
            "[49649733057,49649733058,49649733059,49649733060]");
  EXPECT_EQ(show(call("numbers.range", {num("18446744073709551615"), num("18446744073709551617")})),
            "[18446744073709551615,18446744073709551616,18446744073709551617]");
  EXPECT_EQ(show(call("numbers.range_step", {num("0"), num("10"), num("3")})), "[0,3,6,9]");
  EXPECT_EQ(show(call("numbers.range_step", {num("10"), num("0"), num("4")})), "[10,6,2]");
}

TEST(NumbersRange, Errors) {
  EXPECT_EQ(show(call("numbers.range", {num("3.14"), num("4")})),
            type_error("numbers.range: operand 1 must be integer number but got floating-point number"));
  EXPECT_EQ(show(call("numbers.range", {num("3"), num("3.14")})),
            type_error("numbers.range: operand 2 must be integer number but got floating-point number"));
  EXPECT_EQ(show(call("numbers.range", {str("a"), num("3")})),
            type_error("numbers.range: operand 1 must be integer but got string"));
  EXPECT_EQ(show(call("numbers.range_step", {num("0"), num("3"), num("0")})),
            builtin_error("numbers.range_step: numbers.range_step: step must be a positive integer"));
  EXPECT_EQ(show(call("numbers.range_step", {num("0"), num("3"), num("-1")})),
            builtin_error("numbers.range_step: numbers.range_step: step must be a positive integer"));
}

TEST(NumbersRange, StopsWhenCancelled) {
  BuiltinContext ctx(0);
  std::atomic<bool> cancel{true};
  ctx.set_cancel_flag(&cancel);
  BuiltinResult r = call(ctx, "numbers.range", {num("0"), num("100000000")});
  ASSERT_TRUE(r.is_error());
  EXPECT_EQ(r.error().code, "eval_cancel_error");
  EXPECT_EQ(r.error().message, "numbers.range: timed out before generating all numbers in range");
  EXPECT_TRUE(r.error().halt);
}

// Found by fuzz_builtins: each step on a huge bound is slow, so polling every 4096
// elements let a cancelled evaluation run on for minutes.
TEST(NumbersRange, StopsWhenCancelledOnHugeBounds) {
  BuiltinContext ctx(0);
  std::atomic<bool> cancel{true};
  ctx.set_cancel_flag(&cancel);
  BuiltinResult r = call(ctx, "numbers.range", {num("1e300000"), num("6")});
  ASSERT_TRUE(r.is_error());
  EXPECT_EQ(r.error().code, "eval_cancel_error");
}

TEST(TypePredicates, OnePerKind) {
  std::vector<std::pair<const char*, runtime::Value>> samples = {
      {"null", json("null")}, {"boolean", json("false")}, {"number", num("1.5")}, {"string", str("s")},
      {"array", json("[]")},  {"object", json("{}")},     {"set", set("[]")},
  };
  for (const auto& [kind, value] : samples) {
    EXPECT_EQ(show(call("type_name", {value})), "\"" + std::string(kind) + "\"");
    for (const auto& [other, unused] : samples) {
      EXPECT_EQ(show(call("is_" + std::string(other), {value})), std::string(kind) == other ? "true" : "false");
    }
  }
}

TEST(Casts, DeprecatedCasts) {
  EXPECT_EQ(show(call("cast_array", {set("[2,1]")})), "[1,2]");
  EXPECT_EQ(show(call("cast_array", {json("[2,1]")})), "[2,1]");
  EXPECT_EQ(show(call("cast_set", {json("[2,1,2]")})), "[1,2]");
  EXPECT_EQ(show(call("cast_string", {str("a")})), R"("a")");
  EXPECT_EQ(show(call("cast_boolean", {json("true")})), "true");
  EXPECT_EQ(show(call("cast_null", {json("null")})), "null");
  EXPECT_EQ(show(call("cast_object", {json("{}")})), "{}");
  EXPECT_EQ(show(call("cast_array", {num("1")})),
            type_error("cast_array: operand 1 must be one of {array, set} but got number"));
  EXPECT_EQ(show(call("cast_string", {num("1")})), type_error("cast_string: operand 1 must be string but got number"));
  EXPECT_EQ(show(call("cast_null", {json("false")})), type_error("cast_null: operand 1 must be null but got boolean"));
}

}  // namespace
}  // namespace arcane::stdlib::testing
