// Crypto built-ins: digests, HMAC, and the X.509 / private key parsers (expectations
// from OPA's v1 cases).
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

TEST(Crypto, DigestsAndHmac) {
  EXPECT_EQ(show(call("crypto.md5", {str("lorem ipsum")})), R"("80a751fde577028640c419000e33eba6")");
  EXPECT_EQ(show(call("crypto.sha1", {str("lorem ipsum")})), R"("bfb7759a67daeb65410490b4d98bb9da7d1ea2ce")");
  EXPECT_EQ(show(call("crypto.sha256", {str("lorem ipsum")})),
            R"("5e2bf57d3f40c4b6df69daf1936cb766f832374b4fc0259a7cbff06e2f70f269")");
  EXPECT_EQ(show(call("crypto.hmac.sha256", {str("hello"), str("key")})),
            R"("9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b")");
  EXPECT_EQ(show(call("crypto.hmac.equal", {str("a"), str("a")})), "true");
  EXPECT_EQ(show(call("crypto.hmac.equal", {str("a"), str("ab")})), "false");
  EXPECT_EQ(show(call("crypto.md5", {num("1")})), type_error("crypto.md5: operand 1 must be string but got number"));
}


TEST(Crypto, X509InputsAndErrors) {
  EXPECT_EQ(show(call("crypto.x509.parse_certificates", {str("invalid")})),
            builtin_error("crypto.x509.parse_certificates: illegal base64 data at input byte 4"));
  EXPECT_EQ(show(call("crypto.x509.parse_certificates", {str("")})), "[]");
  EXPECT_EQ(show(call("crypto.x509.parse_certificates", {str("-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n")})),
            builtin_error("crypto.x509.parse_certificates: PEM block type is 'FOO', expected CERTIFICATE"));
  EXPECT_EQ(show(call("crypto.x509.parse_and_verify_certificates", {str("invalid")})), "[false,[]]");
  EXPECT_EQ(show(call("crypto.x509.parse_and_verify_certificates_with_options", {str(""), json(R"({"Bogus":1})")})),
            builtin_error("crypto.x509.parse_and_verify_certificates_with_options: invalid key option"));
  EXPECT_EQ(show(call("crypto.x509.parse_and_verify_certificates_with_options",
                      {str(""), json(R"({"KeyUsages":["KeyUsageServerAuth","Nope","Other"]})")})),
            builtin_error("crypto.x509.parse_and_verify_certificates_with_options: invalid entries for 'KeyUsages' "
                          "found: [Nope Other]"));
  EXPECT_EQ(show(call("crypto.x509.parse_certificate_request", {str("invalid")})),
            builtin_error("crypto.x509.parse_certificate_request: illegal base64 data at input byte 4"));
  EXPECT_EQ(show(call("crypto.x509.parse_rsa_private_key", {str("")})),
            builtin_error("crypto.x509.parse_rsa_private_key: input PEM data was empty"));
  EXPECT_EQ(show(call("crypto.parse_private_keys", {str("")})), "null");
  EXPECT_EQ(show(call("crypto.parse_private_keys", {str("no keys here")})), "[]");
  EXPECT_EQ(show(call("crypto.x509.parse_keypair", {str("a"), num("1")})),
            type_error("crypto.x509.parse_keypair: operand 1 must be string but got number"));
}

// A key and certificate made for these tests (openssl req -x509 -newkey ec), checked
// through parse_keypair, parse_certificates and parse_private_keys.
constexpr std::string_view kCert =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIB2jCCAYGgAwIBAgIUboJ92Pk18Xf3Xl4sA+jGki1wDGgwCgYIKoZIzj0EAwIw\n"
    "JzEUMBIGA1UEAwwLYXJjYW5lLnRlc3QxDzANBgNVBAoMBkFyY2FuZTAgFw0yNjEx\n"
    "MjkwNjMzMDBaGA8yMTI2MTEwNTA2MzMwMFowJzEUMBIGA1UEAwwLYXJjYW5lLnRl\n"
    "c3QxDzANBgNVBAoMBkFyY2FuZTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABKsC\n"
    "ksGCroiAznzdRYqQHKa3AVI2POAHNaRbfnKrlYFrAnf/bOtkpG9HXhaRjv6erCuW\n"
    "1+BpkxGK/YOYG+T3uEWjgYgwgYUwHQYDVR0OBBYEFDYVjXG3pq3nV4xHtmF6nkY/\n"
    "LcV7MB8GA1UdIwQYMBaAFDYVjXG3pq3nV4xHtmF6nkY/LcV7MA8GA1UdEwEB/wQF\n"
    "MAMBAf8wMgYDVR0RBCswKYILYXJjYW5lLnRlc3SGFHNwaWZmZTovL2FyY2FuZS90\n"
    "ZXN0hwQKAAABMAoGCCqGSM49BAMCA0cAMEQCIFtVHvh6cJXmek//wJIUMig7M/Q+\n"
    "UqGaKO9mkCzBRi+eAiBwpEyTQeZaq25T6dkjSMKHN8g2zixvqGeCzRwFBU3SfQ==\n"
    "-----END CERTIFICATE-----\n";
constexpr std::string_view kKey =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgQtGBbqT2Y9/Y5XON\n"
    "lx7Sucdfjb0wYkbPR2tyAD4JoKShRANCAASrApLBgq6IgM583UWKkBymtwFSNjzg\n"
    "BzWkW35yq5WBawJ3/2zrZKRvR14WkY7+nqwrltfgaZMRiv2DmBvk97hF\n"
    "-----END PRIVATE KEY-----\n";

TEST(Crypto, CertificatesAsGoJson) {
  BuiltinResult r = call("crypto.x509.parse_certificates", {str(kCert)});
  ASSERT_TRUE(r.has_value()) << show(r);
  const runtime::Value& c = r.value().at(0);
  EXPECT_EQ(show(*c.find("Subject")->find("CommonName")), R"("arcane.test")");
  EXPECT_EQ(show(*c.find("Subject")->find("Organization")), R"(["Arcane"])");
  EXPECT_EQ(show(*c.find("Subject")->find("Names")),
            R"([{"Type":[2,5,4,3],"Value":"arcane.test"},{"Type":[2,5,4,10],"Value":"Arcane"}])");
  EXPECT_EQ(show(*c.find("DNSNames")), R"(["arcane.test"])");
  EXPECT_EQ(show(*c.find("URIStrings")), R"(["spiffe://arcane/test"])");
  EXPECT_EQ(show(*c.find("IPAddresses")), R"(["10.0.0.1"])");
  EXPECT_EQ(show(*c.find("EmailAddresses")), "null");
  EXPECT_EQ(show(*c.find("IsCA")), "true");
  EXPECT_EQ(show(*c.find("MaxPathLen")), "-1");
  EXPECT_EQ(show(*c.find("Version")), "3");
  EXPECT_EQ(show(*c.find("SignatureAlgorithm")), "10");  // ECDSAWithSHA256
  EXPECT_EQ(show(*c.find("PublicKeyAlgorithm")), "3");   // ECDSA
  EXPECT_EQ(show(*c.find("NotBefore")), R"("2026-11-29T06:33:00Z")");
  EXPECT_EQ(show(*c.find("URIs")->at(0).find("Host")), R"("arcane")");

  BuiltinResult pair = call("crypto.x509.parse_keypair", {str(kCert), str(kKey)});
  ASSERT_TRUE(pair.has_value()) << show(pair);
  EXPECT_EQ(pair.value().find("Certificate")->at(0), *c.find("Raw"));
  EXPECT_EQ(show(call("crypto.parse_private_keys", {str(kKey)})).substr(0, 13), R"([{"Curve":{},)");
  EXPECT_EQ(show(call("crypto.x509.parse_keypair", {str(kCert), str(kCert)})),
            builtin_error("crypto.x509.parse_keypair: tls: failed to find any PEM data in key input"));
}

}  // namespace
}  // namespace arcane::stdlib::testing
