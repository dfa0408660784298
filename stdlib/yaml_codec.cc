// yaml.marshal, yaml.unmarshal and yaml.is_valid (OPA's topdown/encoding.go).
//
// OPA reads YAML with sigs.k8s.io/yaml (go-yaml v2 underneath, YAML 1.1 scalars), which
// runtime/yaml_reader.h reproduces. Its parse errors are go-yaml's ("yaml: line 1: did
// not find expected ',' or ']'"): go-yaml is a port of libyaml, so we ask libyaml's
// parser for the problem and the line and word them as go-yaml does.
//
// Marshalling goes value -> JSON text -> go-yaml's generic values -> go-yaml's encoder.
// The middle step decides what each scalar becomes: a JSON number that fits an int64 (or
// a uint64) stays an integer, any other becomes a float64 printed with Go's shortest %g
// ("1e+06"), and one beyond float64 range stays text. go-yaml's encoder then quotes
// strings that would read back as something else ("true", "1", "", "yes"), writes
// multi-line strings as literal blocks, and sorts mapping keys in its "natural" order
// (digit runs compare as numbers). The emitter is libyaml's, the original of go-yaml's
// port, with go-yaml's settings: unicode output, 2-space indent, 80 columns.
#include <yaml.h>

#include <algorithm>
#include <cerrno>
#include <clocale>
#include <cmath>
#include <cwctype>
#include <string>
#include <vector>

#include "runtime/go_float.h"
#include "runtime/json_writer.h"
#include "runtime/yaml_reader.h"
#include "stdlib/families_encoding.h"
#include "stdlib/go_json_scanner.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

// ---- go-yaml's scalar resolution (resolve.go) ----------------------------------------

bool in_resolve_map(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "y",    "Y",    "yes",  "Yes",  "YES",  "on",   "On",    "ON",    "n",     "N",     "no",    "No",    "NO",
      "off",  "Off",  "OFF",  "true", "True", "TRUE", "false", "False", "FALSE", "",      "~",     "null",  "Null",
      "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",  "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"};
  return std::find(std::begin(kWords), std::end(kWords), s) != std::end(kWords);
}

bool parse_go_int(std::string_view s, bool allow_sign, __int128 limit_pos, __int128 limit_neg) {
  // strconv.ParseInt/ParseUint with base 0: optional sign, 0x / 0o / 0b / 0 prefixes.
  size_t i = 0;
  bool neg = false;
  if (allow_sign && i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  if (i == s.size()) return false;
  int base = 10;
  if (s[i] == '0' && i + 1 < s.size()) {
    char p = static_cast<char>(std::tolower(s[i + 1]));
    if (p == 'x' || p == 'o' || p == 'b') {
      base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
      i += 2;
    } else {
      base = 8;
      i += 1;
    }
  }
  if (i == s.size()) return base == 8;  // "0" handled above; "0x" alone is invalid
  __int128 v = 0;
  for (; i < s.size(); ++i) {
    int d = std::isdigit(static_cast<unsigned char>(s[i]))   ? s[i] - '0'
            : std::isalpha(static_cast<unsigned char>(s[i])) ? std::tolower(s[i]) - 'a' + 10
                                                             : 99;
    if (d >= base) return false;
    v = v * base + d;
    if (v > limit_pos + 1) return false;
  }
  return neg ? -v >= limit_neg : v <= limit_pos;
}

bool is_go_int64(std::string_view s) {
  return parse_go_int(s, true, static_cast<__int128>(INT64_MAX), static_cast<__int128>(INT64_MIN));
}
bool is_go_uint64(std::string_view s) {
  return parse_go_int(s, false, static_cast<__int128>(UINT64_MAX), 0);
}

bool is_digit_char(char c) {
  return c >= '0' && c <= '9';
}

// go-yaml's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool is_yaml_float_syntax(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && is_digit_char(s[i])) ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (i < s.size() && s[i] == '.') ++i, digits();
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

// go-yaml's isBase60Float: ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
bool is_base60_float(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i == s.size() || !is_digit_char(s[i])) return false;
  while (i < s.size() && (is_digit_char(s[i]) || s[i] == '_')) ++i;
  size_t groups = 0;
  while (i < s.size() && s[i] == ':') {
    ++i;
    if (i == s.size() || !is_digit_char(s[i])) return false;
    bool two = i + 1 < s.size() && is_digit_char(s[i + 1]);
    if (two && s[i] > '5') return false;
    i += two ? 2 : 1;
    ++groups;
  }
  if (groups == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && (is_digit_char(s[i]) || s[i] == '_')) ++i;
  }
  return i == s.size();
}

// Go's strconv.ParseFloat: finite results only (an overflow is an error).
std::optional<double> parse_go_float(std::string_view s) {
  std::string text(s);
  char* end = nullptr;
  errno = 0;
  double d = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  if (errno == ERANGE && std::isinf(d)) return std::nullopt;
  return d;
}

// Go's time.Parse number fields: one or two digits (getnum), or exactly `width` digits.
struct TimeText {
  std::string_view s;
  size_t i = 0;

  bool number(int& out, size_t min_width, size_t max_width) {
    size_t n = 0;
    out = 0;
    while (n < max_width && i < s.size() && s[i] >= '0' && s[i] <= '9') out = out * 10 + (s[i++] - '0'), ++n;
    return n >= min_width;
  }
  bool literal(char c) { return i < s.size() && s[i] == c ? (++i, true) : false; }
  bool at_end() const { return i == s.size(); }
  void fraction() {  // optional, any number of digits; Go accepts ',' as well as '.'
    if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && s[i + 1] >= '0' && s[i + 1] <= '9') {
      ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
  }
};

int days_in(int month, int year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool clock(TimeText& t) {
  int h = 0, m = 0, sec = 0;
  if (!t.number(h, 1, 2) || h >= 24 || !t.literal(':') || !t.number(m, 1, 2) || m >= 60 || !t.literal(':') ||
      !t.number(sec, 1, 2) || sec >= 60) {
    return false;
  }
  t.fraction();
  return true;
}

// go-yaml's parseTimestamp: text starting "YYYY-" that time.Parse reads with one of
// "2006-1-2T15:4:5.999999999Z07:00" (T or t), "2006-1-2 15:4:5.999999999" or "2006-1-2".
bool is_timestamp(std::string_view s) {
  TimeText t{s};
  int year = 0, month = 0, day = 0;
  if (!t.number(year, 4, 4) || !t.literal('-') || !t.number(month, 1, 2) || month < 1 || month > 12 ||
      !t.literal('-') || !t.number(day, 1, 2) || day < 1 || day > days_in(month, year)) {
    return false;
  }
  if (t.at_end()) return true;
  if (t.literal(' ')) return clock(t) && t.at_end();
  if (!t.literal('T') && !t.literal('t')) return false;
  if (!clock(t)) return false;
  if (t.literal('Z')) return t.at_end();
  int zh = 0, zm = 0;
  if (!t.literal('+') && !t.literal('-')) return false;
  return t.number(zh, 2, 2) && zh <= 24 && t.literal(':') && t.number(zm, 2, 2) && zm <= 60 && t.at_end();
}

// Whether go-yaml would read the plain scalar s as something other than a string.
bool resolves_to_non_string(std::string_view s) {
  if (in_resolve_map(s)) return true;
  char c = s[0];
  if (c == '.') return parse_go_float(s).has_value();
  bool digitish = (c >= '0' && c <= '9') || c == '-' || c == '+';
  if (!digitish) return false;
  if (is_timestamp(s)) return true;
  std::string plain(s);
  plain.erase(std::remove(plain.begin(), plain.end(), '_'), plain.end());
  if (is_go_int64(plain) || is_go_uint64(plain)) return true;
  if (is_yaml_float_syntax(plain) && parse_go_float(plain)) return true;
  auto binary = [](std::string_view b) {
    return !b.empty() && b.find_first_not_of("01") == std::string_view::npos && b.size() <= 64;
  };
  if (plain.starts_with("0b")) return binary(std::string_view(plain).substr(2));
  if (plain.starts_with("-0b")) return binary(std::string_view(plain).substr(3));
  return false;
}

// ---- go-yaml's key order (sorter.go) --------------------------------------------------

std::vector<char32_t> runes(std::string_view s) {
  std::vector<char32_t> out;
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > s.size()) len = 1;
    char32_t r = len == 1 ? c : c & (0x7f >> len);
    for (int k = 1; k < len; ++k) r = (r << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out.push_back(len == 1 && c >= 0x80 ? 0xfffd : r);
    i += len;
  }
  return out;
}

bool is_digit(char32_t r) {
  return r >= '0' && r <= '9';
}

bool is_letter(char32_t r) {
  if (r < 0x80) return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  static locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return utf8 != static_cast<locale_t>(nullptr) && iswalpha_l(static_cast<wint_t>(r), utf8) != 0;
}

bool key_less(std::string_view a_text, std::string_view b_text) {
  std::vector<char32_t> a = runes(a_text), b = runes(b_text);
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] == b[i]) continue;
    bool al = is_letter(a[i]), bl = is_letter(b[i]);
    if (al && bl) return a[i] < b[i];
    if (al || bl) return bl;
    int64_t an = 0, bn = 0;
    if (a[i] == '0' || b[i] == '0') {
      for (size_t j = i; j-- > 0 && is_digit(a[j]);) {
        if (a[j] != '0') {
          an = bn = 1;
          break;
        }
      }
    }
    size_t ai = i, bi = i;
    // Go's ints wrap on long digit runs; so do these (signed overflow would be undefined).
    auto push_digit = [](int64_t n, char32_t d) {
      return static_cast<int64_t>(static_cast<uint64_t>(n) * 10 + static_cast<uint64_t>(d - '0'));
    };
    for (; ai < a.size() && is_digit(a[ai]); ++ai) an = push_digit(an, a[ai]);
    for (; bi < b.size() && is_digit(b[bi]); ++bi) bn = push_digit(bn, b[bi]);
    if (an != bn) return an < bn;
    if (ai != bi) return ai < bi;
    return a[i] < b[i];
  }
  return a.size() < b.size();
}

// ---- emitting -------------------------------------------------------------------------

class Emitter {
 public:
  Emitter() {
    yaml_emitter_initialize(&emitter_);
    yaml_emitter_set_output(&emitter_, &Emitter::write, &out_);
    yaml_emitter_set_unicode(&emitter_, 1);
  }
  ~Emitter() { yaml_emitter_delete(&emitter_); }
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  bool document(const Value& v) {
    yaml_event_t e;
    yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING);
    if (!emit(e)) return false;
    yaml_document_start_event_initialize(&e, nullptr, nullptr, nullptr, 1);
    if (!emit(e) || !value(v)) return false;
    yaml_document_end_event_initialize(&e, 1);
    if (!emit(e)) return false;
    yaml_stream_end_event_initialize(&e);
    return emit(e) && yaml_emitter_flush(&emitter_) != 0;
  }

  std::string take() { return std::move(out_); }
  std::string_view problem() const { return emitter_.problem != nullptr ? emitter_.problem : "emitter error"; }

 private:
  static int write(void* data, unsigned char* buffer, size_t size) {
    static_cast<std::string*>(data)->append(reinterpret_cast<const char*>(buffer), size);
    return 1;
  }

  bool emit(yaml_event_t& e) { return yaml_emitter_emit(&emitter_, &e) != 0; }

  bool scalar(std::string_view text, yaml_scalar_style_t style) {
    yaml_event_t e;
    yaml_scalar_event_initialize(&e, nullptr, nullptr, reinterpret_cast<yaml_char_t*>(const_cast<char*>(text.data())),
                                 static_cast<int>(text.size()), 1, 1, style);
    return emit(e);
  }

  // go-yaml's stringv, on the text Go's JSON encoder gave it.
  bool string(std::string_view raw) {
    std::string text = go_replace_invalid_utf8(raw);
    std::string_view s = text;
    if (s.find('\n') != std::string_view::npos) return scalar(s, YAML_LITERAL_SCALAR_STYLE);
    bool plain = !resolves_to_non_string(s) && !is_base60_float(s);
    return scalar(s, plain ? YAML_PLAIN_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE);
  }

  // A JSON number as go-yaml decodes it (int, uint, float64 or, out of range, text).
  bool number(const Value& v) {
    std::string text = runtime::to_json(v);
    if (is_go_int64(text) || is_go_uint64(text)) {
      bool negative_zero = text.find_first_not_of("-0") == std::string::npos;
      return scalar(negative_zero ? "0" : text, YAML_PLAIN_SCALAR_STYLE);
    }
    std::optional<double> f = parse_go_float(text);
    if (!f) return string(text);
    return scalar(runtime::format_go_g(*f, 64), YAML_PLAIN_SCALAR_STYLE);
  }

  bool sequence(std::span<const Value> items) {
    yaml_event_t e;
    yaml_sequence_start_event_initialize(&e, nullptr, nullptr, 1, YAML_BLOCK_SEQUENCE_STYLE);
    if (!emit(e)) return false;
    for (const Value& item : items) {
      if (!value(item)) return false;
    }
    yaml_sequence_end_event_initialize(&e);
    return emit(e);
  }

  bool mapping(const Value& object) {
    std::vector<std::pair<std::string, const Value*>> entries;
    for (auto entry : object.entries()) {
      std::string key = entry.key.is_string() ? std::string(entry.key.string_view()) : runtime::to_json(entry.key);
      entries.emplace_back(std::move(key), &entry.value);
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return key_less(a.first, b.first); });
    yaml_event_t e;
    yaml_mapping_start_event_initialize(&e, nullptr, nullptr, 1, YAML_BLOCK_MAPPING_STYLE);
    if (!emit(e)) return false;
    for (const auto& [key, v] : entries) {
      if (!string(key) || !value(*v)) return false;
    }
    yaml_mapping_end_event_initialize(&e);
    return emit(e);
  }

  bool value(const Value& v) {
    switch (v.kind()) {
      case runtime::Kind::kNull: return scalar("null", YAML_PLAIN_SCALAR_STYLE);
      case runtime::Kind::kBoolean: return scalar(v.as_bool() ? "true" : "false", YAML_PLAIN_SCALAR_STYLE);
      case runtime::Kind::kNumber: return number(v);
      case runtime::Kind::kString: return string(v.string_view());
      case runtime::Kind::kArray:
      case runtime::Kind::kSet: return sequence(v.elements());
      case runtime::Kind::kObject: return mapping(v);
    }
    return false;
  }

  yaml_emitter_t emitter_;
  std::string out_;
};

// go-yaml's wording of a parse error: "yaml: line N: problem", the line of the problem
// (one more for scanner errors, which report it before moving past the line) or else
// of the context.
std::string go_yaml_error(std::string_view text) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::string message;
  while (true) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      size_t line = 0;
      if (parser.problem_mark.line != 0) {
        line = parser.problem_mark.line + (parser.error == YAML_SCANNER_ERROR ? 1 : 0);
      } else if (parser.context_mark.line != 0) {
        line = parser.context_mark.line;
      }
      message = "yaml: ";
      if (line != 0) message += "line " + std::to_string(line) + ": ";
      message += parser.problem != nullptr ? parser.problem : "unknown problem parsing YAML content";
      break;
    }
    bool done = event.type == YAML_STREAM_END_EVENT || event.type == YAML_DOCUMENT_END_EVENT;
    yaml_event_delete(&event);
    if (done) break;
  }
  yaml_parser_delete(&parser);
  return message;
}

}  // namespace

BuiltinResult yaml_marshal(BuiltinContext&, Args args) {
  Emitter emitter;
  if (!emitter.document(args[0])) return builtin_error("yaml.marshal", emitter.problem());
  return Value::from_string(emitter.take());
}

BuiltinResult yaml_unmarshal(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("yaml.unmarshal", 1, args[0], {"string"});
  runtime::Result<Value> v = runtime::parse_yaml(args[0].string_view());
  if (v.ok()) return v.value();
  std::string message = go_yaml_error(args[0].string_view());
  return builtin_error("yaml.unmarshal", message.empty() ? v.error().message : message);
}

BuiltinResult yaml_is_valid(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return Value::boolean(false);
  return Value::boolean(runtime::parse_yaml(args[0].string_view()).ok());
}

}  // namespace arcane::stdlib::impl
