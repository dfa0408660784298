// URIs: uri.parse and uri.is_valid (topdown/uri.go over Go's net/url.Parse).
//
// The parser follows net/url step by step, because its choices are the results: the
// fragment is cut first; control bytes are refused; a scheme is letters then letters,
// digits, "+-."; a rootless rest after a scheme is opaque (mailto:...); "//" starts an
// authority whose userinfo, host and port are validated (hosts may %-escape only
// non-ASCII bytes, a bracketed host must be an IPv6 literal, the port is ASCII digits);
// and raw_path is the input path only when Go's default path escaping of the decoded
// path would not give it back. Errors read as Go prints a *url.Error:
//   parse "http://exa%6dple.com/": invalid URL escape "%6d"
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "runtime/value_builder.h"
#include "stdlib/families_matching.h"
#include "stdlib/operands.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

enum class Mode { kPath, kHost, kZone, kUserPassword, kFragment };

struct Url {
  std::string scheme, opaque, host, path, raw_path, raw_query, fragment;
};

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int unhex(char c) {
  return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

std::string quoted(std::string_view s) {
  std::string out;
  append_go_quoted(out, s);
  return out;
}

bool should_escape(unsigned char c, Mode mode) {
  if (std::isalnum(c) != 0) return false;
  if (mode == Mode::kHost || mode == Mode::kZone) {
    if (std::string_view("!$&'()*+,;=:[]<>\"").find(static_cast<char>(c)) != std::string_view::npos) return false;
  }
  if (std::string_view("-_.~").find(static_cast<char>(c)) != std::string_view::npos) return false;
  if (std::string_view("$&+,/:;=?@").find(static_cast<char>(c)) != std::string_view::npos) {
    switch (mode) {
      case Mode::kPath: return c == '?';
      case Mode::kUserPassword: return c == '@' || c == '/' || c == '?' || c == ':';
      case Mode::kFragment: return false;
      default: break;
    }
  }
  if (mode == Mode::kFragment && std::string_view("!()*").find(static_cast<char>(c)) != std::string_view::npos) {
    return false;
  }
  return true;
}

// Go's url.unescape; the error is Go's message.
std::optional<std::string> unescape(std::string_view s, Mode mode, std::string& error) {
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) {
        error = "invalid URL escape " + quoted(s.substr(i, 3));
        return std::nullopt;
      }
      std::string_view esc = s.substr(i, 3);
      if (mode == Mode::kHost && unhex(s[i + 1]) < 8 && esc != "%25") {
        error = "invalid URL escape " + quoted(esc);
        return std::nullopt;
      }
      if (mode == Mode::kZone) {
        auto v = static_cast<unsigned char>(unhex(s[i + 1]) << 4 | unhex(s[i + 2]));
        if (esc != "%25" && v != ' ' && should_escape(v, Mode::kHost)) {
          error = "invalid URL escape " + quoted(esc);
          return std::nullopt;
        }
      }
      i += 3;
      continue;
    }
    auto c = static_cast<unsigned char>(s[i]);
    if ((mode == Mode::kHost || mode == Mode::kZone) && c < 0x80 && should_escape(c, mode)) {
      error = "invalid character " + quoted(s.substr(i, 1)) + " in host name";
      return std::nullopt;
    }
    ++i;
  }
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      out += static_cast<char>(unhex(s[i + 1]) << 4 | unhex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string escape(std::string_view s, Mode mode) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (should_escape(c, mode)) {
      (out += '%') += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

bool valid_optional_port(std::string_view port) {
  if (port.empty()) return true;
  if (port[0] != ':') return false;
  return std::all_of(port.begin() + 1, port.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_userinfo(std::string_view s) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0) continue;
    if (std::string_view("-._:~!$&'()*+,;=%@").find(ch) == std::string_view::npos) return false;
  }
  return true;
}

std::optional<std::string> parse_host(std::string_view host, std::string& error) {
  if (!host.empty() && host[0] == '[') {
    size_t i = host.rfind(']');
    if (i == std::string_view::npos) {
      error = "missing ']' in host";
      return std::nullopt;
    }
    std::string_view colon_port = host.substr(i + 1);
    if (!valid_optional_port(colon_port)) {
      error = "invalid port " + quoted(colon_port) + " after host";
      return std::nullopt;
    }
    std::optional<std::string> port = unescape(colon_port, Mode::kHost, error);
    if (!port) return std::nullopt;
    std::string_view hostname = host.substr(1, i - 1);
    size_t zone_at = hostname.find("%25");
    std::optional<std::string> name = unescape(hostname.substr(0, zone_at), Mode::kHost, error);
    if (!name) return std::nullopt;
    std::string zone;
    if (zone_at != std::string_view::npos) {
      std::optional<std::string> z = unescape(hostname.substr(zone_at), Mode::kZone, error);
      if (!z) return std::nullopt;
      zone = *z;
    }
    bool is4 = false;
    if (!parse_ip_literal(*name, is4)) {
      error = "invalid host: ParseAddr(" + quoted(*name) + "): unable to parse IP";
      return std::nullopt;
    }
    if (is4) {
      error = "invalid IP-literal";
      return std::nullopt;
    }
    return "[" + *name + zone + "]" + *port;
  }
  if (size_t i = host.rfind(':'); i != std::string_view::npos) {
    if (!valid_optional_port(host.substr(i))) {
      error = "invalid port " + quoted(host.substr(i)) + " after host";
      return std::nullopt;
    }
  }
  return unescape(host, Mode::kHost, error);
}

std::optional<std::string> parse_authority(std::string_view authority, std::string& error) {
  size_t at = authority.rfind('@');
  std::optional<std::string> host =
      parse_host(at == std::string_view::npos ? authority : authority.substr(at + 1), error);
  if (!host || at == std::string_view::npos) return host;
  std::string_view userinfo = authority.substr(0, at);
  if (!valid_userinfo(userinfo)) {
    error = "net/url: invalid userinfo";
    return std::nullopt;
  }
  size_t colon = userinfo.find(':');
  if (!unescape(userinfo.substr(0, colon), Mode::kUserPassword, error)) return std::nullopt;
  if (colon != std::string_view::npos && !unescape(userinfo.substr(colon + 1), Mode::kUserPassword, error)) {
    return std::nullopt;
  }
  return host;
}

// getScheme: the scheme and the rest, or an error.
bool split_scheme(std::string_view raw, std::string_view& scheme, std::string_view& rest, std::string& error) {
  rest = raw;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) continue;
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
      if (i == 0) return true;
      continue;
    }
    if (c == ':') {
      if (i == 0) {
        error = "missing protocol scheme";
        return false;
      }
      scheme = raw.substr(0, i);
      rest = raw.substr(i + 1);
    }
    return true;
  }
  return true;
}

// Go's url.parse of everything before the fragment.
bool parse_reference(std::string_view raw, Url& url, std::string& error) {
  if (std::any_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    error = "net/url: invalid control character in URL";
    return false;
  }
  if (raw == "*") {
    url.path = "*";
    return true;
  }
  std::string_view scheme, rest;
  if (!split_scheme(raw, scheme, rest, error)) return false;
  for (char c : scheme) url.scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!rest.empty() && rest.back() == '?' && std::count(rest.begin(), rest.end(), '?') == 1) {
    rest.remove_suffix(1);
  } else if (size_t q = rest.find('?'); q != std::string_view::npos) {
    url.raw_query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  if (rest.empty() || rest[0] != '/') {
    if (!url.scheme.empty()) {
      url.opaque = rest;
      return true;
    }
    if (rest.substr(0, rest.find('/')).find(':') != std::string_view::npos) {
      error = "first path segment in URL cannot contain colon";
      return false;
    }
  }
  if ((!url.scheme.empty() || rest.substr(0, 3) != "///") && rest.substr(0, 2) == "//") {
    std::string_view authority = rest.substr(2);
    rest = {};
    if (size_t slash = authority.find('/'); slash != std::string_view::npos) {
      rest = authority.substr(slash);
      authority = authority.substr(0, slash);
    }
    std::optional<std::string> host = parse_authority(authority, error);
    if (!host) return false;
    url.host = *host;
  }
  std::optional<std::string> path = unescape(rest, Mode::kPath, error);
  if (!path) return false;
  url.path = *path;
  if (escape(url.path, Mode::kPath) != rest) url.raw_path = rest;
  return true;
}

// url.Parse: the URL, or the *url.Error's text.
std::optional<Url> parse_url(std::string_view raw, std::string& error) {
  size_t hash = raw.find('#');
  std::string_view ref = raw.substr(0, hash);
  Url url;
  if (!parse_reference(ref, url, error)) {
    error = "parse " + quoted(ref) + ": " + error;
    return std::nullopt;
  }
  if (hash != std::string_view::npos) {
    std::optional<std::string> frag = unescape(raw.substr(hash + 1), Mode::kFragment, error);
    if (!frag) {
      error = "parse " + quoted(raw) + ": " + error;
      return std::nullopt;
    }
    url.fragment = *frag;
  }
  return url;
}

// url.URL's splitHostPort: (hostname, port).
std::pair<std::string_view, std::string_view> split_host_port(std::string_view host) {
  std::string_view port;
  if (size_t colon = host.rfind(':'); colon != std::string_view::npos && valid_optional_port(host.substr(colon))) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
  }
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  return {host, port};
}

}  // namespace

BuiltinResult uri_parse(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "uri.parse";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  std::string error;
  std::optional<Url> url = parse_url(args[0].string_view(), error);
  if (!url) return builtin_error(kName, error);
  runtime::ObjectBuilder out;
  auto put = [&](std::string_view key, std::string_view v) {
    if (!v.empty()) out.insert(key, Value::from_string(v));
  };
  auto [hostname, port] = split_host_port(url->host);
  put("scheme", url->scheme);
  put("hostname", hostname);
  put("port", port);
  if (!url->path.empty()) {
    put("path", url->path);
    put("raw_path", url->raw_path.empty() ? url->path : url->raw_path);
  }
  put("raw_query", url->raw_query);
  put("fragment", url->fragment);
  return out.build();
}

BuiltinResult uri_is_valid(BuiltinContext&, Args args) {
  if (!args[0].is_string() || args[0].string_view().empty()) return Value::boolean(false);
  std::string error;
  return Value::boolean(parse_url(args[0].string_view(), error).has_value());
}

}  // namespace arcane::stdlib::impl
