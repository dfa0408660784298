// Semantic versions: semver.is_valid and semver.compare (topdown/semver.go over OPA's
// internal/semver).
//
// OPA's parser is looser than the SemVer spec in ways that decide results, and they are
// kept: a leading "v" is dropped; the numbers go through Go's strconv.ParseInt, so
// "+1", "-1" and "01" are accepted; an empty pre-release or metadata part ("1.0.0-")
// counts as absent. Pre-release identifiers compare numerically when both are all
// digits (values past int64 clamp, as strconv.Atoi does), otherwise byte-wise.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>

#include "stdlib/families_matching.h"
#include "stdlib/operands.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

struct Version {
  int64_t major = 0, minor = 0, patch = 0;
  std::string_view pre_release;
};

std::pair<std::string_view, std::string_view> cut(std::string_view s, char sep) {
  size_t i = s.find(sep);
  if (i == std::string_view::npos) return {s, {}};
  return {s.substr(0, i), s.substr(i + 1)};
}

// ^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$
bool valid_identifiers(std::string_view s) {
  bool empty_part = true;
  for (char c : s) {
    if (c == '.') {
      if (empty_part) return false;
      empty_part = true;
    } else if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-') {
      empty_part = false;
    } else {
      return false;
    }
  }
  return !empty_part;
}

// Go's strconv.ParseInt(s, 10, 64); `clamp` gives Atoi's value on overflow instead of failing.
std::optional<int64_t> parse_int(std::string_view s, bool clamp = false) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  uint64_t v = 0;
  bool overflow = false;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    if (v > (UINT64_MAX - 9) / 10) overflow = true;
    if (!overflow) v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  uint64_t limit = neg ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  if (overflow || v > limit) {
    if (!clamp) return std::nullopt;
    return neg ? INT64_MIN : INT64_MAX;
  }
  return neg ? static_cast<int64_t>(0 - v) : static_cast<int64_t>(v);
}

std::optional<Version> parse(std::string_view s) {
  if (!s.empty() && s[0] == 'v') s.remove_prefix(1);
  auto [rest, metadata] = cut(s, '+');
  if (!metadata.empty() && !valid_identifiers(metadata)) return std::nullopt;
  auto [core, pre] = cut(rest, '-');
  if (!pre.empty() && !valid_identifiers(pre)) return std::nullopt;
  if (std::count(core.begin(), core.end(), '.') != 2) return std::nullopt;
  auto [major, after_major] = cut(core, '.');
  auto [minor, patch] = cut(after_major, '.');
  std::optional<int64_t> a = parse_int(major), b = parse_int(minor), c = parse_int(patch);
  if (!a || !b || !c) return std::nullopt;
  return Version{*a, *b, *c, pre};
}

bool all_decimals(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int sign(int64_t a, int64_t b) {
  return a > b ? 1 : a < b ? -1 : 0;
}

int compare_pre_release(std::string_view x, std::string_view y) {
  if (x == y) return 0;
  if (x.empty()) return 1;
  if (y.empty()) return -1;
  auto [a, after_a] = cut(x, '.');
  auto [b, after_b] = cut(y, '.');
  for (;;) {
    if (a.empty() && !b.empty()) return -1;
    if (!a.empty() && b.empty()) return 1;
    bool a_int = all_decimals(a), b_int = all_decimals(b);
    if (a_int != b_int) return a_int ? -1 : 1;
    int c = a_int ? sign(*parse_int(a, true), *parse_int(b, true)) : a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0;
    if (c != 0) return c;
    if (!after_a.empty() && after_b.empty()) return 1;
    if (after_a.empty() && !after_b.empty()) return -1;
    std::tie(a, after_a) = cut(after_a, '.');
    std::tie(b, after_b) = cut(after_b, '.');
  }
}

int compare(const Version& a, const Version& b) {
  if (int c = sign(a.major, b.major)) return c;
  if (int c = sign(a.minor, b.minor)) return c;
  if (int c = sign(a.patch, b.patch)) return c;
  return compare_pre_release(a.pre_release, b.pre_release);
}

}  // namespace

BuiltinResult semver_is_valid(BuiltinContext&, Args args) {
  return Value::boolean(args[0].is_string() && parse(args[0].string_view()).has_value());
}

BuiltinResult semver_compare(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "semver.compare";
  for (int i = 0; i < 2; ++i) {
    if (!args[i].is_string()) return operand_type_error(kName, i + 1, args[i], {"string"});
  }
  std::optional<Version> versions[2];
  for (int i = 0; i < 2; ++i) {
    std::string_view s = args[i].string_view();
    versions[i] = parse(s);
    if (!versions[i]) {
      std::string msg = "operand " + std::to_string(i + 1) + ": string ";
      append_go_quoted(msg, s);  // OPA formats the ast.String, which prints quoted
      return builtin_error(kName, msg + " is not a valid SemVer");
    }
  }
  return Value::integer(compare(*versions[0], *versions[1]));
}

}  // namespace arcane::stdlib::impl
