// JWT built-ins: decoding, verification with PEM and JWK keys, decode_verify's
// constraints and claims, and signing round trips (expectations from OPA's v1 cases).
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

constexpr std::string_view kHs256Token =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwiaXNzIjoib3BhIn0.XmVoLoHI3pxMtMO_WRONMSJzGUDP9pDjy8Jp0_tdRXY";
constexpr std::string_view kOctKey =
    R"({"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"})";
// RFC 7515 appendix A.2's RSA key, private and public.
constexpr std::string_view kRsaPrivate =
    R"({"d": "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOo)"
    R"(AJe46sui395IW_GO-pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M_V51gfpRLI9JY)"
    R"(anrC4D4qAdGcopV_0ZHHzQlBjudU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLhBOn)"
    R"(eufuBiB4cS98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ", "dp": "BwKfV3Akq5_MFZDFZCnW-wzl-CCo83WoZvnLQwCTe)"
    R"(Dv8uzluRSnm71I3QCLdhrqE2e9YkxvuxdBfpT_PI7Yz-FOKnu1R6HsJeDCjn12Sk3vmAktV2zb34MCdy7cpdTh_YVr7tss2u6vne)"
    R"(TwrA86rZtu5Mbr1C1XsmvkxHQAdYo0", "dq": "h_96-mK1R_7glhsum81dZxjTnYynPbZpHziZjeeHcXYsXaaMwkOlODsWa7I9)"
    R"(xXDoRwbKgB719rrmI2oKr6N3Do9U0ajaHF-NKJnwgjMd2w9cjz3_-kyNlxAr2v4IKhGNpmM5iIgOS1VZnOZ68m6_pbLBSp3nssTd)"
    R"(lqvd0tIiTHU", "e": "AQAB", "kty": "RSA", "n": "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26)"
    R"(mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzj)"
    R"(b_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwK)"
    R"(h9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ", "p": "4B)"
    R"(zEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdiYrqBdss1l58BQ3KhooKeQTa9AB0Hw_Py5PJdTJNPY8cQ)"
    R"(n7ouZ2KKDcmnPGBY5t7yLc1QlQ5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc", "q": "uQPEfgmVtjL0Uyyx88GZFF)"
    R"(1fOunH3-7cepKmtH4pxhtCoHqpWmT8YAmZxaewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQeZD_YwD66t62wDmpe_HlB-TnBA-njbgl)"
    R"(fIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc", "qi": "IYd7DHOhrWvxkwPQsRM2tOgrjbcrfvtQJipd-Dlcx)"
    R"(yVuuM9sQLdgjVk2oy26F0EmpScGLq2MowX7fhd_QJQ3ydy5cY7YIBi87w93IKLEdfnbJtoOPLUW0ITrJReOgo1cq9SbsxYawBgfp)"
    R"(_gh6A5603k2-ZQwVK0JKSHuLFkuQ3U"})";
constexpr std::string_view kRsaPublic =
    R"({"kty":"RSA","n":"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPM)"
    R"(EzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5)"
    R"(rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-D)"
    R"(WNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ","e":"AQAB"})";
// A P-256 key made for these tests.
constexpr std::string_view kEcPrivate =
    R"({"kty":"EC","crv":"P-256","x":"fc9Qw0PEvoJrptvksapW0mBRhvoIrrrKRwMCJhWeDhI",)"
    R"("y":"XZVca5uURyJOFcX-mycQz4Hj_TFd3UUowHiwTTVmHPw","d":"gKR_ohanPHeJ9l75ob_E9E1l_v0D_nf-F92YqmYIGUo"})";
constexpr std::string_view kEcPublic =
    R"({"kty":"EC","crv":"P-256","x":"fc9Qw0PEvoJrptvksapW0mBRhvoIrrrKRwMCJhWeDhI",)"
    R"("y":"XZVca5uURyJOFcX-mycQz4Hj_TFd3UUowHiwTTVmHPw"})";
constexpr std::string_view kEdPublicPem =
    "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAwmK6SSAu2E9V7uynkCKEaj5nZJyTvNG4x0KohsRzLpg=\n-----END PUBLIC KEY-----";

std::string signed_token(std::string_view alg, std::string_view jwk) {
  BuiltinResult r = call("io.jwt.encode_sign_raw",
                         {str(R"({"alg":")" + std::string(alg) + R"(","typ":"JWT"})"), str(R"({"iss":"opa"})"), str(jwk)});
  EXPECT_TRUE(r.has_value()) << show(r);
  return r.has_value() ? std::string(r.value().string_view()) : std::string();
}

TEST(Tokens, Decode) {
  EXPECT_EQ(show(call("io.jwt.decode", {str(kHs256Token)})),
            R"([{"alg":"HS256","typ":"JWT"},{"iss":"opa","sub":"0"},)"
            R"("5e65682e81c8de9c4cb4c3bf59138d3122731940cff690e3cbc269d3fb5d4576"])");
  EXPECT_EQ(show(call("io.jwt.decode", {str("abc")})),
            builtin_error("io.jwt.decode: encoded JWT had no period separators"));
  EXPECT_EQ(show(call("io.jwt.decode", {str("a.b")})),
            builtin_error("io.jwt.decode: encoded JWT must have 3 sections, found 2"));
  EXPECT_EQ(show(call("io.jwt.decode", {str("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e.x")})),
            builtin_error("io.jwt.decode: JWT payload had invalid encoding: illegal base64url string: e"));
  EXPECT_EQ(show(call("io.jwt.decode", {num("1")})), type_error("io.jwt.decode: operand 1 must be string but got number"));
}

TEST(Tokens, VerifyHmac) {
  EXPECT_EQ(show(call("io.jwt.verify_hs256", {str(kHs256Token), str("secret")})), "true");
  EXPECT_EQ(show(call("io.jwt.verify_hs256", {str(kHs256Token), str("wrong")})), "false");
  EXPECT_EQ(show(call("io.jwt.verify_hs384", {str(kHs256Token), str("secret")})), "false");
}

TEST(Tokens, SignAndVerifyRoundTrips) {
  std::string es = signed_token("ES256", kEcPrivate);
  EXPECT_EQ(show(call("io.jwt.verify_es256", {str(es), str(kEcPublic)})), "true");
  EXPECT_EQ(show(call("io.jwt.verify_es256", {str(es), str(kEcPrivate)})), "false");  // a private key is the wrong type
  EXPECT_EQ(show(call("io.jwt.verify_rs256", {str(es), str(kEcPublic)})), "false");
  std::string ps = signed_token("PS384", kRsaPrivate);
  EXPECT_EQ(show(call("io.jwt.verify_ps384", {str(ps), str(kRsaPublic)})), "true");
  EXPECT_EQ(show(call("io.jwt.verify_ps256", {str(ps), str(kRsaPublic)})), "false");
  std::string rs = signed_token("RS512", kRsaPrivate);
  EXPECT_EQ(show(call("io.jwt.verify_rs512", {str(rs), str(kRsaPublic)})), "true");
  runtime::ObjectBuilder cert;
  cert.insert("cert", str(kRsaPublic));
  EXPECT_EQ(show(call("io.jwt.decode_verify", {str(rs), cert.build()})),
            R"([true,{"alg":"RS512","typ":"JWT"},{"iss":"opa"}])");
  std::string hs = signed_token("HS256", kOctKey);
  EXPECT_EQ(show(call("io.jwt.decode_verify", {str(hs), json(R"({"secret":"nope"})")})), "[false,{},{}]");
}

TEST(Tokens, EncodeSignIsOpas) {
  EXPECT_EQ(show(call("io.jwt.encode_sign", {json(R"({"alg":"HS256","typ":"JWT"})"), json("{}"), json(kOctKey)})),
            R"("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.6cvao8lnOu6FAdK68jQFcDMXOmaWNwWiYhCgijd-AD8")");
  EXPECT_EQ(show(call("io.jwt.encode_sign_raw", {str("e"), str("{}"), str(kOctKey)})),
            builtin_error(R"(io.jwt.encode_sign_raw: missing or invalid 'alg' header: jwsbb: header "alg" not found)"));
  EXPECT_EQ(show(call("io.jwt.encode_sign_raw", {str(""), str("{}"), str(kOctKey)})),
            builtin_error("io.jwt.encode_sign_raw: missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string"));
  EXPECT_EQ(show(call("io.jwt.encode_sign_raw", {str(R"({"alg":"dummy"})"), str("{}"), str(kOctKey)})),
            builtin_error("io.jwt.encode_sign_raw: unknown JWS algorithm: dummy"));
  EXPECT_EQ(show(call("io.jwt.encode_sign_raw", {str(R"({"alg":"HS256"})"), str("not json"), str(kOctKey)})),
            builtin_error("io.jwt.encode_sign_raw: type is JWT but payload is not JSON"));
  EXPECT_EQ(show(call("io.jwt.encode_sign_raw", {str(R"({"alg":"HS256"})"), str("{}"), num("1")})),
            type_error("io.jwt.encode_sign_raw: operand 3 must be string but got number"));
}

TEST(Tokens, VerifyEdDsaWithPem) {
  EXPECT_EQ(show(call("io.jwt.verify_eddsa",
                      {str("eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRta"
                           "W4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.JkKWCY39IdWEQttmdqR7VdsvT-_QxheW_eb0S5wr_j83ltux_JDUIXs7a3Dtn3"
                           "xuqzuhetiuJrWIvy5TzimeCg"),
                       str(kEdPublicPem)})),
            "true");
  EXPECT_EQ(show(call("io.jwt.verify_eddsa", {str(kHs256Token), str(std::string(kEdPublicPem) + "\nextra")})),
            builtin_error("io.jwt.verify_eddsa: extra data after a PEM certificate block"));
  EXPECT_EQ(show(call("io.jwt.verify_rs256", {str(kHs256Token), str("-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n")})),
            builtin_error("io.jwt.verify_rs256: failed to extract a Key from the PEM certificate"));
}

TEST(Tokens, DecodeVerifyConstraints) {
  auto dv = [](std::string_view constraints) {
    return show(call("io.jwt.decode_verify", {str(kHs256Token), json(constraints)}));
  };
  EXPECT_EQ(dv(R"({"secret":"secret"})"), R"([true,{"alg":"HS256","typ":"JWT"},{"iss":"opa","sub":"0"}])");
  EXPECT_EQ(dv(R"({"secret":"secret","iss":"opa"})"), R"([true,{"alg":"HS256","typ":"JWT"},{"iss":"opa","sub":"0"}])");
  EXPECT_EQ(dv(R"({"secret":"secret","iss":"other"})"), "[false,{},{}]");
  EXPECT_EQ(dv(R"({"secret":"secret","aud":"x"})"), "[false,{},{}]");
  EXPECT_EQ(dv(R"({"secret":"secret","alg":"RS256"})"), "[false,{},{}]");
  EXPECT_EQ(dv("{}"), builtin_error("io.jwt.decode_verify: no key constraint"));
  EXPECT_EQ(dv(R"({"secret":"s","cert":"{\"kty\":\"oct\",\"k\":\"AA\"}"})"),
            builtin_error("io.jwt.decode_verify: duplicate key constraints"));
  EXPECT_EQ(dv(R"({"secret":"s","bogus":1})"), builtin_error("io.jwt.decode_verify: unknown token validation constraint: bogus"));
  EXPECT_EQ(dv(R"({"secret":"s","time":-1})"), builtin_error("io.jwt.decode_verify: token time constraint: must not be negative"));
  EXPECT_EQ(dv(R"({"secret":1})"), builtin_error("io.jwt.decode_verify: secret constraint: must be a string"));
  EXPECT_EQ(show(call("io.jwt.decode_verify", {str(kHs256Token), str("x")})),
            type_error("io.jwt.decode_verify: operand 2 must be object but got string"));
}

}  // namespace
}  // namespace arcane::stdlib::testing
