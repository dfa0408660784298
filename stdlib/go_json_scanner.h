// Go's encoding/json syntax checking, for the answers OPA gives from it.
//
// json.is_valid is Go's json.Valid, and json.unmarshal reports Go's decoder errors
// ("invalid character 'x' looking for beginning of value", "unexpected EOF") and accepts
// what Go's decoder accepts: the first JSON value of the text, then OPA asks the decoder
// for one more token, which must be the end of input (or, by a quirk of that check, a
// `null`). Go's scanner, unlike RapidJSON, does not look at the bytes inside strings
// beyond control characters and escapes, so ill-formed UTF-8 passes. The state machine
// here follows Go's scanner state by state so the messages name the same byte and
// context.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace arcane::stdlib {

// json.Valid(text).
bool go_json_valid(std::string_view text);

// What OPA's json.unmarshal makes of text: the span of the first value to decode, or
// Go's error message.
struct GoJsonSpan {
  size_t begin = 0;
  size_t end = 0;
};
std::variant<GoJsonSpan, std::string> go_json_first_value(std::string_view text);

// Go's treatment of ill-formed UTF-8 when it decodes or encodes JSON strings: each byte
// of an ill-formed sequence becomes U+FFFD.
std::string go_replace_invalid_utf8(std::string_view text);

}  // namespace arcane::stdlib
