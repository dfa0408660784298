// The lowered program as a whole: its disassembly, refusal of malformed plans, the
// serialized round trip (a plan saved and loaded runs the same), and one program shared
// by eight threads evaluating at once.
#include <thread>

#include "ir/serialize.h"
#include "runtime/value_builder.h"
#include "vm/tests/test_util.h"

namespace arcane::vm::testing {
namespace {

constexpr std::string_view kAuthz = R"(file 1 "authz.rego" [0, 20, 40, 60]
builtin count/1
rule g0.data.authz.admins path ["g0", "authz", "admins"] {
  {
    makeset -> l2
    dot data, "users" -> l3
    scan l3 -> l4, l5 {
      dot l5, "roles" -> l6
      scan l6 -> l7, l8 {
        equal l8, "admin"
        dot l5, "name" -> l9
        setadd l9 -> l2
      }
    }
    return l2
  }
}
rule g0.data.authz.allow path ["g0", "authz", "allow"] @1:20+5 {
  {
    reset -> l3
    dot input, "user" -> l4
    call @g0.data.authz.admins() -> l5
    dot l5, l4 -> l6
    assignonce true -> l3 @1:45+9
  }
  {
    isdefined l3
    assignonce l3 -> l2
  }
  {
    isundefined l2
    assignonce false -> l2
  }
  {
    return l2
  }
}
plan "authz/allow" {
  {
    call @g0.data.authz.allow() -> l2
    call @g0.data.authz.admins() -> l3
    call count(l3) -> l4
    makeobject -> l5
    objectinsert "allow", l2 -> l5
    objectinsert "admins", l4 -> l5
    resultsetadd l5
  }
}
)";

constexpr const char* kData = R"({"users": [
  {"name": "alice", "roles": ["admin", "dev"]},
  {"name": "bob", "roles": ["dev"]},
  {"name": "carol", "roles": ["ops", "admin"]}]})";

std::string allow_for(const Program& p, const char* user) {
  runtime::Value in = json(std::string(R"({"user": ")") + user + "\"}");
  runtime::Value data = json(kData);
  EvalOptions o;
  o.input = &in;
  o.data = &data;
  return rows_text(run(p, "authz/allow", o));
}

TEST(Program, EvaluatesAPolicy) {
  std::shared_ptr<const Program> p = lower(kAuthz);
  ASSERT_TRUE(p);
  EXPECT_EQ(allow_for(*p, "alice"), R"([{"admins": 2, "allow": true}])");
  EXPECT_EQ(allow_for(*p, "bob"), R"([{"admins": 2, "allow": false}])");
}

TEST(Program, Disassembles) {
  std::shared_ptr<const Program> p = lower(R"(
    func f(l2) { { equal l2, "x"  return true } }
    plan main { { scan input -> l2, l3 { call @f(l3) -> l4  resultsetadd l2 } } })");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->disassemble(), R"(
func f (3 registers, 1 owning)
     0  eq r2, "x", @6
     4  return true
     6  return.undef

plan main (6 registers, 1 owning)
     7  scan.init r0, r5, @27
    11  scan.next r5, r2, r3, @27
    16  call.func @f, r4, @11, (r3)
    22  result.add r2, @11
    25  jump @11
    27  halt
)");
}

// A break that ends its block goes where leaving the block goes anyway: no jump.
TEST(Program, NoJumpToTheNextInstruction) {
  std::shared_ptr<const Program> p = lower(R"(
    plan main { {
      reset -> l2
      block { dot input, "x" -> l3  assign true -> l2  break 0 }
      isundefined l2
      resultsetadd "no x"
    } })");
  ASSERT_TRUE(p);
  std::string code = p->disassemble();
  EXPECT_EQ(code.find("jump"), std::string::npos) << code;
  EXPECT_EQ(rows_text(run(*p, "main")), R"(["no x"])");
  runtime::Value in = json(R"({"x": 1})");
  EvalOptions o;
  o.input = &in;
  EXPECT_EQ(rows_text(run(*p, "main", o)), "[]");
}

size_t occurrences(const std::string& text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// An isdefined whose local the next statement reads, failing as the isdefined would, is
// that statement's own check; before a scan (whose undefined collection skips the loop)
// or another block's statement, it stays.
TEST(Program, IsDefinedBeforeAReaderIsItsCheck) {
  std::shared_ptr<const Program> p = lower(R"(
    plan main { {
      block { dot input, "a" -> l2 }
      block { dot input, "k" -> l3 }
      block { isdefined l2  isdefined l3  dot l2, l3 -> l4  resultsetadd l4 }
      block { isdefined l2  scan l2 -> l5, l6 { resultsetadd l6 } }
    } })");
  ASSERT_TRUE(p);
  std::string code = p->disassemble();
  EXPECT_EQ(occurrences(code, "isdef "), 1u) << code;
  runtime::Value in = json(R"({"a": {"x": "found"}, "k": "x"})");
  EvalOptions o;
  o.input = &in;
  EXPECT_EQ(rows_text(run(*p, "main", o)), R"(["found"])");
  in = json(R"({"k": "x"})");
  EXPECT_EQ(rows_text(run(*p, "main", o)), "[]");
  in = json(R"({"a": {"x": "found"}})");
  EXPECT_EQ(rows_text(run(*p, "main", o)), R"(["found"])");
}

// A dot of a register by a constant key is its own instruction, which hands a builder or
// an undefined source to the generic dot: both give what the generic one gives.
TEST(Program, ConstantKeyDotsHaveTheirOwnInstruction) {
  std::shared_ptr<const Program> p = lower(R"(
    plan main { {
      block { dot input, "o" -> l2  dot l2, "a" -> l3  resultsetadd l3 }
      block { makeset -> l4  setadd "m" -> l4  assign l4 -> l5  dot l5, "m" -> l16  resultsetadd l16 }
      block { dot input, "xs" -> l6  dot l6, 1 -> l7  resultsetadd l7 }
      block { makeobject -> l8  objectinsert "b", "built" -> l8  dot l8, "b" -> l9  resultsetadd l9 }
      block { dot input, "missing" -> l10  dot l10, "a" -> l11  resultsetadd "never" }
      block { dot input, "o" -> l12  dot l12, "absent" -> l13  resultsetadd "never" }
      block { dot input, "k" -> l14  dot input, l14 -> l15  resultsetadd l15 }
    } })");
  ASSERT_TRUE(p);
  std::string code = p->disassemble();
  EXPECT_EQ(occurrences(code, "dot.key "), 11u) << code;
  EXPECT_EQ(occurrences(code, "dot "), 1u) << code;  // by a register's key
  runtime::Value in = json(R"({"o": {"a": "from an object"}, "xs": [0, "second"], "k": "k"})");
  EvalOptions o;
  o.input = &in;
  EXPECT_EQ(rows_text(run(*p, "main", o)), R"(["from an object", "m", "second", "built", "k"])");
}

// Registers are the locals a function mentions, numbered densely (after the documents).
TEST(Program, RegistersAreNumberedDensely) {
  std::shared_ptr<const Program> p = lower(R"(
    func f(l9) { { call upper(l9) -> l30  return l30 } }
    plan main { { dot input, "a" -> l40  call @f(l40) -> l7  resultsetadd l7 } })");
  ASSERT_TRUE(p);
  std::string code = p->disassemble();
  EXPECT_NE(code.find("func f (4 registers"), std::string::npos) << code;
  EXPECT_NE(code.find("plan main (4 registers"), std::string::npos) << code;
  runtime::Value in = json(R"({"a": "x"})");
  EvalOptions o;
  o.input = &in;
  EXPECT_EQ(rows_text(run(*p, "main", o)), R"(["X"])");
}

TEST(Program, RefusesMalformedPlans) {
  runtime::Result<ir::Policy> bad = ir::parse_policy("plan main { { resultsetadd l5 } }");
  ASSERT_TRUE(bad.ok());
  LowerOptions strict;
  strict.definite_assignment = true;
  auto r = Program::lower(*bad, test_builtins(), strict);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "ir_verify_error");
  EXPECT_EQ(r.error().message, "main: resultsetadd reads l5 before it is assigned on some path");

  bad = ir::parse_policy("plan main { { break 3 } }");
  ASSERT_TRUE(bad.ok());
  LowerOptions lax;
  lax.definite_assignment = false;
  EXPECT_FALSE(Program::lower(*bad, test_builtins(), lax).ok());  // structure is always checked
}

TEST(Program, UnknownPlan) {
  std::shared_ptr<const Program> p = lower("plan main { { resultsetadd 1 } }");
  EvalResult r = evaluate(*p, "other");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->text, "eval_internal_error: no plan named other");
  EXPECT_FALSE(p->find_plan("f"));
  EXPECT_TRUE(p->find_plan("main"));
}

TEST(Program, SerializedPlanRunsTheSame) {
  runtime::Result<ir::Policy> policy = ir::parse_policy(kAuthz);
  ASSERT_TRUE(policy.ok());
  runtime::Result<ir::Policy> loaded = ir::load_policy(ir::save_policy(*policy));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  auto a = Program::lower(*policy, test_builtins());
  auto b = Program::lower(*loaded, test_builtins());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)->disassemble(), (*b)->disassemble());
  for (const char* user : {"alice", "bob", "carol", "dave"}) EXPECT_EQ(allow_for(**a, user), allow_for(**b, user));
}

TEST(Program, EightThreadsShareOneProgram) {
  std::shared_ptr<const Program> p = lower(kAuthz);
  ASSERT_TRUE(p);
  const runtime::Value data = json(kData);
  const char* users[] = {"alice", "bob", "carol", "dave"};
  std::atomic<int> wrong{0}, done{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const char* user = users[(t + i) % 4];
        runtime::Value in = runtime::Value::empty_object();
        runtime::ObjectBuilder b;
        b.insert("user", runtime::Value::from_string(user));
        in = b.build();
        EvalOptions o;
        o.input = &in;
        o.data = &data;
        o.dispatch = i % 2 ? Dispatch::kSwitch : Dispatch::kThreaded;
        EvalResult r = evaluate(*p, "authz/allow", o);
        bool admin = user[0] == 'a' || user[0] == 'c';
        std::string want = admin ? R"([{"admins": 2, "allow": true}])" : R"([{"admins": 2, "allow": false}])";
        if (r.error || rows_text(r) != want) ++wrong;
        ++done;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(done.load(), 16000);
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace arcane::vm::testing
