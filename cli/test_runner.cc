#include "cli/test_runner.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <map>

#include "cli/source_loader.h"
#include "compiler/parse/parser.h"

namespace arcane::cli {

namespace {

namespace ast = compiler::ast;

constexpr std::string_view kTestPrefix = "test_";
constexpr std::string_view kSkipPrefix = "todo_test_";
// What a renamed duplicate is called in the module text (a name no user writes).
constexpr std::string_view kDuplicateMark = "__arcane_duplicate_";

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

bool is_identifier(const std::string& s) {
  static const char* const kKeywords[] = {"as",   "contains", "data", "default", "else", "every", "false",
                                          "if",   "import",   "in",   "input",   "not",  "null",  "package",
                                          "some", "true",     "with"};
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return std::none_of(std::begin(kKeywords), std::end(kKeywords), [&](const char* k) { return s == k; });
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// The name parts of a term in a package path or a rule head ref; nullopt if not a name.
std::optional<std::string> name_of(const ast::Term& t) {
  if (const auto* v = std::get_if<ast::Var>(&t.value)) return v->name;
  if (const auto* s = std::get_if<ast::String>(&t.value)) return s->value;
  return std::nullopt;
}

// OPA's ruleName: the ground prefix of the head ref up to the first part that names a test.
struct TestName {
  std::vector<std::string> ref;  // up to and including the test's part
  const ast::Term* term = nullptr;
  bool skip = false;
};

std::optional<TestName> test_name(const ast::Rule& rule) {
  TestName out;
  for (const auto& term : rule.head.ref) {
    auto name = name_of(term);
    if (!name) return std::nullopt;  // the end of the ground prefix
    out.ref.push_back(*name);
    if (starts_with(*name, kTestPrefix) || starts_with(*name, kSkipPrefix)) {
      out.term = &term;
      out.skip = starts_with(*name, kSkipPrefix);
      return out;
    }
  }
  return std::nullopt;
}

struct Rename {
  uint32_t offset, length;
  std::string text;
};

std::string apply(std::string text, std::vector<Rename> renames) {
  std::sort(renames.begin(), renames.end(), [](const Rename& a, const Rename& b) { return a.offset > b.offset; });
  for (const auto& r : renames) text.replace(r.offset, r.length, r.text);
  return text;
}

std::string two_digits(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

// A renamed duplicate appears in traces as OPA's path of it, `data.p["test_x#01"]` (the
// `#` keeps the name from printing as an identifier).
void show_duplicate_names(std::vector<TraceEvent>& events) {
  auto is_name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (TraceEvent& e : events) {
    std::string& t = e.node;
    for (size_t at = t.find(kDuplicateMark); at != std::string::npos; at = t.find(kDuplicateMark, at)) {
      size_t begin = at;
      while (begin > 0 && is_name_char(t[begin - 1])) --begin;
      size_t end = std::min(t.size(), at + kDuplicateMark.size() + 2);
      std::string name = t.substr(begin, at - begin) + "#" + t.substr(at + kDuplicateMark.size(), 2);
      bool dotted = begin > 0 && t[begin - 1] == '.';
      if (dotted) --begin;
      std::string shown = dotted ? "[\"" + name + "\"]" : name;
      t.replace(begin, end - begin, shown);
      at = begin + shown.size();
    }
  }
}

}  // namespace

std::string ref_text(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i == 0) {
      out += parts[i];
    } else if (is_identifier(parts[i])) {
      out += "." + parts[i];
    } else {
      out += "[" + quoted(parts[i]) + "]";
    }
  }
  return out;
}

DiscoveredTests discover_tests(const Engine& engine, bool v0_compatible) {
  DiscoveredTests found;
  std::vector<std::string> names = engine.module_names();
  std::sort(names.begin(), names.end());
  compiler::ParseOptions options;
  options.version = v0_compatible ? compiler::RegoVersion::V0 : compiler::RegoVersion::V1;
  std::map<std::string, int> seen;  // full test name -> rules so far
  for (const auto& file : names) {
    std::string text, error;
    if (!read_file(file, text, error)) continue;  // not from a file: no tests to find
    runtime::SourceSet sources;
    runtime::Diagnostics diags;
    uint32_t id = sources.add(file, text);
    auto module = compiler::parse_module(sources, id, options, diags);
    if (!module.ok()) continue;
    std::vector<std::string> pkg;
    for (const auto& t : module->package.path) pkg.push_back(name_of(t).value_or("?"));
    std::vector<Rename> renames;
    for (const auto& rule : module->rules) {
      auto name = test_name(rule);
      if (!name) continue;
      TestCase test;
      test.file = file;
      runtime::LineCol lc = sources.get(id)->line_col(rule.loc.offset);
      test.row = static_cast<int>(lc.line);
      test.col = static_cast<int>(lc.col);
      test.package = ref_text(pkg);
      test.skip = name->skip;
      std::string shown = ref_text(name->ref);
      std::vector<std::string> full = pkg;
      full.insert(full.end(), name->ref.begin(), name->ref.end());
      int n = name->skip ? 0 : seen[ref_text(full)]++;
      if (n > 0) {
        std::string renamed = name->ref.back() + std::string(kDuplicateMark) + two_digits(n);
        renames.push_back({name->term->loc.offset, name->term->loc.length, renamed});
        full.back() = renamed;
        shown += "#" + two_digits(n);
      }
      test.name = shown;
      test.query = ref_text(full);
      found.tests.push_back(std::move(test));
    }
    if (!renames.empty()) found.rewritten.emplace_back(file, apply(text, renames));
  }
  return found;
}

TestResult run_test_case(const Engine& engine, const TestCase& test, const PrepareOptions& options) {
  TestResult r;
  r.test = test;
  if (test.skip) return r;
  auto start = std::chrono::steady_clock::now();
  auto query = engine.prepare(test.query, options);
  if (!query) {
    r.error = query.error();
  } else {
    TraceBuffer trace;
    EvalOptions eval;
    if (options.trace) eval.tracer = &trace;
    EvalResult result = query->eval(eval);
    r.trace = std::move(trace.events);
    show_duplicate_names(r.trace);
    if (result.error) {
      r.error = *result.error;
    } else if (result.rows.empty() || result.rows.front().expressions.empty()) {
      r.fail = true;
    } else {
      const Value& v = result.rows.front().expressions.front().value;
      r.fail = !(v.is_boolean() && v.as_bool());
    }
  }
  r.duration_ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace arcane::cli
