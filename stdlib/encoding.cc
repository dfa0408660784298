// base64.*, base64url.*, hex.* and urlquery.* (OPA's topdown/encoding.go).
//
// OPA hands these to Go's encoding/base64, encoding/hex and net/url, so their results
// and error texts are those packages': base64 decoding is Go's lenient decoder (CR and LF
// are skipped, trailing bits need not be zero, padding is checked) and an error names the
// offset Go names ("illegal base64 data at input byte 4"). The bit work of base64 is
// OpenSSL's (EVP_EncodeBlock / EVP_DecodeBlock); what is ours is Go's acceptance rules,
// applied first, which turn the input into whole standard-alphabet quanta for OpenSSL.
// Errors that Go returns as plain errors are eval_builtin_error, prefixed with the name.
#include <openssl/evp.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "runtime/json_writer.h"
#include "runtime/value_builder.h"
#include "stdlib/families_encoding.h"
#include "stdlib/operands.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

// ---- base64 ----------------------------------------------------------------------

enum class Alphabet { kStd, kUrl };

std::string base64_encode_std(std::string_view in) {
  std::string out(4 * ((in.size() + 2) / 3) + 1, '\0');  // EVP_EncodeBlock adds a NUL
  if (in.empty()) return {};
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size()));
  out.resize(static_cast<size_t>(std::max(n, 0)));
  return out;
}

std::string base64_encode(std::string_view in, Alphabet alphabet, bool pad) {
  std::string out = base64_encode_std(in);
  if (alphabet == Alphabet::kUrl) {
    std::replace(out.begin(), out.end(), '+', '-');
    std::replace(out.begin(), out.end(), '/', '_');
  }
  if (!pad) {
    while (!out.empty() && out.back() == '=') out.pop_back();
  }
  return out;
}

bool in_alphabet(unsigned char c, Alphabet alphabet) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  return alphabet == Alphabet::kStd ? (c == '+' || c == '/') : (c == '-' || c == '_');
}

bool is_newline(char c) {
  return c == '\n' || c == '\r';
}

// Go's Encoding.DecodeString acceptance rules, quantum by quantum: the input as whole
// standard-alphabet quanta (a short last one filled with 'A') plus the number of
// decoded bytes, or the offset Go's CorruptInputError reports.
struct Quanta {
  std::string text;
  size_t bytes = 0;
};

std::variant<Quanta, size_t> base64_quanta(std::string_view src, Alphabet alphabet, bool padded) {
  Quanta q;
  size_t si = 0;
  while (true) {
    char chars[4] = {'A', 'A', 'A', 'A'};
    size_t j = 0;
    std::optional<size_t> garbage;
    bool end = false;
    while (j < 4) {
      if (si == src.size()) {
        if (j == 0) return q;
        if (j == 1 || padded) return si - j;
        end = true;
        break;
      }
      char in = src[si++];
      if (in_alphabet(static_cast<unsigned char>(in), alphabet)) {
        chars[j++] = in;
        continue;
      }
      if (is_newline(in)) continue;
      if (!padded || in != '=') return si - 1;
      if (j < 2) return si - 1;  // padding after fewer than two characters
      if (j == 2) {              // "==" expected; the first '=' is consumed
        while (si < src.size() && is_newline(src[si])) ++si;
        if (si == src.size()) return src.size();
        if (src[si] != '=') return si - 1;
        ++si;
      }
      while (si < src.size() && is_newline(src[si])) ++si;
      if (si < src.size()) garbage = si;
      end = true;
      break;
    }
    if (garbage) return *garbage;
    for (char c : chars) {
      if (alphabet == Alphabet::kUrl) c = c == '-' ? '+' : c == '_' ? '/' : c;
      q.text.push_back(c);
    }
    q.bytes += j - 1;
    if (end) return q;
  }
}

// Decodes the input, or returns Go's error text.
std::variant<std::string, std::string> base64_decode(std::string_view src, Alphabet alphabet, bool padded) {
  std::variant<Quanta, size_t> quanta = base64_quanta(src, alphabet, padded);
  if (const size_t* offset = std::get_if<size_t>(&quanta)) {
    return std::variant<std::string, std::string>(std::in_place_index<1>,
                                                  "illegal base64 data at input byte " + std::to_string(*offset));
  }
  const Quanta& q = std::get<Quanta>(quanta);
  std::string out(q.text.size() / 4 * 3, '\0');
  if (!q.text.empty()) {
    EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(q.text.data()),
                    static_cast<int>(q.text.size()));
  }
  out.resize(q.bytes);
  return std::variant<std::string, std::string>(std::in_place_index<0>, std::move(out));
}

BuiltinResult decoded(std::string_view name, std::variant<std::string, std::string> r) {
  if (r.index() == 1) return builtin_error(name, std::get<1>(r));
  return Value::from_string(std::get<0>(r));
}

// ---- hex ---------------------------------------------------------------------------

int hex_digit(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Go's InvalidByteError: "encoding/hex: invalid byte: %#U" of the byte as a rune.
std::string invalid_hex_byte(unsigned char c) {
  char code[8];
  std::snprintf(code, sizeof code, "U+%04X", c);
  std::string out = "encoding/hex: invalid byte: ";
  out += code;
  bool printable = (c >= 0x20 && c < 0x7f) || (c >= 0xa1 && c != 0xad);
  if (printable) {
    out += " '";
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back(static_cast<char>(0xc0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
    }
    out += "'";
  }
  return out;
}

// ---- urlquery ----------------------------------------------------------------------

// Go's url.QueryEscape.
std::string query_escape(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out.push_back(ch);
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// Go's url.QueryUnescape: the text, or Go's error text.
std::variant<std::string, std::string> query_unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || hex_digit(s[i + 1]) < 0 || hex_digit(s[i + 2]) < 0) {
        std::string message = "invalid URL escape ";
        append_go_quoted(message, s.substr(i, 3));
        return std::variant<std::string, std::string>(std::in_place_index<1>, std::move(message));
      }
      out.push_back(static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i] == '+' ? ' ' : s[i]);
    }
  }
  return std::variant<std::string, std::string>(std::in_place_index<0>, std::move(out));
}

// Go's url.ParseQuery: the values of each key in order, and the first error (Go keeps
// parsing after an error but OPA only reports it).
BuiltinResult parse_query(std::string_view name, std::string_view query) {
  std::map<std::string, std::vector<std::string>> params;
  std::optional<std::string> error;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.find(';') != std::string_view::npos) {
      if (!error) error = "invalid semicolon separator in query";
      continue;
    }
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    auto k = query_unescape(key);
    auto v = k.index() == 0 ? query_unescape(value) : k;
    if (v.index() == 1) {
      if (!error) error = std::get<1>(v);
      continue;
    }
    params[std::get<0>(k)].push_back(std::get<0>(v));
  }
  if (error) return builtin_error(name, *error);
  runtime::ObjectBuilder out(params.size());
  for (auto& [key, values] : params) {
    runtime::ArrayBuilder list(values.size());
    for (const std::string& v : values) list.push_back(Value::from_string(v));
    out.insert(Value::from_string(key), list.build());
  }
  return out.build();
}

// The text of an object key as OPA's ast.JSON gives it: a string as is, anything else
// as its JSON text.
std::string key_text(const Value& key) {
  return key.is_string() ? std::string(key.string_view()) : runtime::to_json(key);
}

}  // namespace

BuiltinResult base64_encode(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("base64.encode", 1, args[0], {"string"});
  return Value::from_string(base64_encode(args[0].string_view(), Alphabet::kStd, true));
}

BuiltinResult base64_decode(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("base64.decode", 1, args[0], {"string"});
  return decoded("base64.decode", base64_decode(args[0].string_view(), Alphabet::kStd, true));
}

BuiltinResult base64_is_valid(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return Value::boolean(false);
  return Value::boolean(base64_decode(args[0].string_view(), Alphabet::kStd, true).index() == 0);
}

BuiltinResult base64url_encode(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("base64url.encode", 1, args[0], {"string"});
  return Value::from_string(base64_encode(args[0].string_view(), Alphabet::kUrl, true));
}

BuiltinResult base64url_encode_no_pad(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("base64url.encode_no_pad", 1, args[0], {"string"});
  return Value::from_string(base64_encode(args[0].string_view(), Alphabet::kUrl, false));
}

// Unpadded input is padded first (RFC 7515 appendix C), as OPA does.
BuiltinResult base64url_decode(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("base64url.decode", 1, args[0], {"string"});
  std::string s(args[0].string_view());
  if (s.empty() || s.back() != '=') {
    switch (s.size() % 4) {
      case 0: break;
      case 2: s += "=="; break;
      case 3: s += "="; break;
      default: return builtin_error("base64url.decode", "illegal base64url string: " + s);
    }
  }
  return decoded("base64url.decode", base64_decode(s, Alphabet::kUrl, true));
}

BuiltinResult hex_encode(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("hex.encode", 1, args[0], {"string"});
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (char ch : args[0].string_view()) {
    auto c = static_cast<unsigned char>(ch);
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return Value::from_string(out);
}

// Go's hex.DecodeString: pairs left to right, the first bad byte of a pair reported
// first; an odd length is reported only after the last byte is checked.
BuiltinResult hex_decode(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("hex.decode", 1, args[0], {"string"});
  std::string_view s = args[0].string_view();
  std::string out;
  size_t i = 0;
  for (; i + 1 < s.size(); i += 2) {
    int hi = hex_digit(s[i]), lo = hex_digit(s[i + 1]);
    if (hi < 0) return builtin_error("hex.decode", invalid_hex_byte(s[i]));
    if (lo < 0) return builtin_error("hex.decode", invalid_hex_byte(s[i + 1]));
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  if (i < s.size()) {
    if (hex_digit(s[i]) < 0) return builtin_error("hex.decode", invalid_hex_byte(s[i]));
    return builtin_error("hex.decode", "encoding/hex: odd length hex string");
  }
  return Value::from_string(out);
}

BuiltinResult urlquery_encode(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("urlquery.encode", 1, args[0], {"string"});
  return Value::from_string(query_escape(args[0].string_view()));
}

BuiltinResult urlquery_decode(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("urlquery.decode", 1, args[0], {"string"});
  return decoded("urlquery.decode", query_unescape(args[0].string_view()));
}

// Go's url.Values.Encode: keys sorted, each value escaped, `k=v` joined with '&'.
BuiltinResult urlquery_encode_object(BuiltinContext&, Args args) {
  static constexpr std::string_view kName = "urlquery.encode_object";
  if (!args[0].is_object()) return operand_type_error(kName, 1, args[0], {"object"});
  std::map<std::string, std::vector<std::string_view>> query;
  for (auto entry : args[0].entries()) {
    const Value& v = entry.value;
    std::vector<std::string_view> values;
    if (v.is_string()) {
      values.push_back(v.string_view());
    } else if (v.is_array() || v.is_set()) {
      for (const Value& item : v.elements()) {
        if (!item.is_string()) return operand_error(kName, 1, "values must be string, array[string], or set[string]");
        values.push_back(item.string_view());
      }
    } else {
      return operand_error(kName, 1, "values must be string, array[string], or set[string]");
    }
    if (v.is_string() || !values.empty()) query[key_text(entry.key)] = std::move(values);
  }
  std::string out;
  for (const auto& [key, values] : query) {
    std::string escaped = query_escape(key);
    for (std::string_view v : values) {
      if (!out.empty()) out.push_back('&');
      out += escaped;
      out.push_back('=');
      out += query_escape(v);
    }
  }
  return Value::from_string(out);
}

BuiltinResult urlquery_decode_object(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("urlquery.decode_object", 1, args[0], {"string"});
  return parse_query("urlquery.decode_object", args[0].string_view());
}

}  // namespace arcane::stdlib::impl
