// The strings family: search, case, split, substring, trimming and replacing, with
// expectations from OPA's conformance cases and Go's string functions.
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

TEST(Strings, Concat) {
  EXPECT_EQ(show(call("concat", {str("/"), json(R"(["", "foo", "bar", "0", "baz"])")})), R"("/foo/bar/0/baz")");
  EXPECT_EQ(show(call("concat", {str(","), set(R"(["1", "2", "3"])")})), R"("1,2,3")");
  EXPECT_EQ(show(call("concat", {str(","), json("[]")})), R"("")");
  EXPECT_EQ(show(call("concat", {str(","), json(R"(["a", 1])")})),
            type_error("concat: operand 2 must be array of strings but got array containing number"));
  EXPECT_EQ(show(call("concat", {str(","), json("{}")})),
            type_error("concat: operand 2 must be one of {set, array} but got object"));
}

TEST(Strings, Search) {
  EXPECT_EQ(show(call("indexof", {str("abcabcabcdefgh"), str("cde")})), "8");
  EXPECT_EQ(show(call("indexof", {str("abcdefgh"), str("xyz")})), "-1");
  EXPECT_EQ(show(call("indexof", {str("\xce\xbcx"), str("x")})), "1");
  EXPECT_EQ(show(call("indexof", {str("sk\xc3\xb6n var v\xc3\xa5ren"), str("v\xc3\xa5r")})), "9");
  EXPECT_EQ(show(call("indexof", {str("abc"), str("")})), builtin_error("indexof: empty search character"));
  EXPECT_EQ(show(call("indexof_n", {str("dogcatdogcat"), str("cat")})), "[3,9]");
  EXPECT_EQ(show(call("indexof_n", {str("dogcat"), str("rabbit")})), "[]");
  EXPECT_EQ(show(call("contains", {str("abcdefgh"), str("defg")})), "true");
  EXPECT_EQ(show(call("contains", {str("abcdefgh"), str("ac")})), "false");
  EXPECT_EQ(show(call("startswith", {str("abcdefgh"), str("abcd")})), "true");
  EXPECT_EQ(show(call("endswith", {str("abcdefgh"), str("fg")})), "false");
  EXPECT_EQ(show(call("strings.count", {str("cheese"), str("e")})), "3");
  EXPECT_EQ(show(call("strings.count", {str("dummy"), str("")})), "6");
  EXPECT_EQ(show(call("strings.count", {str(""), str("")})), "1");
  EXPECT_EQ(show(call("strings.count", {str("11111"), str("11")})), "2");
  EXPECT_EQ(show(call("contains", {num("1"), str("a")})), type_error("contains: operand 1 must be string but got number"));
}

TEST(Strings, AnyPrefixSuffixMatch) {
  EXPECT_EQ(show(call("strings.any_prefix_match", {json(R"(["a/b", "c/d"])"), str("c/")})), "true");
  EXPECT_EQ(show(call("strings.any_prefix_match", {set(R"(["a/b"])"), json(R"(["x", "y"])")})), "false");
  EXPECT_EQ(show(call("strings.any_suffix_match", {str("foo.bar"), set(R"(["bar", "baz"])")})), "true");
  EXPECT_EQ(show(call("strings.any_prefix_match", {json(R"(["a", 1])"), str("a")})),
            type_error("strings.any_prefix_match: operand 1 must be array of strings but got array containing number"));
  EXPECT_EQ(show(call("strings.any_suffix_match", {str("a"), num("1")})),
            type_error("strings.any_suffix_match: operand 2 must be one of {string, set, array} but got number"));
}

TEST(Strings, Case) {
  EXPECT_EQ(show(call("lower", {str("AbCdEf")})), R"("abcdef")");
  EXPECT_EQ(show(call("upper", {str("AbCdEf")})), R"("ABCDEF")");
  EXPECT_EQ(show(call("upper", {str("\xc3\xa5\xc3\xa4\xc3\xb6")})), "\"\xc3\x85\xc3\x84\xc3\x96\"");
  EXPECT_EQ(show(call("lower", {str("\xce\xa3\xc3\x85")})), "\"\xcf\x83\xc3\xa5\"");
}

TEST(Strings, Split) {
  EXPECT_EQ(show(call("split", {str("foo.bar.baz"), str(".")})), R"(["foo","bar","baz"])");
  EXPECT_EQ(show(call("split", {str(""), str(".")})), R"([""])");
  EXPECT_EQ(show(call("split", {str("test"), str("")})), R"(["t","e","s","t"])");
  EXPECT_EQ(show(call("split", {str(""), str("")})), "[]");
  auto split_n = [](std::string_view s, std::string_view d, std::string_view n) {
    return show(call("strings.split_n", {str(s), str(d), num(n)}));
  };
  EXPECT_EQ(split_n("a.b.c.d", ".", "2"), R"(["a","b"])");
  EXPECT_EQ(split_n("a.b.c.d", ".", "10"), R"(["a","b","c","d"])");
  EXPECT_EQ(split_n("a.b.c.d", ".", "0"), "[]");
  EXPECT_EQ(split_n("a.b.c.d", ".", "-2"), R"(["c","d"])");
  EXPECT_EQ(split_n("a.b.c.d", ".", "-10"), R"(["a","b","c","d"])");
  EXPECT_EQ(split_n("", ".", "2"), R"([""])");
  EXPECT_EQ(split_n("abc", "", "2"), R"(["a","b"])");
  EXPECT_EQ(split_n("abc", "", "-2"), R"(["b","c"])");
  EXPECT_EQ(split_n("a.b.c", ".", "1.5"),
            type_error("strings.split_n: operand 3 must be integer number but got floating-point number"));
}

TEST(Strings, Substring) {
  auto sub = [](std::string_view s, std::string_view a, std::string_view b) {
    return show(call("substring", {str(s), num(a), num(b)}));
  };
  EXPECT_EQ(sub("abcdefgh", "2", "3"), R"("cde")");
  EXPECT_EQ(sub("\xc3\xa5\xc3\xa4\xc3\xb6", "0", "2"), "\"\xc3\xa5\xc3\xa4\"");
  EXPECT_EQ(sub("abcdefgh", "2", "-1"), R"("cdefgh")");
  EXPECT_EQ(sub("a\xc3\xa5\xc3\xa4\xc3\xb6", "2", "-1"), "\"\xc3\xa4\xc3\xb6\"");
  EXPECT_EQ(sub("abcdefgh", "2", "10000"), R"("cdefgh")");
  EXPECT_EQ(sub("aaa", "3", "-1"), R"("")");
  EXPECT_EQ(sub("aaa", "-1", "-1"), builtin_error("substring: negative offset"));
  EXPECT_EQ(sub("aaa", "1.0", "1"),
            type_error("substring: operand 2 must be integer number but got floating-point number"));
}

TEST(Strings, Reverse) {
  EXPECT_EQ(show(call("strings.reverse", {str("bar")})), R"("rab")");
  EXPECT_EQ(show(call("strings.reverse", {str("1\xf0\x9f\x98\x80")})), "\"\xf0\x9f\x98\x80" "1\"");
  EXPECT_EQ(show(call("strings.reverse", {num("1")})),
            type_error("strings.reverse: operand 1 must be string but got number"));
}

TEST(Strings, FormatInt) {
  auto f = [](std::string_view n, std::string_view base) { return show(call("format_int", {num(n), num(base)})); };
  EXPECT_EQ(f("15.5", "16"), R"("f")");
  EXPECT_EQ(f("-15.9", "16"), R"("-f")");
  EXPECT_EQ(f("3.1", "10"), R"("3")");
  EXPECT_EQ(f("18446744073709551617", "16"), R"("10000000000000001")");
  EXPECT_EQ(f("18446744073709551617", "8"), R"("2000000000000000000001")");
  EXPECT_EQ(f("-18446744073709551617", "10"), R"("-18446744073709551617")");
  EXPECT_EQ(f("5", "2"), R"("101")");
  EXPECT_EQ(f("4.1", "199"), type_error("format_int: operand 2 must be one of {2, 8, 10, 16}"));
}

TEST(Strings, Trim) {
  EXPECT_EQ(show(call("trim", {str("...foo.bar..."), str(".fr")})), R"("oo.ba")");
  EXPECT_EQ(show(call("trim", {str("\xc2\xa1\xc2\xa1\xc2\xa1" "foo, bar!!!"), str("!\xc2\xa1")})), R"("foo, bar")");
  EXPECT_EQ(show(call("trim_left", {str("\xc2\xa1\xc2\xa1" "foo!!"), str("!\xc2\xa1")})), R"("foo!!")");
  EXPECT_EQ(show(call("trim_right", {str("\xc2\xa1" "foo!!"), str("!\xc2\xa1")})), "\"\xc2\xa1" "foo\"");
  EXPECT_EQ(show(call("trim_prefix", {str("foo, bar"), str("foo")})), R"(", bar")");
  EXPECT_EQ(show(call("trim_suffix", {str("foo, bar"), str(", foo")})), R"("foo, bar")");
  EXPECT_EQ(show(call("trim_space", {str(" \t\n foo, bar \n\t\r\n")})), R"("foo, bar")");
  EXPECT_EQ(show(call("trim_space", {str("\xe3\x80\x80x\xc2\xa0")})), R"("x")");
}

TEST(Strings, Replace) {
  EXPECT_EQ(show(call("replace", {str("foo...bar"), str(".."), str(",,")})), R"("foo,,.bar")");
  EXPECT_EQ(show(call("replace", {str(""), str("hi"), str("bye")})), R"("")");
  EXPECT_EQ(show(call("replace", {str("abc"), str(""), str("-")})), R"("-a-b-c-")");
  EXPECT_EQ(call("strings.replace_n", {json(R"({"<": "&lt;", ">": "&gt;"})"), str("This is <b>HTML</b>!")})
                .value()
                .string_view(),
            "This is &lt;b&gt;HTML&lt;/b&gt;!");
  EXPECT_EQ(show(call("strings.replace_n", {json(R"({"f": "x", "foo": "xxx"})"), str("foobar")})), R"("xoobar")");
  EXPECT_EQ(show(call("strings.replace_n", {json(R"({"foo": 1})"), str("foo")})),
            type_error("strings.replace_n: operand 1 non-string value found in pattern object"));
  EXPECT_EQ(show(call("strings.replace_n", {json(R"({"foo": "baz"})"), num("1")})),
            type_error("strings.replace_n: operand 2 must be string but got number"));
}

}  // namespace
}  // namespace arcane::stdlib::testing

namespace arcane::stdlib::testing {
namespace {

// The rendered text, quoted as JSON without escaping, or the error.
std::string render(std::string_view tmpl, std::string_view vars) {
  BuiltinResult r = call("strings.render_template", {str(tmpl), json(vars)});
  if (!r.has_value()) return show(r);
  std::string out = "\"";
  for (char c : r.value().string_view()) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

TEST(RenderTemplate, ConformanceCases) {
  EXPECT_EQ(render("{{.test}}", R"({"test": "hello world"})"), R"("hello world")");
  EXPECT_EQ(render("{{.test}}", R"({"test": 2023})"), R"("2023")");
  EXPECT_EQ(render("{{range $i, $name := .hellonames}}{{if $i}},{{end}}hello {{$name}}{{end}}",
                   R"({"hellonames": ["rohan", "john doe"]})"),
            R"("hello rohan,hello john doe")");
  EXPECT_EQ(render("{{.testvarnotprovided}}", R"({"test": "hello world"})"), R"("<undefined>")");
  EXPECT_EQ(render("test {{.foo}} {{.bar}} {{.baz}}", R"({"baz": 1})"), R"("test <undefined> <undefined> 1")");
}

TEST(RenderTemplate, Subset) {
  EXPECT_EQ(render("{{- if .a }} yes {{- else -}} no {{ end -}}", R"({"a": false})"), R"("no ")");
  EXPECT_EQ(render("{{if .a}}A{{else if .b}}B{{else}}C{{end}}", R"({"a": 0, "b": "x"})"), R"("B")");
  EXPECT_EQ(render("{{with .u}}{{.name}}{{end}}", R"({"u": {"name": "bob"}})"), R"("bob")");
  EXPECT_EQ(render("{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}", R"({"m": {"b": 2, "a": 1}})"), R"("a=1;b=2;")");
  EXPECT_EQ(render("{{range .xs}}{{.}}{{else}}none{{end}}", R"({"xs": []})"), R"("none")");
  EXPECT_EQ(render("{{$x := .a}}{{$x}}{{/* note */}}", R"({"a": "v"})"), R"("v")");
  EXPECT_EQ(render("{{len .xs}} {{index .xs 1}} {{eq .a \"v\"}} {{not .a}}", R"({"xs": [1, 2], "a": "v"})"),
            R"("2 2 true false")");
  EXPECT_EQ(render("{{printf \"%05d|%s\" 42 .a}} {{.a | printf \"%q\"}}", R"({"a": "v"})"), R"("00042|v \"v\"")");
  EXPECT_EQ(render("{{.xs}} {{.m}} {{.n}}", R"({"xs": [1, "a"], "m": {"k": [true]}, "n": null})"),
            R"("[1 a] map[k:[true]] <no value>")");
  EXPECT_EQ(render("{{template \"x\"}}", "{}").substr(0, 22), "<eval_builtin_error: s");
  EXPECT_EQ(render("{{.a", "{}").substr(0, 22), "<eval_builtin_error: s");
  EXPECT_EQ(show(call("strings.render_template", {str("x"), json("[]")})),
            type_error("strings.render_template: operand 2 must be object but got array"));
}

}  // namespace
}  // namespace arcane::stdlib::testing
