// Crypto: crypto.md5/sha1/sha256, crypto.hmac.*, and the crypto.x509.* / private key
// parsers (topdown/crypto.go).
//
// Inputs are PEM text, or base64 of PEM or DER, decided as OPA decides (a "-----BEGIN"
// prefix means PEM; anything else is base64, whose errors are Go's: the encoding
// group's base64.decode gives them). Certificates come back in the JSON shape of Go's
// x509.Certificate (x509_json.h). Chain verification puts the first certificate as the
// only root, the last as the leaf and the rest as intermediates, then applies Go's rule
// that every certificate's extended key usages allow the requested ones (server
// authentication by default).
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <memory>

#include "runtime/value_builder.h"
#include "stdlib/families_encoding.h"
#include "stdlib/families_security.h"
#include "stdlib/jose_keys.h"
#include "stdlib/operands.h"
#include "stdlib/x509_json.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;
using CertList = std::vector<std::shared_ptr<X509>>;

bool has_prefix(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Go's base64.StdEncoding.DecodeString, error text included.
std::variant<std::string, std::string> base64_std(BuiltinContext& ctx, std::string_view s) {
  Value arg = Value::from_string(s);
  BuiltinResult r = base64_decode(ctx, std::span<const Value>(&arg, 1));
  if (r.is_error()) {
    const std::string& m = r.error().message;
    size_t colon = m.find(": ");
    return std::variant<std::string, std::string>(std::in_place_index<1>, m.substr(colon + 2));
  }
  return std::variant<std::string, std::string>(std::in_place_index<0>, std::string(r.value().string_view()));
}

BuiltinResult hex_digest(std::string_view name, std::string_view md, Args args) {
  if (!args[0].is_string()) return operand_type_error(name, 1, args[0], {"string"});
  return Value::from_string(jose::hex_encode(jose::digest(md, args[0].string_view())));
}

BuiltinResult hex_hmac(std::string_view name, std::string_view md, Args args) {
  if (!args[0].is_string()) return operand_type_error(name, 1, args[0], {"string"});
  if (!args[1].is_string()) return operand_type_error(name, 2, args[1], {"string"});
  return Value::from_string(jose::hex_encode(jose::hmac(md, args[1].string_view(), args[0].string_view())));
}

std::variant<CertList, std::string> certs_from_pem(std::string_view text) {
  std::string der;
  std::string rest(text);
  while (!rest.empty()) {
    std::optional<jose::PemBlock> block = jose::pem_decode(rest);
    if (!block) break;
    if (block->type != "CERTIFICATE") return "PEM block type is '" + block->type + "', expected CERTIFICATE";
    der += block->der;
    rest = block->rest;
  }
  return x509json::parse_der_chain(der);
}

// OPA's getX509CertsFromString.
std::variant<CertList, std::string> certs_from_string(BuiltinContext& ctx, std::string_view input) {
  if (has_prefix(input, "-----BEGIN")) return certs_from_pem(input);
  auto decoded = base64_std(ctx, input);
  if (decoded.index() == 1) return std::get<1>(decoded);
  const std::string& bytes = std::get<0>(decoded);
  if (has_prefix(bytes, "-----BEGIN")) return certs_from_pem(bytes);
  return x509json::parse_der_chain(bytes);
}

Value certs_json(const CertList& certs, bool uri_strings) {
  runtime::ArrayBuilder a(certs.size());
  for (const auto& c : certs) a.push_back(x509json::certificate(c.get(), uri_strings));
  return a.build();
}

Value pair(bool ok, Value v) {
  runtime::ArrayBuilder a(2);
  a.push_back(Value::boolean(ok));
  a.push_back(std::move(v));
  return a.build();
}

struct VerifyOptions {
  std::string dns_name;
  std::optional<int64_t> current_time_ns;
  std::vector<int> key_usages;  // Go's ExtKeyUsage codes; empty means server auth
};

// Go's rule: each certificate with extended key usages must allow a requested one.
bool usages_allowed(X509* cert, const std::vector<int>& wanted) {
  auto* eku = static_cast<EXTENDED_KEY_USAGE*>(X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr));
  if (eku == nullptr) return true;
  bool ok = false;
  for (int i = 0; i < sk_ASN1_OBJECT_num(eku) && !ok; ++i) {
    int nid = OBJ_obj2nid(sk_ASN1_OBJECT_value(eku, i));
    int code = nid == NID_anyExtendedKeyUsage ? 0
               : nid == NID_server_auth       ? 1
               : nid == NID_client_auth       ? 2
               : nid == NID_code_sign         ? 3
               : nid == NID_email_protect     ? 4
               : nid == NID_time_stamp        ? 8
               : nid == NID_OCSP_sign         ? 9
                                              : -1;
    if (code == 0) ok = true;
    for (int w : wanted) ok = ok || w == code;
  }
  EXTENDED_KEY_USAGE_free(eku);
  return ok;
}

// Go refuses signatures made with SHA-1 or MD5 ("insecure algorithm") on every
// certificate whose signature it checks, that is all but the root.
bool insecure_signature(X509* cert) {
  switch (X509_get_signature_nid(cert)) {
    case NID_md2WithRSAEncryption:
    case NID_md5WithRSAEncryption:
    case NID_sha1WithRSAEncryption:
    case NID_dsaWithSHA1:
    case NID_ecdsa_with_SHA1: return true;
    default: return false;
  }
}

std::optional<CertList> verify_chain(const CertList& certs, const VerifyOptions& opts) {
  if (certs.size() < 2) return std::nullopt;
  std::unique_ptr<X509_STORE, void (*)(X509_STORE*)> store(X509_STORE_new(), X509_STORE_free);
  X509_STORE_add_cert(store.get(), certs.front().get());
  std::unique_ptr<STACK_OF(X509), void (*)(STACK_OF(X509)*)> inter(sk_X509_new_null(),
                                                                   [](STACK_OF(X509)* s) { sk_X509_free(s); });
  for (size_t i = 1; i + 1 < certs.size(); ++i) sk_X509_push(inter.get(), certs[i].get());
  std::unique_ptr<X509_STORE_CTX, void (*)(X509_STORE_CTX*)> ctx(X509_STORE_CTX_new(), X509_STORE_CTX_free);
  if (X509_STORE_CTX_init(ctx.get(), store.get(), certs.back().get(), inter.get()) != 1) return std::nullopt;
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
  if (!opts.dns_name.empty()) X509_VERIFY_PARAM_set1_host(param, opts.dns_name.c_str(), opts.dns_name.size());
  if (opts.current_time_ns) X509_VERIFY_PARAM_set_time(param, static_cast<time_t>(*opts.current_time_ns / 1'000'000'000));
  bool ok = X509_verify_cert(ctx.get()) == 1;
  ERR_clear_error();
  if (!ok) return std::nullopt;
  std::vector<int> wanted = opts.key_usages.empty() ? std::vector<int>{1} : opts.key_usages;
  bool any = std::find(wanted.begin(), wanted.end(), 0) != wanted.end();
  CertList chain;
  STACK_OF(X509)* built = X509_STORE_CTX_get0_chain(ctx.get());
  for (int i = 0; i < sk_X509_num(built); ++i) {
    X509* c = sk_X509_value(built, i);
    if (!any && !usages_allowed(c, wanted)) return std::nullopt;
    bool is_root = i + 1 == sk_X509_num(built);
    if (!is_root && insecure_signature(c)) return std::nullopt;
    X509_up_ref(c);
    chain.emplace_back(c, X509_free);
  }
  return chain;
}

std::optional<std::string> verify_options(const Value& options, VerifyOptions& out) {
  static constexpr std::pair<std::string_view, int> kUsages[] = {
      {"KeyUsageAny", 0},           {"KeyUsageServerAuth", 1},
      {"KeyUsageClientAuth", 2},    {"KeyUsageCodeSigning", 3},
      {"KeyUsageEmailProtection", 4}, {"KeyUsageIPSECEndSystem", 5},
      {"KeyUsageIPSECTunnel", 6},   {"KeyUsageIPSECUser", 7},
      {"KeyUsageTimeStamping", 8},  {"KeyUsageOCSPSigning", 9},
      {"KeyUsageMicrosoftServerGatedCrypto", 10}, {"KeyUsageNetscapeServerGatedCrypto", 11},
      {"KeyUsageMicrosoftCommercialCodeSigning", 12}, {"KeyUsageMicrosoftKernelCodeSigning", 13}};
  for (auto entry : options.entries()) {
    if (!entry.key.is_string()) continue;
    std::string_view k = entry.key.string_view();
    const Value& v = entry.value;
    if (k == "DNSName") {
      if (!v.is_string()) return "'DNSName' should be a string";
      out.dns_name = v.string_view();
    } else if (k == "CurrentTime") {
      if (!v.is_number()) return "'CurrentTime' should be a number";
      std::optional<int64_t> ns = literal_int(v.number());
      if (!ns) return "'CurrentTime' should be a valid int64 number";
      out.current_time_ns = *ns;
    } else if (k == "MaxConstraintComparisons") {
      if (!v.is_number()) return "'MaxConstraintComparisons' should be a number";
      if (!literal_int(v.number())) return "'MaxConstraintComparisons' should be a valid number";
    } else if (k == "KeyUsages") {
      if (!v.is_array() && !v.is_set()) return "'KeyUsages' should be an Array or Set";
      std::vector<std::string> invalid;
      for (const Value& u : v.elements()) {
        if (!u.is_string()) continue;
        std::string name(u.string_view());
        auto it = std::find_if(std::begin(kUsages), std::end(kUsages), [&](auto& p) { return p.first == name; });
        if (it != std::end(kUsages)) {
          out.key_usages.push_back(it->second);
        } else {
          invalid.push_back(name);
        }
      }
      if (!invalid.empty()) {
        std::string list;
        for (const std::string& s : invalid) list += (list.empty() ? "" : " ") + s;
        return "invalid entries for 'KeyUsages' found: [" + list + "]";
      }
    } else {
      return "invalid key option";
    }
  }
  return std::nullopt;
}

// OPA's getPrivateKeysFromPEMData.
std::variant<std::vector<std::shared_ptr<EVP_PKEY>>, std::string> private_keys(BuiltinContext& ctx,
                                                                              std::string_view data) {
  std::string text(data);
  auto decoded = base64_std(ctx, text);
  if (decoded.index() == 0) text = std::get<0>(decoded);
  std::vector<std::shared_ptr<EVP_PKEY>> keys;
  while (!text.empty()) {
    std::optional<jose::PemBlock> block = jose::pem_decode(text);
    if (!block) break;
    text = block->rest;
    if (block->type != "RSA PRIVATE KEY" && block->type != "PRIVATE KEY" && block->type != "EC PRIVATE KEY") continue;
    auto key = x509json::parse_private_key(block->type, block->der);
    if (auto* err = std::get_if<std::string>(&key)) return *err;
    keys.push_back(std::get<std::shared_ptr<EVP_PKEY>>(key));
  }
  return keys;
}

// Go's tls.X509KeyPair over PEM (or DER) inputs.
std::variant<Value, std::string> key_pair(std::string_view cert_text, std::string_view key_text) {
  std::string der_chain;
  std::vector<std::string> certs;
  if (has_prefix(cert_text, "-----BEGIN ")) {
    std::string rest(cert_text);
    while (auto block = jose::pem_decode(rest)) {
      if (block->type == "CERTIFICATE") certs.push_back(block->der);
      rest = block->rest;
    }
  } else {
    certs.emplace_back(cert_text);
  }
  if (certs.empty()) return std::string("tls: failed to find any PEM data in certificate input");
  std::shared_ptr<EVP_PKEY> key;
  if (has_prefix(key_text, "-----BEGIN")) {
    std::string rest(key_text);
    while (auto block = jose::pem_decode(rest)) {
      rest = block->rest;
      if (block->type != "PRIVATE KEY" && block->type.size() < 12) continue;
      if (block->type != "PRIVATE KEY" && block->type.substr(block->type.size() - 12) != " PRIVATE KEY") continue;
      for (std::string_view type : {"RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"}) {
        auto parsed = x509json::parse_private_key(type, block->der);
        if (parsed.index() == 0) {
          key = std::get<0>(parsed);
          break;
        }
      }
      if (!key) return std::string("tls: failed to parse private key");
      break;
    }
  } else {
    auto parsed = x509json::parse_private_key("PRIVATE KEY", key_text);
    if (parsed.index() == 0) key = std::get<0>(parsed);
    if (!key) return std::string("tls: failed to parse private key");
  }
  if (!key) return std::string("tls: failed to find any PEM data in key input");
  auto leaf = x509json::parse_der_chain(certs.front());
  if (auto* err = std::get_if<std::string>(&leaf)) return *err;
  X509* cert = std::get<CertList>(leaf).front().get();
  if (EVP_PKEY_eq(X509_get0_pubkey(cert), key.get()) != 1) {
    return std::string("tls: private key does not match public key");
  }
  runtime::ArrayBuilder chain(certs.size());
  for (const std::string& der : certs) {
    std::string b64(4 * ((der.size() + 2) / 3) + 1, '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()),
                            reinterpret_cast<const unsigned char*>(der.data()), static_cast<int>(der.size()));
    b64.resize(static_cast<size_t>(n));
    chain.push_back(Value::from_string(b64));
  }
  runtime::ObjectBuilder o;
  o.insert("Certificate", chain.build());
  o.insert("PrivateKey", x509json::private_key(key.get()));
  o.insert("SupportedSignatureAlgorithms", Value::null());
  o.insert("OCSPStaple", Value::null());
  o.insert("SignedCertificateTimestamps", Value::null());
  o.insert("Leaf", x509json::certificate(cert, false));
  return o.build();
}

}  // namespace

BuiltinResult crypto_md5(BuiltinContext&, Args args) {
  return hex_digest("crypto.md5", "MD5", args);
}
BuiltinResult crypto_sha1(BuiltinContext&, Args args) {
  return hex_digest("crypto.sha1", "SHA1", args);
}
BuiltinResult crypto_sha256(BuiltinContext&, Args args) {
  return hex_digest("crypto.sha256", "SHA256", args);
}
BuiltinResult crypto_hmac_md5(BuiltinContext&, Args args) {
  return hex_hmac("crypto.hmac.md5", "MD5", args);
}
BuiltinResult crypto_hmac_sha1(BuiltinContext&, Args args) {
  return hex_hmac("crypto.hmac.sha1", "SHA1", args);
}
BuiltinResult crypto_hmac_sha256(BuiltinContext&, Args args) {
  return hex_hmac("crypto.hmac.sha256", "SHA256", args);
}
BuiltinResult crypto_hmac_sha512(BuiltinContext&, Args args) {
  return hex_hmac("crypto.hmac.sha512", "SHA512", args);
}

BuiltinResult crypto_hmac_equal(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "crypto.hmac.equal";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  if (!args[1].is_string()) return operand_type_error(kName, 2, args[1], {"string"});
  return Value::boolean(jose::constant_time_equal(args[0].string_view(), args[1].string_view()));
}

BuiltinResult crypto_x509_parse_certificates(BuiltinContext& ctx, Args args) {
  constexpr std::string_view kName = "crypto.x509.parse_certificates";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  auto certs = certs_from_string(ctx, args[0].string_view());
  if (auto* err = std::get_if<std::string>(&certs)) return builtin_error(kName, *err);
  return certs_json(std::get<CertList>(certs), true);
}

BuiltinResult crypto_x509_parse_and_verify_certificates(BuiltinContext& ctx, Args args) {
  constexpr std::string_view kName = "crypto.x509.parse_and_verify_certificates";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  auto certs = certs_from_string(ctx, args[0].string_view());
  if (certs.index() == 1) return pair(false, Value::empty_array());
  std::optional<CertList> chain = verify_chain(std::get<CertList>(certs), VerifyOptions{});
  if (!chain) return pair(false, Value::empty_array());
  return pair(true, certs_json(*chain, true));
}

BuiltinResult crypto_x509_parse_and_verify_certificates_with_options(BuiltinContext& ctx, Args args) {
  constexpr std::string_view kName = "crypto.x509.parse_and_verify_certificates_with_options";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  if (!args[1].is_object()) return operand_type_error(kName, 2, args[1], {"object"});
  auto certs = certs_from_string(ctx, args[0].string_view());
  if (certs.index() == 1) return pair(false, Value::empty_array());
  VerifyOptions opts;
  if (auto err = verify_options(args[1], opts)) return builtin_error(kName, *err);
  std::optional<CertList> chain = verify_chain(std::get<CertList>(certs), opts);
  if (!chain) return pair(false, Value::empty_array());
  return pair(true, certs_json(*chain, false));
}

BuiltinResult crypto_x509_parse_certificate_request(BuiltinContext& ctx, Args args) {
  constexpr std::string_view kName = "crypto.x509.parse_certificate_request";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  std::string bytes(args[0].string_view());
  if (!has_prefix(bytes, "-----BEGIN CERTIFICATE REQUEST-----")) {
    auto decoded = base64_std(ctx, bytes);
    if (decoded.index() == 1) return builtin_error(kName, std::get<1>(decoded));
    bytes = std::get<0>(decoded);
  }
  if (std::optional<jose::PemBlock> block = jose::pem_decode(bytes)) {
    if (block->type != "CERTIFICATE REQUEST") return builtin_error(kName, "invalid PEM-encoded certificate signing request");
    bytes = block->der;
  }
  auto csr = x509json::certificate_request(bytes);
  if (auto* err = std::get_if<std::string>(&csr)) return builtin_error(kName, *err);
  return std::get<Value>(csr);
}

BuiltinResult crypto_x509_parse_keypair(BuiltinContext& ctx, Args args) {
  constexpr std::string_view kName = "crypto.x509.parse_keypair";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  if (!args[1].is_string()) return operand_type_error(kName, 1, args[1], {"string"});  // OPA reports 1 here too
  std::string cert(args[0].string_view()), key(args[1].string_view());
  for (std::string* s : {&cert, &key}) {
    if (has_prefix(*s, "-----BEGIN ")) continue;
    auto decoded = base64_std(ctx, *s);
    if (decoded.index() == 1) return builtin_error(kName, std::get<1>(decoded));
    *s = std::get<0>(decoded);
  }
  auto result = key_pair(cert, key);
  if (auto* err = std::get_if<std::string>(&result)) return builtin_error(kName, *err);
  return std::get<Value>(result);
}

BuiltinResult crypto_x509_parse_rsa_private_key(BuiltinContext& ctx, Args args) {
  constexpr std::string_view kName = "crypto.x509.parse_rsa_private_key";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  std::string pem(args[0].string_view());
  if (pem.empty()) return builtin_error(kName, "input PEM data was empty");
  if (!has_prefix(pem, "-----BEGIN")) {
    auto decoded = base64_std(ctx, pem);
    if (decoded.index() == 1) return builtin_error(kName, std::get<1>(decoded));
    pem = std::get<0>(decoded);
  }
  auto keys = private_keys(ctx, pem);
  if (auto* err = std::get_if<std::string>(&keys)) return builtin_error(kName, *err);
  const auto& list = std::get<0>(keys);
  if (list.empty()) return Value::null();
  return x509json::private_key_jwk(list.front().get());
}

BuiltinResult crypto_parse_private_keys(BuiltinContext& ctx, Args args) {
  constexpr std::string_view kName = "crypto.parse_private_keys";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  if (args[0].string_view().empty()) return Value::null();
  auto keys = private_keys(ctx, args[0].string_view());
  if (auto* err = std::get_if<std::string>(&keys)) return builtin_error(kName, *err);
  runtime::ArrayBuilder a;
  for (const auto& k : std::get<0>(keys)) a.push_back(x509json::private_key(k.get()));
  return a.build();
}

}  // namespace arcane::stdlib::impl
