// The implementation functions of the security group (registry_security.cc), internal to stdlib/.
#pragma once

#include "stdlib/families.h"

namespace arcane::stdlib::impl {

// time.cc
BuiltinResult time_now_ns(BuiltinContext& ctx, Args args);
BuiltinResult time_parse_ns(BuiltinContext& ctx, Args args);
BuiltinResult time_parse_rfc3339_ns(BuiltinContext& ctx, Args args);
BuiltinResult time_parse_duration_ns(BuiltinContext& ctx, Args args);
BuiltinResult time_format(BuiltinContext& ctx, Args args);
BuiltinResult time_date(BuiltinContext& ctx, Args args);
BuiltinResult time_clock(BuiltinContext& ctx, Args args);
BuiltinResult time_weekday(BuiltinContext& ctx, Args args);
BuiltinResult time_add_date(BuiltinContext& ctx, Args args);
BuiltinResult time_diff(BuiltinContext& ctx, Args args);

// tokens.cc
BuiltinResult io_jwt_decode(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_decode_verify(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_rs256(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_rs384(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_rs512(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_ps256(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_ps384(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_ps512(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_es256(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_es384(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_es512(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_eddsa(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_hs256(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_hs384(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_verify_hs512(BuiltinContext& ctx, Args args);

// tokensign.cc
BuiltinResult io_jwt_encode_sign(BuiltinContext& ctx, Args args);
BuiltinResult io_jwt_encode_sign_raw(BuiltinContext& ctx, Args args);

// crypto.cc
BuiltinResult crypto_md5(BuiltinContext& ctx, Args args);
BuiltinResult crypto_sha1(BuiltinContext& ctx, Args args);
BuiltinResult crypto_sha256(BuiltinContext& ctx, Args args);
BuiltinResult crypto_hmac_md5(BuiltinContext& ctx, Args args);
BuiltinResult crypto_hmac_sha1(BuiltinContext& ctx, Args args);
BuiltinResult crypto_hmac_sha256(BuiltinContext& ctx, Args args);
BuiltinResult crypto_hmac_sha512(BuiltinContext& ctx, Args args);
BuiltinResult crypto_hmac_equal(BuiltinContext& ctx, Args args);
BuiltinResult crypto_x509_parse_certificates(BuiltinContext& ctx, Args args);
BuiltinResult crypto_x509_parse_and_verify_certificates(BuiltinContext& ctx, Args args);
BuiltinResult crypto_x509_parse_and_verify_certificates_with_options(BuiltinContext& ctx, Args args);
BuiltinResult crypto_x509_parse_certificate_request(BuiltinContext& ctx, Args args);
BuiltinResult crypto_x509_parse_keypair(BuiltinContext& ctx, Args args);
BuiltinResult crypto_x509_parse_rsa_private_key(BuiltinContext& ctx, Args args);
BuiltinResult crypto_parse_private_keys(BuiltinContext& ctx, Args args);

// providers_aws.cc
BuiltinResult providers_aws_sign_req(BuiltinContext& ctx, Args args);

}  // namespace arcane::stdlib::impl
