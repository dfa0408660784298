#include "api/src/files.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace arcane::api {

std::string errno_text(int err) {
  std::string s = std::strerror(err);
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z')) {
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  }
  return s;
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    error = "open " + path + ": " + errno_text(errno);
    return false;
  }
  struct stat st {};
  if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    std::fclose(f);
    error = "read " + path + ": is a directory";
    return false;
  }
  std::string data;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  bool failed = std::ferror(f) != 0;
  int err = errno;
  std::fclose(f);
  if (failed) {
    error = "read " + path + ": " + errno_text(err);
    return false;
  }
  out = std::move(data);
  return true;
}

std::string clean_path(std::string_view path) {
  if (path.empty()) return ".";
  bool rooted = path.front() == '/';
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view part = path.substr(i, j - i);
    if (part.empty() || part == ".") {
      // skip
    } else if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(part);
      }
    } else {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out = rooted ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += '/';
    out += parts[k];
  }
  if (out.empty()) return ".";
  return out;
}

std::string join_path(std::string_view dir, std::string_view name) {
  if (dir.empty()) return clean_path(name);
  if (name.empty()) return clean_path(dir);
  std::string joined(dir);
  joined += '/';
  joined += name;
  return clean_path(joined);
}

std::string_view extension(std::string_view path) {
  for (size_t i = path.size(); i > 0; --i) {
    char c = path[i - 1];
    if (c == '/') break;
    if (c == '.') return path.substr(i - 1);
  }
  return {};
}

bool list_directory(const std::string& path, std::vector<std::string>& names, std::string& error) {
  DIR* dir = opendir(path.c_str());
  if (dir == nullptr) {
    error = "open " + path + ": " + errno_text(errno);
    return false;
  }
  names.clear();
  while (dirent* e = readdir(dir)) {
    std::string_view n = e->d_name;
    if (n == "." || n == "..") continue;
    names.emplace_back(n);
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  return true;
}

FileKind stat_path(const std::string& path, std::string& error) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    int err = errno;
    error = "stat " + path + ": " + errno_text(err);
    return err == ENOENT || err == ENOTDIR ? FileKind::kMissing : FileKind::kError;
  }
  return S_ISDIR(st.st_mode) ? FileKind::kDirectory : FileKind::kFile;
}

}  // namespace arcane::api
