// providers.aws.sign_req: AWS Signature Version 4 for an http.send request object
// (topdown/providers.go, internal/providers/aws/signing_v4.go).
//
// The canonical request is OPA's: the URL's path as written (an empty path stays empty),
// its raw query, the request's headers lower-cased (minus Authorization, User-Agent and
// X-Amzn-Trace-Id) plus host, x-amz-date, x-amz-content-sha256 (s3 and glacier only) and
// x-amz-security-token (with a session token), and the body's SHA-256 — or
// UNSIGNED-PAYLOAD when payload signing is disabled. HMAC and SHA-256 are OpenSSL's.
#include <algorithm>
#include <cctype>
#include <map>

#include "runtime/json_writer.h"
#include "runtime/value_builder.h"
#include "stdlib/families_security.h"
#include "stdlib/go_time.h"
#include "stdlib/jose_keys.h"
#include "stdlib/operands.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

constexpr std::string_view kName = "providers.aws.sign_req";

std::string text_of(const Value* v) {
  return v != nullptr && v->is_string() ? std::string(v->string_view()) : std::string();
}

// A set of key names as OPA prints it in these errors: {"a", "b"}.
std::string key_set(const std::vector<std::string_view>& keys) {
  runtime::SetBuilder b;
  for (std::string_view k : keys) b.insert(Value::from_string(k));
  return rego_text(b.build());
}

std::optional<BuiltinError> check_config(const Value& config) {
  static constexpr std::string_view kRequired[] = {"aws_access_key", "aws_region", "aws_secret_access_key",
                                                   "aws_service"};
  std::vector<std::string_view> missing, invalid;
  for (std::string_view k : kRequired) {
    const Value* v = config.find(k);
    if (v == nullptr) missing.push_back(k);
    if (v != nullptr && !v->is_string()) invalid.push_back(k);
  }
  if (!missing.empty()) return operand_error(kName, 2, "missing required AWS config parameters(s): " + key_set(missing));
  if (!invalid.empty()) {
    return operand_error(kName, 2, "invalid values for required AWS config parameters(s): " + key_set(invalid));
  }
  return std::nullopt;
}

// http.send's validateHTTPRequestOperand.
std::optional<BuiltinError> check_request(const Value& req) {
  static constexpr std::string_view kAllowed[] = {
      "body", "cache", "caching_mode", "cache_ignored_headers", "enable_redirect", "force_cache",
      "force_cache_duration_seconds", "force_json_decode", "force_yaml_decode", "headers", "max_retry_attempts",
      "method", "raise_error", "raw_body", "timeout", "tls_ca_cert", "tls_ca_cert_env_variable", "tls_ca_cert_file",
      "tls_client_cert", "tls_client_cert_env_variable", "tls_client_cert_file", "tls_client_key",
      "tls_client_key_env_variable", "tls_client_key_file", "tls_insecure_skip_verify", "tls_server_name",
      "tls_use_system_certs", "url"};
  runtime::SetBuilder invalid;
  size_t invalid_count = 0;
  for (auto entry : req.entries()) {
    bool ok = entry.key.is_string() && std::find(std::begin(kAllowed), std::end(kAllowed), entry.key.string_view()) !=
                                           std::end(kAllowed);
    if (!ok) invalid.insert(entry.key), ++invalid_count;
  }
  if (invalid_count != 0) return operand_error(kName, 1, "invalid request parameters(s): " + rego_text(invalid.build()));
  std::vector<std::string_view> missing;
  for (std::string_view k : {"method", "url"}) {
    if (req.find(k) == nullptr) missing.push_back(k);
  }
  if (!missing.empty()) return operand_error(kName, 1, "missing required request parameters(s): " + key_set(missing));
  return std::nullopt;
}

struct Url {
  std::string host, path, query;
};

Url split_url(std::string_view url) {
  Url u;
  size_t hash = url.find('#');
  url = url.substr(0, hash);
  size_t q = url.find('?');
  if (q != std::string_view::npos) u.query = url.substr(q + 1), url = url.substr(0, q);
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  size_t slash = scheme == std::string_view::npos ? 0 : rest.find('/');
  if (scheme != std::string_view::npos) {
    u.host = rest.substr(0, slash);
    u.path = slash == std::string_view::npos ? "" : rest.substr(slash);
  } else {
    u.path = rest;
  }
  return u;
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  return jose::hmac("SHA256", key, data);
}

}  // namespace

BuiltinResult providers_aws_sign_req(BuiltinContext&, Args args) {
  const Value& req = args[0];
  const Value& config = args[1];
  if (!req.is_object()) return operand_type_error(kName, 1, req, {"object"});
  if (!config.is_object()) return operand_type_error(kName, 1, config, {"object"});
  if (auto err = check_config(config)) return *err;
  if (!args[2].is_number()) return operand_type_error(kName, 1, args[2], {"number"});
  std::optional<int64_t> ts = literal_int(args[2].number());
  if (!ts) return operand_error(kName, 3, "could not convert time_ns value into a unix timestamp");
  if (auto err = check_request(req)) return *err;
  const Value* headers = req.find("headers");
  if (headers != nullptr && !headers->is_object()) return operand_type_error(kName, 0, *headers, {"object"});
  runtime::SetBuilder bad;
  if (!req.find("url")->is_string()) bad.insert(Value::from_string("url"));
  if (!req.find("method")->is_string()) bad.insert(Value::from_string("method"));
  if (bad.size() != 0) {
    return operand_error(kName, 1, "invalid values for required request parameters(s): " + rego_text(bad.build()));
  }
  bool unsigned_payload = false;
  if (const Value* d = config.find("disable_payload_signing")) {
    if (!d->is_boolean()) return operand_error(kName, 2, "invalid value for 'disable_payload_signing' in AWS config");
    unsigned_payload = d->as_bool();
  }
  std::string body;
  if (const Value* raw = req.find("raw_body")) {
    body = text_of(raw);
  } else if (const Value* b = req.find("body")) {
    body = runtime::to_json(*b);
  }
  std::string service = text_of(config.find("aws_service"));
  std::string region = text_of(config.find("aws_region"));
  std::string token = text_of(config.find("aws_session_token"));
  Url url = split_url(req.find("url")->string_view());
  gotime::Time now = gotime::from_unix_nano(*ts);
  std::string date = gotime::format(now, "20060102");
  std::string stamp = gotime::format(now, "20060102T150405Z");
  std::string body_hash = unsigned_payload ? "UNSIGNED-PAYLOAD" : jose::hex_encode(jose::digest("SHA256", body));

  std::map<std::string, std::string> aws_headers = {{"host", url.host}, {"x-amz-date", stamp}};
  if (service == "s3" || service == "glacier") aws_headers["x-amz-content-sha256"] = body_hash;
  if (!token.empty()) aws_headers["x-amz-security-token"] = token;
  std::map<std::string, std::string> to_sign = aws_headers;
  std::vector<std::pair<std::string, std::string>> original;
  if (headers != nullptr) {
    for (auto entry : headers->entries()) {
      std::string key = text_of(&entry.key), value = text_of(&entry.value);
      original.emplace_back(key, value);
      std::string lower = key;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower != "authorization" && lower != "user-agent" && lower != "x-amzn-trace-id") to_sign[lower] = value;
    }
  }
  std::string canonical = std::string(req.find("method")->string_view()) + "\n" + url.path + "\n" + url.query + "\n";
  std::string signed_list;
  for (const auto& [k, v] : to_sign) {
    canonical += k + ":" + v + "\n";
    signed_list += (signed_list.empty() ? "" : ";") + k;
  }
  canonical += "\n" + signed_list + "\n" + body_hash;
  std::string scope = date + "/" + region + "/" + service + "/aws4_request";
  std::string to_sign_text =
      "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n" + jose::hex_encode(jose::digest("SHA256", canonical));
  std::string key = hmac_sha256("AWS4" + text_of(config.find("aws_secret_access_key")), date);
  key = hmac_sha256(key, region);
  key = hmac_sha256(key, service);
  key = hmac_sha256(key, "aws4_request");
  std::string auth = "AWS4-HMAC-SHA256 Credential=" + text_of(config.find("aws_access_key")) + "/" + scope +
                     ",SignedHeaders=" + signed_list + ",Signature=" + jose::hex_encode(hmac_sha256(key, to_sign_text));

  std::map<std::string, std::string> result_headers(original.begin(), original.end());  // later keys win, as in OPA
  result_headers["Authorization"] = auth;
  for (auto& [k, v] : aws_headers) result_headers[k] = v;
  runtime::ObjectBuilder out_headers;
  for (auto& [k, v] : result_headers) out_headers.insert(k, Value::from_string(v));
  runtime::ObjectBuilder out;
  for (auto entry : req.entries()) {
    if (entry.key.is_string() && entry.key.string_view() == "headers") continue;
    out.insert(entry.key, entry.value);
  }
  out.insert("headers", out_headers.build());
  return out.build();
}

}  // namespace arcane::stdlib::impl
