#include "compiler/plan/opa_rule_order.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "compiler/ast/ast_string.h"
#include "compiler/stages/context.h"

namespace arcane::compiler::plan {

namespace {

// What a rule requires of a ref: to be defined (`any`), to equal a scalar, or to be an
// array matching elements (each a scalar, or anything); nothing when it does not test it.
struct IndexValue {
  enum class Kind { kAny, kScalar, kArray } kind = Kind::kAny;
  std::string scalar;                            // kScalar: the value's text
  std::vector<std::optional<std::string>> elems;  // kArray: scalar text, or nullopt for any
};

// OPA's indexValue: scalars and variables, or arrays of them.
std::optional<IndexValue> index_value(const ast::Term& t) {
  if (ast::get_if<ast::Var>(t)) return IndexValue{};
  if (stages::is_scalar(t.value)) return IndexValue{IndexValue::Kind::kScalar, ast::to_string(t), {}};
  if (const auto* a = ast::get_if<ast::Array>(t)) {
    IndexValue v{IndexValue::Kind::kArray, {}, {}};
    for (const ast::Term& e : a->items) {
      if (ast::get_if<ast::Var>(e)) {
        v.elems.emplace_back(std::nullopt);
      } else if (stages::is_scalar(e.value)) {
        v.elems.emplace_back(ast::to_string(e));
      } else {
        return std::nullopt;
      }
    }
    return v;
  }
  return std::nullopt;
}

// Splits a glob pattern on the delimiter characters, honouring backslash escapes.
std::vector<std::string> split_escaped(const std::string& s, const std::string& delims) {
  std::vector<std::string> out;
  size_t last = 0;
  bool escaped = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' || escaped) {
      escaped = !escaped;
      continue;
    }
    if (delims.find(s[i]) != std::string::npos) {
      out.push_back(s.substr(last, i - last));
      last = i + 1;
    }
  }
  out.push_back(s.substr(last));
  return out;
}

class RefIndices {
 public:
  RefIndices(const CompiledProgram& program) : program_(program) {}

  void update(const ast::Rule& rule, const ast::Expr& e) {
    if (!e.with.empty() || e.negated) return;
    if (const auto* t = std::get_if<ast::Term>(&e.terms)) {
      if (ast::get_if<ast::Ref>(*t)) update_eq(rule, *t, ast::make_var("__any__", t->loc));
      return;
    }
    const auto* call = std::get_if<ast::Call>(&e.terms);
    if (call == nullptr) return;
    std::string op = stages::operator_name(*call);
    size_t operands = call->terms.size() - 1;
    if (op == "eq" && operands >= 2) {
      update_eq(rule, call->terms[1], call->terms[2]);
    } else if (op == "equal" && operands == 2) {
      update_eq(rule, call->terms[1], call->terms[2]);
    } else if (op == "glob.match" && operands == 3) {
      update_glob(rule, *call);
    }
  }

  bool indexed(const ast::Rule* r) const {
    auto it = rules_.find(r);
    return it != rules_.end() && !it->second.empty();
  }
  // The refs a rule tests, with what it requires of each.
  const std::vector<std::pair<std::string, IndexValue>>& values(const ast::Rule* r) const { return rules_.at(r); }

  // The refs, most frequently tested first, ties by where a ref first appears.
  std::vector<std::string> sorted() const {
    std::vector<std::string> out;
    for (const auto& [ref, f] : frequency_) out.push_back(ref);
    std::stable_sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
      const Frequency& fa = frequency_.at(a);
      const Frequency& fb = frequency_.at(b);
      if (fa.count != fb.count) return fa.count > fb.count;
      if (fa.loc.file != fb.loc.file) return fa.loc.file < fb.loc.file;
      return fa.loc.offset < fb.loc.offset;
    });
    return out;
  }

 private:
  struct Frequency {
    size_t count = 0;
    runtime::Location loc;
  };

  void insert(const ast::Rule* rule, std::string ref, const runtime::Location& loc, IndexValue v) {
    auto [it, fresh] = frequency_.try_emplace(ref);
    if (fresh) it->second.loc = loc;
    ++it->second.count;
    auto& list = rules_[rule];
    for (auto& [key, old] : list) {
      if (key == ref) {
        old = std::move(v);
        return;
      }
    }
    list.emplace_back(std::move(ref), std::move(v));
  }

  // OPA's eqOperandsToRefAndValue, both ways round.
  void update_eq(const ast::Rule& rule, const ast::Term& a, const ast::Term& b) {
    if (!try_eq(rule, a, b)) try_eq(rule, b, a);
  }

  bool try_eq(const ast::Rule& rule, const ast::Term& a, const ast::Term& b) {
    if (const auto* v = ast::get_if<ast::Var>(a)) {
      for (size_t i = 0; i < rule.head.args.size(); ++i) {
        const auto* arg = ast::get_if<ast::Var>(rule.head.args[i]);
        if (arg == nullptr || arg->name != v->name) continue;
        auto value = index_value(b);
        if (!value) return false;
        insert(&rule, "args[" + std::to_string(i) + "]", a.loc, std::move(*value));
        return true;
      }
      return false;
    }
    const auto* r = ast::get_if<ast::Ref>(a);
    if (r == nullptr || !indexable_ref(r->parts)) return false;
    auto value = index_value(b);
    if (!value) return false;
    insert(&rule, ast::to_string(r->parts), r->parts[0].loc, std::move(*value));
    return true;
  }

  // A ground ref into input, or into base data (no rule at, above or below it).
  bool indexable_ref(const std::vector<ast::Term>& parts) const {
    const auto* head = ast::get_if<ast::Var>(parts[0]);
    if (head == nullptr || (head->name != "input" && head->name != "data")) return false;
    for (size_t i = 1; i < parts.size(); ++i) {
      if (ast::get_if<ast::Ref>(parts[i]) || !is_ground_term(parts[i])) return false;
    }
    return head->name == "input" || !program_.is_virtual(parts);
  }

  // glob.match(pattern, delimiters, x), x a variable bound to an indexed ref (or a
  // function argument): the pattern split at the delimiters, `*` parts matching anything.
  void update_glob(const ast::Rule& rule, const ast::Call& call) {
    const auto* delims = ast::get_if<ast::Array>(call.terms[2]);
    if (delims == nullptr) return;
    std::string delim;
    for (const ast::Term& d : delims->items) {
      const auto* s = ast::get_if<ast::String>(d);
      if (s == nullptr) return;
      delim += s->value;
    }
    if (delims->items.empty()) delim = ".";
    const auto* pattern = ast::get_if<ast::String>(call.terms[1]);
    if (pattern == nullptr) return;
    IndexValue v{IndexValue::Kind::kArray, {}, {}};
    for (const std::string& part : split_escaped(pattern->value, delim)) {
      if (part == "*") {
        v.elems.emplace_back(std::nullopt);
        continue;
      }
      bool escaped = false;
      for (char c : part) {
        if (c == '\\') {
          escaped = !escaped;
          continue;
        }
        if (!escaped && (c == '[' || c == '?' || c == '{' || c == '*')) return;
        escaped = false;
      }
      ast::Term s{call.terms[1].loc, ast::String{part}};
      v.elems.emplace_back(ast::to_string(s));
    }
    const auto* match = ast::get_if<ast::Var>(call.terms[3]);
    if (match == nullptr) return;
    std::optional<std::string> ref;
    if (auto it = bound_.find({&rule, match->name}); it != bound_.end()) ref = it->second;
    for (size_t i = 0; !ref && i < rule.head.args.size(); ++i) {
      const auto* arg = ast::get_if<ast::Var>(rule.head.args[i]);
      if (arg != nullptr && arg->name == match->name) ref = "args[" + std::to_string(i) + "]";
    }
    if (ref) insert(&rule, *ref, call.terms[3].loc, std::move(v));
  }

 public:
  // Records `x = ref` bindings, which glob.match's third operand refers to.
  void note_binding(const ast::Rule& rule, const ast::Expr& e) {
    const auto* call = std::get_if<ast::Call>(&e.terms);
    if (call == nullptr || call->terms.size() != 3 || stages::operator_name(*call) != "eq") return;
    for (int i = 1; i <= 2; ++i) {
      const auto* v = ast::get_if<ast::Var>(call->terms[i]);
      const auto* r = ast::get_if<ast::Ref>(call->terms[3 - i]);
      if (v != nullptr && r != nullptr && indexable_ref(r->parts)) bound_[{&rule, v->name}] = ast::to_string(r->parts);
    }
  }

 private:
  const CompiledProgram& program_;
  std::map<std::string, Frequency> frequency_;
  std::map<const ast::Rule*, std::vector<std::pair<std::string, IndexValue>>> rules_;
  std::map<std::pair<const ast::Rule*, std::string>, std::string> bound_;
};

// Where a rule sits in OPA's trie: per ref, in the sorted order, what it requires (none
// where it does not test the ref). Sparse: most rules test few of the refs.
using TriePath = std::vector<std::pair<size_t, const IndexValue*>>;

// Orders array elements as OPA's traversal meets them: an array that ends here, then
// elements matching anything, then by value.
int compare_elems(const IndexValue& a, const IndexValue& b) {
  for (size_t i = 0;; ++i) {
    bool a_end = i == a.elems.size(), b_end = i == b.elems.size();
    if (a_end || b_end) return a_end == b_end ? 0 : (a_end ? -1 : 1);
    const auto& x = a.elems[i];
    const auto& y = b.elems[i];
    if (x.has_value() != y.has_value()) return x.has_value() ? 1 : -1;
    if (x && *x != *y) return *x < *y ? -1 : 1;
  }
}

// One level of the trie: a rule not testing the ref, then needing it defined, then
// testing a scalar, then an array. (Scalar siblings are never both taken, so their
// relative order is not observable; any fixed order will do.)
int compare_level(const IndexValue* a, const IndexValue* b) {
  auto rank = [](const IndexValue* v) { return v == nullptr ? 0 : 1 + static_cast<int>(v->kind); };
  if (rank(a) != rank(b)) return rank(a) < rank(b) ? -1 : 1;
  if (a == nullptr || a->kind == IndexValue::Kind::kAny) return 0;
  if (a->kind == IndexValue::Kind::kScalar) return a->scalar == b->scalar ? 0 : (a->scalar < b->scalar ? -1 : 1);
  return compare_elems(*a, *b);
}

// The depth-first order of two leaves: the first ref where their paths part decides.
bool path_before(const TriePath& a, const TriePath& b) {
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    size_t pa = i < a.size() ? a[i].first : SIZE_MAX;
    size_t pb = j < b.size() ? b[j].first : SIZE_MAX;
    size_t p = std::min(pa, pb);
    const IndexValue* va = pa == p ? a[i++].second : nullptr;
    const IndexValue* vb = pb == p ? b[j++].second : nullptr;
    if (int c = compare_level(va, vb)) return c < 0;
  }
  return false;
}

bool skips_indexing(const ast::Rule& r) {
  for (const ast::Expr& e : r.body) {
    const auto* call = std::get_if<ast::Call>(&e.terms);
    if (call == nullptr) continue;
    std::string op = stages::operator_name(*call);
    if (op == "internal.print" || op == "internal.test_case") return true;
  }
  return false;
}

}  // namespace

std::vector<size_t> opa_rule_order(const CompiledProgram& program, const std::vector<RuleEntry>& rules) {
  RefIndices indices(program);
  for (const RuleEntry& e : rules) {
    if (e.rule->is_default) continue;
    for (const ast::Rule* r = e.rule; r != nullptr; r = r->else_rule.get()) {
      if (skips_indexing(*r)) continue;
      for (const ast::Expr& x : r->body) {
        indices.note_binding(*r, x);
        indices.update(*r, x);
      }
    }
  }
  std::vector<std::string> refs = indices.sorted();
  std::map<std::string, size_t> level;
  for (const std::string& r : refs) level.emplace(r, level.size());

  // Each rule (else branches too) is a leaf of the trie; unindexed ones sit at its root,
  // which the traversal visits first. Leaves at one node keep their insertion order.
  struct Leaf {
    size_t group;
    TriePath path;
  };
  std::vector<size_t> visits;
  std::vector<Leaf> leaves;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].rule->is_default) continue;
    for (const ast::Rule* r = rules[i].rule; r != nullptr; r = r->else_rule.get()) {
      if (!indices.indexed(r)) {
        visits.push_back(i);
        continue;
      }
      Leaf leaf{i, {}};
      for (const auto& [ref, v] : indices.values(r)) leaf.path.emplace_back(level.at(ref), &v);
      std::sort(leaf.path.begin(), leaf.path.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      leaves.push_back(std::move(leaf));
    }
  }
  std::stable_sort(leaves.begin(), leaves.end(), [](const Leaf& a, const Leaf& b) { return path_before(a.path, b.path); });
  for (const Leaf& l : leaves) visits.push_back(l.group);

  // A group's place is its first visit; defaults stay where they were.
  std::vector<size_t> order;
  std::vector<bool> placed(rules.size(), false);
  for (size_t i : visits) {
    if (!placed[i]) order.push_back(i), placed[i] = true;
  }
  std::vector<size_t> out;
  size_t next = 0;
  for (size_t i = 0; i < rules.size(); ++i) out.push_back(rules[i].rule->is_default ? i : order[next++]);
  return out;
}

}  // namespace arcane::compiler::plan
