// current_capabilities_json(): this build's capabilities document, generated from the
// built-in declaration table, in the shape and order OPA's encoder gives it (Go's
// json.MarshalIndent of ast.Capabilities: struct fields in declaration order, maps and
// types with sorted keys, empty fields left out, two-space indentation).
//
// Operand names and descriptions come from stdlib/builtin_docs.h (OPA's documentation);
// the built-ins' own descriptions are not in the table and are left out. Categories are
// the table's (OPA's builtin_metadata.json grouping), left out for the groups that are
// ours rather than OPA's.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "arcane/capabilities.h"
#include "runtime/json_reader.h"
#include "runtime/json_writer.h"
#include "runtime/value_builder.h"
#include "stdlib/builtin.h"
#include "stdlib/builtin_docs.h"

namespace arcane {

namespace {

using runtime::Value;

// Groups the declaration table uses where OPA gives a built-in no category.
bool opa_category(std::string_view c) {
  return !c.empty() && c != "debugging" && c != "deprecated" && c != "operators";
}

// Writes the members of one JSON object at a nesting level, as MarshalIndent does.
class ObjectWriter {
 public:
  ObjectWriter(std::string& out, int level) : out_(out), level_(level) { out_ += "{"; }

  void member(std::string_view key, const Value& v) {
    start(key);
    std::string text = runtime::to_json(v, {.indent = true});
    std::string pad(static_cast<size_t>(level_ + 1) * 2, ' ');
    for (char c : text) {
      out_ += c;
      if (c == '\n') out_ += pad;
    }
  }
  // A member whose value the caller writes (starting at the current position).
  void start(std::string_view key) {
    out_ += first_ ? "\n" : ",\n";
    first_ = false;
    out_.append(static_cast<size_t>(level_ + 1) * 2, ' ');
    out_ += runtime::to_json(Value::from_string(key));
    out_ += ": ";
  }
  void finish() {
    if (!first_) {
      out_ += "\n";
      out_.append(static_cast<size_t>(level_) * 2, ' ');
    }
    out_ += "}";
  }

 private:
  std::string& out_;
  int level_;
  bool first_ = true;
};

Value strings(std::initializer_list<std::string_view> items) {
  runtime::ArrayBuilder b;
  for (std::string_view s : items) b.push_back(Value::from_string(s));
  return b.build();
}

// An array of objects each written by `write(out, level, item)`.
template <typename Items, typename Write>
void write_array(std::string& out, int level, const Items& items, Write write) {
  std::string pad(static_cast<size_t>(level + 1) * 2, ' ');
  out += "[";
  bool first = true;
  for (const auto& item : items) {
    out += first ? "\n" : ",\n";
    out += pad;
    first = false;
    write(out, level + 1, item);
  }
  if (!first) {
    out += "\n";
    out.append(static_cast<size_t>(level) * 2, ' ');
  }
  out += "]";
}

struct AbiVersion {
  int64_t version;
  int64_t minor;
};

Value decl_json(const stdlib::BuiltinDecl& d) {
  auto v = runtime::parse_json(d.type.to_json());
  return v.ok() ? v.value() : Value();
}

// `type` (an operand's or the result's JSON) with OPA's name and description added, as a
// types.NamedType marshals.
Value named(const Value& type, const stdlib::OperandDoc* doc) {
  if (doc == nullptr || doc->name.empty() || !type.is_object()) return type;
  runtime::ObjectBuilder b;
  for (auto e : type.entries()) b.insert(e.key, e.value);
  b.insert("name", Value::from_string(doc->name));
  if (!doc->description.empty()) b.insert("description", Value::from_string(doc->description));
  return b.build();
}

// The decl with the operand names and descriptions OPA documents (builtin_docs.h).
Value documented_decl(const stdlib::BuiltinDecl& d) {
  Value decl = decl_json(d);
  auto docs = stdlib::operand_docs_of(d.name);
  if (docs.empty()) return decl;
  auto doc_of = [&](int index) -> const stdlib::OperandDoc* {
    for (const auto& doc : docs) {
      if (doc.index == index) return &doc;
    }
    return nullptr;
  };
  runtime::ObjectBuilder out;
  for (auto e : decl.entries()) {
    std::string_view key = e.key.string_view();
    if (key == "args" && e.value.is_array()) {
      runtime::ArrayBuilder args;
      for (size_t i = 0; i < e.value.size(); ++i) args.push_back(named(e.value.at(i), doc_of(static_cast<int>(i))));
      out.insert(e.key, args.build());
    } else if (key == "result") {
      out.insert(e.key, named(e.value, doc_of(-1)));
    } else {
      out.insert(e.key, e.value);
    }
  }
  return out.build();
}

void write_builtin(std::string& out, int level, const stdlib::Builtin& b, const CapabilitiesFormat& format) {
  ObjectWriter w(out, level);
  const stdlib::BuiltinDecl& d = b.decl;
  w.member("name", Value::from_string(d.name));
  if (!format.minimal && opa_category(d.category)) w.member("categories", strings({d.category}));
  w.member("decl", format.minimal ? decl_json(d) : documented_decl(d));
  if (!d.infix.empty()) w.member("infix", Value::from_string(d.infix));
  if (d.relation) w.member("relation", Value::boolean(true));
  if (d.deprecated) w.member("deprecated", Value::boolean(true));
  if (d.nondeterministic) w.member("nondeterministic", Value::boolean(true));
  w.finish();
}

}  // namespace

std::string current_capabilities_json(const CapabilitiesFormat& format) {
  std::string out;
  ObjectWriter doc(out, 0);
  doc.start("builtins");
  write_array(out, 1, stdlib::all_builtins(),
              [&](std::string& o, int level, const stdlib::Builtin& b) { write_builtin(o, level, b, format); });
  // As OPA 1.x reports them for Rego v1: the one future keyword left to import, its Wasm
  // ABI versions (plans are portable to OPA's Wasm tooling), and the language features.
  doc.member("future_keywords", strings({"not"}));
  doc.start("wasm_abi_versions");
  const AbiVersion abi[] = {{1, 1}, {1, 2}};
  write_array(out, 1, abi, [](std::string& o, int level, const AbiVersion& v) {
    ObjectWriter w(o, level);  // struct order: version, then minor_version
    w.member("version", Value::integer(v.version));
    w.member("minor_version", Value::integer(v.minor));
    w.finish();
  });
  doc.member("features", strings({"keywords_in_refs", "rego_v1", "template_strings"}));
  doc.finish();
  return out;
}

}  // namespace arcane
