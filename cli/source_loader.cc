#include "cli/source_loader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace arcane::cli {

namespace fs = std::filesystem;

bool read_file(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "open " + path + ": " + std::strerror(errno);
    return false;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    error = "read " + path + ": " + std::strerror(errno);
    return false;
  }
  out = std::move(buf).str();
  return true;
}

namespace {

void load_one(const std::string& name, runtime::SourceSet& sources, runtime::Diagnostics& diags,
              std::vector<LoadedFile>& out) {
  std::string text, error;
  if (!read_file(name, text, error)) {
    diags.add({"", error, {}, {}});
    return;
  }
  uint32_t id = sources.add(name, std::move(text));
  out.push_back({id, name});
}

std::string join(const std::string& dir, const fs::path& rel) {
  if (dir.empty() || dir.back() == '/') return dir + rel.generic_string();
  return dir + "/" + rel.generic_string();
}

}  // namespace

std::vector<LoadedFile> load_rego_files(const std::vector<std::string>& paths, runtime::SourceSet& sources,
                                        runtime::Diagnostics& diags) {
  std::vector<LoadedFile> out;
  for (const auto& path : paths) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      diags.add({"", "stat " + path + ": no such file or directory", {}, {}});
      continue;
    }
    if (!fs::is_directory(status)) {
      load_one(path, sources, diags, out);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".rego") {
        found.push_back(join(path, fs::relative(it->path(), path)));
      }
    }
    if (ec) diags.add({"", "walk " + path + ": " + ec.message(), {}, {}});
    std::sort(found.begin(), found.end());
    for (const auto& name : found) load_one(name, sources, diags, out);
  }
  return out;
}

}  // namespace arcane::cli
