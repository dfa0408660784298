// Trimming and replacing (topdown/strings.go): trim, trim_left, trim_right,
// trim_prefix, trim_suffix, trim_space, replace and strings.replace_n, with Go's
// semantics. Cutsets are sets of runes (an ill-formed byte in the string is U+FFFD and
// is cut only when the cutset holds U+FFFD or an ill-formed byte); trim_space cuts
// Unicode's white space. replace and replace_n follow strings.Replacer: one left-to-right
// pass, at each position the pattern listed first wins (replace_n lists its patterns in
// key order), an empty pattern matches between bytes, and replaced text is not searched
// again.
#include <algorithm>
#include <vector>

#include "stdlib/families_strings.h"
#include "stdlib/go_utf8.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

struct Pattern {
  std::string_view old_text, new_text;
};

std::string replace_all(std::string_view s, std::span<const Pattern> patterns) {
  std::string out;
  size_t last = 0;
  bool prev_empty = false;
  for (size_t i = 0; i <= s.size();) {
    const Pattern* match = nullptr;
    for (const Pattern& p : patterns) {
      if (p.old_text.empty() && prev_empty) continue;
      if (s.substr(i).starts_with(p.old_text)) {
        match = &p;
        break;
      }
    }
    prev_empty = match != nullptr && match->old_text.empty();
    if (match == nullptr) {
      ++i;
      continue;
    }
    out.append(s, last, i - last);
    out += match->new_text;
    i += match->old_text.size();
    last = i;
  }
  if (last < s.size()) out.append(s, last);
  return out;
}

std::vector<uint32_t> cutset_runes(std::string_view cutset) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < cutset.size();) {
    goutf8::Rune r = goutf8::decode(cutset, i);
    out.push_back(r.r);
    i += r.width;
  }
  return out;
}

template <typename Cut>
std::string_view trim_left_by(std::string_view s, Cut&& cut) {
  while (!s.empty()) {
    goutf8::Rune r = goutf8::decode(s, 0);
    if (!cut(r.r)) break;
    s.remove_prefix(r.width);
  }
  return s;
}

template <typename Cut>
std::string_view trim_right_by(std::string_view s, Cut&& cut) {
  while (!s.empty()) {
    goutf8::Rune r = goutf8::decode_last(s, s.size());
    if (!cut(r.r)) break;
    s.remove_suffix(r.width);
  }
  return s;
}

// unicode.IsSpace.
bool is_space(uint32_t r) {
  switch (r) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000: return true;
    default: return r >= 0x2000 && r <= 0x200A;
  }
}

enum class Side { kBoth, kLeft, kRight };

BuiltinResult trim_cutset(std::string_view name, Args args, Side side) {
  if (!args[0].is_string()) return operand_type_error(name, 1, args[0], {"string"});
  if (!args[1].is_string()) return operand_type_error(name, 2, args[1], {"string"});
  std::string_view s = args[0].string_view();
  std::vector<uint32_t> cut = cutset_runes(args[1].string_view());
  auto in_cut = [&](uint32_t r) { return std::find(cut.begin(), cut.end(), r) != cut.end(); };
  std::string_view t = s;
  if (!cut.empty()) {
    if (side != Side::kLeft) t = trim_right_by(t, in_cut);
    if (side != Side::kRight) t = trim_left_by(t, in_cut);
  }
  if (t.size() == s.size()) return args[0];
  return Value::from_string(t);
}

BuiltinResult trim_affix(std::string_view name, Args args, bool prefix) {
  if (!args[0].is_string()) return operand_type_error(name, 1, args[0], {"string"});
  if (!args[1].is_string()) return operand_type_error(name, 2, args[1], {"string"});
  std::string_view s = args[0].string_view(), affix = args[1].string_view();
  if (affix.empty() || !(prefix ? s.starts_with(affix) : s.ends_with(affix))) return args[0];
  return Value::from_string(prefix ? s.substr(affix.size()) : s.substr(0, s.size() - affix.size()));
}

}  // namespace

BuiltinResult trim(BuiltinContext&, Args args) {
  return trim_cutset("trim", args, Side::kBoth);
}

BuiltinResult trim_left(BuiltinContext&, Args args) {
  return trim_cutset("trim_left", args, Side::kLeft);
}

BuiltinResult trim_right(BuiltinContext&, Args args) {
  return trim_cutset("trim_right", args, Side::kRight);
}

BuiltinResult trim_prefix(BuiltinContext&, Args args) {
  return trim_affix("trim_prefix", args, true);
}

BuiltinResult trim_suffix(BuiltinContext&, Args args) {
  return trim_affix("trim_suffix", args, false);
}

BuiltinResult trim_space(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("trim_space", 1, args[0], {"string"});
  std::string_view s = args[0].string_view();
  std::string_view t = trim_left_by(trim_right_by(s, is_space), is_space);
  if (t.size() == s.size()) return args[0];
  return Value::from_string(t);
}

BuiltinResult replace(BuiltinContext&, Args args) {
  for (size_t i = 0; i < 3; ++i) {
    if (!args[i].is_string()) return operand_type_error("replace", static_cast<int>(i) + 1, args[i], {"string"});
  }
  Pattern p{args[1].string_view(), args[2].string_view()};
  std::string out = replace_all(args[0].string_view(), std::span(&p, 1));
  if (out == args[0].string_view()) return args[0];
  return Value::from_string(out);
}

BuiltinResult strings_replace_n(BuiltinContext&, Args args) {
  constexpr std::string_view name = "strings.replace_n";
  if (!args[0].is_object()) return operand_type_error(name, 1, args[0], {"object"});
  if (!args[1].is_string()) return operand_type_error(name, 2, args[1], {"string"});
  std::vector<Pattern> patterns;
  for (auto entry : args[0].entries()) {  // in key order, as OPA sorts them
    if (!entry.key.is_string()) return operand_error(name, 1, "non-string key found in pattern object");
    if (!entry.value.is_string()) return operand_error(name, 1, "non-string value found in pattern object");
    patterns.push_back({entry.key.string_view(), entry.value.string_view()});
  }
  return Value::from_string(replace_all(args[1].string_view(), patterns));
}

}  // namespace arcane::stdlib::impl
