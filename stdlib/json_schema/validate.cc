// Applying a compiled schema to a document: gojsonschema's validateRecursive and its
// helpers, including the score it uses to pick the "closest" failing branch of anyOf /
// oneOf / contains whose errors it reports.
#include <algorithm>
#include <map>

#include "stdlib/json_schema/subschema.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::json_schema {

namespace {

using runtime::Number;
using runtime::Value;

struct Result {
  std::vector<ResultError> errors;
  int score = 0;
  bool valid() const { return errors.empty(); }
  void merge(const Result& other) {
    errors.insert(errors.end(), other.errors.begin(), other.errors.end());
    score += other.score;
  }
};

struct Context {
  const Context* parent;
  std::string_view name;
  std::string str() const { return parent == nullptr ? std::string(name) : parent->str() + "." + std::string(name); }
};

std::string field_of(const Context& c) {
  std::string s = c.str();
  return s.rfind("(root).", 0) == 0 ? s.substr(7) : s;
}

std::string replace_vars(std::string text, const std::map<std::string, std::string>& vars) {
  for (const auto& [k, v] : vars) {
    std::string key = "{{." + k + "}}";
    for (size_t p = text.find(key); p != std::string::npos; p = text.find(key, p + v.size())) text.replace(p, key.size(), v);
  }
  return text;
}

// Go's utf8.RuneCount.
size_t runes(std::string_view s) {
  return rune_count(s);
}

bool is_integer(const Number& n) {
  return n.is_integer();
}

// value / divisor is an integer, exactly (gojsonschema divides big.Rats).
bool multiple_of(const Number& value, const Number& divisor) {
  if (is_integer(value) && is_integer(divisor)) {
    std::optional<Number> r = remainder(value, divisor);
    return r && r->sign() == 0;
  }
  // Scale both decimals to integers by the larger number of fraction digits.
  auto fraction_digits = [](const Number& n) {
    std::string t = n.to_string();
    size_t e = t.find_first_of("eE");
    std::string mant = t.substr(0, e);
    long exp = e == std::string::npos ? 0 : std::stol(t.substr(e + 1));
    size_t dot = mant.find('.');
    long frac = dot == std::string::npos ? 0 : static_cast<long>(mant.size() - dot - 1);
    return std::max(0L, frac - exp);
  };
  long k = std::max(fraction_digits(value), fraction_digits(divisor));
  if (k > 400) return false;
  std::optional<Number> scale = Number::from_text("1e" + std::to_string(k));
  if (!scale) return false;
  std::optional<Number> a = multiply(value, *scale);
  std::optional<Number> b = multiply(divisor, *scale);
  if (!a || !b || !a->is_integer() || !b->is_integer()) return false;
  std::optional<Number> r = remainder(*a, *b);
  return r && r->sign() == 0;
}

class Validator {
 public:
  void validate(const SubSchema& s, const Value& node, Result& r, const Context& ctx, int depth) {
    if (depth > kMaxDepth) {
      add(r, "internal", "Internal Error {{.error}}", ctx, {{"error", "validation is nested too deeply"}});
      return;
    }
    if (s.pass) {
      if (!*s.pass) add(r, "false", "False always fails validation", ctx, {});
      return;
    }
    if (s.has_ref) {
      if (s.ref != nullptr) validate(*s.ref, node, r, ctx, depth + 1);
      return;
    }
    bool typed = !s.types.empty();
    auto has = [&](const char* t) { return std::find(s.types.begin(), s.types.end(), t) != s.types.end(); };
    auto type_error = [&](const char* given) {
      add(r, "invalid_type", "Invalid type. Expected: {{.expected}}, given: {{.given}}", ctx,
          {{"expected", type_list(s.types)}, {"given", given}});
    };
    if (node.is_null()) {
      if (typed && !has("null")) return type_error("null");
      schema_keywords(s, node, r, ctx, depth);
      common(s, node, r, ctx);
    } else if (node.is_number()) {
      bool is_int = is_integer(node.number());
      if (typed && !(has("number") || (is_int && has("integer")))) return type_error(is_int ? "integer" : "number");
      schema_keywords(s, node, r, ctx, depth);
      number(s, node.number(), r, ctx);
      common(s, node, r, ctx);
    } else if (node.is_array() || node.is_set()) {
      if (typed && !has("array")) return type_error("array");
      schema_keywords(s, node, r, ctx, depth);
      array(s, node, r, ctx, depth);
      common(s, node, r, ctx);
    } else if (node.is_object()) {
      if (typed && !has("object")) return type_error("object");
      schema_keywords(s, node, r, ctx, depth);
      object(s, node, r, ctx, depth);
      common(s, node, r, ctx);
      for (const auto& [name, sub] : s.properties) {
        if (const Value* next = node.find(name)) {
          Context sub_ctx{&ctx, name};
          validate(*sub, *next, r, sub_ctx, depth + 1);
        }
      }
    } else if (node.is_boolean()) {
      if (typed && !has("boolean")) return type_error("boolean");
      schema_keywords(s, node, r, ctx, depth);
      common(s, node, r, ctx);
    } else if (node.is_string()) {
      if (typed && !has("string")) return type_error("string");
      schema_keywords(s, node, r, ctx, depth);
      common(s, node, r, ctx);
      string(s, node.string_view(), r, ctx);
    }
    ++r.score;
  }

 private:
  static void add(Result& r, const char* type, const char* format, const Context& ctx,
                  std::map<std::string, std::string> details) {
    ResultError e;
    e.type = type;
    e.field = field_of(ctx);
    details["field"] = e.field;
    if (details.count("context") == 0) details["context"] = ctx.str();
    e.description = replace_vars(format, details);
    r.errors.push_back(std::move(e));
    r.score -= 2;
  }

  Result sub(const SubSchema& s, const Value& node, const Context& ctx, int depth) {
    Result r;
    validate(s, node, r, ctx, depth + 1);
    return r;
  }

  void schema_keywords(const SubSchema& s, const Value& node, Result& r, const Context& ctx, int depth) {
    if (!s.any_of.empty()) {
      bool ok = false;
      std::optional<Result> best;
      for (const auto& branch : s.any_of) {
        if (ok) break;
        Result br = sub(*branch, node, ctx, depth);
        ok = br.valid();
        if (!ok && (!best || br.score > best->score)) best = std::move(br);
      }
      if (!ok) {
        add(r, "number_any_of", "Must validate at least one schema (anyOf)", ctx, {});
        if (best) r.merge(*best);
      }
    }
    if (!s.one_of.empty()) {
      int validated = 0;
      std::optional<Result> best;
      for (const auto& branch : s.one_of) {
        Result br = sub(*branch, node, ctx, depth);
        if (br.valid()) {
          ++validated;
        } else if (validated == 0 && (!best || br.score > best->score)) {
          best = std::move(br);
        }
      }
      if (validated != 1) {
        add(r, "number_one_of", "Must validate one and only one schema (oneOf)", ctx, {});
        if (validated == 0 && best) r.merge(*best);
      }
    }
    if (!s.all_of.empty()) {
      size_t validated = 0;
      for (const auto& branch : s.all_of) {
        Result br = sub(*branch, node, ctx, depth);
        if (br.valid()) ++validated;
        r.merge(br);
      }
      if (validated != s.all_of.size()) add(r, "number_all_of", "Must validate all the schemas (allOf)", ctx, {});
    }
    if (s.not_schema && sub(*s.not_schema, node, ctx, depth).valid()) {
      add(r, "number_not", "Must not validate the schema (not)", ctx, {});
    }
    if (!s.dependencies.empty() && node.is_object()) {
      for (auto [key, value] : node.entries()) {
        if (!key.is_string()) continue;
        for (const auto& [name, names, schema] : s.dependencies) {
          if (name != key.string_view()) continue;
          if (schema) {
            validate(*schema, node, r, ctx, depth + 1);
          } else {
            for (const std::string& needed : names) {
              if (node.find(needed) == nullptr) {
                add(r, "missing_dependency", "Has a dependency on {{.dependency}}", ctx, {{"dependency", needed}});
              }
            }
          }
        }
      }
    }
    if (s.if_schema) {
      bool if_valid = sub(*s.if_schema, node, ctx, depth).valid();
      if (s.then_schema && if_valid) {
        Result then_result = sub(*s.then_schema, node, ctx, depth);
        if (!then_result.valid()) {
          add(r, "condition_then", "Must validate \"then\" as \"if\" was valid", ctx, {});
          r.merge(then_result);
        }
      }
      if (s.else_schema && !if_valid) {
        Result else_result = sub(*s.else_schema, node, ctx, depth);
        if (!else_result.valid()) {
          add(r, "condition_else", "Must validate \"else\" as \"if\" was not valid", ctx, {});
          r.merge(else_result);
        }
      }
    }
    ++r.score;
  }

  void common(const SubSchema& s, const Value& node, Result& r, const Context& ctx) {
    if (s.const_json) {
      if (canonical_json(node) != *s.const_json) {
        add(r, "const", "{{.field}} does not match: {{.allowed}}", ctx, {{"allowed", *s.const_json}});
      }
    }
    if (!s.enum_json.empty()) {
      std::string j = canonical_json(node);
      if (std::find(s.enum_json.begin(), s.enum_json.end(), j) == s.enum_json.end()) {
        std::string allowed;
        for (size_t i = 0; i < s.enum_json.size(); ++i) allowed += (i ? ", " : "") + s.enum_json[i];
        add(r, "enum", "{{.field}} must be one of the following: {{.allowed}}", ctx, {{"allowed", allowed}});
      }
    }
    if (s.format && !check_format(*s.format, node)) {
      add(r, "format", "Does not match format '{{.format}}'", ctx, {{"format", *s.format}});
    }
    ++r.score;
  }

  void array(const SubSchema& s, const Value& node, Result& r, const Context& ctx, int depth) {
    std::span<const Value> items = node.elements();
    std::vector<std::string> names;
    auto item_ctx = [&](size_t i) {
      while (names.size() <= i) names.push_back(std::to_string(names.size()));
      return Context{&ctx, names[i]};
    };
    names.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) names.push_back(std::to_string(i));
    if (s.items_single) {
      for (size_t i = 0; i < items.size(); ++i) r.merge(sub(*s.items[0], items[i], item_ctx(i), depth));
    } else if (!s.items.empty()) {
      size_t n = std::min(s.items.size(), items.size());
      for (size_t i = 0; i < n; ++i) r.merge(sub(*s.items[i], items[i], item_ctx(i), depth));
      if (s.items.size() < items.size() && s.additional_items.present) {
        if (s.additional_items.schema) {
          for (size_t i = s.items.size(); i < items.size(); ++i) {
            r.merge(sub(*s.additional_items.schema, items[i], item_ctx(i), depth));
          }
        } else if (!s.additional_items.allowed) {
          add(r, "array_no_additional_items", "No additional items allowed on array", ctx, {});
        }
      }
    }
    if (s.min_items && static_cast<int64_t>(items.size()) < *s.min_items) {
      add(r, "array_min_items", "Array must have at least {{.min}} items", ctx, {{"min", std::to_string(*s.min_items)}});
    }
    if (s.max_items && static_cast<int64_t>(items.size()) > *s.max_items) {
      add(r, "array_max_items", "Array must have at most {{.max}} items", ctx, {{"max", std::to_string(*s.max_items)}});
    }
    if (s.unique_items) {
      std::map<std::string, size_t> seen;
      for (size_t j = 0; j < items.size(); ++j) {
        std::string key = canonical_json(items[j]);
        if (auto it = seen.find(key); it != seen.end()) {
          add(r, "unique", "{{.type}} items[{{.i}},{{.j}}] must be unique", ctx,
              {{"type", "array"}, {"i", std::to_string(it->second)}, {"j", std::to_string(j)}});
        }
        seen[key] = j;
      }
    }
    if (s.contains) {
      bool ok = false;
      std::optional<Result> best;
      for (size_t i = 0; i < items.size(); ++i) {
        Result br = sub(*s.contains, items[i], item_ctx(i), depth);
        if (br.valid()) {
          ok = true;
          break;
        }
        if (!best || br.score > best->score) best = std::move(br);
      }
      if (!ok) {
        add(r, "contains", "At least one of the items must match", ctx, {});
        if (best) r.merge(*best);
      }
    }
    ++r.score;
  }

  void object(const SubSchema& s, const Value& node, Result& r, const Context& ctx, int depth) {
    int64_t size = static_cast<int64_t>(node.size());
    if (s.min_properties && size < *s.min_properties) {
      add(r, "array_min_properties", "Must have at least {{.min}} properties", ctx,
          {{"min", std::to_string(*s.min_properties)}});
    }
    if (s.max_properties && size > *s.max_properties) {
      add(r, "array_max_properties", "Must have at most {{.max}} properties", ctx,
          {{"max", std::to_string(*s.max_properties)}});
    }
    for (const std::string& req : s.required) {
      if (node.find(req) != nullptr) {
        ++r.score;
      } else {
        add(r, "required", "{{.property}} is required", ctx, {{"property", req}});
      }
    }
    for (auto [key, value] : node.entries()) {
      if (!key.is_string()) continue;
      std::string_view k = key.string_view();
      bool found = std::any_of(s.properties.begin(), s.properties.end(), [&](auto& p) { return p.first == k; });
      bool pattern_match = false;
      Context sub_ctx{&ctx, k};
      for (const auto& [pattern, re, schema] : s.pattern_properties) {
        if (re->re && re2::RE2::PartialMatch(re2::StringPiece(k.data(), k.size()), *re->re)) {
          pattern_match = true;
          r.merge(sub(*schema, value, sub_ctx, depth));
        }
      }
      if (pattern_match) ++r.score;
      if (!found && !pattern_match && s.additional_properties.present) {
        if (s.additional_properties.schema) {
          r.merge(sub(*s.additional_properties.schema, value, sub_ctx, depth));
        } else if (!s.additional_properties.allowed) {
          add(r, "additional_property_not_allowed", "Additional property {{.property}} is not allowed", ctx,
              {{"property", std::string(k)}});
        }
      }
    }
    if (s.property_names) {
      for (auto [key, value] : node.entries()) {
        if (!key.is_string()) continue;
        Result nr = sub(*s.property_names, key, ctx, depth);
        if (!nr.valid()) {
          add(r, "invalid_property_name", "Property name of \"{{.property}}\" does not match", ctx,
              {{"property", std::string(key.string_view())}});
          r.merge(nr);
        }
      }
    }
    ++r.score;
  }

  void string(const SubSchema& s, std::string_view v, Result& r, const Context& ctx) {
    if (s.min_length && static_cast<int64_t>(runes(v)) < *s.min_length) {
      add(r, "string_gte", "String length must be greater than or equal to {{.min}}", ctx,
          {{"min", std::to_string(*s.min_length)}});
    }
    if (s.max_length && static_cast<int64_t>(runes(v)) > *s.max_length) {
      add(r, "string_lte", "String length must be less than or equal to {{.max}}", ctx,
          {{"max", std::to_string(*s.max_length)}});
    }
    if (s.pattern && s.pattern->re && !re2::RE2::PartialMatch(re2::StringPiece(v.data(), v.size()), *s.pattern->re)) {
      add(r, "pattern", "Does not match pattern '{{.pattern}}'", ctx, {{"pattern", s.pattern->re->pattern()}});
    }
    ++r.score;
  }

  void number(const SubSchema& s, const Number& n, Result& r, const Context& ctx) {
    if (s.multiple_of && !multiple_of(n, *s.multiple_of)) {
      add(r, "multiple_of", "Must be a multiple of {{.multiple}}", ctx, {{"multiple", number_detail(*s.multiple_of)}});
    }
    if (s.maximum && n.compare(*s.maximum) > 0) {
      add(r, "number_lte", "Must be less than or equal to {{.max}}", ctx, {{"max", number_detail(*s.maximum)}});
    }
    if (s.exclusive_maximum && n.compare(*s.exclusive_maximum) >= 0) {
      add(r, "number_lt", "Must be less than {{.max}}", ctx, {{"max", number_detail(*s.exclusive_maximum)}});
    }
    if (s.minimum && n.compare(*s.minimum) < 0) {
      add(r, "number_gte", "Must be greater than or equal to {{.min}}", ctx, {{"min", number_detail(*s.minimum)}});
    }
    if (s.exclusive_minimum && n.compare(*s.exclusive_minimum) <= 0) {
      add(r, "number_gt", "Must be greater than {{.min}}", ctx, {{"min", number_detail(*s.exclusive_minimum)}});
    }
    ++r.score;
  }
};

}  // namespace

std::vector<ResultError> Schema::validate(const Value& doc) const {
  Result r;
  Context root{nullptr, "(root)"};
  Validator().validate(*impl_->root, doc, r, root, 0);
  return std::move(r.errors);
}

}  // namespace arcane::stdlib::json_schema
