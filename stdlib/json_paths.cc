// json.filter and json.remove (OPA's topdown/json.go): keep or drop the parts of an
// object named by JSON paths.
//
// A path is a JSON pointer string ("a/b/0", the leading slashes ignored, ~1 and ~0
// unescaped) or an array of segments of any type. OPA folds the paths into one tree
// whose leaves are null, a shorter path overriding the longer ones under it, and walks
// the value and the tree together. Inside arrays the tree is looked up with the index
// as a *string* ("0"), so an array segment must be written as a string to match; inside
// sets with the element itself.
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "runtime/value_builder.h"
#include "stdlib/families_encoding.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

struct PathTree {
  bool leaf = false;  // OPA's null: everything below is selected
  std::map<Value, PathTree> children;

  const PathTree* child(const Value& key) const {
    auto it = children.find(key);
    return it == children.end() ? nullptr : &it->second;
  }
};

std::string unescape_pointer(std::string_view part) {
  std::string s;
  for (size_t i = 0; i < part.size(); ++i) {
    if (part.substr(i, 2) == "~1") {
      s.push_back('/');
      ++i;
    } else {
      s.push_back(part[i]);
    }
  }
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "~0") == 0) {
      out.push_back('~');
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// OPA's parsePath.
std::variant<std::vector<Value>, BuiltinError> parse_path(std::string_view name, const Value& path) {
  std::vector<Value> segments;
  if (path.is_string()) {
    std::string_view p = path.string_view();
    if (p.empty()) return segments;
    p.remove_prefix(std::min(p.find_first_not_of('/'), p.size()));
    while (true) {
      size_t slash = p.find('/');
      segments.push_back(Value::from_string(unescape_pointer(p.substr(0, slash))));
      if (slash == std::string_view::npos) break;
      p.remove_prefix(slash + 1);
    }
  } else if (path.is_array()) {
    segments.assign(path.elements().begin(), path.elements().end());
  } else {
    return operand_error(name, 2,
                         std::string("must be one of {set, array} containing string paths or array of path "
                                     "segments but got ") +
                             runtime::kind_name(path.kind()));
  }
  return segments;
}

// OPA's getJSONPaths + pathsToObject.
std::variant<PathTree, BuiltinError> path_tree(std::string_view name, const Value& paths) {
  if (!paths.is_array() && !paths.is_set()) return operand_type_error(name, 2, paths, {"set", "array"});
  PathTree root;
  for (const Value& p : paths.elements()) {
    auto parsed = parse_path(name, p);
    if (const BuiltinError* e = std::get_if<BuiltinError>(&parsed)) return *e;
    const std::vector<Value>& path = std::get<std::vector<Value>>(parsed);
    if (path.empty()) continue;
    PathTree* node = &root;
    bool done = false;
    for (size_t i = 0; i + 1 < path.size() && !done; ++i) {
      PathTree& child = node->children[path[i]];
      if (child.leaf) done = true;
      node = &child;
    }
    if (!done) {
      PathTree& last = node->children[path.back()];
      last.leaf = true;
      last.children.clear();
    }
  }
  return root;
}

Value index_key(size_t i) {
  return Value::from_string(std::to_string(i));
}

// OPA's filterObject.
Value filter_value(const Value& v, const PathTree& filter) {
  if (filter.leaf) return v;
  if (v.is_array()) {
    runtime::ArrayBuilder out;
    for (size_t i = 0; i < v.size(); ++i) {
      if (const PathTree* sub = filter.child(index_key(i))) out.push_back(filter_value(v.at(i), *sub));
    }
    return out.build();
  }
  if (v.is_set()) {
    runtime::SetBuilder out;
    for (const Value& e : v.elements()) {
      if (const PathTree* sub = filter.child(e)) out.insert(filter_value(e, *sub));
    }
    return out.build();
  }
  if (v.is_object()) {
    runtime::ObjectBuilder out;
    for (auto entry : v.entries()) {
      if (const PathTree* sub = filter.child(entry.key)) out.insert(entry.key, filter_value(entry.value, *sub));
    }
    return out.build();
  }
  return v;
}

// OPA's jsonRemove: nullopt when the value itself is removed.
std::optional<Value> remove_value(const Value& v, const PathTree* paths) {
  if (paths == nullptr) return v;
  if (paths->leaf) return std::nullopt;
  if (v.is_object()) {
    runtime::ObjectBuilder out;
    for (auto entry : v.entries()) {
      if (auto kept = remove_value(entry.value, paths->child(entry.key))) out.insert(entry.key, std::move(*kept));
    }
    return out.build();
  }
  if (v.is_set()) {
    runtime::SetBuilder out;
    for (const Value& e : v.elements()) {
      if (auto kept = remove_value(e, paths->child(e))) out.insert(std::move(*kept));
    }
    return out.build();
  }
  if (v.is_array()) {
    runtime::ArrayBuilder out;
    for (size_t i = 0; i < v.size(); ++i) {
      if (auto kept = remove_value(v.at(i), paths->child(index_key(i)))) out.push_back(std::move(*kept));
    }
    return out.build();
  }
  return v;
}

}  // namespace

BuiltinResult json_filter(BuiltinContext&, Args args) {
  if (!args[0].is_object()) return operand_type_error("json.filter", 1, args[0], {"object"});
  auto tree = path_tree("json.filter", args[1]);
  if (const BuiltinError* e = std::get_if<BuiltinError>(&tree)) return *e;
  return filter_value(args[0], std::get<PathTree>(tree));
}

BuiltinResult json_remove(BuiltinContext&, Args args) {
  if (!args[0].is_object()) return operand_type_error("json.remove", 1, args[0], {"object"});
  auto tree = path_tree("json.remove", args[1]);
  if (const BuiltinError* e = std::get_if<BuiltinError>(&tree)) return *e;
  std::optional<Value> kept = remove_value(args[0], &std::get<PathTree>(tree));
  if (!kept) return BuiltinResult::undefined();
  return *kept;
}

}  // namespace arcane::stdlib::impl
