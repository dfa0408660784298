// The checker's type environment (see type_env.h).
#include "compiler/stages/type_env.h"

#include "compiler/ast/ast_string.h"
#include "compiler/stages/context.h"
#include "runtime/json_reader.h"
#include "runtime/value_builder.h"

namespace arcane::compiler::stages {

namespace types = stdlib::types;

std::optional<runtime::Value> constant_value(const ast::Term& t) {
  return std::visit(
      [](const auto& v) -> std::optional<runtime::Value> {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, ast::Null>) {
          return runtime::Value::null();
        } else if constexpr (std::is_same_v<V, ast::Boolean>) {
          return runtime::Value::boolean(v.value);
        } else if constexpr (std::is_same_v<V, ast::String>) {
          return runtime::Value::from_string(v.value);
        } else if constexpr (std::is_same_v<V, ast::Number>) {
          auto n = runtime::parse_json(v.text);
          if (!n.ok()) return std::nullopt;
          return std::move(n).value();
        } else if constexpr (std::is_same_v<V, ast::Array>) {
          runtime::ArrayBuilder items;
          for (const auto& item : v.items) {
            auto x = constant_value(item);
            if (!x) return std::nullopt;
            items.push_back(std::move(*x));
          }
          return items.build();
        } else if constexpr (std::is_same_v<V, ast::Object>) {
          runtime::ObjectBuilder entries;
          for (const auto& item : v.items) {
            auto k = constant_value(item.key);
            auto x = constant_value(item.value);
            if (!k || !x) return std::nullopt;
            entries.insert(std::move(*k), std::move(*x));
          }
          return entries.build();
        } else {
          return std::nullopt;
        }
      },
      t.value);
}

std::string type_key(const ast::Term& t) {
  if (const auto* v = ast::get_if<ast::Var>(t)) return v->name;
  return ast::to_string(t);
}

bool is_root_var(const ast::Term& t) {
  const auto* v = ast::get_if<ast::Var>(t);
  return v != nullptr && (v->name == "data" || v->name == "input");
}

// --- the tree ----------------------------------------------------------------------

const TypeNode* TypeNode::child(const std::string& key) const {
  auto it = children.find(key);
  return it == children.end() ? nullptr : it->second.get();
}

TypeNode& TypeNode::child_or_add(const ast::Term& key) {
  auto& slot = children[type_key(key)];
  if (!slot) {
    slot = std::make_unique<TypeNode>();
    if (is_scalar(key.value) && !std::holds_alternative<ast::Null>(key.value)) slot->scalar = constant_value(key);
  }
  return *slot;
}

void TypeNode::put(const std::vector<ast::Term>& path, Type t) {
  TypeNode* curr = this;
  for (const auto& term : path) curr = &curr->child_or_add(term);
  curr->value = std::move(t);
}

// --- lookups -----------------------------------------------------------------------

Type TypeEnv::var_type(const std::string& key) const {
  for (const TypeEnv* env = this; env != nullptr; env = env->next_) {
    if (const TypeNode* n = env->tree_.child(key)) return n->value;
  }
  return {};
}

Type TypeEnv::ref_type(const std::vector<ast::Term>& ref) const {
  const TypeNode* node = tree_.child(type_key(ref[0]));
  if (node == nullptr) return ref_fallback(ref);
  return ref_rec(*node, ref, 1);
}

Type TypeEnv::ref_fallback(const std::vector<ast::Term>& ref) const {
  if (next_) return next_->ref_type(ref);
  if (is_root_var(ref[0])) return Type::any();
  return {};
}

Type TypeEnv::ref_rec(const TypeNode& node, const std::vector<ast::Term>& ref, size_t tail) const {
  if (tail == ref.size()) return extent(node);
  if (node.leaf()) {
    if (const TypeNode* c = node.child(type_key(ref[tail]))) return ref_rec(*c, ref, tail + 1);
    return select_ref(node.value, ref, tail);
  }
  if (!constant_value(ref[tail]).has_value()) return select_ref(extent(node), ref, tail);
  const TypeNode* c = node.child(type_key(ref[tail]));
  if (c == nullptr) return ref_fallback(ref);
  return ref_rec(*c, ref, tail + 1);
}

Type TypeEnv::extent(const TypeNode& node) const {
  if (node.leaf()) return node.value;
  std::vector<types::StaticProperty> props;
  for (const auto& [key, c] : node.children) {
    if (c->scalar) props.push_back({*c->scalar, extent(*c)});
  }
  // Base documents may add any key beside the rules: the object stays open.
  return Type::object(std::move(props), Type::string(), Type::any());
}

Type select_ref(const Type& t, const std::vector<ast::Term>& ref, size_t from) {
  if (t.is_nil() || from == ref.size()) return t;
  const ast::Term& head = ref[from];
  bool every_member = std::holds_alternative<ast::Var>(head.value) || std::holds_alternative<ast::Ref>(head.value) ||
                      std::holds_alternative<ast::Array>(head.value) ||
                      std::holds_alternative<ast::Object>(head.value) || std::holds_alternative<ast::Set>(head.value);
  if (every_member) return select_ref(values_of(t), ref, from + 1);
  auto key = constant_value(head);
  return select_ref(key ? select_type(t, *key) : Type(), ref, from + 1);
}

// --- rule types --------------------------------------------------------------------

namespace {

bool no_static(const Type& t) {
  return t.properties().empty();
}

Type insert_into_object(const TypeEnv& env, const Type& o, const std::vector<ast::Term>& path, size_t from,
                        const Type& t) {
  if (from == path.size()) return o;
  Type key = env.var_type(type_key(path[from]));
  if (auto c = constant_value(path[from])) key = type_of_value(*c);
  Type value = t;
  if (from + 1 < path.size()) value = insert_into_object(env, Type::object({}), path, from + 1, t);
  std::vector<types::StaticProperty> props(o.properties().begin(), o.properties().end());
  if (!o.dynamic_key().is_nil()) {
    return Type::object(std::move(props), types::type_or(o.dynamic_key(), key),
                        types::type_or(o.dynamic_value(), value));
  }
  return Type::object(std::move(props), key, value);
}

void collect_leaves(const TypeNode& n, const ast::Term* key, std::vector<ast::Term>& path,
                    std::vector<std::pair<std::vector<ast::Term>, Type>>& out);

}  // namespace

Type merge_types(const Type& a, const Type& b) {
  if (a.is_nil()) return b;
  if (b.is_nil()) return a;
  if (a.kind() == Kind::kObject && no_static(a)) {
    if (b.kind() == Kind::kObject && no_static(b) && !a.dynamic_key().is_nil() && !b.dynamic_key().is_nil()) {
      return Type::object({}, types::type_or(a.dynamic_key(), b.dynamic_key()),
                          merge_types(a.dynamic_value(), b.dynamic_value()));
    }
    if (b.kind() == Kind::kAny && !a.dynamic_key().is_nil()) {
      std::vector<Type> alts(b.items().begin(), b.items().end());
      for (auto& alt : alts) {
        if (is_kind(alt, Kind::kObject) && no_static(alt) && !alt.dynamic_key().is_nil()) {
          alt = Type::object({}, types::type_or(alt.dynamic_key(), a.dynamic_key()),
                             types::type_or(alt.dynamic_value(), a.dynamic_value()));
          return Type::any_of(std::move(alts));
        }
      }
    }
  } else if (a.kind() == Kind::kSet && b.kind() == Kind::kSet) {
    return Type::set_of(types::type_or(a.element(), b.element()));
  } else if (a.kind() == Kind::kAny && b.kind() != Kind::kAny) {
    return merge_types(b, a);
  }
  return types::type_or(a, b);
}

void TypeEnv::insert(const std::vector<ast::Term>& path, Type t) {
  TypeNode* curr = &tree_;
  for (size_t i = 0; i < path.size(); ++i) {
    bool existed = curr->child(type_key(path[i])) != nullptr;
    TypeNode* c = &curr->child_or_add(path[i]);
    if (existed && c->leaf() && i + 1 < path.size() && c->value.kind() == Kind::kObject) {
      c->value = insert_into_object(*this, c->value, path, i + 1, t);
    }
    curr = c;
  }
  curr->value = merge_types(curr->value, t);
  if (t.kind() == Kind::kObject && !curr->children.empty()) {
    std::vector<std::pair<std::vector<ast::Term>, Type>> leaves;
    std::vector<ast::Term> scratch;
    for (const auto& [key, c] : curr->children) collect_leaves(*c, nullptr, scratch, leaves);
    for (const auto& [p, lt] : leaves) {
      if (is_kind(curr->value, Kind::kObject)) curr->value = insert_into_object(*this, curr->value, p, 0, lt);
    }
  }
}

namespace {

// The key of each child node is not kept as a term; leaves are re-keyed from the scalar
// (rule paths below a rule are ground strings).
void collect_leaves(const TypeNode& n, const ast::Term*, std::vector<ast::Term>& path,
                    std::vector<std::pair<std::vector<ast::Term>, Type>>& out) {
  if (!n.scalar) return;
  ast::Term key;
  if (n.scalar->is_string()) {
    key.value = ast::String{std::string(n.scalar->string_view())};
  } else if (n.scalar->is_boolean()) {
    key.value = ast::Boolean{n.scalar->as_bool()};
  } else {
    return;
  }
  path.push_back(std::move(key));
  if (n.leaf()) {
    std::vector<ast::Term> copy;
    for (const auto& t : path) copy.push_back(ast::clone(t));
    out.emplace_back(std::move(copy), n.value);
  } else {
    for (const auto& [k, c] : n.children) collect_leaves(*c, nullptr, path, out);
  }
  path.pop_back();
}

}  // namespace

}  // namespace arcane::compiler::stages
