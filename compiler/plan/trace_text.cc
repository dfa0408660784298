// OPA's String() forms of AST nodes, for trace events (see trace_text.h).
#include "compiler/plan/trace_text.h"

#include <algorithm>
#include <type_traits>

#include "compiler/ast/ast_string.h"

#include "compiler/stages/type_env.h"
#include "stdlib/go_fmt.h"

namespace arcane::compiler::plan {

namespace {

// OPA's order of term kinds (ast.Compare): scalars, vars, refs, collections, the rest.
int kind_rank(const ast::Term& t) {
  return std::visit(
      [](const auto& x) -> int {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Null>) return 0;
        if constexpr (std::is_same_v<T, ast::Boolean>) return 1;
        if constexpr (std::is_same_v<T, ast::Number>) return 2;
        if constexpr (std::is_same_v<T, ast::String>) return 3;
        if constexpr (std::is_same_v<T, ast::Var>) return 4;
        if constexpr (std::is_same_v<T, ast::Ref>) return 5;
        if constexpr (std::is_same_v<T, ast::Array>) return 6;
        if constexpr (std::is_same_v<T, ast::Object>) return 7;
        if constexpr (std::is_same_v<T, ast::Set>) return 8;
        if constexpr (std::is_same_v<T, ast::ArrayComprehension>) return 9;
        if constexpr (std::is_same_v<T, ast::ObjectComprehension>) return 10;
        if constexpr (std::is_same_v<T, ast::SetComprehension>) return 11;
        return 12;
      },
      t.value);
}

}  // namespace

std::string go_quote(const std::string& s) {
  stdlib::gofmt::Arg arg = stdlib::gofmt::Arg::of_string(s);
  return stdlib::gofmt::sprintf("%q", std::span<const stdlib::gofmt::Arg>(&arg, 1));
}

std::string TraceText::var(const std::string& name) const {
  if (!name.empty() && name[0] == '$') return "_";
  for (const Renames* r : renames_) {
    if (r == nullptr) continue;
    auto it = r->find(name);
    if (it != r->end()) return it->second;
  }
  return name;
}

std::string TraceText::call(const std::vector<ast::Term>& terms, bool extra_wildcard) const {
  std::string out = term(terms[0]) + "(";
  for (size_t i = 1; i < terms.size(); ++i) {
    if (i > 1) out += ", ";
    out += term(terms[i]);
  }
  if (extra_wildcard) out += terms.size() > 1 ? ", _" : "_";
  return out + ")";
}

std::string TraceText::sorted(std::vector<const ast::Term*> items) const {
  struct Item {
    int rank;
    std::optional<runtime::Value> value;
    std::string text;
  };
  std::vector<Item> keyed;
  for (const ast::Term* t : items) keyed.push_back({kind_rank(*t), stages::constant_value(*t), term(*t)});
  std::stable_sort(keyed.begin(), keyed.end(), [](const Item& a, const Item& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.value && b.value) return compare(*a.value, *b.value) < 0;
    return a.text < b.text;
  });
  std::string out;
  for (size_t i = 0; i < keyed.size(); ++i) out += (i > 0 ? ", " : "") + keyed[i].text;
  return out;
}

std::string TraceText::object(const ast::Object& o) const {
  std::vector<const ast::Term*> keys;
  for (const auto& item : o.items) keys.push_back(&item.key);
  std::vector<size_t> order(o.items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const ast::Term& x = o.items[a].key;
    const ast::Term& y = o.items[b].key;
    int rx = kind_rank(x), ry = kind_rank(y);
    if (rx != ry) return rx < ry;
    auto vx = stages::constant_value(x), vy = stages::constant_value(y);
    if (vx && vy) return compare(*vx, *vy) < 0;
    return term(x) < term(y);
  });
  std::string out = "{";
  for (size_t i = 0; i < order.size(); ++i) {
    if (i > 0) out += ", ";
    out += term(o.items[order[i]].key) + ": " + term(o.items[order[i]].value);
  }
  return out + "}";
}

std::string TraceText::ref(const std::vector<ast::Term>& parts) const {
  if (parts.empty()) return "";
  std::string out = term(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    const auto* s = ast::get_if<ast::String>(parts[i]);
    if (s != nullptr && ast::is_identifier(s->value)) {
      out += "." + s->value;
    } else {
      out += "[" + term(parts[i]) + "]";
    }
  }
  return out;
}

std::string TraceText::term(const ast::Term& t) const {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Null>) return "null";
        if constexpr (std::is_same_v<T, ast::Boolean>) return x.value ? "true" : "false";
        if constexpr (std::is_same_v<T, ast::Number>) return x.text;
        if constexpr (std::is_same_v<T, ast::String>) return go_quote(x.value);
        if constexpr (std::is_same_v<T, ast::Var>) return var(x.name);
        if constexpr (std::is_same_v<T, ast::Ref>) return ref(x.parts);
        if constexpr (std::is_same_v<T, ast::Array>) {
          std::string out = "[";
          for (size_t i = 0; i < x.items.size(); ++i) out += (i > 0 ? ", " : "") + term(x.items[i]);
          return out + "]";
        }
        if constexpr (std::is_same_v<T, ast::Object>) return object(x);
        if constexpr (std::is_same_v<T, ast::Set>) {
          if (x.items.empty()) return "set()";
          std::vector<const ast::Term*> items;
          for (const auto& i : x.items) items.push_back(&i);
          return "{" + sorted(items) + "}";
        }
        if constexpr (std::is_same_v<T, ast::ArrayComprehension>) return "[" + term(*x.term) + " | " + body(x.body) + "]";
        if constexpr (std::is_same_v<T, ast::SetComprehension>) return "{" + term(*x.term) + " | " + body(x.body) + "}";
        if constexpr (std::is_same_v<T, ast::ObjectComprehension>) {
          return "{" + term(*x.key) + ": " + term(*x.value) + " | " + body(x.body) + "}";
        }
        if constexpr (std::is_same_v<T, ast::Call>) return call(x.terms);
        return "";  // template strings are rewritten into calls before planning
      },
      t.value);
}

std::string TraceText::expr(const ast::Expr& e, bool capture, int arity) const {
  std::string out = e.negated ? "not " : "";
  capture = capture && !e.negated;
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Term>) {
          out += term(x);
          if (capture) out += " = _";
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          std::string op = term(x.terms[0]);
          if (op == "eq" && x.terms.size() == 3) {  // only unification is infix (`:=` is compiled away)
            out += term(x.terms[1]) + " = " + term(x.terms[2]);
          } else {
            out += call(x.terms, capture && arity >= 0 && static_cast<int>(x.terms.size()) - 1 == arity);
          }
        } else if constexpr (std::is_same_v<T, ast::SomeDecl>) {
          out += "some ";
          for (size_t i = 0; i < x.symbols.size(); ++i) out += (i > 0 ? ", " : "") + term(x.symbols[i]);
        } else if constexpr (std::is_same_v<T, ast::Every>) {
          out += "every " + (x.key ? term(*x.key) + ", " : "") + term(*x.value) + " in " + term(*x.domain) + " { " +
                 body(x.body) + " }";
        } else if constexpr (std::is_same_v<T, ast::LogicalOp>) {
          const char* kw = x.kind == ast::LogicalOp::Kind::And ? " and " : " or ";
          out += "(" + body(x.lhs) + ")" + kw + "(" + body(x.rhs) + ")";
        } else if constexpr (std::is_same_v<T, ast::NotBody>) {
          out += "not {" + body(x.body) + "}";
        }
      },
      e.terms);
  for (const auto& w : e.with) out += " with " + term(w.target) + " as " + term(w.value);
  return out;
}

std::string TraceText::body(const ast::Body& b) const {
  std::string out;
  for (size_t i = 0; i < b.size(); ++i) out += (i > 0 ? "; " : "") + expr(b[i]);
  return out;
}

}  // namespace arcane::compiler::plan
