// GraphQL AST <-> Rego values (see ast_value.h).
#include "stdlib/graphql/ast_value.h"

#include <functional>
#include <initializer_list>

#include "runtime/value_builder.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::graphql {

namespace {

using RV = runtime::Value;

// ---- to values: Go's json.Marshal of the structs, then OPA's pruning ----

RV str(const std::string& s) {
  return RV::from_string(s);
}

class Obj {
 public:
  Obj& add(std::string_view key, RV v) {
    b_.insert(key, std::move(v));
    return *this;
  }
  RV build() { return b_.build(); }

 private:
  runtime::ObjectBuilder b_;
};

template <class T, class F>
RV ptr(const std::shared_ptr<T>& p, F emit) {
  return p ? emit(*p) : RV::null();
}

template <class T, class F>
RV list(const std::vector<std::shared_ptr<T>>& xs, F emit) {
  runtime::ArrayBuilder a(xs.size());
  for (const auto& x : xs) a.push_back(x ? emit(*x) : RV::null());
  return a.build();
}

RV strings(const std::vector<std::string>& xs) {
  runtime::ArrayBuilder a(xs.size());
  for (const auto& x : xs) a.push_back(str(x));
  return a.build();
}

RV emit_type(const Type& t) {
  return Obj().add("NamedType", str(t.named_type)).add("Elem", ptr(t.elem, emit_type)).add("NonNull", RV::boolean(t.non_null)).build();
}

RV emit_definition(const Definition& d);
RV emit_variable_definition(const VariableDefinition& d);
RV emit_field_definition(const FieldDefinition& d);
RV emit_directive_definition(const DirectiveDefinition& d);
RV emit_fragment_definition(const FragmentDefinition& d);

RV emit_value(const Value& v) {
  runtime::ArrayBuilder children(v.children.size());
  for (const ChildValue& c : v.children) {
    children.push_back(Obj().add("Name", str(c.name)).add("Value", ptr(c.value, emit_value)).build());
  }
  return Obj()
      .add("Raw", str(v.raw))
      .add("Children", children.build())
      .add("Kind", RV::integer(v.kind))
      .add("Definition", ptr(v.definition, emit_definition))
      .add("VariableDefinition", ptr(v.variable_definition, emit_variable_definition))
      .add("ExpectedType", ptr(v.expected_type, emit_type))
      .add("ExpectedTypeHasDefault", RV::boolean(v.expected_type_has_default))
      .build();
}

RV emit_argument(const Argument& a) {
  return Obj().add("Name", str(a.name)).add("Value", ptr(a.value, emit_value)).build();
}

RV emit_directive(const Directive& d) {
  return Obj()
      .add("Name", str(d.name))
      .add("Arguments", list(d.arguments, emit_argument))
      .add("ParentDefinition", ptr(d.parent_definition, emit_definition))
      .add("Definition", ptr(d.definition, emit_directive_definition))
      .add("Location", str(d.location))
      .build();
}

RV emit_variable_definition(const VariableDefinition& d) {
  return Obj()
      .add("Variable", str(d.variable))
      .add("Type", ptr(d.type, emit_type))
      .add("DefaultValue", ptr(d.default_value, emit_value))
      .add("Directives", list(d.directives, emit_directive))
      .add("Definition", ptr(d.definition, emit_definition))
      .add("Used", RV::boolean(d.used))
      .build();
}

RV emit_selection(const Selection& s) {
  auto set = [](const SelectionSet& ss) { return list(ss, emit_selection); };
  Obj o;
  o.add("Directives", list(s.directives, emit_directive)).add("ObjectDefinition", ptr(s.object_definition, emit_definition));
  switch (s.kind) {
    case SelectionKind::kField:
      o.add("Alias", str(s.alias))
          .add("Name", str(s.name))
          .add("Arguments", list(s.arguments, emit_argument))
          .add("SelectionSet", set(s.selection_set))
          .add("Definition", ptr(s.field_definition, emit_field_definition));
      break;
    case SelectionKind::kFragmentSpread:
      o.add("Name", str(s.name)).add("Definition", ptr(s.fragment_definition, emit_fragment_definition));
      break;
    case SelectionKind::kInlineFragment:
      o.add("TypeCondition", str(s.type_condition)).add("SelectionSet", set(s.selection_set));
      break;
  }
  return o.build();
}

RV emit_fragment_definition(const FragmentDefinition& f) {
  return Obj()
      .add("Name", str(f.name))
      .add("VariableDefinition", list(f.variable_definition, emit_variable_definition))
      .add("TypeCondition", str(f.type_condition))
      .add("Directives", list(f.directives, emit_directive))
      .add("SelectionSet", list(f.selection_set, emit_selection))
      .add("Definition", ptr(f.definition, emit_definition))
      .build();
}

RV emit_operation(const OperationDefinition& op) {
  return Obj()
      .add("Operation", str(op.operation))
      .add("Name", str(op.name))
      .add("VariableDefinitions", list(op.variable_definitions, emit_variable_definition))
      .add("Directives", list(op.directives, emit_directive))
      .add("SelectionSet", list(op.selection_set, emit_selection))
      .build();
}

RV emit_argument_definition(const ArgumentDefinition& a) {
  return Obj()
      .add("Description", str(a.description))
      .add("Name", str(a.name))
      .add("DefaultValue", ptr(a.default_value, emit_value))
      .add("Type", ptr(a.type, emit_type))
      .add("Directives", list(a.directives, emit_directive))
      .build();
}

RV emit_field_definition(const FieldDefinition& f) {
  return Obj()
      .add("Description", str(f.description))
      .add("Name", str(f.name))
      .add("Arguments", list(f.arguments, emit_argument_definition))
      .add("DefaultValue", ptr(f.default_value, emit_value))
      .add("Type", ptr(f.type, emit_type))
      .add("Directives", list(f.directives, emit_directive))
      .build();
}

RV emit_enum_value(const EnumValueDefinition& e) {
  return Obj()
      .add("Description", str(e.description))
      .add("Name", str(e.name))
      .add("Directives", list(e.directives, emit_directive))
      .build();
}

RV emit_definition(const Definition& d) {
  return Obj()
      .add("Kind", str(d.kind))
      .add("Description", str(d.description))
      .add("Name", str(d.name))
      .add("Directives", list(d.directives, emit_directive))
      .add("Interfaces", strings(d.interfaces))
      .add("Fields", list(d.fields, emit_field_definition))
      .add("Types", strings(d.types))
      .add("EnumValues", list(d.enum_values, emit_enum_value))
      .add("BuiltIn", RV::boolean(d.built_in))
      .build();
}

RV emit_directive_definition(const DirectiveDefinition& d) {
  return Obj()
      .add("Description", str(d.description))
      .add("Name", str(d.name))
      .add("Arguments", list(d.arguments, emit_argument_definition))
      .add("Locations", strings(d.locations))
      .add("IsRepeatable", RV::boolean(d.is_repeatable))
      .build();
}

RV emit_operation_type(const OperationTypeDefinition& o) {
  return Obj().add("Operation", str(o.operation)).add("Type", str(o.type)).build();
}

RV emit_schema_definition(const SchemaDefinition& s) {
  return Obj()
      .add("Description", str(s.description))
      .add("Directives", list(s.directives, emit_directive))
      .add("OperationTypes", list(s.operation_types, emit_operation_type))
      .build();
}

bool empty_composite(const RV& v) {
  return (v.is_array() || v.is_object()) && v.size() == 0;
}

// OPA's pruneIrrelevantGraphQLASTNodes.
RV prune(const RV& v) {
  if (v.is_array()) {
    runtime::ArrayBuilder a(v.size());
    for (const RV& e : v.elements()) {
      if (e.is_null()) continue;
      RV p = prune(e);
      if (!empty_composite(p)) a.push_back(std::move(p));
    }
    return a.build();
  }
  if (v.is_object()) {
    runtime::ObjectBuilder o(v.size());
    for (auto [k, e] : v.entries()) {
      if (k.is_string() && k.string_view() == "Position") continue;
      if (e.is_null()) continue;
      RV p = prune(e);
      if (!empty_composite(p)) o.insert(k, std::move(p));
    }
    return o.build();
  }
  return v;
}

// ---- from values: Go's encoding/json into the structs ----

const char* json_kind(const RV& v) {
  switch (v.kind()) {
    case runtime::Kind::kNull: return "null";
    case runtime::Kind::kBoolean: return "bool";
    case runtime::Kind::kNumber: return "number";
    case runtime::Kind::kString: return "string";
    case runtime::Kind::kArray: return "array";
    default: return "object";
  }
}

bool fold_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

class Dec {
 public:
  std::optional<std::string> err;

  struct Field {
    const char* name;
    std::function<void(const RV&)> set;
  };

  void fail(const RV& v, std::string_view go_type) {
    if (!err) err = std::string("json: cannot unmarshal ") + json_kind(v) + " into Go value of type " + std::string(go_type);
  }

  // A struct: null leaves it alone; keys are matched exactly, then (unless exact_only)
  // case-insensitively.
  void fields(const RV& v, std::string_view go_type, bool exact_only, std::initializer_list<Field> fs) {
    if (v.is_null()) return;
    if (!v.is_object()) return fail(v, go_type);
    if (++depth_ > kMaxDepth) {
      if (!err) err = "json: exceeded max depth";
      --depth_;
      return;
    }
    for (auto [k, e] : v.entries()) {
      if (!k.is_string()) continue;
      std::string_view key = k.string_view();
      const Field* hit = nullptr;
      for (const Field& f : fs) {
        if (key == f.name) hit = &f;
      }
      if (hit == nullptr && !exact_only) {
        for (const Field& f : fs) {
          if (hit == nullptr && fold_equal(key, f.name)) hit = &f;
        }
      }
      if (hit != nullptr) hit->set(e);
    }
    --depth_;
  }

  auto s(std::string& out) {
    return [this, &out](const RV& v) {
      if (v.is_null()) return;
      if (v.is_string()) out = std::string(v.string_view());
      else fail(v, "string");
    };
  }
  auto b(bool& out) {
    return [this, &out](const RV& v) {
      if (v.is_null()) return;
      if (v.is_boolean()) out = v.as_bool();
      else fail(v, "bool");
    };
  }
  auto i(int& out) {
    return [this, &out](const RV& v) {
      if (v.is_null()) return;
      std::optional<int64_t> n = v.is_number() ? literal_int(v.number()) : std::nullopt;
      if (n && *n >= INT32_MIN && *n <= INT32_MAX) out = static_cast<int>(*n);
      else fail(v, "int");
    };
  }
  auto ss(std::vector<std::string>& out) {
    return [this, &out](const RV& v) {
      if (v.is_null()) return out.clear();
      if (!v.is_array()) return fail(v, "[]string");
      out.clear();
      for (const RV& e : v.elements()) {
        std::string x;
        s(x)(e);
        out.push_back(std::move(x));
      }
    };
  }
  template <class T, class F>
  auto p(std::shared_ptr<T>& out, F decode) {
    return [this, &out, decode](const RV& v) {
      if (v.is_null()) return out.reset();
      if (!out) out = std::make_shared<T>();
      decode(v, *out);
    };
  }
  template <class T, class F>
  auto l(std::vector<std::shared_ptr<T>>& out, F decode) {
    return [this, &out, decode](const RV& v) {
      if (v.is_null()) return out.clear();
      if (!v.is_array()) return fail(v, "[]*ast.Node");
      out.clear();
      for (const RV& e : v.elements()) {
        if (e.is_null()) continue;  // a nil node: gqlparser would crash on it later
        auto x = std::make_shared<T>();
        decode(e, *x);
        out.push_back(std::move(x));
      }
    };
  }
  auto pos(Position& out) {
    return [this, &out](const RV& v) {
      fields(v, "ast.Position", false, {{"Line", i(out.line)}, {"Column", i(out.column)}});
      if (v.is_object()) out.valid = true;
    };
  }

  void type(const RV& v, Type& t) {
    fields(v, "ast.Type", false,
           {{"NamedType", s(t.named_type)},
            {"Elem", p(t.elem, [this](const RV& x, Type& e) { type(x, e); })},
            {"NonNull", b(t.non_null)}});
  }
  void value(const RV& v, Value& x) {
    fields(v, "ast.Value", false,
           {{"Raw", s(x.raw)},
            {"Children", [this, &x](const RV& c) { children(c, x.children); }},
            {"Kind", i(x.kind)},
            {"Definition", p(x.definition, [this](const RV& e, Definition& d) { definition(e, d); })},
            {"VariableDefinition",
             p(x.variable_definition, [this](const RV& e, VariableDefinition& d) { variable_definition(e, d); })},
            {"ExpectedType", p(x.expected_type, [this](const RV& e, Type& t) { type(e, t); })},
            {"ExpectedTypeHasDefault", b(x.expected_type_has_default)}});
  }
  void children(const RV& v, std::vector<ChildValue>& out) {
    if (v.is_null()) return out.clear();
    if (!v.is_array()) return fail(v, "ast.ChildValueList");
    out.clear();
    for (const RV& e : v.elements()) {
      if (e.is_null()) continue;
      ChildValue c;
      fields(e, "ast.ChildValue", false,
             {{"Name", s(c.name)}, {"Value", p(c.value, [this](const RV& x, Value& y) { value(x, y); })}});
      out.push_back(std::move(c));
    }
  }
  void argument(const RV& v, Argument& a) {
    fields(v, "ast.Argument", false,
           {{"Name", s(a.name)}, {"Value", p(a.value, [this](const RV& x, Value& y) { value(x, y); })}});
  }
  auto arguments(ArgumentList& out) {
    return l(out, [this](const RV& x, Argument& a) { argument(x, a); });
  }
  auto directives(DirectiveList& out) {
    return l(out, [this](const RV& x, Directive& d) { directive(x, d); });
  }
  void directive(const RV& v, Directive& d) {
    fields(v, "ast.Directive", false,
           {{"Name", s(d.name)},
            {"Arguments", arguments(d.arguments)},
            {"ParentDefinition", p(d.parent_definition, [this](const RV& e, Definition& x) { definition(e, x); })},
            {"Definition",
             p(d.definition, [this](const RV& e, DirectiveDefinition& x) { directive_definition(e, x); })},
            {"Location", s(d.location)}});
  }
  void variable_definition(const RV& v, VariableDefinition& d) {
    fields(v, "ast.VariableDefinition", false,
           {{"Variable", s(d.variable)},
            {"Type", p(d.type, [this](const RV& e, Type& t) { type(e, t); })},
            {"DefaultValue", p(d.default_value, [this](const RV& e, Value& x) { value(e, x); })},
            {"Directives", directives(d.directives)},
            {"Definition", p(d.definition, [this](const RV& e, Definition& x) { definition(e, x); })},
            {"Used", b(d.used)}});
  }
  auto variable_definitions(VariableDefinitionList& out) {
    return l(out, [this](const RV& x, VariableDefinition& d) { variable_definition(x, d); });
  }

  // gqlparser's UnmarshalSelectionSet: field, else spread, else inline fragment.
  auto selection_set(SelectionSet& out) {
    return [this, &out](const RV& v) {
      if (v.is_null()) return out.clear();
      if (!v.is_array()) return fail(v, "[]json.RawMessage");
      out.clear();
      for (const RV& e : v.elements()) {
        for (SelectionKind k : {SelectionKind::kField, SelectionKind::kFragmentSpread, SelectionKind::kInlineFragment}) {
          Dec sub;
          sub.depth_ = depth_;
          auto sel = std::make_shared<Selection>();
          sel->kind = k;
          sub.selection(e, *sel);
          if (!sub.err) {
            out.push_back(std::move(sel));
            break;
          }
          if (sub.err->rfind("json: exceeded max depth", 0) == 0 && !err) err = sub.err;
        }
      }
    };
  }
  void selection(const RV& v, Selection& x) {
    switch (x.kind) {
      case SelectionKind::kField:
        if (!v.is_object() && !v.is_null()) return fail(v, "map[string]json.RawMessage");
        fields(v, "ast.Field", true,
               {{"Alias", s(x.alias)},
                {"Name", s(x.name)},
                {"Arguments", arguments(x.arguments)},
                {"Directives", directives(x.directives)},
                {"SelectionSet", selection_set(x.selection_set)},
                {"Position", pos(x.pos)},
                {"Definition",
                 p(x.field_definition, [this](const RV& e, FieldDefinition& f) { field_definition(e, f); })},
                {"ObjectDefinition", p(x.object_definition, [this](const RV& e, Definition& d) { definition(e, d); })}});
        return;
      case SelectionKind::kFragmentSpread:
        if (v.is_null()) return;
        fields(v, "ast.FragmentSpread", false,
               {{"Name", s(x.name)},
                {"Directives", directives(x.directives)},
                {"ObjectDefinition", p(x.object_definition, [this](const RV& e, Definition& d) { definition(e, d); })},
                {"Definition",
                 p(x.fragment_definition, [this](const RV& e, FragmentDefinition& f) { fragment_definition(e, f); })}});
        return;
      case SelectionKind::kInlineFragment:
        if (!v.is_object() && !v.is_null()) return fail(v, "map[string]json.RawMessage");
        fields(v, "ast.InlineFragment", true,
               {{"TypeCondition", s(x.type_condition)},
                {"Directives", directives(x.directives)},
                {"SelectionSet", selection_set(x.selection_set)},
                {"ObjectDefinition", p(x.object_definition, [this](const RV& e, Definition& d) { definition(e, d); })},
                {"Position", pos(x.pos)}});
        return;
    }
  }
  void fragment_definition(const RV& v, FragmentDefinition& f) {
    if (!v.is_object() && !v.is_null()) return fail(v, "map[string]json.RawMessage");
    fields(v, "ast.FragmentDefinition", true,
           {{"Name", s(f.name)},
            {"VariableDefinition", variable_definitions(f.variable_definition)},
            {"TypeCondition", s(f.type_condition)},
            {"Directives", directives(f.directives)},
            {"SelectionSet", selection_set(f.selection_set)},
            {"Definition", p(f.definition, [this](const RV& e, Definition& d) { definition(e, d); })},
            {"Position", pos(f.pos)}});
  }
  void operation(const RV& v, OperationDefinition& op) {
    if (!v.is_object() && !v.is_null()) return fail(v, "map[string]json.RawMessage");
    fields(v, "ast.OperationDefinition", true,
           {{"Operation", s(op.operation)},
            {"Name", s(op.name)},
            {"VariableDefinitions", variable_definitions(op.variable_definitions)},
            {"Directives", directives(op.directives)},
            {"SelectionSet", selection_set(op.selection_set)},
            {"Position", pos(op.pos)}});
  }

  void argument_definition(const RV& v, ArgumentDefinition& a) {
    fields(v, "ast.ArgumentDefinition", false,
           {{"Description", s(a.description)},
            {"Name", s(a.name)},
            {"DefaultValue", p(a.default_value, [this](const RV& e, Value& x) { value(e, x); })},
            {"Type", p(a.type, [this](const RV& e, Type& t) { type(e, t); })},
            {"Directives", directives(a.directives)}});
  }
  auto argument_definitions(ArgumentDefinitionList& out) {
    return l(out, [this](const RV& x, ArgumentDefinition& a) { argument_definition(x, a); });
  }
  void field_definition(const RV& v, FieldDefinition& f) {
    fields(v, "ast.FieldDefinition", false,
           {{"Description", s(f.description)},
            {"Name", s(f.name)},
            {"Arguments", argument_definitions(f.arguments)},
            {"DefaultValue", p(f.default_value, [this](const RV& e, Value& x) { value(e, x); })},
            {"Type", p(f.type, [this](const RV& e, Type& t) { type(e, t); })},
            {"Directives", directives(f.directives)}});
  }
  void definition(const RV& v, Definition& d) {
    fields(v, "ast.Definition", false,
           {{"Kind", s(d.kind)},
            {"Description", s(d.description)},
            {"Name", s(d.name)},
            {"Directives", directives(d.directives)},
            {"Interfaces", ss(d.interfaces)},
            {"Fields", l(d.fields, [this](const RV& x, FieldDefinition& f) { field_definition(x, f); })},
            {"Types", ss(d.types)},
            {"EnumValues", l(d.enum_values,
                             [this](const RV& x, EnumValueDefinition& e) {
                               fields(x, "ast.EnumValueDefinition", false,
                                      {{"Description", s(e.description)},
                                       {"Name", s(e.name)},
                                       {"Directives", directives(e.directives)}});
                             })},
            {"BuiltIn", b(d.built_in)}});
  }
  void directive_definition(const RV& v, DirectiveDefinition& d) {
    fields(v, "ast.DirectiveDefinition", false,
           {{"Description", s(d.description)},
            {"Name", s(d.name)},
            {"Arguments", argument_definitions(d.arguments)},
            {"Locations", ss(d.locations)},
            {"IsRepeatable", b(d.is_repeatable)}});
  }
  void schema_definition(const RV& v, SchemaDefinition& d) {
    fields(v, "ast.SchemaDefinition", false,
           {{"Description", s(d.description)},
            {"Directives", directives(d.directives)},
            {"OperationTypes", l(d.operation_types, [this](const RV& x, OperationTypeDefinition& o) {
               fields(x, "ast.OperationTypeDefinition", false, {{"Operation", s(o.operation)}, {"Type", s(o.type)}});
             })}});
  }

 private:
  int depth_ = 0;
};

}  // namespace

RV to_value(const QueryDocument& doc) {
  RV full = Obj()
                .add("Operations", list(doc.operations, emit_operation))
                .add("Fragments", list(doc.fragments, emit_fragment_definition))
                .build();
  return prune(full);
}

RV to_value(const SchemaDocument& doc) {
  RV full = Obj()
                .add("Schema", list(doc.schema, emit_schema_definition))
                .add("SchemaExtension", list(doc.schema_extension, emit_schema_definition))
                .add("Directives", list(doc.directives, emit_directive_definition))
                .add("Definitions", list(doc.definitions, emit_definition))
                .add("Extensions", list(doc.extensions, emit_definition))
                .build();
  return prune(full);
}

std::optional<std::string> from_value(const RV& v, QueryDocument& out) {
  Dec d;
  d.fields(v, "ast.QueryDocument", false,
           {{"Operations", d.l(out.operations, [&d](const RV& x, OperationDefinition& o) { d.operation(x, o); })},
            {"Fragments",
             d.l(out.fragments, [&d](const RV& x, FragmentDefinition& f) { d.fragment_definition(x, f); })}});
  return d.err;
}

std::optional<std::string> from_value(const RV& v, SchemaDocument& out) {
  Dec d;
  auto schema_defs = [&d](std::vector<std::shared_ptr<SchemaDefinition>>& xs) {
    return d.l(xs, [&d](const RV& x, SchemaDefinition& s) { d.schema_definition(x, s); });
  };
  auto defs = [&d](std::vector<DefinitionPtr>& xs) {
    return d.l(xs, [&d](const RV& x, Definition& def) { d.definition(x, def); });
  };
  d.fields(v, "ast.SchemaDocument", false,
           {{"Schema", schema_defs(out.schema)},
            {"SchemaExtension", schema_defs(out.schema_extension)},
            {"Directives",
             d.l(out.directives, [&d](const RV& x, DirectiveDefinition& dd) { d.directive_definition(x, dd); })},
            {"Definitions", defs(out.definitions)},
            {"Extensions", defs(out.extensions)}});
  return d.err;
}

}  // namespace arcane::stdlib::graphql
