// http.send's request object: which keys it may have, and each option read and checked
// as OPA's createHTTPRequest reads it, error texts included.
//
// OPA reads most options through Go's text of the value, so some accept more than their
// documented type: enable_redirect and the tls_* flags go through strconv.ParseBool of
// the value's Rego text (1 and 0 are accepted, the string "true" is not), string options
// lose leading and trailing double quotes, and a timeout may be a Go duration string, a
// number of nanoseconds, or that number as a string.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "runtime/json_writer.h"
#include "runtime/value_builder.h"
#include "stdlib/go_time.h"
#include "stdlib/http_send.h"
#include "stdlib/operands.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::http {

namespace {

using runtime::Value;

constexpr std::string_view kAllowedKeys[] = {
    "body", "cache", "cache_ignored_headers", "caching_mode", "enable_redirect", "force_cache",
    "force_cache_duration_seconds", "force_json_decode", "force_yaml_decode", "headers", "max_retry_attempts",
    "method", "raise_error", "raw_body", "timeout", "tls_ca_cert", "tls_ca_cert_env_variable", "tls_ca_cert_file",
    "tls_client_cert", "tls_client_cert_env_variable", "tls_client_cert_file", "tls_client_key",
    "tls_client_key_env_variable", "tls_client_key_file", "tls_insecure_skip_verify", "tls_server_name",
    "tls_use_system_certs", "url"};

// Options whose value must be a string.
constexpr std::string_view kStringKeys[] = {
    "method", "url", "raw_body", "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable", "tls_client_cert",
    "tls_client_cert_file", "tls_client_cert_env_variable", "tls_client_key", "tls_client_key_file",
    "tls_client_key_env_variable", "tls_server_name"};

constexpr int64_t kDefaultTimeoutNs = 5'000'000'000;

bool allowed(const Value& key) {
  return key.is_string() && std::find(std::begin(kAllowedKeys), std::end(kAllowedKeys), key.string_view()) !=
                                std::end(kAllowedKeys);
}

std::string go_quoted(std::string_view s) {
  std::string out;
  append_go_quoted(out, s);
  return out;
}

// OPA's default, overridable (not as public API) by HTTP_SEND_TIMEOUT. OPA panics on an
// unparsable value; we keep the default.
int64_t default_timeout_ns() {
  static const int64_t ns = [] {
    const char* env = std::getenv("HTTP_SEND_TIMEOUT");
    if (env == nullptr || *env == '\0') return kDefaultTimeoutNs;
    auto d = gotime::parse_duration(env);
    return std::holds_alternative<int64_t>(d) ? std::get<int64_t>(d) : kDefaultTimeoutNs;
  }();
  return ns;
}

// strconv.ParseBool of the value's Rego text.
std::variant<bool, HttpError> parse_bool(const Value& v) {
  std::string text = rego_text(v);
  static constexpr std::string_view kTrue[] = {"1", "t", "T", "TRUE", "true", "True"};
  static constexpr std::string_view kFalse[] = {"0", "f", "F", "FALSE", "false", "False"};
  if (std::find(std::begin(kTrue), std::end(kTrue), text) != std::end(kTrue)) return true;
  if (std::find(std::begin(kFalse), std::end(kFalse), text) != std::end(kFalse)) return false;
  return HttpError::wrapped(kBuiltinError, "strconv.ParseBool: parsing " + go_quoted(text) + ": invalid syntax");
}

// strconv.ParseInt(s, 10, 64).
std::optional<int64_t> parse_int(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string text(s);
  if (text[0] == '+' || text[0] == '-') {
    if (text.size() == 1) return std::nullopt;
  }
  for (size_t i = (text[0] == '+' || text[0] == '-') ? 1 : 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (errno == ERANGE) return std::nullopt;
  return static_cast<int64_t>(v);
}

std::variant<int64_t, HttpError> parse_timeout(const Value& v) {
  if (v.is_number()) {
    std::optional<int64_t> ns = literal_int(v.number());
    if (!ns) return HttpError::wrapped(kBuiltinError, "invalid timeout number value " + rego_text(v) + ", must be int64");
    return *ns;
  }
  if (v.is_string()) {
    if (std::optional<int64_t> ns = parse_int(v.string_view())) return *ns;
    auto d = gotime::parse_duration(v.string_view());
    if (const std::string* e = std::get_if<std::string>(&d)) {
      return HttpError::wrapped(kBuiltinError, "invalid timeout value " + rego_text(v) + ": " + *e);
    }
    return std::get<int64_t>(d);
  }
  return HttpError::wrapped(kTypeError, "operand 1 'timeout' must be one of {string, number} but got " +
                                            std::string(runtime::kind_name(v.kind())));
}

// Go's %q of a JSON-decoded value (fmt's %q on a non-string says so).
std::string quoted_any(const Value& v) {
  if (v.is_string()) return go_quoted(v.string_view());
  if (v.is_number()) return go_quoted(rego_text(v));  // json.Number is a string type
  if (v.is_boolean()) return std::string("%!q(bool=") + (v.as_bool() ? "true" : "false") + ")";
  if (v.is_null()) return "%!q(<nil>)";
  return "%!q(" + rego_text(v) + ")";
}

std::variant<std::vector<Header>, HttpError> read_headers(const Value& v) {
  if (!v.is_object()) return HttpError::wrapped(kBuiltinError, "invalid type for headers key");
  std::vector<Header> out;
  for (auto e : v.entries()) {
    if (!e.value.is_string()) {
      return HttpError::wrapped(kBuiltinError, "invalid type for headers value " + quoted_any(e.value));
    }
    std::string name = canonical_header_key(e.key.is_string() ? e.key.string_view() : rego_text(e.key));
    // Go collects the headers in a map first: of two keys with one canonical form, one wins.
    auto same = std::find_if(out.begin(), out.end(), [&](const Header& h) { return h.name == name; });
    if (same != out.end()) {
      same->value = std::string(e.value.string_view());
    } else {
      out.push_back({std::move(name), std::string(e.value.string_view())});
    }
  }
  return out;
}

// The file's bytes, or Go's os.ReadFile error text ("open /x: no such file or directory").
std::variant<std::string, HttpError> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string why = std::strerror(errno);
    if (!why.empty()) why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
    return HttpError::wrapped(kBuiltinError, "open " + path + ": " + why);
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// x509.CertPool.AppendCertsFromPEM's test: at least one certificate in the PEM text.
bool has_certificate(std::string_view pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  if (bio == nullptr) return false;
  X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  bool ok = cert != nullptr;
  if (!ok) ERR_clear_error();  // leave no stale error for the next OpenSSL user on this thread
  X509_free(cert);
  BIO_free(bio);
  return ok;
}

std::string replace_escaped_newlines(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out.push_back('\n');
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

struct RawTls {
  std::string ca_cert, ca_cert_file, ca_cert_env;
  std::string client_cert, client_key, client_cert_file, client_key_file, client_cert_env, client_key_env;
};

// The CA sources in OPA's order (inline, file, environment), each checked as Go does.
std::optional<HttpError> add_cas(const RawTls& raw, TlsOptions& tls) {
  auto add = [&](std::string pem) {
    tls.has_ca = true;
    tls.ca_pem += pem;
    tls.ca_pem += '\n';
  };
  if (!raw.ca_cert.empty()) {
    std::string pem = replace_escaped_newlines(raw.ca_cert);
    if (!has_certificate(pem)) return HttpError::wrapped(kBuiltinError, "could not append certificates");
    add(std::move(pem));
  }
  if (!raw.ca_cert_file.empty()) {
    auto pem = read_file(raw.ca_cert_file);
    if (HttpError* e = std::get_if<HttpError>(&pem)) return *e;
    if (!has_certificate(std::get<std::string>(pem))) {
      return HttpError::wrapped(kBuiltinError, "could not append CA certificates from " + go_quoted(raw.ca_cert_file));
    }
    add(std::move(std::get<std::string>(pem)));
  }
  if (!raw.ca_cert_env.empty()) {
    const char* env = std::getenv(raw.ca_cert_env.c_str());
    std::string pem = env != nullptr ? env : "";
    if (!has_certificate(pem)) {
      return HttpError::wrapped(kBuiltinError, "could not add CA certificates from envvar " +
                                                   go_quoted(raw.ca_cert_env) + ": could not append certificates");
    }
    add(std::move(pem));
  }
  return std::nullopt;
}

// Client certificates: each source comes as a pair and counts only when both halves are
// given. The key pair itself is checked by the TLS handshake.
void add_client_certs(const RawTls& raw, TlsOptions& tls) {
  if (!raw.client_cert.empty() && !raw.client_key.empty()) {
    tls.client_cert_pem = raw.client_cert;
    tls.client_key_pem = raw.client_key;
  }
  if (!raw.client_cert_file.empty() && !raw.client_key_file.empty()) {
    tls.client_cert_file = raw.client_cert_file;
    tls.client_key_file = raw.client_key_file;
  }
  if (!raw.client_cert_env.empty() && !raw.client_key_env.empty()) {
    const char* cert = std::getenv(raw.client_cert_env.c_str());
    const char* key = std::getenv(raw.client_key_env.c_str());
    tls.client_cert_pem = cert != nullptr ? cert : "";
    tls.client_key_pem = key != nullptr ? key : "";
  }
}

std::string trim_quotes(std::string_view s) {
  while (!s.empty() && s.front() == '"') s.remove_prefix(1);
  while (!s.empty() && s.back() == '"') s.remove_suffix(1);
  return std::string(s);
}

// Where a tls_* string option goes, or null for other keys.
std::string* tls_string(RawTls& raw, std::string_view key) {
  static constexpr std::pair<std::string_view, std::string RawTls::*> kFields[] = {
      {"tls_ca_cert", &RawTls::ca_cert},
      {"tls_ca_cert_file", &RawTls::ca_cert_file},
      {"tls_ca_cert_env_variable", &RawTls::ca_cert_env},
      {"tls_client_cert", &RawTls::client_cert},
      {"tls_client_key", &RawTls::client_key},
      {"tls_client_cert_file", &RawTls::client_cert_file},
      {"tls_client_key_file", &RawTls::client_key_file},
      {"tls_client_cert_env_variable", &RawTls::client_cert_env},
      {"tls_client_key_env_variable", &RawTls::client_key_env},
  };
  for (const auto& [name, field] : kFields) {
    if (name == key) return &(raw.*field);
  }
  return nullptr;
}

// One option into the request; nullopt when it was fine.
std::optional<HttpError> read_option(std::string_view key, const Value& v, Request& out, RawTls& raw,
                                     std::optional<std::string>& raw_body) {
  bool is_string_key = std::find(std::begin(kStringKeys), std::end(kStringKeys), key) != std::end(kStringKeys);
  if (is_string_key && !v.is_string()) return HttpError::wrapped(kBuiltinError, go_quoted(key) + " must be a string");
  std::string s = v.is_string() ? trim_quotes(v.string_view()) : std::string();
  auto flag = [&](bool& target) -> std::optional<HttpError> {
    auto b = parse_bool(v);
    if (HttpError* e = std::get_if<HttpError>(&b)) return *e;
    target = std::get<bool>(b);
    return std::nullopt;
  };
  if (key == "method") {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    out.method = std::move(s);
  } else if (key == "url") {
    out.url = std::move(s);
  } else if (key == "enable_redirect") {
    return flag(out.enable_redirect);
  } else if (key == "body") {
    out.body = runtime::to_json(v);
  } else if (key == "raw_body") {
    raw_body = std::move(s);
  } else if (key == "tls_use_system_certs") {
    bool b = false;
    if (auto e = flag(b)) return e;
    out.tls.use_system_certs = b;
  } else if (key == "tls_insecure_skip_verify") {
    return flag(out.tls.insecure_skip_verify);
  } else if (key == "tls_server_name") {
    out.tls.server_name = std::move(s);
  } else if (key == "headers") {
    auto h = read_headers(v);
    if (HttpError* e = std::get_if<HttpError>(&h)) return *e;
    out.headers = std::move(std::get<std::vector<Header>>(h));
  } else if (key == "timeout") {
    auto t = parse_timeout(v);
    if (HttpError* e = std::get_if<HttpError>(&t)) return *e;
    out.timeout_ns = std::get<int64_t>(t);
  } else if (std::string* target = tls_string(raw, key)) {
    *target = std::move(s);
  } else if (!allowed(Value::from_string(key))) {
    return HttpError::wrapped(kBuiltinError, "invalid parameter " + go_quoted(key));
  }
  return std::nullopt;
}

// getNumberValFromReqObj for max_retry_attempts (a bare error: OPA does not wrap it).
std::variant<int, HttpError> retry_attempts(const Value& req) {
  const Value* v = req.find("max_retry_attempts");
  if (v == nullptr) return 0;
  if (v->is_number()) {
    std::optional<int64_t> n = literal_int(v->number());
    if (n && *n >= 0 && *n <= INT32_MAX) return static_cast<int>(*n);
  }
  return HttpError::plain("invalid value " + rego_text(*v) + " for field \"max_retry_attempts\"");
}

std::string json_kind(const Value& v) {
  if (v.is_number()) return "number";
  if (v.is_string()) return "string";
  if (v.is_boolean()) return "bool";
  if (v.is_array() || v.is_set()) return "array";
  return "object";
}

}  // namespace

HttpError HttpError::wrapped(std::string_view code, std::string_view detail) {
  return {Kind::kWrapped, std::string(code), std::string(kName) + ": " + std::string(detail), {}};
}

std::optional<BuiltinError> check_request_keys(const Value& req) {
  runtime::SetBuilder invalid;
  size_t invalid_count = 0;
  for (auto e : req.entries()) {
    if (!allowed(e.key)) invalid.insert(e.key), ++invalid_count;
  }
  if (invalid_count != 0) {
    return operand_error(kName, 1, "invalid request parameters(s): " + rego_text(invalid.build()));
  }
  runtime::SetBuilder missing;
  size_t missing_count = 0;
  for (std::string_view k : {"method", "url"}) {
    if (req.find(k) == nullptr) missing.insert(Value::from_string(k)), ++missing_count;
  }
  if (missing_count != 0) {
    return operand_error(kName, 1, "missing required request parameters(s): " + rego_text(missing.build()));
  }
  return std::nullopt;
}

std::variant<Request, HttpError> build_request(const Value& req) {
  Request out;
  out.timeout_ns = default_timeout_ns();
  RawTls raw;
  std::optional<std::string> raw_body;
  for (auto e : req.entries()) {
    std::string key = e.key.is_string() ? std::string(e.key.string_view()) : rego_text(e.key);
    if (auto err = read_option(key, e.value, out, raw, raw_body)) return *err;
  }
  if (raw_body) out.body = std::move(*raw_body);
  if (auto err = add_cas(raw, out.tls)) return *err;
  add_client_certs(raw, out.tls);
  if (out.tls.server_name.empty()) {
    auto host = std::find_if(out.headers.begin(), out.headers.end(), [](const Header& h) { return h.name == "Host"; });
    if (host != out.headers.end()) out.tls.server_name = host->value;
  }
  auto retries = retry_attempts(req);
  if (HttpError* e = std::get_if<HttpError>(&retries)) return *e;
  out.max_retry_attempts = std::get<int>(retries);
  return out;
}

std::variant<bool, HttpError> bool_option(const Value& req, std::string_view key) {
  const Value* v = req.find(key);
  if (v == nullptr) return false;
  if (!v->is_boolean()) return HttpError::plain("invalid value for \"" + std::string(key) + "\" field");
  return v->as_bool();
}

std::variant<Value, HttpError> cache_key(const Value& req) {
  const Value* ignored = req.find("cache_ignored_headers");
  const Value* headers = req.find("headers");
  std::vector<std::string> drop;
  bool rewrite_headers = ignored != nullptr && headers != nullptr;
  if (rewrite_headers) {
    // ast.As into []string and map[string]any: null is fine, other shapes are not.
    if (!ignored->is_null()) {
      if (!ignored->is_array() && !ignored->is_set()) {
        return HttpError::plain("json: cannot unmarshal " + json_kind(*ignored) + " into Go value of type []string");
      }
      for (const Value& h : ignored->elements()) {
        if (!h.is_string()) {
          return HttpError::plain("json: cannot unmarshal " + json_kind(h) + " into Go value of type string");
        }
        drop.emplace_back(h.string_view());
      }
    }
    if (!headers->is_null() && !headers->is_object()) {
      return HttpError::plain("json: cannot unmarshal " + json_kind(*headers) +
                              " into Go value of type map[string]interface {}");
    }
  }
  runtime::ObjectBuilder key;
  for (auto e : req.entries()) {
    if (e.key.is_string() && e.key.string_view() == "cache_ignored_headers") continue;
    if (rewrite_headers && e.key.is_string() && e.key.string_view() == "headers") continue;
    key.insert(e.key, e.value);
  }
  if (rewrite_headers) {
    runtime::ObjectBuilder kept;
    if (headers->is_object()) {
      for (auto e : headers->entries()) {
        bool dropped = e.key.is_string() && std::find(drop.begin(), drop.end(), e.key.string_view()) != drop.end();
        if (!dropped) kept.insert(e.key, e.value);
      }
    }
    key.insert("headers", headers->is_null() ? Value::null() : kept.build());
  }
  key.insert("cache_ignored_headers", Value::null());
  return key.build();
}

std::string canonical_header_key(std::string_view name) {
  // Go leaves a key with a byte outside the token set (or a space) as it is.
  auto token = [](unsigned char c) {
    return std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
  };
  if (!std::all_of(name.begin(), name.end(), token)) return std::string(name);
  std::string out(name);
  bool upper = true;
  for (char& c : out) {
    c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
    upper = c == '-';
  }
  return out;
}

std::string url_error(std::string_view method, std::string_view url, std::string_view detail) {
  std::string op = method.empty() ? "Get" : std::string(method.substr(0, 1));
  for (char c : method.substr(method.empty() ? 0 : 1)) op.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return op + " " + go_quoted(url) + ": " + std::string(detail);
}

}  // namespace arcane::stdlib::http
