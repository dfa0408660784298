// Declarations of the time, crypto, tokens (JWT), providers.aws and http.send built-ins.
#include "stdlib/families_security.h"
#include "stdlib/http_send.h"
#include "stdlib/registry_parts.h"

namespace arcane::stdlib {

using namespace decl_helpers;

namespace {

Builtin nondeterministic(Builtin b) {
  b.decl.nondeterministic = true;
  return b;
}

void add_time(std::vector<Builtin>& t) {
  Type ns_or_zoned = Type::any_of({N(), Type::array({N(), S()})});
  Type triple = Type::array({N(), N(), N()});
  t.push_back(nondeterministic(decl("time.now_ns", fn({}, N()), "time", impl::time_now_ns)));
  t.push_back(decl("time.parse_ns", fn({S(), S()}, N()), "time", impl::time_parse_ns));
  t.push_back(decl("time.parse_rfc3339_ns", fn({S()}, N()), "time", impl::time_parse_rfc3339_ns));
  t.push_back(decl("time.parse_duration_ns", fn({S()}, N()), "time", impl::time_parse_duration_ns));
  t.push_back(decl("time.format",
                   fn({Type::any_of({N(), Type::array({N(), S()}), Type::array({N(), S(), S()})})}, S()), "time",
                   impl::time_format));
  t.push_back(decl("time.date", fn({ns_or_zoned}, triple), "time", impl::time_date));
  t.push_back(decl("time.clock", fn({ns_or_zoned}, triple), "time", impl::time_clock));
  t.push_back(decl("time.weekday", fn({ns_or_zoned}, S()), "time", impl::time_weekday));
  t.push_back(decl("time.add_date", fn({N(), N(), N(), N()}, N()), "time", impl::time_add_date));
  t.push_back(decl("time.diff", fn({ns_or_zoned, ns_or_zoned}, Type::array({N(), N(), N(), N(), N(), N()})), "time",
                   impl::time_diff));
}


void add_tokens(std::vector<Builtin>& t) {
  Type any_any = any_object();
  Type string_any = Type::object_of(S(), A());
  auto verify = [&](std::string_view name, BuiltinImpl impl) {
    return decl(name, fn({S(), S()}, B()), "tokens", impl);
  };
  t.push_back(decl("io.jwt.decode", fn({S()}, Type::array({any_any, any_any, S()})), "tokens", impl::io_jwt_decode));
  t.push_back(nondeterministic(decl("io.jwt.decode_verify", fn({S(), string_any}, Type::array({B(), any_any, any_any})),
                                    "tokens", impl::io_jwt_decode_verify)));
  t.push_back(verify("io.jwt.verify_rs256", impl::io_jwt_verify_rs256));
  t.push_back(verify("io.jwt.verify_rs384", impl::io_jwt_verify_rs384));
  t.push_back(verify("io.jwt.verify_rs512", impl::io_jwt_verify_rs512));
  t.push_back(verify("io.jwt.verify_ps256", impl::io_jwt_verify_ps256));
  t.push_back(verify("io.jwt.verify_ps384", impl::io_jwt_verify_ps384));
  t.push_back(verify("io.jwt.verify_ps512", impl::io_jwt_verify_ps512));
  t.push_back(verify("io.jwt.verify_es256", impl::io_jwt_verify_es256));
  t.push_back(verify("io.jwt.verify_es384", impl::io_jwt_verify_es384));
  t.push_back(verify("io.jwt.verify_es512", impl::io_jwt_verify_es512));
  t.push_back(verify("io.jwt.verify_eddsa", impl::io_jwt_verify_eddsa));
  t.push_back(verify("io.jwt.verify_hs256", impl::io_jwt_verify_hs256));
  t.push_back(verify("io.jwt.verify_hs384", impl::io_jwt_verify_hs384));
  t.push_back(verify("io.jwt.verify_hs512", impl::io_jwt_verify_hs512));
  t.push_back(nondeterministic(decl("io.jwt.encode_sign", fn({string_any, string_any, string_any}, S()), "tokensign",
                                    impl::io_jwt_encode_sign)));
  t.push_back(nondeterministic(
      decl("io.jwt.encode_sign_raw", fn({S(), S(), S()}, S()), "tokensign", impl::io_jwt_encode_sign_raw)));
}


void add_crypto(std::vector<Builtin>& t) {
  Type string_any = Type::object_of(S(), A());
  Type objects = array_of(string_any);
  Type verified = Type::array({B(), objects});
  auto str_fn = [&](std::string_view name, std::vector<Type> args, Type result, BuiltinImpl impl) {
    return decl(name, fn(std::move(args), std::move(result)), "crypto", impl);
  };
  t.push_back(str_fn("crypto.md5", {S()}, S(), impl::crypto_md5));
  t.push_back(str_fn("crypto.sha1", {S()}, S(), impl::crypto_sha1));
  t.push_back(str_fn("crypto.sha256", {S()}, S(), impl::crypto_sha256));
  t.push_back(str_fn("crypto.hmac.md5", {S(), S()}, S(), impl::crypto_hmac_md5));
  t.push_back(str_fn("crypto.hmac.sha1", {S(), S()}, S(), impl::crypto_hmac_sha1));
  t.push_back(str_fn("crypto.hmac.sha256", {S(), S()}, S(), impl::crypto_hmac_sha256));
  t.push_back(str_fn("crypto.hmac.sha512", {S(), S()}, S(), impl::crypto_hmac_sha512));
  t.push_back(str_fn("crypto.hmac.equal", {S(), S()}, B(), impl::crypto_hmac_equal));
  t.push_back(str_fn("crypto.x509.parse_certificates", {S()}, objects, impl::crypto_x509_parse_certificates));
  t.push_back(str_fn("crypto.x509.parse_and_verify_certificates", {S()}, verified,
                     impl::crypto_x509_parse_and_verify_certificates));
  t.push_back(str_fn("crypto.x509.parse_and_verify_certificates_with_options", {S(), string_any}, verified,
                     impl::crypto_x509_parse_and_verify_certificates_with_options));
  t.push_back(str_fn("crypto.x509.parse_certificate_request", {S()}, string_any,
                     impl::crypto_x509_parse_certificate_request));
  t.push_back(str_fn("crypto.x509.parse_keypair", {S(), S()}, string_any, impl::crypto_x509_parse_keypair));
  t.push_back(str_fn("crypto.x509.parse_rsa_private_key", {S()}, string_any, impl::crypto_x509_parse_rsa_private_key));
  t.push_back(str_fn("crypto.parse_private_keys", {S()}, objects, impl::crypto_parse_private_keys));
}

}  // namespace

void register_security(std::vector<Builtin>& t) {
  add_time(t);
  add_tokens(t);
  add_crypto(t);
  t.push_back(decl("providers.aws.sign_req",
                   fn({Type::object_of(S(), A()), Type::object_of(S(), A()), N()}, any_object()), "providers.aws",
                   impl::providers_aws_sign_req));
  t.push_back(nondeterministic(decl("http.send", fn({Type::object_of(S(), A())}, any_object()), "http", impl::http_send)));
}

}  // namespace arcane::stdlib
