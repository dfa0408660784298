// Reading JSON text into Values.
//
// Data documents can be hundreds of megabytes, so the reader streams SAX events from
// RapidJSON straight into frozen Values: no DOM, no intermediate tree. Numbers arrive as
// their text and become exact Numbers that print back the same; object keys go through a
// per-read KeyCache in front of the global intern table.
//
// Hostile input fails cleanly with a Result error: bad UTF-8, trailing data, truncation,
// and nesting deeper than max_depth (the parser is iterative, so even a megabyte of '['
// cannot overflow the stack). The Diagnostic has code "json_parse_error" and a message
// "line:col: cause", with the column counted in bytes as OPA does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/result.h"
#include "runtime/value.h"

namespace arcane::runtime {

inline constexpr const char* kJsonParseError = "json_parse_error";

struct JsonReadOptions {
  size_t max_depth = 1000;  // containers open at once
  uint32_t file = 0;        // SourceSet id for Diagnostic::location, if the text has one
};

Result<Value> parse_json(std::string_view text, const JsonReadOptions& options = {});
// The same, faster: NUL-terminated text lets RapidJSON scan strings 16 bytes at a time.
Result<Value> parse_json(const std::string& text, const JsonReadOptions& options = {});
Result<Value> parse_json(const char* text, const JsonReadOptions& options = {});

// "line:col" of a byte offset, both 1-based; shared with the other readers.
std::string line_col_text(std::string_view text, size_t offset);

}  // namespace arcane::runtime
