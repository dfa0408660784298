// A whole run over a hand-made suite: counting per topic, the summary's exact lines,
// filters, skips, unreadable files, verbose output and the ratchet.
#include "conformance/runner.h"

#include <gtest/gtest.h>

#include <sstream>

#include "api/tests/fake_evaluator.h"
#include "api/tests/test_util.h"

namespace arcane::conformance {
namespace {

// Answers every query `x = N` with the single row x = 1.
std::shared_ptr<testing::FakeEvaluator> always_one() {
  return testing::make_fake([](const testing::FakeCall&) {
    api::RawResult r;
    r.rows.push_back(testing::raw_row({{"x", Value::integer(1)}}));
    return r;
  });
}

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("v1/alpha/a.yaml", R"(---
cases:
  - note: alpha/one
    query: x = 1
    want_result: [{x: 1}]
  - note: alpha/two
    query: x = 2
    want_result: [{x: 2}]
  - note: alpha/skipped
    query: x = 3
    want_result: [{x: 3}]
)");
    dir_.write("v1/beta/b.yaml", "cases:\n  - note: beta/bad\n    strict_error: perhaps\n");
    dir_.write("v0/alpha/c.yaml", "cases:\n  - note: alpha/v0\n    query: x = 1\n    want_result: [{x: 1}]\n");
    options_.suite_root = dir_.path();
    options_.execute.evaluator = always_one();
  }

  RunReport run() {
    log_.str("");
    return run_suite(options_, log_);
  }

  testing::TempDir dir_;
  RunnerOptions options_;
  std::ostringstream log_;
};

TEST_F(RunnerTest, CountsPerTopicAndTotal) {
  std::string error;
  ASSERT_TRUE(parse_skip_list("v1/alpha/a.yaml#2 waiting for the clock\n", options_.skips, error));
  RunReport r = run();
  EXPECT_EQ(summary_text(r),
            "v0/alpha: 1 passed, 0 failed, 0 skipped\n"
            "v1/alpha: 1 passed, 1 failed, 1 skipped\n"
            "v1/beta: 0 passed, 1 failed, 0 skipped\n"
            "2 passed, 2 failed, 1 skipped\n");
  ASSERT_EQ(r.cases.size(), 5u);
  EXPECT_EQ(r.cases[0].id, "v0/alpha/c.yaml#0");
  EXPECT_EQ(r.cases[2].status, Status::kFailed);
  EXPECT_EQ(r.cases[2].detail, "unexpected result");
  EXPECT_EQ(r.cases[3].detail, "waiting for the clock");
  EXPECT_EQ(r.cases[4].id, "v1/beta/b.yaml");
  EXPECT_EQ(r.cases[4].detail, "unreadable case file: case 0: field strict_error: expected a boolean");
  EXPECT_TRUE(log_.str().empty());  // not verbose
}

TEST_F(RunnerTest, VerboseShowsWantAndGot) {
  options_.verbose = true;
  options_.subpaths = {"v1/alpha"};
  run();
  EXPECT_EQ(log_.str(),
            "FAIL v1/alpha/a.yaml#1 (alpha/two)\n"
            "  reason: unexpected result\n"
            "  want:   rows [{\"x\":2}]\n"
            "  got:    rows [{\"x\":1}]\n"
            "FAIL v1/alpha/a.yaml#2 (alpha/skipped)\n"
            "  reason: unexpected result\n"
            "  want:   rows [{\"x\":3}]\n"
            "  got:    rows [{\"x\":1}]\n");
}

TEST_F(RunnerTest, FilterOnIdOrNote) {
  options_.filter = std::regex("alpha/two|c\\.yaml");
  RunReport r = run();
  EXPECT_EQ(summary_text(r),
            "v0/alpha: 1 passed, 0 failed, 0 skipped\n"
            "v1/alpha: 0 passed, 1 failed, 0 skipped\n"
            "1 passed, 1 failed, 0 skipped\n");
}

TEST_F(RunnerTest, SkipAWholeFile) {
  std::string error;
  ASSERT_TRUE(parse_skip_list("v1/alpha/a.yaml all of it, for now\n", options_.skips, error));
  options_.subpaths = {"v1/alpha"};
  EXPECT_EQ(summary_text(run()), "v1/alpha: 0 passed, 0 failed, 3 skipped\n0 passed, 0 failed, 3 skipped\n");
}

TEST_F(RunnerTest, DefaultEvaluatorJudgesEveryCase) {
  options_.execute.evaluator = nullptr;
  options_.verbose = true;
  RunReport r = run();
  EXPECT_EQ(r.total.passed + r.total.failed, 5u);
  EXPECT_EQ(log_.str().find("eval_internal_error"), std::string::npos) << log_.str();
}

TEST_F(RunnerTest, MissingSubpathIsAnError) {
  options_.subpaths = {"v9"};
  RunReport r = run();
  ASSERT_EQ(r.errors.size(), 1u);
}

TEST_F(RunnerTest, Ratchet) {
  RunReport r = run();
  PassingList list;
  list.ids = {"v1/alpha/a.yaml#0", "v1/alpha/a.yaml#1", "v1/gone/x.yaml#0"};
  Ratchet full = check_ratchet(list, r, true);
  EXPECT_EQ(full.failing, (std::vector<std::string>{"v1/alpha/a.yaml#1"}));
  EXPECT_EQ(full.missing, (std::vector<std::string>{"v1/gone/x.yaml#0"}));
  EXPECT_EQ(full.fresh, (std::vector<std::string>{"v0/alpha/c.yaml#0"}));
  EXPECT_FALSE(full.ok());
  // A partial run cannot tell a missing case from one it did not select.
  EXPECT_TRUE(check_ratchet(list, r, false).missing.empty());
  // A listed case that is skipped is broken too.
  std::string error;
  ASSERT_TRUE(parse_skip_list("v1/alpha/a.yaml#0 reason\n", options_.skips, error));
  PassingList one;
  one.ids = {"v1/alpha/a.yaml#0"};
  EXPECT_EQ(check_ratchet(one, run(), false).failing, (std::vector<std::string>{"v1/alpha/a.yaml#0"}));
  PassingList good;
  good.ids = {"v0/alpha/c.yaml#0"};
  EXPECT_TRUE(check_ratchet(good, r, true).ok());
}

}  // namespace
}  // namespace arcane::conformance
