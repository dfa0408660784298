// UTF-8 validation for text read from outside (data files, inputs, policies).
//
// The JSON reader checks a whole document up front rather than byte by byte inside the
// parser: almost all data is ASCII, which this checks eight bytes at a time, and the
// parser then copies strings without re-checking them. Well-formedness is Unicode's
// (Table 3-7): no overlong forms, no surrogates, nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <string_view>

namespace arcane::runtime {

// The offset of the first byte of the first ill-formed sequence, or npos if s is valid.
size_t find_invalid_utf8(std::string_view s);

}  // namespace arcane::runtime
