// Reading a JSON Schema into SubSchemas: gojsonschema's parseSchema, keyword by keyword,
// with its checks and error messages, and $ref resolution within the document.
#include <algorithm>
#include <map>

#include "stdlib/json_schema/subschema.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::json_schema {

namespace {

using runtime::Value;

const char* const kJsonTypes[] = {"array", "boolean", "integer", "number", "null", "object", "string"};

std::string fmt(std::string_view tmpl, std::initializer_list<std::pair<std::string_view, std::string>> vars) {
  std::string out(tmpl);
  for (const auto& [k, v] : vars) {
    std::string key = "{{." + std::string(k) + "}}";
    for (size_t p = out.find(key); p != std::string::npos; p = out.find(key, p + v.size())) out.replace(p, key.size(), v);
  }
  return out;
}

std::string invalid_type(std::string expected, std::string given) {
  return fmt("Invalid type. Expected: {{.expected}}, given: {{.given}}", {{"expected", expected}, {"given", given}});
}
std::string must_be_of_an(std::string x, std::string y) {
  return fmt("{{.x}} must be of an {{.y}}", {{"x", x}, {"y", y}});
}
std::string must_be_of_a(std::string x, std::string y) {
  return fmt("{{.x}} must be of a {{.y}}", {{"x", x}, {"y", y}});
}
std::string must_be_of_type(std::string key, std::string type) {
  return fmt("{{.key}} must be of type {{.type}}", {{"key", key}, {"type", type}});
}

bool is_schema_node(const Value& v) {
  return v.is_object() || v.is_boolean();
}

const Value* member(const Value& obj, std::string_view key) {
  return obj.find(key);
}

// JSON pointer segments (RFC 6901) of a fragment, percent-decoded.
std::optional<std::vector<std::string>> pointer_segments(std::string_view frag) {
  std::string decoded;
  for (size_t i = 0; i < frag.size(); ++i) {
    if (frag[i] == '%' && i + 2 < frag.size() && std::isxdigit(static_cast<unsigned char>(frag[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(frag[i + 2]))) {
      decoded += static_cast<char>(std::stoi(std::string(frag.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      decoded += frag[i];
    }
  }
  std::vector<std::string> out;
  if (decoded.empty()) return out;
  if (decoded[0] != '/') return std::nullopt;
  size_t p = 1;
  for (;;) {
    size_t slash = decoded.find('/', p);
    std::string seg = decoded.substr(p, slash == std::string::npos ? std::string::npos : slash - p);
    std::string unescaped;
    for (size_t i = 0; i < seg.size(); ++i) {
      if (seg[i] == '~' && i + 1 < seg.size() && (seg[i + 1] == '0' || seg[i + 1] == '1')) {
        unescaped += seg[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        unescaped += seg[i];
      }
    }
    out.push_back(std::move(unescaped));
    if (slash == std::string::npos) break;
    p = slash + 1;
  }
  return out;
}

// A reference resolved against a base URI, as far as schemas need it: absolute URIs
// stand, "#..." replaces the fragment, "/..." the path, anything else the last segment.
std::string join_uri(const std::string& base, const std::string& ref) {
  if (base.empty() || ref.find("://") != std::string::npos || ref.rfind("urn:", 0) == 0) return ref;
  std::string b = base.substr(0, base.find('#'));
  if (ref.empty()) return b;
  if (ref[0] == '#') return b + ref;
  size_t scheme = b.find("://");
  if (ref[0] == '/') {
    size_t path = scheme == std::string::npos ? 0 : b.find('/', scheme + 3);
    return (path == std::string::npos ? b : b.substr(0, path)) + ref;
  }
  size_t slash = b.rfind('/');
  if (slash == std::string::npos || (scheme != std::string::npos && slash < scheme + 3)) return b + "/" + ref;
  return b.substr(0, slash + 1) + ref;
}

std::string strip_empty_fragment(std::string u) {
  if (!u.empty() && u.back() == '#') u.pop_back();
  return u;
}

class Compiler {
 public:
  explicit Compiler(const Value& root) : root_(root) {}

  std::string err;
  std::vector<SubSchemaPtr> referenced;

  SubSchemaPtr schema(const Value& node, int draft, int depth) {
    auto s = std::make_shared<SubSchema>();
    s->draft = draft;
    if (!err.empty()) return s;
    if (depth > kMaxDepth) {
      err = "schema nesting is too deep";
      return s;
    }
    if (draft >= kDraft6 && node.is_boolean()) {
      s->pass = node.as_bool();
      return s;
    }
    if (!node.is_object()) {
      err = fmt("Expected: {{.expected}}, given: Invalid JSON", {{"expected", "valid schema"}});
      return s;
    }
    parse(node, *s, depth);
    return s;
  }

 private:
  SubSchemaPtr child(const Value& node, const SubSchema& parent, int depth) { return schema(node, parent.draft, depth + 1); }

  void parse(const Value& m, SubSchema& s, int depth) {
    const char* id_key = s.draft == kDraft4 ? "id" : (s.draft == kHybrid && member(m, "id")) ? "id" : "$id";
    if (const Value* id = member(m, id_key); id && !id->is_string()) return fail(invalid_type("string", id_key));
    bool pushed = false;
    if (const Value* id = member(m, id_key)) {
      bases_.push_back(strip_empty_fragment(join_uri(bases_.back(), std::string(id->string_view()))));
      pushed = true;
    }
    parse_keywords(m, s, depth);
    if (pushed) bases_.pop_back();
  }

  void parse_keywords(const Value& m, SubSchema& s, int depth) {
    if (const Value* defs = member(m, "definitions")) {
      if (!defs->is_object()) return fail(invalid_type("array of schemas", "definitions"));
      for (auto [k, v] : defs->entries()) {
        if (!is_schema_node(v)) return fail(invalid_type("array of schemas", "definitions"));
        child(v, s, depth);
        if (!err.empty()) return;
      }
    }
    for (const char* key : {"title", "description"}) {
      if (const Value* v = member(m, key); v && !v->is_string()) return fail(invalid_type("string", key));
    }
    if (const Value* ref = member(m, "$ref")) {
      if (!ref->is_string()) return fail(invalid_type("string", "$ref"));
      s.has_ref = true;
      s.ref = resolve(std::string(ref->string_view()), s.draft, depth);
      return;  // gojsonschema ignores the other keywords beside $ref
    }
    if (const Value* type = member(m, "type")) {
      if (type->is_string()) {
        add_type(s, std::string(type->string_view()));
      } else if (type->is_array()) {
        for (const Value& t : type->elements()) {
          if (!t.is_string()) return fail(invalid_type("string/array of strings", "type"));
          add_type(s, std::string(t.string_view()));
          if (!err.empty()) return;
        }
      } else {
        return fail(invalid_type("string/array of strings", "type"));
      }
      if (!err.empty()) return;
    }
    if (const Value* props = member(m, "properties")) {
      if (!props->is_object()) return fail(must_be_of_type("properties", "object"));
      for (auto [k, v] : props->entries()) {
        s.properties.emplace_back(std::string(k.string_view()), child(v, s, depth));
        if (!err.empty()) return;
      }
    }
    if (!additional(m, "additionalProperties", s.additional_properties, s, depth)) return;
    if (const Value* pp = member(m, "patternProperties")) {
      if (!pp->is_object()) return fail(invalid_type("valid schema", "patternProperties"));
      for (auto [k, v] : pp->entries()) {
        std::string pattern(k.string_view());
        Regex re = impl::compile_regex(pattern);
        if (!re->re) return fail(fmt("Invalid regex pattern '{{.pattern}}'", {{"pattern", pattern}}));
        s.pattern_properties.emplace_back(pattern, re, child(v, s, depth));
        if (!err.empty()) return;
      }
    }
    if (const Value* pn = member(m, "propertyNames"); pn && s.draft >= kDraft6) {
      if (!is_schema_node(*pn)) return fail(invalid_type("valid schema", "patternProperties"));
      s.property_names = child(*pn, s, depth);
    }
    if (const Value* deps = member(m, "dependencies")) {
      if (!deps->is_object()) return fail(must_be_of_type("dependencies", "object"));
      for (auto [k, v] : deps->entries()) {
        if (v.is_array()) {
          std::vector<std::string> names;
          for (const Value& n : v.elements()) {
            if (!n.is_string()) return fail(must_be_of_type("dependency", "schema or array of strings"));
            names.emplace_back(n.string_view());
          }
          s.dependencies.emplace_back(std::string(k.string_view()), std::move(names), nullptr);
        } else if (is_schema_node(v)) {
          s.dependencies.emplace_back(std::string(k.string_view()), std::vector<std::string>{}, child(v, s, depth));
        } else {
          return fail(must_be_of_type("dependency", "schema or array of strings"));
        }
        if (!err.empty()) return;
      }
    }
    if (const Value* items = member(m, "items")) {
      if (items->is_array()) {
        for (const Value& e : items->elements()) {
          if (!is_schema_node(e)) return fail(invalid_type("valid schema/array of schemas", "items"));
          s.items.push_back(child(e, s, depth));
          if (!err.empty()) return;
        }
      } else if (is_schema_node(*items)) {
        s.items.push_back(child(*items, s, depth));
        s.items_single = true;
      } else {
        return fail(invalid_type("valid schema/array of schemas", "items"));
      }
    }
    if (!additional(m, "additionalItems", s.additional_items, s, depth)) return;
    if (!numbers(m, s)) return;
    if (!strings(m, s)) return;
    if (!objects_and_arrays(m, s, depth)) return;
    if (!combinators(m, s, depth)) return;
  }

  void fail(std::string message) {
    if (err.empty()) err = std::move(message);
  }

  void add_type(SubSchema& s, const std::string& t) {
    if (std::find(std::begin(kJsonTypes), std::end(kJsonTypes), t) == std::end(kJsonTypes)) {
      return fail("has a primitive type that is NOT VALID -- given: /" + t +
                  "/ Expected valid values are:[array boolean integer number null object string]");
    }
    if (std::find(s.types.begin(), s.types.end(), t) != s.types.end()) return fail(t + " type is duplicated");
    s.types.push_back(t);
  }

  bool additional(const Value& m, const char* key, Additional& out, const SubSchema& s, int depth) {
    const Value* v = member(m, key);
    if (v == nullptr) return true;
    out.present = true;
    if (v->is_boolean()) {
      out.allowed = v->as_bool();
    } else if (v->is_object()) {
      out.schema = child(*v, s, depth);
    } else {
      fail(invalid_type("boolean/valid schema", key));
    }
    return err.empty();
  }

  static std::optional<runtime::Number> number(const Value* v) {
    if (v == nullptr || !v->is_number()) return std::nullopt;
    return v->number();
  }

  // gojsonschema's mustBeInteger: an int64 literal (1.0 is not).
  static std::optional<int64_t> integer(const Value* v) {
    if (v == nullptr || !v->is_number() || !v->number().is_integer()) return std::nullopt;
    return literal_int(v->number());
  }

  bool exclusive(const Value& m, const char* key, const char* base, std::optional<runtime::Number>& bound,
                 std::optional<runtime::Number>& out, int draft) {
    const Value* v = member(m, key);
    if (v == nullptr) return true;
    bool allow_bool = draft == kDraft4 || draft == kHybrid;
    bool allow_number = draft != kDraft4;
    if (v->is_boolean() && allow_bool) {
      if (!bound) {
        fail(fmt("{{.x}} cannot be used without {{.y}}", {{"x", key}, {"y", base}}));
        return false;
      }
      if (v->as_bool()) {
        out = bound;
        bound.reset();
      }
      return true;
    }
    if (v->is_number() && allow_number) {
      out = v->number();
      return true;
    }
    fail(invalid_type(draft == kDraft4 ? "boolean" : draft == kHybrid ? "boolean/number" : "number", key));
    return false;
  }

  bool numbers(const Value& m, SubSchema& s) {
    if (const Value* v = member(m, "multipleOf")) {
      s.multiple_of = number(v);
      if (!s.multiple_of) return fail(invalid_type("number", "multipleOf")), false;
      if (s.multiple_of->sign() <= 0) return fail("multipleOf must be strictly greater than 0"), false;
    }
    if (const Value* v = member(m, "minimum")) {
      s.minimum = number(v);
      if (!s.minimum) return fail(must_be_of_a("minimum", "number")), false;
    }
    if (!exclusive(m, "exclusiveMinimum", "minimum", s.minimum, s.exclusive_minimum, s.draft)) return false;
    if (const Value* v = member(m, "maximum")) {
      s.maximum = number(v);
      if (!s.maximum) return fail(must_be_of_a("maximum", "number")), false;
    }
    return exclusive(m, "exclusiveMaximum", "maximum", s.maximum, s.exclusive_maximum, s.draft);
  }

  bool count(const Value& m, const char* key, std::optional<int64_t>& out) {
    const Value* v = member(m, key);
    if (v == nullptr) return true;
    out = integer(v);
    if (!out) return fail(must_be_of_an(key, "integer")), false;
    if (*out < 0) return fail(fmt("{{.key}} must be greater than or equal to 0", {{"key", key}})), false;
    return true;
  }

  bool strings(const Value& m, SubSchema& s) {
    if (!count(m, "minLength", s.min_length) || !count(m, "maxLength", s.max_length)) return false;
    if (s.min_length && s.max_length && *s.min_length > *s.max_length) {
      return fail("minLength cannot be greater than maxLength"), false;
    }
    if (const Value* v = member(m, "pattern")) {
      if (!v->is_string()) return fail(must_be_of_a("pattern", "string")), false;
      s.pattern = impl::compile_regex(v->string_view());
      if (!s.pattern->re) return fail("pattern must be a valid regex"), false;
    }
    if (const Value* v = member(m, "format")) {
      if (!v->is_string()) return fail(must_be_of_type("format", "string")), false;
      s.format = std::string(v->string_view());
    }
    return true;
  }

  bool objects_and_arrays(const Value& m, SubSchema& s, int depth) {
    if (!count(m, "minProperties", s.min_properties) || !count(m, "maxProperties", s.max_properties)) return false;
    if (s.min_properties && s.max_properties && *s.min_properties > *s.max_properties) {
      return fail("minProperties cannot be greater than maxProperties"), false;
    }
    if (const Value* v = member(m, "required")) {
      if (!v->is_array()) return fail(must_be_of_an("required", "array")), false;
      for (const Value& r : v->elements()) {
        if (!r.is_string()) return fail("required items must be string"), false;
        std::string name(r.string_view());
        if (std::find(s.required.begin(), s.required.end(), name) != s.required.end()) {
          return fail("required items must be unique"), false;
        }
        s.required.push_back(std::move(name));
      }
    }
    if (!count(m, "minItems", s.min_items) || !count(m, "maxItems", s.max_items)) return false;
    if (const Value* v = member(m, "uniqueItems")) {
      if (!v->is_boolean()) return fail(must_be_of_a("uniqueItems", "boolean")), false;
      s.unique_items = v->as_bool();
    }
    if (const Value* v = member(m, "contains"); v && s.draft >= kDraft6) {
      s.contains = child(*v, s, depth);
      if (!err.empty()) return false;
    }
    if (const Value* v = member(m, "const"); v && s.draft >= kDraft6) s.const_json = canonical_json(*v);
    if (const Value* v = member(m, "enum")) {
      if (!v->is_array()) return fail(must_be_of_an("enum", "array")), false;
      for (const Value& e : v->elements()) {
        std::string j = canonical_json(e);
        if (std::find(s.enum_json.begin(), s.enum_json.end(), j) != s.enum_json.end()) {
          return fail("enum items must be unique"), false;
        }
        s.enum_json.push_back(std::move(j));
      }
    }
    return true;
  }

  bool list(const Value& m, const char* key, const char* error_key, std::vector<SubSchemaPtr>& out, SubSchema& s,
            int depth) {
    const Value* v = member(m, key);
    if (v == nullptr) return true;
    if (!v->is_array()) return fail(must_be_of_an(error_key, "array")), false;
    for (const Value& e : v->elements()) {
      out.push_back(child(e, s, depth));
      if (!err.empty()) return false;
    }
    return true;
  }

  bool combinators(const Value& m, SubSchema& s, int depth) {
    if (!list(m, "oneOf", "oneOf", s.one_of, s, depth) || !list(m, "anyOf", "anyOf", s.any_of, s, depth) ||
        !list(m, "allOf", "anyOf", s.all_of, s, depth)) {
      return false;
    }
    auto single = [&](const char* key, SubSchemaPtr& out) {
      const Value* v = member(m, key);
      if (v == nullptr) return true;
      if (!is_schema_node(*v)) return fail(must_be_of_an(key, "object")), false;
      out = child(*v, s, depth);
      return err.empty();
    };
    if (!single("not", s.not_schema)) return false;
    if (s.draft >= kDraft7) {
      if (!single("if", s.if_schema) || !single("then", s.then_schema) || !single("else", s.else_schema)) return false;
    }
    return true;
  }

  // A reference: "#" or "#/json/pointer" within the current document, a draft's
  // meta-schema (gojsonschema embeds them), or an id ("#foo", "name") in this document.
  const SubSchema* resolve(const std::string& relative, int draft, int depth) {
    std::string ref = join_uri(bases_.back(), relative);
    size_t hash = ref.find('#');
    std::string base = hash == std::string::npos ? ref : ref.substr(0, hash);
    std::string frag = hash == std::string::npos ? "" : ref.substr(hash + 1);
    std::string doc_url = base;
    const Value* doc = nullptr;
    int doc_draft = draft;
    for (auto it = docs_.rbegin(); it != docs_.rend() && doc == nullptr; ++it) {
      if (it->first == base) doc = it->second;
    }
    if (doc == nullptr) {
      if (const Value* meta = meta_schema(base, doc_draft)) doc = meta;
    }
    if (doc == nullptr) doc = find_id(root_, base, root_base_, 0);
    std::string key = doc_url + "#" + frag;
    if (auto it = refs_.find(key); it != refs_.end()) return it->second.get();
    const Value* target = nullptr;
    if (doc != nullptr) {
      if (auto segs = pointer_segments(frag)) {
        target = doc;
        for (const std::string& seg : *segs) {
          if (target == nullptr) break;
          if (target->is_object()) {
            target = target->find(seg);
          } else if (target->is_array()) {
            char* end = nullptr;
            unsigned long i = std::strtoul(seg.c_str(), &end, 10);
            target = (!seg.empty() && *end == 0 && i < target->size()) ? &target->at(i) : nullptr;
          } else {
            target = nullptr;
          }
        }
      } else {
        target = find_id(*doc, ref, doc_url, 0);
      }
    }
    if (target == nullptr) {
      fail("Reference " + ref + " could not be resolved");
      return nullptr;
    }
    if (!is_schema_node(*target)) {
      fail(must_be_of_type("valid schema", "object"));
      return nullptr;
    }
    auto s = std::make_shared<SubSchema>();
    s->draft = doc_draft;
    refs_[key] = s;  // placed first, so recursive references find it
    referenced.push_back(s);
    docs_.emplace_back(doc_url, doc);
    bases_.push_back(doc_url);
    SubSchemaPtr parsed = schema(*target, doc_draft, depth + 1);
    bases_.pop_back();
    docs_.pop_back();
    *s = *parsed;
    return s.get();
  }

  // gojsonschema's embedded meta-schemas, by URL (with or without "https", "#").
  const Value* meta_schema(std::string url, int& draft) {
    if (url.rfind("https://", 0) == 0) url = "http://" + url.substr(8);
    static const std::pair<const char*, int> kDrafts[] = {{"http://json-schema.org/draft-04/schema", kDraft4},
                                                          {"http://json-schema.org/draft-06/schema", kDraft6},
                                                          {"http://json-schema.org/draft-07/schema", kDraft7}};
    for (const auto& [u, d] : kDrafts) {
      if (url != u) continue;
      auto it = meta_.find(url);
      if (it == meta_.end()) it = meta_.emplace(url, meta_schema_document(d)).first;
      draft = d;
      return &it->second;
    }
    return nullptr;
  }

  // The subschema whose absolute id (its id/$id resolved against its ancestors') is `id`.
  const Value* find_id(const Value& node, const std::string& id, const std::string& base, int depth) {
    if (depth > kMaxDepth) return nullptr;
    if (node.is_object()) {
      std::string here = base;
      for (const char* key : {"$id", "id"}) {
        const Value* v = node.find(key);
        if (v != nullptr && v->is_string()) {
          here = strip_empty_fragment(join_uri(base, std::string(v->string_view())));
          if (here == strip_empty_fragment(id)) return &node;
          break;
        }
      }
      for (auto [k, v] : node.entries()) {
        if (k.is_string() && (k.string_view() == "enum" || k.string_view() == "const")) continue;
        if (const Value* hit = find_id(v, id, here, depth + 1)) return hit;
      }
    } else if (node.is_array()) {
      for (const Value& e : node.elements()) {
        if (const Value* hit = find_id(e, id, base, depth + 1)) return hit;
      }
    }
    return nullptr;
  }

  static std::string root_base_of(const Value& root) {
    if (!root.is_object()) return "";
    for (const char* key : {"$id", "id"}) {
      const Value* v = root.find(key);
      if (v != nullptr && v->is_string()) return strip_empty_fragment(std::string(v->string_view()));
    }
    return "";
  }

  const Value& root_;
  std::string root_base_ = root_base_of(root_);
  std::vector<std::pair<std::string, const Value*>> docs_{{root_base_, &root_}};
  std::vector<std::string> bases_{root_base_};
  std::map<std::string, Value> meta_;
  std::map<std::string, SubSchemaPtr> refs_;
};

// gojsonschema's draft detection from "$schema"; hybrid when absent or unknown.
std::variant<int, std::string> detect_draft(const Value& doc) {
  if (!doc.is_object()) return static_cast<int>(kHybrid);
  const Value* s = doc.find("$schema");
  if (s == nullptr) return static_cast<int>(kHybrid);
  if (!s->is_string()) return must_be_of_type("$schema", "string");
  std::string url(s->string_view());
  if (!url.empty() && url.back() == '#') url.pop_back();
  if (url == "http://json-schema.org/draft-04/schema") return static_cast<int>(kDraft4);
  if (url == "http://json-schema.org/draft-06/schema") return static_cast<int>(kDraft6);
  if (url == "http://json-schema.org/draft-07/schema") return static_cast<int>(kDraft7);
  return static_cast<int>(kHybrid);
}

}  // namespace

Schema::~Schema() = default;

std::variant<std::shared_ptr<const Schema>, std::string> Schema::compile(const Value& doc) {
  std::variant<int, std::string> draft = detect_draft(doc);
  if (auto* e = std::get_if<std::string>(&draft)) return *e;
  Compiler c(doc);
  auto root = c.schema(doc, std::get<int>(draft), 0);
  if (!c.err.empty()) return c.err;
  auto out = std::make_shared<Schema>();
  out->impl_ = std::make_unique<Impl>();
  out->impl_->root = std::move(root);
  out->impl_->referenced = std::move(c.referenced);
  return std::shared_ptr<const Schema>(std::move(out));
}

}  // namespace arcane::stdlib::json_schema
