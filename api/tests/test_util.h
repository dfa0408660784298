// Helpers for the API tests: scratch directories of files, a scoped working directory
// (OPA's messages name files as given, so golden comparisons run from the golden folder),
// and values from JSON text.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <fstream>
#include <string>

#include "arcane/engine.h"
#include "arcane/value.h"

namespace arcane::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "arcane-api-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    root_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `text` to root/rel, creating directories; returns the full path.
  std::string write(const std::string& rel, const std::string& text) const {
    std::filesystem::path p = std::filesystem::path(root_) / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string path(const std::string& rel = "") const { return rel.empty() ? root_ : root_ + "/" + rel; }

 private:
  std::string root_;
};

class ScopedChdir {
 public:
  explicit ScopedChdir(const std::string& dir) : old_(std::filesystem::current_path()) {
    std::filesystem::current_path(dir);
  }
  ~ScopedChdir() { std::filesystem::current_path(old_); }

 private:
  std::filesystem::path old_;
};

inline Value json(std::string_view text) {
  auto v = value_from_json(text);
  EXPECT_TRUE(v.ok()) << (v.ok() ? "" : v.error().to_string());
  return v.ok() ? v.value() : Value();
}

inline std::string shared_dir() {
  const char* env = std::getenv("ARCANE_SHARED_DIR");
#ifdef ARCANE_SHARED_DIR_DEFAULT
  return env != nullptr ? env : ARCANE_SHARED_DIR_DEFAULT;
#else
  return env != nullptr ? env : "../shared";
#endif
}

inline std::string golden_dir(const std::string& name) {
  return shared_dir() + "/opa-cli-golden/" + name;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The "value" of the first expression of the first row of a golden `--format json` stdout.
inline Value golden_value(const std::string& name) {
  Value doc = json(read_text(golden_dir(name) + "/stdout"));
  const Value* result = doc.find("result");
  if (result == nullptr || result->size() == 0) return Value();
  const Value* exprs = result->at(0).find("expressions");
  return *exprs->at(0).find("value");
}

// An engine built from one module named t.rego; a test failure (and no engine) when it
// does not build.
inline std::optional<Engine> engine_of(const char* module) {
  EngineBuilder b;
  b.add_module("t.rego", module);
  auto e = b.build();
  EXPECT_TRUE(e.ok()) << (e.ok() ? "" : e.error().to_string());
  if (!e.ok()) return std::nullopt;
  return std::move(e).value();
}

// The rows of `query` on `engine` as text, one line per row of `name=value ` bindings,
// or the error; `trace` runs it through a traced plan (which the planner never inlines or
// indexes), so optimised and plain plans can be compared.
inline std::string bindings_text(const Engine& engine, const std::string& query, const char* input, bool trace) {
  PrepareOptions po;
  po.trace = trace;
  auto q = engine.prepare(query, po);
  if (!q.ok()) return "prepare: " + q.error().to_string();
  EvalOptions o;
  if (input) o.input = value_from_json(input).value();
  EvalResult r = q->eval(o);
  if (r.error) return "error: " + r.error->to_string();
  std::string out;
  for (const auto& row : r.rows) {
    for (const auto& b : row.bindings) out += b.name + "=" + value_to_json(b.value) + " ";
    out += "\n";
  }
  return out;
}

// bindings_text of `query` through the optimised plan, checked equal to the traced one.
inline std::string bindings_text_checked(const Engine& engine, const std::string& query, const char* input) {
  std::string optimised = bindings_text(engine, query, input, false);
  EXPECT_EQ(optimised, bindings_text(engine, query, input, true)) << query;
  return optimised;
}

}  // namespace arcane::testing
