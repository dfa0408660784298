// The process-wide cache of compiled Go-dialect regular expressions (regex.cc), shared by
// the regex built-ins and glob.match, whose patterns are translated to regular
// expressions. Internal to stdlib/; the only header outside regex.cc that names RE2.
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
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

// Compiles (or finds) `pattern` in Go's regexp dialect. Thread-safe; never null.
std::shared_ptr<const CompiledRegex> compile_regex(std::string_view pattern);

// How many patterns the cache has compiled so far (misses), for tests and metrics.
uint64_t regex_compilations();

}  // namespace arcane::stdlib::impl
