// The serialized plan: load(save(p)) prints as p, and the loader refuses every malformed
// input (bad magic, other versions, truncation at any byte, corruption, trailing bytes,
// plans that fail verification) with an error rather than a crash.
#include "ir/serialize.h"

#include <gtest/gtest.h>

#include <random>

#include "ir/parser.h"
#include "ir/printer.h"

namespace arcane::ir {
namespace {

constexpr std::string_view kListing = R"(# arcane ir 1
file 1 "test-0.rego" [0, 14, 30]
file 2 "" [0, 6] text "x := 1\ny = 2"
builtin count/1
builtin walk

rule g0.data.test.p path ["g0", "test", "p"] @1:14+5 {
  {
    reset -> l3
    dot input, "users" -> l4 @1:20+11
    call count(l4) -> l5 @2:0+18
    notequal l5, 12345678901234567890.5e-3
    assignonce {null: true, 3: set(), "a": [1, 1.0, {2, "x"}]} -> l3
  }
  {
    isdefined l3
    assignonce l3 -> l2
  }
  {
    return l2
  }
}

func f(l3, l2) {
  {
    call walk(l2, l3) -> l4
    return l4
  }
}

plan main {
  {
    call @g0.data.test.p() -> l2
    with data ["a", 1, [2]] = l2 {
      scan l2 -> l3, l4 {
        block {
          break 0
        } {
          not {
            calldynamic ["g0", l3](l4) -> l5
          }
        }
      }
    }
    makeobject -> l6
    objectinsert "x", l2 -> l6
    resultsetadd l6
  }
}
)";

Policy sample() {
  runtime::Result<Policy> p = parse_policy(kListing);
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  return p.ok() ? std::move(p).value() : Policy{};
}

TEST(Serialize, RoundTripPrintsTheSame) {
  Policy p = sample();
  ASSERT_EQ(print_policy(p), kListing);
  std::string bytes = save_policy(p);
  runtime::Result<Policy> back = load_policy(bytes);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(print_policy(*back), print_policy(p));
  EXPECT_EQ(save_policy(*back), bytes);
  EXPECT_EQ(back->constants.size(), p.constants.size());
}

TEST(Serialize, EmptyPolicy) {
  runtime::Result<Policy> back = load_policy(save_policy(Policy{}));
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->functions.empty());
}

void expect_load_error(std::string_view bytes, std::string_view want) {
  runtime::Result<Policy> p = load_policy(bytes);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, "ir_load_error");
  EXPECT_NE(p.error().message.find(want), std::string::npos) << p.error().message;
}

TEST(Serialize, RejectsBadHeaders) {
  std::string bytes = save_policy(sample());
  expect_load_error("", "bad magic");
  expect_load_error("{\"json\": true}", "bad magic");
  std::string other = bytes;
  other[8] = 2;
  expect_load_error(other, "unsupported plan format version 2 (this build reads 1)");
  expect_load_error(bytes + "x", "trailing bytes");
}

TEST(Serialize, RejectsEveryTruncation) {
  std::string bytes = save_policy(sample());
  for (size_t n = 0; n < bytes.size(); ++n) {
    runtime::Result<Policy> p = load_policy(std::string_view(bytes).substr(0, n));
    EXPECT_FALSE(p.ok()) << "prefix of " << n << " bytes loaded";
  }
}

TEST(Serialize, SurvivesCorruption) {
  std::string bytes = save_policy(sample());
  std::mt19937 rng(1234);
  size_t loaded = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bad = bytes;
    for (int k = 0; k < 1 + round % 4; ++k) bad[rng() % bad.size()] = static_cast<char>(rng());
    runtime::Result<Policy> p = load_policy(bad);
    if (p.ok()) {
      ++loaded;
      (void)print_policy(*p);  // whatever loads is well formed enough to print
    }
  }
  EXPECT_LT(loaded, 3000u);
}

TEST(Serialize, RejectsHugeCounts) {
  std::string header = "ARCANEIR";
  header += std::string("\x01\x00\x00\x00", 4);
  expect_load_error(header + "\xff\xff\xff\xff\x0f", "count larger than the rest");
  expect_load_error(header + "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", "malformed varint");
}

TEST(Serialize, RunsTheVerifier) {
  Policy p = sample();
  p.functions[2].blocks[0].stmts[0].imm = 2;  // a call of the plan itself
  expect_load_error(save_policy(p), "invalid plan: main: call of plan main");
}

TEST(Serialize, CapsNesting) {
  Policy p;
  Function f;
  f.kind = FunctionKind::kPlan;
  f.name = "deep";
  f.blocks.emplace_back();
  Block* b = &f.blocks.back();
  for (int i = 0; i < 600; ++i) {
    b->stmts.push_back(make_stmt(StmtKind::kNot, {}, {}, 0, {Block{}}));
    b = &b->stmts.back().blocks[0];
  }
  p.functions.push_back(std::move(f));
  expect_load_error(save_policy(p), "nested too deeply");
}

}  // namespace
}  // namespace arcane::ir
