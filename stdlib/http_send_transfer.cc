// http.send's exchange on libcurl, made to behave like OPA's Go http.Client.
//
// What Go does that curl does not by default, and how we get it:
//   - no Accept header, no form Content-Type for a body, no `Expect: 100-continue`: those
//     curl defaults are switched off unless the policy sets the header;
//   - a body is sent with any method when given; POST, PUT and PATCH send
//     `Content-Length: 0` without one;
//   - redirects are not followed unless enable_redirect (the 3xx response is the result);
//     when followed, at most 10, then "stopped after 10 redirects";
//   - the timeout covers the whole exchange; a timeout before the response headers is a
//     network error, one while reading the body is not (Go's client.Do has returned);
//   - tls_server_name (or a Host header) names the server for SNI and verification
//     while the connection still goes to the URL's host: curl has no such option, so the
//     URL is rewritten to that name and CONNECT_TO sends it to the original host;
//   - a CA given by the policy replaces the system roots unless tls_use_system_certs;
//   - unix://host/path?socket=/path/to.sock talks HTTP over a Unix domain socket;
//   - Transfer-Encoding is not among the response headers (Go moves it elsewhere);
//   - as with Go's ProxyFromEnvironment, proxy variables are ignored for loopback hosts.
// The transfer runs on a multi handle polled every 50 ms, so a cancelled evaluation
// stops it promptly; retry back-off sleeps are sliced the same way.
#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

#include "stdlib/context.h"
#include "stdlib/http_send.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::http {

namespace {

constexpr int kMaxRedirects = 10;
constexpr int kPollMs = 50;
constexpr const char* kUserAgent = "Arcane (Open Policy Agent compatible; http.send)";

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && lower(a) == lower(b);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Go's http.StatusText for the codes an HTTP/2 status line (which has no reason) may carry.
std::string_view status_text(int code) {
  switch (code) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

// What the callbacks collect. Each status line (a 1xx, a followed redirect) starts over.
struct Exchange {
  Response response;
  bool headers_done = false;
  const BuiltinContext* ctx = nullptr;
};

void start_response(Exchange& x, std::string_view line) {
  x.response = Response();
  x.headers_done = false;
  size_t sp = line.find(' ');
  std::string_view status = sp == std::string_view::npos ? std::string_view() : line.substr(sp + 1);
  while (!status.empty() && status.front() == ' ') status.remove_prefix(1);
  int code = 0;
  for (size_t i = 0; i < 3 && i < status.size() && std::isdigit(static_cast<unsigned char>(status[i])); ++i) {
    code = code * 10 + (status[i] - '0');
  }
  x.response.status_code = code;
  x.response.status = std::string(status);
  if (line.substr(0, 6) == "HTTP/2" || line.substr(0, 6) == "HTTP/3") {
    std::string_view text = status_text(code);
    x.response.status = std::to_string(code) + (text.empty() ? "" : " ") + std::string(text);
  }
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto& x = *static_cast<Exchange*>(user);
  std::string_view raw(data, size * count);
  std::string_view line = raw;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.substr(0, 5) == "HTTP/") {
    start_response(x, line);
  } else if (line.empty()) {
    x.headers_done = x.response.status_code >= 200;
  } else if ((line.front() == ' ' || line.front() == '\t') && !x.response.headers.empty()) {
    x.response.headers.back().value += " " + std::string(trim(line));  // obsolete line folding
  } else if (size_t colon = line.find(':'); colon != std::string_view::npos) {
    std::string_view name = trim(line.substr(0, colon));
    if (!iequals(name, "Transfer-Encoding")) {
      x.response.headers.push_back({std::string(name), std::string(trim(line.substr(colon + 1)))});
    }
  }
  return raw.size();
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto& x = *static_cast<Exchange*>(user);
  x.headers_done = true;
  x.response.body.append(data, size * count);
  return size * count;
}

// Aborts the transfer (CURLE_ABORTED_BY_CALLBACK) once the evaluation is cancelled.
int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto& x = *static_cast<Exchange*>(user);
  return x.ctx->cancelled() ? 1 : 0;
}

struct CurlDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;
using CurlUrl = std::unique_ptr<CURLU, UrlDeleter>;

void append(Slist& list, const std::string& line) {
  curl_slist* l = curl_slist_append(list.get(), line.c_str());
  if (l != nullptr) {
    (void)list.release();
    list.reset(l);
  }
}

bool has_header(const Request& req, std::string_view name) {
  return std::any_of(req.headers.begin(), req.headers.end(), [&](const Header& h) { return iequals(h.name, name); });
}

// The URL's scheme as Go's url.Parse sees it ("" when there is none).
std::string scheme_of(std::string_view url) {
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return "";
  std::string_view s = url.substr(0, colon);
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return "";
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return "";
  }
  return lower(s);
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i] == '+' ? ' ' : s[i]);
    }
  }
  return out;
}

// unix://host/path?socket=%2Fx.sock&a=b -> http://host/path?a=b and the socket's path.
std::string unix_socket_url(const std::string& url, std::string& socket) {
  size_t q = url.find('?');
  if (q == std::string::npos) return url;
  std::string base = "http" + url.substr(4, q - 4);
  std::string rest;
  std::string_view query(url);
  query.remove_prefix(q + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.substr(0, 7) == "socket=") {
      if (socket.empty()) socket = percent_decode(part.substr(7));
      continue;
    }
    if (!rest.empty()) rest += '&';
    rest += part;
  }
  return rest.empty() ? base : base + "?" + rest;
}

struct Prepared {
  CurlHandle handle;
  Slist headers, connect_to;
  std::string url;  // what curl fetches
  char errbuf[CURL_ERROR_SIZE] = {};
};

void set_method_and_body(CURL* h, const Request& req) {
  bool expects_body = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
  if (req.method == "HEAD") {
    curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  } else if (req.method == "GET" && req.body.empty()) {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else if (!req.body.empty() || expects_body) {
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
    curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, req.body.c_str());
    if (req.method != "POST") curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, req.method.c_str());
  } else {
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, req.method.empty() ? "GET" : req.method.c_str());
  }
}

void set_headers(Prepared& p, const Request& req, const std::string& host_header) {
  for (const Header& h : req.headers) {
    // curl drops a header written "Name:"; "Name;" sends it with an empty value.
    append(p.headers, h.value.empty() ? h.name + ";" : h.name + ": " + h.value);
  }
  if (!host_header.empty() && !has_header(req, "Host")) append(p.headers, "Host: " + host_header);
  if (!has_header(req, "User-Agent")) append(p.headers, std::string("User-Agent: ") + kUserAgent);
  for (const char* name : {"Accept", "Content-Type", "Expect"}) {
    if (!has_header(req, name)) append(p.headers, std::string(name) + ":");
  }
  curl_easy_setopt(p.handle.get(), CURLOPT_HTTPHEADER, p.headers.get());
}

// tls_server_name: fetch https://<name>:<port>/... but connect to the URL's own host.
// Returns the Host header to send (the original authority), or "" when nothing changed.
std::string route_server_name(Prepared& p, const Request& req) {
  std::string name = req.tls.server_name;
  if (size_t colon = name.rfind(':'); colon != std::string::npos && name.find(']') == std::string::npos) {
    name.resize(colon);
  }
  CurlUrl u(curl_url());
  if (name.empty() || !u || curl_url_set(u.get(), CURLUPART_URL, p.url.c_str(), 0) != CURLUE_OK) return "";
  char *scheme = nullptr, *host = nullptr, *port = nullptr;
  curl_url_get(u.get(), CURLUPART_SCHEME, &scheme, 0);
  curl_url_get(u.get(), CURLUPART_HOST, &host, 0);
  curl_url_get(u.get(), CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
  std::string s = scheme ? scheme : "", h = host ? host : "", po = port ? port : "";
  curl_free(scheme), curl_free(host), curl_free(port);
  if (s != "https" || h.empty() || iequals(h, name)) return "";
  curl_url_set(u.get(), CURLUPART_HOST, name.c_str(), 0);
  char* rewritten = nullptr;
  if (curl_url_get(u.get(), CURLUPART_URL, &rewritten, 0) != CURLUE_OK) return "";
  p.url = rewritten;
  curl_free(rewritten);
  append(p.connect_to, name + ":" + po + ":" + h + ":" + po);
  curl_easy_setopt(p.handle.get(), CURLOPT_CONNECT_TO, p.connect_to.get());
  return po == "443" ? h : h + ":" + po;
}

void set_tls(CURL* h, const TlsOptions& tls) {
  if (tls.insecure_skip_verify) {
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (tls.has_ca) {
    curl_blob blob{const_cast<char*>(tls.ca_pem.data()), tls.ca_pem.size(), CURL_BLOB_COPY};
    curl_easy_setopt(h, CURLOPT_CAINFO_BLOB, &blob);
    if (tls.use_system_certs != true) {
      curl_easy_setopt(h, CURLOPT_CAINFO, nullptr);
      curl_easy_setopt(h, CURLOPT_CAPATH, nullptr);
    }
  }
  if (!tls.client_cert_pem.empty()) {
    curl_blob cert{const_cast<char*>(tls.client_cert_pem.data()), tls.client_cert_pem.size(), CURL_BLOB_COPY};
    curl_blob key{const_cast<char*>(tls.client_key_pem.data()), tls.client_key_pem.size(), CURL_BLOB_COPY};
    curl_easy_setopt(h, CURLOPT_SSLCERT_BLOB, &cert);
    curl_easy_setopt(h, CURLOPT_SSLKEY_BLOB, &key);
    curl_easy_setopt(h, CURLOPT_SSLCERTTYPE, "PEM");
    curl_easy_setopt(h, CURLOPT_SSLKEYTYPE, "PEM");
  } else if (!tls.client_cert_file.empty()) {
    curl_easy_setopt(h, CURLOPT_SSLCERT, tls.client_cert_file.c_str());
    curl_easy_setopt(h, CURLOPT_SSLKEY, tls.client_key_file.c_str());
  }
}

std::pair<std::string, std::string> host_and_port(const std::string& url);

// Go's ProxyFromEnvironment never proxies localhost or a loopback address; curl would.
bool is_loopback(const std::string& host) {
  return iequals(host, "localhost") || host.rfind("127.", 0) == 0 || host == "::1";
}

void prepare(Prepared& p, const Request& req, Exchange& x) {
  CURL* h = p.handle.get();
  std::string socket;
  p.url = scheme_of(req.url) == "unix" ? unix_socket_url(req.url, socket) : req.url;
  if (!socket.empty()) curl_easy_setopt(h, CURLOPT_UNIX_SOCKET_PATH, socket.c_str());
  std::string host_header = route_server_name(p, req);
  curl_easy_setopt(h, CURLOPT_URL, p.url.c_str());
  if (is_loopback(host_and_port(p.url).first)) curl_easy_setopt(h, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, p.errbuf);
  if (req.timeout_ns > 0) {
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max<int64_t>(1, (req.timeout_ns + 999'999) / 1'000'000)));
  }
  if (req.enable_redirect) {
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, static_cast<long>(kMaxRedirects));
  }
  set_method_and_body(h, req);
  set_headers(p, req, host_header);
  set_tls(h, req.tls);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &x);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &x);
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, &x);
}

// Runs the transfer on a multi handle so cancellation is noticed between polls.
CURLcode run(CURL* h, const BuiltinContext& ctx, bool& cancelled) {
  CURLM* m = curl_multi_init();
  if (m == nullptr) return CURLE_OUT_OF_MEMORY;
  curl_multi_add_handle(m, h);
  int running = 1;
  CURLcode result = CURLE_OK;
  while (true) {
    if (curl_multi_perform(m, &running) != CURLM_OK) {
      result = CURLE_FAILED_INIT;
      break;
    }
    if (running == 0) break;
    if (ctx.cancelled()) {
      cancelled = true;
      break;
    }
    curl_multi_poll(m, nullptr, 0, kPollMs, nullptr);
  }
  int queued = 0;
  while (CURLMsg* msg = curl_multi_info_read(m, &queued)) {
    if (msg->msg == CURLMSG_DONE && msg->easy_handle == h) result = msg->data.result;
  }
  curl_multi_remove_handle(m, h);
  curl_multi_cleanup(m);
  return result;
}

std::string lower_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

// The URL's host (IPv6 without brackets) and port (the scheme's default when absent).
std::pair<std::string, std::string> host_and_port(const std::string& url) {
  CurlUrl u(curl_url());
  if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return {};
  char *host = nullptr, *port = nullptr;
  curl_url_get(u.get(), CURLUPART_HOST, &host, 0);
  curl_url_get(u.get(), CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
  std::string h = host != nullptr ? host : "", po = port != nullptr ? port : "";
  curl_free(host);
  curl_free(port);
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  return {h, po};
}

// A failed exchange in Go's words, as far as they map.
HttpError failure(const Request& req, CURL* h, CURLcode code, const Prepared& p, const Exchange& x) {
  auto network = [&](const std::string& detail) {
    std::string text = url_error(req.method, req.url, detail);
    return HttpError{HttpError::Kind::kNetwork, {}, text, text};
  };
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: {
      if (x.headers_done) {
        return HttpError::wrapped(kBuiltinError,
                                  "context deadline exceeded (Client.Timeout or context cancellation while reading body)");
      }
      HttpError e = network("context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
      std::string op = url_error(req.method, "", "");
      e.raised = op.substr(0, op.find(' ')) + " " + req.url + ": request timed out";
      return e;
    }
    case CURLE_COULDNT_CONNECT: {
      long err = 0;
      curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &err);
      auto [host, port] = host_and_port(p.url);
      std::string addr = host.find(':') != std::string::npos ? "[" + host + "]:" + port : host + ":" + port;
      std::string why = err != 0 ? lower_first(std::strerror(static_cast<int>(err))) : "connection refused";
      return network("dial tcp " + addr + ": connect: " + why);
    }
    case CURLE_COULDNT_RESOLVE_HOST:
      return network("dial tcp: lookup " + host_and_port(p.url).first + ": no such host");
    case CURLE_TOO_MANY_REDIRECTS:
      return network("stopped after " + std::to_string(kMaxRedirects) + " redirects");
    default:
      return network(p.errbuf[0] != '\0' ? std::string(p.errbuf) : std::string(curl_easy_strerror(code)));
  }
}

HttpError cancelled_error() {
  return HttpError{HttpError::Kind::kCancelled, std::string(kCancelError), "http.send: timed out (context canceled)",
                   {}};
}

std::variant<Response, HttpError> attempt(const Request& req, const BuiltinContext& ctx) {
  std::string scheme = scheme_of(req.url);
  if (scheme != "http" && scheme != "https" && scheme != "unix") {
    std::string text = url_error(req.method, req.url, "unsupported protocol scheme \"" + scheme + "\"");
    return HttpError{HttpError::Kind::kNetwork, {}, text, text};
  }
  Prepared p;
  p.handle.reset(curl_easy_init());
  if (!p.handle) return HttpError::wrapped(kBuiltinError, "could not create an HTTP client");
  Exchange x;
  x.ctx = &ctx;
  prepare(p, req, x);
  bool cancelled = false;
  CURLcode code = run(p.handle.get(), ctx, cancelled);
  if (cancelled || code == CURLE_ABORTED_BY_CALLBACK) return cancelled_error();
  if (code != CURLE_OK) return failure(req, p.handle.get(), code, p, x);
  return std::move(x.response);
}

// util.DefaultBackoff: 100 ms growing by 1.6 per retry up to 60 s, with 20% jitter.
std::chrono::milliseconds backoff(int retry) {
  double delay = 100.0;
  for (int i = 0; i < retry && delay < 60'000.0; ++i) delay *= 1.6;
  delay = std::min(delay, 60'000.0);
  thread_local std::mt19937 rng{std::random_device{}()};
  std::uniform_real_distribution<double> jitter(-0.2, 0.2);
  return std::chrono::milliseconds(static_cast<int64_t>(delay * (1.0 + jitter(rng))));
}

// Sleeps, waking early (false) if the evaluation is cancelled.
bool sleep_unless_cancelled(std::chrono::milliseconds d, const BuiltinContext& ctx) {
  auto until = std::chrono::steady_clock::now() + d;
  while (std::chrono::steady_clock::now() < until) {
    if (ctx.cancelled()) return false;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
        std::chrono::milliseconds(kPollMs), until - std::chrono::steady_clock::now()));
  }
  return !ctx.cancelled();
}

}  // namespace

std::variant<Response, HttpError> transfer(const Request& req, const BuiltinContext& ctx) {
  init_curl_once();
  for (int i = 0;; ++i) {
    auto r = attempt(req, ctx);
    const HttpError* e = std::get_if<HttpError>(&r);
    if (e == nullptr || e->kind != HttpError::Kind::kNetwork || i >= req.max_retry_attempts) return r;
    if (!sleep_unless_cancelled(backoff(i), ctx)) return cancelled_error();
  }
}

}  // namespace arcane::stdlib::http
