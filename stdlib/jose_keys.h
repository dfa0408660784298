// Keys, signatures and digests for the JWT (io.jwt.*) and crypto.* built-ins, all done
// by OpenSSL 3.
//
// OPA reads keys three ways: a PEM certificate or public key (Go's crypto/x509), a JWK
// or JWK set (lestrrat-go/jwx), or an HMAC secret. Each becomes a Key here, which
// remembers whether it is public or private because OPA's verify_* built-ins refuse a
// private key where Go wants a *rsa.PublicKey, while decode_verify (jwx) accepts either.
// Signing and verification follow the JWS algorithms (RFC 7518): PKCS#1 v1.5, PSS (salt
// length recovered on verification, as Go's rsa.VerifyPSS with nil options), ECDSA with
// r||s signatures, Ed25519, and HMAC.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "runtime/value.h"

struct evp_pkey_st;

namespace arcane::stdlib::jose {

enum class KeyType { kRsa, kEc, kEd25519, kOct, kOther };

struct Key {
  KeyType type = KeyType::kOther;
  bool is_private = false;
  std::shared_ptr<evp_pkey_st> pkey;  // asymmetric keys
  std::string secret;                 // kOct
  std::string alg, kid;               // from a JWK, when given
};

// A JWK object or a JWK set ({"keys": [...]}) as text; the error is jwx-like.
std::variant<std::vector<Key>, std::string> parse_jwk_text(std::string_view text);
// OPA's getKeysFromCertOrJWK: a PEM certificate or public key, else a JWK (set). Keys of
// a set whose "alg" OPA does not know are dropped. The error is OPA's text.
std::variant<std::vector<Key>, std::string> keys_from_cert_or_jwk(std::string_view text);

// The JWS algorithms OPA knows (RS256 ... EdDSA).
bool known_algorithm(std::string_view alg);

// Verifies a JWS signature. `public_only`: a private key is the wrong type (OPA's
// verify_* built-ins); `strict_ecdsa`: an ECDSA signature must be exactly twice the
// curve size (jwx).
bool verify(const Key& key, std::string_view alg, std::string_view data, std::string_view signature,
            bool public_only, bool strict_ecdsa);
// Signs data for a JWS; the error names what was wrong with the key.
std::variant<std::string, std::string> sign(const Key& key, std::string_view alg, std::string_view data);

// Message digests and HMAC by OpenSSL name ("MD5", "SHA1", "SHA256", "SHA384", "SHA512").
std::string digest(std::string_view md, std::string_view data);
std::string hmac(std::string_view md, std::string_view key, std::string_view data);
bool constant_time_equal(std::string_view a, std::string_view b);

// Base64 (std or URL alphabet, padded or not) through OpenSSL's decoder; nullopt if the
// text is not base64.
std::optional<std::string> base64_decode_any(std::string_view text);
std::string base64url_encode(std::string_view data);  // unpadded
std::string hex_encode(std::string_view data);

// The first PEM block of text: its type ("CERTIFICATE"), DER bytes and what follows.
struct PemBlock {
  std::string type;
  std::string der;
  std::string rest;
};
std::optional<PemBlock> pem_decode(std::string_view text);

}  // namespace arcane::stdlib::jose
