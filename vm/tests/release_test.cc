// Registers release what they own: each function's list of registers that may hold a
// reference (owned_registers.h), released when its frame returns or the evaluation ends,
// and nothing an evaluation built or copied outlives it, whether it ends normally, with
// an error deep in calls, or under `with` (where every register is released).
#include <thread>

#include "runtime/value_copy.h"
#include "runtime/value_nodes.h"
#include "vm/machine.h"
#include "vm/owned_registers.h"
#include "vm/tests/test_util.h"

namespace arcane::vm::testing {
namespace {

std::vector<uint32_t> owning(const Program& p, std::string_view name) {
  std::optional<uint32_t> f = p.find_function(name);
  EXPECT_TRUE(f);
  return f ? p.functions()[*f].owning : std::vector<uint32_t>{};
}

uint32_t references(const runtime::Value& v) {
  const runtime::detail::HeapNode* n = runtime::detail::ValueAccess::node(v);
  return n ? n->refs.load() : 0;
}

TEST(OwningRegisters, LookupsOfTheDocumentsOwnNothing) {
  std::shared_ptr<const Program> p = lower(R"(
    rule parts { { dot input, "a" -> l2  dot l2, "b" -> l3  scan l3 -> l4, l5 { assign l5 -> l6 }  len l3 -> l7
                   return l3 } }
    plan main { { call @parts() -> l2  resultsetadd l2 } })");
  ASSERT_TRUE(p);
  EXPECT_EQ(owning(*p, "parts"), std::vector<uint32_t>{});
  EXPECT_EQ(owning(*p, "main"), std::vector<uint32_t>{2});  // a call's result
}

TEST(OwningRegisters, BuiltValuesAndWhatIsReadFromThemOwn) {
  std::shared_ptr<const Program> p = lower(R"(
    func f(l2) { {
      makeset -> l3  setadd l2 -> l3  scan l3 -> l4, l5 { assign l5 -> l6 }
      dot input, "k" -> l7  call upper(l7) -> l8  dot l3, l8 -> l9
      dot input, "j" -> l10
      return l9
    } }
    plan main { { call @f(1) -> l2  resultsetadd l2 } })");
  ASSERT_TRUE(p);
  // l2 a parameter, l3 a set, l4 to l6 read from it, l8 a built-in's result, l9 a member
  // of the set found by an owned key; the scan's iterator (l11, after the locals) too.
  EXPECT_EQ(owning(*p, "f"), (std::vector<uint32_t>{2, 3, 4, 5, 6, 8, 9, 11}));
}

// The data holds a long string; the evaluation copies it into values it builds (a set,
// an argument, a rule's memoised result). Afterwards only the data holds it.
constexpr const char* kData = R"({"s": "a string too long to be inline"})";

TEST(Release, AnEvaluationKeepsNoReference) {
  std::shared_ptr<const Program> p = lower(R"(
    rule r { { makeset -> l2  dot data, "s" -> l3  setadd l3 -> l2  return l2 } }
    func f(l2) { { makearray 1 -> l3  arrayappend l2 -> l3  assign l3 -> l4  makeset -> l5  setadd l2 -> l5
                   assign l5 -> l6  return l4 } }
    plan main { {
      call @r() -> l2  call @r() -> l3  scan l2 -> l4, l5 { call @f(l5) -> l6  call @f(l2) -> l7 }
      resultsetadd "ok"
    } })");
  ASSERT_TRUE(p);
  runtime::Value d = json(kData);
  EvalOptions o;
  o.data = &d;
  for (int i = 0; i < 3; ++i) {  // pooled machines are reused
    EXPECT_EQ(rows_text(run(*p, "main", o)), R"(["ok"])");
    EXPECT_EQ(references(*d.find("s")), 1u);
  }
}

TEST(Release, AnErrorInACallKeepsNoReference) {
  std::shared_ptr<const Program> p = lower(R"(
    func f(l2) { { makeset -> l3  setadd l2 -> l3  call halt() -> l4  return l3 } }
    plan main { { dot data, "s" -> l2  makearray 1 -> l3  arrayappend l2 -> l3  call @f(l3) -> l4
                  resultsetadd l4 } })");
  ASSERT_TRUE(p);
  runtime::Value d = json(kData);
  EvalOptions o;
  o.data = &d;
  EXPECT_NE(error_text(run(*p, "main", o)), "");
  EXPECT_EQ(references(*d.find("s")), 1u);
}

TEST(Release, WithReleasesEveryRegister) {
  std::shared_ptr<const Program> p = lower(R"(
    rule r { { dot input, "s" -> l2  makearray 1 -> l3  arrayappend l2 -> l3  return l3 } }
    plan main { { dot data, "s" -> l2  makeobject -> l5  objectinsert "s", l2 -> l5
                  with input = l5 { call @r() -> l3  dot l3, 0 -> l4 }  resultsetadd "ok" } })");
  ASSERT_TRUE(p);
  EXPECT_FALSE(p->releases_listed());
  runtime::Value d = json(kData);
  EvalOptions o;
  o.data = &d;
  EXPECT_EQ(rows_text(run(*p, "main", o)), R"(["ok"])");
  EXPECT_EQ(references(*d.find("s")), 1u);
}

// A decision that returns a constant hands out the thread's own copy of it: threads that
// return one constant do not all write to its node's count (machine.h, result_value).
TEST(Release, AConstantResultIsTheThreadsOwnCopy) {
  std::shared_ptr<const Program> p = lower(R"(
    plan main { { assign {"lane": "allow", "reasons": ["a reason long enough"]} -> l2  resultsetadd l2 } })");
  ASSERT_TRUE(p);
  const runtime::Value* constant = nullptr;
  for (const runtime::Value& c : p->constants()) {
    if (c.is_object()) constant = &c;
  }
  ASSERT_NE(constant, nullptr);
  uint32_t held = references(*constant);
  EvalOptions o;
  o.first_row_only = true;
  auto decide = [&] {
    EvalResult r = evaluate(*p, "main", o);
    EXPECT_TRUE(r.first && *r.first == *constant);
    return r.first.value_or(runtime::Value());
  };
  runtime::Value first = decide();
  EXPECT_NE(runtime::node_identity(first), runtime::node_identity(*constant));
  EXPECT_EQ(runtime::node_identity(decide()), runtime::node_identity(first));  // made once per thread
  EXPECT_EQ(references(*constant), held);
  runtime::Value other;
  std::thread([&] { other = decide(); }).join();
  EXPECT_NE(runtime::node_identity(other), runtime::node_identity(first));
  EXPECT_NE(runtime::node_identity(other), runtime::node_identity(*constant));
  // Rows (not a decision) are handed out the same way.
  o.first_row_only = false;
  EXPECT_EQ(runtime::node_identity(evaluate(*p, "main", o).rows.at(0)), runtime::node_identity(first));
}

}  // namespace
}  // namespace arcane::vm::testing
