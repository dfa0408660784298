// What the parse and compile sweeps share: the case files under a suite folder, in a
// stable order, and whether a folder is in the v0 tree (which decides the Rego version).
#pragma once

#include <algorithm>
#include <filesystem>
#include <vector>

namespace arcane::conformance {

inline bool has_v0_component(const std::filesystem::path& dir) {
  for (const auto& part : std::filesystem::absolute(dir).lexically_normal()) {
    if (part == "v0") return true;
  }
  return false;
}

inline std::vector<std::filesystem::path> case_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace arcane::conformance
