// json.marshal, json.marshal_with_options, json.unmarshal, json.is_valid
// (OPA's topdown/encoding.go).
//
// OPA marshals a value by converting it to plain JSON (sets become sorted arrays,
// non-string keys their JSON text) and handing that to Go's encoding/json, which sorts
// keys and escapes HTML characters: exactly the canonical form of runtime/json_writer.h.
// The pretty form is Go's json.Indent of that compact text, with OPA's defaults (a tab
// per level, no prefix) and with the prefix also put before the first line, as OPA does.
#include <string>

#include "runtime/json_reader.h"
#include "runtime/json_writer.h"
#include "runtime/utf8.h"
#include "stdlib/families_encoding.h"
#include "stdlib/go_json_scanner.h"
#include "stdlib/operands.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

constexpr std::string_view kWithOptions = "json.marshal_with_options";

// Go's encoding/json decoders nest up to 10000 levels.
constexpr size_t kGoMaxDepth = 10000;

// The value as Go's encoder writes it: runtime::to_json's canonical text, except that
// Go writes each byte of an ill-formed UTF-8 sequence in a string as \ufffd. Such bytes
// can only come from strings (everything else the writer produces is ASCII), and the
// writer copies them through unchanged, so they are fixed up here.
std::string go_json_text(const Value& v) {
  std::string text = runtime::to_json(v);
  size_t bad = runtime::find_invalid_utf8(text);
  if (bad == std::string::npos) return text;
  std::string out;
  std::string_view rest = text;
  while (bad != std::string_view::npos) {
    out.append(rest.substr(0, bad));
    out += "\\ufffd";
    rest.remove_prefix(bad + 1);
    bad = runtime::find_invalid_utf8(rest);
  }
  out.append(rest);
  return out;
}

void newline(std::string& out, std::string_view prefix, std::string_view indent, int depth) {
  out.push_back('\n');
  out += prefix;
  for (int i = 0; i < depth; ++i) out += indent;
}

// Go's json.Indent of compact JSON text: a newline and indentation after '{', '[' and
// ',', a space after ':', and empty containers kept as {} and [].
std::string go_indent(std::string_view compact, std::string_view prefix, std::string_view indent) {
  std::string out;
  out.reserve(compact.size() * 2);
  bool in_string = false, escaped = false, need_indent = false;
  int depth = 0;
  for (char c : compact) {
    if (in_string) {
      out.push_back(c);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (need_indent && c != '}' && c != ']') {
      need_indent = false;
      newline(out, prefix, indent, ++depth);
    }
    switch (c) {
      case '"':
        in_string = true;
        out.push_back(c);
        break;
      case '{':
      case '[':
        need_indent = true;
        out.push_back(c);
        break;
      case ',':
        out.push_back(c);
        newline(out, prefix, indent, depth);
        break;
      case ':': out += ": "; break;
      case '}':
      case ']':
        if (need_indent) {
          need_indent = false;
        } else {
          newline(out, prefix, indent, --depth);
        }
        out.push_back(c);
        break;
      default: out.push_back(c);
    }
  }
  return out;
}

// "operand N must be string but got K", as OPA's StringOperand words it, for the
// position OPA passes (the option's index, not the operand's).
std::string string_operand_text(size_t pos, const Value& got) {
  return "operand " + std::to_string(pos) + " must be string but got " + runtime::kind_name(got.kind());
}

struct MarshalOptions {
  std::string indent = "\t";
  std::string prefix;
  bool pretty = false;
};

// OPA's option loop, over the keys in order: unknown keys and ill-typed values are
// operand errors of operand 2.
std::variant<MarshalOptions, BuiltinError> marshal_options(const Value& opts) {
  if (!opts.is_object()) return operand_type_error(kWithOptions, 2, opts, {"object"});
  MarshalOptions o;
  bool implicit_pretty = false, explicit_pretty = false;
  size_t idx = 0;
  for (auto entry : opts.entries()) {
    const Value &key = entry.key, &val = entry.value;
    if (!key.is_string()) {
      std::string detail = "failed to stringify key " + rego_text(key) + " at index " + std::to_string(idx) + ": " +
                           string_operand_text(idx, key);
      return operand_error(kWithOptions, 2, detail);
    }
    std::string_view k = key.string_view();
    std::string quoted = rego_text(key);
    if (k == "prefix" || k == "indent") {
      if (!val.is_string()) {
        return operand_error(kWithOptions, 2,
                             "key " + quoted + " failed cast to string: " + string_operand_text(idx, val));
      }
      (k == "prefix" ? o.prefix : o.indent) = std::string(val.string_view());
      implicit_pretty = true;
    } else if (k == "pretty") {
      explicit_pretty = true;
      if (!val.is_boolean()) return operand_error(kWithOptions, 2, "key " + quoted + " failed cast to bool");
      o.pretty = val.as_bool();
    } else {
      return operand_error(kWithOptions, 2, "object contained unknown key " + quoted);
    }
    ++idx;
  }
  if (!explicit_pretty) o.pretty = implicit_pretty;
  return o;
}

}  // namespace

BuiltinResult json_marshal(BuiltinContext&, Args args) {
  return Value::from_string(go_json_text(args[0]));
}

BuiltinResult json_marshal_with_options(BuiltinContext&, Args args) {
  std::variant<MarshalOptions, BuiltinError> options = marshal_options(args[1]);
  if (const BuiltinError* e = std::get_if<BuiltinError>(&options)) return *e;
  const MarshalOptions& o = std::get<MarshalOptions>(options);
  std::string compact = go_json_text(args[0]);
  if (!o.pretty) return Value::from_string(compact);
  return Value::from_string(o.prefix + go_indent(compact, o.prefix, o.indent));
}

// The syntax (and the first value) is settled by Go's scanner, so errors and quirks are
// Go's; the value is then read by our JSON reader.
BuiltinResult json_unmarshal(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error("json.unmarshal", 1, args[0], {"string"});
  std::string_view text = args[0].string_view();
  std::variant<GoJsonSpan, std::string> first = go_json_first_value(text);
  if (const std::string* e = std::get_if<std::string>(&first)) return builtin_error("json.unmarshal", *e);
  const GoJsonSpan& span = std::get<GoJsonSpan>(first);
  runtime::JsonReadOptions options;
  options.max_depth = kGoMaxDepth;
  runtime::Result<Value> v =
      runtime::parse_json(go_replace_invalid_utf8(text.substr(span.begin, span.end - span.begin)), options);
  if (!v.ok()) return builtin_error("json.unmarshal", v.error().message);
  return v.value();
}

BuiltinResult json_is_valid(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return Value::boolean(false);
  return Value::boolean(go_json_valid(args[0].string_view()));
}

}  // namespace arcane::stdlib::impl
