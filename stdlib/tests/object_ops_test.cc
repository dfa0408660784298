// object.*, json.filter / json.remove / json.patch, graph.*, array.flatten and trace,
// with OPA's results (expectations from OPA's conformance cases and its Go source).
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

TEST(ObjectUnion, MergesRecursively) {
  EXPECT_EQ(show(call("object.union", {json(R"({"a": 1, "b": {"c": 1}})"), json(R"({"b": {"d": 2}, "e": 3})")})),
            R"({"a":1,"b":{"c":1,"d":2},"e":3})");
  EXPECT_EQ(show(call("object.union", {json(R"({"a": {"c": 1}})"), json(R"({"a": 2})")})), R"({"a":2})");
  EXPECT_EQ(show(call("object.union", {json("[]"), json("{}")})),
            type_error("object.union: operand 1 must be object but got array"));
}

TEST(ObjectUnion, N) {
  EXPECT_EQ(show(call("object.union_n", {json("[{}]")})), "{}");
  EXPECT_EQ(show(call("object.union_n", {json(R"([{"foo": "bar"}, {"foo": "baz"}])")})), R"({"foo":"baz"})");
  EXPECT_EQ(show(call("object.union_n", {json(R"([{"a": 1, "b": 2, "c": 3}, {"foo": "baz", "a": "a", "b": 2, "d": 4},
                                                  {"a": "final A!", "e": 5.0}])")})),
            R"({"a":"final A!","b":2,"c":3,"d":4,"e":5.0,"foo":"baz"})");
  // A non-object in the chain freezes the key: earlier objects do not merge into it.
  EXPECT_EQ(show(call("object.union_n", {json(R"([{"a": {"b": 2}}, {"a": 4}, {"a": {"c": 3}}])")})),
            R"({"a":{"c":3}})");
  EXPECT_EQ(show(call("object.union_n", {json(R"([{"a": {"b": 2}}, {"a": {"c": 3}}])")})), R"({"a":{"b":2,"c":3}})");
  EXPECT_EQ(show(call("object.union_n", {json(R"([{"foo": 1}, {"bar": 2}, "baz"])")})),
            type_error("object.union_n: operand 1 must be array of objects but got array containing string"));
}

TEST(ObjectKeys, FilterRemoveKeys) {
  runtime::Value obj = json(R"({"a": 1, "b": 2, "c": 3})");
  EXPECT_EQ(show(call("object.filter", {obj, json(R"(["a", "c", "x"])")})), R"({"a":1,"c":3})");
  EXPECT_EQ(show(call("object.filter", {obj, set(R"(["b"])")})), R"({"b":2})");
  EXPECT_EQ(show(call("object.filter", {obj, json(R"({"b": 0})")})), R"({"b":2})");
  EXPECT_EQ(show(call("object.filter", {obj, str("a")})),
            type_error("object.filter: operand 2 must be one of {object, set, array} but got string"));
  EXPECT_EQ(show(call("object.remove", {obj, json(R"(["a", "c"])")})), R"({"b":2})");
  EXPECT_EQ(show(call("object.remove", {str("x"), json("[]")})),
            type_error("object.remove: operand 1 must be object but got string"));
  EXPECT_EQ(show(call("object.keys", {obj})), R"(["a","b","c"])");
  EXPECT_EQ(show(call("object.keys", {json("{}")})), "[]");
  EXPECT_EQ(show(call("object.keys", {str("object")})),
            type_error("object.keys: operand 1 must be object but got string"));
}

TEST(ObjectSubset, Kinds) {
  EXPECT_EQ(show(call("object.subset", {json(R"({"a": {"b": 1, "c": 2}, "d": 3})"), json(R"({"a": {"b": 1}})")})),
            "true");
  EXPECT_EQ(show(call("object.subset", {json(R"({"a": {"b": 1}})"), json(R"({"a": {"b": 1, "c": 2}})")})), "false");
  EXPECT_EQ(show(call("object.subset", {json(R"({"a": [1, 2, 3, 4]})"), json(R"({"a": [2, 3]})")})), "true");
  EXPECT_EQ(show(call("object.subset", {json(R"({"a": [1, 2, 3]})"), json(R"({"a": [1, 3]})")})), "false");
  EXPECT_EQ(show(call("object.subset", {set("[1, 2, 3]"), set("[1, 3]")})), "true");
  EXPECT_EQ(show(call("object.subset", {json("[1, 1, 2]"), json("[1, 2]")})), "true");
  EXPECT_EQ(show(call("object.subset", {json("[1, 2, 3]"), set("[3, 1]")})), "true");
  EXPECT_EQ(show(call("object.subset", {json("[1, 1]"), set("[1, 2]")})), "true");  // OPA counts repeats
  EXPECT_EQ(show(call("object.subset", {json("[]"), set("[]")})), "false");
  EXPECT_EQ(show(call("object.subset", {set("[1]"), json("[1]")})),
            type_error("object.subset: both arguments object.subset must be of the same type or array and set"));
}

TEST(JsonFilter, Paths) {
  runtime::Value doc = json(R"({"a": {"b": {"c": 7, "d": 8}}, "e": 9})");
  EXPECT_EQ(show(call("json.filter", {doc, json(R"(["a/b/c", "e"])")})), R"({"a":{"b":{"c":7}},"e":9})");
  EXPECT_EQ(show(call("json.filter", {json(R"({"a": {"b": 7}})"), set(R"(["a", "a/b"])")})), R"({"a":{"b":7}})");
  EXPECT_EQ(show(call("json.filter", {json(R"({"a": 7})"), set("[]")})), "{}");
  EXPECT_EQ(show(call("json.filter", {json(R"({"a": [{"b": 1, "c": 2}, {"b": 3}]})"), json(R"(["a/1/b"])")})),
            R"({"a":[{"b":3}]})");
  EXPECT_EQ(show(call("json.filter", {json(R"({"a": {"~/": 1, "x": 2}})"), json(R"(["a/~0~1"])")})),
            R"({"a":{"~/":1}})");
  EXPECT_EQ(show(call("json.filter", {doc, json(R"([["a", "b", "d"]])")})), R"({"a":{"b":{"d":8}}})");
  EXPECT_EQ(show(call("json.filter", {doc, json("[1]")})),
            type_error("json.filter: operand 2 must be one of {set, array} containing string paths or array of path "
                       "segments but got number"));
  EXPECT_EQ(show(call("json.filter", {doc, str("a")})),
            type_error("json.filter: operand 2 must be one of {set, array} but got string"));
}

TEST(JsonRemove, Paths) {
  runtime::Value doc = json(R"({"a": {"b": {"c": 7, "d": 8}}, "e": 9})");
  EXPECT_EQ(show(call("json.remove", {doc, set(R"(["a/b/c"])")})), R"({"a":{"b":{"d":8}},"e":9})");
  EXPECT_EQ(show(call("json.remove", {doc, json(R"(["a/b/c", "e"])")})), R"({"a":{"b":{"d":8}}})");
  EXPECT_EQ(show(call("json.remove", {json(R"({"a": {"b": 7}, "c": 1})"), set(R"(["a", "a/b"])")})), R"({"c":1})");
  EXPECT_EQ(show(call("json.remove", {json(R"({"a": [1, 2, 3]})"), json(R"(["a/1"])")})), R"({"a":[1,3]})");
  EXPECT_EQ(show(call("json.remove", {doc, json(R"([""])")})), R"({"a":{"b":{"c":7,"d":8}},"e":9})");
}

std::string patch(std::string_view doc, std::string_view ops) {
  return show(call("json.patch", {json(doc), json(ops)}));
}

TEST(JsonPatch, Rfc6902) {
  EXPECT_EQ(patch(R"({"foo": "bar"})", R"([{"op": "add", "path": "/baz", "value": "qux"}])"),
            R"({"baz":"qux","foo":"bar"})");
  EXPECT_EQ(patch(R"({"foo": ["bar", "baz"]})", R"([{"op": "add", "path": "/foo/1", "value": "qux"}])"),
            R"({"foo":["bar","qux","baz"]})");
  EXPECT_EQ(patch(R"({"foo": ["bar", "qux", "baz"]})", R"([{"op": "remove", "path": "/foo/1"}])"),
            R"({"foo":["bar","baz"]})");
  EXPECT_EQ(patch(R"({"baz": "qux", "foo": "bar"})", R"([{"op": "replace", "path": "/baz", "value": "boo"}])"),
            R"({"baz":"boo","foo":"bar"})");
  EXPECT_EQ(patch(R"({"foo": {"bar": "baz", "waldo": "fred"}, "qux": {"corge": "grault"}})",
                  R"([{"op": "move", "from": "/foo/waldo", "path": "/qux/thud"}])"),
            R"({"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}})");
  EXPECT_EQ(
      patch(R"({"foo": ["all", "grass", "cows", "eat"]})", R"([{"op": "move", "from": "/foo/1", "path": "/foo/3"}])"),
      R"({"foo":["all","cows","eat","grass"]})");
  EXPECT_EQ(patch(R"({"baz": "qux"})", R"([{"op": "test", "path": "/baz", "value": "qux"}])"), R"({"baz":"qux"})");
  EXPECT_EQ(patch(R"({"baz": "qux"})", R"([{"op": "test", "path": "/baz", "value": "bar"}])"), "<undefined>");
  EXPECT_EQ(patch(R"({"q": {"bar": 2}})", R"([{"op": "add", "path": "/a/b", "value": 1}])"), "<undefined>");
  EXPECT_EQ(patch(R"({"foo": ["bar"]})", R"([{"op": "add", "path": "/foo/-", "value": ["abc", "def"]}])"),
            R"({"foo":["bar",["abc","def"]]})");
  EXPECT_EQ(patch(R"({"/": 9, "~1": 10})", R"([{"op": "test", "path": "/~01", "value": 10}])"), R"({"/":9,"~1":10})");
  EXPECT_EQ(patch("{}", R"([{"op": "add", "path": "", "value": []}])"), "[]");
  EXPECT_EQ(patch("{}", R"([{"op": "add", "path": "/", "value": 1}])"), R"({"":1})");
  EXPECT_EQ(patch(R"({"bar": [1, 2]})", R"([{"op": "add", "path": "/bar/8", "value": "5"}])"), "<undefined>");
  EXPECT_EQ(patch(R"(["foo", "sil"])", R"([{"op": "add", "path": "/01", "value": "x"}])"), "<undefined>");
  EXPECT_EQ(patch("[1, 2, 3]", R"([{"op": "add", "path": "1.2", "value": "foo"}])"), "<undefined>");
  EXPECT_EQ(patch("[1]", R"([{"op": "nope", "path": "/0"}])"), "<undefined>");
  EXPECT_EQ(show(call("json.patch", {json("{}"), json("{}")})),
            type_error("json.patch: operand 2 must be array but got object"));
}

TEST(JsonPatch, SetsAndArrayPaths) {
  runtime::ObjectBuilder o;
  o.insert("s", set(R"(["a", [0]])"));
  runtime::Value doc = o.build();
  BuiltinResult r = call("json.patch", {doc, json(R"([{"op": "add", "path": ["s", [0], 1], "value": 1}])")});
  EXPECT_EQ(show(r), R"({"s":["a",[0,1]]})");
  EXPECT_EQ(show(call("json.patch", {doc, json(R"([{"op": "remove", "path": ["s", "a"]}])")})), R"({"s":[[0]]})");
  EXPECT_EQ(show(call("json.patch", {doc, json(R"([{"op": "add", "path": ["s", "b"], "value": "b"}])")})),
            R"({"s":["a","b",[0]]})");
  EXPECT_EQ(show(call("json.patch", {doc, json(R"([{"op": "add", "path": ["s", "b"], "value": "c"}])")})),
            "<undefined>");
}

TEST(JsonPatch, ArrayEditsKeepOpasBookkeeping) {
  // After removing index 0, OPA's edit tree reaches index 0 through the original array.
  EXPECT_EQ(patch(R"([{"n": 1}, {"n": 2}, {"n": 3}])",
                  R"([{"op": "remove", "path": "/0"}, {"op": "add", "path": "/0/x", "value": true}])"),
            R"([{"n":1,"x":true},{"n":3}])");
  EXPECT_EQ(patch("[1, 2, 3]", R"([{"op": "remove", "path": "/0"}, {"op": "add", "path": "/0", "value": 9}])"),
            "[9,2,3]");
}

TEST(Graph, Reachable) {
  EXPECT_EQ(show(call("graph.reachable", {json("{}"), set(R"(["a"])")})), "[]");
  EXPECT_EQ(show(call("graph.reachable", {json(R"({"a": ["b"], "b": ["c"], "c": ["a"]})"), json(R"(["a"])")})),
            R"(["a","b","c"])");
  runtime::Value g = json(R"({"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": [], "e": ["f"], "f": ["e"], "x": ["x"]})");
  EXPECT_EQ(show(call("graph.reachable", {g, set(R"(["b", "e"])")})), R"(["b","d","e","f"])");
  EXPECT_EQ(show(call("graph.reachable", {json(R"({"a": null})"), json(R"(["a"])")})), R"(["a"])");
  EXPECT_EQ(show(call("graph.reachable", {num("1"), json("[1]")})),
            type_error("graph.reachable: operand 1 must be object but got number"));
  EXPECT_EQ(show(call("graph.reachable", {json(R"({"a": []})"), str("a")})),
            type_error("graph.reachable: operand 2 must be {array, set} but got string"));
}

TEST(Graph, ReachablePaths) {
  auto paths = [](std::string_view graph, runtime::Value initial) {
    return show(call("graph.reachable_paths", {json(graph), std::move(initial)}));
  };
  EXPECT_EQ(paths("{}", set(R"(["a"])")), "[]");
  EXPECT_EQ(paths(R"({"a": ["b"], "b": ["c"], "c": ["a"]})", json(R"(["a"])")), R"([["a","b","c"]])");
  EXPECT_EQ(paths(R"({"a": ["b", "c"], "b": ["c"], "c": []})", set(R"(["a"])")), R"([["a","b","c"],["a","c"]])");
  EXPECT_EQ(paths(R"({"1": [], "2": ["1"], "3": ["2"], "4": ["3", "2"], "5": ["4"]})", json(R"(["5"])")),
            R"([["5","4","2","1"],["5","4","3","2","1"]])");
  EXPECT_EQ(paths(R"({"a": ["b"], "b": ["nonexistent"]})", set(R"(["a", "b"])")), R"([["a","b"],["b"]])");
  EXPECT_EQ(paths(R"({"a": null})", json(R"(["a"])")), R"([["a"]])");
  EXPECT_EQ(paths(R"({"one": ["two","five"], "two": ["four"], "three": [""], "four": ["three"],
                      "five": ["seven","six"], "six": ["nine","seven"], "seven": ["eight"], "eight": ["three"],
                      "nine": [""]})",
                  set(R"(["one"])")),
            R"([["one","five","seven","eight","three"],["one","five","six","nine"],)"
            R"(["one","five","six","seven","eight","three"],["one","two","four","three"]])");
}

TEST(Graph, LongChainDoesNotRecurse) {
  constexpr int64_t kNodes = 100000;
  runtime::ObjectBuilder g;
  for (int64_t i = 0; i < kNodes; ++i) {
    runtime::ArrayBuilder next;
    if (i + 1 < kNodes) next.push_back(runtime::Value::integer(i + 1));
    g.insert(runtime::Value::integer(i), next.build());
  }
  runtime::ArrayBuilder start;
  start.push_back(runtime::Value::integer(0));
  BuiltinResult r = call("graph.reachable_paths", {g.build(), start.build()});
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r.value().size(), 1u);
  EXPECT_EQ(r.value().at(0).size(), static_cast<size_t>(kNodes));
}

TEST(ArrayFlatten, OneLevel) {
  EXPECT_EQ(show(call("array.flatten", {json("[]")})), "[]");
  EXPECT_EQ(show(call("array.flatten", {json(R"([[1, 2], "string", [3, {"a": "b"}], 4.5, [6, [7, 8]]])")})),
            R"([1,2,"string",3,{"a":"b"},4.5,6,[7,8]])");
  EXPECT_EQ(show(call("array.flatten", {num("42")})),
            type_error("array.flatten: operand 1 must be array but got number"));
}

TEST(Trace, AlwaysTrue) {
  EXPECT_EQ(show(call("trace", {str("note")})), "true");
}

TEST(RegoMetadata, DeclaredForTheCompilerOnly) {
  EXPECT_EQ(show(call("rego.metadata.chain", {})),
            "<eval_internal_error: rego.metadata.chain: call was not rewritten by the compiler>");
  EXPECT_EQ(find_builtin("rego.metadata.rule")->decl.type.to_string(), "() => any");
}

TEST(OpaRuntime, EmptyWithoutARuntime) {
  EXPECT_EQ(show(call("opa.runtime", {})), "{}");
  EXPECT_TRUE(find_builtin("opa.runtime")->decl.nondeterministic);
}

}  // namespace
}  // namespace arcane::stdlib::testing
