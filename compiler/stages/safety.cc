// Reordering bodies for safety and reporting unsafe variables (see safety.h). The fixed
// point below is OPA's reorderBodyForSafety: expressions join the reordered body as soon as
// every variable they read is bound, several in one pass keeping their order, so a safe
// body that is already in order is left alone.
#include "compiler/stages/safety.h"

#include <algorithm>
#include <map>

#include "compiler/stages/walk.h"

namespace arcane::compiler::stages {

bool location_less(runtime::Location a, runtime::Location b) {
  if (a.file != b.file) return a.file < b.file;
  return a.offset < b.offset;
}

void UnsafeVars::add(runtime::Location loc, const std::string& var) {
  for (auto& e : entries) {
    if (e.loc.file == loc.file && e.loc.offset == loc.offset && e.loc.length == loc.length) {
      e.vars.insert(var);
      return;
    }
  }
  entries.push_back(Entry{loc, {var}});
}

void UnsafeVars::merge(UnsafeVars&& other) {
  for (auto& e : other.entries) {
    for (const auto& v : e.vars) add(e.loc, v);
  }
}

namespace {

// The vars closures in `e` read: whole comprehensions, `every` and logical bodies.
VarSet closure_vars(const ast::Expr& e) {
  VarSet out;
  auto bodies = [&out](const ast::Expr& x) {
    if (const auto* ev = std::get_if<ast::Every>(&x.terms)) {
      collect_vars(ev->body, out);
      return true;
    }
    if (const auto* op = std::get_if<ast::LogicalOp>(&x.terms)) {
      collect_vars(op->lhs, out);
      collect_vars(op->rhs, out);
      return true;
    }
    if (const auto* nb = std::get_if<ast::NotBody>(&x.terms)) {
      collect_vars(nb->body, out);
      return true;
    }
    return false;
  };
  if (bodies(e)) return out;
  walk_terms(e, [&out](const ast::Term& t) {
    if (std::holds_alternative<ast::ArrayComprehension>(t.value) ||
        std::holds_alternative<ast::SetComprehension>(t.value) ||
        std::holds_alternative<ast::ObjectComprehension>(t.value)) {
      collect_vars(t, out);
      return true;
    }
    return false;
  });
  return out;
}

class Reorderer {
 public:
  Reorderer(const ArityFn& arity, UnsafeVars& unsafe) : arity_(arity), unsafe_(unsafe) {}

  // The order in which body's expressions become safe; unsafe ones are recorded.
  std::vector<size_t> order(const VarSet& globals, const ast::Body& body) {
    VarSet body_vars = vars_of(body, kSafetyParams);
    VarSet safe = intersect(body_vars, globals);
    std::vector<VarSet> pending(body.size());
    for (size_t i = 0; i < body.size(); ++i) pending[i] = diff(vars_of(body[i], kSafetyParams), safe);
    std::vector<size_t> out;
    std::vector<bool> placed(body.size(), false);
    while (true) {
      size_t before = out.size();
      for (size_t i = 0; i < body.size(); ++i) {
        if (!placed[i] && try_place(body, i, body_vars, globals, safe, pending[i], out)) placed[i] = true;
      }
      if (out.size() == before) break;
    }
    for (size_t i = 0; i < body.size(); ++i) {
      if (placed[i] || pending[i].empty()) continue;
      for (const auto& v : pending[i]) unsafe_.add(body[i].loc, v);
    }
    return out;
  }

  // Reorders nested closures of the expressions in `order`.
  void closures(const VarSet& globals, ast::Body& body, const std::vector<size_t>& order) {
    VarSet g = globals;
    for (size_t k = 0; k < order.size(); ++k) {
      if (k > 0) collect_vars(body[order[k - 1]], g, kSafetyParams);
      closure_expr(body[order[k]], g);
    }
  }

 private:
  bool try_place(const ast::Body& body, size_t i, const VarSet& body_vars, const VarSet& globals, VarSet& safe,
                 VarSet& pending, std::vector<size_t>& out) {
    const ast::Expr& e = body[i];
    VarSet ovs = output_vars_for_expr(e, arity_, safe);
    VarSet cv = diff(intersect(closure_vars(e), body_vars), globals);
    VarSet ob = placed_outputs(body, out, safe);
    VarSet uv = diff(cv, ob);
    if (!uv.empty()) {
      if (uv == ovs) return false;  // OPA's "closure-self" case
      pending = uv;
    }
    for (auto it = pending.begin(); it != pending.end();) {
      it = contains(ovs, *it) || contains(safe, *it) ? pending.erase(it) : std::next(it);
    }
    if (!pending.empty()) return false;
    out.push_back(i);
    update(safe, ovs);
    return true;
  }

  VarSet placed_outputs(const ast::Body& body, const std::vector<size_t>& out, const VarSet& safe) {
    VarSet o = safe;
    for (size_t i : out) update(o, output_vars_for_expr(body[i], arity_, o));
    return diff(o, safe);
  }

  void closure_expr(ast::Expr& e, VarSet& g) {
    current_ = e.loc;
    if (auto* ev = std::get_if<ast::Every>(&e.terms)) {
      if (ev->key) collect_vars(*ev->key, g);
      collect_vars(*ev->value, g);
      closure_body({}, ev->body, g);
      return;
    }
    if (auto* op = std::get_if<ast::LogicalOp>(&e.terms)) {
      closure_body({}, op->lhs, g);
      closure_body({}, op->rhs, g);
      return;
    }
    if (auto* nb = std::get_if<ast::NotBody>(&e.terms)) {
      closure_body({}, nb->body, g);
      return;
    }
    walk_terms(e, [&](ast::Term& t) {
      if (auto* c = std::get_if<ast::ArrayComprehension>(&t.value)) {
        closure_body(vars_of(*c->term), c->body, g);
      } else if (auto* s = std::get_if<ast::SetComprehension>(&t.value)) {
        closure_body(vars_of(*s->term), s->body, g);
      } else if (auto* o = std::get_if<ast::ObjectComprehension>(&t.value)) {
        VarSet tv = vars_of(*o->key);
        collect_vars(*o->value, tv);
        closure_body(tv, o->body, g);
      } else {
        return false;
      }
      return true;
    });
  }

  void closure_body(const VarSet& term_vars, ast::Body& body, const VarSet& g) {
    VarSet bv = vars_of(body, kSafetyParams);
    update(bv, g);
    for (const auto& v : diff(term_vars, bv)) unsafe_.add(current_, v);
    unsafe_.merge(reorder_body_for_safety(arity_, g, body));
  }

  const ArityFn& arity_;
  UnsafeVars& unsafe_;
  runtime::Location current_;
};

}  // namespace

UnsafeVars reorder_body_for_safety(const ArityFn& arity, const VarSet& globals, ast::Body& body) {
  UnsafeVars unsafe;
  Reorderer r(arity, unsafe);
  std::vector<size_t> order = r.order(globals, body);
  r.closures(globals, body, order);
  if (!unsafe.empty()) return unsafe;
  ast::Body reordered;
  reordered.reserve(body.size());
  for (size_t i : order) reordered.push_back(std::move(body[i]));
  body = std::move(reordered);
  for (size_t i = 0; i < body.size(); ++i) body[i].index = static_cast<uint32_t>(i);
  return unsafe;
}

namespace {

bool is_future_keyword(const std::string& name) {
  return name == "in" || name == "every" || name == "contains" || name == "if";
}

}  // namespace

std::vector<SafetyError> safety_errors(const UnsafeVars& unsafe,
                                       const std::function<std::string(const std::string&)>& source_name) {
  std::vector<SafetyError> out;
  std::map<std::string, runtime::Location> first;
  for (const auto& e : unsafe.entries) {
    for (const auto& v : e.vars) {
      auto it = first.find(v);
      if (it == first.end() || location_less(e.loc, it->second)) first[v] = e.loc;
    }
  }
  std::vector<std::pair<std::string, runtime::Location>> pairs(first.begin(), first.end());
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return location_less(a.second, b.second); });
  for (const auto& [v, loc] : pairs) {
    std::string name = source_name(v);
    if (is_generated(name)) continue;
    if (is_future_keyword(name)) {
      out.push_back(
          {loc, "var " + name + " is unsafe (hint: `import future.keywords." + name + "` to import a future keyword)"});
    } else {
      out.push_back({loc, "var " + name + " is unsafe"});
    }
  }
  if (!out.empty()) return out;
  std::vector<const UnsafeVars::Entry*> entries;
  for (const auto& e : unsafe.entries) entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return location_less(a->loc, b->loc); });
  VarSet seen;
  for (const auto* e : entries) {
    size_t before = seen.size();
    for (const auto& v : e->vars) {
      if (is_generated(v)) seen.insert(v);
    }
    if (seen.size() > before) out.push_back({e->loc, "expression is unsafe"});
  }
  return out;
}

}  // namespace arcane::compiler::stages
