// AST to JSON in `opa parse --format json`'s shape (see ast_json.h).
#include "compiler/ast/ast_json.h"

#include <algorithm>

#include "compiler/ast/compare.h"
#include "runtime/json_escape.h"

namespace arcane::compiler::ast {

namespace {

// A minimal writer for Go's json.MarshalIndent(v, "", "  ") layout: one member or element
// per line, `[]` and `{}` for empty containers.
class Writer {
 public:
  std::string take() { return std::move(out_); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view k) {
    element();
    runtime::append_json_quoted(out_, k);
    out_ += ": ";
    after_key_ = true;
  }
  void string(std::string_view s) {
    element();
    runtime::append_json_quoted(out_, s);
  }
  void raw(std::string_view text) {
    element();
    out_ += text;
  }
  void boolean(bool b) { raw(b ? "true" : "false"); }
  void number(uint64_t n) { raw(std::to_string(n)); }

 private:
  // Starts a value: after a key it continues the line, otherwise it is a new element.
  void element() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!counts_.empty()) {
      if (counts_.back()++ > 0) out_ += ',';
      newline();
    }
  }
  void open(char c) {
    element();
    out_ += c;
    counts_.push_back(0);
  }
  void close(char c) {
    bool empty = counts_.back() == 0;
    counts_.pop_back();
    if (!empty) newline();
    out_ += c;
  }
  void newline() {
    out_ += '\n';
    out_.append(counts_.size() * 2, ' ');
  }

  std::string out_;
  std::vector<size_t> counts_;
  bool after_key_ = false;
};

void write_term(Writer& w, const Term& t);
void write_body(Writer& w, const Body& b);
void write_expr(Writer& w, const Expr& e);

void write_terms(Writer& w, const std::vector<Term>& ts) {
  w.begin_array();
  for (const auto& t : ts) write_term(w, t);
  w.end_array();
}

// JSON has no `.5`; OPA's literals never need more than a leading zero to be valid JSON.
std::string json_number(const std::string& text) {
  if (!text.empty() && text[0] == '.') return "0" + text;
  if (text.size() > 1 && text[0] == '-' && text[1] == '.') return "-0" + text.substr(1);
  return text;
}

void write_sorted_set(Writer& w, const Set& s) {
  std::vector<const Term*> items;
  for (const auto& t : s.items) items.push_back(&t);
  std::stable_sort(items.begin(), items.end(), [](const Term* a, const Term* b) { return compare(*a, *b) < 0; });
  w.begin_array();
  for (const Term* t : items) write_term(w, *t);
  w.end_array();
}

void write_sorted_object(Writer& w, const Object& o) {
  std::vector<const ObjectItem*> items;
  for (const auto& it : o.items) items.push_back(&it);
  std::stable_sort(items.begin(), items.end(),
                   [](const ObjectItem* a, const ObjectItem* b) { return compare(a->key, b->key) < 0; });
  w.begin_array();
  for (const ObjectItem* it : items) {
    w.begin_array();
    write_term(w, it->key);
    write_term(w, it->value);
    w.end_array();
  }
  w.end_array();
}

void write_template(Writer& w, const TemplateString& ts) {
  w.begin_object();
  w.key("parts");
  w.begin_array();
  for (const auto& p : ts.parts) {
    if (p.term) {
      write_term(w, *p.term);
    } else {
      write_expr(w, *p.expr);
    }
  }
  w.end_array();
  w.key("multi_line");
  w.boolean(ts.multi_line);
  w.end_object();
}

void write_value(Writer& w, const Value& v) {
  std::visit(
      [&w](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Null>) {
          w.begin_object();
          w.end_object();
        } else if constexpr (std::is_same_v<T, Boolean>) {
          w.boolean(x.value);
        } else if constexpr (std::is_same_v<T, Number>) {
          w.raw(json_number(x.text));
        } else if constexpr (std::is_same_v<T, String>) {
          w.string(x.value);
        } else if constexpr (std::is_same_v<T, Var>) {
          w.string(x.name);
        } else if constexpr (std::is_same_v<T, Ref>) {
          write_terms(w, x.parts);
        } else if constexpr (std::is_same_v<T, Array>) {
          write_terms(w, x.items);
        } else if constexpr (std::is_same_v<T, Call>) {
          write_terms(w, x.terms);
        } else if constexpr (std::is_same_v<T, Set>) {
          write_sorted_set(w, x);
        } else if constexpr (std::is_same_v<T, Object>) {
          write_sorted_object(w, x);
        } else if constexpr (std::is_same_v<T, ArrayComprehension> || std::is_same_v<T, SetComprehension>) {
          w.begin_object();
          w.key("term");
          write_term(w, *x.term);
          w.key("body");
          write_body(w, x.body);
          w.end_object();
        } else if constexpr (std::is_same_v<T, ObjectComprehension>) {
          w.begin_object();
          w.key("key");
          write_term(w, *x.key);
          w.key("value");
          write_term(w, *x.value);
          w.key("body");
          write_body(w, x.body);
          w.end_object();
        } else {
          write_template(w, x);
        }
      },
      v);
}

// Indexed by the alternatives of ast::Value, in their order.
static_assert(std::variant_size_v<Value> == 14);

const char* type_name(const Value& v) {
  static const char* const kNames[] = {"null",   "boolean", "number", "string", "var",
                                       "ref",    "array",   "object", "set",    "arraycomprehension",
                                       "setcomprehension",  "objectcomprehension", "call", "templatestring"};
  return kNames[v.index()];
}

void write_term(Writer& w, const Term& t) {
  w.begin_object();
  w.key("type");
  w.string(type_name(t.value));
  w.key("value");
  write_value(w, t.value);
  w.end_object();
}

void write_logical(Writer& w, const LogicalOp& op) {
  w.begin_object();
  w.key("type");
  w.string(op.kind == LogicalOp::Kind::And ? "and" : "or");
  w.key("lhs");
  write_body(w, op.lhs);
  w.key("rhs");
  write_body(w, op.rhs);
  if (op.explicit_lhs) {
    w.key("explicit_lhs");
    w.boolean(true);
  }
  if (op.explicit_rhs) {
    w.key("explicit_rhs");
    w.boolean(true);
  }
  w.end_object();
}

void write_every(Writer& w, const Every& e) {
  w.begin_object();
  w.key("body");
  write_body(w, e.body);
  w.key("domain");
  write_term(w, *e.domain);
  w.key("key");
  if (e.key) {
    write_term(w, *e.key);
  } else {
    w.raw("null");
  }
  w.key("value");
  write_term(w, *e.value);
  w.end_object();
}

void write_expr_terms(Writer& w, const ExprTerms& terms) {
  std::visit(
      [&w](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Term>) {
          write_term(w, x);
        } else if constexpr (std::is_same_v<T, Call>) {
          write_terms(w, x.terms);
        } else if constexpr (std::is_same_v<T, SomeDecl>) {
          w.begin_object();
          w.key("symbols");
          write_terms(w, x.symbols);
          w.end_object();
        } else if constexpr (std::is_same_v<T, Every>) {
          write_every(w, x);
        } else if constexpr (std::is_same_v<T, LogicalOp>) {
          write_logical(w, x);
        } else {
          w.begin_object();
          w.key("type");
          w.string("not");
          w.key("body");
          write_body(w, x.body);
          w.key("explicit_body");
          w.boolean(x.explicit_body);
          w.end_object();
        }
      },
      terms);
}

void write_expr(Writer& w, const Expr& e) {
  w.begin_object();
  if (e.generated) {
    w.key("generated");
    w.boolean(true);
  }
  w.key("index");
  w.number(e.index);
  if (e.negated) {
    w.key("negated");
    w.boolean(true);
  }
  w.key("terms");
  write_expr_terms(w, e.terms);
  if (!e.with.empty()) {
    w.key("with");
    w.begin_array();
    for (const auto& with : e.with) {
      w.begin_object();
      w.key("target");
      write_term(w, with.target);
      w.key("value");
      write_term(w, with.value);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

void write_body(Writer& w, const Body& b) {
  w.begin_array();
  for (const auto& e : b) write_expr(w, e);
  w.end_array();
}

void write_head(Writer& w, const Head& h) {
  w.begin_object();
  if (!h.name.empty()) {
    w.key("name");
    w.string(h.name);
  }
  if (!h.args.empty()) {
    w.key("args");
    write_terms(w, h.args);
  }
  if (h.key) {
    w.key("key");
    write_term(w, *h.key);
  }
  if (h.value) {
    w.key("value");
    write_term(w, *h.value);
  }
  if (h.assign) {
    w.key("assign");
    w.boolean(true);
  }
  w.key("ref");
  write_terms(w, head_ref(h));
  w.end_object();
}

void write_rule(Writer& w, const Rule& r) {
  w.begin_object();
  w.key("body");
  write_body(w, r.body);
  if (r.is_default) {
    w.key("default");
    w.boolean(true);
  }
  if (r.else_rule) {
    w.key("else");
    write_rule(w, *r.else_rule);
  }
  w.key("head");
  write_head(w, r.head);
  w.end_object();
}

void write_import(Writer& w, const Import& imp) {
  w.begin_object();
  if (!imp.alias.empty()) {
    w.key("alias");
    w.string(imp.alias);
  }
  w.key("path");
  write_term(w, imp.path);
  w.end_object();
}

std::string base64(std::string_view bytes) {
  static const char* const kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

void write_comment(Writer& w, const Comment& c, const runtime::SourceSet& sources) {
  w.begin_object();
  w.key("Text");
  w.string(base64(c.text));
  w.key("Location");
  const runtime::SourceFile* f = sources.get(c.loc.file);
  if (f == nullptr) {
    w.raw("null");
  } else {
    runtime::LineCol lc = f->line_col(c.loc.offset);
    w.begin_object();
    w.key("file");
    w.string(f->name());
    w.key("row");
    w.number(lc.line);
    w.key("col");
    w.number(lc.col);
    w.end_object();
  }
  w.end_object();
}

template <typename T, typename F>
void write_list(Writer& w, const char* key, const std::vector<T>& items, F each) {
  if (items.empty()) return;
  w.key(key);
  w.begin_array();
  for (const auto& x : items) each(x);
  w.end_array();
}

}  // namespace

std::string to_json(const Module& m, const runtime::SourceSet& sources) {
  Writer w;
  w.begin_object();
  w.key("package");
  w.begin_object();
  w.key("path");
  write_terms(w, m.package.path);
  w.end_object();
  write_list(w, "imports", m.imports, [&w](const Import& i) { write_import(w, i); });
  write_list(w, "rules", m.rules, [&w](const Rule& r) { write_rule(w, r); });
  write_list(w, "comments", m.comments, [&](const Comment& c) { write_comment(w, c, sources); });
  w.end_object();
  return w.take();
}

std::string to_json(const Term& term) {
  Writer w;
  write_term(w, term);
  return w.take();
}

std::string to_json(const Expr& expr) {
  Writer w;
  write_expr(w, expr);
  return w.take();
}

std::string to_json(const Body& body) {
  Writer w;
  write_body(w, body);
  return w.take();
}

std::string to_json(const Rule& rule) {
  Writer w;
  write_rule(w, rule);
  return w.take();
}

}  // namespace arcane::compiler::ast
