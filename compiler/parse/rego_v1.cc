// Rego v1 parse-time checks (see rego_v1.h).
#include "compiler/parse/rego_v1.h"

namespace arcane::compiler::parse {

bool is_keyword(const std::string& s, ast::RegoVersion version) {
  static const char* const kWords[] = {"not",  "package", "import", "as",       "default", "else", "with", "null",
                                       "true", "false",   "some",   "if",       "contains", "in",  "every"};
  bool v0 = version == ast::RegoVersion::V0;
  if (v0 && (s == "if" || s == "contains" || s == "in" || s == "every")) return false;
  for (const char* w : kWords) {
    if (s == w) return true;
  }
  return false;
}

namespace {


void check_rule(const ast::Rule& r, std::vector<runtime::Diagnostic>& out) {
  const char* kind = r.head.args.empty() ? "rule" : "function";
  auto add = [&](std::string message) {
    runtime::Diagnostic d{"rego_parse_error", std::move(message), r.loc, {}};
    d.source_line = false;  // OPA's post-parse checks carry no details
    out.push_back(std::move(d));
  };
  if (r.head.ref.size() < 2 && is_keyword(r.head.name, ast::RegoVersion::V1)) add(r.head.name + " keyword cannot be used for rule name");
  if (r.generated_body && r.head.generated_value) {
    add(std::string(kind) + " must have value assignment and/or body declaration");
  }
  if (!r.generated_body && !r.head.has_if && !r.is_default) {
    add(std::string("`if` keyword is required before ") + kind + " body");
  }
  if (!r.head.value && r.head.key && !r.head.has_contains) {
    add("`contains` keyword is required for partial set rules");
  }
}

}  // namespace

std::vector<runtime::Diagnostic> check_rego_v1(const ast::Module& module) {
  std::vector<runtime::Diagnostic> out;
  for (const auto& rule : module.rules) {
    for (const ast::Rule* r = &rule; r != nullptr; r = r->else_rule.get()) check_rule(*r, out);
  }
  return out;
}

}  // namespace arcane::compiler::parse
