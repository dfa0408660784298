#include "api/src/module_set.h"

#include "runtime/json_escape.h"

namespace arcane::api {

namespace ast = compiler::ast;

const ast::Module* ModuleSet::add(std::string name, std::string text, const compiler::ParseOptions& options) {
  uint32_t id = policy_.sources.add(name, std::move(text));
  runtime::Diagnostics local(1000);
  auto started = std::chrono::steady_clock::now();
  auto module = compiler::parse_module(policy_.sources, id, options, local);
  parse_time_ += std::chrono::steady_clock::now() - started;
  if (!module.ok() || !local.empty()) {
    if (local.empty()) local.add(module.error());
    diags_.append(local);
    return nullptr;
  }
  auto [it, inserted] = index_.emplace(name, policy_.modules.size());
  if (inserted) {
    policy_.modules.push_back(std::move(module).value());
    policy_.module_files.push_back(id);
  } else {
    policy_.modules[it->second] = std::move(module).value();
    policy_.module_files[it->second] = id;
  }
  return &policy_.modules[it->second];
}

bool ModuleSet::parses(const std::string& text, const compiler::ParseOptions& options) {
  runtime::SourceSet sources;
  uint32_t id = sources.add("", text);
  runtime::Diagnostics diags(1);
  auto module = compiler::parse_module(sources, id, options, diags);
  return module.ok() && diags.empty();
}

bool package_root_path(const ast::Module& module, std::string& out) {
  out.clear();
  const auto& path = module.package.path;
  for (size_t i = 1; i < path.size(); ++i) {
    const auto* s = ast::get_if<ast::String>(path[i]);
    if (s == nullptr) return false;
    if (i > 1) out += '/';
    out += s->value;
  }
  return true;
}

namespace {

bool is_identifier(const std::string& s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string package_text(const ast::Module& module) {
  std::string out = "package ";
  const auto& path = module.package.path;
  for (size_t i = 1; i < path.size(); ++i) {
    const auto* s = ast::get_if<ast::String>(path[i]);
    if (s != nullptr && is_identifier(s->value)) {
      if (i > 1) out += '.';
      out += s->value;
    } else if (s != nullptr) {
      out += '[';
      runtime::append_json_quoted(out, s->value);
      out += ']';
    } else {
      out += "[...]";
    }
  }
  return out;
}

}  // namespace arcane::api
