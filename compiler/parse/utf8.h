// Byte-level checks and literal decoding for the parser, free of ANTLR so they can be
// tested alone: UTF-8 validation (OPA rejects invalid UTF-8, NUL and a byte-order mark
// after the start), the decoding of string literals with Go's JSON escape rules, and the
// checks OPA makes on number literals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace arcane::compiler::parse {

struct Utf8Problem {
  enum class Kind : uint8_t { None, Invalid, Nul, Bom };
  Kind kind = Kind::None;
  uint32_t offset = 0;
};

// The first byte that OPA's scanner would reject, if any. A byte-order mark is allowed only
// at offset 0.
Utf8Problem find_utf8_problem(std::string_view text);

// Decodes the inside of a "..." literal (without the quotes) as Go's encoding/json does:
// \" \\ \/ \b \f \n \r \t \uXXXX (surrogate pairs combine; a lone surrogate becomes
// U+FFFD). With template_braces, `\{` is a literal `{` (template strings). Returns nullopt
// for an invalid escape.
std::optional<std::string> unescape_string(std::string_view inner, bool template_braces = false);

// A raw template string part: only `\{` is an escape.
std::string unescape_raw_template(std::string_view inner);

// OPA's checks on a number literal (with its sign and leading dot): returns an error
// message, or empty when the literal is fine.
std::string check_number(std::string_view literal);

}  // namespace arcane::compiler::parse
