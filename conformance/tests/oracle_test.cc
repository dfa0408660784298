// The runner against OPA's real suite, with an oracle behind the evaluator seam: for each
// case, a fake evaluator that returns exactly what the case expects (rows in a different
// order and representation where OPA's canonicalisation allows it) must make every case
// pass, and one that returns a wrong answer must make every case fail. This exercises
// reading all case files, setting every case up through the API (all modules, queries and
// input terms parse), and judging, before the real evaluator exists.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/tests/fake_evaluator.h"
#include "api/tests/test_util.h"
#include "conformance/execute.h"

namespace arcane::conformance {
namespace {

std::vector<Case> suite_cases() {
  std::string root = testing::shared_dir() + "/conformance/opa";
  std::vector<Case> out;
  for (const char* tree : {"v0", "v1"}) {
    std::vector<std::string> files;
    std::string error;
    if (!list_case_files(root, tree, files, error)) return {};
    for (const auto& f : files) {
      CaseFile cf = parse_case_file(testing::read_text(root + "/" + f), f);
      EXPECT_FALSE(cf.error) << f << ": " << *cf.error;
      out.insert(out.end(), cf.cases.begin(), cf.cases.end());
    }
  }
  return out;
}

// The rows a case expects, as an evaluator could return them: last row first, and the
// arrays of sort_bindings cases reversed (the runner must sort them back).
api::RawResult expected_answer(const Case& c) {
  api::RawResult r;
  if (c.want_result) {
    for (size_t i = c.want_result->size(); i > 0; --i) {
      api::RawRow row;
      for (auto e : c.want_result->at(i - 1).entries()) {
        Value v = e.value;
        if (c.sort_bindings && v.is_array()) {
          ArrayBuilder b(v.size());
          for (size_t k = v.size(); k > 0; --k) b.push_back(v.at(k - 1));
          v = b.build();
        }
        row.bindings.emplace_back(std::string(e.key.string_view()), v);
      }
      r.rows.push_back(std::move(row));
    }
  }
  if (c.want_error || c.want_error_code) {
    r.error =
        runtime::Diagnostic{c.want_error_code.value_or("eval_builtin_error"), c.want_error.value_or("oracle"), {}, {}};
  }
  return r;
}

// A wrong answer: an extra row, or no error where one is expected.
api::RawResult wrong_answer(const Case& c) {
  api::RawResult r = expected_answer(c);
  if (c.want_result) {
    r.rows.push_back(testing::raw_row({{"oracle_extra", Value::boolean(true)}}));
  } else {
    r.error.reset();
  }
  return r;
}

class Oracle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { cases_ = new std::vector<Case>(suite_cases()); }
  static void TearDownTestSuite() {
    delete cases_;
    cases_ = nullptr;
  }
  void SetUp() override {
    if (cases_->empty()) GTEST_SKIP() << "OPA's suite not found under " << testing::shared_dir();
  }
  static std::vector<Case>* cases_;
};
std::vector<Case>* Oracle::cases_ = nullptr;

TEST_F(Oracle, TheExpectedAnswerPassesEveryCase) {
  size_t passed = 0;
  std::vector<std::string> failures;
  for (const Case& c : *cases_) {
    api::RawResult answer = expected_answer(c);
    auto fake = testing::make_fake([answer](const testing::FakeCall&) { return answer; });
    Verdict v = judge(c, execute(c, {fake}));
    if (v.pass) {
      ++passed;
    } else if (failures.size() < 10) {
      failures.push_back(c.id + ": " + v.reason);
    }
  }
  EXPECT_EQ(passed, cases_->size());
  for (const auto& f : failures) ADD_FAILURE() << f;
  EXPECT_GT(cases_->size(), 4000u);
}

TEST_F(Oracle, AWrongAnswerFailsEveryCase) {
  std::vector<std::string> passes;
  for (const Case& c : *cases_) {
    api::RawResult answer = wrong_answer(c);
    auto fake = testing::make_fake([answer](const testing::FakeCall&) { return answer; });
    if (judge(c, execute(c, {fake})).pass && passes.size() < 10) passes.push_back(c.id);
  }
  for (const auto& p : passes) ADD_FAILURE() << "passed with a wrong answer: " << p;
}

}  // namespace
}  // namespace arcane::conformance
