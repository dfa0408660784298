// Type errors with OPA's details (see type_errors.h).
#include "compiler/stages/type_errors.h"

#include "compiler/ast/ast_json.h"
#include "compiler/ast/ast_string.h"
#include "runtime/json_reader.h"
#include "runtime/json_writer.h"
#include "runtime/value_builder.h"

namespace arcane::compiler::stages {

namespace {

std::string sprint(const Type& t) {
  return t.to_string();  // nil prints as ???
}

std::string type_json(const Type& t) {
  return t.is_nil() ? "null" : t.to_json();
}

// OPA's NamedType: the type's JSON with "name" and "description" added (Go sorts keys).
std::string named_json(const Type& t, const OperandInfo* doc) {
  if (doc == nullptr || (doc->name.empty() && doc->description.empty()) || t.is_nil()) return type_json(t);
  auto parsed = runtime::parse_json(t.to_json());
  if (!parsed.ok() || !parsed->is_object()) return type_json(t);
  runtime::ObjectBuilder b;
  for (const auto& [k, v] : parsed->entries()) b.insert(k, v);
  if (!doc->name.empty()) b.insert("name", runtime::Value::from_string(doc->name));
  if (!doc->description.empty()) b.insert("description", runtime::Value::from_string(doc->description));
  return runtime::to_json(b.build());
}

std::string named_text(const Type& t, const OperandInfo* doc) {
  if (doc == nullptr || doc->name.empty()) return sprint(t);
  return doc->name + ": " + sprint(t);
}

std::string have_text(const std::vector<Type>& have) {
  std::string out = "(";
  for (size_t i = 0; i < have.size(); ++i) out += (i > 0 ? ", " : "") + sprint(have[i]);
  return out + ")";
}

std::string want_text(const WantedArgs& want) {
  std::string out = "(";
  for (size_t i = 0; i < want.args.size(); ++i) {
    out += (i > 0 ? ", " : "") + named_text(want.args[i], i < want.docs.size() ? &want.docs[i] : nullptr);
  }
  if (!want.variadic.is_nil()) out += std::string(want.args.empty() ? "" : ", ") + sprint(want.variadic) + "...";
  return out + ")";
}

std::string arg_details(const std::vector<Type>& have, const WantedArgs& want) {
  std::string out = "{\"have\":[";
  for (size_t i = 0; i < have.size(); ++i) out += (i > 0 ? "," : "") + type_json(have[i]);
  out += "],\"want\":{";
  bool any = false;
  if (!want.args.empty()) {
    out += "\"args\":[";
    for (size_t i = 0; i < want.args.size(); ++i) {
      out += (i > 0 ? "," : "") + named_json(want.args[i], i < want.docs.size() ? &want.docs[i] : nullptr);
    }
    out += "]";
    any = true;
  }
  if (!want.variadic.is_nil()) out += std::string(any ? "," : "") + "\"variadic\":" + type_json(want.variadic);
  return out + "}}";
}

std::string ref_json(const std::vector<ast::Term>& ref) {
  std::string out = "[";
  for (size_t i = 0; i < ref.size(); ++i) out += (i > 0 ? "," : "") + ast::to_json(ref[i]);
  return out + "]";
}

std::string values_text(const std::vector<runtime::Value>& vs) {
  // Go's %v of a []Value: [a b c], each as Rego text.
  std::string out = "[";
  for (size_t i = 0; i < vs.size(); ++i) out += (i > 0 ? " " : "") + runtime::to_json(vs[i]);
  return out + "]";
}

std::vector<ast::Term> prefix(const std::vector<ast::Term>& ref, int n) {
  std::vector<ast::Term> out;
  for (size_t i = 0; static_cast<int>(i) < n && i < ref.size(); ++i) out.push_back(ast::clone(ref[i]));
  return out;
}

TypeError make(runtime::Location loc, std::string message) {
  TypeError e;
  e.diag.code = kTypeErr;
  e.diag.message = std::move(message);
  e.diag.location = loc;
  return e;
}

}  // namespace

TypeError arg_error(const std::string& name, const char* what, runtime::Location loc, const std::vector<Type>& have,
                    const WantedArgs& want) {
  TypeError e = make(loc, name + ": " + what);
  e.diag.notes = {"have: " + have_text(have), "want: " + want_text(want)};
  e.diag.details = arg_details(have, want);
  for (const auto& t : have) e.nil_cause = e.nil_cause || has_nil(t);
  return e;
}

TypeError match_error(runtime::Location loc, const Type& left, const Type& right) {
  TypeError e = make(loc, "match error");
  e.diag.notes = {"left  : " + sprint(left), "right : " + sprint(right)};
  e.diag.details = "{\"a\":" + type_json(left) + ",\"b\":" + type_json(right) + "}";
  e.nil_cause = has_nil(left) || has_nil(right);
  return e;
}

TypeError ref_invalid_error(const StageContext& ctx, const std::vector<ast::Term>& ref, int pos, const Type& have,
                            const Type& want, const std::vector<runtime::Value>& one_of) {
  std::string text = ctx.display(ref);
  TypeError e = make(ref[0].loc, "undefined ref: " + text);
  std::string pad(ctx.display(prefix(ref, pos)).size() + 1, ' ');
  e.diag.notes = {text, pad + "^"};
  if (!have.is_nil()) {
    e.diag.notes.push_back(pad + "have (type): " + sprint(have));
  } else {
    e.diag.notes.push_back(pad + "have: " + ast::to_string(ref[static_cast<size_t>(pos)]));
  }
  if (!one_of.empty()) {
    e.diag.notes.push_back(pad + "want (one of): " + values_text(one_of));
  } else {
    e.diag.notes.push_back(pad + "want (type): " + sprint(want));
  }
  std::string d = "{";
  if (!have.is_nil()) d += "\"have\":" + type_json(have) + ",";
  d += "\"want\":" + type_json(want) + ",\"ref\":" + ref_json(ref) + ",\"oneOf\":";
  if (one_of.empty()) {
    d += "null";
  } else {
    d += "[";
    for (size_t i = 0; i < one_of.size(); ++i) d += (i > 0 ? "," : "") + runtime::to_json(one_of[i]);
    d += "]";
  }
  e.diag.details = d + ",\"pos\":" + std::to_string(pos) + "}";
  return e;
}

TypeError ref_unsupported_error(const StageContext& ctx, const std::vector<ast::Term>& ref, int pos,
                                const Type& have) {
  std::string text = ctx.display(ref);
  TypeError e = make(ref[0].loc, "undefined ref: " + text);
  e.diag.notes = {text, std::string(ctx.display(prefix(ref, pos + 1)).size(), '^'),
                  "have: " + (have.is_nil() ? std::string("<nil>") : sprint(have))};
  e.diag.details = "{\"have\":" + type_json(have) + ",\"ref\":" + ref_json(ref) + ",\"pos\":" + std::to_string(pos) + "}";
  return e;
}

}  // namespace arcane::compiler::stages
