// base64*, hex, urlquery, json.* and yaml.* codecs, with OPA's (Go's) results and errors.
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

TEST(Base64, EncodeDecode) {
  EXPECT_EQ(show(call("base64.encode", {str("hello")})), R"("aGVsbG8=")");
  EXPECT_EQ(show(call("base64.encode", {str("subjects?_d")})), R"("c3ViamVjdHM/X2Q=")");
  EXPECT_EQ(show(call("base64.encode", {str("")})), R"("")");
  EXPECT_EQ(show(call("base64.decode", {str("aGVsbG8=")})), R"("hello")");
  EXPECT_EQ(show(call("base64.decode", {str("c3ViamVjdHM/X2Q=")})), R"("subjects?_d")");
  EXPECT_EQ(show(call("base64.decode", {str("aGVs\nbG8=")})), R"("hello")");  // Go skips CR and LF
  EXPECT_EQ(show(call("base64.decode", {str("")})), R"("")");
  EXPECT_EQ(show(call("base64.decode", {str("aGVsbG8")})),
            builtin_error("base64.decode: illegal base64 data at input byte 4"));
  EXPECT_EQ(show(call("base64.decode", {str("aGVs*G8=")})),
            builtin_error("base64.decode: illegal base64 data at input byte 4"));
  EXPECT_EQ(show(call("base64.decode", {str("aGVsbG8=x")})),
            builtin_error("base64.decode: illegal base64 data at input byte 8"));
  EXPECT_EQ(show(call("base64.decode", {str("aA==")})), R"("h")");
  EXPECT_EQ(show(call("base64.decode", {str("aB==")})), R"("h")");  // trailing bits are not checked
  EXPECT_EQ(show(call("base64.decode", {str("a===")})),
            builtin_error("base64.decode: illegal base64 data at input byte 1"));
  EXPECT_EQ(show(call("base64.decode", {num("1")})),
            type_error("base64.decode: operand 1 must be string but got number"));
  EXPECT_EQ(show(call("base64.is_valid", {str("aGVsbG8=")})), "true");
  EXPECT_EQ(show(call("base64.is_valid", {str("{'not':'base64'}")})), "false");
  EXPECT_EQ(show(call("base64.is_valid", {num("1")})), "false");
}

TEST(Base64, Url) {
  EXPECT_EQ(show(call("base64url.encode", {str("hello")})), R"("aGVsbG8=")");
  EXPECT_EQ(show(call("base64url.encode", {str("subjects?_d")})), R"("c3ViamVjdHM_X2Q=")");
  EXPECT_EQ(show(call("base64url.encode_no_pad", {str("hello")})), R"("aGVsbG8")");
  EXPECT_EQ(show(call("base64url.encode_no_pad", {str("there")})), R"("dGhlcmU")");
  EXPECT_EQ(show(call("base64url.decode", {str("aGVsbG8=")})), R"("hello")");
  EXPECT_EQ(show(call("base64url.decode", {str("aGVsbG8")})), R"("hello")");
  EXPECT_EQ(show(call("base64url.decode", {str("c3ViamVjdHM_X2Q")})), R"("subjects?_d")");
  EXPECT_EQ(show(call("base64url.decode", {str("aGVsb")})),
            builtin_error("base64url.decode: illegal base64url string: aGVsb"));
  EXPECT_EQ(show(call("base64url.decode", {str("c3ViamVjdHM/X2Q=")})),
            builtin_error("base64url.decode: illegal base64 data at input byte 11"));
}

TEST(Hex, EncodeDecode) {
  EXPECT_EQ(show(call("hex.encode", {str("lorem ipsum")})), R"("6c6f72656d20697073756d")");
  EXPECT_EQ(show(call("hex.decode", {str("6c6f72656d20697073756d")})), R"("lorem ipsum")");
  EXPECT_EQ(show(call("hex.decode", {str("fghijkl")})),
            builtin_error("hex.decode: encoding/hex: invalid byte: U+0067 'g'"));
  EXPECT_EQ(show(call("hex.decode", {str("6c6")})), builtin_error("hex.decode: encoding/hex: odd length hex string"));
  EXPECT_EQ(show(call("hex.decode", {str("6c6\n")})), builtin_error("hex.decode: encoding/hex: invalid byte: U+000A"));
}

TEST(UrlQuery, EncodeDecode) {
  EXPECT_EQ(show(call("urlquery.encode", {str("a=b+1")})), R"("a%3Db%2B1")");
  EXPECT_EQ(show(call("urlquery.encode", {str("a b~")})), R"("a+b~")");
  EXPECT_EQ(show(call("urlquery.decode", {str("a%3Db%2B1")})), R"("a=b+1")");
  EXPECT_EQ(show(call("urlquery.decode", {str("a+b")})), R"("a b")");
  EXPECT_EQ(show(call("urlquery.decode", {str("a%zzb")})),
            builtin_error(R"(urlquery.decode: invalid URL escape "%zz")"));
  EXPECT_EQ(show(call("urlquery.decode", {str("a%4")})), builtin_error(R"(urlquery.decode: invalid URL escape "%4")"));
}

TEST(UrlQuery, Objects) {
  EXPECT_EQ(show(call("urlquery.encode_object", {json("{}")})), R"("")");
  EXPECT_EQ(show(call("urlquery.encode_object", {json(R"({"c": "d", "a": "b"})")})), R"("a=b\u0026c=d")");
  EXPECT_EQ(show(call("urlquery.encode_object", {json(R"({"a": ["b+1", "c+2"], "e": []})")})),
            R"("a=b%2B1\u0026a=c%2B2")");
  EXPECT_EQ(show(call("urlquery.encode_object", {json(R"({"a": "c=b+1"})")})), R"("a=c%3Db%2B1")");
  EXPECT_EQ(show(call("urlquery.encode_object", {json(R"({"a": 1})")})),
            type_error("urlquery.encode_object: operand 1 values must be string, array[string], or set[string]"));
  EXPECT_EQ(show(call("urlquery.decode_object", {str("a=value_a1&b=value_b&a=value_a2")})),
            R"({"a":["value_a1","value_a2"],"b":["value_b"]})");
  EXPECT_EQ(show(call("urlquery.decode_object", {str("a=value_a1&b")})), R"({"a":["value_a1"],"b":[""]})");
  EXPECT_EQ(show(call("urlquery.decode_object", {str("")})), "{}");
  EXPECT_EQ(show(call("urlquery.decode_object", {str("a=1;b=2")})),
            builtin_error("urlquery.decode_object: invalid semicolon separator in query"));
}

TEST(Json, Marshal) {
  runtime::ObjectBuilder o;
  o.insert("foo", set("[3, 1, 2]"));
  runtime::ArrayBuilder a;
  a.push_back(o.build());
  EXPECT_EQ(show(call("json.marshal", {a.build()})), R"("[{\"foo\":[1,2,3]}]")");
  EXPECT_EQ(show(call("json.marshal", {str("<&>")})), R"("\"\\u003c\\u0026\\u003e\"")");
  BuiltinResult bad = call("json.marshal", {str("a\xff\xe2\x82"
                                                "b\xef\xbf\xbd")});  // Go escapes bad bytes only
  EXPECT_EQ(bad.has_value() ? std::string(bad.value().string_view()) : show(bad),
            "\"a\\ufffd\\ufffd\\ufffd"
            "b\xef\xbf\xbd\"");
}

TEST(Json, MarshalWithOptions) {
  runtime::Value v = json("[1234567890, 2000000, 1000000000]");
  auto marshal = [&](const runtime::Value& value, std::string_view options) {
    BuiltinResult r = call("json.marshal_with_options", {value, json(options)});
    return r.has_value() ? std::string(r.value().string_view()) : show(r);
  };
  EXPECT_EQ(marshal(v, R"({"indent": "  "})"), "[\n  1234567890,\n  2000000,\n  1000000000\n]");
  EXPECT_EQ(marshal(v, "{}"), "[1234567890,2000000,1000000000]");
  EXPECT_EQ(marshal(v, R"({"pretty": true})"), "[\n\t1234567890,\n\t2000000,\n\t1000000000\n]");
  EXPECT_EQ(marshal(v, R"({"pretty": false, "prefix": "NO!", "indent": "BAD!"})"), "[1234567890,2000000,1000000000]");
  EXPECT_EQ(marshal(v, R"({"prefix": "JSON => "})"),
            "JSON => [\nJSON => \t1234567890,\nJSON => \t2000000,\nJSON => \t1000000000\nJSON => ]");
  EXPECT_EQ(marshal(json(R"({"foo": "bar", "bar": "baz"})"), R"({"prefix": "JSON => "})"),
            "JSON => {\nJSON => \t\"bar\": \"baz\",\nJSON => \t\"foo\": \"bar\"\nJSON => }");
  EXPECT_EQ(marshal(json("[]"), R"({"indent": "    ", "prefix": "---"})"), "---[]");
  EXPECT_EQ(marshal(json("[[[]], {}]"), R"({"indent": " "})"), "[\n [\n  []\n ],\n {}\n]");
  EXPECT_EQ(marshal(json(R"(["a,[\"b"])"), R"({"indent": " "})"), "[\n \"a,[\\\"b\"\n]");
  EXPECT_EQ(
      marshal(json("[]"), R"({"indent": "    ", "include_winning_lottery_numbers": true})"),
      type_error(
          R"(json.marshal_with_options: operand 2 object contained unknown key "include_winning_lottery_numbers")"));
  EXPECT_EQ(
      marshal(json("[]"), R"({"indent": 1})"),
      type_error(
          R"(json.marshal_with_options: operand 2 key "indent" failed cast to string: operand 0 must be string but got number)"));
  EXPECT_EQ(marshal(json("[]"), R"({"pretty": 1})"),
            type_error(R"(json.marshal_with_options: operand 2 key "pretty" failed cast to bool)"));
}

TEST(Json, UnmarshalAndIsValid) {
  EXPECT_EQ(show(call("json.unmarshal", {str(R"([{"foo":[1,2,3]}])")})), R"([{"foo":[1,2,3]}])");
  EXPECT_EQ(show(call("json.unmarshal", {num("1")})),
            type_error("json.unmarshal: operand 1 must be string but got number"));
  EXPECT_TRUE(call("json.unmarshal", {str("{")}).is_error());
  EXPECT_EQ(show(call("json.is_valid", {str("plainstring")})), "false");
  EXPECT_EQ(show(call("json.is_valid", {str("{")})), "false");
  EXPECT_EQ(show(call("json.is_valid", {str(R"({"json": "ok"})")})), "true");
  EXPECT_EQ(show(call("json.is_valid", {num("1")})), "false");
}

TEST(Json, GoDecoderErrorsAndQuirks) {
  auto unmarshal = [](std::string_view text) { return show(call("json.unmarshal", {str(text)})); };
  EXPECT_EQ(unmarshal("{"), builtin_error("json.unmarshal: unexpected EOF"));
  EXPECT_EQ(unmarshal(" "), builtin_error("json.unmarshal: EOF"));
  EXPECT_EQ(unmarshal("x"), builtin_error("json.unmarshal: invalid character 'x' looking for beginning of value"));
  EXPECT_EQ(unmarshal("[1,]"), builtin_error("json.unmarshal: invalid character ']' looking for beginning of value"));
  EXPECT_EQ(unmarshal(R"({"a" 1})"), builtin_error("json.unmarshal: invalid character '1' after object key"));
  EXPECT_EQ(unmarshal(R"({"a": 1 "b"})"),
            builtin_error(R"(json.unmarshal: invalid character '"' after object key:value pair)"));
  EXPECT_EQ(unmarshal("trx"), builtin_error("json.unmarshal: invalid character 'x' in literal true (expecting 'u')"));
  EXPECT_EQ(unmarshal("1.x"),
            builtin_error("json.unmarshal: invalid character 'x' after decimal point in numeric literal"));
  EXPECT_EQ(unmarshal("[1] x"), builtin_error("json.unmarshal: invalid character 'x' looking for beginning of value"));
  EXPECT_EQ(unmarshal("1 2"), builtin_error("json.unmarshal: error(s) occurred while decoding: %!w(<nil>)"));
  EXPECT_EQ(unmarshal("1 null"), "1");  // the trailing token check cannot tell null from nothing
  EXPECT_EQ(unmarshal(" [1, {\"a\": null}] "), R"([1,{"a":null}])");
  EXPECT_EQ(unmarshal("\"a\xff"
                      "b\""),
            "\"a\xEF\xBF\xBD"
            "b\"");  // Go's U+FFFD for a bad byte
  EXPECT_EQ(show(call("json.is_valid", {str("\"a\xff"
                                            "b\"")})),
            "true");
  EXPECT_EQ(show(call("json.is_valid", {str("1 null")})), "false");
  EXPECT_EQ(show(call("json.is_valid", {str(" {} ")})), "true");
}

std::string yaml_text(const runtime::Value& v) {
  BuiltinResult r = call("yaml.marshal", {v});
  return r.has_value() ? std::string(r.value().string_view()) : show(r);
}

// Found by fuzz_builtins (UBSan: signed overflow in the key order on long digit runs).
// go-yaml's int arithmetic wraps, so 2^63 reads as the most negative number and sorts
// before 1.
TEST(Yaml, MarshalKeyOrderWrapsLongNumbersAsGo) {
  EXPECT_EQ(yaml_text(json(R"({"k1": 2, "k9223372036854775808": 1})")), "k9223372036854775808: 1\nk1: 2\n");
  EXPECT_EQ(yaml_text(json(R"({"k3": 2, "k1234567890123456789012": 1})")), "k1234567890123456789012: 1\nk3: 2\n");
}

TEST(Yaml, Marshal) {
  runtime::ObjectBuilder o;
  o.insert("foo", set("[1, 2, 3]"));
  runtime::ArrayBuilder a;
  a.push_back(o.build());
  EXPECT_EQ(yaml_text(a.build()), "- foo:\n  - 1\n  - 2\n  - 3\n");
  EXPECT_EQ(yaml_text(str("foo")), "foo\n");
  EXPECT_EQ(yaml_text(json("{}")), "{}\n");
  EXPECT_EQ(yaml_text(json("[]")), "[]\n");
  EXPECT_EQ(yaml_text(json(R"({"b": {"c": null}, "a": [true, 1.5, 1.0, 1e6, "1", "", "yes", "x: y"]})")),
            "a:\n- true\n- 1.5\n- 1\n- 1e+06\n- \"1\"\n- \"\"\n- \"yes\"\n- 'x: y'\nb:\n  c: null\n");
  EXPECT_EQ(yaml_text(json(R"({"a10": 1, "a9": 2, "B": 3, "_": 4})")), "_: 4\nB: 3\na9: 2\na10: 1\n");
  EXPECT_EQ(yaml_text(json(R"({"text": "line 1\nline 2\n"})")), "text: |\n  line 1\n  line 2\n");
  EXPECT_EQ(yaml_text(json(R"(["2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2001-2-3",
                               "2001-02-30", "2001-12-14T21:59:43", "12:30", "<<", "Null", "-inf", "1_000"])")),
            "- \"2001-12-14t21:59:43.10-05:00\"\n- \"2001-12-14 21:59:43.10\"\n- \"2001-2-3\"\n- 2001-02-30\n"
            "- 2001-12-14T21:59:43\n- \"12:30\"\n- <<\n- \"Null\"\n- -inf\n- \"1_000\"\n");
  EXPECT_EQ(yaml_text(str("a\xff")), "a\xEF\xBF\xBD\n");  // Go's JSON encoder's U+FFFD
  EXPECT_EQ(yaml_text(json(R"({"k": " lead", "n": "-1", "d": "2001-12-14", "x": "0x1F", "h": "# c"})")),
            "d: \"2001-12-14\"\nh: '# c'\nk: ' lead'\n\"n\": \"-1\"\nx: \"0x1F\"\n");
}

TEST(Yaml, UnmarshalAndIsValid) {
  BuiltinResult round = call("yaml.unmarshal", {str("- foo:\n  - 1\n  - 2\n")});
  EXPECT_EQ(show(round), R"([{"foo":[1,2]}])");
  EXPECT_EQ(show(call("yaml.unmarshal", {str("[1,2,3")})),
            builtin_error("yaml.unmarshal: yaml: line 1: did not find expected ',' or ']'"));
  EXPECT_EQ(show(call("yaml.is_valid", {str("foo:\n  - qux: bar\n  - baz: 2")})), "true");
  EXPECT_EQ(show(call("yaml.is_valid", {str("foo:\n  - qux: bar\n  - baz: {")})), "false");
  EXPECT_EQ(show(call("yaml.is_valid", {str(R"({"json": "ok"})")})), "true");
  EXPECT_EQ(show(call("yaml.is_valid", {num("1")})), "false");
}

}  // namespace
}  // namespace arcane::stdlib::testing
