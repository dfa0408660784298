// X.509 certificates, certificate requests and private keys as OPA returns them: the
// JSON that Go's encoding/json writes for x509.Certificate, x509.CertificateRequest,
// tls.Certificate and crypto private keys, read back as Rego values.
//
// The field names and shapes are Go's: byte slices are base64 strings, big integers are
// numbers, names are pkix.Name objects ({"CommonName", "Country", ..., "Names"}), OIDs are
// arrays of integers, enumerations (SignatureAlgorithm, KeyUsage, ExtKeyUsage) are Go's
// integer constants, nil slices are null. Parsing is OpenSSL's.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "runtime/value.h"

struct x509_st;
struct evp_pkey_st;

namespace arcane::stdlib::x509json {

// Go's x509.ParseCertificates over concatenated DER; the error is Go-like.
std::variant<std::vector<std::shared_ptr<x509_st>>, std::string> parse_der_chain(std::string_view der);

// A certificate as Go's JSON; `uri_strings` adds OPA's "URIStrings" field.
runtime::Value certificate(x509_st* cert, bool uri_strings);
// A DER certificate request as Go's JSON, or the parse error.
std::variant<runtime::Value, std::string> certificate_request(std::string_view der);

// A private key as Go's json.Marshal writes crypto.PrivateKey.
runtime::Value private_key(evp_pkey_st* key);
// A private key as a JWK (OPA's crypto.x509.parse_rsa_private_key).
runtime::Value private_key_jwk(evp_pkey_st* key);

// Go's x509.ParsePKCS1PrivateKey / ParsePKCS8PrivateKey / ParseECPrivateKey by PEM type.
std::variant<std::shared_ptr<evp_pkey_st>, std::string> parse_private_key(std::string_view pem_type,
                                                                         std::string_view der);

}  // namespace arcane::stdlib::x509json
