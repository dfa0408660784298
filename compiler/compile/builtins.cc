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

BuiltinSignature signature_of(const runtime::Value& entry) {
  BuiltinSignature sig;
  sig.name = std::string(entry.find("name")->string_view());
  if (const runtime::Value* decl = entry.find("decl"); decl != nullptr && decl->is_object()) {
    const runtime::Value* args = decl->find("args");
    sig.arity = args != nullptr && args->is_array() ? static_cast<int>(args->size()) : 0;
    sig.has_result = decl->find("result") != nullptr;
    sig.variadic = decl->find("variadic") != nullptr;
  }
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
