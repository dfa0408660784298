#include "api/src/documents.h"

#include "runtime/value_builder.h"

namespace arcane::api {

using runtime::Value;

Value mount(std::span<const std::string> path, Value value) {
  for (size_t i = path.size(); i > 0; --i) {
    runtime::ObjectBuilder b(1);
    b.insert(path[i - 1], std::move(value));
    value = b.build();
  }
  return value;
}

std::optional<Value> merge_documents(const Value& a, const Value& b) {
  if (!a.is_object() || !b.is_object()) return std::nullopt;
  if (a.size() == 0) return b;
  if (b.size() == 0) return a;
  runtime::ObjectBuilder out(a.size() + b.size());
  for (auto e : a.entries()) {
    const Value* other = b.find(e.key);
    if (other == nullptr) {
      out.insert(e.key, e.value);
      continue;
    }
    auto merged = merge_documents(e.value, *other);
    if (!merged) return std::nullopt;
    out.insert(e.key, std::move(*merged));
  }
  for (auto e : b.entries()) {
    if (a.find(e.key) == nullptr) out.insert(e.key, e.value);
  }
  return out.build();
}

Value remove_path(const Value& doc, std::span<const std::string> path) {
  if (path.empty()) return Value::empty_object();
  if (!doc.is_object()) return doc;
  const Value* child = doc.find(std::string_view(path[0]));
  if (child == nullptr) return doc;
  runtime::ObjectBuilder out(doc.size());
  for (auto e : doc.entries()) {
    if (e.key.is_string() && e.key.string_view() == path[0]) {
      if (path.size() > 1) out.insert(e.key, remove_path(*child, path.subspan(1)));
    } else {
      out.insert(e.key, e.value);
    }
  }
  return out.build();
}

std::vector<std::string> split_path(const std::string& path, char sep) {
  std::vector<std::string> out;
  if (path.empty()) return out;
  size_t i = 0;
  while (true) {
    size_t j = path.find(sep, i);
    if (j == std::string::npos) {
      out.push_back(path.substr(i));
      break;
    }
    out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace arcane::api
