// Built-in signature tables (see builtins.h).
#include "compiler/compile/builtins.h"

#include "runtime/json_reader.h"

namespace arcane::compiler {

void BuiltinTable::add(BuiltinSignature sig) {
  std::string key = sig.name;
  by_name_[key] = std::move(sig);
}

const BuiltinSignature* BuiltinTable::find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &it->second;
}

namespace {

runtime::Diagnostic bad_capabilities(std::string message) {
  return runtime::Diagnostic{"", "capabilities: " + std::move(message), {}, {}};
}

using stdlib::types::Type;

std::string_view string_field(const runtime::Value& obj, std::string_view key) {
  const runtime::Value* v = obj.is_object() ? obj.find(key) : nullptr;
  return v != nullptr && v->is_string() ? v->string_view() : std::string_view();
}

// A type in capabilities.json's form ({"type": "array", "dynamic": {...}}); nil when the
// JSON is not one (the signature is then left untyped).
Type type_from_json(const runtime::Value& j, bool& ok);

std::vector<Type> types_from_json(const runtime::Value* list, bool& ok) {
  std::vector<Type> out;
  if (list == nullptr) return out;
  if (!list->is_array()) {
    ok = false;
    return out;
  }
  for (const runtime::Value& item : list->elements()) out.push_back(type_from_json(item, ok));
  return out;
}

Type optional_type(const runtime::Value& j, std::string_view key, bool& ok) {
  const runtime::Value* v = j.find(key);
  return v == nullptr ? Type() : type_from_json(*v, ok);
}

Type object_from_json(const runtime::Value& j, bool& ok) {
  std::vector<stdlib::types::StaticProperty> props;
  if (const runtime::Value* st = j.find("static"); st != nullptr && st->is_array()) {
    for (const runtime::Value& p : st->elements()) {
      const runtime::Value* key = p.is_object() ? p.find("key") : nullptr;
      const runtime::Value* value = p.is_object() ? p.find("value") : nullptr;
      if (key == nullptr || value == nullptr) {
        ok = false;
        continue;
      }
      props.push_back({*key, type_from_json(*value, ok)});
    }
  }
  Type key, value;
  if (const runtime::Value* dyn = j.find("dynamic"); dyn != nullptr && dyn->is_object()) {
    key = optional_type(*dyn, "key", ok);
    value = optional_type(*dyn, "value", ok);
  }
  return Type::object(std::move(props), std::move(key), std::move(value));
}

stdlib::types::FunctionType function_from_json(const runtime::Value& j, bool& ok) {
  stdlib::types::FunctionType f;
  f.args = types_from_json(j.find("args"), ok);
  f.result = optional_type(j, "result", ok);
  f.variadic = optional_type(j, "variadic", ok);
  return f;
}

Type type_from_json(const runtime::Value& j, bool& ok) {
  std::string_view kind = string_field(j, "type");
  if (kind == "null") return Type::null();
  if (kind == "boolean") return Type::boolean();
  if (kind == "number") return Type::number();
  if (kind == "string") return Type::string();
  if (kind == "any") return j.find("of") == nullptr ? Type::any() : Type::any_of(types_from_json(j.find("of"), ok));
  if (kind == "array") return Type::array(types_from_json(j.find("static"), ok), optional_type(j, "dynamic", ok));
  if (kind == "set") return Type::set_of(optional_type(j, "of", ok));
  if (kind == "object") return object_from_json(j, ok);
  if (kind == "function") return Type::function(function_from_json(j, ok));
  ok = false;
  return {};
}

OperandInfo info_of(const runtime::Value& j) {
  return OperandInfo{std::string(string_field(j, "name")), std::string(string_field(j, "description"))};
}

void read_decl(const runtime::Value& decl, BuiltinSignature& sig) {
  const runtime::Value* args = decl.find("args");
  sig.arity = args != nullptr && args->is_array() ? static_cast<int>(args->size()) : 0;
  sig.has_result = decl.find("result") != nullptr;
  sig.variadic = decl.find("variadic") != nullptr;
  bool ok = true;
  sig.type = function_from_json(decl, ok);
  sig.typed = ok;
  if (args != nullptr && args->is_array()) {
    for (const runtime::Value& a : args->elements()) sig.args_doc.push_back(info_of(a));
  }
  if (const runtime::Value* r = decl.find("result")) sig.result_doc = info_of(*r);
}

BuiltinSignature signature_of(const runtime::Value& entry) {
  BuiltinSignature sig;
  sig.name = std::string(entry.find("name")->string_view());
  if (const runtime::Value* decl = entry.find("decl"); decl != nullptr && decl->is_object()) read_decl(*decl, sig);
  const runtime::Value* rel = entry.find("relation");
  sig.relation = rel != nullptr && rel->is_boolean() && rel->as_bool();
  const runtime::Value* dep = entry.find("deprecated");
  sig.deprecated = dep != nullptr && dep->is_boolean() && dep->as_bool();
  return sig;
}

}  // namespace

runtime::Result<std::shared_ptr<const BuiltinTable>> builtins_from_capabilities(std::string_view json) {
  auto doc = runtime::parse_json(json);
  if (!doc.ok()) return bad_capabilities(doc.error().message);
  const runtime::Value* list = doc->is_object() ? doc->find("builtins") : nullptr;
  if (list == nullptr || !list->is_array()) return bad_capabilities("no \"builtins\" array");
  auto table = std::make_shared<BuiltinTable>();
  for (const runtime::Value& entry : list->elements()) {
    const runtime::Value* name = entry.is_object() ? entry.find("name") : nullptr;
    if (name == nullptr || !name->is_string()) return bad_capabilities("a built-in without a name");
    table->add(signature_of(entry));
  }
  return std::shared_ptr<const BuiltinTable>(std::move(table));
}

}  // namespace arcane::compiler
