// http.send (OPA's topdown/http.go): the pieces of the built-in and what they hand each
// other.
//
// The built-in is split by job, one file each:
//   http_send.cc          the entry point: operand checks, raise_error, the two caches
//                         consulted in OPA's order, errors reported as OPA reports them;
//   http_send_request.cc  the request object read into a Request (createHTTPRequest);
//   http_send_transfer.cc the exchange itself, on libcurl (timeouts, redirects, TLS,
//                         retries, cancellation);
//   http_send_response.cc a Response as the result object, and the caching headers;
//   http_send_cache.cc    the inter-query cache, shared by every evaluation.
//
// OPA reports a failure in one of three ways, and with raise_error false each becomes an
// `error` object of its own code, so an HttpError records which way it came: a network
// failure (Go's *url.Error), an error OPA already wrapped with the built-in's name and a
// code, or a bare error text that the entry point wraps.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "runtime/value.h"
#include "stdlib/builtin.h"

namespace arcane::stdlib::http {

inline constexpr std::string_view kName = "http.send";

struct Header {
  std::string name;
  std::string value;
};

struct HttpError {
  enum class Kind {
    kNetwork,    // the exchange failed: code eval_http_send_network_error when not raised
    kWrapped,    // "http.send: ..." with `code` already chosen (type or builtin error)
    kPlain,      // a bare text: raised as a builtin error, else an internal error
    kCancelled,  // the evaluation was cancelled: always halts
  };
  Kind kind = Kind::kPlain;
  std::string code;     // kWrapped
  std::string message;  // the text OPA reports (for kNetwork, Go's url.Error text)
  std::string raised;   // kNetwork: the text when raised (differs for timeouts), else empty

  static HttpError plain(std::string message) { return {Kind::kPlain, {}, std::move(message), {}}; }
  static HttpError wrapped(std::string_view code, std::string_view detail);  // "http.send: " + detail
};

struct TlsOptions {
  std::optional<bool> use_system_certs;
  bool has_ca = false;  // a CA was given: only these are trusted unless use_system_certs
  std::string ca_pem;   // tls_ca_cert, _file and _env_variable, concatenated
  std::string client_cert_pem, client_key_pem;  // tls_client_cert/_key or their env variables
  std::string client_cert_file, client_key_file;
  bool insecure_skip_verify = false;
  std::string server_name;  // tls_server_name, else the Host header's
};

struct Request {
  std::string method;  // upper case
  std::string url;
  std::string body;
  std::vector<Header> headers;  // names in Go's canonical form, one value each
  bool enable_redirect = false;
  int64_t timeout_ns = 0;  // 0 or less: no timeout
  int max_retry_attempts = 0;
  TlsOptions tls;
};

struct Response {
  std::string status;  // "200 OK", as the status line has it
  int status_code = 0;
  std::vector<Header> headers;  // in the order received, names as sent
  std::string body;
};

// ---- http_send_request.cc ---------------------------------------------------------------

// validateHTTPRequestOperand: unknown keys, then missing method/url (type errors).
std::optional<BuiltinError> check_request_keys(const runtime::Value& req);
// createHTTPRequest: every option read and checked. Without `timeout` it is OPA's 5 s
// (or the Go duration in HTTP_SEND_TIMEOUT).
std::variant<Request, HttpError> build_request(const runtime::Value& req);
// getBoolValFromReqObj: absent is false; a non-boolean is `invalid value for "k" field`.
std::variant<bool, HttpError> bool_option(const runtime::Value& req, std::string_view key);
// The request as a cache key: cache_ignored_headers' headers removed from `headers`,
// cache_ignored_headers itself null (getKeyFromRequest).
std::variant<runtime::Value, HttpError> cache_key(const runtime::Value& req);
// Go's http.CanonicalHeaderKey.
std::string canonical_header_key(std::string_view name);
// Go's url.Error text: `Get "http://x": <detail>`.
std::string url_error(std::string_view method, std::string_view url, std::string_view detail);

// ---- http_send_transfer.cc --------------------------------------------------------------

// One exchange, retried up to max_retry_attempts times with OPA's backoff. Never takes
// longer than the request's timeout per attempt, and returns promptly (within ~50 ms)
// once ctx is cancelled.
std::variant<Response, HttpError> transfer(const Request& req, const BuiltinContext& ctx);

// ---- http_send_response.cc --------------------------------------------------------------

// The result object: status, status_code, headers (lower-cased names, arrays of values),
// raw_body, and body decoded as JSON or YAML when forced or when the content type says
// so (null otherwise, or when it does not decode).
runtime::Value response_value(const Response& r, bool force_json, bool force_yaml);
// The first value of a header, by case-insensitive name; empty when absent.
std::string_view header_value(const std::vector<Header>& headers, std::string_view name);
// RFC 7231 6.1's cacheable status codes, as OPA lists them.
bool cacheable_status(int code);
// Cache-Control has no no-store directive.
bool can_store(const std::vector<Header>& headers);
// expiryFromHeaders: Date + max-age, else Expires, else the zero time (already stale);
// an error when max-age is given without a usable Date header.
std::variant<int64_t, HttpError> expiry_from_headers(const std::vector<Header>& headers);

// ---- http_send_cache.cc -----------------------------------------------------------------

struct CachedResponse {
  Response response;
  int64_t expires_at_ns = 0;  // Unix ns; INT64_MIN for Go's zero time
};

// The inter-query cache: process-wide, thread-safe, bounded by size.
class InterQueryCache {
 public:
  static InterQueryCache& instance();
  std::optional<CachedResponse> get(const std::string& key);
  void put(const std::string& key, CachedResponse entry);
  void erase(const std::string& key);
  void clear();
  void set_max_bytes(size_t max_bytes);  // evicts at once down to the new bound
  size_t size_bytes();

 private:
  InterQueryCache();
  struct State;
  State* state_;  // never freed: the cache lives as long as the process
};

}  // namespace arcane::stdlib::http

namespace arcane::stdlib::impl {
BuiltinResult http_send(BuiltinContext& ctx, std::span<const runtime::Value> args);
}  // namespace arcane::stdlib::impl
