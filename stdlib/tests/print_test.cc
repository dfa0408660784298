// print: cross products of operand sets, <undefined>, Rego text of values, the sink, and
// Go's string quoting.
#include "stdlib/tests/test_util.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::testing {
namespace {

std::vector<std::string> printed(std::vector<runtime::Value> args, std::string_view builtin = "print") {
  std::vector<std::string> lines;
  BuiltinContext ctx(0);
  ctx.set_print_sink([&](std::string_view line) { lines.emplace_back(line); });
  BuiltinResult r = call(ctx, builtin, std::move(args));
  EXPECT_EQ(show(r), "true");
  return lines;
}

using Lines = std::vector<std::string>;

TEST(Print, OperandsAreSetsOfValues) {
  EXPECT_EQ(printed({set(R"(["hello"])"), set("[1]")}), Lines({"hello 1"}));
  EXPECT_EQ(printed({set("[]"), set(R"(["x"])")}), Lines({"<undefined> x"}));
  EXPECT_EQ(printed({set("[1,2]"), set(R"(["a","b"])")}), Lines({"1 a", "1 b", "2 a", "2 b"}));
  EXPECT_EQ(printed({}), Lines({""}));
  EXPECT_EQ(printed({str("raw"), num("1.50")}), Lines({"raw 1.50"}));  // scalars are allowed too
}

TEST(Print, ValuesAsRegoText) {
  runtime::ObjectBuilder o;
  o.insert("k", set(R"(["v"])"));
  o.insert(num("1"), json("null"));
  runtime::SetBuilder s;
  s.insert(o.build());
  s.insert(json(R"(["a\"b", true])"));
  s.insert(set("[]"));
  EXPECT_EQ(printed({s.build()}), Lines({R"(["a\"b", true])", R"({1: null, "k": {"v"}})", "set()"}));
}

TEST(Print, InternalPrintTakesAnArray) {
  runtime::ArrayBuilder a;
  a.push_back(set(R"(["x"])"));
  a.push_back(set("[]"));
  EXPECT_EQ(printed({a.build()}, "internal.print"), Lines({"x <undefined>"}));
}

TEST(Print, IllegalOperandHalts) {
  BuiltinContext ctx(0);
  ctx.set_print_sink([](std::string_view) {});
  BuiltinResult r = call(ctx, "print", {json("[1]")});
  ASSERT_TRUE(r.is_error());
  EXPECT_EQ(r.error().code, "eval_internal_error");
  EXPECT_EQ(r.error().message, "illegal argument type: array");
  EXPECT_TRUE(r.error().halt);
}

TEST(Print, DisabledSinkPrintsNothingAndSucceeds) {
  BuiltinContext ctx(0);
  ctx.set_print_sink(nullptr);
  EXPECT_FALSE(ctx.print_enabled());
  EXPECT_EQ(show(call(ctx, "print", {json("[1]")})), "true");
}

std::string quoted(std::string_view s) {
  std::string out;
  append_go_quoted(out, s);
  return out;
}

TEST(ValueText, GoQuoting) {
  EXPECT_EQ(quoted("plain"), R"("plain")");
  EXPECT_EQ(quoted("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(quoted("\n\t\x01\x7f"), R"("\n\t\x01\x7f")");
  EXPECT_EQ(quoted("h\xC3\xA9"), "\"h\xC3\xA9\"");           // printable runes stay
  EXPECT_EQ(quoted("\xC2\xA0"), R"("\u00a0")");              // a non-ASCII space is escaped
  EXPECT_EQ(quoted("\xE2\x80\x8B"), R"("\u200b")");          // a format character too
  EXPECT_EQ(quoted("\xF3\xB0\x80\x80"), R"("\U000f0000")");  // private use
  EXPECT_EQ(quoted("\xFF"), R"("\xff")");                    // an ill-formed byte
}

TEST(ValueText, Containers) {
  EXPECT_EQ(rego_text(json(R"({"b":[1,"x"],"a":null})")), R"({"a": null, "b": [1, "x"]})");
  EXPECT_EQ(rego_text(set("[]")), "set()");
  EXPECT_EQ(rego_text(set("[3,1]")), "{1, 3}");
  EXPECT_EQ(rego_text(num("1e3")), "1e3");
  EXPECT_EQ(rego_text(json("[]")), "[]");
  EXPECT_EQ(rego_text(json("{}")), "{}");
}

}  // namespace
}  // namespace arcane::stdlib::testing
