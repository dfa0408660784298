// File access for the loaders, with OPA's (Go's) wording for failures, because users of
// `opa` know these messages and OPA's recorded CLI runs print them:
//   open missing.json: no such file or directory
//   stat policies: no such file or directory
// and Go's path joining (filepath.Join cleans the result), since file names appear in
// module names and messages exactly as OPA would spell them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace arcane::api {

// The whole file, or false with `error` set to `open PATH: reason`.
bool read_file(const std::string& path, std::string& out, std::string& error);

// Go's text for an errno value: strerror, lower-cased as Go's syscall errors are.
std::string errno_text(int err);

// Go's filepath.Clean and filepath.Join (slashes only).
std::string clean_path(std::string_view path);
std::string join_path(std::string_view dir, std::string_view name);

// The file extension as Go's filepath.Ext: from the last dot of the last element.
std::string_view extension(std::string_view path);

// The names in a directory, sorted byte-wise (Go's os.ReadDir order); false with `error`
// on failure.
bool list_directory(const std::string& path, std::vector<std::string>& names, std::string& error);

enum class FileKind { kMissing, kFile, kDirectory, kError };
// What `path` is, following symlinks (os.Stat); `error` is `stat PATH: reason` unless it is
// a file or directory.
FileKind stat_path(const std::string& path, std::string& error);

}  // namespace arcane::api
