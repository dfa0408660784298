// semver (OPA's lenient parser and SemVer precedence), uuid (google/uuid's spellings
// and the decoded fields of versions 1 and 2), and uri (Go's net/url.Parse) built-ins.
#include <set>

#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

std::string semver_cmp(const char* a, const char* b) {
  return show(call("semver.compare", {str(a), str(b)}));
}

TEST(Semver, Compare) {
  EXPECT_EQ(semver_cmp("1.0.0", "2.0.0"), "-1");
  EXPECT_EQ(semver_cmp("2.0.0", "1.0.0"), "1");
  EXPECT_EQ(semver_cmp("1.0.0", "1.0.0"), "0");
  EXPECT_EQ(semver_cmp("v1.2.3", "1.2.3"), "0");
  EXPECT_EQ(semver_cmp("1.0.0-alpha", "1.0.0"), "-1");
  EXPECT_EQ(semver_cmp("1.0.0-alpha", "1.0.0-alpha.1"), "-1");
  EXPECT_EQ(semver_cmp("1.0.0-alpha.1", "1.0.0-alpha.beta"), "-1");
  EXPECT_EQ(semver_cmp("1.0.0-beta.2", "1.0.0-beta.11"), "-1");
  EXPECT_EQ(semver_cmp("1.0.0-rc.1", "1.0.0-beta.11"), "1");
  EXPECT_EQ(semver_cmp("1.0.0+build.1", "1.0.0+build.2"), "0");
  EXPECT_EQ(semver_cmp("1", "1.0.0"), builtin_error("semver.compare: operand 1: string \"1\" is not a valid SemVer"));
  EXPECT_EQ(semver_cmp("1.0.0", "1"), builtin_error("semver.compare: operand 2: string \"1\" is not a valid SemVer"));
  EXPECT_EQ(show(call("semver.compare", {num("1"), str("1.0.0")})),
            type_error("semver.compare: operand 1 must be string but got number"));
}

TEST(Semver, IsValid) {
  auto valid = [](runtime::Value v) { return show(call("semver.is_valid", {std::move(v)})); };
  EXPECT_EQ(valid(str("1.0.0")), "true");
  EXPECT_EQ(valid(str("1")), "false");
  EXPECT_EQ(valid(num("1")), "false");
  EXPECT_EQ(valid(str("1.0.0-rc.1+build.5")), "true");
  EXPECT_EQ(valid(str("1.0.0-")), "true");    // an empty pre-release counts as none
  EXPECT_EQ(valid(str("01.02.3")), "true");   // strconv.ParseInt's leniency
  EXPECT_EQ(valid(str("01.+2.3")), "false");  // "+" starts the metadata before the numbers are read
  EXPECT_EQ(valid(str("1.0.0-a..b")), "false");
  EXPECT_EQ(valid(str("1.0.0+x_y")), "false");
  EXPECT_EQ(valid(str("1.0")), "false");
  EXPECT_EQ(valid(str("1.0.99999999999999999999")), "false");
}

TEST(Uuid, Parse) {
  auto parse = [](const char* s) { return show(call("uuid.parse", {str(s)})); };
  EXPECT_EQ(parse("00000000-0000-4000-8000-000000000000"), R"({"variant":"RFC4122","version":4})");
  EXPECT_EQ(parse("{00000000-0000-4000-8000-000000000000}"), R"({"variant":"RFC4122","version":4})");
  EXPECT_EQ(parse("(00000000-0000-4000-8000-000000000000)"), R"({"variant":"RFC4122","version":4})");
  EXPECT_EQ(parse("6bea8ef2d3d33cd184e09bab06a52ece"), R"({"variant":"RFC4122","version":3})");
  const char* v2 = R"({"clocksequence":12800,"domain":"Person","id":1000,"macvariables":"local:unicast",)"
                   R"("nodeid":"32-50-96-b3-9f-47","time":1693566990121469600,"variant":"RFC4122","version":2})";
  EXPECT_EQ(parse("000003e8-48b9-21ee-b200-325096b39f47"), v2);
  EXPECT_EQ(parse("urn:uuid:000003e8-48b9-21ee-b200-325096b39f47"), v2);
  EXPECT_EQ(parse("URN:UUID:000003e8-48b9-21ee-b200-325096b39f47"), v2);
  EXPECT_EQ(parse("00000000-0000-4000-8000-00000000000g"), "<undefined>");
  EXPECT_EQ(parse("00000000_0000-4000-8000-000000000000"), "<undefined>");
  EXPECT_EQ(parse(""), "<undefined>");
  EXPECT_EQ(show(call("uuid.parse", {num("123")})), type_error("uuid.parse: operand 1 must be string but got number"));
}

TEST(Uuid, Rfc4122IsRandomVersion4AndStablePerKey) {
  BuiltinContext ctx(0);
  BuiltinResult a = call(ctx, "uuid.rfc4122", {str("k")});
  BuiltinResult b = call(ctx, "uuid.rfc4122", {str("k")});
  BuiltinResult c = call(ctx, "uuid.rfc4122", {str("other")});
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(show(a), show(b));
  EXPECT_NE(show(a), show(c));
  std::string s(a.value().string_view());
  ASSERT_EQ(s.size(), 36u);
  EXPECT_EQ(s[14], '4');
  EXPECT_NE(std::string("89ab").find(s[19]), std::string::npos);
  EXPECT_EQ(show(call("uuid.parse", {a.value()})), R"({"variant":"RFC4122","version":4})");
}

std::string uri(const char* s) {
  return show(call("uri.parse", {str(s)}));
}

TEST(Uri, Parse) {
  EXPECT_EQ(uri("https://example.com:8080/api?q=1#top"),
            R"({"fragment":"top","hostname":"example.com","path":"/api","port":"8080","raw_path":"/api",)"
            R"("raw_query":"q=1","scheme":"https"})");
  EXPECT_EQ(uri("https://example.com?q=1#frag"),
            R"({"fragment":"frag","hostname":"example.com","raw_query":"q=1","scheme":"https"})");
  EXPECT_EQ(uri("http://[::1]:8080/path"),
            R"({"hostname":"::1","path":"/path","port":"8080","raw_path":"/path","scheme":"http"})");
  EXPECT_EQ(uri("https://example.com/path%2Fwith%2Fslashes"),
            R"({"hostname":"example.com","path":"/path/with/slashes","raw_path":"/path%2Fwith%2Fslashes",)"
            R"("scheme":"https"})");
  EXPECT_EQ(uri("https://example.com/a%21b"),
            R"({"hostname":"example.com","path":"/a!b","raw_path":"/a!b","scheme":"https"})");
  EXPECT_EQ(uri("https://example.com/a%28b%29"),
            R"j({"hostname":"example.com","path":"/a(b)","raw_path":"/a(b)","scheme":"https"})j");
  EXPECT_EQ(uri(""), "{}");
  EXPECT_EQ(uri("mailto:user@example.com"), R"({"scheme":"mailto"})");
  EXPECT_EQ(uri("http://foo]bar/"), R"({"hostname":"foo]bar","path":"/","raw_path":"/","scheme":"http"})");
  EXPECT_EQ(uri("HTTP://user:pw@Example.com/"),
            R"({"hostname":"Example.com","path":"/","raw_path":"/","scheme":"http"})");
}

TEST(Uri, ParseErrors) {
  EXPECT_EQ(uri("http://exa%6dple.com/"),
            builtin_error("uri.parse: parse \"http://exa%6dple.com/\": invalid URL escape \"%6d\""));
  EXPECT_EQ(uri("http://a<b@example.com/"),
            builtin_error("uri.parse: parse \"http://a<b@example.com/\": net/url: invalid userinfo"));
  EXPECT_EQ(uri("http://example.com:\xD9\xA3\xD9\xA4/"),
            builtin_error("uri.parse: parse \"http://example.com:\xD9\xA3\xD9\xA4/\": invalid port "
                          "\":\xD9\xA3\xD9\xA4\" after host"));
  EXPECT_EQ(uri(":foo"), builtin_error("uri.parse: parse \":foo\": missing protocol scheme"));
  EXPECT_EQ(uri("a:b/c:d"), R"({"scheme":"a"})");
  EXPECT_EQ(uri("b/c:d"), R"({"path":"b/c:d","raw_path":"b/c:d"})");
  EXPECT_EQ(uri("c:d/e"), R"({"scheme":"c"})");
  EXPECT_EQ(uri("x y:z"), builtin_error("uri.parse: parse \"x y:z\": first path segment in URL cannot contain colon"));
}

TEST(Uri, IsValid) {
  auto valid = [](runtime::Value v) { return show(call("uri.is_valid", {std::move(v)})); };
  EXPECT_EQ(valid(str("https://example.com/path?q=1")), "true");
  EXPECT_EQ(valid(str("")), "false");
  EXPECT_EQ(valid(str("http://[invalid")), "false");
  EXPECT_EQ(valid(str("http://exa%6dple.com/")), "false");
  EXPECT_EQ(valid(str("http://user name@example.com/")), "false");
  EXPECT_EQ(valid(str("http://foo]bar/")), "true");
  EXPECT_EQ(valid(str("http://[1.2.3.4]/")), "false");
  EXPECT_EQ(valid(str("http://x/\x01")), "false");
  EXPECT_EQ(valid(num("1")), "false");
}

}  // namespace
}  // namespace arcane::stdlib::testing
