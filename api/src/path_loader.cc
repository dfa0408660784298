#include "api/src/path_loader.h"

#include <variant>

#include "api/src/documents.h"
#include "api/src/files.h"
#include "runtime/json_reader.h"
#include "runtime/yaml_reader.h"
#include "stdlib/go_json_scanner.h"

namespace arcane::api {

using runtime::Value;

namespace {

runtime::Diagnostic loading(std::string message) {
  return runtime::Diagnostic{"", std::move(message), {}, {}};
}

runtime::Result<Value> named(const std::string& name, runtime::Result<Value> r) {
  if (r.ok()) return r;
  return loading(name + ":" + r.error().message);
}

// OPA's SplitPrefix: `a.b:path` (but not a URL such as file:///x).
std::pair<std::vector<std::string>, std::string> split_prefix(const std::string& arg) {
  size_t colon = arg.find(':');
  if (colon == std::string::npos || arg.find("://") == colon || colon == 0) return {{}, arg};
  return {split_path(arg.substr(0, colon), '.'), arg.substr(colon + 1)};
}

std::string strip_file_url(const std::string& path) {
  if (path.rfind("file://", 0) == 0) return path.substr(7);
  return path;
}

class PathLoader {
 public:
  PathLoader(const compiler::ParseOptions& options, ModuleSet& modules, Value& documents, runtime::Diagnostics& diags)
      : options_(options), modules_(modules), documents_(documents), diags_(diags) {}

  void walk(const std::string& path, std::vector<std::string>& mount_at, int depth) {
    std::string error;
    FileKind kind = stat_path(path, error);
    if (kind == FileKind::kMissing || kind == FileKind::kError) return diags_.add(loading(error));
    if (kind == FileKind::kFile) return load_file(path, mount_at, depth);
    size_t mark = mount_at.size();
    if (depth > 0) mount_at.push_back(path.substr(path.rfind('/') + 1));
    std::vector<std::string> names;
    if (!list_directory(path, names, error)) {
      diags_.add(loading(error));
    } else {
      for (const auto& name : names) walk(join_path(path, name), mount_at, depth + 1);
    }
    mount_at.resize(mark);
  }

 private:
  void load_file(const std::string& path, const std::vector<std::string>& mount_at, int depth) {
    std::string_view ext = extension(path);
    bool tarball = path.size() > 7 && path.compare(path.size() - 7, 7, ".tar.gz") == 0;
    bool known = ext == ".rego" || ext == ".json" || ext == ".yaml" || ext == ".yml" || tarball;
    if (!known && depth > 0) return;  // OPA ignores other files inside directories
    std::string text, error;
    if (!read_file(path, text, error)) return diags_.add(loading(error));
    if (tarball) return diags_.add(loading("bundle " + path + ": tarball bundles are not supported yet"));
    if (ext == ".rego") {
      modules_.add(path, std::move(text), options_);
      return;
    }
    if (known) {
      auto doc = parse_data_file(path, text);
      if (!doc.ok()) return diags_.add(doc.error());
      return add_document(path, mount_at, std::move(doc).value());
    }
    // A file named directly, of no known type: whichever reading works, as OPA tries them.
    if (ModuleSet::parses(text, options_)) {
      modules_.add(path, std::move(text), options_);
      return;
    }
    if (auto doc = runtime::parse_json(text); doc.ok()) return add_document(path, mount_at, std::move(doc).value());
    if (auto doc = runtime::parse_yaml(text); doc.ok()) return add_document(path, mount_at, std::move(doc).value());
    diags_.add(loading(path + ": can't recognize file type"));
  }

  void add_document(const std::string& path, const std::vector<std::string>& mount_at, Value doc) {
    Value mounted = mount(mount_at, std::move(doc));
    if (!mounted.is_object()) return diags_.add(loading(path + ": document must be of type object"));
    auto merged = merge_documents(documents_, mounted);
    if (!merged) return diags_.add(loading(path + ": merge error"));
    documents_ = std::move(*merged);
  }

  const compiler::ParseOptions& options_;
  ModuleSet& modules_;
  Value& documents_;
  runtime::Diagnostics& diags_;
};

}  // namespace

runtime::Result<Value> parse_data_file(const std::string& name, const std::string& text) {
  std::string_view ext = extension(name);
  if (ext == ".json") {
    auto json = runtime::parse_json(text);
    if (json.ok()) return json;
    // OPA's loader reports Go's decoder error ("unexpected EOF", "invalid character ...").
    auto go = stdlib::go_json_first_value(text);
    if (const auto* message = std::get_if<std::string>(&go)) return loading(name + ": " + *message);
    return named(name, std::move(json));
  }
  if (ext == ".yaml" || ext == ".yml") {
    auto json = runtime::parse_json(text);
    if (json.ok()) return json;
    return named(name, runtime::parse_yaml(text));
  }
  auto json = runtime::parse_json(text);
  if (json.ok()) return json;
  return named(name, runtime::parse_yaml(text));
}

void load_path(const std::string& arg, const compiler::ParseOptions& options, ModuleSet& modules, Value& documents,
               runtime::Diagnostics& diags) {
  auto [prefix, path] = split_prefix(arg);
  PathLoader loader(options, modules, documents, diags);
  loader.walk(strip_file_url(path), prefix, 0);
}

}  // namespace arcane::api
