// OverlappingFieldsCanBeMerged (see overlapping_fields.h).
#include "stdlib/graphql/overlapping_fields.h"

#include <algorithm>

namespace arcane::stdlib::graphql {

namespace {

bool same_value(const Value* a, const Value* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return a->kind == b->kind && a->str() == b->str();
}

bool same_arguments(const ArgumentList& a, const ArgumentList& b) {
  if (a.size() != b.size()) return false;
  for (const auto& x : a) {
    auto it = std::find_if(b.begin(), b.end(), [&](auto& y) { return y->name == x->name; });
    if (it == b.end() || !same_value(x->value.get(), (*it)->value.get())) return false;
  }
  return true;
}

}  // namespace

const FragmentDefinition* OverlappingFields::fragment(const std::string& name) const {
  for (const auto& f : doc_.fragments) {
    if (f->name == name) return f.get();
  }
  return nullptr;
}

void OverlappingFields::collect(const Definition* parent, const SelectionSet& set,
                                std::map<std::string, std::vector<FieldRef>>& out, std::set<std::string>& visited,
                                int depth) {
  if (depth > kMaxDepth) return;
  for (const auto& s : set) {
    if (s->kind == SelectionKind::kField) {
      out[s->alias.empty() ? s->name : s->alias].push_back({parent, s.get()});
    } else if (s->kind == SelectionKind::kInlineFragment) {
      const Definition* p = s->type_condition.empty() ? parent : s_.type(s->type_condition);
      collect(p, s->selection_set, out, visited, depth + 1);
    } else if (const FragmentDefinition* f = fragment(s->name); f != nullptr && visited.insert(f->name).second) {
      collect(s_.type(f->type_condition), f->selection_set, out, visited, depth + 1);
    }
  }
}

bool OverlappingFields::types_conflict(const Type* a, const Type* b) const {
  if (a->elem) return b->elem ? types_conflict(a->elem.get(), b->elem.get()) : true;
  if (b->elem) return true;
  if (a->non_null != b->non_null) return true;
  const Definition* ta = s_.type(a->named_type);
  const Definition* tb = s_.type(b->named_type);
  if (ta != nullptr && tb != nullptr && ta->is_leaf() && tb->is_leaf()) return ta->name != tb->name;
  return false;
}

// The reason two same-named fields conflict, or "".
std::string OverlappingFields::conflict(bool exclusive, const FieldRef& a, const FieldRef& b, int depth) {
  exclusive = exclusive || (a.parent != nullptr && b.parent != nullptr && a.parent != b.parent &&
                            a.parent->kind == "OBJECT" && b.parent->kind == "OBJECT");
  if (!exclusive) {
    if (a.field->name != b.field->name) {
      return "\"" + a.field->name + "\" and \"" + b.field->name + "\" are different fields";
    }
    if (!same_arguments(a.field->arguments, b.field->arguments)) return "they have differing arguments";
  }
  const Type* ta = a.field->field_definition ? a.field->field_definition->type.get() : nullptr;
  const Type* tb = b.field->field_definition ? b.field->field_definition->type.get() : nullptr;
  if (ta != nullptr && tb != nullptr && types_conflict(ta, tb)) {
    return "they return conflicting types \"" + ta->str() + "\" and \"" + tb->str() + "\"";
  }
  if (depth > kMaxDepth || a.field->selection_set.empty() || b.field->selection_set.empty()) return "";
  std::map<std::string, std::vector<FieldRef>> fa, fb;
  std::set<std::string> va, vb;
  collect(ta != nullptr ? s_.type(ta->name()) : nullptr, a.field->selection_set, fa, va, 0);
  collect(tb != nullptr ? s_.type(tb->name()) : nullptr, b.field->selection_set, fb, vb, 0);
  std::string out;
  for (const auto& [name, xs] : fa) {
    auto it = fb.find(name);
    if (it == fb.end()) continue;
    std::string reason;
    for (const FieldRef& x : xs) {
      for (const FieldRef& y : it->second) {
        if (reason.empty()) reason = conflict(exclusive, x, y, depth + 1);
      }
    }
    if (!reason.empty()) out += (out.empty() ? "" : " and ") + ("subfields \"" + name + "\" conflict because " + reason);
  }
  return out;
}

void OverlappingFields::check(const SelectionSet& set) {
  if (set.empty()) return;
  std::map<std::string, std::vector<FieldRef>> fields;
  std::set<std::string> visited;
  collect(nullptr, set, fields, visited, 0);
  for (const auto& [name, refs] : fields) {
    for (size_t i = 0; i < refs.size(); ++i) {
      for (size_t j = i + 1; j < refs.size(); ++j) {
        if (refs[i].field == refs[j].field) continue;
        std::string r = conflict(false, refs[i], refs[j], 0);
        if (!r.empty()) {
          add_("Fields \"" + name + "\" conflict because " + r +
                   ". Use different aliases on the fields to fetch both if this was intentional.",
               refs[j].field->pos);
        }
      }
    }
  }
}

}  // namespace arcane::stdlib::graphql
