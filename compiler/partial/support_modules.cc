// Support rules (the rules a partial result refers to under data.partial), the modules
// that hold them, and copy propagation over saved queries.
#include <algorithm>

#include "compiler/ast/ast_string.h"
#include "compiler/partial/evaluator.h"

namespace arcane::compiler::partial {

namespace {

ast::Body true_body(runtime::Location loc) {
  ast::Body b;
  ast::Expr e;
  e.loc = loc;
  e.terms = ast::make_boolean(true, loc);
  b.push_back(std::move(e));
  return b;
}

// A support rule: the original head, renamed to the last path element, with the value
// and key computed by partial evaluation and the saved expressions as body.
ast::Rule support_rule(const ast::Rule& original, const std::string& name, const Outcome& o, RuleKind kind,
                       const std::set<std::string>& live) {
  ast::Rule r;
  r.loc = original.loc;
  r.head.loc = original.head.loc;
  r.head.name = name;
  r.head.ref.push_back(ast::make_var(name, original.head.loc));
  r.head.assign = true;
  if (kind == RuleKind::kPartialSet) {
    r.head.key = std::make_unique<ast::Term>(o.key.term());
  } else {
    if (kind == RuleKind::kPartialObject) r.head.ref.push_back(o.key.term());
    if (o.value.is_known() || o.value.residual) r.head.value = std::make_unique<ast::Term>(o.value.term());
  }
  r.body = o.saved.empty() ? true_body(original.loc) : ast::clone(o.saved);
  propagate_copies(r.body, live);
  return r;
}

}  // namespace

ast::Term Evaluator::namespaced(const std::vector<ast::Term>& path) const {
  ast::Ref r;
  r.parts.push_back(ast::clone(path[0]));
  r.parts.push_back(ast::make_string(options_.ns, path[0].loc));
  for (size_t i = 1; i < path.size(); ++i) r.parts.push_back(ast::clone(path[i]));
  ast::Term t;
  t.loc = path[0].loc;
  t.value = std::move(r);
  return t;
}

void Evaluator::add_support_rule(const std::vector<ast::Term>& path, ast::Rule rule) {
  auto& entry = support_[path_string(path)];
  if (entry.first.empty()) {
    for (const auto& t : path) entry.first.push_back(ast::clone(t));
  }
  entry.second.push_back(std::move(rule));
}

bool Evaluator::make_support(const RuleTreeNode& node, const std::vector<ast::Term>& path, ast::Term& ref) {
  ref = namespaced(path);
  std::string key = path_string(path);
  if (support_.count(key) != 0) return true;  // made already (or being made: recursion)
  auto& slot = support_[key];
  for (const auto& t : path) slot.first.push_back(ast::clone(t));
  const auto* last = ast::get_if<ast::String>(path.back());
  if (last == nullptr) {
    return fail({"rego_unsupported_error", "partial evaluation: no support rule name for " + key, {}, {}});
  }
  const std::string& name = last->value;
  std::set<std::string> none;
  std::vector<ast::Rule> rules;
  for (const auto& entry : node.rules) {
    const ast::Rule& r = *entry.rule;
    RuleKind kind = rule_kind(r);
    if (r.is_default) {
      ast::Rule d;
      d.loc = r.loc;
      d.is_default = true;
      d.head.loc = r.head.loc;
      d.head.name = name;
      d.head.ref.push_back(ast::make_var(name, r.head.loc));
      d.head.assign = true;
      if (r.head.value) d.head.value = std::make_unique<ast::Term>(ast::clone(*r.head.value));
      d.body = true_body(r.loc);
      rules.push_back(std::move(d));
      continue;
    }
    const ast::Term* keyterm = nullptr;
    if (kind == RuleKind::kPartialSet) keyterm = r.head.key.get();
    if (kind == RuleKind::kPartialObject && entry.path.size() == path.size() + 1 && r.head.ref.size() >= 2) {
      keyterm = &r.head.ref.back();  // the rule's own (renamed) head, not the tree's copy
    }
    if (kind == RuleKind::kPartialObject && keyterm == nullptr) {
      return fail({"rego_unsupported_error", "partial evaluation does not support the rule " +
                                                 path_string(entry.path) + " (nested ref head)", r.loc, {}});
    }
    if (!r.else_rule) {
      std::vector<Outcome> outs;
      if (!rule_outcomes(r, nullptr, keyterm, outs)) return false;
      for (const auto& o : outs) rules.push_back(support_rule(r, name, o, kind, none));
      continue;
    }
    // An else chain stays a chain: each link keeps its one way to succeed.
    std::vector<ast::Rule> links;
    for (const ast::Rule* link = &r; link != nullptr; link = link->else_rule.get()) {
      std::vector<Outcome> outs;
      if (!rule_outcomes(*link, nullptr, nullptr, outs)) return false;
      if (outs.empty()) continue;
      if (outs.size() > 1) {
        return fail({"rego_unsupported_error",
                     "partial evaluation does not support an else branch of " + key + " that succeeds several ways",
                     link->loc, {}});
      }
      links.push_back(support_rule(*link, name, outs.front(), kind, none));
      if (outs.front().saved.empty()) break;  // always holds: later links never apply
    }
    if (links.empty()) continue;
    for (size_t j = links.size() - 1; j > 0; --j) links[j - 1].else_rule = std::make_unique<ast::Rule>(std::move(links[j]));
    rules.push_back(std::move(links.front()));
  }
  for (auto& r : rules) support_[key].second.push_back(std::move(r));
  return true;
}

std::vector<ast::Module> Evaluator::support_modules() {
  std::map<std::string, ast::Module> by_package;
  for (auto& [key, entry] : support_) {
    auto& [path, rules] = entry;
    if (rules.empty()) continue;
    std::vector<ast::Term> pkg;
    pkg.push_back(ast::clone(path[0]));
    pkg.push_back(ast::make_string(options_.ns, path[0].loc));
    for (size_t i = 1; i + 1 < path.size(); ++i) pkg.push_back(ast::clone(path[i]));
    ast::Module& m = by_package[path_string(pkg)];
    if (m.package.path.empty()) m.package.path = std::move(pkg);
    for (auto& r : rules) m.rules.push_back(std::move(r));
  }
  std::vector<ast::Module> out;
  for (auto& [name, m] : by_package) out.push_back(std::move(m));
  return out;
}

// ---------------------------------------------------------------------------- copies

namespace {

size_t count_var(const ast::Term& t, const std::string& v);

size_t count_var(const ast::Body& b, const std::string& v);

size_t count_var(const ast::Expr& e, const std::string& v) {
  size_t n = 0;
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Term>) {
          n += count_var(x, v);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          for (const auto& t : x.terms) n += count_var(t, v);
        } else if constexpr (std::is_same_v<T, ast::Every>) {
          n += count_var(*x.domain, v) + count_var(x.body, v) + 1;  // never substituted into
        } else if constexpr (!std::is_same_v<T, ast::SomeDecl>) {
          n += 1;
        }
      },
      e.terms);
  for (const auto& w : e.with) n += count_var(w.value, v) + count_var(w.target, v);
  return n;
}

size_t count_var(const ast::Body& b, const std::string& v) {
  size_t n = 0;
  for (const auto& e : b) n += count_var(e, v);
  return n;
}

size_t count_var(const ast::Term& t, const std::string& v) {
  return std::visit(
      [&](const auto& x) -> size_t {
        using T = std::decay_t<decltype(x)>;
        size_t n = 0;
        if constexpr (std::is_same_v<T, ast::Var>) {
          n = x.name == v ? 1 : 0;
        } else if constexpr (std::is_same_v<T, ast::Ref>) {
          for (const auto& p : x.parts) n += count_var(p, v);
        } else if constexpr (std::is_same_v<T, ast::Array> || std::is_same_v<T, ast::Set>) {
          for (const auto& i : x.items) n += count_var(i, v);
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          for (const auto& i : x.items) n += count_var(i.key, v) + count_var(i.value, v);
        } else if constexpr (std::is_same_v<T, ast::ArrayComprehension> || std::is_same_v<T, ast::SetComprehension>) {
          n = count_var(*x.term, v) + count_var(x.body, v);
        } else if constexpr (std::is_same_v<T, ast::ObjectComprehension>) {
          n = count_var(*x.key, v) + count_var(*x.value, v) + count_var(x.body, v);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          for (const auto& i : x.terms) n += count_var(i, v);
        }
        return n;
      },
      t.value);
}

void substitute(ast::Term& t, const std::string& v, const ast::Term& with);

void substitute(ast::Body& b, const std::string& v, const ast::Term& with) {
  for (auto& e : b) {
    if (auto* term = std::get_if<ast::Term>(&e.terms)) {
      substitute(*term, v, with);
    } else if (auto* call = std::get_if<ast::Call>(&e.terms)) {
      for (size_t i = 1; i < call->terms.size(); ++i) substitute(call->terms[i], v, with);
    }
    for (auto& w : e.with) substitute(w.value, v, with);
  }
}

void substitute(ast::Term& t, const std::string& v, const ast::Term& with) {
  if (const auto* var = ast::get_if<ast::Var>(t)) {
    if (var->name == v) t = ast::clone(with);
    return;
  }
  std::visit(
      [&](auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Ref>) {
          for (auto& p : x.parts) substitute(p, v, with);
          // `v.a` with v := input.x reads input.x.a.
          if (auto* head = std::get_if<ast::Ref>(&x.parts[0].value)) {
            std::vector<ast::Term> parts = std::move(head->parts);
            for (size_t i = 1; i < x.parts.size(); ++i) parts.push_back(std::move(x.parts[i]));
            x.parts = std::move(parts);
          }
        } else if constexpr (std::is_same_v<T, ast::Array> || std::is_same_v<T, ast::Set>) {
          for (auto& i : x.items) substitute(i, v, with);
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          for (auto& i : x.items) {
            substitute(i.key, v, with);
            substitute(i.value, v, with);
          }
        } else if constexpr (std::is_same_v<T, ast::ArrayComprehension> || std::is_same_v<T, ast::SetComprehension>) {
          substitute(*x.term, v, with);
          substitute(x.body, v, with);
        } else if constexpr (std::is_same_v<T, ast::ObjectComprehension>) {
          substitute(*x.key, v, with);
          substitute(*x.value, v, with);
          substitute(x.body, v, with);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          for (size_t i = 1; i < x.terms.size(); ++i) substitute(x.terms[i], v, with);
        }
      },
      t.value);
}

bool copyable(const ast::Term& t) {
  return ast::get_if<ast::Ref>(t) != nullptr || ast::get_if<ast::Var>(t) != nullptr ||
         ast::get_if<ast::String>(t) != nullptr || ast::get_if<ast::Number>(t) != nullptr ||
         ast::get_if<ast::Boolean>(t) != nullptr || ast::get_if<ast::Null>(t) != nullptr ||
         ast::get_if<ast::Array>(t) != nullptr || ast::get_if<ast::Object>(t) != nullptr ||
         ast::get_if<ast::ArrayComprehension>(t) != nullptr || ast::get_if<ast::SetComprehension>(t) != nullptr ||
         ast::get_if<ast::ObjectComprehension>(t) != nullptr;
}

bool propagate_once(ast::Body& body, const std::set<std::string>& live) {
  for (size_t i = 0; i < body.size(); ++i) {
    const ast::Expr& e = body[i];
    const auto* call = std::get_if<ast::Call>(&e.terms);
    if (e.negated || !e.with.empty() || call == nullptr || call->terms.size() != 3) continue;
    const auto* op = ast::get_if<ast::Ref>(call->terms[0]);
    if (op == nullptr || ast::to_string(op->parts) != "eq") continue;
    for (int side = 1; side <= 2; ++side) {
      const auto* v = ast::get_if<ast::Var>(call->terms[side]);
      const ast::Term& other = call->terms[3 - side];
      if (v == nullptr || live.count(v->name) != 0 || !copyable(other) || count_var(other, v->name) != 0) continue;
      if (count_var(body, v->name) < 2) continue;  // only here: the condition must stay
      std::string name = v->name;
      ast::Term with = ast::clone(other);
      body.erase(body.begin() + static_cast<std::ptrdiff_t>(i));
      substitute(body, name, with);
      return true;
    }
  }
  return false;
}

}  // namespace

void rename_var(ast::Body& body, const std::string& from, const std::string& to) {
  substitute(body, from, ast::make_var(to, {}));
}

void propagate_copies(ast::Body& body, const std::set<std::string>& live) {
  for (int rounds = 0; rounds < 1000 && propagate_once(body, live); ++rounds) {
  }
}

}  // namespace arcane::compiler::partial
