// http.send's result object and the response headers that govern caching
// (OPA's prepareASTResult, getResponseHeaders, canStore, expiryFromHeaders).
//
// The body is decoded only when asked (force_json_decode, force_yaml_decode) or when the
// Content-Type says JSON (application/json, application/*+json) or YAML
// (application/yaml, application/x-yaml); a body that does not decode is null, never an
// error. Header names are lower-cased and every header's values form an array, in the
// order received.
#include <algorithm>
#include <climits>
#include <map>

#include "runtime/json_reader.h"
#include "runtime/value_builder.h"
#include "runtime/yaml_reader.h"
#include "stdlib/go_time.h"
#include "stdlib/http_send.h"

namespace arcane::stdlib::http {

namespace {

using runtime::Value;

constexpr int64_t kZeroTime = INT64_MIN;  // Go's zero time.Time: before every instant

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view s, std::string_view chars) {
  while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return c > 0x20 && c < 0x7f && std::string_view("()<>@,;:\\\"/[]?=").find(static_cast<char>(c)) ==
                                       std::string_view::npos;
  });
}

// mime.ParseMediaType's media type, lower-cased, split at '/': both halves tokens.
bool is_json_type(std::string_view content_type) {
  std::string_view media = trim(content_type.substr(0, content_type.find(';')), " \t");
  size_t slash = media.find('/');
  if (slash == std::string_view::npos) return false;
  std::string type = lower(media.substr(0, slash)), sub = lower(media.substr(slash + 1));
  if (!is_token(type) || !is_token(sub)) return false;
  return type == "application" && (sub == "json" || (sub.size() > 5 && sub.compare(sub.size() - 5, 5, "+json") == 0));
}

Value decode_body(const std::string& body, bool json) {
  runtime::Result<Value> v = json ? runtime::parse_json(body) : runtime::parse_yaml(body);
  return v.ok() ? v.value() : Value::null();
}

Value headers_value(const std::vector<Header>& headers) {
  std::map<std::string, runtime::ArrayBuilder> by_name;
  for (const Header& h : headers) by_name[lower(h.name)].push_back(Value::from_string(h.value));
  runtime::ObjectBuilder out;
  for (auto& [name, values] : by_name) out.insert(Value::from_string(name), values.build());
  return out.build();
}

std::map<std::string, std::string> cache_control(const std::vector<Header>& headers) {
  std::map<std::string, std::string> out;
  std::string_view cc = header_value(headers, "cache-control");
  while (!cc.empty()) {
    size_t comma = cc.find(',');
    std::string_view part = trim(cc.substr(0, comma), " ");
    cc = comma == std::string_view::npos ? std::string_view() : cc.substr(comma + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      out[std::string(part)] = "";
    } else if (part.find('=', eq + 1) == std::string_view::npos) {
      out[std::string(trim(part.substr(0, eq), " "))] = std::string(trim(part.substr(eq + 1), ","));
    }
  }
  return out;
}

// http.ParseTime: RFC 1123 with GMT, RFC 850, ANSI C; the last layout's error on failure.
std::variant<int64_t, std::string> parse_http_time(std::string_view text) {
  static constexpr std::string_view kLayouts[] = {"Mon, 02 Jan 2006 15:04:05 GMT", "Monday, 02-Jan-06 15:04:05 MST",
                                                  "Mon Jan _2 15:04:05 2006"};
  std::string error;
  for (std::string_view layout : kLayouts) {
    auto t = gotime::parse(layout, text);
    if (const gotime::Time* time = std::get_if<gotime::Time>(&t)) {
      std::optional<int64_t> ns = gotime::unix_nano(*time);
      if (ns) return *ns;
      return time->sec < 0 ? kZeroTime : INT64_MAX;
    }
    error = std::get<std::string>(t);
  }
  return error;
}

// parseMaxAgeCacheDirective: -1 when absent; delta-seconds capped at MaxInt32.
std::variant<int64_t, std::string> max_age(const std::map<std::string, std::string>& cc) {
  auto it = cc.find("max-age");
  if (it == cc.end()) return int64_t{-1};
  const std::string& v = it->second;
  bool digits = !v.empty() && std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); });
  if (!digits) return "strconv.ParseUint: parsing \"" + v + "\": invalid syntax";
  if (v.size() > 10) return int64_t{INT32_MAX};
  return std::min<int64_t>(std::stoll(v), INT32_MAX);
}

}  // namespace

Value response_value(const Response& r, bool force_json, bool force_yaml) {
  std::string_view content_type = header_value(r.headers, "content-type");
  Value body = Value::null();
  if (force_json || is_json_type(content_type)) {
    body = decode_body(r.body, true);
  } else if (force_yaml || content_type.find("application/yaml") != std::string_view::npos ||
             content_type.find("application/x-yaml") != std::string_view::npos) {
    body = decode_body(r.body, false);
  }
  runtime::ObjectBuilder out;
  out.insert("body", body);
  out.insert("headers", headers_value(r.headers));
  out.insert("raw_body", Value::from_string(r.body));
  out.insert("status", Value::from_string(r.status));
  out.insert("status_code", Value::integer(r.status_code));
  return out.build();
}

std::string_view header_value(const std::vector<Header>& headers, std::string_view name) {
  for (const Header& h : headers) {
    if (lower(h.name) == lower(name)) return h.value;
  }
  return {};
}

bool cacheable_status(int code) {
  static constexpr int kCodes[] = {200, 203, 204, 206, 300, 301, 404, 405, 410, 414, 501};
  return std::find(std::begin(kCodes), std::end(kCodes), code) != std::end(kCodes);
}

bool can_store(const std::vector<Header>& headers) {
  return cache_control(headers).count("no-store") == 0;
}

std::variant<int64_t, HttpError> expiry_from_headers(const std::vector<Header>& headers) {
  auto age = max_age(cache_control(headers));
  if (const std::string* e = std::get_if<std::string>(&age)) return HttpError::plain(*e);
  int64_t seconds = std::get<int64_t>(age);
  if (seconds == -1) {
    std::string_view expires = header_value(headers, "expires");
    if (expires.empty()) return kZeroTime;
    auto t = parse_http_time(expires);
    return std::holds_alternative<int64_t>(t) ? std::get<int64_t>(t) : kZeroTime;  // "Expires: 0" is expired
  }
  std::string_view date = header_value(headers, "date");
  if (date.empty()) return HttpError::plain("no date header");
  auto t = parse_http_time(date);
  if (const std::string* e = std::get_if<std::string>(&t)) return HttpError::plain(*e);
  int64_t created = std::get<int64_t>(t);
  if (created == kZeroTime) return kZeroTime;
  int64_t add = seconds * 1'000'000'000;
  return created > INT64_MAX - add ? INT64_MAX : created + add;
}

}  // namespace arcane::stdlib::http
