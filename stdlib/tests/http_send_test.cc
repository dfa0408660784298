// http.send against a local server started by each test (127.0.0.1, ephemeral port):
// the result object, raise_error, timeouts, redirects, both caches, headers both ways,
// cancellation, and OPA's request validation errors.
#include <atomic>
#include <chrono>
#include <climits>
#include <ctime>
#include <thread>

#include <unistd.h>

#include "stdlib/http_send.h"
#include "stdlib/tests/http_test_server.h"
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

using runtime::Value;
using namespace std::chrono_literals;

constexpr int64_t kSecond = 1'000'000'000;

HttpTestResponse json_response(std::string body) {
  HttpTestResponse r;
  r.headers = {{"Content-Type", "application/json"}};
  r.body = std::move(body);
  return r;
}

// An HTTP date for t seconds from the Unix epoch.
std::string http_date(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

// The value of a key of an object result, as JSON text.
std::string field(const BuiltinResult& r, std::string_view key) {
  if (!r.has_value()) return show(r);
  const Value* v = r.value().find(key);
  return v == nullptr ? "<absent>" : runtime::to_json(*v);
}

class HttpSend : public ::testing::Test {
 protected:
  void SetUp() override { http::InterQueryCache::instance().clear(); }

  // A fresh evaluation (its own per-evaluation cache) at the given clock.
  BuiltinResult send(const std::string& request_json, int64_t now_ns = 1'700'000'000 * kSecond) {
    BuiltinContext ctx(now_ns);
    ctx.set_print_sink(nullptr);
    return call(ctx, "http.send", {json(request_json)});
  }

  static std::string get(const HttpTestServer& s, const std::string& path, const std::string& extra = "") {
    return R"({"method": "get", "url": ")" + s.url(path) + "\"" + extra + "}";
  }
};

TEST_F(HttpSend, JsonResponse) {
  HttpTestServer server([](const HttpTestRequest&) { return json_response(R"({"a": [1, 2.50], "b": "x"})"); });
  BuiltinResult r = send(get(server, "/data"));
  ASSERT_TRUE(r.has_value()) << show(r);
  EXPECT_EQ(field(r, "status_code"), "200");
  EXPECT_EQ(field(r, "status"), R"("200 OK")");
  EXPECT_EQ(field(r, "body"), R"({"a":[1,2.50],"b":"x"})");
  EXPECT_EQ(field(r, "raw_body"), R"("{\"a\": [1, 2.50], \"b\": \"x\"}")");
  EXPECT_EQ(runtime::to_json(*r.value().find("headers")->find("content-type")), R"(["application/json"])");
  EXPECT_EQ(server.last_request().method, "GET");
  EXPECT_EQ(server.last_request().target, "/data");
}

TEST_F(HttpSend, BodyIsNullUnlessJsonOrYaml) {
  HttpTestServer server([](const HttpTestRequest& req) {
    HttpTestResponse r;
    if (req.target == "/yaml") r.headers = {{"Content-Type", "application/yaml"}};
    if (req.target == "/bad") r.headers = {{"Content-Type", "application/problem+json; charset=utf-8"}};
    r.body = req.target == "/bad" ? "{not json" : "a: 1\nb: [x]\n";
    return r;
  });
  EXPECT_EQ(field(send(get(server, "/text")), "body"), "null");
  EXPECT_EQ(field(send(get(server, "/text", R"(, "force_yaml_decode": true)")), "body"), R"({"a":1,"b":["x"]})");
  EXPECT_EQ(field(send(get(server, "/yaml")), "body"), R"({"a":1,"b":["x"]})");
  EXPECT_EQ(field(send(get(server, "/bad")), "body"), "null");  // undecodable: null, not an error
  EXPECT_EQ(field(send(get(server, "/bad")), "raw_body"), R"("{not json")");
}

TEST_F(HttpSend, NonSuccessStatusIsAResultEitherWay) {
  HttpTestServer server([](const HttpTestRequest&) {
    HttpTestResponse r = json_response(R"({"error": "nope"})");
    r.status = 503;
    r.reason = "Service Unavailable";
    return r;
  });
  for (const char* raise : {"true", "false"}) {
    BuiltinResult r = send(get(server, "/", std::string(R"(, "raise_error": )") + raise));
    ASSERT_TRUE(r.has_value()) << show(r);
    EXPECT_EQ(field(r, "status_code"), "503");
    EXPECT_EQ(field(r, "status"), R"("503 Service Unavailable")");
    EXPECT_EQ(field(r, "body"), R"({"error":"nope"})");
    EXPECT_EQ(field(r, "error"), "<absent>");
  }
}

TEST_F(HttpSend, TimeoutIsAnErrorOrAnErrorObject) {
  HttpTestServer server([](const HttpTestRequest&) {
    HttpTestResponse r;
    r.delay = 2s;
    return r;
  });
  std::string url = server.url("/slow");
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(show(send(get(server, "/slow", R"(, "timeout": "200ms")"))),
            builtin_error("http.send: Get " + url + ": request timed out"));
  EXPECT_EQ(show(send(get(server, "/slow", R"(, "timeout": "200ms", "raise_error": false)"))),
            R"({"error":{"code":"eval_http_send_network_error","message":"Get \")" + url +
                R"j(\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"},"status_code":0})j");
  // A number is nanoseconds, and so is a string of digits.
  EXPECT_EQ(show(send(get(server, "/slow", R"(, "timeout": 200000000)"))),
            builtin_error("http.send: Get " + url + ": request timed out"));
  EXPECT_EQ(show(send(get(server, "/slow", R"(, "timeout": "200000000")"))),
            builtin_error("http.send: Get " + url + ": request timed out"));
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1800ms);  // four calls, none waited for the server
}

TEST_F(HttpSend, ConnectionRefused) {
  int port;
  {
    HttpTestServer gone([](const HttpTestRequest&) { return HttpTestResponse(); });
    port = gone.port();
  }
  std::string url = "http://127.0.0.1:" + std::to_string(port) + "/";
  BuiltinResult r = send(R"({"method": "get", "url": ")" + url + R"(", "raise_error": false})");
  EXPECT_EQ(field(r, "error"), R"({"code":"eval_http_send_network_error","message":"Get \")" + url +
                                   R"(\": dial tcp 127.0.0.1:)" + std::to_string(port) +
                                   R"(: connect: connection refused"})");
  EXPECT_EQ(show(send(R"({"method": "get", "url": ")" + url + R"("})")),
            builtin_error("http.send: Get \"" + url + "\": dial tcp 127.0.0.1:" + std::to_string(port) +
                          ": connect: connection refused"));
  EXPECT_EQ(show(send(R"({"method": "get", "url": "ftp://127.0.0.1/x"})")),
            builtin_error(R"(http.send: Get "ftp://127.0.0.1/x": unsupported protocol scheme "ftp")"));
}

TEST_F(HttpSend, RedirectsFollowedOnlyWhenEnabled) {
  HttpTestServer server([](const HttpTestRequest& req) {
    if (req.target == "/target") return json_response(R"({"arrived": true})");
    HttpTestResponse r;
    r.status = 302;
    r.reason = "Found";
    r.headers = {{"Location", "/target"}};
    return r;
  });
  BuiltinResult off = send(get(server, "/start"));
  EXPECT_EQ(field(off, "status_code"), "302");
  EXPECT_EQ(runtime::to_json(*off.value().find("headers")->find("location")), R"(["/target"])");
  BuiltinResult on = send(get(server, "/start", R"(, "enable_redirect": true)"));
  EXPECT_EQ(field(on, "status_code"), "200");
  EXPECT_EQ(field(on, "body"), R"({"arrived":true})");
  EXPECT_EQ(server.requests(), 3);
}

TEST_F(HttpSend, HeadersBothWays) {
  HttpTestServer server([](const HttpTestRequest& req) {
    HttpTestResponse r;
    r.headers = {{"Set-Cookie", "a=1"}, {"set-cookie", "b=2"}, {"X-Echo", req.header("x-custom")}};
    return r;
  });
  BuiltinResult r = send(get(server, "/", R"(, "headers": {"x-custom": "hello", "Accept": "text/plain"})"));
  ASSERT_TRUE(r.has_value()) << show(r);
  const Value& headers = *r.value().find("headers");
  EXPECT_EQ(runtime::to_json(*headers.find("set-cookie")), R"(["a=1","b=2"])");
  EXPECT_EQ(runtime::to_json(*headers.find("x-echo")), R"(["hello"])");
  HttpTestRequest seen = server.last_request();
  EXPECT_EQ(seen.header("x-custom"), "hello");
  EXPECT_EQ(seen.header("accept"), "text/plain");
  EXPECT_NE(seen.header("user-agent"), "");
  // No curl defaults OPA would not send.
  r = send(get(server, "/"));
  EXPECT_EQ(server.last_request().header("accept"), "");
}

TEST_F(HttpSend, BodiesAndMethods) {
  HttpTestServer server([](const HttpTestRequest& req) {
    HttpTestResponse r;
    r.body = req.method + " " + req.body + " " + req.header("content-type") + "|" + req.header("content-length");
    return r;
  });
  EXPECT_EQ(field(send(R"({"method": "post", "url": ")" + server.url() + R"(", "body": {"b": [1, "x"], "a": null}})"),
                  "raw_body"),
            R"("POST {\"a\":null,\"b\":[1,\"x\"]} |22")");
  EXPECT_EQ(field(send(R"({"method": "put", "url": ")" + server.url() +
                       R"(", "raw_body": "k=v", "headers": {"Content-Type": "application/x-www-form-urlencoded"}})"),
                  "raw_body"),
            R"("PUT k=v application/x-www-form-urlencoded|3")");
  EXPECT_EQ(field(send(R"({"method": "delete", "url": ")" + server.url() + R"("})"), "raw_body"), R"("DELETE  |")");
  BuiltinResult head = send(R"({"method": "HEAD", "url": ")" + server.url() + R"("})");
  EXPECT_EQ(field(head, "status_code"), "200");
  EXPECT_EQ(field(head, "raw_body"), R"("")");
}

TEST_F(HttpSend, SameRequestOncePerEvaluation) {
  HttpTestServer server([](const HttpTestRequest& req) { return json_response(std::to_string(req.body.size())); });
  BuiltinContext ctx(0);
  std::string a = get(server, "/", R"(, "headers": {"X-Request-Id": "1", "X-Keep": "k"}, "cache_ignored_headers": ["X-Request-Id"])");
  std::string b = get(server, "/", R"(, "headers": {"X-Request-Id": "2", "X-Keep": "k"}, "cache_ignored_headers": ["X-Request-Id"])");
  EXPECT_EQ(field(call(ctx, "http.send", {json(a)}), "status_code"), "200");
  EXPECT_EQ(field(call(ctx, "http.send", {json(a)}), "status_code"), "200");
  EXPECT_EQ(field(call(ctx, "http.send", {json(b)}), "status_code"), "200");  // differs only in an ignored header
  EXPECT_EQ(server.requests(), 1);
  send(a);  // another evaluation asks again
  EXPECT_EQ(server.requests(), 2);
}

TEST_F(HttpSend, InterQueryCacheHonoursMaxAge) {
  int64_t now = 1'700'000'000;
  HttpTestServer server([&](const HttpTestRequest&) {
    HttpTestResponse r = json_response("1");
    r.headers.push_back({"Cache-Control", "max-age=60"});
    r.headers.push_back({"Date", http_date(now)});
    return r;
  });
  std::string req = get(server, "/", R"(, "cache": true)");
  EXPECT_EQ(field(send(req, now * kSecond), "body"), "1");
  EXPECT_EQ(field(send(req, (now + 30) * kSecond), "body"), "1");
  EXPECT_EQ(server.requests(), 1);  // the second evaluation was served from the cache
  send(req, (now + 61) * kSecond);  // stale, no validator: fetched again
  EXPECT_EQ(server.requests(), 2);
  send(get(server, "/"), now * kSecond);  // without cache: true the cache is not consulted
  EXPECT_EQ(server.requests(), 3);
}

TEST_F(HttpSend, ForceCacheIgnoresResponseHeaders) {
  HttpTestServer server([](const HttpTestRequest&) {
    HttpTestResponse r = json_response("{}");
    r.headers.push_back({"Cache-Control", "no-store"});
    return r;
  });
  int64_t now = 1'700'000'000 * kSecond;
  std::string req = get(server, "/", R"(, "force_cache": true, "force_cache_duration_seconds": 10)");
  send(req, now);
  send(req, now + 9 * kSecond);
  EXPECT_EQ(server.requests(), 1);
  send(req, now + 11 * kSecond);
  EXPECT_EQ(server.requests(), 2);
  send(get(server, "/", R"(, "cache": true)"), now);  // no-store without force: never kept
  send(get(server, "/", R"(, "cache": true)"), now);
  EXPECT_EQ(server.requests(), 4);
  EXPECT_EQ(show(send(get(server, "/", R"(, "force_cache": true)"))),
            builtin_error("http.send: 'force_cache' set but 'force_cache_duration_seconds' parameter is missing"));
}

TEST_F(HttpSend, StaleEntryRevalidatedWithEtag) {
  HttpTestServer server([](const HttpTestRequest& req) {
    HttpTestResponse r = json_response(R"({"v": 1})");
    if (req.header("if-none-match") == "\"v1\"") {
      r.status = 304;
      r.reason = "Not Modified";
      r.body.clear();
    }
    r.headers.push_back({"ETag", "\"v1\""});
    r.headers.push_back({"Cache-Control", "max-age=0"});
    r.headers.push_back({"Date", http_date(1'700'000'000)});
    return r;
  });
  std::string req = get(server, "/", R"(, "cache": true)");
  EXPECT_EQ(field(send(req), "body"), R"({"v":1})");
  BuiltinResult again = send(req, 1'700'000'005 * kSecond);
  EXPECT_EQ(field(again, "status_code"), "200");  // the cached response, refreshed by the 304
  EXPECT_EQ(field(again, "body"), R"({"v":1})");
  EXPECT_EQ(server.requests(), 2);
  EXPECT_EQ(server.last_request().header("if-none-match"), "\"v1\"");
}

TEST_F(HttpSend, CancellationStopsTheExchange) {
  HttpTestServer server([](const HttpTestRequest&) {
    HttpTestResponse r;
    r.delay = 3s;
    return r;
  });
  std::atomic<bool> cancel{false};
  BuiltinContext ctx;
  ctx.set_cancel_flag(&cancel);
  std::thread canceller([&] {
    std::this_thread::sleep_for(100ms);
    cancel = true;
  });
  auto started = std::chrono::steady_clock::now();
  BuiltinResult r = call(ctx, "http.send", {json(get(server, "/", R"(, "timeout": "10s", "raise_error": false)"))});
  canceller.join();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
  ASSERT_TRUE(r.is_error());
  EXPECT_EQ(r.error().code, "eval_cancel_error");
  EXPECT_TRUE(r.error().halt);
}

TEST_F(HttpSend, RequestValidation) {
  EXPECT_EQ(show(send(R"({"bad_key": 1, "method": "get", "url": "http://127.0.0.1:9"})")),
            type_error(R"(http.send: operand 1 invalid request parameters(s): {"bad_key"})"));
  EXPECT_EQ(show(send(R"({"method": "get"})")),
            type_error(R"(http.send: operand 1 missing required request parameters(s): {"url"})"));
  EXPECT_EQ(show(send(R"({})")),
            type_error(R"(http.send: operand 1 missing required request parameters(s): {"method", "url"})"));
  EXPECT_EQ(show(call("http.send", {str("x")})), type_error("http.send: operand 1 must be object but got string"));
  EXPECT_EQ(show(send(R"({"method": "get", "url": "x", "raise_error": "no"})")),
            builtin_error("http.send: invalid value for raise_error field"));
  EXPECT_EQ(show(send(R"({"foo": 1, "method": "get", "url": "x", "raise_error": false})")),
            R"({"error":{"code":"eval_http_send_internal_error","message":"eval_type_error: http.send: operand 1 )"
            R"(invalid request parameters(s): {\"foo\"}"},"status_code":0})");
}

TEST_F(HttpSend, OptionErrors) {
  const std::string base = R"({"method": "get", "url": "http://127.0.0.1:9/")";
  EXPECT_EQ(show(send(base + R"(, "timeout": "soon"})")),
            builtin_error(R"(http.send: invalid timeout value "soon": time: invalid duration "soon")"));
  EXPECT_EQ(show(send(base + R"(, "timeout": 1.5})")),
            builtin_error("http.send: invalid timeout number value 1.5, must be int64"));
  EXPECT_EQ(show(send(base + R"(, "timeout": true})")),
            type_error("http.send: operand 1 'timeout' must be one of {string, number} but got boolean"));
  EXPECT_EQ(show(send(base + R"(, "headers": {"a": 1}})")), builtin_error(R"(http.send: invalid type for headers value "1")"));
  EXPECT_EQ(show(send(base + R"(, "headers": []})")), builtin_error("http.send: invalid type for headers key"));
  EXPECT_EQ(show(send(base + R"(, "enable_redirect": "yes"})")),
            builtin_error(R"(http.send: strconv.ParseBool: parsing "\"yes\"": invalid syntax)"));
  EXPECT_EQ(show(send(R"({"method": 1, "url": "x"})")), builtin_error(R"(http.send: "method" must be a string)"));
  EXPECT_EQ(show(send(base + R"(, "cache": "yes"})")), builtin_error(R"(http.send: invalid value for "cache" field)"));
  EXPECT_EQ(show(send(base + R"(, "tls_ca_cert": "not a certificate"})")),
            builtin_error("http.send: could not append certificates"));
  EXPECT_EQ(show(send(base + R"(, "tls_ca_cert_file": "/nonexistent/ca.pem"})")),
            builtin_error("http.send: open /nonexistent/ca.pem: no such file or directory"));
  EXPECT_EQ(show(send(base + R"(, "max_retry_attempts": -1, "raise_error": false})")),
            R"({"error":{"code":"eval_http_send_internal_error","message":"invalid value -1 for field )"
            R"(\"max_retry_attempts\""},"status_code":0})");
}

TEST_F(HttpSend, RetriesANetworkFailure) {
  int port;
  {
    HttpTestServer gone([](const HttpTestRequest&) { return HttpTestResponse(); });
    port = gone.port();
  }
  auto started = std::chrono::steady_clock::now();
  BuiltinResult r = send(R"({"method": "get", "url": "http://127.0.0.1:)" + std::to_string(port) +
                         R"(/", "max_retry_attempts": 1, "raise_error": false})");
  EXPECT_NE(field(r, "error").find("connection refused"), std::string::npos) << show(r);
  EXPECT_GE(std::chrono::steady_clock::now() - started, 70ms);  // one back-off (100 ms +-20%) between attempts
}

TEST_F(HttpSend, InterQueryCacheIsBoundedLeastRecentlyUsedFirst) {
  auto& cache = http::InterQueryCache::instance();
  auto entry = [](size_t body) {
    http::CachedResponse e;
    e.response.body.assign(body, 'x');
    e.expires_at_ns = INT64_MAX;
    return e;
  };
  cache.set_max_bytes(3000);
  cache.put("a", entry(900));
  cache.put("b", entry(900));
  cache.put("c", entry(900));
  EXPECT_TRUE(cache.get("a").has_value());  // now the most recently used
  cache.put("d", entry(900));               // evicts b, the least recently used
  EXPECT_TRUE(cache.get("a").has_value());
  EXPECT_FALSE(cache.get("b").has_value());
  EXPECT_TRUE(cache.get("d").has_value());
  EXPECT_LE(cache.size_bytes(), 3000u);
  cache.put("huge", entry(5000));  // larger than the bound: not kept
  EXPECT_FALSE(cache.get("huge").has_value());
  cache.set_max_bytes(64u << 20);
}

TEST_F(HttpSend, EvaluationsOnManyThreadsShareTheCache) {
  HttpTestServer server([](const HttpTestRequest&) { return json_response("[1]"); });
  std::string req = get(server, "/", R"(, "force_cache": true, "force_cache_duration_seconds": 60)");
  send(req);  // fills the cache
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) ok += field(send(req), "body") == "[1]";
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), 100);
  EXPECT_EQ(server.requests(), 1);
}

TEST_F(HttpSend, UnixDomainSocket) {
  std::string path = "/tmp/arcane_http_send_test_" + std::to_string(::getpid()) + ".sock";
  HttpTestServer server([](const HttpTestRequest& req) { return json_response("\"" + req.target + "\""); }, path);
  BuiltinResult r = send(R"({"method": "get", "url": "unix://localhost/p?socket=)" + path + R"(&a=1"})");
  EXPECT_EQ(field(r, "body"), R"("/p?a=1")") << show(r);
}

TEST_F(HttpSend, ServerNameLeavesPlainHttpAlone) {
  HttpTestServer server([](const HttpTestRequest& req) { return json_response("\"" + req.header("host") + "\""); });
  std::string host = "127.0.0.1:" + std::to_string(server.port());
  EXPECT_EQ(field(send(get(server, "/", R"(, "tls_server_name": "example.com")")), "body"), "\"" + host + "\"");
  EXPECT_EQ(field(send(get(server, "/", R"(, "headers": {"host": "example.com"})")), "body"), R"("example.com")");
}

}  // namespace
}  // namespace arcane::stdlib::testing
