// Networks: net.cidr_contains (and the deprecated net.cidr_overlap), net.cidr_intersects,
// net.cidr_contains_matches, net.cidr_expand, net.cidr_merge, net.cidr_is_valid and
// net.lookup_ip_addr (topdown/cidr.go, net.go, internal/cidr/merge).
//
// Results depend on Go's net package byte for byte, so its model is kept: an IP is a
// 4- or 16-byte slice (ParseIP always yields 16 bytes, an IPv4 network from ParseCIDR
// has a 4-byte address and mask), To4 recognises IPv4-mapped IPv6 addresses, Contains
// compares in the network's own width, and IPNet.String prints the network's address
// unmasked with its prefix length. Address text is netip's: dotted quads without
// leading zeros; IPv6 with the longest run of two or more zero groups compressed.
//
// net.cidr_merge gives a bare IPv4 address its classful default mask (10.1.2.3 becomes
// 10.1.2.3/8), as OPA does, and refuses bare IPv6 addresses. Merged ranges come back as
// the fewest CIDRs covering them. net.cidr_expand refuses networks of more than 2^20
// addresses, where OPA would run on until its evaluation is cancelled.
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "runtime/value_builder.h"
#include "stdlib/context.h"
#include "stdlib/families_matching.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;
using Bytes = std::vector<uint8_t>;  // Go's net.IP and net.IPMask: 4 or 16 bytes
using U128 = unsigned __int128;

const uint8_t kV4InV6Prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

struct IPNet {
  Bytes ip;
  Bytes mask;
};

// netip's IPv4 dotted-quad fields into out[0..3].
bool parse_v4_fields(std::string_view s, uint8_t* out) {
  int val = 0, digits = 0, pos = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (digits == 1 && val == 0) return false;  // leading zero
      val = val * 10 + (c - '0');
      ++digits;
      if (val > 255) return false;
    } else if (c == '.') {
      if (i == 0 || i == s.size() - 1 || s[i - 1] == '.' || pos == 3) return false;
      out[pos++] = static_cast<uint8_t>(val);
      val = 0;
      digits = 0;
    } else {
      return false;
    }
  }
  if (pos < 3) return false;
  out[3] = static_cast<uint8_t>(val);
  return true;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// netip's IPv6 parser (zones are refused by the callers, so never accepted here).
std::optional<std::array<uint8_t, 16>> parse_v6(std::string_view s) {
  std::array<uint8_t, 16> ip{};
  int ellipsis = -1;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    ellipsis = 0;
    s.remove_prefix(2);
    if (s.empty()) return ip;
  }
  int i = 0;
  while (i < 16) {
    size_t off = 0;
    uint32_t acc = 0;
    for (; off < s.size(); ++off) {
      int d = hex_digit(s[off]);
      if (d < 0) break;
      acc = (acc << 4) + static_cast<uint32_t>(d);
      if (off > 3 || acc > 0xffff) return std::nullopt;
    }
    if (off == 0) return std::nullopt;
    if (off < s.size() && s[off] == '.') {
      if ((ellipsis < 0 && i != 12) || i + 4 > 16) return std::nullopt;
      if (!parse_v4_fields(s, ip.data() + i)) return std::nullopt;
      s = {};
      i += 4;
      break;
    }
    ip[static_cast<size_t>(i)] = static_cast<uint8_t>(acc >> 8);
    ip[static_cast<size_t>(i) + 1] = static_cast<uint8_t>(acc);
    i += 2;
    s.remove_prefix(off);
    if (s.empty()) break;
    if (s[0] != ':' || s.size() == 1) return std::nullopt;
    s.remove_prefix(1);
    if (s[0] == ':') {
      if (ellipsis >= 0) return std::nullopt;
      ellipsis = i;
      s.remove_prefix(1);
      if (s.empty()) break;
    }
  }
  if (!s.empty()) return std::nullopt;
  if (i < 16) {
    if (ellipsis < 0) return std::nullopt;
    int n = 16 - i;
    for (int j = i - 1; j >= ellipsis; --j) ip[static_cast<size_t>(j + n)] = ip[static_cast<size_t>(j)];
    std::fill(ip.begin() + ellipsis, ip.begin() + ellipsis + n, 0);
  } else if (ellipsis >= 0) {
    return std::nullopt;
  }
  return ip;
}

// netip.ParseAddr without zones: the 16-byte form, and whether the text was IPv4.
std::optional<std::pair<std::array<uint8_t, 16>, bool>> parse_addr(std::string_view s) {
  if (s.find('%') != std::string_view::npos) return std::nullopt;
  for (char c : s) {
    if (c == '.') {
      std::array<uint8_t, 16> ip{};
      std::copy(std::begin(kV4InV6Prefix), std::end(kV4InV6Prefix), ip.begin());
      if (!parse_v4_fields(s, ip.data() + 12)) return std::nullopt;
      return std::make_pair(ip, true);
    }
    if (c == ':') {
      auto ip = parse_v6(s);
      if (!ip) return std::nullopt;
      return std::make_pair(*ip, false);
    }
  }
  return std::nullopt;
}

// net.ParseIP: 16 bytes, or nullopt.
std::optional<Bytes> parse_ip(std::string_view s) {
  auto a = parse_addr(s);
  if (!a) return std::nullopt;
  return Bytes(a->first.begin(), a->first.end());
}

Bytes cidr_mask(int ones, int bits) {
  Bytes m(static_cast<size_t>(bits / 8), 0);
  for (int i = 0; i < ones; ++i) m[static_cast<size_t>(i / 8)] |= static_cast<uint8_t>(0x80 >> (i % 8));
  return m;
}

std::optional<Bytes> to4(const Bytes& ip) {
  if (ip.size() == 4) return ip;
  if (ip.size() == 16 && std::equal(ip.begin(), ip.begin() + 12, kV4InV6Prefix))
    return Bytes(ip.begin() + 12, ip.end());
  return std::nullopt;
}

// net.IP.Mask; empty when the widths do not fit.
Bytes apply_mask(Bytes ip, Bytes mask) {
  if (mask.size() == 16 && ip.size() == 4 &&
      std::all_of(mask.begin(), mask.begin() + 12, [](uint8_t b) { return b == 0xff; })) {
    mask.erase(mask.begin(), mask.begin() + 12);
  }
  if (mask.size() == 4 && ip.size() == 16 && std::equal(ip.begin(), ip.begin() + 12, kV4InV6Prefix)) {
    ip.erase(ip.begin(), ip.begin() + 12);
  }
  if (ip.size() != mask.size()) return {};
  for (size_t i = 0; i < ip.size(); ++i) ip[i] &= mask[i];
  return ip;
}

// net.ParseCIDR's network.
std::optional<IPNet> parse_cidr(std::string_view s) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto addr = parse_addr(s.substr(0, slash));
  if (!addr) return std::nullopt;
  std::string_view len = s.substr(slash + 1);
  int bits = addr->second ? 32 : 128;
  size_t i = 0;
  int n = 0;
  for (; i < len.size() && len[i] >= '0' && len[i] <= '9'; ++i) {
    n = n * 10 + (len[i] - '0');
    if (n >= 0xFFFFFF) return std::nullopt;
  }
  if (i == 0 || i != len.size() || n > bits) return std::nullopt;
  Bytes mask = cidr_mask(n, bits);
  return IPNet{apply_mask(Bytes(addr->first.begin(), addr->first.end()), mask), mask};
}

// net's networkNumberAndMask.
bool network_and_mask(const IPNet& n, Bytes& ip, Bytes& mask) {
  if (auto v4 = to4(n.ip)) {
    ip = *v4;
  } else if (n.ip.size() == 16) {
    ip = n.ip;
  } else {
    return false;
  }
  mask = n.mask;
  if (mask.size() == 4) {
    if (ip.size() != 4) return false;
  } else if (mask.size() == 16) {
    if (ip.size() == 4) mask.erase(mask.begin(), mask.begin() + 12);
  } else {
    return false;
  }
  return true;
}

bool contains(const IPNet& n, Bytes ip) {
  Bytes nn, m;
  if (!network_and_mask(n, nn, m)) return false;
  if (auto v4 = to4(ip)) ip = *v4;
  if (ip.size() != nn.size()) return false;
  for (size_t i = 0; i < ip.size(); ++i) {
    if ((nn[i] & m[i]) != (ip[i] & m[i])) return false;
  }
  return true;
}

std::string ip_string(const Bytes& ip) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  if (auto v4 = to4(ip)) {
    for (size_t i = 0; i < 4; ++i) {
      if (i > 0) out += '.';
      out += std::to_string((*v4)[i]);
    }
    return out;
  }
  if (ip.size() != 16) {
    out = "?";
    for (uint8_t b : ip) (out += kHex[b >> 4]) += kHex[b & 0xf];
    return out;
  }
  auto group = [&](int i) { return ip[static_cast<size_t>(2 * i)] << 8 | ip[static_cast<size_t>(2 * i + 1)]; };
  int zero_start = 255, zero_end = 255;
  for (int i = 0; i < 8; ++i) {
    int j = i;
    while (j < 8 && group(j) == 0) ++j;
    if (int l = j - i; l >= 2 && l > zero_end - zero_start) {
      zero_start = i;
      zero_end = j;
    }
  }
  for (int i = 0; i < 8; ++i) {
    if (i == zero_start) {
      out += "::";
      i = zero_end;
      if (i >= 8) break;
    } else if (i > 0) {
      out += ':';
    }
    char buf[8];
    std::snprintf(buf, sizeof buf, "%x", group(i));
    out += buf;
  }
  return out;
}

int simple_mask_length(const Bytes& mask) {
  int n = 0;
  for (size_t i = 0; i < mask.size(); ++i) {
    uint8_t v = mask[i];
    if (v == 0xff) {
      n += 8;
      continue;
    }
    while ((v & 0x80) != 0) {
      ++n;
      v = static_cast<uint8_t>(v << 1);
    }
    if (v != 0) return -1;
    for (++i; i < mask.size(); ++i) {
      if (mask[i] != 0) return -1;
    }
    break;
  }
  return n;
}

std::string net_string(const IPNet& n) {
  Bytes nn, m;
  if (!network_and_mask(n, nn, m)) return "<nil>";
  int l = simple_mask_length(m);
  if (l == -1) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (uint8_t b : m) (hex += kHex[b >> 4]) += kHex[b & 0xf];
    return ip_string(nn) + "/" + hex;
  }
  return ip_string(nn) + "/" + std::to_string(l);
}

// The network's last address: every host bit set.
Bytes last_ip(const IPNet& n) {
  Bytes last = n.ip;
  size_t off = last.size() - n.mask.size();
  for (size_t i = 0; i < n.mask.size(); ++i) last[off + i] |= static_cast<uint8_t>(~n.mask[i]);
  return last;
}

std::string invalid_cidr(std::string_view s) {
  return "invalid CIDR address: " + std::string(s);
}

// net.cidr_contains under `name`; OPA checks both operands as "operand 1".
BuiltinResult cidr_contains(std::string_view name, const Value& a, const Value& b) {
  if (!a.is_string()) return operand_type_error(name, 1, a, {"string"});
  std::optional<IPNet> net_a = parse_cidr(a.string_view());
  if (!net_a) return builtin_error(name, invalid_cidr(a.string_view()));
  if (!b.is_string()) return operand_type_error(name, 1, b, {"string"});
  if (std::optional<Bytes> ip = parse_ip(b.string_view())) return Value::boolean(contains(*net_a, *ip));
  std::optional<IPNet> net_b = parse_cidr(b.string_view());
  if (!net_b) {
    return builtin_error(
        name, "not a valid textual representation of an IP address or CIDR: " + std::string(b.string_view()));
  }
  return Value::boolean(contains(*net_a, net_b->ip) && contains(*net_a, last_ip(*net_b)));
}

// One operand of net.cidr_contains_matches as (cidr, key) pairs, or an error message.
std::string match_operands(const Value& v, int pos, std::vector<std::pair<Value, Value>>& out) {
  auto cidr_of = [&](const Value& e, Value key) -> bool {
    if (e.is_string()) {
      out.emplace_back(e, std::move(key));
      return true;
    }
    if (e.is_array() && e.size() > 0) {
      out.emplace_back(e.at(0), std::move(key));
      return true;
    }
    return false;
  };
  std::string err = "operand " + std::to_string(pos) + ": element must be string or non-empty array";
  if (v.is_string()) {
    out.emplace_back(v, v);
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) {
      if (!cidr_of(v.at(i), Value::integer(static_cast<int64_t>(i)))) return err;
    }
  } else if (v.is_set()) {
    for (const Value& e : v.elements()) {
      if (!cidr_of(e, e)) return err;
    }
  } else if (v.is_object()) {
    for (auto entry : v.entries()) {
      if (!cidr_of(entry.value, entry.key)) return err;
    }
  }
  return {};
}

// A range of addresses in the 16-byte space (IPv4 mapped to ::ffff:0:0/96).
struct Range {
  U128 first = 0, last = 0;
  std::optional<IPNet> network;  // the input network, while not merged with another
};

U128 to_u128(const Bytes& ip16) {
  U128 v = 0;
  for (uint8_t b : ip16) v = v << 8 | b;
  return v;
}

Bytes from_u128(U128 v) {
  Bytes out(16);
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = static_cast<uint8_t>(v);
    v >>= 8;
  }
  return out;
}

constexpr U128 kV4Base = U128{0xffff} << 32;

Range address_range(const IPNet& n) {
  Bytes first = apply_mask(n.ip, n.mask);
  if (first.size() == 4) first.insert(first.begin(), std::begin(kV4InV6Prefix), std::end(kV4InV6Prefix));
  Range r;
  r.first = to_u128(first);
  Bytes host = n.mask;
  U128 host_bits = 0;
  for (uint8_t b : host) host_bits = host_bits << 8 | static_cast<uint8_t>(~b);
  r.last = r.first | host_bits;
  r.network = n;
  return r;
}

U128 previous_ip(U128 v) {
  return v == 0 || v == kV4Base ? v : v - 1;
}

// The fewest CIDRs covering [first, last], in IPv4 when first is an IPv4 address.
void range_to_cidrs(U128 first, U128 last, std::vector<std::string>& out) {
  bool v4 = (first >> 32) == 0xffff;
  int bits = v4 ? 32 : 128;
  U128 base = v4 ? kV4Base : 0;
  U128 lo = first - base, hi = last - base;
  for (;;) {
    int size = 0;  // host bits of the block starting at lo
    while (size < bits && (lo & ((U128{1} << size << 1) - 1)) == 0 &&
           (size + 1 == 128 ? hi == ~U128{0} && lo == 0 : lo + ((U128{1} << (size + 1)) - 1) <= hi)) {
      ++size;
    }
    Bytes ip = from_u128(lo + base);
    out.push_back(net_string(IPNet{ip, cidr_mask(bits - size, bits)}));
    if (size == 128) break;
    U128 next = lo + (U128{1} << size);
    if (next - 1 >= hi || next == 0) break;
    lo = next;
  }
}

std::vector<std::string> merge(std::vector<Range> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const Range& a, const Range& b) { return a.last != b.last ? a.last < b.last : a.first < b.first; });
  for (size_t i = ranges.size(); i-- > 1;) {
    if (previous_ip(ranges[i].first) <= ranges[i - 1].last) {
      ranges[i - 1] = Range{std::min(ranges[i - 1].first, ranges[i].first), ranges[i].last, std::nullopt};
      ranges.erase(ranges.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  std::vector<std::string> out;
  for (const Range& r : ranges) {
    if (r.network) {
      out.push_back(net_string(*r.network));
    } else {
      range_to_cidrs(r.first, r.last, out);
    }
  }
  return out;
}

// A cidr_merge element as a network, or an error message.
std::string merge_element(const Value& e, std::vector<Range>& out) {
  if (!e.is_string()) return "element must be string";
  std::string_view s = e.string_view();
  std::optional<Bytes> ip = parse_ip(s);
  if (!ip) {
    std::optional<IPNet> n = parse_cidr(s);
    if (!n) return invalid_cidr(s);
    out.push_back(address_range(*n));
    return {};
  }
  std::optional<Bytes> v4 = to4(*ip);
  if (!v4) return "IPv6 invalid: needs prefix length";
  uint8_t a = (*v4)[0];
  int ones = a < 0x80 ? 8 : a < 0xC0 ? 16 : 24;  // net.IP.DefaultMask: the address class
  out.push_back(address_range(IPNet{*ip, cidr_mask(ones, 32)}));
  return {};
}

}  // namespace

bool parse_ip_literal(std::string_view s, bool& is4) {
  auto a = parse_addr(s);
  if (a) is4 = a->second;
  return a.has_value();
}

BuiltinResult net_cidr_contains(BuiltinContext&, Args args) {
  return cidr_contains("net.cidr_contains", args[0], args[1]);
}

BuiltinResult net_cidr_overlap(BuiltinContext&, Args args) {
  return cidr_contains("net.cidr_overlap", args[0], args[1]);
}

BuiltinResult net_cidr_intersects(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "net.cidr_intersects";
  std::optional<IPNet> nets[2];
  for (size_t i = 0; i < 2; ++i) {
    if (!args[i].is_string()) return operand_type_error(kName, 1, args[i], {"string"});
    nets[i] = parse_cidr(args[i].string_view());
    if (!nets[i]) return builtin_error(kName, invalid_cidr(args[i].string_view()));
  }
  return Value::boolean(contains(*nets[0], nets[1]->ip) || contains(*nets[1], nets[0]->ip));
}

// OPA walks operand 2 inside its walk of operand 1, so an error is reported where that
// walk meets it: an element error only after the pairs before it were tried.
BuiltinResult net_cidr_contains_matches(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "net.cidr_contains_matches";
  std::vector<std::pair<Value, Value>> a, b;
  std::string a_err = match_operands(args[0], 1, a);
  std::string b_err = match_operands(args[1], 2, b);
  runtime::SetBuilder out;
  for (const auto& [cidr_a, key_a] : a) {
    for (const auto& [cidr_b, key_b] : b) {
      BuiltinResult r = cidr_contains(kName, cidr_a, cidr_b);
      if (r.is_error()) return r;
      if (r.value().as_bool()) {
        runtime::ArrayBuilder pair(2);
        pair.push_back(key_a);
        pair.push_back(key_b);
        out.insert(pair.build());
      }
    }
    if (!b_err.empty()) return builtin_error(kName, b_err);
  }
  if (!a_err.empty()) return builtin_error(kName, a_err);
  return out.build();
}

BuiltinResult net_cidr_expand(BuiltinContext& ctx, Args args) {
  constexpr std::string_view kName = "net.cidr_expand";
  // OPA has no limit and would run until cancelled; we refuse beyond 2^20 addresses.
  constexpr int kMaxHostBits = 20;
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  std::optional<IPNet> n = parse_cidr(args[0].string_view());
  if (!n) return builtin_error(kName, invalid_cidr(args[0].string_view()));
  int ones = simple_mask_length(n->mask);
  if (static_cast<int>(n->mask.size()) * 8 - ones > kMaxHostBits) {
    return builtin_error(kName, "CIDR too large to expand: " + std::string(args[0].string_view()));
  }
  runtime::SetBuilder out;
  Bytes ip = n->ip;
  for (uint64_t count = 0; contains(*n, ip); ++count) {
    if ((count & 0xfff) == 0 && ctx.cancelled()) {
      return BuiltinError{std::string(kCancelError), "net.cidr_expand: timed out before generating all IP addresses",
                          true};
    }
    out.insert(Value::from_string(ip_string(ip)));
    size_t j = ip.size();
    while (j-- > 0 && ++ip[j] == 0) {
    }
    if (j == static_cast<size_t>(-1)) break;  // wrapped past the last address
  }
  return out.build();
}

BuiltinResult net_cidr_merge(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "net.cidr_merge";
  const Value& v = args[0];
  if (!v.is_array() && !v.is_set()) return builtin_error(kName, "operand must be an array");
  std::vector<Range> ranges;
  for (const Value& e : v.elements()) {
    if (std::string err = merge_element(e, ranges); !err.empty()) return builtin_error(kName, err);
  }
  runtime::SetBuilder out;
  for (std::string& s : merge(std::move(ranges))) out.insert(Value::from_string(s));
  return out.build();
}

BuiltinResult net_cidr_is_valid(BuiltinContext&, Args args) {
  return Value::boolean(args[0].is_string() && parse_cidr(args[0].string_view()).has_value());
}

BuiltinResult net_lookup_ip_addr(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "net.lookup_ip_addr";
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  std::string name(args[0].string_view());
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  int rc = name.empty() ? EAI_NONAME : getaddrinfo(name.c_str(), nullptr, &hints, &res);
  if (rc != 0) {
    std::string why = rc == EAI_NONAME || rc == EAI_NODATA ? "no such host" : gai_strerror(rc);
    return builtin_error(kName, "lookup " + name + ": " + why);
  }
  runtime::SetBuilder out;
  for (addrinfo* a = res; a != nullptr; a = a->ai_next) {
    Bytes ip;
    if (a->ai_family == AF_INET) {
      const auto* sin = reinterpret_cast<const sockaddr_in*>(a->ai_addr);
      const auto* p = reinterpret_cast<const uint8_t*>(&sin->sin_addr);
      ip.assign(p, p + 4);
    } else if (a->ai_family == AF_INET6) {
      const auto* sin6 = reinterpret_cast<const sockaddr_in6*>(a->ai_addr);
      const auto* p = reinterpret_cast<const uint8_t*>(&sin6->sin6_addr);
      ip.assign(p, p + 16);
    } else {
      continue;
    }
    out.insert(Value::from_string(ip_string(ip)));
  }
  freeaddrinfo(res);
  return out.build();
}

}  // namespace arcane::stdlib::impl
