// arcane-parse-sweep: parses every module, query and input_term of OPA's conformance suite
// and reports what does not parse. Every case in the suite compiles in OPA (FORMAT.md §3),
// so any failure here is a parser bug.
//
//   arcane-parse-sweep [--v0] DIR...
//
// A tree is parsed as v0 when --v0 is given or its path contains /v0/, else as v1; queries
// and input terms are always v1; `experimental_keywords: true` enables `and`/`or`. Only the
// fields the parser needs are read from the YAML (modules, query, input_term,
// experimental_keywords, note); the data conversion rules of FORMAT.md do not apply here.
// The counts are of items: each module, query and input_term is one item.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "conformance/sweep_files.h"
#include "compiler/parse/parser.h"
#include "runtime/diagnostic.h"

namespace {

namespace fs = std::filesystem;
using arcane::compiler::ParseOptions;
using arcane::compiler::ast::RegoVersion;

struct Counts {
  size_t files = 0;
  size_t cases = 0;
  size_t passed = 0;
  size_t failed = 0;
};

using arcane::conformance::case_files;
using arcane::conformance::has_v0_component;

// Parses one item; prints and counts a failure.
template <typename Parse>
void sweep_item(const std::string& where, const std::string& name, const std::string& text, Parse parse,
                Counts& counts) {
  arcane::runtime::SourceSet sources;
  uint32_t id = sources.add(name, text);
  arcane::runtime::Diagnostics diags(5);
  bool ok = parse(sources, id, diags);
  if (ok && diags.empty()) {
    ++counts.passed;
    return;
  }
  ++counts.failed;
  std::cout << "FAIL " << where << " " << name << "\n";
  for (const auto& d : diags.items()) std::cout << "  " << arcane::runtime::render_human(d, sources) << "\n";
}

void sweep_case(const YAML::Node& c, const std::string& file, size_t index, bool v0, Counts& counts) {
  std::string note = c["note"] ? c["note"].as<std::string>() : "";
  std::string where = file + "#" + std::to_string(index) + " (" + note + ")";
  ParseOptions opts;
  opts.version = v0 ? RegoVersion::V0 : RegoVersion::V1;
  opts.experimental_keywords = c["experimental_keywords"] && c["experimental_keywords"].as<bool>();
  ParseOptions v1 = opts;
  v1.version = RegoVersion::V1;
  if (const YAML::Node& mods = c["modules"]; mods && mods.IsSequence()) {
    for (size_t i = 0; i < mods.size(); ++i) {
      sweep_item(where, "test-" + std::to_string(i) + ".rego", mods[i].as<std::string>(),
                 [&](auto& s, uint32_t id, auto& d) { return arcane::compiler::parse_module(s, id, opts, d).ok(); },
                 counts);
    }
  }
  if (c["query"]) {
    sweep_item(where, "query", c["query"].as<std::string>(),
               [&](auto& s, uint32_t id, auto& d) { return arcane::compiler::parse_query(s, id, v1, d).ok(); }, counts);
  }
  if (c["input_term"]) {
    sweep_item(where, "input_term", c["input_term"].as<std::string>(),
               [&](auto& s, uint32_t id, auto& d) { return arcane::compiler::parse_term(s, id, v1, d).ok(); }, counts);
  }
}

void sweep_file(const fs::path& path, bool v0, Counts& counts) {
  ++counts.files;
  YAML::Node doc;
  try {
    doc = YAML::LoadFile(path.string());
  } catch (const std::exception& e) {
    ++counts.failed;
    std::cout << "FAIL " << path.string() << ": unreadable YAML: " << e.what() << "\n";
    return;
  }
  const YAML::Node& cases = doc["cases"];
  if (!cases || !cases.IsSequence()) return;
  for (size_t i = 0; i < cases.size(); ++i) {
    ++counts.cases;
    sweep_case(cases[i], path.string(), i, v0, counts);
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool force_v0 = false;
  std::vector<fs::path> dirs;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--v0") {
      force_v0 = true;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "usage: arcane-parse-sweep [--v0] DIR...\n";
      return 0;
    } else {
      dirs.emplace_back(arg);
    }
  }
  if (dirs.empty()) {
    std::cerr << "usage: arcane-parse-sweep [--v0] DIR...\n";
    return 2;
  }
  Counts total;
  for (const auto& dir : dirs) {
    if (!fs::is_directory(dir)) {
      std::cerr << "not a directory: " << dir.string() << "\n";
      return 2;
    }
    bool v0 = force_v0 || has_v0_component(dir);
    Counts tree;
    auto start = std::chrono::steady_clock::now();
    for (const auto& f : case_files(dir)) sweep_file(f, v0, tree);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s (%s): %zu files, %zu cases, %zu items: %zu passed, %zu failed (%.2fs)\n", dir.string().c_str(),
                v0 ? "v0" : "v1", tree.files, tree.cases, tree.passed + tree.failed, tree.passed, tree.failed, secs);
    total.files += tree.files;
    total.cases += tree.cases;
    total.passed += tree.passed;
    total.failed += tree.failed;
  }
  std::printf("items (modules, queries, input terms): %zu passed, %zu failed\n", total.passed, total.failed);
  std::printf("%zu passed, %zu failed\n", total.passed, total.failed);
  return total.failed == 0 ? 0 : 1;
}
