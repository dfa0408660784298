// METADATA blocks: finding them among a module's comments, reading their YAML into OPA's
// annotation objects, and the lookups rego.metadata.* needs.
#include "compiler/compile/annotations.h"

#include <algorithm>
#include <string_view>

#include "runtime/value_builder.h"
#include "runtime/yaml_reader.h"

namespace arcane::compiler {

namespace {

using runtime::Value;

constexpr const char* kParseErr = "rego_parse_error";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

uint32_t line_of(const runtime::SourceSet* sources, runtime::Location loc) {
  const runtime::SourceFile* f = sources != nullptr ? sources->get(loc.file) : nullptr;
  return f != nullptr ? f->line_col(loc.offset).line : 0;
}

struct Block {
  runtime::Location loc;  // of the METADATA line
  uint32_t last_line = 0;
  std::string yaml;
};

// Comment runs on consecutive lines whose first line is `# METADATA`.
std::vector<Block> metadata_blocks(const ast::Module& module, const runtime::SourceSet* sources) {
  std::vector<Block> out;
  const auto& cs = module.comments;
  for (size_t i = 0; i < cs.size(); ++i) {
    if (trim(cs[i].text) != "METADATA") continue;
    Block b;
    b.loc = cs[i].loc;
    b.last_line = line_of(sources, cs[i].loc);
    size_t j = i + 1;
    for (; j < cs.size(); ++j) {
      uint32_t line = line_of(sources, cs[j].loc);
      if (line != b.last_line + 1) break;
      b.yaml += cs[j].text;
      b.yaml += '\n';
      b.last_line = line;
    }
    out.push_back(std::move(b));
    i = j - 1;
  }
  return out;
}

// OPA's parseAuthor: "Jane Doe <jane@example.com>", "Jane Doe", or "<jane@example.com>".
std::optional<Value> author_of(const Value& v) {
  if (v.is_object()) {
    runtime::ObjectBuilder o;
    for (const char* k : {"name", "email"}) {
      if (const Value* x = v.find(k); x != nullptr && x->is_string() && !x->string_view().empty()) o.insert(k, *x);
    }
    Value out = o.build();
    if (out.size() == 0) return std::nullopt;
    return out;
  }
  if (!v.is_string()) return std::nullopt;
  std::string_view s = trim(v.string_view());
  std::string_view name = s, email;
  if (!s.empty() && s.back() == '>') {
    size_t lt = s.rfind('<');
    if (lt != std::string_view::npos) {
      email = trim(s.substr(lt + 1, s.size() - lt - 2));
      name = trim(s.substr(0, lt));
    }
  }
  if (name.empty() && email.empty()) return std::nullopt;
  runtime::ObjectBuilder o;
  if (!name.empty()) o.insert("name", Value::from_string(name));
  if (!email.empty()) o.insert("email", Value::from_string(email));
  return o.build();
}

std::optional<Value> related_resource_of(const Value& v) {
  if (v.is_string()) {
    runtime::ObjectBuilder o;
    o.insert("ref", v);
    return o.build();
  }
  if (!v.is_object()) return std::nullopt;
  const Value* ref = v.find("ref");
  if (ref == nullptr || !ref->is_string()) return std::nullopt;
  runtime::ObjectBuilder o;
  o.insert("ref", *ref);
  if (const Value* d = v.find("description"); d != nullptr && d->is_string()) o.insert("description", *d);
  return o.build();
}

const char* scope_name(AnnotationScope s) {
  switch (s) {
    case AnnotationScope::kPackage: return "package";
    case AnnotationScope::kSubpackages: return "subpackages";
    case AnnotationScope::kRule: return "rule";
    case AnnotationScope::kDocument: return "document";
  }
  return "rule";
}

std::optional<AnnotationScope> scope_of(std::string_view s) {
  if (s == "package") return AnnotationScope::kPackage;
  if (s == "subpackages") return AnnotationScope::kSubpackages;
  if (s == "rule") return AnnotationScope::kRule;
  if (s == "document") return AnnotationScope::kDocument;
  return std::nullopt;
}

// The YAML document as an annotation object; the error text otherwise.
std::string read_annotation(const Value& doc, bool before_package, Annotation& a) {
  if (!doc.is_null() && !doc.is_object()) return "invalid metadata: expected a YAML mapping";
  a.scope = before_package ? AnnotationScope::kPackage : AnnotationScope::kRule;
  runtime::ObjectBuilder o;
  if (doc.is_object()) {
    for (auto e : doc.entries()) {
      std::string_view key = e.key.is_string() ? e.key.string_view() : std::string_view{};
      const Value& v = e.value;
      if (key == "scope") {
        auto s = v.is_string() ? scope_of(v.string_view()) : std::nullopt;
        if (!s) return "invalid annotation scope";
        bool package_scope = *s == AnnotationScope::kPackage || *s == AnnotationScope::kSubpackages;
        if (package_scope != before_package) {
          return std::string("annotation scope '") + scope_name(*s) + "' must be applied to " +
                 (package_scope ? "package" : "rule");
        }
        a.scope = *s;
      } else if (key == "title" || key == "description") {
        if (!v.is_string()) return std::string("invalid ") + std::string(key) + ": expected a string";
        o.insert(key, v);
      } else if (key == "entrypoint") {
        if (!v.is_boolean()) return "invalid entrypoint: expected a boolean";
        if (v == Value::boolean(true)) o.insert(key, v);
      } else if (key == "organizations") {
        if (!v.is_array()) return "invalid organizations: expected a list of strings";
        o.insert(key, v);
      } else if (key == "authors" || key == "related_resources") {
        if (!v.is_array()) return "invalid " + std::string(key) + ": expected a list";
        runtime::ArrayBuilder items;
        for (const Value& x : v.elements()) {
          auto item = key == "authors" ? author_of(x) : related_resource_of(x);
          if (!item) return key == "authors" ? "invalid author" : "invalid related resource";
          items.push_back(std::move(*item));
        }
        o.insert(key, items.build());
      } else if (key == "custom") {
        if (!v.is_object()) return "invalid custom: expected a mapping";
        o.insert(key, v);
      } else if (key == "schemas") {
        o.insert(key, v);
      }
    }
  }
  o.insert("scope", Value::from_string(scope_name(a.scope)));
  a.value = o.build();
  return "";
}

Value path_value(const std::vector<std::string>& path) {
  runtime::ArrayBuilder b;
  for (const auto& p : path) b.push_back(Value::from_string(p));
  return b.build();
}

Value chain_entry(const std::vector<std::string>& path, const Value* annotations) {
  runtime::ObjectBuilder o;
  if (annotations != nullptr) o.insert("annotations", *annotations);
  o.insert("path", path_value(path));
  return o.build();
}

std::vector<std::string> package_path_of(const ast::Module& m) {
  std::vector<std::string> out;
  for (size_t i = 1; i < m.package.path.size(); ++i) {
    if (const auto* s = ast::get_if<ast::String>(m.package.path[i])) out.push_back(s->value);
  }
  return out;
}

}  // namespace

std::vector<std::string> annotation_rule_path(const ast::Module& module, const ast::Rule& rule) {
  std::vector<std::string> out = package_path_of(module);
  for (size_t i = 0; i < rule.head.ref.size(); ++i) {
    const auto* v = ast::get_if<ast::Var>(rule.head.ref[i]);
    const auto* s = ast::get_if<ast::String>(rule.head.ref[i]);
    if (i == 0 && v != nullptr) {
      out.push_back(v->name);
    } else if (i > 0 && s != nullptr) {
      out.push_back(s->value);
    } else {
      break;
    }
  }
  return out;
}

std::vector<Annotation> parse_annotations(const ast::Module& module, uint32_t module_index,
                                          const runtime::SourceSet* sources, runtime::Diagnostics& diags) {
  std::vector<Annotation> out;
  uint32_t package_line = line_of(sources, module.package.loc);
  for (Block& b : metadata_blocks(module, sources)) {
    Annotation a;
    a.module = module_index;
    a.loc = b.loc;
    bool before_package = b.last_line < package_line;
    if (!before_package) {
      // The first rule after the block.
      for (size_t i = 0; i < module.rules.size(); ++i) {
        if (line_of(sources, module.rules[i].loc) > b.last_line) {
          a.rule = i;
          break;
        }
      }
      if (!a.rule) continue;  // nothing follows: OPA drops the block
    }
    auto doc = runtime::parse_yaml(b.yaml);
    if (!doc.ok()) {
      diags.add(runtime::Diagnostic{kParseErr, "yaml: " + doc.error().message, b.loc, {}});
      continue;
    }
    std::string err = read_annotation(doc.value(), before_package, a);
    if (!err.empty()) {
      diags.add(runtime::Diagnostic{kParseErr, err, b.loc, {}});
      continue;
    }
    a.path = a.rule ? annotation_rule_path(module, module.rules[*a.rule]) : package_path_of(module);
    out.push_back(std::move(a));
  }
  return out;
}

Value rule_annotation(const std::vector<Annotation>& all, uint32_t module, size_t rule) {
  for (const auto& a : all) {
    if (a.module == module && a.rule == rule && a.scope == AnnotationScope::kRule) return a.value;
  }
  return Value::empty_object();
}

Value annotation_chain(const std::vector<Annotation>& all, uint32_t module, size_t rule,
                       const std::vector<std::string>& rule_path, const std::vector<std::string>& package_path) {
  runtime::ArrayBuilder chain;
  const Annotation* own = nullptr;
  for (const auto& a : all) {
    if (a.module == module && a.rule == rule && a.scope == AnnotationScope::kRule) own = &a;
  }
  chain.push_back(chain_entry(rule_path, own != nullptr ? &own->value : nullptr));
  for (const auto& a : all) {
    if (a.scope == AnnotationScope::kDocument && a.path == rule_path) {
      chain.push_back(chain_entry(rule_path, &a.value));
      break;
    }
  }
  for (const auto& a : all) {
    if (a.scope == AnnotationScope::kPackage && a.path == package_path) {
      chain.push_back(chain_entry(package_path, &a.value));
      break;
    }
  }
  // `subpackages` annotations of this package and its ancestors, nearest first.
  for (size_t n = package_path.size() + 1; n-- > 0;) {
    std::vector<std::string> prefix(package_path.begin(), package_path.begin() + static_cast<std::ptrdiff_t>(n));
    for (const auto& a : all) {
      if (a.scope == AnnotationScope::kSubpackages && a.path == prefix) {
        chain.push_back(chain_entry(prefix, &a.value));
        break;
      }
    }
  }
  return chain.build();
}

}  // namespace arcane::compiler
