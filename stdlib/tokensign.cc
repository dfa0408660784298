// Token signing: io.jwt.encode_sign and io.jwt.encode_sign_raw (topdown/tokens.go).
//
// The header and payload are used as given (encode_sign first writes its objects as Go's
// json.Marshal would: sorted keys, HTML characters escaped); the key is the first of a
// JWK (set). OPA reads "alg" and "typ" through jwx's lenient header reader (fastjson),
// so a header that is a bare number-like word ("e") has no "alg" rather than failing to
// parse; we mirror that. RSA-PSS and ECDSA signatures are randomised, hence the
// nondeterministic flag.
#include "runtime/json_reader.h"
#include "runtime/json_writer.h"
#include "stdlib/families_security.h"
#include "stdlib/jose_keys.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

// jwsbb.HeaderGetString over fastjson: the string member, or the error text.
std::variant<std::string, std::string> header_string(std::string_view header, std::string_view key) {
  auto error = [](std::string e) { return std::variant<std::string, std::string>(std::in_place_index<1>, std::move(e)); };
  size_t b = header.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return error("cannot parse JSON: cannot parse empty string");
  std::string_view trimmed = header.substr(b, header.find_last_not_of(" \t\r\n") - b + 1);
  runtime::Result<Value> parsed = runtime::parse_json(std::string(trimmed));
  if (!parsed.ok()) {
    bool number_like = trimmed.find_first_not_of("0123456789.eE+-") == std::string_view::npos;
    if (!number_like) return error("cannot parse JSON: " + parsed.error().message);
  } else if (parsed.value().is_object()) {
    const Value* v = parsed.value().find(key);
    if (v != nullptr && v->is_string()) {
      return std::variant<std::string, std::string>(std::in_place_index<0>, std::string(v->string_view()));
    }
  }
  return error("jwsbb: header \"" + std::string(key) + "\" not found");
}

BuiltinResult encode_sign(std::string_view name, std::string_view header, std::string_view payload,
                          std::string_view jwk) {
  auto keys = jose::parse_jwk_text(jwk);
  if (auto* err = std::get_if<std::string>(&keys)) return builtin_error(name, *err);
  const auto& key_list = std::get<std::vector<jose::Key>>(keys);
  if (key_list.empty()) return builtin_error(name, "no keys found in JWK set");
  auto alg = header_string(header, "alg");
  if (alg.index() == 1) return builtin_error(name, "missing or invalid 'alg' header: " + std::get<1>(alg));
  const std::string& algorithm = std::get<0>(alg);
  if (!jose::known_algorithm(algorithm)) return builtin_error(name, "unknown JWS algorithm: " + algorithm);
  auto typ = header_string(header, "typ");
  if ((typ.index() == 1 || std::get<0>(typ) == "JWT") && !runtime::parse_json(std::string(payload)).ok()) {
    return builtin_error(name, "type is JWT but payload is not JSON");
  }
  std::string input = jose::base64url_encode(header) + "." + jose::base64url_encode(payload);
  auto signature = jose::sign(key_list.front(), algorithm, input);
  if (signature.index() == 1) return builtin_error(name, std::get<1>(signature));
  return Value::from_string(input + "." + jose::base64url_encode(std::get<0>(signature)));
}

}  // namespace

BuiltinResult io_jwt_encode_sign(BuiltinContext&, Args args) {
  return encode_sign("io.jwt.encode_sign", runtime::to_json(args[0]), runtime::to_json(args[1]),
                     runtime::to_json(args[2]));
}

BuiltinResult io_jwt_encode_sign_raw(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "io.jwt.encode_sign_raw";
  if (!args[2].is_string()) return operand_type_error(kName, 3, args[2], {"string"});
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  if (!args[1].is_string()) return operand_type_error(kName, 2, args[1], {"string"});
  return encode_sign(kName, args[0].string_view(), args[1].string_view(), args[2].string_view());
}

}  // namespace arcane::stdlib::impl
