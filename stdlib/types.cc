// Types: construction, OPA's order and union, and the two printed forms.
#include "stdlib/types.h"

#include <algorithm>

#include "runtime/json_writer.h"

namespace arcane::stdlib::types {

struct Type::Node {
  Kind kind;
  std::vector<Type> items;  // any: alternatives; array: static items
  Type element;             // array: dynamic element; set: element
  std::vector<StaticProperty> properties;
  Type key, value;  // object: dynamic part
  std::unique_ptr<const FunctionType> function;

  explicit Node(Kind k) : kind(k) {}
};

namespace {

const Type& nil_type() {
  static const Type nil;
  return nil;
}

int kind_order(const Type& t) {
  return t.is_nil() ? -1 : static_cast<int>(t.kind());
}

int compare_slices(std::span<const Type> a, std::span<const Type> b) {
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    if (int c = compare(a[i], b[i])) return c;
  }
  return (a.size() > b.size()) - (a.size() < b.size());
}

// Present-before-absent, as OPA orders optional dynamic parts.
int compare_optional(const Type& a, const Type& b) {
  if (a.is_nil() != b.is_nil()) return a.is_nil() ? -1 : 1;
  return a.is_nil() ? 0 : compare(a, b);
}

int compare_objects(const Type& a, const Type& b) {
  if (int c = compare_optional(a.dynamic_key(), b.dynamic_key())) return c;
  if (!a.dynamic_key().is_nil()) {
    if (int c = compare(a.dynamic_value(), b.dynamic_value())) return c;
  }
  auto pa = a.properties(), pb = b.properties();
  for (size_t i = 0; i < std::min(pa.size(), pb.size()); ++i) {
    if (int c = compare(pa[i].key, pb[i].key)) return c;
    if (int c = compare(pa[i].value, pb[i].value)) return c;
  }
  return (pa.size() > pb.size()) - (pa.size() < pb.size());
}

int compare_functions(const FunctionType& a, const FunctionType& b) {
  if (a.args.size() != b.args.size()) return a.args.size() < b.args.size() ? -1 : 1;
  if (int c = compare_slices(a.args, b.args)) return c;
  if (int c = compare(a.result, b.result)) return c;
  return compare(a.variadic, b.variadic);
}

void append_joined(std::string& out, std::span<const Type> types) {
  for (size_t i = 0; i < types.size(); ++i) {
    if (i > 0) out += ", ";
    out += types[i].to_string();
  }
}

void append_key_text(std::string& out, const runtime::Value& key) {
  if (key.is_string()) {
    out += key.string_view();  // Go's %v of a string
  } else {
    runtime::append_json(out, key);
  }
}

void append_json_list(std::string& out, std::span<const Type> types) {
  out += '[';
  for (size_t i = 0; i < types.size(); ++i) {
    if (i > 0) out += ',';
    types[i].append_json(out);
  }
  out += ']';
}

// Go's json.Marshal of a map: keys in sorted order, so "type" lands among the others.
void append_type_tag(std::string& out, const char* name) {
  out += "\"type\":\"";
  out += name;
  out += '"';
}

}  // namespace

// --- construction --------------------------------------------------------------------

Type Type::null() {
  static const Type t(std::make_shared<const Node>(Kind::kNull));
  return t;
}
Type Type::boolean() {
  static const Type t(std::make_shared<const Node>(Kind::kBoolean));
  return t;
}
Type Type::number() {
  static const Type t(std::make_shared<const Node>(Kind::kNumber));
  return t;
}
Type Type::string() {
  static const Type t(std::make_shared<const Node>(Kind::kString));
  return t;
}
Type Type::any() {
  static const Type t(std::make_shared<const Node>(Kind::kAny));
  return t;
}

Type Type::any_of(std::vector<Type> of) {
  auto n = std::make_shared<Node>(Kind::kAny);
  std::stable_sort(of.begin(), of.end(), [](const Type& a, const Type& b) { return compare(a, b) < 0; });
  n->items = std::move(of);
  return Type(std::move(n));
}

Type Type::array_of(Type element) {
  return array({}, std::move(element));
}

Type Type::array(std::vector<Type> items, Type dynamic) {
  auto n = std::make_shared<Node>(Kind::kArray);
  n->items = std::move(items);
  n->element = std::move(dynamic);
  return Type(std::move(n));
}

Type Type::object_of(Type key, Type value) {
  return object({}, std::move(key), std::move(value));
}

Type Type::object(std::vector<StaticProperty> properties, Type dynamic_key, Type dynamic_value) {
  auto n = std::make_shared<Node>(Kind::kObject);
  std::stable_sort(properties.begin(), properties.end(),
                   [](const StaticProperty& a, const StaticProperty& b) { return compare(a.key, b.key) < 0; });
  n->properties = std::move(properties);
  n->key = std::move(dynamic_key);
  n->value = std::move(dynamic_value);
  return Type(std::move(n));
}

Type Type::set_of(Type element) {
  auto n = std::make_shared<Node>(Kind::kSet);
  n->element = std::move(element);
  return Type(std::move(n));
}

Type Type::function(FunctionType f) {
  auto n = std::make_shared<Node>(Kind::kFunction);
  n->function = std::make_unique<const FunctionType>(std::move(f));
  return Type(std::move(n));
}

// --- accessors ---------------------------------------------------------------------

Kind Type::kind() const {
  return node_->kind;
}
std::span<const Type> Type::items() const {
  return node_ ? std::span<const Type>(node_->items) : std::span<const Type>();
}
const Type& Type::element() const {
  return node_ ? node_->element : nil_type();
}
std::span<const StaticProperty> Type::properties() const {
  return node_ ? std::span<const StaticProperty>(node_->properties) : std::span<const StaticProperty>();
}
const Type& Type::dynamic_key() const {
  return node_ ? node_->key : nil_type();
}
const Type& Type::dynamic_value() const {
  return node_ ? node_->value : nil_type();
}
const FunctionType& Type::function_type() const {
  return *node_->function;
}

// --- order and union ---------------------------------------------------------------

int compare(const Type& a, const Type& b) {
  int ka = kind_order(a), kb = kind_order(b);
  if (ka != kb) return ka < kb ? -1 : 1;
  if (a.is_nil()) return 0;
  switch (a.kind()) {
    case Kind::kArray:
      if (int c = compare_optional(a.element(), b.element())) return c;
      return compare_slices(a.items(), b.items());
    case Kind::kObject: return compare_objects(a, b);
    case Kind::kSet: return compare_optional(a.element(), b.element());
    case Kind::kAny: return compare_slices(a.items(), b.items());
    case Kind::kFunction: return compare_functions(a.function_type(), b.function_type());
    default: return 0;
  }
}

namespace {

bool any_contains(const Type& any, const Type& other) {
  if (!other.is_nil() && other.kind() == Kind::kFunction) return false;
  auto items = any.items();
  auto it = std::lower_bound(items.begin(), items.end(), other,
                             [](const Type& x, const Type& y) { return compare(x, y) < 0; });
  if (it != items.end() && compare(*it, other) == 0) return true;
  return items.empty();
}

Type any_union(const Type& a, const Type& b) {
  if (a.items().empty()) return a;
  if (b.items().empty()) return b;
  std::vector<Type> merged;
  auto x = a.items(), y = b.items();
  size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    int c = i == x.size() ? 1 : j == y.size() ? -1 : compare(x[i], y[j]);
    merged.push_back(c <= 0 ? x[i] : y[j]);
    if (c <= 0) ++i;
    if (c >= 0) ++j;
  }
  return Type::any_of(std::move(merged));
}

Type any_merge(const Type& any, const Type& other) {
  if (other.kind() == Kind::kAny) return any_union(any, other);
  if (any_contains(any, other)) return any;
  std::vector<Type> items(any.items().begin(), any.items().end());
  items.push_back(other);
  return Type::any_of(std::move(items));
}

Type function_union(const FunctionType& a, const FunctionType& b) {
  if (a.arity() != b.arity() || a.variadic.is_nil() != b.variadic.is_nil()) return {};
  FunctionType f;
  for (size_t i = 0; i < a.arity(); ++i) f.args.push_back(type_or(a.args[i], b.args[i]));
  f.result = type_or(a.result, b.result);
  f.variadic = type_or(a.variadic, b.variadic);
  return Type::function(std::move(f));
}

}  // namespace

bool contains(const Type& a, const Type& b) {
  if (!a.is_nil() && a.kind() == Kind::kAny) return any_contains(a, b);
  return compare(a, b) == 0;
}

Type type_or(const Type& a, const Type& b) {
  if (a.is_nil()) return b;
  if (b.is_nil()) return a;
  bool fa = a.kind() == Kind::kFunction, fb = b.kind() == Kind::kFunction;
  if (fa && fb) return function_union(a.function_type(), b.function_type());
  if (fa || fb) return {};
  if (a.kind() == Kind::kAny) return any_merge(a, b);
  if (b.kind() == Kind::kAny) return any_merge(b, a);
  if (compare(a, b) == 0) return a;
  return Type::any_of({a, b});
}

// --- printing ----------------------------------------------------------------------

namespace {

// `"name":<json>,` -- every field precedes "type" or another field in Go's key order.
void append_field(std::string& out, const char* name, const Type& t) {
  out += '"';
  out += name;
  out += "\":";
  t.append_json(out);
  out += ',';
}

void append_list_field(std::string& out, const char* name, std::span<const Type> types) {
  out += '"';
  out += name;
  out += "\":";
  append_json_list(out, types);
  out += ',';
}

std::string object_text(const Type& t) {
  std::string out = "object";
  auto props = t.properties();
  if (!props.empty()) {
    out += '<';
    for (size_t i = 0; i < props.size(); ++i) {
      if (i > 0) out += ", ";
      append_key_text(out, props[i].key);
      out += ": " + props[i].value.to_string();
    }
    out += '>';
  }
  if (!t.dynamic_key().is_nil()) out += "[" + t.dynamic_key().to_string() + ": " + t.dynamic_value().to_string() + "]";
  return out;
}

void append_object_json(std::string& out, const Type& t) {
  if (!t.dynamic_key().is_nil()) {
    out += "\"dynamic\":{\"key\":";
    t.dynamic_key().append_json(out);
    out += ",\"value\":";
    t.dynamic_value().append_json(out);
    out += "},";
  }
  auto props = t.properties();
  if (!props.empty()) {
    out += "\"static\":[";
    for (size_t i = 0; i < props.size(); ++i) {
      if (i > 0) out += ',';
      out += "{\"key\":";
      runtime::append_json(out, props[i].key);
      out += ",\"value\":";
      props[i].value.append_json(out);
      out += '}';
    }
    out += "],";
  }
  append_type_tag(out, "object");
}

// "array", "any": the base name, <static items> if any, [dynamic element] if any.
std::string with_items(std::string out, std::span<const Type> items, const Type& dynamic) {
  if (!items.empty()) {
    out += '<';
    append_joined(out, items);
    out += '>';
  }
  if (!dynamic.is_nil()) out += "[" + dynamic.to_string() + "]";
  return out;
}

}  // namespace

std::string Type::to_string() const {
  if (is_nil()) return "???";
  switch (kind()) {
    case Kind::kNull: return "null";
    case Kind::kBoolean: return "boolean";
    case Kind::kNumber: return "number";
    case Kind::kString: return "string";
    case Kind::kArray: return with_items("array", items(), element());
    case Kind::kObject: return object_text(*this);
    case Kind::kSet: return "set[" + element().to_string() + "]";
    case Kind::kAny: return with_items("any", items(), Type());
    case Kind::kFunction: return function_type().to_string();
  }
  return "???";
}

void Type::append_json(std::string& out) const {
  if (is_nil()) {
    out += "null";
    return;
  }
  if (kind() == Kind::kFunction) {
    function_type().append_json(out);
    return;
  }
  out += '{';
  switch (kind()) {
    case Kind::kNull: append_type_tag(out, "null"); break;
    case Kind::kBoolean: append_type_tag(out, "boolean"); break;
    case Kind::kNumber: append_type_tag(out, "number"); break;
    case Kind::kString: append_type_tag(out, "string"); break;
    case Kind::kArray:
      if (!element().is_nil()) append_field(out, "dynamic", element());
      if (!items().empty()) append_list_field(out, "static", items());
      append_type_tag(out, "array");
      break;
    case Kind::kObject: append_object_json(out, *this); break;
    case Kind::kSet:
      if (!element().is_nil()) append_field(out, "of", element());
      append_type_tag(out, "set");
      break;
    case Kind::kAny:
      if (!items().empty()) append_list_field(out, "of", items());
      append_type_tag(out, "any");
      break;
    case Kind::kFunction: break;
  }
  out += '}';
}

std::string Type::to_json() const {
  std::string out;
  append_json(out);
  return out;
}

std::string FunctionType::args_string() const {
  std::string out = "(";
  append_joined(out, args);
  if (!variadic.is_nil()) {
    if (!args.empty()) out += ", ";
    out += variadic.to_string() + "...";
  }
  return out + ")";
}

std::string FunctionType::to_string() const {
  return args_string() + " => " + result.to_string();
}

void FunctionType::append_json(std::string& out) const {
  out += '{';
  if (!args.empty()) append_list_field(out, "args", args);
  if (!result.is_nil()) append_field(out, "result", result);
  append_type_tag(out, "function");
  if (!variadic.is_nil()) {
    out += ",\"variadic\":";
    variadic.append_json(out);
  }
  out += '}';
}

std::string FunctionType::to_json() const {
  std::string out;
  append_json(out);
  return out;
}

}  // namespace arcane::stdlib::types
