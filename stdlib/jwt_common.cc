// Splitting and decoding compact JWS tokens as OPA does (see jwt_common.h).
#include "stdlib/jwt_common.h"

#include "stdlib/families_encoding.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::jwt {

namespace {

using runtime::Value;

// A built-in's error without its "name: " prefix: the Go error OPA's getResult returns.
std::string raw(const BuiltinError& e) {
  size_t colon = e.message.find(": ");
  return colon == std::string::npos ? e.message : e.message.substr(colon + 2);
}

}  // namespace

std::variant<Token, BuiltinError> split(std::string_view name, const Value& jwt) {
  if (!jwt.is_string()) return operand_type_error(name, 1, jwt, {"string"});
  std::string_view s = jwt.string_view();
  if (s.find('.') == std::string_view::npos) return builtin_error(name, "encoded JWT had no period separators");
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t dot = s.find('.'); dot != std::string_view::npos; dot = s.find('.', start)) {
    parts.push_back(s.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(s.substr(start));
  if (parts.size() != 3) {
    return builtin_error(name, "encoded JWT must have 3 sections, found " + std::to_string(parts.size()));
  }
  return Token{std::string(parts[0]), std::string(parts[1]), std::string(parts[2])};
}

std::variant<std::string, std::string> base64url(BuiltinContext& ctx, std::string_view section) {
  Value arg = Value::from_string(section);
  BuiltinResult r = impl::base64url_decode(ctx, std::span<const Value>(&arg, 1));
  if (r.is_error()) return std::variant<std::string, std::string>(std::in_place_index<1>, raw(r.error()));
  return std::variant<std::string, std::string>(std::in_place_index<0>, std::string(r.value().string_view()));
}

std::variant<Value, std::string> json_object(BuiltinContext& ctx, std::string_view text) {
  Value arg = Value::from_string(text);
  BuiltinResult r = impl::json_unmarshal(ctx, std::span<const Value>(&arg, 1));
  if (r.is_error()) return "invalid JSON: " + raw(r.error());
  if (!r.has_value() || !r.value().is_object()) return std::string("decoded JSON type was not an Object");
  return r.value();
}

std::variant<Value, std::string> decode_header(BuiltinContext& ctx, const Token& token) {
  auto text = base64url(ctx, token.header);
  if (text.index() == 1) return "JWT header had invalid encoding: " + std::get<1>(text);
  auto header = json_object(ctx, std::get<0>(text));
  if (auto* err = std::get_if<std::string>(&header)) return "bad JWT header: " + *err;
  const Value& h = std::get<Value>(header);
  if (h.find("enc") != nullptr) return std::string("JWT is a JWE object, which is not supported");
  return h;
}

bool Header::valid() const {
  if (alg.empty()) return false;
  for (const std::string& u : unknown) {
    if (crit.count(u) != 0) return false;
  }
  return true;
}

std::variant<Header, std::string> parse_header(const Value& decoded) {
  Header h;
  for (auto entry : decoded.entries()) {
    std::string_view key = entry.key.is_string() ? entry.key.string_view() : "";
    const Value& v = entry.value;
    std::string* field = key == "alg" ? &h.alg : key == "kid" ? &h.kid : key == "typ" ? &h.typ
                                                                : key == "cty" ? &h.cty : nullptr;
    if (field != nullptr) {
      if (!v.is_string()) return std::string(key) + ": must be a string";
      *field = v.string_view();
    } else if (key == "crit") {
      if (!v.is_array()) return std::string("crit: must be a list");
      for (const Value& c : v.elements()) {
        if (!c.is_string()) break;  // OPA stops at the first non-string and ignores the error
        h.crit.insert(std::string(c.string_view()));
      }
      if (h.crit.empty()) return std::string("crit: must be a nonempty list");
    } else {
      h.unknown.emplace_back(key);
    }
  }
  return h;
}

}  // namespace arcane::stdlib::jwt
