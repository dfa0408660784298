// gojsonschema's helpers that the compiler and the validator share: its format checkers,
// its canonical JSON for enum/const comparison, and how it prints types and numbers.
#include <arpa/inet.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

#include "runtime/go_float.h"
#include "stdlib/json_schema/subschema.h"

namespace arcane::stdlib::json_schema {

namespace {

using runtime::Value;

bool digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int num(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// Go's time.Parse of "2006-01-02" at s[pos..]; returns the end.
std::optional<size_t> parse_date(std::string_view s, size_t pos) {
  if (!digits(s, pos, 4) || pos + 10 > s.size() || s[pos + 4] != '-' || !digits(s, pos + 5, 2) ||
      s[pos + 7] != '-' || !digits(s, pos + 8, 2)) {
    return std::nullopt;
  }
  int y = num(s, pos, 4), m = num(s, pos + 5, 2), d = num(s, pos + 8, 2);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kDays[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
  return pos + 10;
}

// "15:04:05" with Go's optional fractional seconds, then optionally "Z07:00".
std::optional<size_t> parse_time(std::string_view s, size_t pos, bool zone) {
  if (!digits(s, pos, 2) || pos + 8 > s.size() || s[pos + 2] != ':' || !digits(s, pos + 3, 2) ||
      s[pos + 5] != ':' || !digits(s, pos + 6, 2)) {
    return std::nullopt;
  }
  if (num(s, pos, 2) > 23 || num(s, pos + 3, 2) > 59 || num(s, pos + 6, 2) > 59) return std::nullopt;
  size_t p = pos + 8;
  if (p < s.size() && (s[p] == '.' || s[p] == ',') && p + 1 < s.size() && s[p + 1] >= '0' && s[p + 1] <= '9') {
    ++p;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
  }
  if (!zone) return p;
  if (p < s.size() && s[p] == 'Z') return p + 1;
  if (p < s.size() && (s[p] == '+' || s[p] == '-') && digits(s, p + 1, 2) && p + 6 <= s.size() && s[p + 3] == ':' &&
      digits(s, p + 4, 2)) {
    if (num(s, p + 1, 2) > 23 || num(s, p + 4, 2) > 59) return std::nullopt;
    return p + 6;
  }
  return std::nullopt;
}

bool whole(std::optional<size_t> end, std::string_view s) {
  return end && *end == s.size();
}

bool is_date_time(std::string_view s) {
  if (whole(parse_time(s, 0, false), s) || whole(parse_time(s, 0, true), s) || whole(parse_date(s, 0), s)) return true;
  std::optional<size_t> d = parse_date(s, 0);
  return d && *d < s.size() && s[*d] == 'T' && whole(parse_time(s, *d + 1, true), s);
}

bool is_ip(std::string_view s) {
  std::string z(s);
  unsigned char buf[16];
  return inet_pton(AF_INET, z.c_str(), buf) == 1 || inet_pton(AF_INET6, z.c_str(), buf) == 1;
}

bool matches(std::string_view pattern, std::string_view s) {
  Regex re = impl::compile_regex(pattern);
  return re->re && re2::RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *re->re);
}

bool is_hostname(std::string_view s) {
  return s.size() < 256 &&
         matches(R"(^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])(\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\-]{0,61}[a-zA-Z0-9]))*$)",
                 s);
}

// A close reading of Go's url.Parse: invalid percent escapes and control characters fail.
bool url_parses(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return false;
    if (c == '%' && !(i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
                      std::isxdigit(static_cast<unsigned char>(s[i + 2])))) {
      return false;
    }
  }
  return s.find(' ') == std::string_view::npos || s.find("://") == std::string_view::npos;
}

bool has_scheme(std::string_view s) {
  return matches("^[a-zA-Z][a-zA-Z0-9+.-]*:", s);
}

bool is_email(std::string_view s) {
  size_t at = s.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == s.size()) return false;
  std::string_view addr = s;
  if (size_t lt = s.find('<'); lt != std::string_view::npos && s.back() == '>') addr = s.substr(lt + 1, s.size() - lt - 2);
  return matches(R"(^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+$)", addr) || matches(R"(^"[^"]*"@[A-Za-z0-9.-]+$)", addr);
}

const std::map<std::string, std::function<bool(std::string_view)>>& checkers() {
  static const std::map<std::string, std::function<bool(std::string_view)>> m = {
      {"date-time", is_date_time},
      {"date", [](std::string_view s) { return whole(parse_date(s, 0), s); }},
      {"time", [](std::string_view s) { return whole(parse_time(s, 0, true), s) || whole(parse_time(s, 0, false), s); }},
      {"email", is_email},
      {"idn-email", is_email},
      {"hostname", is_hostname},
      {"ipv4", [](std::string_view s) { return is_ip(s) && s.find('.') != std::string_view::npos; }},
      {"ipv6", [](std::string_view s) { return is_ip(s) && s.find(':') != std::string_view::npos; }},
      {"uri", [](std::string_view s) { return url_parses(s) && has_scheme(s) && s.find('\\') == std::string_view::npos; }},
      {"iri", [](std::string_view s) { return url_parses(s) && has_scheme(s); }},
      {"uri-reference", [](std::string_view s) { return url_parses(s) && s.find('\\') == std::string_view::npos; }},
      {"iri-reference", url_parses},
      {"uuid", [](std::string_view s) {
         return matches("^(?i)[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$", s);
       }},
      {"regex", [](std::string_view s) { return impl::compile_regex(s)->re != nullptr; }},
      {"json-pointer", [](std::string_view s) { return matches("^(?:/(?:[^~/]|~0|~1)*)*$", s); }},
      {"relative-json-pointer",
       [](std::string_view s) { return matches("^(?:0|[1-9][0-9]*)(?:#|(?:/(?:[^~/]|~0|~1)*)*)$", s); }},
  };
  return m;
}

// Go's encoding/json string escaping (HTML-safe, U+2028/9 escaped, bad UTF-8 as U+FFFD).
void append_go_json_string(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    bool ok = n != 0 && c <= 0xF4 && i + n <= s.size();
    for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && n == 3) {
      unsigned char b = static_cast<unsigned char>(s[i + 1]);
      ok = !((c == 0xE0 && b < 0xA0) || (c == 0xED && b > 0x9F));
    }
    if (ok && n == 4) {
      unsigned char b = static_cast<unsigned char>(s[i + 1]);
      ok = !((c == 0xF0 && b < 0x90) || (c == 0xF4 && b > 0x8F));
    }
    if (!ok) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    std::string_view seq = s.substr(i, n);
    if (seq == "\xE2\x80\xA8") out += "\\u2028";
    else if (seq == "\xE2\x80\xA9") out += "\\u2029";
    else out += seq;
    i += n;
  }
  out += '"';
}

void append_canonical(std::string& out, const Value& v, int depth) {
  if (depth > kMaxDepth) {
    out += "null";
    return;
  }
  switch (v.kind()) {
    case runtime::Kind::kNull: out += "null"; return;
    case runtime::Kind::kBoolean: out += v.as_bool() ? "true" : "false"; return;
    case runtime::Kind::kNumber: {
      double d = v.number().to_double();
      out += std::isfinite(d) ? runtime::format_go_json_float(d) : "null";
      return;
    }
    case runtime::Kind::kString: append_go_json_string(out, v.string_view()); return;
    case runtime::Kind::kArray:
    case runtime::Kind::kSet: {
      out += '[';
      bool first = true;
      for (const Value& e : v.elements()) {
        if (!first) out += ',';
        first = false;
        append_canonical(out, e, depth + 1);
      }
      out += ']';
      return;
    }
    case runtime::Kind::kObject: {
      // Go sorts map keys by their (string) bytes; our keys sort the same way.
      out += '{';
      bool first = true;
      for (auto [k, e] : v.entries()) {
        if (!first) out += ',';
        first = false;
        if (k.is_string()) append_go_json_string(out, k.string_view());
        else append_go_json_string(out, "");
        out += ':';
        append_canonical(out, e, depth + 1);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

bool check_format(const std::string& format, const Value& v) {
  if (!v.is_string()) return true;
  auto it = checkers().find(format);
  return it == checkers().end() || it->second(v.string_view());
}

std::string canonical_json(const Value& v) {
  std::string out;
  append_canonical(out, v, 0);
  return out;
}

std::string type_list(const std::vector<std::string>& types) {
  if (types.empty()) return "undefined";
  if (types.size() == 1) return types[0];
  std::string out = "[";
  for (size_t i = 0; i < types.size(); ++i) out += (i ? "," : "") + types[i];
  return out + "]";
}

std::string number_detail(const runtime::Number& n) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", n.to_double());
  return buf;
}

}  // namespace arcane::stdlib::json_schema
