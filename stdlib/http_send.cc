// http.send(request): OPA's builtinHTTPSend and getHTTPResponse.
//
// Order of work, as OPA's: the operand must be an object; raise_error must be a boolean;
// the keys are checked (unknown ones, then method and url); then the response comes from
// the first of
//   1. the per-evaluation cache: within one evaluation, equal requests (ignoring the
//      headers named in cache_ignored_headers) get the same response, or the same error;
//   2. the inter-query cache (http_send_cache.cc), when the request asks for it with
//      `cache: true` or `force_cache: true`: a fresh entry is served; a stale one with an
//      ETag or Last-Modified is revalidated with the server (304 refreshes it), one
//      without is dropped;
//   3. the network (http_send_transfer.cc).
// A response joins the inter-query cache when its status is cacheable and either
// force_cache_duration_seconds > 0 (it then lives that long) or Cache-Control has no
// no-store (it lives until Date + max-age, else until Expires).
//
// Errors: with raise_error (the default) they are errors of the call, worded as OPA
// words them; with raise_error false the result is {"status_code": 0, "error": {"code",
// "message"}} where code is eval_http_send_network_error for a failed exchange and
// eval_http_send_internal_error otherwise. A cancelled evaluation always halts.
#include <algorithm>
#include <climits>

#include "runtime/json_writer.h"
#include "runtime/value_builder.h"
#include "stdlib/context.h"
#include "stdlib/http_send.h"
#include "stdlib/operands.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::impl {

namespace {

using http::HttpError;
using http::kName;
using runtime::Value;

constexpr std::string_view kNetworkErrorCode = "eval_http_send_network_error";
constexpr std::string_view kInternalErrorCode = "eval_http_send_internal_error";
constexpr std::string_view kIntraCache = "http.send#request";  // our entries in the context's cache

using Outcome = std::variant<Value, HttpError>;

// handleHTTPSendErr on an error that is still a bare text.
HttpError wrap(HttpError e) {
  if (e.kind == HttpError::Kind::kPlain) return HttpError::wrapped(kBuiltinError, e.message);
  return e;
}

// ---- the per-evaluation cache: responses as they are, errors as [kind, code, message, raised]

void remember(BuiltinContext& ctx, const Value& key, const Outcome& o) {
  if (const Value* v = std::get_if<Value>(&o)) {
    ctx.remember(kIntraCache, key, *v);
    return;
  }
  const HttpError& e = std::get<HttpError>(o);
  if (e.kind == HttpError::Kind::kCancelled) return;
  runtime::ArrayBuilder a;
  a.push_back(Value::integer(static_cast<int>(e.kind)));
  a.push_back(Value::from_string(e.code));
  a.push_back(Value::from_string(e.message));
  a.push_back(Value::from_string(e.raised));
  ctx.remember(kIntraCache, key, a.build());
}

std::optional<Outcome> recall(BuiltinContext& ctx, const Value& key) {
  const Value* hit = ctx.cached(kIntraCache, key);
  if (hit == nullptr) return std::nullopt;
  if (!hit->is_array()) return Outcome(*hit);
  HttpError e;
  e.kind = static_cast<HttpError::Kind>(hit->at(0).number().to_int64().value_or(0));
  e.code = std::string(hit->at(1).string_view());
  e.message = std::string(hit->at(2).string_view());
  e.raised = std::string(hit->at(3).string_view());
  return Outcome(std::move(e));
}

// ---- options read where OPA reads them

// strconv.ParseInt(text, 10, 32), its errors wrapped.
std::variant<int64_t, HttpError> parse_int32(const std::string& text) {
  std::string quoted;
  append_go_quoted(quoted, text);
  std::string_view digits(text);
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
  bool ok = !digits.empty() && std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); });
  if (!ok) return HttpError::wrapped(kBuiltinError, "strconv.ParseInt: parsing " + quoted + ": invalid syntax");
  int64_t v = digits.size() > 11 ? INT64_MAX : std::stoll(std::string(digits));
  if (text[0] == '-') v = -v;
  if (v > INT32_MAX || v < INT32_MIN) {
    return HttpError::wrapped(kBuiltinError, "strconv.ParseInt: parsing " + quoted + ": value out of range");
  }
  return v;
}

struct CacheOptions {
  bool use_inter_query = false;
  int64_t force_seconds = 0;  // > 0: force_cache's lifetime
  bool force_json = false, force_yaml = false;
};

std::optional<HttpError> read_cache_options(const Value& req, CacheOptions& out) {
  auto cache = http::bool_option(req, "cache");
  if (auto* e = std::get_if<HttpError>(&cache)) return wrap(*e);
  auto force = http::bool_option(req, "force_cache");
  if (auto* e = std::get_if<HttpError>(&force)) return wrap(*e);
  out.use_inter_query = std::get<bool>(cache) || std::get<bool>(force);
  if (std::get<bool>(force)) {
    const Value* secs = req.find("force_cache_duration_seconds");
    if (secs == nullptr) {
      return HttpError::wrapped(kBuiltinError, "'force_cache' set but 'force_cache_duration_seconds' parameter is missing");
    }
    auto secs_or = parse_int32(rego_text(*secs));
    if (auto* e = std::get_if<HttpError>(&secs_or)) return *e;
    out.force_seconds = std::get<int64_t>(secs_or);
  }
  return std::nullopt;
}

std::optional<HttpError> read_decode_options(const Value& req, CacheOptions& out) {
  auto json = http::bool_option(req, "force_json_decode");
  if (auto* e = std::get_if<HttpError>(&json)) return wrap(*e);
  auto yaml = http::bool_option(req, "force_yaml_decode");
  if (auto* e = std::get_if<HttpError>(&yaml)) return wrap(*e);
  out.force_json = std::get<bool>(json);
  out.force_yaml = std::get<bool>(yaml);
  return std::nullopt;
}

std::variant<http::Response, HttpError> fetch(const Value& req, const BuiltinContext& ctx,
                                              const std::vector<http::Header>& extra = {}) {
  auto built = http::build_request(req);
  if (auto* e = std::get_if<HttpError>(&built)) return *e;  // max_retry_attempts' error stays bare, as in OPA
  http::Request& r = std::get<http::Request>(built);
  for (const http::Header& h : extra) {
    std::erase_if(r.headers, [&](const http::Header& x) { return x.name == h.name; });
    r.headers.push_back(h);
  }
  return http::transfer(r, ctx);
}

// ---- the inter-query cache

// getCachingMode: "serialized" (the default) or "deserialized"; both store bytes here.
bool valid_caching_mode(const Value& req) {
  const Value* mode = req.find("caching_mode");
  return mode == nullptr ||
         (mode->is_string() && (mode->string_view() == "serialized" || mode->string_view() == "deserialized"));
}

std::optional<HttpError> store(const std::string& key, const Value& req, const http::Response& r,
                               const CacheOptions& opts, int64_t now_ns) {
  bool forced = opts.force_seconds > 0;
  if ((!forced && !http::can_store(r.headers)) || !http::cacheable_status(r.status_code)) return std::nullopt;
  if (!valid_caching_mode(req)) return HttpError::plain("invalid value specified for \"caching_mode\" field");
  http::CachedResponse entry{r, 0};
  if (forced) {
    entry.expires_at_ns = now_ns + opts.force_seconds * 1'000'000'000;
  } else {
    auto expiry = http::expiry_from_headers(r.headers);
    if (auto* e = std::get_if<HttpError>(&expiry)) return *e;
    entry.expires_at_ns = std::get<int64_t>(expiry);
  }
  http::InterQueryCache::instance().put(key, std::move(entry));
  return std::nullopt;
}

// A stale entry: asks the server whether it still holds (revalidateCachedResponse).
// nullopt: nothing usable, go to the network.
std::optional<Outcome> revalidate(const std::string& key_text, const Value& key, http::CachedResponse cached,
                                  const CacheOptions& opts, const BuiltinContext& ctx) {
  auto& cache = http::InterQueryCache::instance();
  std::string etag(http::header_value(cached.response.headers, "etag"));
  std::string modified(http::header_value(cached.response.headers, "last-modified"));
  if (etag.empty() && modified.empty()) {
    cache.erase(key_text);
    return std::nullopt;
  }
  std::vector<http::Header> conditions;
  if (!etag.empty()) conditions.push_back({"If-None-Match", etag});
  if (!modified.empty()) conditions.push_back({"If-Modified-Since", modified});
  auto fresh = fetch(key, ctx, conditions);
  cache.erase(key_text);
  if (auto* e = std::get_if<HttpError>(&fresh)) return Outcome(*e);
  http::Response& r = std::get<http::Response>(fresh);
  if (r.status_code == 200) {
    if (auto e = store(key_text, key, r, opts, ctx.now_ns())) return Outcome(*e);
    return Outcome(http::response_value(r, opts.force_json, opts.force_yaml));
  }
  if (r.status_code != 304) return std::nullopt;
  // Not modified: the 304's headers replace the cached ones of the same names.
  for (const http::Header& h : r.headers) {
    std::erase_if(cached.response.headers, [&](const http::Header& x) {
      return http::canonical_header_key(x.name) == http::canonical_header_key(h.name);
    });
  }
  for (const http::Header& h : r.headers) cached.response.headers.push_back(h);
  if (opts.force_seconds > 0) {
    cached.expires_at_ns = ctx.now_ns() + opts.force_seconds * 1'000'000'000;
  } else {
    auto expiry = http::expiry_from_headers(r.headers);
    if (auto* e = std::get_if<HttpError>(&expiry)) return Outcome(*e);
    cached.expires_at_ns = std::get<int64_t>(expiry);
  }
  if (!valid_caching_mode(key)) return Outcome(HttpError::plain("invalid value specified for \"caching_mode\" field"));
  Value result = http::response_value(cached.response, opts.force_json, opts.force_yaml);
  cache.put(key_text, std::move(cached));
  return Outcome(std::move(result));
}

std::optional<Outcome> from_inter_query_cache(const std::string& key_text, const Value& key, const CacheOptions& opts,
                                              const BuiltinContext& ctx) {
  std::optional<http::CachedResponse> hit = http::InterQueryCache::instance().get(key_text);
  if (!hit) return std::nullopt;
  if (ctx.now_ns() < hit->expires_at_ns) return Outcome(http::response_value(hit->response, opts.force_json, opts.force_yaml));
  return revalidate(key_text, key, std::move(*hit), opts, ctx);
}

Outcome get_response(BuiltinContext& ctx, const Value& req) {
  auto key_or = http::cache_key(req);
  if (auto* e = std::get_if<HttpError>(&key_or)) return *e;
  const Value& key = std::get<Value>(key_or);
  CacheOptions opts;
  if (auto e = read_cache_options(req, opts)) return *e;
  if (auto hit = recall(ctx, key)) return *hit;

  std::string key_text = runtime::to_json(key);
  if (opts.use_inter_query) {
    if (auto e = read_decode_options(key, opts)) return *e;
    if (auto cached = from_inter_query_cache(key_text, key, opts, ctx)) {
      remember(ctx, key, *cached);
      return *cached;
    }
  }
  auto fetched = fetch(req, ctx);
  if (auto* e = std::get_if<HttpError>(&fetched)) {
    remember(ctx, key, *e);
    return *e;
  }
  const http::Response& r = std::get<http::Response>(fetched);
  if (!opts.use_inter_query) {
    if (auto e = read_decode_options(key, opts)) return *e;
  }
  Value result = http::response_value(r, opts.force_json, opts.force_yaml);
  if (opts.use_inter_query || http::cacheable_status(r.status_code)) remember(ctx, key, result);
  // As OPA: a response that cannot join the inter-query cache is still this call's result.
  if (opts.use_inter_query) (void)store(key_text, req, r, opts, ctx.now_ns());
  return result;
}

Value error_object(std::string_view code, std::string_view message) {
  runtime::ObjectBuilder err;
  err.insert("code", Value::from_string(code));
  err.insert("message", Value::from_string(message));
  runtime::ObjectBuilder out;
  out.insert("error", err.build());
  out.insert("status_code", Value::integer(0));
  return out.build();
}

BuiltinResult report(const HttpError& e, bool raise) {
  using Kind = HttpError::Kind;
  if (e.kind == Kind::kCancelled) return BuiltinError{e.code, e.message, true};
  if (raise) {
    if (e.kind == Kind::kNetwork) return builtin_error(kName, e.raised.empty() ? e.message : e.raised);
    if (e.kind == Kind::kWrapped) return BuiltinError{e.code, e.message};
    return builtin_error(kName, e.message);
  }
  if (e.kind == Kind::kNetwork) return error_object(kNetworkErrorCode, e.message);
  if (e.kind == Kind::kWrapped) return error_object(kInternalErrorCode, e.code + ": " + e.message);
  return error_object(kInternalErrorCode, e.message);
}

}  // namespace

BuiltinResult http_send(BuiltinContext& ctx, std::span<const Value> args) {
  const Value& req = args[0];
  if (!req.is_object()) return operand_type_error(kName, 1, req, {"object"});
  bool raise = true;
  if (const Value* v = req.find("raise_error")) {
    if (!v->is_boolean()) return builtin_error(kName, "invalid value for raise_error field");
    raise = v->as_bool();
  }
  if (auto err = http::check_request_keys(req)) {
    if (raise) return *err;
    return error_object(kInternalErrorCode, err->code + ": " + err->message);
  }
  Outcome o = get_response(ctx, req);
  if (Value* v = std::get_if<Value>(&o)) return std::move(*v);
  return report(std::get<HttpError>(o), raise);
}

}  // namespace arcane::stdlib::impl
