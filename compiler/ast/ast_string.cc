// One-line text form of AST nodes (see ast_string.h).
#include "compiler/ast/ast_string.h"

#include <type_traits>

#include "runtime/json_escape.h"

namespace arcane::compiler::ast {

namespace {

std::string quote(const std::string& s) { return runtime::json_quote(s, false); }

std::string join(const std::vector<Term>& ts, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < ts.size(); ++i) {
    if (i > from) out += ", ";
    out += to_string(ts[i]);
  }
  return out;
}

std::string template_string(const TemplateString& ts) {
  std::string out = ts.multi_line ? "$`" : "$\"";
  for (const auto& p : ts.parts) {
    const auto* s = p.term ? get_if<String>(*p.term) : nullptr;
    if (s != nullptr) {
      out += s->value;
    } else {
      out += "{" + (p.term ? to_string(*p.term) : to_string(*p.expr)) + "}";
    }
  }
  return out + (ts.multi_line ? "`" : "\"");
}

std::string value_string(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Null>) return "null";
        if constexpr (std::is_same_v<T, Boolean>) return x.value ? "true" : "false";
        if constexpr (std::is_same_v<T, Number>) return x.text;
        if constexpr (std::is_same_v<T, String>) return quote(x.value);
        if constexpr (std::is_same_v<T, Var>) return x.name;
        if constexpr (std::is_same_v<T, Ref>) return to_string(x.parts);
        if constexpr (std::is_same_v<T, Array>) return "[" + join(x.items) + "]";
        if constexpr (std::is_same_v<T, Set>) return x.items.empty() ? "set()" : "{" + join(x.items) + "}";
        if constexpr (std::is_same_v<T, Object>) {
          std::string out = "{";
          for (size_t i = 0; i < x.items.size(); ++i) {
            if (i > 0) out += ", ";
            out += to_string(x.items[i].key) + ": " + to_string(x.items[i].value);
          }
          return out + "}";
        }
        if constexpr (std::is_same_v<T, ArrayComprehension>) return "[" + to_string(*x.term) + " | " + to_string(x.body) + "]";
        if constexpr (std::is_same_v<T, SetComprehension>) return "{" + to_string(*x.term) + " | " + to_string(x.body) + "}";
        if constexpr (std::is_same_v<T, ObjectComprehension>) {
          return "{" + to_string(*x.key) + ": " + to_string(*x.value) + " | " + to_string(x.body) + "}";
        }
        if constexpr (std::is_same_v<T, Call>) return to_string(x.terms[0]) + "(" + join(x.terms, 1) + ")";
        if constexpr (std::is_same_v<T, TemplateString>) return template_string(x);
        return "";
      },
      v);
}

std::string operand(const Body& b, bool is_explicit) {
  if (is_explicit) return "{" + to_string(b) + "}";
  return "(" + to_string(b) + ")";
}

std::string expr_terms(const ExprTerms& terms) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Term>) return to_string(x);
        if constexpr (std::is_same_v<T, Call>) return to_string(x.terms[0]) + "(" + join(x.terms, 1) + ")";
        if constexpr (std::is_same_v<T, SomeDecl>) return "some " + join(x.symbols);
        if constexpr (std::is_same_v<T, Every>) {
          std::string vars = (x.key ? to_string(*x.key) + ", " : "") + to_string(*x.value);
          return "every " + vars + " in " + to_string(*x.domain) + " { " + to_string(x.body) + " }";
        }
        if constexpr (std::is_same_v<T, LogicalOp>) {
          const char* kw = x.kind == LogicalOp::Kind::And ? " and " : " or ";
          return operand(x.lhs, x.explicit_lhs) + kw + operand(x.rhs, x.explicit_rhs);
        }
        if constexpr (std::is_same_v<T, NotBody>) return "not {" + to_string(x.body) + "}";
        return "";
      },
      terms);
}

}  // namespace

bool is_identifier(const std::string& s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0)) return false;
  }
  static const char* const kKeywords[] = {"not",  "package", "import", "as",       "default", "else", "with", "null",
                                          "true", "false",   "some",   "if",       "contains", "in",  "every"};
  for (const char* k : kKeywords) {
    if (s == k) return false;
  }
  return true;
}

std::string to_string(const Term& t) { return value_string(t.value); }

std::string to_string(const std::vector<Term>& ref) {
  if (ref.empty()) return "";
  std::string out = to_string(ref[0]);
  for (size_t i = 1; i < ref.size(); ++i) {
    const auto* s = get_if<String>(ref[i]);
    if (s != nullptr && is_identifier(s->value)) {
      out += "." + s->value;
    } else {
      out += "[" + to_string(ref[i]) + "]";
    }
  }
  return out;
}

std::string to_string(const Expr& e) {
  std::string out = e.negated ? "not " : "";
  out += expr_terms(e.terms);
  for (const auto& w : e.with) out += " with " + to_string(w.target) + " as " + to_string(w.value);
  return out;
}

std::string to_string(const Body& b) {
  std::string out;
  for (size_t i = 0; i < b.size(); ++i) {
    if (i > 0) out += "; ";
    out += to_string(b[i]);
  }
  return out;
}

std::string to_string(const Head& h) {
  std::string out = to_string(head_ref(h));
  if (!h.args.empty()) out += "(" + join(h.args) + ")";
  if (h.key && !h.value && h.ref.size() <= 1) out += " contains " + to_string(*h.key);
  if (h.value) out += (h.assign ? " := " : " = ") + to_string(*h.value);
  return out;
}

std::string to_string(const Rule& r) {
  std::string out = (r.is_default ? "default " : "") + to_string(r.head);
  if (!r.is_default) out += " if { " + to_string(r.body) + " }";
  for (const Rule* e = r.else_rule.get(); e != nullptr; e = e->else_rule.get()) {
    out += " else";
    if (e->head.value) out += (e->head.assign ? " := " : " = ") + to_string(*e->head.value);
    out += " if { " + to_string(e->body) + " }";
  }
  return out;
}

}  // namespace arcane::compiler::ast
