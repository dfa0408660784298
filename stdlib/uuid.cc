// UUIDs: uuid.rfc4122 (a random version-4 UUID, one per distinct key and evaluation)
// and uuid.parse (topdown/uuid.go over OPA's internal/uuid and google/uuid).
//
// uuid.parse accepts google/uuid's four spellings: 36 characters with dashes, 38 with any
// two wrapping characters (only the middle 36 are read), a case-insensitive "urn:uuid:"
// prefix, and 32 bare hex digits. Version 1 and 2 UUIDs also decode their timestamp (Unix
// nanoseconds), node id, MAC address bits and clock sequence; version 2 its id and domain.
// Anything unparsable is undefined, not an error.
#include <uuid/uuid.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "runtime/value_builder.h"
#include "stdlib/families_matching.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;
using Bytes = std::array<uint8_t, 16>;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool hex_byte(std::string_view s, size_t at, uint8_t& out) {
  int hi = hex_value(s[at]), lo = hex_value(s[at + 1]);
  if (hi < 0 || lo < 0) return false;
  out = static_cast<uint8_t>(hi << 4 | lo);
  return true;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

std::optional<Bytes> parse(std::string_view s) {
  Bytes u{};
  switch (s.size()) {
    case 36: break;
    case 36 + 9:
      if (!iequals(s.substr(0, 9), "urn:uuid:")) return std::nullopt;
      s.remove_prefix(9);
      break;
    case 36 + 2: s.remove_prefix(1); break;
    case 32:
      for (size_t i = 0; i < 16; ++i) {
        if (!hex_byte(s, i * 2, u[i])) return std::nullopt;
      }
      return u;
    default: return std::nullopt;
  }
  if (s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-') return std::nullopt;
  static constexpr size_t kAt[16] = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
  for (size_t i = 0; i < 16; ++i) {
    if (!hex_byte(s, kAt[i], u[i])) return std::nullopt;
  }
  return u;
}

std::string variant(const Bytes& u) {
  if ((u[8] & 0xc0) == 0x80) return "RFC4122";
  if ((u[8] & 0xe0) == 0xc0) return "Microsoft";
  if ((u[8] & 0xe0) == 0xe0) return "Future";
  return "Reserved";
}

std::string mac_variables(uint8_t b) {
  if ((b & 0x3) == 0x3) return "local:multicast";
  if ((b & 0x1) == 0x1) return "global:multicast";
  if ((b & 0x2) == 0x2) return "local:unicast";
  return "global:unicast";
}

uint32_t be32(const Bytes& u, size_t at) {
  return uint32_t{u[at]} << 24 | uint32_t{u[at + 1]} << 16 | uint32_t{u[at + 2]} << 8 | u[at + 3];
}
uint16_t be16(const Bytes& u, size_t at) {
  return static_cast<uint16_t>(u[at] << 8 | u[at + 1]);
}

// google/uuid's Time().UnixTime() as nanoseconds.
int64_t unix_nanos(const Bytes& u) {
  auto t = static_cast<int64_t>(be32(u, 0));
  t |= static_cast<int64_t>(be16(u, 4)) << 32;
  t |= static_cast<int64_t>(be16(u, 6) & 0xfff) << 48;
  int64_t since = t - 122192928000000000;  // 100ns intervals from 1582-10-15 to 1970-01-01
  return since / 10000000 * 1000000000 + since % 10000000 * 100;
}

std::string node_id(const Bytes& u) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 10; i < 16; ++i) {
    if (i > 10) out += '-';
    out += kHex[u[i] >> 4];
    out += kHex[u[i] & 0xf];
  }
  return out;
}

std::string domain(uint8_t d) {
  switch (d) {
    case 0: return "Person";
    case 1: return "Group";
    case 2: return "Org";
    default: return "Domain" + std::to_string(d);
  }
}

}  // namespace

BuiltinResult uuid_rfc4122(BuiltinContext&, Args) {
  uuid_t raw;
  uuid_generate_random(raw);
  Bytes b;
  std::copy(std::begin(raw), std::end(raw), b.begin());
  b[8] = static_cast<uint8_t>((b[8] & ~0xc0) | 0x80);
  b[6] = static_cast<uint8_t>((b[6] & ~0xf0) | 0x40);
  char text[37];
  uuid_unparse_lower(b.data(), text);
  return Value::from_string(text);
}

BuiltinResult uuid_parse(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("uuid.parse", 1, args[0], {"string"});
  std::optional<Bytes> u = parse(args[0].string_view());
  if (!u) return BuiltinResult::undefined();
  int version = (*u)[6] >> 4;
  runtime::ObjectBuilder out;
  out.insert("version", Value::integer(version));
  out.insert("variant", Value::from_string(variant(*u)));
  if (version == 1 || version == 2) {
    out.insert("time", Value::integer(unix_nanos(*u)));
    out.insert("nodeid", Value::from_string(node_id(*u)));
    out.insert("macvariables", Value::from_string(mac_variables((*u)[10])));
    out.insert("clocksequence", Value::integer(be16(*u, 8) & 0x3fff));
    if (version == 2) {
      out.insert("id", Value::integer(be32(*u, 0)));
      out.insert("domain", Value::from_string(domain((*u)[9])));
    }
  }
  return out.build();
}

}  // namespace arcane::stdlib::impl
