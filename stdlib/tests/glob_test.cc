// Globs: gobwas/glob matching with OPA's delimiters, gobwas's syntax errors, quote_meta,
// and regex.globs_match's intersection walk (conformance topics globmatch, globsmatch).
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

std::string glob(const char* pattern, runtime::Value delimiters, const char* s) {
  return show(call("glob.match", {str(pattern), std::move(delimiters), str(s)}));
}

TEST(Glob, Delimiters) {
  EXPECT_EQ(glob("*.github.com", json(R"(["."])"), "api.github.com"), "true");
  EXPECT_EQ(glob("*.github.com", json(R"(["."])"), "api.cdn.github.com"), "false");
  EXPECT_EQ(glob("api.**.com", json(R"(["."])"), "api.cdn.github.com"), "true");
  EXPECT_EQ(glob("*:github:com", json(R"([":"])"), "api:github:com"), "true");
  EXPECT_EQ(glob("*.github.com", json(R"(["."])"), "api.not-github.com"), "false");
  EXPECT_EQ(glob("*", json("[]"), "foo.bar"), "false");   // empty array: "." is the delimiter
  EXPECT_EQ(glob("*", json("null"), "foo.bar"), "true");  // null: no delimiters
  EXPECT_EQ(glob("foo*", json("null"), "foo.bar"), "true");
  EXPECT_EQ(glob("?at", json(R"(["f"])"), "bat"), "true");
  EXPECT_EQ(glob("?at", json(R"(["f"])"), "fat"), "false");
  EXPECT_EQ(glob("?at", json("[]"), "at"), "false");
}

TEST(Glob, ListsRangesAlternatives) {
  EXPECT_EQ(glob("[abc]at", json("[]"), "cat"), "true");
  EXPECT_EQ(glob("[abc]at", json("[]"), "fat"), "false");
  EXPECT_EQ(glob("[!abc]at", json("[]"), "fat"), "true");
  EXPECT_EQ(glob("[!abc]at", json("[]"), "cat"), "false");
  EXPECT_EQ(glob("[a-c]at", json("[]"), "bat"), "true");
  EXPECT_EQ(glob("[!a-c]at", json("[]"), "bat"), "false");
  EXPECT_EQ(glob("[!a-c]at", json("[]"), "fat"), "true");
  EXPECT_EQ(glob("{cat,bat,[fr]at}", json("[]"), "rat"), "true");
  EXPECT_EQ(glob("{cat,bat,[fr]at}", json("[]"), "at"), "false");
  EXPECT_EQ(glob("a{b,{c,d}e}", json("[]"), "ade"), "true");
  EXPECT_EQ(glob("a{b,}", json("[]"), "a"), "true");
  EXPECT_EQ(glob("\\*x", json("[]"), "*x"), "true");
  EXPECT_EQ(glob("\\*x", json("[]"), "ax"), "false");
  EXPECT_EQ(glob("a,b", json("[]"), "a,b"), "true");                       // a comma outside braces is text
  EXPECT_EQ(glob("h\xC3\xA9?", json("[]"), "h\xC3\xA9\xC3\xA9"), "true");  // runes, not bytes
  EXPECT_EQ(glob("a.+(b)", json("null"), "a.+(b)"), "true");               // regex metacharacters are literal
  EXPECT_EQ(glob("a?", json("[]"), "a\xFF"), "true");                      // an ill-formed byte is one rune, as in Go
  EXPECT_EQ(glob("a\xC3\xA9", json("[]"), "a\xFF"), "false");
}

TEST(Glob, Errors) {
  EXPECT_EQ(glob("{a,b", json("[]"), "a"), builtin_error("glob.match: unexpected end of input"));
  EXPECT_EQ(glob("a}", json("[]"), "a"), builtin_error("glob.match: unexpected end of input"));
  EXPECT_EQ(glob("[]", json("[]"), "a"), builtin_error("glob.match: could not parse range"));
  EXPECT_EQ(glob("[a-bc]", json("[]"), "a"), builtin_error("glob.match: expected close range character"));
  EXPECT_EQ(glob("[z-a]", json("[]"), "a"),
            builtin_error("glob.match: hi character 'a' should be greater than lo 'z'"));
  EXPECT_EQ(glob("[abc", json("[]"), "a"), builtin_error("glob.match: unexpected end of input"));
  EXPECT_EQ(show(call("glob.match", {str("*"), num("1"), str("a")})),
            type_error("glob.match: operand 2 must be one of {array, null} but got number"));
  EXPECT_EQ(show(call("glob.match", {str("*"), json("[1]"), str("a")})),
            type_error("glob.match: operand 2 must be array of strings but got array containing number"));
  EXPECT_EQ(show(call("glob.match", {str("*"), json(R"(["ab"])"), str("a")})),
            type_error("glob.match: operand 2 must be array of runes but got array containing string"));
}

// Globs are cached by pattern and delimiters: a cached error is reported again, and the
// same pattern under other delimiters is another glob.
TEST(Glob, CachedByPatternAndDelimiters) {
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(glob("{x,y", json("[]"), "x"), builtin_error("glob.match: unexpected end of input"));
    EXPECT_EQ(glob("a?c", json(R"(["b"])"), "abc"), "false");
    EXPECT_EQ(glob("a?c", json(R"(["."])"), "abc"), "true");
    EXPECT_EQ(glob("a?c", json("null"), "a.c"), "true");
    EXPECT_EQ(glob("a?c", json("[]"), "a.c"), "false");
  }
}

TEST(Glob, DeepNestingIsRefused) {
  std::string deep = std::string(1001, '{') + "a" + std::string(1001, '}');
  EXPECT_EQ(show(call("glob.match", {str(deep), json("[]"), str("a")})),
            builtin_error("glob.match: pattern nests too deeply"));
  std::string ok = std::string(100, '{') + "a" + std::string(100, '}');
  EXPECT_EQ(show(call("glob.match", {str(ok), json("[]"), str("a")})), "true");
}

TEST(Glob, QuoteMeta) {
  EXPECT_EQ(show(call("glob.quote_meta", {str("*.github.com")})), R"("\\*.github.com")");
  EXPECT_EQ(show(call("glob.quote_meta", {str("[a]{b,c}?\\")})), R"("\\[a\\]\\{b,c\\}\\?\\\\")");
}

std::string globs(const char* a, const char* b) {
  return show(call("regex.globs_match", {str(a), str(b)}));
}

TEST(GlobsMatch, Intersections) {
  EXPECT_EQ(globs("a.a.[0-9]+z", ".b.b2359825792*594823z"), "true");
  EXPECT_EQ(globs("[a-z]+", "[0-9]*"), "false");
  EXPECT_EQ(globs("b.*", "bar"), "true");
  EXPECT_EQ(globs("b.*", "baz"), "true");
  EXPECT_EQ(globs("b.*", "car"), "false");
  EXPECT_EQ(globs("[a-z]+\\[[0-9]+\\]", "foo\\[1\\]"), "true");
  EXPECT_EQ(globs("[a-z]+\\[[0-9]+\\]", "foo[\"bar\"]"), "false");  // [\"bar\"] is a set
  EXPECT_EQ(globs("", ""), "true");
  EXPECT_EQ(globs("a*", "aaa"), "true");
  EXPECT_EQ(globs(".*", "xyz"), "true");
}

TEST(GlobsMatch, LongPatternsDoNotExhaustTheStack) {
  std::string a, b;
  for (int i = 0; i < 20000; ++i) a += "a*b";
  for (int i = 0; i < 20000; ++i) b += "ab*";
  BuiltinResult r = call("regex.globs_match", {str(a), str(b)});
  EXPECT_TRUE(r.has_value() || r.error().message == "regex.globs_match: patterns too complex to intersect");
}

TEST(GlobsMatch, Errors) {
  EXPECT_EQ(globs("pqrs]", "[a-b]+"),
            builtin_error("regex.globs_match: input:pqrs], pos:5, set-close ']' with no preceding '[': the input "
                          "provided is invalid"));
  EXPECT_EQ(globs("*a", "a"),
            builtin_error("regex.globs_match: input:*a, pos:1, flag '*' must be preceded by a non-flag: the input "
                          "provided is invalid"));
  EXPECT_EQ(globs("[ab", "a"),
            builtin_error("regex.globs_match: input:[ab, pos:3, found [ without matching ]: the input provided is "
                          "invalid"));
  EXPECT_EQ(globs("a\\", "a"),
            builtin_error("regex.globs_match: input:a\\, pos:1, input ends with a \\ (escape) character: the input "
                          "provided is invalid"));
}

}  // namespace
}  // namespace arcane::stdlib::testing
