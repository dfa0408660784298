// What io.jwt.decode, the io.jwt.verify_* family, io.jwt.decode_verify and the signing
// built-ins share (OPA's topdown/tokens.go): splitting a compact JWS, decoding its parts
// the way OPA does (through the base64url.decode and json.unmarshal built-ins, so the
// error texts are theirs), and reading the JOSE header.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "runtime/value.h"
#include "stdlib/builtin.h"

namespace arcane::stdlib::jwt {

// The three base64url sections of a compact JWS.
struct Token {
  std::string header, payload, signature;
};

// OPA's decodeJWT: the operand must be a string (operand 1) with exactly two periods.
std::variant<Token, BuiltinError> split(std::string_view name, const runtime::Value& jwt);

// OPA's base64url.decode of a section; the error is Go's text without a built-in name.
std::variant<std::string, std::string> base64url(BuiltinContext& ctx, std::string_view section);
// OPA's extractJSONObject: "invalid JSON: ..." or "decoded JSON type was not an Object".
std::variant<runtime::Value, std::string> json_object(BuiltinContext& ctx, std::string_view text);
// OPA's decodeHeader: the decoded header object, refusing JWE.
std::variant<runtime::Value, std::string> decode_header(BuiltinContext& ctx, const Token& token);

// OPA's tokenHeader: the registered parameters of a decoded header.
struct Header {
  std::string alg, kid, typ, cty;
  std::set<std::string> crit;
  std::vector<std::string> unknown;
  bool valid() const;  // alg present and no unknown parameter marked critical
};
std::variant<Header, std::string> parse_header(const runtime::Value& decoded);

}  // namespace arcane::stdlib::jwt
