// The JSON reader: values and numbers as OPA reads them, and clean errors with line:col
// for every kind of bad input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/json_reader.h"
#include "runtime/json_writer.h"

namespace arcane::runtime {
namespace {

std::string message_of(const Result<Value>& r) {
  if (r.ok()) return "<ok>";
  EXPECT_EQ(r.error().code, "json_parse_error");
  return r.error().message;
}

// Reads through both entry points (any text, and NUL-terminated text, which takes
// RapidJSON's SIMD paths) and expects the same verdict.
std::string error_of(std::string_view text, const JsonReadOptions& options = {}) {
  std::string view_result = message_of(parse_json(text, options));
  EXPECT_EQ(message_of(parse_json(std::string(text), options)), view_result) << text.substr(0, 80);
  return view_result;
}

TEST(JsonReader, ReadsEveryKind) {
  Result<Value> r = parse_json(R"( {"a": [null, true, false, -1, 2.5, "s\u00e9\n"], "b": {}, "c": []} )");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Value& v = *r;
  ASSERT_TRUE(v.is_object());
  const Value* a = v.find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->size(), 6u);
  EXPECT_TRUE(a->at(0).is_null());
  EXPECT_TRUE(a->at(1).as_bool());
  EXPECT_FALSE(a->at(2).as_bool());
  EXPECT_EQ(a->at(3).number().to_int64(), -1);
  EXPECT_EQ(a->at(4).number().to_string(), "2.5");
  EXPECT_EQ(a->at(5).string_view(), "s\xc3\xa9\n");
  EXPECT_EQ(v.find("b")->size(), 0u);
  EXPECT_TRUE(v.find("c")->is_array());
}

TEST(JsonReader, NumbersRoundTripTheirText) {
  const char* text = R"([1.50,1e3,0.1,-0,1E+2,123456789012345678901234567890,1e400,-1e-400,0.000])";
  Result<Value> r = parse_json(text);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(to_json(*r), text);
}

TEST(JsonReader, ScalarsAtTopLevel) {
  EXPECT_EQ(to_json(parse_json(" 42 ").value()), "42");
  EXPECT_EQ(to_json(parse_json("\"x\"").value()), "\"x\"");
  EXPECT_TRUE(parse_json("null")->is_null());
}

TEST(JsonReader, TrailingGarbage) {
  EXPECT_EQ(error_of("{\"a\": 1} x"), "1:10: unexpected data after the top-level value");
  EXPECT_EQ(error_of("[1]\n[2]"), "2:1: unexpected data after the top-level value");
  EXPECT_EQ(error_of(std::string("{}\0{}", 5)), "1:3: unexpected data after the top-level value");
}

TEST(JsonReader, BadUtf8) {
  EXPECT_EQ(error_of("{\"a\":\n  \"ok \xff\"}"), "2:7: invalid UTF-8");
  EXPECT_EQ(error_of("[\"\xc0\xaf\"]"), "1:3: invalid UTF-8");  // overlong '/'
  EXPECT_EQ(error_of("[\"\xed\xa0\x80\"]"), "1:3: invalid UTF-8");  // surrogate
  EXPECT_EQ(error_of("[\"a\tb\"]"), "1:4: control character in string");
  EXPECT_EQ(error_of("[1 2, \"\xff\"]"), "1:4: expected ',' or ']' in array");  // the earlier error
  EXPECT_EQ(error_of("[\"\xff\", 1 2]"), "1:3: invalid UTF-8");
  EXPECT_EQ(error_of("[\"\xf4\x90\x80\x80\"]"), "1:3: invalid UTF-8");  // beyond U+10FFFF
  EXPECT_EQ(error_of("[\"\xe2\x82\"]"), "1:3: invalid UTF-8");          // truncated sequence
  EXPECT_EQ(error_of("[\"\xf0\x9f\x98\x80 \xe2\x82\xac\"]"), "<ok>");
  // Escapes must not smuggle surrogates in: lone high and lone low are both refused.
  EXPECT_EQ(error_of("[\"\\ud83d\\ude00 \\u00e9\\ud7ff\\ue000\"]"), "<ok>");
  EXPECT_EQ(error_of("[\"a\\ud83d\"]"), "1:4: invalid UTF-16 surrogate in \\u escape");
  EXPECT_EQ(error_of("[\"a\\ude00\"]"), "1:11: invalid UTF-16 surrogate in \\u escape");
  EXPECT_EQ(error_of("{\"\\udfff\": 1}"), "1:10: invalid UTF-16 surrogate in \\u escape");
  EXPECT_EQ(error_of("[\"a\\qb\"]"), "1:4: invalid escape in string");
}

TEST(JsonReader, Truncated) {
  EXPECT_EQ(error_of(""), "1:1: unexpected end of input: the document is empty");
  EXPECT_EQ(error_of("{\"a\": [1, 2"), "1:12: unexpected end of input");
  EXPECT_EQ(error_of("{\"a\":\n\"abc"), "2:5: unexpected end of input: unterminated string");
  EXPECT_EQ(error_of("[1.5e"), "1:6: unexpected end of input");
}

TEST(JsonReader, SyntaxErrors) {
  EXPECT_EQ(error_of("{a: 1}"), "1:2: expected a string as object key");
  EXPECT_EQ(error_of("{\"a\" 1}"), "1:6: expected ':' after object key");
  EXPECT_EQ(error_of("[1 2]"), "1:4: expected ',' or ']' in array");
  EXPECT_EQ(error_of("[01]"), "1:3: expected ',' or ']' in array");
  EXPECT_EQ(error_of("[1,]"), "1:4: invalid value");
  EXPECT_EQ(error_of("[NaN]"), "1:2: invalid value");
  EXPECT_EQ(error_of("\xef\xbb\xbf{}"), "1:1: invalid value");  // Go rejects a BOM too
}

TEST(JsonReader, DepthBombIsRejectedWithoutRecursion) {
  std::string bomb(100000, '[');
  EXPECT_EQ(error_of(bomb), "1:1001: nesting depth exceeds the limit of 1000");
  std::string ok = std::string(1000, '[') + std::string(1000, ']');
  EXPECT_EQ(error_of(ok), "<ok>");
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  EXPECT_EQ(error_of(objects), "1:5001: nesting depth exceeds the limit of 1000");
  JsonReadOptions deep;
  deep.max_depth = 200000;
  std::string deep_ok = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(error_of(deep_ok, deep), "<ok>");
  JsonReadOptions shallow;
  shallow.max_depth = 2;
  EXPECT_EQ(error_of("[[[]]]", shallow), "1:3: nesting depth exceeds the limit of 2");
}

TEST(JsonReader, HugeNumbersTakeTheFallbackPathAndKeepPositions) {
  Result<Value> r = parse_json("{\"big\": 1e400, \"s\": \"1e999 in a string\", \"n\": [-2e-999, 7]}");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(to_json(*r), R"({"big":1e400,"n":[-2e-999,7],"s":"1e999 in a string"})");
  EXPECT_EQ(error_of("[1e400,\n  1e99999999999]"), "2:3: invalid number 1e99999999999 (malformed or beyond limits)");
  EXPECT_EQ(error_of("[1e400, }"), "1:9: invalid value");
}

// Containers of every size, including ones larger than the reader's first arena chunks.
TEST(JsonReader, ContainersOfManySizes) {
  for (int n : {1, 31, 32, 33, 255, 300, 5000, 20000, 70000}) {
    std::string arr = "[", obj = "{";
    for (int i = 0; i < n; ++i) {
      arr += (i ? "," : "") + std::to_string(i);
      obj += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
    }
    Result<Value> a = parse_json(arr + "]");
    Result<Value> o = parse_json(obj + "}");
    ASSERT_TRUE(a.ok() && o.ok()) << n;
    ASSERT_EQ(a->size(), static_cast<size_t>(n));
    ASSERT_EQ(o->size(), static_cast<size_t>(n));
    EXPECT_EQ(a->at(n - 1).number().to_int64(), n - 1);
    EXPECT_EQ(o->find("k" + std::to_string(n - 1))->number().to_int64(), n - 1);
  }
}

TEST(JsonReader, DuplicateKeysLastWins) { EXPECT_EQ(to_json(parse_json(R"({"a":1,"b":2,"a":3})").value()), R"({"a":3,"b":2})"); }

// Text that is not followed by a NUL (or anything): readers must stay inside it. Most
// telling under AddressSanitizer.
TEST(JsonReader, StaysInsideAnUnterminatedBuffer) {
  for (size_t n : {2, 8, 31, 32, 33, 64, 65}) {
    std::vector<char> buf(n, ' ');
    buf.front() = '[';
    buf.back() = ']';
    EXPECT_TRUE(parse_json(std::string_view(buf.data(), buf.size())).ok()) << n;
    buf[n / 2] = '\xc3';
    EXPECT_FALSE(parse_json(std::string_view(buf.data(), buf.size())).ok()) << n;
  }
}

TEST(JsonReader, ReportsTheFileWhenGiven) {
  JsonReadOptions opts;
  opts.file = 3;
  Result<Value> r = parse_json("[1,\n x]", opts);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().location.file, 3u);
  EXPECT_EQ(r.error().location.offset, 5u);
}

}  // namespace
}  // namespace arcane::runtime
