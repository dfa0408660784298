// See rule_index.h for the table's shape and meaning.
#include "ir/rule_index.h"

#include <algorithm>

#include "runtime/value_builder.h"

namespace arcane::ir {
namespace {

runtime::Value index_list(const std::vector<uint32_t>& l) {
  runtime::ArrayBuilder b(l.size());
  for (uint32_t i : l) b.push_back(runtime::Value::integer(i));
  return b.build();
}

runtime::Value index_map(const std::map<std::string, std::vector<uint32_t>>& m) {
  runtime::ObjectBuilder b(m.size());
  for (const auto& [k, l] : m) b.insert(std::string_view(k), index_list(l));
  return b.build();
}

bool read_list(const runtime::Value& v, size_t blocks, std::vector<uint32_t>& out) {
  if (!v.is_array()) return false;
  for (const runtime::Value& e : v.elements()) {
    if (!e.is_number()) return false;
    std::optional<int64_t> i = e.number().to_int64();
    if (!i || *i < 0 || static_cast<uint64_t>(*i) >= blocks) return false;
    if (!out.empty() && static_cast<uint32_t>(*i) <= out.back()) return false;
    out.push_back(static_cast<uint32_t>(*i));
  }
  return true;
}

bool read_map(const runtime::Value* v, size_t blocks, std::map<std::string, std::vector<uint32_t>>& out) {
  if (v == nullptr) return true;
  if (!v->is_object()) return false;
  for (const auto& entry : v->entries()) {
    if (!entry.key.is_string()) return false;
    if (!read_list(entry.value, blocks, out[std::string(entry.key.string_view())])) return false;
  }
  return true;
}

void add_all(std::vector<uint32_t>& into, const std::vector<uint32_t>& l) { into.insert(into.end(), l.begin(), l.end()); }

}  // namespace

runtime::Value encode_rule_index(const RuleIndexTable& t) {
  runtime::ObjectBuilder b(3);
  b.insert("any", index_list(t.any));
  if (!t.eq.empty()) b.insert("eq", index_map(t.eq));
  if (!t.prefix.empty()) b.insert("prefix", index_map(t.prefix));
  return b.build();
}

std::optional<RuleIndexTable> decode_rule_index(const runtime::Value& v, size_t blocks, std::string* error) {
  RuleIndexTable t;
  auto bad = [&](const char* why) -> std::optional<RuleIndexTable> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (!v.is_object()) return bad("ruleindex table must be an object");
  for (const auto& entry : v.entries()) {
    std::string_view k = entry.key.is_string() ? entry.key.string_view() : std::string_view();
    if (k != "any" && k != "eq" && k != "prefix") return bad("ruleindex table has an unknown field");
  }
  const runtime::Value* any = v.find("any");
  if (any == nullptr || !read_list(*any, blocks, t.any)) return bad("ruleindex \"any\" must list block indices, ascending");
  if (!read_map(v.find("eq"), blocks, t.eq) || !read_map(v.find("prefix"), blocks, t.prefix)) {
    return bad("ruleindex \"eq\" and \"prefix\" must map strings to block indices, ascending");
  }
  return t;
}

std::vector<uint32_t> select_rule_blocks(const RuleIndexTable& t, const runtime::Value* key, size_t blocks) {
  std::vector<uint32_t> out = t.any;
  if (key != nullptr && !key->is_string()) {
    if (t.prefix.empty()) return out;
    out.clear();
    for (uint32_t i = 0; i < blocks; ++i) out.push_back(i);
    return out;
  }
  if (key != nullptr) {
    std::string_view s = key->string_view();
    if (auto it = t.eq.find(std::string(s)); it != t.eq.end()) add_all(out, it->second);
    for (const auto& [p, l] : t.prefix) {
      if (s.starts_with(p)) add_all(out, l);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace arcane::ir
