// Building collections and the conflict errors: make/append/insert/add build values in
// place (dot and len see the partial collection), reads freeze them, inserts after a read
// continue, and the "once" forms and merges report eval_conflict_error with OPA's messages
// and the statement's file:row.
#include "vm/tests/test_util.h"

namespace arcane::vm::testing {
namespace {

TEST(Collections, BuildEachKind) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      makearray 2 -> l2  arrayappend 1 -> l2  arrayappend 1 -> l2
      makeset -> l3  setadd 2 -> l3  setadd 1 -> l3  setadd 2.0 -> l3
      makeobject -> l4  objectinsert "b", l2 -> l4  objectinsert "a", l3 -> l4  objectinsert "b", 0 -> l4
      resultsetadd l4
    } })"),
            R"([{"a": {1, 2}, "b": 0}])");
}

// A make followed by appends or inserts of distinct constant keys is one Build
// instruction; a repeated key, a key from a register or an element reading the
// collection ends it, and the rest are inserts into the built value.
TEST(Collections, LiteralsAreBuiltAtOnce) {
  const char* listing = R"(plan main { {
      dot input, "x" -> l5
      makeobject -> l2  objectinsert "b", l5 -> l2  objectinsert "a", [1] -> l2  objectinsert "b", 3 -> l2
      objectinsert l5, 4 -> l2
      makearray 2 -> l3  arrayappend l5 -> l3  arrayappend l2 -> l3  arrayappend l3 -> l3
      resultsetadd l3
    } })";
  std::shared_ptr<const Program> p = lower(listing);
  ASSERT_TRUE(p);
  std::string code = p->disassemble();
  EXPECT_NE(code.find(R"(build object, r)"), std::string::npos) << code;
  EXPECT_NE(code.find(R"(, "a", [1]))"), std::string::npos) << code;
  EXPECT_NE(code.find("build array, r"), std::string::npos) << code;
  EXPECT_EQ(code.find("make."), std::string::npos) << code;
  EXPECT_EQ(eval_listing(listing, R"({"x": "k"})"),
            R"([["k", {"a": [1], "b": 3, "k": 4}, ["k", {"a": [1], "b": 3, "k": 4}]]])");
}

// Lowering sorts a literal's constant keys once; the object is made in key order whatever
// the order of the inserts, so it prints, compares and finds its keys as any other.
TEST(Collections, LiteralsAreMadeInKeyOrder) {
  const char* orders[] = {R"(objectinsert "c", 3 -> l2  objectinsert "a", 1 -> l2  objectinsert 7, 0 -> l2  objectinsert "b", input -> l2)",
                          R"(objectinsert "b", input -> l2  objectinsert 7, 0 -> l2  objectinsert "c", 3 -> l2  objectinsert "a", 1 -> l2)",
                          R"(objectinsert 7, 0 -> l2  objectinsert "a", 1 -> l2  objectinsert "b", input -> l2  objectinsert "c", 3 -> l2)"};
  for (const char* inserts : orders) {
    std::string listing = std::string(R"(plan main { {
      makeobject -> l2  )") + inserts + R"(
      makeobject -> l3  objectinsert "a", 1 -> l3  objectinsert input, 2 -> l3
      dot l2, "b" -> l4  dot l2, 7 -> l5  dot l2, "c" -> l6
      equal l2, {7: 0, "a": 1, "b": 2, "c": 3}
      makearray 4 -> l7  arrayappend l2 -> l7  arrayappend l4 -> l7  arrayappend l5 -> l7  arrayappend l6 -> l7
      resultsetadd l7
    } })";
    std::shared_ptr<const Program> p = lower(listing.c_str());
    ASSERT_TRUE(p);
    EXPECT_NE(p->disassemble().find("build object, r"), std::string::npos) << p->disassemble();
    EXPECT_EQ(eval_listing(listing.c_str(), "2"), R"([[{7: 0, "a": 1, "b": 2, "c": 3}, 2, 0, 3]])") << inserts;
  }
}

// An undefined element fails the block, as the insert would have, leaving the elements
// before it in the register.
TEST(Collections, AnUndefinedElementFailsTheLiteral) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      block { makeobject -> l2  objectinsert "a", 1 -> l2  objectinsert "b", input -> l2 }
      len l2 -> l3
      block { makearray 2 -> l4  arrayappend 1 -> l4  arrayappend input -> l4  arrayappend 3 -> l4 }
      len l4 -> l5
      makearray 2 -> l6  arrayappend l3 -> l6  arrayappend l5 -> l6
      resultsetadd l6
    } })"),
            "[[1, 1]]");
}

TEST(Collections, LookupsSeeThePartialCollection) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      makeobject -> l2
      objectinsert "k", 1 -> l2
      dot l2, "k" -> l3
      len l2 -> l4
      objectinsert "j", l3 -> l2
      len l2 -> l5
      makearray -> l6  arrayappend l3 -> l6  arrayappend l4 -> l6  arrayappend l5 -> l6  arrayappend l2 -> l6
      resultsetadd l6
    } })"),
            R"([[1, 1, 2, {"j": 1, "k": 1}]])");
}

TEST(Collections, InsertAfterReadContinues) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      makeset -> l2  setadd 1 -> l2
      assign l2 -> l3
      setadd 2 -> l2
      makearray -> l4  arrayappend l3 -> l4  arrayappend l2 -> l4
      resultsetadd l4
    } })"),
            "[[{1}, {1, 2}]]");
}

TEST(Collections, InsertIntoAPlainValueCopiesIt) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      dot input, "xs" -> l2
      arrayappend 3 -> l2
      makearray -> l3  arrayappend input -> l3  arrayappend l2 -> l3
      resultsetadd l3
    } })",
                         R"({"xs": [1]})"),
            R"([[{"xs": [1]}, [1, 3]]])");
  // An array is not a set: inserting a set element into one is a plan bug.
  EXPECT_EQ(eval_listing(R"(plan main { { dot input, "xs" -> l2  setadd 3 -> l2 } })", R"({"xs": [1]})"),
            "error: eval_internal_error: insert into a value that is not of kind set");
}

TEST(Collections, LargeSetsAndObjectsStayUnique) {
  // Past the builder's scan threshold, lookups go through its hash index: numbers that
  // are equal (2 and 2.0) are one element, keys one entry.
  std::string xs = "[";
  for (int i = 0; i < 100; ++i) xs += std::to_string(i % 40) + (i % 3 == 0 ? ".0" : "") + ",";
  xs += "7]";
  EXPECT_EQ(eval_listing(R"(plan main { {
      makeset -> l2  makeobject -> l3
      scan input -> l4, l5 { setadd l5 -> l2  objectinsert l5, l4 -> l3 }
      len l2 -> l6  len l3 -> l7  dot l3, 39 -> l8  dot l3, 7.0 -> l9
      makearray -> l10  arrayappend l6 -> l10  arrayappend l7 -> l10  arrayappend l8 -> l10  arrayappend l9 -> l10
      resultsetadd l10
    } })",
                         xs.c_str()),
            "[[40, 40, 79, 100]]");
}

TEST(Collections, Groups) {
  // An indexed comprehension's groups: arrays keep order and repeats, sets do not,
  // objects take the later value for a key.
  EXPECT_EQ(eval_listing(R"(plan main { {
      makeobject -> l2  makeobject -> l3  makeobject -> l4
      scan input -> l5, l6 {
        dot l6, "k" -> l7
        dot l6, "v" -> l8
        groupadd l7, l8 -> l2
        groupadd 1 l7, l8 -> l3
        groupinsert l7, "last", l8 -> l4
      }
      makearray -> l9  arrayappend l2 -> l9  arrayappend l3 -> l9  arrayappend l4 -> l9
      resultsetadd l9
    } })",
                         R"([{"k": "a", "v": 3}, {"k": "b", "v": 2}, {"k": "a", "v": 1}, {"k": "a", "v": 3}])"),
            R"([[{"a": [3, 1, 3], "b": [2]}, {"a": {1, 3}, "b": {2}}, {"a": {"last": 3}, "b": {"last": 2}}]])");
}

TEST(Collections, GroupsContinueFromExistingValues) {
  // Read in between (frozen), then added to again; a group over a plain value copies it.
  EXPECT_EQ(eval_listing(R"(plan main { {
      makeobject -> l2
      groupadd "a", 1 -> l2
      dot l2, "a" -> l3
      groupadd "a", 2 -> l2
      dot input, "g" -> l4
      groupadd "x", 9 -> l4
      makearray -> l5  arrayappend l3 -> l5  arrayappend l2 -> l5  arrayappend l4 -> l5
      resultsetadd l5
    } })",
                         R"({"g": {"x": [8]}})"),
            R"([[[1], {"a": [1, 2]}, {"x": [8, 9]}]])");
  // A group of one kind is not another.
  EXPECT_EQ(eval_listing(R"(plan main { { makeobject -> l2  groupadd "a", 1 -> l2  groupadd 1 "a", 2 -> l2 } })"),
            "error: eval_internal_error: group is not a collection of its kind");
}

TEST(Collections, DotOrDefaultPattern) {
  // OPA's planDotOr for `p[k] contains v`: look the set up or make it, add, put back.
  EXPECT_EQ(eval_listing(R"(plan main { {
      makeobject -> l2
      scan input -> l3, l4 {
        dot l4, "k" -> l5
        dot l4, "v" -> l6
        block { block { dot l2, l5 -> l7  break 1 }  makeset -> l7 }
        setadd l6 -> l7
        objectinsert l5, l7 -> l2
      }
      resultsetadd l2
    } })",
                         R"([{"k": "a", "v": 1}, {"k": "b", "v": 2}, {"k": "a", "v": 3}])"),
            R"([{"a": {1, 3}, "b": {2}}])");
}

TEST(Collections, Merge) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      objectmerge {"a": {"x": 1}, "b": 2}, {"a": {"y": 2}, "c": 3} -> l2
      resultsetadd l2
    } })"),
            R"([{"a": {"x": 1, "y": 2}, "b": 2, "c": 3}])");
}

// imm >> 1 is the depth of rule values: there, unequal objects conflict instead of merging
// (imm 4: depth 2); sets still unite and equal values agree.
TEST(Collections, MergeStopsAtRuleValues) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      objectmerge 4 {"q": {"r": {"s": {"t": 1}}}}, {"q": {"r": {"s": {"u": 42}}}} -> l2
      resultsetadd l2
    } })"),
            "error: eval_conflict_error: object keys must be unique");
  EXPECT_EQ(eval_listing(R"(plan main { {
      objectmerge 4 {"q": {"r": {"s": 1}, "x": 1}}, {"q": {"r": {"s": 1}, "y": 2}} -> l2
      resultsetadd l2
    } })"),
            R"([{"q": {"r": {"s": 1}, "x": 1, "y": 2}}])");
  EXPECT_EQ(eval_listing(R"(plan main { {
      objectmerge 2 {"a": {1}}, {"a": {2}} -> l2
      resultsetadd l2
    } })"),
            R"([{"a": {1, 2}}])");
}

constexpr std::string_view kFiles = R"(file 1 "test-0.rego" [0, 13, 30, 51]
)";

TEST(Collections, AssignOnceConflicts) {
  std::string listing = std::string(kFiles) + R"(
rule p @1:13+5 {
  { scan [1, 2] -> l3, l4 { assignonce l4 -> l2 @1:35+9 } }
  { return l2 }
}
func f(l2) {
  { assignonce l2 -> l3 @1:55+1  assignonce 0 -> l3 @1:55+1  return l3 }
}
plan main { { call @p() -> l2  resultsetadd l2 } }
plan same { { assignonce 1 -> l2  assignonce 1.0 -> l2  resultsetadd l2 } }
plan fn { { call @f(1) -> l2  resultsetadd l2 } }
)";
  std::shared_ptr<const Program> p = lower(listing);
  ASSERT_TRUE(p);
  EvalResult r = run(*p, "main");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, ErrorKind::kConflict);
  EXPECT_EQ(r.error->text, "test-0.rego:3: eval_conflict_error: complete rules must not produce multiple outputs");
  EXPECT_EQ(r.error->diagnostic.location.offset, 35u);
  EXPECT_EQ(rows_text(run(*p, "same")), "[1]");
  EXPECT_EQ(error_text(run(*p, "fn")),
            "test-0.rego:4: eval_conflict_error: functions must not produce multiple outputs for same inputs");
}

TEST(Collections, ObjectKeyConflicts) {
  std::string listing = std::string(kFiles) + R"(
plan main { {
  makeobject -> l2
  objectinsertonce "a", 1 -> l2
  objectinsertonce "a", 1 -> l2
  objectinsertonce "a", 2 -> l2 @1:31+3
  resultsetadd l2
} }
plan merge { { objectmerge {"a": 1}, {"a": 2} -> l2 @1:14+1  resultsetadd l2 } }
plan nonobject { { objectmerge {"a": 1}, [1] -> l2  resultsetadd l2 } }
)";
  std::shared_ptr<const Program> p = lower(listing);
  ASSERT_TRUE(p);
  EXPECT_EQ(error_text(run(*p, "main")), "test-0.rego:3: eval_conflict_error: object keys must be unique");
  EXPECT_EQ(error_text(run(*p, "merge")), "test-0.rego:2: eval_conflict_error: object keys must be unique");
  EXPECT_EQ(error_text(run(*p, "nonobject")), "eval_conflict_error: object keys must be unique");
}

TEST(Collections, RowsAreASet) {
  EXPECT_EQ(eval_listing(R"(plan main { {
      scan [1, 1.0, 2, 1] -> l2, l3 { resultsetadd l3 }
    } })"),
            "[1, 2]");
}

}  // namespace
}  // namespace arcane::vm::testing
