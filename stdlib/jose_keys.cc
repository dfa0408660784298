// JWK/PEM keys, JWS signatures, digests and base64 through OpenSSL 3 (see jose_keys.h).
#include "stdlib/jose_keys.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "runtime/json_reader.h"

namespace arcane::stdlib::jose {

namespace {

using runtime::Value;

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;

std::shared_ptr<EVP_PKEY> share(EVP_PKEY* p) {
  return std::shared_ptr<EVP_PKEY>(p, EVP_PKEY_free);
}

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

KeyType type_of(EVP_PKEY* p) {
  switch (EVP_PKEY_get_base_id(p)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS: return KeyType::kRsa;
    case EVP_PKEY_EC: return KeyType::kEc;
    case EVP_PKEY_ED25519: return KeyType::kEd25519;
    default: return KeyType::kOther;
  }
}

BnPtr bignum(std::string_view be) {
  return BnPtr(BN_bin2bn(bytes(be), static_cast<int>(be.size()), nullptr));
}

EVP_PKEY* from_params(const char* type, OSSL_PARAM_BLD* bld, bool is_private) {
  ParamPtr params(OSSL_PARAM_BLD_to_param(bld));
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* pkey = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &pkey, is_private ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    ERR_clear_error();
    return nullptr;
  }
  return pkey;
}

// A base64url member of a JWK, decoded; nullopt when absent or not base64.
std::optional<std::string> member(const Value& jwk, std::string_view name) {
  const Value* v = jwk.find(name);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return base64_decode_any(v->string_view());
}

std::variant<Key, std::string> rsa_from_jwk(const Value& jwk, Key key) {
  auto n = member(jwk, "n"), e = member(jwk, "e");
  if (!n || !e) return std::string(R"(failed to parse key: required field "n" or "e" is missing or invalid)");
  auto d = member(jwk, "d");
  ParamBldPtr bld(OSSL_PARAM_BLD_new());
  std::vector<BnPtr> keep;
  auto push = [&](const char* param, const std::string& be) {
    keep.push_back(bignum(be));
    OSSL_PARAM_BLD_push_BN(bld.get(), param, keep.back().get());
  };
  push(OSSL_PKEY_PARAM_RSA_N, *n);
  push(OSSL_PKEY_PARAM_RSA_E, *e);
  if (d) {
    push(OSSL_PKEY_PARAM_RSA_D, *d);
    static constexpr std::pair<const char*, const char*> kFactors[] = {
        {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},   {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},
        {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1}, {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2},
        {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1}};
    auto p = member(jwk, "p"), q = member(jwk, "q");
    if (p && q) {
      for (const auto& [name, param] : kFactors) {
        if (auto v = member(jwk, name)) push(param, *v);
      }
    }
  }
  EVP_PKEY* pkey = from_params("RSA", bld.get(), d.has_value());
  if (pkey == nullptr) return std::string("failed to parse key: invalid RSA key");
  key.type = KeyType::kRsa;
  key.is_private = d.has_value();
  key.pkey = share(pkey);
  return key;
}

std::variant<Key, std::string> ec_from_jwk(const Value& jwk, Key key) {
  const Value* crv = jwk.find("crv");
  std::string_view curve = crv != nullptr && crv->is_string() ? crv->string_view() : "";
  size_t size = curve == "P-256" ? 32 : curve == "P-384" ? 48 : curve == "P-521" ? 66 : 0;
  if (size == 0) return "failed to parse key: invalid curve algorithm " + std::string(curve);
  auto x = member(jwk, "x"), y = member(jwk, "y");
  if (!x || !y || x->size() > size || y->size() > size) return std::string("failed to parse key: invalid EC point");
  std::string point(1, '\x04');
  point += std::string(size - x->size(), '\0') + *x + std::string(size - y->size(), '\0') + *y;
  auto d = member(jwk, "d");
  ParamBldPtr bld(OSSL_PARAM_BLD_new());
  std::string group(curve);
  OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group.c_str(), 0);
  OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
  BnPtr priv;
  if (d) {
    priv = bignum(*d);
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, priv.get());
  }
  EVP_PKEY* pkey = from_params("EC", bld.get(), d.has_value());
  if (pkey == nullptr) return std::string("failed to parse key: invalid EC key");
  key.type = KeyType::kEc;
  key.is_private = d.has_value();
  key.pkey = share(pkey);
  return key;
}

std::variant<Key, std::string> okp_from_jwk(const Value& jwk, Key key) {
  const Value* crv = jwk.find("crv");
  if (crv == nullptr || !crv->is_string() || crv->string_view() != "Ed25519") {
    return std::string("failed to parse key: unsupported curve for OKP key");
  }
  auto x = member(jwk, "x"), d = member(jwk, "d");
  EVP_PKEY* pkey = nullptr;
  if (d) {
    pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(*d), d->size());
  } else if (x) {
    pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(*x), x->size());
  }
  if (pkey == nullptr) {
    ERR_clear_error();
    return std::string("failed to parse key: invalid Ed25519 key");
  }
  key.type = KeyType::kEd25519;
  key.is_private = d.has_value();
  key.pkey = share(pkey);
  return key;
}

std::variant<Key, std::string> key_from_jwk(const Value& jwk) {
  if (!jwk.is_object()) return std::string("failed to parse key: expected a JSON object");
  Key key;
  if (const Value* alg = jwk.find("alg"); alg != nullptr && alg->is_string()) key.alg = alg->string_view();
  if (const Value* kid = jwk.find("kid"); kid != nullptr && kid->is_string()) key.kid = kid->string_view();
  const Value* kty = jwk.find("kty");
  if (kty == nullptr || !kty->is_string()) return std::string(R"(failed to parse key: required field "kty" is missing)");
  std::string_view t = kty->string_view();
  if (t == "RSA") return rsa_from_jwk(jwk, std::move(key));
  if (t == "EC") return ec_from_jwk(jwk, std::move(key));
  if (t == "OKP") return okp_from_jwk(jwk, std::move(key));
  if (t == "oct") {
    auto k = member(jwk, "k");
    if (!k) return std::string(R"(failed to parse key: required field "k" is missing)");
    key.type = KeyType::kOct;
    key.secret = std::move(*k);
    return key;
  }
  return "failed to parse key: invalid key type from JSON (" + std::string(t) + ")";
}

const EVP_MD* md_for(std::string_view alg) {
  std::string_view bits = alg.size() >= 5 ? alg.substr(2) : "";
  if (bits == "256") return EVP_sha256();
  if (bits == "384") return EVP_sha384();
  if (bits == "512") return EVP_sha512();
  return nullptr;
}

bool set_pss(EVP_PKEY_CTX* pctx, const EVP_MD* md, int saltlen) {
  return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, saltlen) == 1 && EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, md) == 1;
}

bool verify_with(EVP_PKEY* pkey, const EVP_MD* md, bool pss, std::string_view data, std::string_view sig) {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  bool ok = EVP_DigestVerifyInit(ctx.get(), &pctx, md, nullptr, pkey) == 1 &&
            (!pss || set_pss(pctx, md, RSA_PSS_SALTLEN_AUTO)) &&
            EVP_DigestVerify(ctx.get(), bytes(sig), sig.size(), bytes(data), data.size()) == 1;
  ERR_clear_error();
  return ok;
}

std::optional<std::string> sign_with(EVP_PKEY* pkey, const EVP_MD* md, bool pss, std::string_view data) {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  size_t len = 0;
  if (EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, pkey) != 1 || (pss && !set_pss(pctx, md, RSA_PSS_SALTLEN_DIGEST)) ||
      EVP_DigestSign(ctx.get(), nullptr, &len, bytes(data), data.size()) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  std::string out(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, bytes(data), data.size()) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

size_t ec_size(EVP_PKEY* pkey) {
  return (static_cast<size_t>(EVP_PKEY_get_bits(pkey)) + 7) / 8;
}

bool verify_ecdsa(EVP_PKEY* pkey, const EVP_MD* md, std::string_view data, std::string_view sig, bool strict) {
  size_t n = sig.size() / 2;
  if (strict && sig.size() != 2 * ec_size(pkey)) return false;
  EcdsaSigPtr es(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(bytes(sig), static_cast<int>(n), nullptr);
  BIGNUM* s = BN_bin2bn(bytes(sig.substr(n)), static_cast<int>(sig.size() - n), nullptr);
  ECDSA_SIG_set0(es.get(), r, s);
  unsigned char* der = nullptr;
  int len = i2d_ECDSA_SIG(es.get(), &der);
  if (len <= 0) return false;
  std::string der_sig(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return verify_with(pkey, md, false, data, der_sig);
}

std::optional<std::string> sign_ecdsa(EVP_PKEY* pkey, const EVP_MD* md, std::string_view data) {
  std::optional<std::string> der = sign_with(pkey, md, false, data);
  if (!der) return std::nullopt;
  const unsigned char* p = bytes(*der);
  EcdsaSigPtr es(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der->size())));
  if (!es) return std::nullopt;
  size_t size = ec_size(pkey);
  std::string out(2 * size, '\0');
  auto* buf = reinterpret_cast<unsigned char*>(out.data());
  BN_bn2binpad(ECDSA_SIG_get0_r(es.get()), buf, static_cast<int>(size));
  BN_bn2binpad(ECDSA_SIG_get0_s(es.get()), buf + size, static_cast<int>(size));
  return out;
}

}  // namespace

// ---- base64, hex, digests ----

std::optional<std::string> base64_decode_any(std::string_view text) {
  std::string s(text);
  while (!s.empty() && s.back() == '=') s.pop_back();
  for (char& c : s) {
    if (c == '-') c = '+';
    if (c == '_') c = '/';
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    if (!ok) return std::nullopt;
  }
  if (s.size() % 4 == 1) return std::nullopt;
  size_t pad = (4 - s.size() % 4) % 4;
  s.append(pad, '=');
  std::string out(s.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes(s), static_cast<int>(s.size()));
  if (n < 0) return std::nullopt;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

std::string base64url_encode(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes(data), static_cast<int>(data.size()));
  out.resize(static_cast<size_t>(n));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return out;
}

std::string hex_encode(std::string_view data) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(data.size() * 2);
  for (unsigned char c : data) {
    out += kDigits[c >> 4];
    out += kDigits[c & 0xF];
  }
  return out;
}

std::string digest(std::string_view md, std::string_view data) {
  const EVP_MD* m = EVP_get_digestbyname(std::string(md).c_str());
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (m == nullptr || EVP_Digest(data.data(), data.size(), out, &len, m, nullptr) != 1) return {};
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string hmac(std::string_view md, std::string_view key, std::string_view data) {
  const EVP_MD* m = EVP_get_digestbyname(std::string(md).c_str());
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (m == nullptr ||
      HMAC(m, key.data(), static_cast<int>(key.size()), bytes(data), data.size(), out, &len) == nullptr) {
    return {};
  }
  return std::string(reinterpret_cast<char*>(out), len);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

// ---- keys ----

std::optional<PemBlock> pem_decode(std::string_view text) {
  BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
  char* name = nullptr;
  char* header = nullptr;
  unsigned char* data = nullptr;
  long len = 0;
  if (PEM_read_bio(bio.get(), &name, &header, &data, &len) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  PemBlock block{name, std::string(reinterpret_cast<char*>(data), static_cast<size_t>(len)), {}};
  OPENSSL_free(name);
  OPENSSL_free(header);
  OPENSSL_free(data);
  char* rest = nullptr;
  long rest_len = BIO_get_mem_data(bio.get(), &rest);
  if (rest_len > 0) block.rest.assign(rest, static_cast<size_t>(rest_len));
  return block;
}

std::variant<std::vector<Key>, std::string> parse_jwk_text(std::string_view text) {
  runtime::Result<Value> parsed = runtime::parse_json(std::string(text));
  if (!parsed.ok()) return std::string("failed to unmarshal JSON into key hint: invalid JSON");
  const Value& v = parsed.value();
  std::vector<Key> keys;
  if (v.is_object() && v.find("keys") != nullptr) {
    const Value* set = v.find("keys");
    if (!set->is_array()) return std::string(R"(failed to parse JWK set: "keys" must be an array)");
    for (const Value& k : set->elements()) {
      auto key = key_from_jwk(k);
      if (auto* err = std::get_if<std::string>(&key)) return "failed to parse key #" + std::to_string(keys.size()) + ": " + *err;
      keys.push_back(std::get<Key>(std::move(key)));
    }
    return keys;
  }
  auto key = key_from_jwk(v);
  if (auto* err = std::get_if<std::string>(&key)) return *err;
  keys.push_back(std::get<Key>(std::move(key)));
  return keys;
}

bool known_algorithm(std::string_view alg) {
  static constexpr std::string_view kAlgs[] = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
                                               "ES384", "ES512", "HS256", "HS384", "HS512", "EdDSA"};
  for (std::string_view a : kAlgs) {
    if (a == alg) return true;
  }
  return false;
}

std::variant<std::vector<Key>, std::string> keys_from_cert_or_jwk(std::string_view text) {
  if (std::optional<PemBlock> block = pem_decode(text)) {
    if (!block->rest.empty()) return std::string("extra data after a PEM certificate block");
    const unsigned char* p = bytes(block->der);
    EVP_PKEY* pkey = nullptr;
    if (block->type == "CERTIFICATE") {
      X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(block->der.size())));
      if (!cert) {
        ERR_clear_error();
        return std::string("failed to parse a PEM certificate: x509: malformed certificate");
      }
      pkey = X509_get_pubkey(cert.get());
    } else if (block->type == "PUBLIC KEY") {
      pkey = d2i_PUBKEY(nullptr, &p, static_cast<long>(block->der.size()));
      if (pkey == nullptr) {
        ERR_clear_error();
        return std::string("failed to parse a PEM public key: asn1: structure error");
      }
    } else {
      return std::string("failed to extract a Key from the PEM certificate");
    }
    if (pkey == nullptr) return std::string("failed to parse a PEM certificate: x509: unsupported public key");
    Key key;
    key.pkey = share(pkey);
    key.type = type_of(pkey);
    return std::vector<Key>{std::move(key)};
  }
  auto parsed = parse_jwk_text(text);
  if (auto* err = std::get_if<std::string>(&parsed)) return "failed to parse a JWK key (set): " + *err;
  std::vector<Key> keys;
  for (Key& k : std::get<std::vector<Key>>(parsed)) {
    if (!k.alg.empty() && !known_algorithm(k.alg)) continue;
    keys.push_back(std::move(k));
  }
  return keys;
}

// ---- signatures ----

bool verify(const Key& key, std::string_view alg, std::string_view data, std::string_view signature,
            bool public_only, bool strict_ecdsa) {
  if (public_only && key.is_private) return false;
  if (alg == "EdDSA") {
    return key.type == KeyType::kEd25519 && verify_with(key.pkey.get(), nullptr, false, data, signature);
  }
  const EVP_MD* md = md_for(alg);
  if (md == nullptr) return false;
  switch (alg[0]) {
    case 'H':
      return key.type == KeyType::kOct && constant_time_equal(signature, hmac(EVP_MD_get0_name(md), key.secret, data));
    case 'R':
    case 'P': return key.type == KeyType::kRsa && verify_with(key.pkey.get(), md, alg[0] == 'P', data, signature);
    case 'E': return key.type == KeyType::kEc && verify_ecdsa(key.pkey.get(), md, data, signature, strict_ecdsa);
    default: return false;
  }
}

std::variant<std::string, std::string> sign(const Key& key, std::string_view alg, std::string_view data) {
  auto fail = [&](std::string_view want) {
    return std::variant<std::string, std::string>(std::in_place_index<1>,
                                                  "failed to sign payload: invalid key type for " + std::string(alg) +
                                                      ": " + std::string(want) + " is required");
  };
  std::optional<std::string> out;
  if (alg == "EdDSA") {
    if (key.type != KeyType::kEd25519 || !key.is_private) return fail("ed25519.PrivateKey");
    out = sign_with(key.pkey.get(), nullptr, false, data);
  } else {
    const EVP_MD* md = md_for(alg);
    if (md == nullptr) return std::variant<std::string, std::string>(std::in_place_index<1>, "unsupported algorithm");
    switch (alg[0]) {
      case 'H':
        if (key.type != KeyType::kOct) return fail("[]byte");
        out = hmac(EVP_MD_get0_name(md), key.secret, data);
        break;
      case 'R':
      case 'P':
        if (key.type != KeyType::kRsa || !key.is_private) return fail("*rsa.PrivateKey");
        out = sign_with(key.pkey.get(), md, alg[0] == 'P', data);
        break;
      default:
        if (key.type != KeyType::kEc || !key.is_private) return fail("*ecdsa.PrivateKey");
        out = sign_ecdsa(key.pkey.get(), md, data);
        break;
    }
  }
  if (!out) return std::variant<std::string, std::string>(std::in_place_index<1>, "failed to sign payload");
  return std::variant<std::string, std::string>(std::in_place_index<0>, std::move(*out));
}

}  // namespace arcane::stdlib::jose
