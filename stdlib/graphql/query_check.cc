// Query validation (see query_check.h). The walker visits children before it reports a
// node to the rules, as gqlparser's does; each on_* event runs the rules that observe it
// in gqlparser's registration order.
#include "stdlib/graphql/query_check.h"

#include "stdlib/graphql/overlapping_fields.h"
#include "stdlib/graphql/suggestions.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <tuple>

namespace arcane::stdlib::graphql {

namespace {

bool type_compatible(const Type* t, const Type* other) {
  if (t == nullptr || other == nullptr) return t == other;
  if (t->named_type != other->named_type) return false;
  if (t->elem && !other->elem) return false;
  if (t->elem && !type_compatible(t->elem.get(), other->elem.get())) return false;
  if (other->non_null) return t->non_null;
  return true;
}

const ArgumentDefinition* find_arg(const ArgumentDefinitionList& list, const std::string& name) {
  for (const auto& a : list) {
    if (a && a->name == name) return a.get();
  }
  return nullptr;
}

class Validator {
 public:
  Validator(const Schema& s, QueryDocument& doc) : s_(s), doc_(doc) {}

  std::vector<Error> run() {
    for (auto& op : doc_.operations) {
      validated_spreads_.clear();
      walk_operation(*op);
    }
    for (auto& f : doc_.fragments) {
      validated_spreads_.clear();
      walk_fragment(*f);
    }
    return std::move(errs_);
  }

 private:
  void add(std::string message, const Position& pos) { errs_.push_back(Error{std::move(message), pos}); }
  DefinitionPtr type_ptr(const std::string& name) const {
    auto it = s_.types.find(name);
    return it == s_.types.end() ? nullptr : it->second;
  }
  static TypePtr safe(TypePtr& t) {
    if (!t) t = std::make_shared<Type>();
    return t;
  }
  FragmentDefinition* fragment(const std::string& name) const {
    for (const auto& f : doc_.fragments) {
      if (f->name == name) return f.get();
    }
    return nullptr;
  }
  std::shared_ptr<FragmentDefinition> fragment_ptr(const std::string& name) const {
    for (const auto& f : doc_.fragments) {
      if (f->name == name) return f;
    }
    return nullptr;
  }

  // ---- the walker ----

  void walk_operation(OperationDefinition& op) {
    current_ = &op;
    for (auto& vd : op.variable_definitions) {
      vd->definition = type_ptr(safe(vd->type)->name());
      on_variable(*vd);
      if (vd->default_value) {
        vd->default_value->expected_type = vd->type;
        vd->default_value->definition = type_ptr(vd->type->name());
      }
    }
    DefinitionPtr def;
    std::string loc;
    if (op.operation == "query" || op.operation.empty()) def = s_.query, loc = "QUERY";
    else if (op.operation == "mutation") def = s_.mutation, loc = "MUTATION";
    else if (op.operation == "subscription") def = s_.subscription, loc = "SUBSCRIPTION";
    for (auto& vd : op.variable_definitions) {
      if (vd->default_value) walk_value(*vd->default_value, 0);
      walk_directives(vd->definition, vd->directives, "VARIABLE_DEFINITION");
    }
    walk_directives(def, op.directives, loc);
    walk_selection_set(def, op.selection_set, 0);
    on_operation(op);
    current_ = nullptr;
  }

  void walk_fragment(FragmentDefinition& f) {
    DefinitionPtr def = type_ptr(f.type_condition);
    f.definition = def;
    walk_directives(def, f.directives, "FRAGMENT_DEFINITION");
    walk_selection_set(def, f.selection_set, 0);
    on_fragment(f);
  }

  void walk_directives(const DefinitionPtr& parent, DirectiveList& dirs, const std::string& location) {
    for (auto& dir : dirs) {
      auto it = s_.directives.find(dir->name);
      dir->definition = it == s_.directives.end() ? nullptr : it->second;
      dir->parent_definition = parent;
      dir->location = location;
      for (auto& arg : dir->arguments) {
        const ArgumentDefinition* ad = dir->definition ? find_arg(dir->definition->arguments, arg->name) : nullptr;
        walk_argument(ad, *arg);
      }
      on_directive(*dir);
    }
    on_directive_list(dirs);
  }

  void walk_argument(const ArgumentDefinition* ad, Argument& arg) {
    if (!arg.value) return;
    if (ad != nullptr && ad->type) {
      arg.value->expected_type = ad->type;
      arg.value->expected_type_has_default =
          ad->default_value && ad->default_value->value_kind() != ValueKind::kNull;
      arg.value->definition = type_ptr(ad->type->name());
    }
    walk_value(*arg.value, 0);
  }

  void walk_value(Value& v, int depth) {
    if (depth > kMaxDepth) return;
    if (v.value_kind() == ValueKind::kVariable && current_ != nullptr) {
      v.variable_definition = nullptr;
      for (auto& vd : current_->variable_definitions) {
        if (vd->variable == v.raw && !v.variable_definition) v.variable_definition = vd;
      }
      if (v.variable_definition) v.variable_definition->used = true;
    }
    if (v.value_kind() == ValueKind::kObject) {
      for (auto& c : v.children) {
        if (!c.value) continue;
        if (v.definition) {
          if (const FieldDefinition* fd = v.definition->field(c.name); fd != nullptr && fd->type) {
            c.value->expected_type = fd->type;
            c.value->definition = type_ptr(fd->type->name());
          }
        }
        walk_value(*c.value, depth + 1);
      }
    }
    if (v.value_kind() == ValueKind::kList) {
      for (auto& c : v.children) {
        if (!c.value) continue;
        if (v.expected_type && v.expected_type->elem) {
          c.value->expected_type = v.expected_type->elem;
          c.value->definition = v.definition;
        }
        walk_value(*c.value, depth + 1);
      }
    }
    on_value(v);
  }

  void walk_selection_set(const DefinitionPtr& parent, SelectionSet& set, int depth) {
    if (depth > kMaxDepth) return;
    for (auto& sel : set) walk_selection(parent, *sel, depth);
  }

  void walk_selection(const DefinitionPtr& parent, Selection& sel, int depth) {
    switch (sel.kind) {
      case SelectionKind::kField: {
        std::shared_ptr<FieldDefinition> def;
        if (sel.name == "__typename") {
          def = std::make_shared<FieldDefinition>();
          def->name = "__typename";
          def->type = std::make_shared<Type>(Type{"String", nullptr, false, {}});
        } else if (parent) {
          for (const auto& f : parent->fields) {
            if (f && f->name == sel.name && !def) def = f;
          }
        }
        sel.field_definition = def;
        sel.object_definition = parent;
        DefinitionPtr next = def && def->type ? type_ptr(def->type->name()) : nullptr;
        for (auto& arg : sel.arguments) walk_argument(def ? find_arg(def->arguments, arg->name) : nullptr, *arg);
        walk_directives(next, sel.directives, "FIELD");
        walk_selection_set(next, sel.selection_set, depth + 1);
        on_field(sel);
        break;
      }
      case SelectionKind::kInlineFragment: {
        sel.object_definition = parent;
        DefinitionPtr next = sel.type_condition.empty() ? parent : type_ptr(sel.type_condition);
        walk_directives(next, sel.directives, "INLINE_FRAGMENT");
        walk_selection_set(next, sel.selection_set, depth + 1);
        on_inline_fragment(sel);
        break;
      }
      case SelectionKind::kFragmentSpread: {
        auto def = fragment_ptr(sel.name);
        sel.fragment_definition = def;
        sel.object_definition = parent;
        DefinitionPtr next = def ? type_ptr(def->type_condition) : nullptr;
        walk_directives(next, sel.directives, "FRAGMENT_SPREAD");
        if (def && validated_spreads_.insert(def->name).second) walk_selection_set(next, def->selection_set, depth + 1);
        on_fragment_spread(sel);
        break;
      }
    }
  }

  // ---- events: the rules, in gqlparser's order ----

  void on_field(Selection& f) {
    fields_on_correct_type(f);
    if (f.field_definition && f.object_definition) {
      for (auto& arg : f.arguments) {
        if (find_arg(f.field_definition->arguments, arg->name) != nullptr) continue;
        std::vector<std::string> names;
        for (const auto& a : f.field_definition->arguments) names.push_back(a->name);
        add("Unknown argument \"" + arg->name + "\" on field \"" + f.object_definition->name + "." + f.name + "\"." +
                suggest("Did you mean", arg->name, names),
            f.pos);
      }
    }
    overlapping(f.selection_set);
    if (f.field_definition) {
      for (const auto& ad : f.field_definition->arguments) {
        if (!ad->type || !ad->type->non_null || ad->default_value) continue;
        bool given = std::any_of(f.arguments.begin(), f.arguments.end(), [&](auto& a) { return a->name == ad->name; });
        if (!given) {
          add("Field \"" + f.name + "\" argument \"" + ad->name + "\" of type \"" + ad->type->str() +
                  "\" is required, but it was not provided.",
              f.pos);
        }
      }
      if (const Definition* ft = f.field_definition->type ? s_.type(f.field_definition->type->name()) : nullptr) {
        if (ft->is_leaf() && !f.selection_set.empty()) {
          add("Field \"" + f.name + "\" must not have a selection since type \"" + ft->name + "\" has no subfields.",
              f.pos);
        }
        if (!ft->is_leaf() && f.selection_set.empty()) {
          add("Field \"" + f.name + "\" of type \"" + f.field_definition->type->str() +
                  "\" must have a selection of subfields. Did you mean \"" + f.name + " { ... }\"?",
              f.pos);
        }
      }
    }
    unique_arguments(f.arguments);
  }

  void fields_on_correct_type(Selection& f) {
    if (!f.object_definition || f.field_definition) return;
    const Definition& parent = *f.object_definition;
    std::string message = "Cannot query field \"" + f.name + "\" on type \"" + parent.name + "\".";
    std::vector<std::string> types;
    if (parent.is_abstract()) {
      std::vector<std::string> objects, interfaces;
      std::map<std::string, int> usage;
      for (const auto& pt : s_.possible(parent)) {
        if (!pt || pt->field(f.name) == nullptr) continue;
        objects.push_back(pt->name);
        for (const std::string& intf : pt->interfaces) {
          const Definition* id = s_.type(intf);
          if (id != nullptr && id->field(f.name) != nullptr) {
            if (usage[intf]++ == 0) interfaces.push_back(intf);
          }
        }
      }
      types = interfaces;
      types.insert(types.end(), objects.begin(), objects.end());
      std::stable_sort(types.begin(), types.end(), [&](const std::string& a, const std::string& b) {
        int diff = usage[b] - usage[a];
        if (diff != 0) return diff < 0;
        return a < b;
      });
    }
    if (!types.empty()) {
      message += " Did you mean to use an inline fragment on " + quoted_or_list(types) + "?";
    } else if (parent.kind == "OBJECT" || parent.kind == "INTERFACE") {
      std::vector<std::string> names;
      for (const auto& fd : parent.fields) names.push_back(fd->name);
      std::vector<std::string> s = suggestion_list(f.name, names);
      if (!s.empty()) message += " Did you mean " + quoted_or_list(s) + "?";
    }
    add(message, f.pos);
  }

  void unique_arguments(const ArgumentList& args) {
    std::set<std::string> seen;
    for (const auto& a : args) {
      if (!seen.insert(a->name).second) add("There can be only one argument named \"" + a->name + "\".", a->pos);
    }
  }

  void on_inline_fragment(Selection& f) {
    const Definition* t = s_.type(f.type_condition);
    if (t != nullptr && !t->is_composite()) {
      add("Fragment cannot condition on non composite type \"" + f.type_condition + "\".", f.pos);
    }
    if (!f.type_condition.empty() && t == nullptr) add("Unknown type \"" + f.type_condition + "\".", f.pos);
    overlapping(f.selection_set);
    if (f.object_definition) {
      possible_spread(*f.object_definition, f.type_condition, [&] {
        add("Fragment cannot be spread here as objects of type \"" + f.object_definition->name +
                "\" can never be of type \"" + f.type_condition + "\".",
            f.pos);
      });
    }
  }

  void on_fragment(FragmentDefinition& f) {
    if (f.definition && !f.type_condition.empty() && !f.definition->is_composite()) {
      add("Fragment \"" + f.name + "\" cannot condition on non composite type \"" + f.type_condition + "\".", f.pos);
    }
    if (s_.type(f.type_condition) == nullptr) {
      std::vector<std::string> names;
      for (const auto& [n, d] : s_.types) names.push_back(d->name);
      add("Unknown type \"" + f.type_condition + "\"." + suggest("Did you mean", f.type_condition, names), f.pos);
    }
    detect_cycles(f);
    in_fragment_definition_ = true;
    if (used_fragments_.count(f.name) == 0) add("Fragment \"" + f.name + "\" is never used.", f.pos);
    overlapping(f.selection_set);
    if (!fragment_names_.insert(f.name).second) add("There can be only one fragment named \"" + f.name + "\".", f.pos);
  }

  void on_fragment_spread(Selection& s) {
    if (!s.fragment_definition) add("Unknown fragment \"" + s.name + "\".", s.pos);
    if (!in_fragment_definition_) used_fragments_.insert(s.name);
    if (s.fragment_definition && s.object_definition) {
      possible_spread(*s.object_definition, s.fragment_definition->type_condition, [&] {
        add("Fragment \"" + s.name + "\" cannot be spread here as objects of type \"" + s.object_definition->name +
                "\" can never be of type \"" + s.fragment_definition->type_condition + "\".",
            s.pos);
      });
    }
  }

  void possible_spread(const Definition& parent, const std::string& fragment_type, const std::function<void()>& emit) {
    std::vector<const Definition*> parents;
    if (parent.kind == "OBJECT") {
      parents.push_back(&parent);
    } else if (parent.kind == "INTERFACE" || parent.kind == "UNION") {
      for (const auto& p : s_.possible(parent)) parents.push_back(p.get());
    } else {
      return;
    }
    const Definition* ft = s_.type(fragment_type);
    if (ft == nullptr || !ft->is_composite()) return;
    for (const auto& fd : s_.possible(*ft)) {
      for (const Definition* p : parents) {
        if (p != nullptr && fd && p->name == fd->name) return;
      }
    }
    emit();
  }

  void on_directive(Directive& d) {
    if (d.definition) {
      for (auto& arg : d.arguments) {
        if (find_arg(d.definition->arguments, arg->name) != nullptr) continue;
        std::vector<std::string> names;
        for (const auto& a : d.definition->arguments) names.push_back(a->name);
        add("Unknown argument \"" + arg->name + "\" on directive \"@" + d.name + "\"." +
                suggest("Did you mean", arg->name, names),
            d.pos);
      }
    }
    if (!d.definition) {
      add("Unknown directive \"@" + d.name + "\".", d.pos);
    } else {
      const auto& locs = d.definition->locations;
      if (std::find(locs.begin(), locs.end(), d.location) == locs.end() &&
          misplaced_.insert({d.name, d.pos.line, d.pos.column}).second) {
        add("Directive \"@" + d.name + "\" may not be used on " + d.location + ".", d.pos);
      }
    }
    if (d.definition) {
      for (const auto& ad : d.definition->arguments) {
        if (!ad->type || !ad->type->non_null || ad->default_value) continue;
        bool given = std::any_of(d.arguments.begin(), d.arguments.end(), [&](auto& a) { return a->name == ad->name; });
        if (!given) {
          add("Directive \"@" + d.definition->name + "\" argument \"" + ad->name + "\" of type \"" + ad->type->str() +
                  "\" is required, but it was not provided.",
              d.pos);
        }
      }
    }
    unique_arguments(d.arguments);
  }

  void on_directive_list(const DirectiveList& dirs) {
    std::set<std::string> seen;
    for (const auto& d : dirs) {
      bool repeatable = d->name == "repeatable" || (d->definition && d->definition->is_repeatable);
      if (!repeatable && seen.count(d->name) != 0) {
        add("The directive \"@" + d->name + "\" can only be used once at this location.", d->pos);
      }
      seen.insert(d->name);
    }
  }

  void on_variable(VariableDefinition& vd) {
    std::string name = vd.type->name();
    if (s_.type(name) == nullptr) add("Unknown type \"" + name + "\".", vd.pos);
  }

  void on_operation(OperationDefinition& op) {
    bool known_op = op.operation == "query" || op.operation.empty() || op.operation == "mutation" ||
                    op.operation == "subscription";
    DefinitionPtr root = op.operation == "mutation"       ? s_.mutation
                         : op.operation == "subscription" ? s_.subscription
                                                          : s_.query;
    if (!known_op || !root) add("Schema does not support operation type \"" + op.operation + "\"", op.pos);
    if (op.name.empty() && doc_.operations.size() > 1) {
      add("This anonymous operation must be the only defined operation.", op.pos);
    }
    for (const auto& vd : op.variable_definitions) {
      if (vd->used) continue;
      if (!op.name.empty()) {
        add("Variable \"$" + vd->variable + "\" is never used in operation \"" + op.name + "\".", vd->pos);
      } else {
        add("Variable \"$" + vd->variable + "\" is never used.", vd->pos);
      }
    }
    overlapping(op.selection_set);
    if (op.operation == "subscription") single_field_subscription(op);
    if (!operation_names_.insert(op.name).second) {
      add("There can be only one operation named \"" + op.name + "\".", op.pos);
    }
    std::map<std::string, int> seen;
    for (const auto& vd : op.variable_definitions) {
      if (++seen[vd->variable] == 2) add("There can be only one variable named \"$" + vd->variable + "\".", vd->pos);
    }
    for (const auto& vd : op.variable_definitions) {
      const Definition* t = s_.type(vd->type->name());
      if (t != nullptr && !t->is_input()) {
        add("Variable \"$" + vd->variable + "\" cannot be non-input type \"" + vd->type->str() + "\".", vd->pos);
      }
    }
  }

  void single_field_subscription(OperationDefinition& op) {
    std::vector<const Selection*> fields;
    std::set<std::string> visited;
    std::function<void(const SelectionSet&, int)> walk = [&](const SelectionSet& set, int depth) {
      if (depth > kMaxDepth) return;
      for (const auto& s : set) {
        if (s->kind == SelectionKind::kField) {
          fields.push_back(s.get());
        } else if (s->kind == SelectionKind::kFragmentSpread) {
          if (!s->fragment_definition) return;
          if (visited.insert(s->fragment_definition->name).second) walk(s->fragment_definition->selection_set, depth + 1);
        } else {
          walk(s->selection_set, depth + 1);
        }
      }
    };
    walk(op.selection_set, 0);
    std::string name = op.name.empty() ? "Anonymous Subscription" : "Subscription \"" + op.name + "\"";
    if (fields.size() > 1) add(name + " must select only one top level field.", fields[1]->pos);
    for (const Selection* f : fields) {
      if (f->name.rfind("__", 0) == 0) add(name + " must not select an introspection top level field.", f->pos);
    }
  }

  void on_value(Value& v) {
    if (current_ != nullptr && v.value_kind() == ValueKind::kVariable && !v.variable_definition) {
      if (!current_->name.empty()) {
        add("Variable \"" + v.str() + "\" is not defined by operation \"" + current_->name + "\".", v.pos);
      } else {
        add("Variable \"" + v.str() + "\" is not defined.", v.pos);
      }
    }
    if (v.value_kind() == ValueKind::kObject) {
      std::set<std::string> seen;
      for (const auto& c : v.children) {
        if (!seen.insert(c.name).second) add("There can be only one input field named \"" + c.name + "\".", c.pos);
      }
    }
    values_of_correct_type(v);
    if (v.value_kind() == ValueKind::kVariable && v.expected_type && v.variable_definition && current_ != nullptr) {
      Type tmp = *v.expected_type;
      const auto& dv = v.variable_definition->default_value;
      if (dv && dv->value_kind() != ValueKind::kNull && v.expected_type->non_null) tmp.non_null = false;
      if (v.expected_type_has_default) tmp.non_null = false;
      if (!type_compatible(v.variable_definition->type.get(), &tmp)) {
        add("Variable \"" + v.str() + "\" of type \"" + v.variable_definition->type->str() +
                "\" used in position expecting type \"" + v.expected_type->str() + "\".",
            v.pos);
      }
    }
  }

  std::string unexpected_type(const Value& v) const {
    std::string t = v.expected_type->str();
    std::string s = v.str();
    if (t == "Int" || t == "Int!") {
      bool range = false;
      if (v.value_kind() == ValueKind::kInt) {
        errno = 0;
        char* end = nullptr;
        long long n = std::strtoll(v.raw.c_str(), &end, 10);
        range = errno == ERANGE || n > INT32_MAX || n < INT32_MIN;
      }
      if (range) return "Int cannot represent non 32-bit signed integer value: " + s;
      return "Int cannot represent non-integer value: " + s;
    }
    if (t == "String" || t == "String!" || t == "[String]") return "String cannot represent a non string value: " + s;
    if (t == "Boolean" || t == "Boolean!") return "Boolean cannot represent a non boolean value: " + s;
    if (t == "Float" || t == "Float!") return "Float cannot represent non numeric value: " + s;
    if (t == "ID" || t == "ID!") return "ID cannot represent a non-string and non-integer value: " + s;
    if (v.definition && v.definition->kind == "ENUM") return "Enum \"" + t + "\" cannot represent non-enum value: " + s + ".";
    return "Expected value of type \"" + t + "\", found " + s + ".";
  }

  // gqlparser's Value.Value(nil) fails on an Int beyond int64 or a Float beyond double.
  static bool raw_value_error(const Value& v, int depth) {
    if (depth > kMaxDepth) return false;
    errno = 0;
    if (v.value_kind() == ValueKind::kInt) {
      (void)std::strtoll(v.raw.c_str(), nullptr, 10);
      return errno == ERANGE;
    }
    if (v.value_kind() == ValueKind::kFloat) {
      double d = std::strtod(v.raw.c_str(), nullptr);
      return errno == ERANGE && std::isinf(d);
    }
    if (v.value_kind() == ValueKind::kList || v.value_kind() == ValueKind::kObject) {
      for (const auto& c : v.children) {
        if (c.value && raw_value_error(*c.value, depth + 1)) return true;
      }
    }
    return false;
  }

  void values_of_correct_type(Value& v) {
    if (!v.definition || !v.expected_type) return;
    const Definition& def = *v.definition;
    ValueKind k = v.value_kind();
    if (k == ValueKind::kNull && v.expected_type->non_null) {
      add("Expected value of type \"" + v.expected_type->str() + "\", found " + v.str() + ".", v.pos);
    }
    if (def.kind == "SCALAR" && def.name != "Int" && def.name != "Float" && def.name != "String" &&
        def.name != "Boolean" && def.name != "ID") {
      return;
    }
    if (raw_value_error(v, 0)) add(unexpected_type(v), v.pos);
    std::vector<std::string> enums;
    if (def.kind == "ENUM") {
      for (const auto& e : def.enum_values) enums.push_back(e->name);
    }
    auto one_of = [&](std::initializer_list<const char*> names) {
      for (const char* n : names) {
        if (def.name == n) return true;
      }
      return false;
    };
    switch (k) {
      case ValueKind::kNull: return;
      case ValueKind::kList:
        if (!v.expected_type->elem) add(unexpected_type(v) , v.pos);
        return;
      case ValueKind::kInt:
        if (!one_of({"Int", "Float", "ID"})) add(unexpected_type(v), v.pos);
        return;
      case ValueKind::kFloat:
        if (!one_of({"Float"})) add(unexpected_type(v), v.pos);
        return;
      case ValueKind::kString:
      case ValueKind::kBlock:
        if (def.kind == "ENUM") {
          add("Enum \"" + v.expected_type->str() + "\" cannot represent non-enum value: " + v.str() + "." +
                  suggest("Did you mean the enum value", v.raw, enums),
              v.pos);
        } else if (!one_of({"String", "ID"})) {
          add(unexpected_type(v), v.pos);
        }
        return;
      case ValueKind::kEnum:
        if (def.kind != "ENUM") {
          std::string m = unexpected_type(v);
          std::vector<std::string> s = suggestion_list(v.raw, enums);
          if (!s.empty()) {
            m += " Did you mean the enum value ";
            for (size_t i = 0; i < s.size() && i < 5; ++i) m += (i ? (i + 1 == s.size() ? " or " : ", ") : "") + s[i];
            m += "?";
          }
          add(m, v.pos);
        } else if (std::find(enums.begin(), enums.end(), v.raw) == enums.end()) {
          add("Value \"" + v.str() + "\" does not exist in \"" + v.expected_type->str() + "\" enum." +
                  suggest("Did you mean the enum value", v.raw, enums),
              v.pos);
        }
        return;
      case ValueKind::kBoolean:
        if (!one_of({"Boolean"})) add(unexpected_type(v), v.pos);
        return;
      case ValueKind::kObject: {
        for (const auto& f : def.fields) {
          if (!f->type || !f->type->non_null) continue;
          bool present = std::any_of(v.children.begin(), v.children.end(), [&](auto& c) { return c.name == f->name; });
          if (!present && !f->default_value) {
            add("Field \"" + def.name + "." + f->name + "\" of required type \"" + f->type->str() +
                    "\" was not provided.",
                v.pos);
          }
        }
        for (const auto& c : v.children) {
          if (def.field(c.name) != nullptr) continue;
          std::vector<std::string> names;
          for (const auto& f : def.fields) names.push_back(f->name);
          add("Field \"" + c.name + "\" is not defined by type \"" + def.name + "\"." + suggest("Did you mean", c.name, names),
              c.pos);
        }
        return;
      }
      default: return;
    }
  }

  void overlapping(const SelectionSet& set) {
    OverlappingFields(s_, doc_, [this](std::string m, const Position& p) { add(std::move(m), p); }).check(set);
  }

  // ---- NoFragmentCycles ----
  void spreads_of(const SelectionSet& set, std::vector<const Selection*>& out, int depth) {
    if (depth > kMaxDepth) return;
    for (const auto& s : set) {
      if (s->kind == SelectionKind::kFragmentSpread) out.push_back(s.get());
      else spreads_of(s->selection_set, out, depth + 1);
    }
  }

  void detect_cycles(const FragmentDefinition& f) {
    if (!visited_frags_.insert(f.name).second) return;
    std::vector<const Selection*> spreads;
    spreads_of(f.selection_set, spreads, 0);
    if (spreads.empty()) return;
    spread_index_[f.name] = spread_path_.size();
    for (const Selection* s : spreads) {
      auto it = spread_index_.find(s->name);
      spread_path_.push_back(s);
      if (it == spread_index_.end()) {
        if (const FragmentDefinition* next = fragment(s->name); next != nullptr && spread_path_.size() < kMaxDepth) {
          detect_cycles(*next);
        }
      } else {
        std::string via;
        for (size_t i = it->second; i + 1 < spread_path_.size(); ++i) {
          via += (via.empty() ? " via " : ", ") + ("\"" + spread_path_[i]->name + "\"");
        }
        add("Cannot spread fragment \"" + s->name + "\" within itself" + via + ".", s->pos);
      }
      spread_path_.pop_back();
    }
    spread_index_.erase(f.name);
  }

  const Schema& s_;
  QueryDocument& doc_;
  std::vector<Error> errs_;
  OperationDefinition* current_ = nullptr;
  std::set<std::string> validated_spreads_;
  bool in_fragment_definition_ = false;
  std::set<std::string> used_fragments_, fragment_names_, operation_names_, visited_frags_;
  std::set<std::tuple<std::string, int, int>> misplaced_;
  std::vector<const Selection*> spread_path_;
  std::map<std::string, size_t> spread_index_;
};

}  // namespace

std::vector<Error> validate_query(const Schema& schema, QueryDocument& doc) {
  return Validator(schema, doc).run();
}

}  // namespace arcane::stdlib::graphql
