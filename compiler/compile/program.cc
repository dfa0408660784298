// The compiled program and its rule tree (see program.h).
#include "compiler/compile/program.h"

#include <algorithm>

#include "compiler/ast/ast_string.h"
#include "compiler/ast/compare.h"

namespace arcane::compiler {

const char* rule_kind_name(RuleKind k) {
  switch (k) {
    case RuleKind::kComplete: return "complete";
    case RuleKind::kPartialSet: return "partial set";
    case RuleKind::kPartialObject: return "partial object";
    case RuleKind::kFunction: return "function";
  }
  return "";
}

bool is_ground_term(const ast::Term& t) {
  bool ground = true;
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Var> || std::is_same_v<T, ast::ArrayComprehension> ||
                      std::is_same_v<T, ast::SetComprehension> || std::is_same_v<T, ast::ObjectComprehension> ||
                      std::is_same_v<T, ast::TemplateString>) {
          ground = false;
        } else if constexpr (std::is_same_v<T, ast::Ref>) {
          for (size_t i = 1; i < x.parts.size() && ground; ++i) ground = is_ground_term(x.parts[i]);
        } else if constexpr (std::is_same_v<T, ast::Array> || std::is_same_v<T, ast::Set>) {
          for (const auto& e : x.items) ground = ground && is_ground_term(e);
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          for (const auto& it : x.items) ground = ground && is_ground_term(it.key) && is_ground_term(it.value);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          for (const auto& e : x.terms) ground = ground && is_ground_term(e);
        }
      },
      t.value);
  return ground;
}

std::vector<ast::Term> ground_prefix(const std::vector<ast::Term>& ref) {
  std::vector<ast::Term> out;
  for (size_t i = 0; i < ref.size(); ++i) {
    if (i > 0 && !is_ground_term(ref[i])) break;
    out.push_back(ast::clone(ref[i]));
  }
  return out;
}

RuleKind rule_kind(const ast::Rule& r) {
  const ast::Head& h = r.head;
  if (!h.args.empty()) return RuleKind::kFunction;
  if (h.key && !h.value) return RuleKind::kPartialSet;
  for (size_t i = 1; i < h.ref.size(); ++i) {
    if (!is_ground_term(h.ref[i])) return RuleKind::kPartialObject;
  }
  return RuleKind::kComplete;
}

// ---------------------------------------------------------------------------- tree

namespace {

template <typename Node>
auto find_child(Node& n, const ast::Term& k) -> decltype(n.children[0].get()) {
  if (std::holds_alternative<ast::Ref>(k.value) || std::holds_alternative<ast::Call>(k.value)) return nullptr;
  auto it = std::lower_bound(n.children.begin(), n.children.end(), k,
                             [](const auto& c, const ast::Term& key) { return ast::compare(c->key, key) < 0; });
  if (it == n.children.end() || ast::compare((*it)->key, k) != 0) return nullptr;
  return it->get();
}

}  // namespace

const RuleTreeNode* RuleTreeNode::child(const ast::Term& k) const {
  return find_child(*this, k);
}

RuleTreeNode* RuleTreeNode::child(const ast::Term& k) {
  return find_child(*this, k);
}

RuleTreeNode& RuleTreeNode::add_child(const ast::Term& k) {
  if (RuleTreeNode* existing = child(k)) return *existing;
  auto it = std::lower_bound(children.begin(), children.end(), k,
                             [](const auto& c, const ast::Term& key) { return ast::compare(c->key, key) < 0; });
  auto node = std::make_unique<RuleTreeNode>();
  node->key = ast::clone(k);
  return **children.insert(it, std::move(node));
}

const RuleTreeNode* CompiledProgram::find(const std::vector<ast::Term>& path) const {
  const RuleTreeNode* node = rule_tree.get();
  for (size_t i = 0; node != nullptr && i < path.size(); ++i) node = node->child(path[i]);
  return node;
}

bool CompiledProgram::is_virtual(const std::vector<ast::Term>& ref) const {
  // The tree holds only paths of rules, so a ref that ends inside it has rules below.
  const RuleTreeNode* node = rule_tree.get();
  for (const auto& part : ref) {
    node = node != nullptr ? node->child(part) : nullptr;
    if (node == nullptr) return false;
    if (!node->rules.empty()) return true;
  }
  return node != nullptr;
}

const std::vector<RuleEntry>* CompiledProgram::rules_exact(const std::vector<ast::Term>& path) const {
  const RuleTreeNode* node = find(path);
  return node == nullptr || node->rules.empty() ? nullptr : &node->rules;
}

int CompiledProgram::arity(const std::vector<ast::Term>& ref) const {
  if (builtins) {
    if (const BuiltinSignature* b = builtins->find(ast::to_string(ref))) return b->arity;
  }
  const auto* rules = rules_exact(ref);
  if (rules == nullptr) return -1;
  return static_cast<int>(rules->front().rule->head.args.size());
}

std::vector<ast::Term> rule_path(const ast::Module& m, const ast::Rule& r) {
  std::vector<ast::Term> path;
  for (const auto& t : m.package.path) path.push_back(ast::clone(t));
  std::vector<ast::Term> ref = ast::head_ref(r.head);
  for (size_t i = 0; i < ref.size(); ++i) {
    const auto* v = i == 0 ? ast::get_if<ast::Var>(ref[i]) : nullptr;
    path.push_back(v != nullptr ? ast::make_string(v->name, ref[i].loc) : std::move(ref[i]));
  }
  return path;
}

}  // namespace arcane::compiler
