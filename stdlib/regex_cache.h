// The process-wide cache of compiled Go-dialect regular expressions (regex.cc), shared by
// the regex built-ins and glob.match, whose patterns are translated to regular
// expressions. Internal to stdlib/; the only header outside regex.cc that names RE2.
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace arcane::stdlib::impl {

// A pattern compiled once: the RE2 program, or Go's wording of why it is invalid.
struct CompiledRegex {
  std::unique_ptr<const re2::RE2> re;
  std::string error;                     // "error parsing regexp: ..." when re is null
  std::vector<std::string> group_names;  // by group number; "" for unnamed groups
};

// `s` with each byte of an ill-formed UTF-8 sequence replaced by U+FFFD, which is how
// Go's matchers read it (one rune each); `s` itself when it is well-formed. For boolean
// matches only: offsets into the result are not offsets into `s`.
std::string_view as_go_runes(std::string_view s, std::string& buf);

// Values made once from a string key and shared by every thread (compiled regexes,
// translated globs): looked up under a shared lock without copying the key, made outside
// the lock on a miss. At most kMaxEntries; beyond that an arbitrary entry makes room.
template <typename T>
class SharedCache {
 public:
  static constexpr size_t kMaxEntries = 16384;

  template <typename Make>
  std::shared_ptr<const T> get(std::string_view key, Make&& make) {
    {
      std::shared_lock lock(mu_);
      if (auto it = map_.find(key); it != map_.end()) return it->second;
    }
    std::shared_ptr<const T> made = make();
    std::unique_lock lock(mu_);
    if (map_.size() >= kMaxEntries) map_.erase(map_.begin());
    map_.emplace(std::string(key), made);
    return made;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::shared_mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const T>, Hash, std::equal_to<>> map_;
};

// Compiles (or finds) `pattern` in Go's regexp dialect. Thread-safe; never null.
std::shared_ptr<const CompiledRegex> compile_regex(std::string_view pattern);

// How many patterns the cache has compiled so far (misses), for tests and metrics.
uint64_t regex_compilations();

}  // namespace arcane::stdlib::impl
