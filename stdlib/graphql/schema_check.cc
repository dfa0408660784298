// Schema validation (see schema_check.h); messages are gqlparser's.
#include "stdlib/graphql/schema_check.h"

#include <algorithm>

#include "stdlib/graphql/parser.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::graphql {

namespace {

// gqlparser's prelude, without its descriptions (they never reach a result).
constexpr std::string_view kPrelude = R"(
scalar Int
scalar Float
scalar String
scalar Boolean
scalar ID
directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @deprecated(reason: String = "No longer supported") on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
directive @specifiedBy(url: String!) on SCALAR
directive @defer(if: Boolean = true, label: String) on FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @oneOf on INPUT_OBJECT
type __Schema {
  description: String
  types: [__Type!]!
  queryType: __Type!
  mutationType: __Type
  subscriptionType: __Type
  directives: [__Directive!]!
}
type __Type {
  kind: __TypeKind!
  name: String
  description: String
  fields(includeDeprecated: Boolean = false): [__Field!]
  interfaces: [__Type!]
  possibleTypes: [__Type!]
  enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
  inputFields(includeDeprecated: Boolean = false): [__InputValue!]
  ofType: __Type
  specifiedByURL: String
  isOneOf: Boolean
}
type __Field {
  name: String!
  description: String
  args(includeDeprecated: Boolean = false): [__InputValue!]!
  type: __Type!
  isDeprecated: Boolean!
  deprecationReason: String
}
type __InputValue {
  name: String!
  description: String
  type: __Type!
  defaultValue: String
  isDeprecated: Boolean!
  deprecationReason: String
}
type __EnumValue {
  name: String!
  description: String
  isDeprecated: Boolean!
  deprecationReason: String
}
enum __TypeKind { SCALAR OBJECT INTERFACE UNION ENUM INPUT_OBJECT LIST NON_NULL }
type __Directive {
  name: String!
  description: String
  isRepeatable: Boolean!
  locations: [__DirectiveLocation!]!
  args(includeDeprecated: Boolean = false): [__InputValue!]!
}
enum __DirectiveLocation {
  QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD INLINE_FRAGMENT VARIABLE_DEFINITION
  SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE UNION ENUM ENUM_VALUE INPUT_OBJECT
  INPUT_FIELD_DEFINITION
}
)";

std::string quote(const std::string& s) {
  std::string q;
  append_go_quoted(q, s);
  return q;
}

std::optional<Error> fail(const Position& pos, std::string message) {
  return Error{std::move(message), pos};
}

std::optional<Error> validate_name(const Position& pos, const std::string& name) {
  if (name.rfind("__", 0) == 0) {
    return fail(pos, "Name \"" + name + "\" must not begin with \"__\", which is reserved by GraphQL introspection.");
  }
  return std::nullopt;
}

class Checker {
 public:
  explicit Checker(Schema& s) : s_(s) {}

  std::optional<Error> type_ref(const TypePtr& t) {
    if (!t) return fail({}, "Undefined type .");
    if (s_.type(t->name()) == nullptr) return fail(t->pos, "Undefined type " + t->name() + ".");
    return std::nullopt;
  }

  std::optional<Error> directives(const DirectiveList& dirs, const std::string& location,
                                  const DirectiveDefinition* current) {
    for (const auto& dir : dirs) {
      if (!dir) continue;
      if (auto e = validate_name(dir->pos, dir->name)) return e;
      if (current != nullptr && dir->name == current->name) {
        return fail(dir->pos, "Directive " + current->name + " cannot refer to itself.");
      }
      auto it = s_.directives.find(dir->name);
      if (it == s_.directives.end()) return fail(dir->pos, "Undefined directive " + dir->name + ".");
      const auto& locs = it->second->locations;
      if (std::find(locs.begin(), locs.end(), location) == locs.end()) {
        return fail(dir->pos, "Directive " + dir->name + " is not applicable on " + location + ".");
      }
      dir->definition = it->second;
    }
    return std::nullopt;
  }

  std::optional<Error> args(const ArgumentDefinitionList& list, const DirectiveDefinition* current) {
    for (const auto& arg : list) {
      if (!arg) continue;
      if (auto e = validate_name(arg->pos, arg->name)) return e;
      if (auto e = type_ref(arg->type)) return e;
      const Definition* def = s_.type(arg->type->name());
      if (!def->is_input()) {
        return fail(arg->pos, "cannot use " + arg->type->str() + " as argument " + arg->name + " because " +
                                  def->kind + " is not a valid input type");
      }
      if (auto e = directives(arg->directives, "ARGUMENT_DEFINITION", current)) return e;
    }
    return std::nullopt;
  }

  bool covariant(const Type* required, const Type* actual) {
    if (required == nullptr || actual == nullptr) return required == actual;
    if (required->non_null && !actual->non_null) return false;
    if (!required->named_type.empty()) {
      if (required->named_type == actual->named_type) return true;
      auto it = s_.possible_types.find(required->named_type);
      if (it == s_.possible_types.end()) return false;
      for (const auto& pt : it->second) {
        if (pt && pt->name == actual->named_type) return true;
      }
      return false;
    }
    if (required->elem && !actual->elem) return false;
    return covariant(required->elem.get(), actual->elem.get());
  }

  static bool compatible(const Type* t, const Type* other) {
    if (t == nullptr || other == nullptr) return t == other;
    if (t->named_type != other->named_type) return false;
    if (t->elem && !other->elem) return false;
    if (t->elem && !compatible(t->elem.get(), other->elem.get())) return false;
    if (other->non_null) return t->non_null;
    return true;
  }

  std::optional<Error> implements(const Definition& def, const std::string& name) {
    const Definition* intf = s_.type(name);
    if (intf == nullptr) return fail(def.pos, "Undefined type " + quote(name) + ".");
    if (intf->kind != "INTERFACE") return fail(def.pos, quote(name) + " is a non interface type " + intf->kind + ".");
    for (const auto& required : intf->fields) {
      if (!required) continue;
      const FieldDefinition* found = def.field(required->name);
      if (found == nullptr) {
        return fail(def.pos, "For " + def.name + " to implement " + intf->name + " it must have a field called " +
                                 required->name + ".");
      }
      if (!covariant(required->type.get(), found->type.get())) {
        return fail(found->pos, "For " + def.name + " to implement " + intf->name + " the field " + required->name +
                                    " must have type " + (required->type ? required->type->str() : "") + ".");
      }
      for (const auto& req_arg : required->arguments) {
        if (!req_arg) continue;
        const ArgumentDefinition* found_arg = nullptr;
        for (const auto& a : found->arguments) {
          if (a && a->name == req_arg->name && found_arg == nullptr) found_arg = a.get();
        }
        if (found_arg == nullptr) {
          return fail(found->pos, "For " + def.name + " to implement " + intf->name + " the field " + required->name +
                                      " must have the same arguments but it is missing " + req_arg->name + ".");
        }
        if (!compatible(req_arg->type.get(), found_arg->type.get())) {
          return fail(found_arg->pos, "For " + def.name + " to implement " + intf->name + " the field " +
                                          required->name + " must have the same arguments but " + req_arg->name +
                                          " has the wrong type.");
        }
      }
      for (const auto& a : found->arguments) {
        if (!a) continue;
        bool in_required = false;
        for (const auto& r : required->arguments) in_required = in_required || (r && r->name == a->name);
        if (!in_required && a->type && a->type->non_null && !a->default_value) {
          return fail(a->pos, "For " + def.name + " to implement " + intf->name + " any additional arguments on " +
                                  found->name + " must be optional or have a default value but " + a->name +
                                  " is required.");
        }
      }
    }
    for (const std::string& transitive : intf->interfaces) {
      if (std::find(def.interfaces.begin(), def.interfaces.end(), transitive) != def.interfaces.end()) continue;
      if (transitive == def.name) {
        return fail(def.pos, "Type " + def.name + " cannot implement " + name +
                                 " because it would create a circular reference.");
      }
      return fail(def.pos, "Type " + def.name + " must implement " + transitive + " because it is implemented by " +
                               name + ".");
    }
    return std::nullopt;
  }

  std::optional<Error> definition(const Definition& def) {
    for (const auto& f : def.fields) {
      if (!f) continue;
      if (auto e = validate_name(f->pos, f->name)) return e;
      if (auto e = type_ref(f->type)) return e;
      if (auto e = args(f->arguments, nullptr)) return e;
      std::string loc = def.kind == "INPUT_OBJECT" ? "INPUT_FIELD_DEFINITION" : "FIELD_DEFINITION";
      if (auto e = directives(f->directives, loc, nullptr)) return e;
    }
    for (const std::string& t : def.types) {
      const Definition* td = s_.type(t);
      if (td == nullptr) return fail(def.pos, "Undefined type " + quote(t) + ".");
      if (td->kind != "OBJECT") return fail(def.pos, def.kind + " type " + quote(t) + " must be OBJECT.");
    }
    for (const std::string& intf : def.interfaces) {
      if (auto e = implements(def, intf)) return e;
    }
    if (def.kind == "OBJECT" || def.kind == "INTERFACE") {
      if (def.fields.empty()) return fail(def.pos, def.kind + " " + def.name + ": must define one or more fields.");
      for (const auto& f : def.fields) {
        if (!f) continue;
        const Definition* t = s_.type(f->type->name());
        if (t != nullptr && t->kind != "SCALAR" && t->kind != "OBJECT" && t->kind != "INTERFACE" &&
            t->kind != "UNION" && t->kind != "ENUM") {
          return fail(f->pos, def.kind + " " + def.name + ": field must be one of SCALAR, OBJECT, INTERFACE, UNION, ENUM.");
        }
      }
    } else if (def.kind == "ENUM") {
      if (def.enum_values.empty()) {
        return fail(def.pos, def.kind + " " + def.name + ": must define one or more unique enum values.");
      }
      for (const auto& v : def.enum_values) {
        if (v && (v->name == "true" || v->name == "false" || v->name == "null")) {
          return fail(def.pos, def.kind + " " + def.name + ": non-enum value " + v->name + ".");
        }
      }
    } else if (def.kind == "INPUT_OBJECT") {
      if (def.fields.empty()) return fail(def.pos, def.kind + " " + def.name + ": must define one or more input fields.");
      for (const auto& f : def.fields) {
        if (!f) continue;
        const Definition* t = s_.type(f->type->name());
        if (t != nullptr && t->kind != "SCALAR" && t->kind != "ENUM" && t->kind != "INPUT_OBJECT") {
          return fail(f->pos, t->kind + " " + f->name + ": field must be one of SCALAR, ENUM, INPUT_OBJECT.");
        }
      }
    }
    for (size_t i = 0; i < def.fields.size(); ++i) {
      for (size_t j = i + 1; j < def.fields.size(); ++j) {
        if (def.fields[i] && def.fields[j] && def.fields[i]->name == def.fields[j]->name) {
          return fail(def.fields[j]->pos, "Field " + def.name + "." + def.fields[j]->name + " can only be defined once.");
        }
      }
    }
    if (!def.built_in) {
      if (auto e = validate_name(def.pos, def.name)) return e;
    }
    return directives(def.directives, def.kind, nullptr);
  }

 private:
  Schema& s_;
};

template <class T>
void append(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

std::optional<Error> set_roots(Schema& s, const SchemaDefinition& sd) {
  for (const auto& ep : sd.operation_types) {
    if (!ep) continue;
    auto it = s.types.find(ep->type);
    if (it == s.types.end()) {
      return fail(ep->pos, "Schema root " + ep->operation + " refers to a type " + ep->type + " that does not exist.");
    }
    if (ep->operation == "query") s.query = it->second;
    else if (ep->operation == "mutation") s.mutation = it->second;
    else if (ep->operation == "subscription") s.subscription = it->second;
  }
  return std::nullopt;
}

bool has_null_type(const SchemaDocument& doc) {
  auto bad_fields = [](const FieldList& fs) {
    for (const auto& f : fs) {
      if (f && !f->type) return true;
      if (f) {
        for (const auto& a : f->arguments) {
          if (a && !a->type) return true;
        }
      }
    }
    return false;
  };
  for (const auto* list : {&doc.definitions, &doc.extensions}) {
    for (const auto& d : *list) {
      if (d && bad_fields(d->fields)) return true;
    }
  }
  for (const auto& d : doc.directives) {
    for (const auto& a : d ? d->arguments : ArgumentDefinitionList{}) {
      if (a && !a->type) return true;
    }
  }
  return false;
}

}  // namespace

const std::vector<DefinitionPtr>& Schema::possible(const Definition& d) const {
  static const std::vector<DefinitionPtr> kNone;
  auto it = possible_types.find(d.name);
  return it == possible_types.end() ? kNone : it->second;
}

SchemaDocument prelude() {
  return parse_schema(kPrelude, true).doc;
}

std::optional<Error> build_schema(const SchemaDocument& user, Schema& s) {
  // gqlparser dereferences field types unchecked; an AST object may omit them.
  if (has_null_type(user)) return fail({}, "Undefined type .");
  SchemaDocument doc = prelude();
  append(doc.schema, user.schema);
  append(doc.schema_extension, user.schema_extension);
  append(doc.directives, user.directives);
  append(doc.definitions, user.definitions);
  append(doc.extensions, user.extensions);

  std::vector<DefinitionPtr> defs;
  for (const auto& def : doc.definitions) {
    if (!def) continue;
    if (s.types.count(def->name) != 0) return fail(def->pos, "Cannot redeclare type " + def->name + ".");
    s.types[def->name] = def;
    defs.push_back(def);
  }
  for (const auto& ext : doc.extensions) {
    if (!ext) continue;
    DefinitionPtr& def = s.types[ext->name];
    if (!def) {
      def = std::make_shared<Definition>();
      def->kind = ext->kind;
      def->name = ext->name;
      def->pos = ext->pos;
      defs.push_back(def);
    }
    if (def->kind != ext->kind) {
      return fail(ext->pos, "Cannot extend type " + ext->name + " because the base type is a " + def->kind + ", not " +
                                ext->kind + ".");
    }
    append(def->directives, ext->directives);
    append(def->interfaces, ext->interfaces);
    append(def->fields, ext->fields);
    append(def->types, ext->types);
    append(def->enum_values, ext->enum_values);
  }
  for (const auto& def : defs) {
    if (def->kind == "UNION") {
      for (const std::string& t : def->types) {
        auto it = s.types.find(t);
        s.possible_types[def->name].push_back(it == s.types.end() ? nullptr : it->second);
        s.implements[t].push_back(def);
      }
    } else if (def->kind == "INPUT_OBJECT" || def->kind == "OBJECT" || def->kind == "INTERFACE") {
      for (const std::string& intf : def->interfaces) {
        s.possible_types[intf].push_back(def);
        auto it = s.types.find(intf);
        s.implements[def->name].push_back(it == s.types.end() ? nullptr : it->second);
      }
      if (def->kind != "INTERFACE") s.possible_types[def->name].push_back(def);
    }
  }
  for (const auto& dir : doc.directives) {
    if (!dir) continue;
    if (s.directives.count(dir->name) != 0) {
      if (dir->name == "include" || dir->name == "skip" || dir->name == "deprecated" || dir->name == "specifiedBy" ||
          dir->name == "defer" || dir->name == "oneOf") {
        continue;  // a builtin redeclared: the first one stays
      }
      return fail(dir->pos, "Cannot redeclare directive " + dir->name + ".");
    }
    s.directives[dir->name] = dir;
  }
  if (doc.schema.size() > 1) {
    return fail(doc.schema[1] ? doc.schema[1]->pos : Position{},
                "Cannot have multiple schema entry points, consider schema extensions instead.");
  }
  if (doc.schema.size() == 1 && doc.schema[0]) {
    if (auto e = set_roots(s, *doc.schema[0])) return e;
  }
  for (const auto& ext : doc.schema_extension) {
    if (ext) {
      if (auto e = set_roots(s, *ext)) return e;
    }
  }
  Checker c(s);
  for (const auto& [name, def] : s.types) {  // sorted by name, as gqlparser sorts
    if (auto e = c.definition(*def)) return e;
  }
  for (const auto& [name, dir] : s.directives) {
    if (auto e = validate_name(dir->pos, dir->name)) return e;
    if (auto e = c.args(dir->arguments, dir.get())) return e;
  }
  if (doc.schema.empty()) {
    auto root = [&](DefinitionPtr& slot, const char* name) {
      auto it = s.types.find(name);
      if (!slot && it != s.types.end()) slot = it->second;
    };
    root(s.query, "Query");
    root(s.mutation, "Mutation");
    root(s.subscription, "Subscription");
  }
  if (s.query) {
    auto schema_field = std::make_shared<FieldDefinition>();
    schema_field->name = "__schema";
    schema_field->type = std::make_shared<Type>(Type{"__Schema", nullptr, true, {}});
    auto type_field = std::make_shared<FieldDefinition>();
    type_field->name = "__type";
    type_field->type = std::make_shared<Type>(Type{"__Type", nullptr, false, {}});
    auto name_arg = std::make_shared<ArgumentDefinition>();
    name_arg->name = "name";
    name_arg->type = std::make_shared<Type>(Type{"String", nullptr, true, {}});
    type_field->arguments.push_back(name_arg);
    s.query->fields.push_back(schema_field);
    s.query->fields.push_back(type_field);
  }
  return std::nullopt;
}

}  // namespace arcane::stdlib::graphql
