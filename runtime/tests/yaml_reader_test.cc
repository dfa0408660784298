// The YAML reader: YAML 1.1 scalar rules as OPA applies them (conformance FORMAT.md §1),
// key stringification, anchors and merges, errors with line:col, and a pass over every
// file of the conformance suite.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "runtime/json_writer.h"
#include "runtime/yaml_reader.h"

namespace arcane::runtime {
namespace {

std::string yaml_json(std::string_view text) {
  Result<Value> r = parse_yaml(text);
  if (!r.ok()) return "error: " + r.error().message;
  return to_json(*r);
}

std::string scalar(std::string_view plain) { return yaml_json("v: " + std::string(plain)); }

TEST(YamlReader, Yaml11Booleans) {
  for (const char* t : {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"}) {
    EXPECT_EQ(scalar(t), R"({"v":true})") << t;
  }
  for (const char* f : {"n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"}) {
    EXPECT_EQ(scalar(f), R"({"v":false})") << f;
  }
  EXPECT_EQ(scalar("yEs"), R"({"v":"yEs"})");
  EXPECT_EQ(scalar("'yes'"), R"({"v":"yes"})");  // quoted scalars are always strings
  EXPECT_EQ(scalar("\"on\""), R"({"v":"on"})");
}

TEST(YamlReader, Nulls) {
  for (const char* n : {"~", "null", "Null", "NULL", ""}) EXPECT_EQ(scalar(n), R"({"v":null})") << n;
  EXPECT_EQ(scalar("nULL"), R"({"v":"nULL"})");
  EXPECT_EQ(scalar("'~'"), R"({"v":"~"})");
  EXPECT_EQ(yaml_json(""), "null");
  EXPECT_EQ(yaml_json("# only a comment\n"), "null");
}

TEST(YamlReader, IntegersAsGoParseIntBaseZero) {
  EXPECT_EQ(scalar("42"), R"({"v":42})");
  EXPECT_EQ(scalar("-17"), R"({"v":-17})");
  EXPECT_EQ(scalar("+5"), R"({"v":5})");
  EXPECT_EQ(scalar("0x1F"), R"({"v":31})");
  EXPECT_EQ(scalar("-0x10"), R"({"v":-16})");
  EXPECT_EQ(scalar("0o17"), R"({"v":15})");
  EXPECT_EQ(scalar("017"), R"({"v":15})");
  EXPECT_EQ(scalar("0b101"), R"({"v":5})");
  EXPECT_EQ(scalar("1_000_000"), R"({"v":1000000})");
  EXPECT_EQ(scalar("18446744073709551614"), R"({"v":18446744073709551614})");  // uint64
  EXPECT_EQ(scalar("08"), R"({"v":8})");            // not octal: becomes the float 8
  EXPECT_EQ(scalar("99999999999999999999"), R"({"v":100000000000000000000})");  // float64, as Go
  EXPECT_EQ(scalar("99999999999999999999999"), R"({"v":1e+23})");
  EXPECT_EQ(scalar("0x"), R"({"v":"0x"})");
  EXPECT_EQ(scalar("1:20"), R"({"v":"1:20"})");     // no base-60
}

TEST(YamlReader, FloatsAsGoPrintsThem) {
  EXPECT_EQ(scalar("3.14159"), R"({"v":3.14159})");
  EXPECT_EQ(scalar("1.5893857701234e+09"), R"({"v":1589385770.1234})");
  EXPECT_EQ(scalar("1.0"), R"({"v":1})");
  EXPECT_EQ(scalar("1e3"), R"({"v":1000})");
  EXPECT_EQ(scalar(".5"), R"({"v":0.5})");
  EXPECT_EQ(scalar("-.5e-7"), R"({"v":-5e-8})");
  EXPECT_EQ(scalar("1e21"), R"({"v":1e+21})");
  EXPECT_EQ(scalar("1e400"), R"({"v":"1e400"})");  // out of range: Go keeps the string
  EXPECT_EQ(scalar("1e-400"), R"({"v":0})");
  EXPECT_EQ(scalar("1.2.3"), R"({"v":"1.2.3"})");
  EXPECT_EQ(yaml_json("v: .inf"), "error: 1:4: unsupported value: NaN and infinities have no JSON form");
}

TEST(YamlReader, TimestampsAndOtherTextStayStrings) {
  EXPECT_EQ(scalar("2006-01-02T15:04:05Z07:00"), R"({"v":"2006-01-02T15:04:05Z07:00"})");
  EXPECT_EQ(scalar("2001-12-14"), R"({"v":"2001-12-14"})");
  EXPECT_EQ(scalar("hello world"), R"({"v":"hello world"})");
  EXPECT_EQ(yaml_json("v: |\n  123\n"), R"({"v":"123\n"})");  // block scalars are strings
  EXPECT_EQ(yaml_json("v: !!str 123"), R"({"v":"123"})");
}

TEST(YamlReader, NonStringKeysAreStringified) {
  EXPECT_EQ(yaml_json("y: 1\nn: 2\nyes: 3"), R"({"false":2,"true":3})");  // y and yes collide: last wins
  EXPECT_EQ(yaml_json("1: a\n0x10: b\n-3: c"), R"({"-3":"c","1":"a","16":"b"})");
  EXPECT_EQ(yaml_json("1.5: a\n1e6: b\n123456: c\n0.0001: d"), R"({"0.0001":"d","1.5":"a","123456":"c","1e+06":"b"})");
  EXPECT_EQ(yaml_json(".inf: a"), R"({".inf":"a"})");
  EXPECT_EQ(yaml_json("1e39: a\n-1e300: b"), R"({"-.inf":"b",".inf":"a"})");  // beyond float32
  EXPECT_EQ(yaml_json("'y': 1"), R"({"y":1})");
  EXPECT_EQ(yaml_json("~: 1"), "error: 1:1: unsupported map key: null or an integer beyond int64");
  EXPECT_EQ(yaml_json("18446744073709551614: 1"), "error: 1:1: unsupported map key: null or an integer beyond int64");
  EXPECT_EQ(yaml_json("? [1, 2]\n: x"), "error: 1:3: unsupported map key: a collection");
}

TEST(YamlReader, AnchorsAliasesAndMerges) {
  const char* text =
      "base: &b {p: 1, q: 2}\n"
      "other: &o {q: 20, r: 30}\n"
      "copy: *b\n"
      "merged:\n"
      "  <<: *b\n"
      "  q: 3\n"
      "multi:\n"
      "  <<: [*o, *b]\n"
      "list: &l [1, 2]\n"
      "again: *l\n"
      "&k long-anchored-key-text: 1\n"
      "keys: {*k : 2}\n";
  EXPECT_EQ(yaml_json(text),
            R"({"again":[1,2],"base":{"p":1,"q":2},"copy":{"p":1,"q":2},"keys":{"long-anchored-key-text":2},)"
            R"("list":[1,2],"long-anchored-key-text":1,"merged":{"p":1,"q":3},"multi":{"p":1,"q":20,"r":30},)"
            R"("other":{"q":20,"r":30}})");
  EXPECT_EQ(yaml_json("a: {<<: 5}"), "error: 1:9: map merge requires map or sequence of maps as the value");
}

TEST(YamlReader, OnlyTheFirstDocument) { EXPECT_EQ(yaml_json("---\na: 1\n---\nb: 2\n"), R"({"a":1})"); }

TEST(YamlReader, ErrorsCarryLineAndColumn) {
  EXPECT_EQ(yaml_json("a: 1\nb: [1, 2\n"), "error: 3:1: end of sequence flow not found");
  EXPECT_EQ(yaml_json("a: *nope"), "error: 1:4: the referenced anchor is not defined");
  EXPECT_EQ(yaml_json("a: 1\nb: caf\xc3\n"), "error: 2:7: invalid UTF-8");
  EXPECT_EQ(yaml_json(std::string("-\0\0\0 x", 7)), "error: 1:2: control characters are not allowed");
  EXPECT_EQ(yaml_json("a: \"\\uD800\""), "error: 1:11: invalid unicode: 55296");
  EXPECT_EQ(yaml_json("a: \"tab\\there \\x01\""), R"({"a":"tab\there \u0001"})");
  std::string bomb = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(yaml_json(bomb), "error: 1:1: nesting depth exceeds the YAML parser's limit (500 parser frames)");
  EXPECT_EQ(yaml_json(std::string(100000, '[')).substr(0, 7), "error: ");
  YamlReadOptions shallow;
  shallow.max_depth = 3;
  Result<Value> r = parse_yaml("a: [[[1]]]", shallow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "1:6: nesting depth exceeds the limit of 3");
  EXPECT_EQ(r.error().code, "yaml_parse_error");
}

TEST(YamlReader, ConformanceCaseWithYKey) {
  const char* text =
      "data:\n"
      "  c:\n"
      "    - x: [true, false, foo]\n"
      "      y: [null, 3.14159]\n"
      "      z: {p: true, q: false}\n";
  EXPECT_EQ(yaml_json(text), R"({"data":{"c":[{"true":[null,3.14159],"x":[true,false,"foo"],"z":{"p":true,"q":false}}]}})");
}

// Every conformance file must load, and the v1 copies of v0 files that spell `y:` as
// `"true":` must agree with them.
TEST(YamlReader, ReadsTheWholeConformanceSuite) {
  const char* shared = std::getenv("ARCANE_SHARED_DIR");
  std::filesystem::path root = std::filesystem::path(shared ? shared : "/work/shared") / "conformance" / "opa";
  if (!std::filesystem::exists(root)) GTEST_SKIP() << "no conformance suite at " << root;
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Result<Value> r = parse_yaml(ss.str());
    ASSERT_TRUE(r.ok()) << entry.path() << ": " << r.error().message;
    ASSERT_NE(r->find("cases"), nullptr) << entry.path();
    ++files;
  }
  EXPECT_GT(files, 2000u);
}

}  // namespace
}  // namespace arcane::runtime
