// Tokens: io.jwt.decode, io.jwt.verify_{rs,ps,es,hs}{256,384,512}, io.jwt.verify_eddsa
// and io.jwt.decode_verify (topdown/tokens.go).
//
// The verify_* built-ins check one algorithm against a key given as a PEM certificate,
// a PEM public key or a JWK (set); a key whose "kid" matches the header's is tried alone,
// otherwise every key whose "alg" is absent or equals the header's. decode_verify checks
// the header's own algorithm against its constraints (cert or secret, alg, iss, aud,
// time) and then the registered claims; it is nondeterministic because, without a
// "time" constraint, it reads the evaluation's clock. OPA's optional inter-query token
// cache is off by default and is not reproduced.
#include <algorithm>
#include <cctype>

#include "runtime/value_builder.h"
#include "stdlib/context.h"
#include "stdlib/families_security.h"
#include "stdlib/jose_keys.h"
#include "stdlib/jwt_common.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

// io.jwt.decode of a string operand; `name` is the built-in OPA reports.
BuiltinResult decode(BuiltinContext& ctx, std::string_view name, const Value& operand) {
  auto token = jwt::split(name, operand);
  if (auto* err = std::get_if<BuiltinError>(&token)) return *err;
  const jwt::Token& t = std::get<jwt::Token>(token);
  auto header = jwt::decode_header(ctx, t);
  if (auto* err = std::get_if<std::string>(&header)) return builtin_error(name, *err);
  const Value& h = std::get<Value>(header);
  auto payload_text = jwt::base64url(ctx, t.payload);
  if (payload_text.index() == 1) return builtin_error(name, "JWT payload had invalid encoding: " + std::get<1>(payload_text));
  const std::string& p = std::get<0>(payload_text);
  if (const Value* cty = h.find("cty"); cty != nullptr && cty->is_string() && cty->string_view() == "JWT") {
    // A nested token arrives quoted, as jwt.io writes it: OPA trims quotes first.
    size_t b = p.find_first_not_of("\"'");
    size_t e = p.find_last_not_of("\"'");
    std::string inner = b == std::string::npos ? std::string() : p.substr(b, e - b + 1);
    return decode(ctx, name, Value::from_string(inner));
  }
  auto payload = jwt::json_object(ctx, p);
  if (auto* err = std::get_if<std::string>(&payload)) return builtin_error(name, *err);
  auto sig = jwt::base64url(ctx, t.signature);
  if (sig.index() == 1) return builtin_error(name, "JWT signature had invalid encoding: " + std::get<1>(sig));
  runtime::ArrayBuilder out(3);
  out.push_back(h);
  out.push_back(std::get<Value>(payload));
  out.push_back(Value::from_string(jose::hex_encode(std::get<0>(sig))));
  return out.build();
}

// OPA's builtinJWTVerify with one fixed algorithm.
BuiltinResult verify_asymmetric(BuiltinContext& ctx, std::string_view name, std::string_view alg, Args args) {
  auto token = jwt::split(name, args[0]);
  if (auto* err = std::get_if<BuiltinError>(&token)) return *err;
  const jwt::Token& t = std::get<jwt::Token>(token);
  if (!args[1].is_string()) return operand_type_error(name, 2, args[1], {"string"});
  auto keys = jose::keys_from_cert_or_jwk(args[1].string_view());
  if (auto* err = std::get_if<std::string>(&keys)) return builtin_error(name, *err);
  auto sig = jwt::base64url(ctx, t.signature);
  if (sig.index() == 1) return builtin_error(name, std::get<1>(sig));
  auto decoded = jwt::decode_header(ctx, t);
  if (auto* err = std::get_if<std::string>(&decoded)) return builtin_error(name, *err);
  auto header = jwt::parse_header(std::get<Value>(decoded));
  if (auto* err = std::get_if<std::string>(&header)) return builtin_error(name, *err);
  const jwt::Header& h = std::get<jwt::Header>(header);
  std::string data = t.header + "." + t.payload;
  const std::string& signature = std::get<0>(sig);
  const auto& key_list = std::get<std::vector<jose::Key>>(keys);
  if (!h.kid.empty()) {
    for (const jose::Key& k : key_list) {
      if (k.kid == h.kid) return Value::boolean(jose::verify(k, alg, data, signature, true, false));
    }
  }
  for (const jose::Key& k : key_list) {
    if (!k.alg.empty() && k.alg != h.alg) continue;
    if (jose::verify(k, alg, data, signature, true, false)) return Value::boolean(true);
  }
  return Value::boolean(false);
}

BuiltinResult verify_hmac(BuiltinContext& ctx, std::string_view name, std::string_view md, Args args) {
  if (!args[0].is_string()) return operand_type_error(name, 1, args[0], {"string"});
  if (!args[1].is_string()) return operand_type_error(name, 2, args[1], {"string"});
  auto token = jwt::split(name, args[0]);
  if (auto* err = std::get_if<BuiltinError>(&token)) return *err;
  const jwt::Token& t = std::get<jwt::Token>(token);
  std::string mac = jose::hmac(md, args[1].string_view(), t.header + "." + t.payload);
  auto sig = jwt::base64url(ctx, t.signature);
  if (sig.index() == 1) return builtin_error(name, std::get<1>(sig));
  return Value::boolean(jose::constant_time_equal(std::get<0>(sig), mac));
}

// ---- decode_verify ----

constexpr std::string_view kDecodeVerify = "io.jwt.decode_verify";

struct Constraints {
  std::string secret, alg, iss, aud;
  bool has_keys = false;
  std::vector<jose::Key> keys;
  double time = -1;  // nanoseconds
};

std::variant<double, std::string> time_from_value(const Value& v) {
  if (!v.is_number()) return std::string("token time constraint: must be a number");
  double t = v.number().to_double();
  if (t < 0) return std::string("token time constraint: must not be negative");
  return t;
}

std::optional<std::string> parse_constraints(const Value& o, int64_t now_ns, Constraints& c) {
  for (auto entry : o.entries()) {
    std::string name(entry.key.is_string() ? entry.key.string_view() : "");
    const Value& v = entry.value;
    if (name == "cert") {
      if (!v.is_string()) return "cert constraint: must be a string";
      auto keys = jose::keys_from_cert_or_jwk(v.string_view());
      if (auto* err = std::get_if<std::string>(&keys)) return *err;
      c.keys = std::get<std::vector<jose::Key>>(std::move(keys));
      c.has_keys = true;
    } else if (name == "secret" || name == "alg" || name == "iss" || name == "aud") {
      if (!v.is_string()) return name + " constraint: must be a string";
      std::string& field = name == "secret" ? c.secret : name == "alg" ? c.alg : name == "iss" ? c.iss : c.aud;
      field = v.string_view();
    } else if (name == "time") {
      auto t = time_from_value(v);
      if (auto* err = std::get_if<std::string>(&t)) return *err;
      c.time = std::get<double>(t);
    } else {
      return "unknown token validation constraint: " + name;
    }
  }
  if (c.time == -1) c.time = static_cast<double>(now_ns);
  int keys = (c.has_keys ? 1 : 0) + (c.secret.empty() ? 0 : 1);
  if (keys > 1) return "duplicate key constraints";
  if (keys < 1) return "no key constraint";
  return std::nullopt;
}

bool signature_ok(const Constraints& c, const jwt::Header& h, std::string_view data, std::string_view sig) {
  if (c.has_keys) {
    if (!h.kid.empty()) {
      for (const jose::Key& k : c.keys) {
        if (k.kid == h.kid) return jose::verify(k, h.alg, data, sig, false, true);
      }
    }
    return std::any_of(c.keys.begin(), c.keys.end(), [&](const jose::Key& k) {
      return (k.alg.empty() || k.alg == h.alg) && jose::verify(k, h.alg, data, sig, false, true);
    });
  }
  jose::Key secret;
  secret.type = jose::KeyType::kOct;
  secret.secret = c.secret;
  return jose::verify(secret, h.alg, data, sig, false, true);
}

bool equal_fold(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool valid_audience(const Constraints& c, const Value& aud) {
  if (aud.is_string()) return aud.string_view() == c.aud;
  if (!aud.is_array()) return false;
  return std::any_of(aud.elements().begin(), aud.elements().end(),
                     [&](const Value& e) { return e.is_string() && e.string_view() == c.aud; });
}

Value unverified() {
  runtime::ArrayBuilder b(3);
  b.push_back(Value::boolean(false));
  b.push_back(Value::empty_object());
  b.push_back(Value::empty_object());
  return b.build();
}

// The registered claims: iss, aud, exp, nbf. nullopt: valid; a value: the result.
std::optional<BuiltinResult> check_claims(const Constraints& c, const Value& payload) {
  if (!c.iss.empty()) {
    const Value* iss = payload.find("iss");
    if (iss == nullptr || !iss->is_string() || iss->string_view() != c.iss) return unverified();
  }
  if (const Value* aud = payload.find("aud")) {
    if (!valid_audience(c, *aud)) return unverified();
  } else if (!c.aud.empty()) {
    return unverified();
  }
  double now = c.time / 1e9;
  if (const Value* exp = payload.find("exp")) {
    if (!exp->is_number()) return BuiltinResult(builtin_error(kDecodeVerify, "exp value must be a number"));
    if (!(now < exp->number().to_double())) return unverified();
  }
  if (const Value* nbf = payload.find("nbf")) {
    if (!nbf->is_number()) return BuiltinResult(builtin_error(kDecodeVerify, "nbf value must be a number"));
    if (now < nbf->number().to_double()) return unverified();
  }
  return std::nullopt;
}

}  // namespace

BuiltinResult io_jwt_decode(BuiltinContext& ctx, Args args) {
  return decode(ctx, "io.jwt.decode", args[0]);
}

BuiltinResult io_jwt_verify_rs256(BuiltinContext& ctx, Args args) {
  return verify_asymmetric(ctx, "io.jwt.verify_rs256", "RS256", args);
}
BuiltinResult io_jwt_verify_rs384(BuiltinContext& ctx, Args args) {
  return verify_asymmetric(ctx, "io.jwt.verify_rs384", "RS384", args);
}
BuiltinResult io_jwt_verify_rs512(BuiltinContext& ctx, Args args) {
  return verify_asymmetric(ctx, "io.jwt.verify_rs512", "RS512", args);
}
BuiltinResult io_jwt_verify_ps256(BuiltinContext& ctx, Args args) {
  return verify_asymmetric(ctx, "io.jwt.verify_ps256", "PS256", args);
}
BuiltinResult io_jwt_verify_ps384(BuiltinContext& ctx, Args args) {
  return verify_asymmetric(ctx, "io.jwt.verify_ps384", "PS384", args);
}
BuiltinResult io_jwt_verify_ps512(BuiltinContext& ctx, Args args) {
  return verify_asymmetric(ctx, "io.jwt.verify_ps512", "PS512", args);
}
BuiltinResult io_jwt_verify_es256(BuiltinContext& ctx, Args args) {
  return verify_asymmetric(ctx, "io.jwt.verify_es256", "ES256", args);
}
BuiltinResult io_jwt_verify_es384(BuiltinContext& ctx, Args args) {
  return verify_asymmetric(ctx, "io.jwt.verify_es384", "ES384", args);
}
BuiltinResult io_jwt_verify_es512(BuiltinContext& ctx, Args args) {
  return verify_asymmetric(ctx, "io.jwt.verify_es512", "ES512", args);
}
BuiltinResult io_jwt_verify_eddsa(BuiltinContext& ctx, Args args) {
  return verify_asymmetric(ctx, "io.jwt.verify_eddsa", "EdDSA", args);
}
BuiltinResult io_jwt_verify_hs256(BuiltinContext& ctx, Args args) {
  return verify_hmac(ctx, "io.jwt.verify_hs256", "SHA256", args);
}
BuiltinResult io_jwt_verify_hs384(BuiltinContext& ctx, Args args) {
  return verify_hmac(ctx, "io.jwt.verify_hs384", "SHA384", args);
}
BuiltinResult io_jwt_verify_hs512(BuiltinContext& ctx, Args args) {
  return verify_hmac(ctx, "io.jwt.verify_hs512", "SHA512", args);
}

BuiltinResult io_jwt_decode_verify(BuiltinContext& ctx, Args args) {
  if (!args[1].is_object()) return operand_type_error(kDecodeVerify, 2, args[1], {"object"});
  Constraints c;
  if (auto err = parse_constraints(args[1], ctx.now_ns(), c)) return builtin_error(kDecodeVerify, *err);
  Value jwt_text = args[0];
  Value decoded_header;
  std::string payload_text;
  for (;;) {
    auto token = jwt::split(kDecodeVerify, jwt_text);
    if (auto* err = std::get_if<BuiltinError>(&token)) return *err;
    const jwt::Token& t = std::get<jwt::Token>(token);
    auto decoded = jwt::decode_header(ctx, t);
    if (auto* err = std::get_if<std::string>(&decoded)) return builtin_error(kDecodeVerify, *err);
    decoded_header = std::get<Value>(decoded);
    auto header = jwt::parse_header(decoded_header);
    if (auto* err = std::get_if<std::string>(&header)) return builtin_error(kDecodeVerify, *err);
    const jwt::Header& h = std::get<jwt::Header>(header);
    if (!h.valid() || (!c.alg.empty() && c.alg != h.alg)) return unverified();
    auto sig = jwt::base64url(ctx, t.signature);
    if (sig.index() == 1) return builtin_error(kDecodeVerify, std::get<1>(sig));
    if (!signature_ok(c, h, t.header + "." + t.payload, std::get<0>(sig))) return unverified();
    auto p = jwt::base64url(ctx, t.payload);
    if (p.index() == 1) return builtin_error(kDecodeVerify, "JWT payload had invalid encoding: " + std::get<1>(p));
    payload_text = std::get<0>(p);
    if (!equal_fold(h.cty, "JWT")) break;
    jwt_text = Value::from_string(payload_text);  // a nested token: verify it too
  }
  auto payload = jwt::json_object(ctx, payload_text);
  if (auto* err = std::get_if<std::string>(&payload)) return builtin_error(kDecodeVerify, *err);
  if (auto result = check_claims(c, std::get<Value>(payload))) return std::move(*result);
  runtime::ArrayBuilder out(3);
  out.push_back(Value::boolean(true));
  out.push_back(decoded_header);
  out.push_back(std::get<Value>(payload));
  return out.build();
}

}  // namespace arcane::stdlib::impl
