// arcane-compile-sweep: compiles the modules and the query of every case of OPA's
// conformance suite and reports what does not compile. Every case compiles in OPA
// (FORMAT.md §3), so every failure here is a compiler bug.
//
//   arcane-compile-sweep [--capabilities FILE] [--ratchet FILE] [--write-ratchet FILE] DIR...
//
// A tree is v0 when its path has a /v0/ component (modules parsed and compiled as v0);
// queries are always v1. Built-ins come from OPA's capabilities.json (default: beside the
// tree, the nearest capabilities.json above it) plus test.sleep, which OPA's test runner registers. Print
// statements are disabled, as in OPA's runner.
//
// --ratchet FILE: FILE lists cases known to compile ("v1/path/file.yaml#3" per line); the
// exit status is non-zero only if one of those fails (so the list may only grow).
// --write-ratchet FILE writes the list of cases that compile now. Without --ratchet the
// exit status is non-zero on any failure. The last line is "N passed, N failed".
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "conformance/sweep_files.h"
#include "compiler/compile/pipeline.h"
#include "compiler/parse/parser.h"
#include "runtime/diagnostic.h"

namespace {

namespace fs = std::filesystem;
using arcane::compiler::ParseOptions;
using arcane::compiler::ast::RegoVersion;

struct Sweep {
  std::shared_ptr<const arcane::compiler::BuiltinTable> builtins;
  std::set<std::string> passed_ids;
  size_t passed = 0;
  size_t failed = 0;
};

using arcane::conformance::case_files;
using arcane::conformance::has_v0_component;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Compiles one case; on failure returns the rendered diagnostics.
bool compile_case(const YAML::Node& c, bool v0, Sweep& sweep, std::string& why) {
  arcane::runtime::SourceSet sources;
  arcane::runtime::Diagnostics diags(10);
  ParseOptions opts;
  opts.version = v0 ? RegoVersion::V0 : RegoVersion::V1;
  opts.experimental_keywords = c["experimental_keywords"] && c["experimental_keywords"].as<bool>();
  std::vector<arcane::compiler::ast::Module> modules;
  if (const YAML::Node& mods = c["modules"]; mods && mods.IsSequence()) {
    for (size_t i = 0; i < mods.size(); ++i) {
      uint32_t id = sources.add("test-" + std::to_string(i) + ".rego", mods[i].as<std::string>());
      auto m = arcane::compiler::parse_module(sources, id, opts, diags);
      if (m.ok()) modules.push_back(std::move(*m));
    }
  }
  bool ok = diags.empty();
  arcane::compiler::CompileOptions copts;
  copts.builtins = sweep.builtins;
  copts.sources = &sources;
  auto program = ok ? arcane::compiler::compile(std::move(modules), copts, diags)
                    : arcane::runtime::Result<arcane::compiler::CompiledProgram>(diags.items()[0]);
  if (program.ok() && c["query"]) {
    ParseOptions qopts;
    qopts.experimental_keywords = opts.experimental_keywords;
    uint32_t id = sources.add("query", c["query"].as<std::string>());
    auto q = arcane::compiler::parse_query(sources, id, qopts, diags);
    arcane::compiler::QueryOptions qo;
    qo.sources = &sources;
    if (q.ok()) (void)arcane::compiler::compile_query(*program, std::move(*q), qo, diags);
  }
  if (diags.empty() && program.ok()) return true;
  for (const auto& d : diags.items())
    why += "  " + arcane::runtime::render_human(d, sources, arcane::runtime::RenderStyle::kPrecise, false) + "\n";
  if (diags.empty()) why += "  " + program.error().message + "\n";
  return false;
}

void sweep_file(const fs::path& path, const fs::path& root, bool v0, Sweep& sweep) {
  YAML::Node doc;
  std::string rel = (root.filename() / fs::relative(path, root)).generic_string();
  try {
    doc = YAML::LoadFile(path.string());
  } catch (const std::exception& e) {
    ++sweep.failed;
    std::cout << "FAIL " << rel << ": unreadable YAML: " << e.what() << "\n";
    return;
  }
  const YAML::Node& cases = doc["cases"];
  if (!cases || !cases.IsSequence()) return;
  for (size_t i = 0; i < cases.size(); ++i) {
    std::string id = rel + "#" + std::to_string(i);
    std::string why;
    if (compile_case(cases[i], v0, sweep, why)) {
      ++sweep.passed;
      sweep.passed_ids.insert(id);
      continue;
    }
    ++sweep.failed;
    std::string note = cases[i]["note"] ? cases[i]["note"].as<std::string>() : "";
    std::cout << "FAIL " << id << " (" << note << ")\n" << why;
  }
}

// capabilities.json in the tree's folder or the nearest folder above it.
std::string find_capabilities(const fs::path& dir) {
  for (fs::path p = fs::absolute(dir).lexically_normal(); !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / "capabilities.json")) return (p / "capabilities.json").string();
    if (p == p.parent_path()) break;
  }
  return "capabilities.json";
}

int usage() {
  std::cerr << "usage: arcane-compile-sweep [--capabilities FILE] [--ratchet FILE] [--write-ratchet FILE] DIR...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string caps, ratchet, write_ratchet;
  std::vector<fs::path> dirs;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--capabilities" || arg == "--ratchet" || arg == "--write-ratchet") && i + 1 < argc) {
      (arg == "--capabilities" ? caps : arg == "--ratchet" ? ratchet : write_ratchet) = argv[++i];
    } else if (arg.rfind("--", 0) == 0) {
      return usage();
    } else {
      dirs.emplace_back(arg);
    }
  }
  if (dirs.empty()) return usage();
  if (caps.empty()) caps = find_capabilities(dirs[0]);
  auto table = arcane::compiler::builtins_from_capabilities(read_file(caps));
  if (!table.ok()) {
    std::cerr << caps << ": " << table.error().message << "\n";
    return 2;
  }
  auto builtins = std::make_shared<arcane::compiler::BuiltinTable>(**table);
  builtins->add({"test.sleep", 1, true, false, false, false});
  Sweep sweep;
  sweep.builtins = builtins;
  for (const auto& dir : dirs) {
    if (!fs::is_directory(dir)) {
      std::cerr << "not a directory: " << dir.string() << "\n";
      return 2;
    }
    bool v0 = has_v0_component(dir);
    size_t p0 = sweep.passed, f0 = sweep.failed;
    for (const auto& f : case_files(dir)) sweep_file(f, fs::absolute(dir).lexically_normal(), v0, sweep);
    std::printf("%s (%s): %zu passed, %zu failed\n", dir.string().c_str(), v0 ? "v0" : "v1", sweep.passed - p0,
                sweep.failed - f0);
  }
  if (!write_ratchet.empty()) {
    std::ofstream out(write_ratchet);
    out << "# Conformance cases known to compile (arcane-compile-sweep --write-ratchet). This list may only grow.\n";
    for (const auto& id : sweep.passed_ids) out << id << "\n";
  }
  int status = sweep.failed == 0 ? 0 : 1;
  if (!ratchet.empty()) {
    std::ifstream in(ratchet);
    std::string line;
    size_t regressions = 0;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      if (sweep.passed_ids.count(line) == 0) {
        ++regressions;
        std::cout << "REGRESSION " << line << " compiled before\n";
      }
    }
    status = regressions == 0 ? 0 : 1;
  }
  std::printf("%zu passed, %zu failed\n", sweep.passed, sweep.failed);
  return status;
}
