// Go's JSON for X.509 certificates, requests and private keys, from OpenSSL's parse
// (see x509_json.h).
#include "stdlib/x509_json.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>

#include <cstring>
#include <ctime>
#include <memory>

#include "runtime/value_builder.h"

namespace arcane::stdlib::x509json {

namespace {

using runtime::ArrayBuilder;
using runtime::ObjectBuilder;
using runtime::Value;

Value b64(const unsigned char* data, size_t n) {
  std::string out(4 * ((n + 2) / 3) + 1, '\0');
  int len = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(n));
  out.resize(static_cast<size_t>(len));
  return Value::from_string(out);
}

Value b64(std::string_view s) {
  return b64(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

// A nil-able byte slice: null when absent.
Value b64_or_null(const ASN1_OCTET_STRING* s) {
  if (s == nullptr) return Value::null();
  return b64(ASN1_STRING_get0_data(s), static_cast<size_t>(ASN1_STRING_length(s)));
}

Value big(const BIGNUM* bn) {
  if (bn == nullptr) return Value::null();
  char* dec = BN_bn2dec(bn);
  std::optional<runtime::Number> n = runtime::Number::from_text(dec);
  OPENSSL_free(dec);
  return n ? Value::from_number(*n) : Value::null();
}

template <typename T, typename F>
std::string der_of(T* obj, F i2d) {
  unsigned char* buf = nullptr;
  int len = i2d(obj, &buf);
  if (len <= 0) return {};
  std::string out(reinterpret_cast<char*>(buf), static_cast<size_t>(len));
  OPENSSL_free(buf);
  return out;
}

std::string dotted(const ASN1_OBJECT* obj) {
  char buf[256];
  int n = OBJ_obj2txt(buf, sizeof buf, obj, 1);
  return n > 0 ? std::string(buf, std::min<size_t>(static_cast<size_t>(n), sizeof buf - 1)) : std::string();
}

Value oid(const ASN1_OBJECT* obj) {
  ArrayBuilder a;
  std::string s = dotted(obj);
  size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    size_t dot = s.find('.', start);
    std::string part = s.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    std::optional<runtime::Number> n = runtime::Number::from_text(part);  // arcs may pass int64 (2.25.<uuid>)
    a.push_back(n ? Value::from_number(*n) : Value::null());
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return a.build();
}

Value strings_or_null(const std::vector<std::string>& v) {
  if (v.empty()) return Value::null();
  ArrayBuilder a;
  for (const std::string& s : v) a.push_back(Value::from_string(s));
  return a.build();
}

Value values_or_null(std::vector<Value> v) {
  if (v.empty()) return Value::null();
  ArrayBuilder a;
  for (Value& x : v) a.push_back(std::move(x));
  return a.build();
}

std::string asn1_text(const ASN1_STRING* s) {
  unsigned char* utf8 = nullptr;
  int n = ASN1_STRING_to_UTF8(&utf8, s);
  if (n < 0) return {};
  std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(n));
  OPENSSL_free(utf8);
  return out;
}

// Go's pkix.Name, filled from the RDN sequence as Go's FillFromRDNSequence does.
Value name(const X509_NAME* n) {
  std::vector<std::string> country, org, unit, locality, province, street, postal;
  std::string serial, common;
  ArrayBuilder names;
  for (int i = 0; i < X509_NAME_entry_count(n); ++i) {
    const X509_NAME_ENTRY* e = X509_NAME_get_entry(n, i);
    const ASN1_OBJECT* obj = X509_NAME_ENTRY_get_object(e);
    std::string value = asn1_text(X509_NAME_ENTRY_get_data(e));
    ObjectBuilder attr;
    attr.insert("Type", oid(obj));
    attr.insert("Value", Value::from_string(value));
    names.push_back(attr.build());
    std::string id = dotted(obj);
    if (id == "2.5.4.6") country.push_back(value);
    else if (id == "2.5.4.10") org.push_back(value);
    else if (id == "2.5.4.11") unit.push_back(value);
    else if (id == "2.5.4.7") locality.push_back(value);
    else if (id == "2.5.4.8") province.push_back(value);
    else if (id == "2.5.4.9") street.push_back(value);
    else if (id == "2.5.4.17") postal.push_back(value);
    else if (id == "2.5.4.5") serial = value;
    else if (id == "2.5.4.3") common = value;
  }
  ObjectBuilder o;
  o.insert("Country", strings_or_null(country));
  o.insert("Organization", strings_or_null(org));
  o.insert("OrganizationalUnit", strings_or_null(unit));
  o.insert("Locality", strings_or_null(locality));
  o.insert("Province", strings_or_null(province));
  o.insert("StreetAddress", strings_or_null(street));
  o.insert("PostalCode", strings_or_null(postal));
  o.insert("SerialNumber", Value::from_string(serial));
  o.insert("CommonName", Value::from_string(common));
  Value all = names.build();
  o.insert("Names", all.size() == 0 ? Value::null() : all);
  o.insert("ExtraNames", Value::null());
  return o.build();
}

Value time_text(const ASN1_TIME* t) {
  struct tm tm {};
  if (ASN1_TIME_to_tm(t, &tm) != 1) return Value::from_string("0001-01-01T00:00:00Z");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return Value::from_string(buf);
}

BIGNUM* get_bn(EVP_PKEY* key, const char* param) {
  BIGNUM* bn = nullptr;
  EVP_PKEY_get_bn_param(key, param, &bn);
  return bn;
}

struct BnList {
  std::vector<BIGNUM*> items;
  BIGNUM* add(BIGNUM* b) {
    items.push_back(b);
    return b;
  }
  ~BnList() {
    for (BIGNUM* b : items) BN_free(b);
  }
};

// The public point of an EC key as X and Y.
void ec_point(EVP_PKEY* key, BnList& bns, BIGNUM*& x, BIGNUM*& y) {
  x = bns.add(get_bn(key, OSSL_PKEY_PARAM_EC_PUB_X));
  y = bns.add(get_bn(key, OSSL_PKEY_PARAM_EC_PUB_Y));
}

std::string raw_key(EVP_PKEY* key, bool priv) {
  size_t len = 0;
  auto get = priv ? EVP_PKEY_get_raw_private_key : EVP_PKEY_get_raw_public_key;
  if (get(key, nullptr, &len) != 1) return {};
  std::string out(len, '\0');
  get(key, reinterpret_cast<unsigned char*>(out.data()), &len);
  return out;
}

// Go's JSON of a public key (*rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey).
Value public_key(EVP_PKEY* key) {
  BnList bns;
  ObjectBuilder o;
  switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
      o.insert("N", big(bns.add(get_bn(key, OSSL_PKEY_PARAM_RSA_N))));
      o.insert("E", big(bns.add(get_bn(key, OSSL_PKEY_PARAM_RSA_E))));
      return o.build();
    case EVP_PKEY_EC: {
      BIGNUM *x, *y;
      ec_point(key, bns, x, y);
      o.insert("Curve", Value::empty_object());
      o.insert("X", big(x));
      o.insert("Y", big(y));
      return o.build();
    }
    case EVP_PKEY_ED25519: return b64(raw_key(key, false));
    default: return Value::null();
  }
}

int public_key_algorithm(EVP_PKEY* key) {
  switch (key == nullptr ? 0 : EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS: return 1;
    case EVP_PKEY_DSA: return 2;
    case EVP_PKEY_EC: return 3;
    case EVP_PKEY_ED25519: return 4;
    default: return 0;
  }
}

// Go's x509.SignatureAlgorithm for an OpenSSL signature NID.
int signature_algorithm(int nid) {
  switch (nid) {
    case NID_md2WithRSAEncryption: return 1;
    case NID_md5WithRSAEncryption: return 2;
    case NID_sha1WithRSAEncryption: return 3;
    case NID_sha256WithRSAEncryption: return 4;
    case NID_sha384WithRSAEncryption: return 5;
    case NID_sha512WithRSAEncryption: return 6;
    case NID_dsaWithSHA1: return 7;
    case NID_dsa_with_SHA256: return 8;
    case NID_ecdsa_with_SHA1: return 9;
    case NID_ecdsa_with_SHA256: return 10;
    case NID_ecdsa_with_SHA384: return 11;
    case NID_ecdsa_with_SHA512: return 12;
    case NID_rsassaPss: return 13;  // Go refines by hash; SHA-256 is the common case
    case NID_ED25519: return 16;
    default: return 0;
  }
}

// Go's KeyUsage bits (bit i of the BIT STRING is 1 << i).
int key_usage(X509* cert) {
  uint32_t ku = X509_get_key_usage(cert);
  if (ku == UINT32_MAX) return 0;
  static constexpr std::pair<uint32_t, int> kBits[] = {
      {KU_DIGITAL_SIGNATURE, 1}, {KU_NON_REPUDIATION, 2}, {KU_KEY_ENCIPHERMENT, 4}, {KU_DATA_ENCIPHERMENT, 8},
      {KU_KEY_AGREEMENT, 16},    {KU_KEY_CERT_SIGN, 32},  {KU_CRL_SIGN, 64},        {KU_ENCIPHER_ONLY, 128},
      {KU_DECIPHER_ONLY, 256}};
  int out = 0;
  for (auto [bit, go] : kBits) {
    if ((ku & bit) != 0) out |= go;
  }
  return out;
}

int ext_key_usage_code(const std::string& id) {
  static constexpr std::pair<std::string_view, int> kEku[] = {
      {"2.5.29.37.0", 0},           {"1.3.6.1.5.5.7.3.1", 1},        {"1.3.6.1.5.5.7.3.2", 2},
      {"1.3.6.1.5.5.7.3.3", 3},     {"1.3.6.1.5.5.7.3.4", 4},        {"1.3.6.1.5.5.7.3.5", 5},
      {"1.3.6.1.5.5.7.3.6", 6},     {"1.3.6.1.5.5.7.3.7", 7},        {"1.3.6.1.5.5.7.3.8", 8},
      {"1.3.6.1.5.5.7.3.9", 9},     {"1.3.6.1.4.1.311.10.3.3", 10},  {"2.16.840.1.113730.4.1", 11},
      {"1.3.6.1.4.1.311.2.1.22", 12}, {"1.3.6.1.4.1.311.61.1.1", 13}};
  for (auto [oid_text, code] : kEku) {
    if (oid_text == id) return code;
  }
  return -1;
}

// Go's url.URL of a URI, split the way url.Parse splits the usual forms.
Value url_object(const std::string& uri) {
  std::string scheme, opaque, host, path, query, fragment;
  std::string rest = uri;
  size_t hash = rest.find('#');
  if (hash != std::string::npos) fragment = rest.substr(hash + 1), rest.resize(hash);
  size_t colon = rest.find(':');
  if (colon != std::string::npos && colon > 0 && rest.find_first_of("/?") > colon) {
    scheme = rest.substr(0, colon);
    rest = rest.substr(colon + 1);
  }
  size_t q = rest.find('?');
  if (q != std::string::npos) query = rest.substr(q + 1), rest.resize(q);
  if (rest.rfind("//", 0) == 0) {
    size_t slash = rest.find('/', 2);
    host = rest.substr(2, slash == std::string::npos ? std::string::npos : slash - 2);
    path = slash == std::string::npos ? "" : rest.substr(slash);
  } else if (!scheme.empty() && !rest.empty() && rest[0] != '/') {
    opaque = rest;
  } else {
    path = rest;
  }
  ObjectBuilder o;
  o.insert("Scheme", Value::from_string(scheme));
  o.insert("Opaque", Value::from_string(opaque));
  o.insert("User", Value::null());
  o.insert("Host", Value::from_string(host));
  o.insert("Path", Value::from_string(path));
  o.insert("RawPath", Value::from_string(""));
  o.insert("OmitHost", Value::boolean(false));
  o.insert("ForceQuery", Value::boolean(false));
  o.insert("RawQuery", Value::from_string(query));
  o.insert("Fragment", Value::from_string(fragment));
  o.insert("RawFragment", Value::from_string(""));
  return o.build();
}

std::string ip_text(const ASN1_OCTET_STRING* ip) {
  const unsigned char* p = ASN1_STRING_get0_data(ip);
  int n = ASN1_STRING_length(ip);
  char buf[64];
  if (n == 4) {
    std::snprintf(buf, sizeof buf, "%d.%d.%d.%d", p[0], p[1], p[2], p[3]);
    return buf;
  }
  if (n == 16) {
    static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(p, kMapped, 12) == 0) {  // Go prints IPv4-mapped addresses as IPv4
      std::snprintf(buf, sizeof buf, "%d.%d.%d.%d", p[12], p[13], p[14], p[15]);
      return buf;
    }
    return inet_ntop(AF_INET6, p, buf, sizeof buf) != nullptr ? std::string(buf) : std::string();
  }
  return {};
}

struct AltNames {
  std::vector<std::string> dns, email, uris;
  std::vector<Value> ips;
};

AltNames alt_names(GENERAL_NAMES* names) {
  AltNames out;
  for (int i = 0; names != nullptr && i < sk_GENERAL_NAME_num(names); ++i) {
    const GENERAL_NAME* g = sk_GENERAL_NAME_value(names, i);
    switch (g->type) {
      case GEN_DNS: out.dns.push_back(asn1_text(g->d.dNSName)); break;
      case GEN_EMAIL: out.email.push_back(asn1_text(g->d.rfc822Name)); break;
      case GEN_URI: out.uris.push_back(asn1_text(g->d.uniformResourceIdentifier)); break;
      case GEN_IPADD: out.ips.push_back(Value::from_string(ip_text(g->d.iPAddress))); break;
      default: break;
    }
  }
  return out;
}

Value extensions(const STACK_OF(X509_EXTENSION)* exts) {
  std::vector<Value> items;
  for (int i = 0; i < sk_X509_EXTENSION_num(exts); ++i) {
    X509_EXTENSION* e = sk_X509_EXTENSION_value(exts, i);
    ObjectBuilder o;
    o.insert("Id", oid(X509_EXTENSION_get_object(e)));
    o.insert("Critical", Value::boolean(X509_EXTENSION_get_critical(e) != 0));
    o.insert("Value", b64_or_null(X509_EXTENSION_get_data(e)));
    items.push_back(o.build());
  }
  return values_or_null(std::move(items));
}

void insert_alt_names(ObjectBuilder& o, const AltNames& names, bool uri_strings) {
  o.insert("DNSNames", strings_or_null(names.dns));
  o.insert("EmailAddresses", strings_or_null(names.email));
  o.insert("IPAddresses", values_or_null(names.ips));
  std::vector<Value> urls;
  for (const std::string& u : names.uris) urls.push_back(url_object(u));
  o.insert("URIs", values_or_null(std::move(urls)));
  if (uri_strings) o.insert("URIStrings", strings_or_null(names.uris));
}

void insert_access_info(ObjectBuilder& o, X509* cert) {
  std::vector<std::string> ocsp, issuers, crls;
  auto* aia = static_cast<AUTHORITY_INFO_ACCESS*>(X509_get_ext_d2i(cert, NID_info_access, nullptr, nullptr));
  for (int i = 0; aia != nullptr && i < sk_ACCESS_DESCRIPTION_num(aia); ++i) {
    ACCESS_DESCRIPTION* ad = sk_ACCESS_DESCRIPTION_value(aia, i);
    if (ad->location->type != GEN_URI) continue;
    std::string uri = asn1_text(ad->location->d.uniformResourceIdentifier);
    int nid = OBJ_obj2nid(ad->method);
    if (nid == NID_ad_OCSP) ocsp.push_back(uri);
    if (nid == NID_ad_ca_issuers) issuers.push_back(uri);
  }
  AUTHORITY_INFO_ACCESS_free(aia);
  auto* dps = static_cast<CRL_DIST_POINTS*>(X509_get_ext_d2i(cert, NID_crl_distribution_points, nullptr, nullptr));
  for (int i = 0; dps != nullptr && i < sk_DIST_POINT_num(dps); ++i) {
    DIST_POINT* dp = sk_DIST_POINT_value(dps, i);
    if (dp->distpoint == nullptr || dp->distpoint->type != 0) continue;
    GENERAL_NAMES* full = dp->distpoint->name.fullname;
    for (int j = 0; j < sk_GENERAL_NAME_num(full); ++j) {
      GENERAL_NAME* g = sk_GENERAL_NAME_value(full, j);
      if (g->type == GEN_URI) crls.push_back(asn1_text(g->d.uniformResourceIdentifier));
    }
  }
  CRL_DIST_POINTS_free(dps);
  o.insert("OCSPServer", strings_or_null(ocsp));
  o.insert("IssuingCertificateURL", strings_or_null(issuers));
  o.insert("CRLDistributionPoints", strings_or_null(crls));
}

void insert_usages(ObjectBuilder& o, X509* cert) {
  o.insert("KeyUsage", Value::integer(key_usage(cert)));
  std::vector<Value> known, unknown;
  auto* eku = static_cast<EXTENDED_KEY_USAGE*>(X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr));
  for (int i = 0; eku != nullptr && i < sk_ASN1_OBJECT_num(eku); ++i) {
    const ASN1_OBJECT* obj = sk_ASN1_OBJECT_value(eku, i);
    int code = ext_key_usage_code(dotted(obj));
    if (code >= 0) {
      known.push_back(Value::integer(code));
    } else {
      unknown.push_back(oid(obj));
    }
  }
  EXTENDED_KEY_USAGE_free(eku);
  o.insert("ExtKeyUsage", values_or_null(std::move(known)));
  o.insert("UnknownExtKeyUsage", values_or_null(std::move(unknown)));
  auto* bc = static_cast<BASIC_CONSTRAINTS*>(X509_get_ext_d2i(cert, NID_basic_constraints, nullptr, nullptr));
  int64_t max_path = 0;
  if (bc != nullptr) max_path = bc->pathlen != nullptr ? ASN1_INTEGER_get(bc->pathlen) : -1;
  o.insert("BasicConstraintsValid", Value::boolean(bc != nullptr));
  o.insert("IsCA", Value::boolean(bc != nullptr && bc->ca != 0));
  o.insert("MaxPathLen", Value::integer(max_path));
  o.insert("MaxPathLenZero", Value::boolean(bc != nullptr && max_path == 0));
  BASIC_CONSTRAINTS_free(bc);
}

void insert_policies(ObjectBuilder& o, X509* cert) {
  std::vector<Value> ids, policies;
  auto* cp = static_cast<CERTIFICATEPOLICIES*>(X509_get_ext_d2i(cert, NID_certificate_policies, nullptr, nullptr));
  for (int i = 0; cp != nullptr && i < sk_POLICYINFO_num(cp); ++i) {
    POLICYINFO* pi = sk_POLICYINFO_value(cp, i);
    ids.push_back(oid(pi->policyid));
    policies.push_back(Value::from_string(dotted(pi->policyid)));
  }
  CERTIFICATEPOLICIES_free(cp);
  o.insert("PolicyIdentifiers", values_or_null(std::move(ids)));
  o.insert("Policies", values_or_null(std::move(policies)));
}

void insert_empty_constraints(ObjectBuilder& o) {
  o.insert("PermittedDNSDomainsCritical", Value::boolean(false));
  for (const char* field : {"PermittedDNSDomains", "ExcludedDNSDomains", "PermittedIPRanges", "ExcludedIPRanges",
                            "PermittedEmailAddresses", "ExcludedEmailAddresses", "PermittedURIDomains",
                            "ExcludedURIDomains", "ExtraExtensions", "UnhandledCriticalExtensions", "PolicyMappings"}) {
    o.insert(field, Value::null());
  }
  for (const char* field : {"InhibitAnyPolicy", "InhibitPolicyMapping", "RequireExplicitPolicy"}) {
    o.insert(field, Value::integer(0));
  }
  for (const char* field : {"InhibitAnyPolicyZero", "InhibitPolicyMappingZero", "RequireExplicitPolicyZero"}) {
    o.insert(field, Value::boolean(false));
  }
}

}  // namespace

std::variant<std::vector<std::shared_ptr<x509_st>>, std::string> parse_der_chain(std::string_view der) {
  std::vector<std::shared_ptr<X509>> certs;
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  const unsigned char* end = p + der.size();
  while (p < end) {
    X509* cert = d2i_X509(nullptr, &p, end - p);
    if (cert == nullptr) {
      ERR_clear_error();
      return std::string("x509: malformed certificate");
    }
    certs.emplace_back(cert, X509_free);
  }
  return certs;
}

Value certificate(X509* cert, bool uri_strings) {
  ObjectBuilder o;
  o.insert("Raw", b64(der_of(cert, i2d_X509)));
  o.insert("RawTBSCertificate", b64(der_of(cert, i2d_re_X509_tbs)));
  o.insert("RawSubjectPublicKeyInfo", b64(der_of(X509_get_X509_PUBKEY(cert), i2d_X509_PUBKEY)));
  o.insert("RawSubject", b64(der_of(X509_get_subject_name(cert), i2d_X509_NAME)));
  o.insert("RawIssuer", b64(der_of(X509_get_issuer_name(cert), i2d_X509_NAME)));
  const ASN1_BIT_STRING* sig = nullptr;
  const X509_ALGOR* alg = nullptr;
  X509_get0_signature(&sig, &alg, cert);
  o.insert("Signature", b64(ASN1_STRING_get0_data(sig), static_cast<size_t>(ASN1_STRING_length(sig))));
  o.insert("SignatureAlgorithm", Value::integer(signature_algorithm(X509_get_signature_nid(cert))));
  EVP_PKEY* key = X509_get0_pubkey(cert);
  o.insert("PublicKeyAlgorithm", Value::integer(public_key_algorithm(key)));
  o.insert("PublicKey", key != nullptr ? public_key(key) : Value::null());
  o.insert("Version", Value::integer(X509_get_version(cert) + 1));
  BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
  o.insert("SerialNumber", big(serial));
  BN_free(serial);
  o.insert("Issuer", name(X509_get_issuer_name(cert)));
  o.insert("Subject", name(X509_get_subject_name(cert)));
  o.insert("NotBefore", time_text(X509_get0_notBefore(cert)));
  o.insert("NotAfter", time_text(X509_get0_notAfter(cert)));
  o.insert("Extensions", extensions(X509_get0_extensions(cert)));
  insert_usages(o, cert);
  o.insert("SubjectKeyId", b64_or_null(X509_get0_subject_key_id(cert)));
  o.insert("AuthorityKeyId", b64_or_null(X509_get0_authority_key_id(cert)));
  insert_access_info(o, cert);
  auto* san = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  insert_alt_names(o, alt_names(san), uri_strings);
  GENERAL_NAMES_free(san);
  insert_policies(o, cert);
  insert_empty_constraints(o);
  return o.build();
}

std::variant<Value, std::string> certificate_request(std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<X509_REQ, void (*)(X509_REQ*)> req(d2i_X509_REQ(nullptr, &p, static_cast<long>(der.size())),
                                                     X509_REQ_free);
  if (!req) {
    ERR_clear_error();
    return std::string("asn1: structure error: tags don't match");
  }
  ObjectBuilder o;
  o.insert("Raw", b64(std::string(der.substr(0, static_cast<size_t>(p - reinterpret_cast<const unsigned char*>(der.data()))))));
  o.insert("RawTBSCertificateRequest", b64(der_of(req.get(), i2d_re_X509_REQ_tbs)));
  EVP_PKEY* key = X509_REQ_get0_pubkey(req.get());
  o.insert("RawSubjectPublicKeyInfo", key != nullptr ? b64(der_of(key, i2d_PUBKEY)) : Value::null());
  o.insert("RawSubject", b64(der_of(X509_REQ_get_subject_name(req.get()), i2d_X509_NAME)));
  o.insert("Version", Value::integer(X509_REQ_get_version(req.get())));
  const ASN1_BIT_STRING* sig = nullptr;
  const X509_ALGOR* alg = nullptr;
  X509_REQ_get0_signature(req.get(), &sig, &alg);
  o.insert("Signature", b64(ASN1_STRING_get0_data(sig), static_cast<size_t>(ASN1_STRING_length(sig))));
  o.insert("SignatureAlgorithm", Value::integer(signature_algorithm(X509_REQ_get_signature_nid(req.get()))));
  o.insert("PublicKeyAlgorithm", Value::integer(public_key_algorithm(key)));
  o.insert("PublicKey", key != nullptr ? public_key(key) : Value::null());
  o.insert("Subject", name(X509_REQ_get_subject_name(req.get())));
  o.insert("Attributes", Value::null());
  STACK_OF(X509_EXTENSION)* exts = X509_REQ_get_extensions(req.get());
  o.insert("Extensions", exts != nullptr ? extensions(exts) : Value::null());
  o.insert("ExtraExtensions", Value::null());
  AltNames names;
  if (exts != nullptr) {
    auto* san = static_cast<GENERAL_NAMES*>(X509V3_get_d2i(exts, NID_subject_alt_name, nullptr, nullptr));
    names = alt_names(san);
    GENERAL_NAMES_free(san);
    sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
  }
  insert_alt_names(o, names, false);
  return o.build();
}

Value private_key(EVP_PKEY* key) {
  BnList bns;
  ObjectBuilder o;
  switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS: {
      o.insert("N", big(bns.add(get_bn(key, OSSL_PKEY_PARAM_RSA_N))));
      o.insert("E", big(bns.add(get_bn(key, OSSL_PKEY_PARAM_RSA_E))));
      o.insert("D", big(bns.add(get_bn(key, OSSL_PKEY_PARAM_RSA_D))));
      ArrayBuilder primes;
      primes.push_back(big(bns.add(get_bn(key, OSSL_PKEY_PARAM_RSA_FACTOR1))));
      primes.push_back(big(bns.add(get_bn(key, OSSL_PKEY_PARAM_RSA_FACTOR2))));
      o.insert("Primes", primes.build());
      ObjectBuilder pre;
      pre.insert("Dp", big(bns.add(get_bn(key, OSSL_PKEY_PARAM_RSA_EXPONENT1))));
      pre.insert("Dq", big(bns.add(get_bn(key, OSSL_PKEY_PARAM_RSA_EXPONENT2))));
      pre.insert("Qinv", big(bns.add(get_bn(key, OSSL_PKEY_PARAM_RSA_COEFFICIENT1))));
      pre.insert("CRTValues", Value::empty_array());
      o.insert("Precomputed", pre.build());
      return o.build();
    }
    case EVP_PKEY_EC: {
      BIGNUM *x, *y;
      ec_point(key, bns, x, y);
      o.insert("Curve", Value::empty_object());
      o.insert("X", big(x));
      o.insert("Y", big(y));
      o.insert("D", big(bns.add(get_bn(key, OSSL_PKEY_PARAM_PRIV_KEY))));
      return o.build();
    }
    case EVP_PKEY_ED25519: return b64(raw_key(key, true) + raw_key(key, false));
    default: return Value::null();
  }
}

Value private_key_jwk(EVP_PKEY* key) {
  BnList bns;
  auto b64url = [](const BIGNUM* bn) {
    std::string bytes(static_cast<size_t>(BN_num_bytes(bn)), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
    std::string s(b64(bytes).string_view());
    while (!s.empty() && s.back() == '=') s.pop_back();
    for (char& c : s) c = c == '+' ? '-' : c == '/' ? '_' : c;
    return Value::from_string(s);
  };
  ObjectBuilder o;
  if (EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA) {
    o.insert("kty", Value::from_string("RSA"));
    static constexpr std::pair<const char*, const char*> kFields[] = {
        {"n", OSSL_PKEY_PARAM_RSA_N},         {"e", OSSL_PKEY_PARAM_RSA_E},          {"d", OSSL_PKEY_PARAM_RSA_D},
        {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},   {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},    {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
        {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2}, {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1}};
    for (auto [field, param] : kFields) {
      if (BIGNUM* bn = bns.add(get_bn(key, param))) o.insert(field, b64url(bn));
    }
    return o.build();
  }
  if (EVP_PKEY_get_base_id(key) == EVP_PKEY_EC) {
    char group[64] = {0};
    size_t len = 0;
    EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len);
    std::string crv = std::string(group) == "prime256v1" ? "P-256"
                      : std::string(group) == "secp384r1" ? "P-384"
                      : std::string(group) == "secp521r1" ? "P-521"
                                                          : group;
    BIGNUM *x, *y;
    ec_point(key, bns, x, y);
    o.insert("kty", Value::from_string("EC"));
    o.insert("crv", Value::from_string(crv));
    o.insert("x", b64url(x));
    o.insert("y", b64url(y));
    o.insert("d", b64url(bns.add(get_bn(key, OSSL_PKEY_PARAM_PRIV_KEY))));
    return o.build();
  }
  return Value::null();
}

std::variant<std::shared_ptr<evp_pkey_st>, std::string> parse_private_key(std::string_view pem_type,
                                                                         std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  long n = static_cast<long>(der.size());
  EVP_PKEY* key = nullptr;
  std::string error;
  if (pem_type == "RSA PRIVATE KEY") {
    key = d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &p, n);
    error = "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)";
  } else if (pem_type == "EC PRIVATE KEY") {
    key = d2i_PrivateKey(EVP_PKEY_EC, nullptr, &p, n);
    error = "x509: failed to parse EC private key";
  } else {
    PKCS8_PRIV_KEY_INFO* info = d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, n);
    if (info != nullptr) key = EVP_PKCS82PKEY(info);
    PKCS8_PRIV_KEY_INFO_free(info);
    error = "x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)";
  }
  if (key == nullptr) {
    ERR_clear_error();
    return error;
  }
  return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

}  // namespace arcane::stdlib::x509json
