#include "api/src/bundle_loader.h"

#include <fnmatch.h>

#include "api/src/documents.h"
#include "api/src/files.h"
#include "runtime/json_reader.h"
#include "runtime/yaml_reader.h"

namespace arcane::api {

using runtime::Value;

namespace {

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out = split_path(path);
  if (out.empty()) out.emplace_back();  // Go's strings.Split("", "/") is {""}
  return out;
}

bool root_contains(const std::vector<std::string>& root, const std::vector<std::string>& other) {
  if (root.size() == 1 && root[0].empty()) return true;
  if (root.size() > other.size()) return false;
  for (size_t i = 0; i < root.size(); ++i) {
    if (root[i] != other[i]) return false;
  }
  return true;
}

std::string trim_slashes(const std::string& s) {
  size_t b = s.find_first_not_of('/');
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of('/');
  return s.substr(b, e - b + 1);
}

// Go's %v of a []string: [a b c].
std::string go_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ' ';
    out += items[i];
  }
  return out + "]";
}

struct Manifest {
  std::optional<std::vector<std::string>> roots;
  std::optional<int> rego_version;
  std::vector<std::pair<std::string, int>> file_rego_versions;  // glob -> version
};

bool read_manifest(const std::string& text, Manifest& m, std::string& error) {
  auto doc = runtime::parse_json(text);
  if (!doc.ok()) {
    error = "bundle load failed on manifest decode: " + doc.error().message;
    return false;
  }
  const Value& v = doc.value();
  if (!v.is_object()) {
    error = "bundle load failed on manifest decode: the manifest must be an object";
    return false;
  }
  if (const Value* roots = v.find("roots"); roots != nullptr && !roots->is_null()) {
    if (!roots->is_array()) {
      error = "bundle load failed on manifest decode: roots must be an array of strings";
      return false;
    }
    m.roots.emplace();
    for (const Value& r : roots->elements()) {
      if (!r.is_string()) {
        error = "bundle load failed on manifest decode: roots must be an array of strings";
        return false;
      }
      m.roots->emplace_back(r.string_view());
    }
  }
  auto version_of = [&](const Value& x, int& out) {
    auto n = x.is_number() ? x.number().to_int64() : std::nullopt;
    if (!n || (*n != 0 && *n != 1)) {
      error = "bundle load failed on manifest decode: rego_version must be 0 or 1";
      return false;
    }
    out = static_cast<int>(*n);
    return true;
  };
  if (const Value* rv = v.find("rego_version"); rv != nullptr && !rv->is_null()) {
    int n = 0;
    if (!version_of(*rv, n)) return false;
    m.rego_version = n;
  }
  if (const Value* fv = v.find("file_rego_versions"); fv != nullptr && fv->is_object()) {
    for (auto e : fv->entries()) {
      int n = 0;
      if (!e.key.is_string() || !version_of(e.value, n)) return false;
      m.file_rego_versions.emplace_back(std::string(e.key.string_view()), n);
    }
  }
  return true;
}

struct BundleFile {
  std::string rel;   // "/agents/data.json", as OPA's descriptors name files
  std::string full;  // DIR joined with rel
};

void collect_files(const std::string& dir, const std::string& rel, std::vector<BundleFile>& out, std::string& error) {
  std::vector<std::string> names;
  if (!list_directory(join_path(dir, rel), names, error)) return;
  for (const auto& name : names) {
    std::string child_rel = rel + "/" + name;
    std::string full = join_path(dir, child_rel);
    std::string stat_error;
    FileKind kind = stat_path(full, stat_error);
    if (kind == FileKind::kDirectory) {
      collect_files(dir, child_rel, out, error);
      if (!error.empty()) return;
    } else if (kind == FileKind::kFile) {
      out.push_back({child_rel, full});
    }
  }
}

compiler::ast::RegoVersion version_for(const Manifest& m, const std::string& rel, compiler::ast::RegoVersion fallback) {
  auto of = [](int n) { return n == 0 ? compiler::ast::RegoVersion::V0 : compiler::ast::RegoVersion::V1; };
  for (const auto& [glob, n] : m.file_rego_versions) {
    if (fnmatch(glob.c_str(), rel.c_str(), 0) == 0) return of(n);
  }
  return m.rego_version ? of(*m.rego_version) : fallback;
}

class BundleReader {
 public:
  BundleReader(std::string path, const compiler::ParseOptions& options, ModuleSet& modules, runtime::Diagnostics& diags)
      : path_(std::move(path)), options_(options), modules_(modules), diags_(diags) {}

  std::optional<LoadedBundle> read() {
    std::string error;
    FileKind kind = stat_path(path_, error);
    if (kind == FileKind::kMissing || kind == FileKind::kError) {
      return fail("loading error: error reading \"" + path_ + "\": " + error);
    }
    if (kind == FileKind::kFile) return fail_bundle("tarball bundles are not supported yet");
    std::vector<BundleFile> files;
    collect_files(path_, "", files, error);
    if (!error.empty()) return fail_bundle("bundle read failed: " + error);
    std::vector<BundleFile> rego;
    for (const auto& f : files) {
      if (!read_one(f, rego)) return std::nullopt;
    }
    if (!parse_modules(rego)) return std::nullopt;
    if (!validate()) return std::nullopt;
    LoadedBundle out;
    out.name = path_;
    out.roots = roots_;
    out.data = std::move(data_);
    return out;
  }

 private:
  std::nullopt_t fail(std::string message) {
    diags_.add(runtime::Diagnostic{"", std::move(message), {}, {}});
    return std::nullopt;
  }
  std::nullopt_t fail_bundle(const std::string& message) {
    return fail("loading error: bundle " + path_ + ": " + message);
  }
  bool bad(const std::string& message) {
    fail_bundle(message);
    return false;
  }

  bool read_one(const BundleFile& f, std::vector<BundleFile>& rego) {
    std::string base = f.rel.substr(f.rel.rfind('/') + 1);
    bool is_rego = extension(f.rel) == ".rego";
    bool is_data = base == "data.json" || base == "data.yaml" || base == "data.yml";
    bool is_manifest = f.rel.size() >= 9 && f.rel.compare(f.rel.size() - 9, 9, ".manifest") == 0;
    if (is_rego) {
      rego.push_back(f);
      return true;
    }
    if (!is_data && !is_manifest) return true;
    std::string text, error;
    if (!read_file(f.full, text, error)) return bad("bundle read failed: " + error);
    if (is_manifest) {
      if (!read_manifest(text, manifest_, error)) return bad(error);
      return true;
    }
    auto doc = runtime::parse_json(text);
    if (!doc.ok() && base != "data.json") doc = runtime::parse_yaml(text);
    if (!doc.ok()) return bad("bundle load failed on " + f.full + ": " + doc.error().message);
    return insert(f.rel, std::move(doc).value());
  }

  bool insert(const std::string& rel, Value doc) {
    std::string dir = trim_slashes(rel.substr(0, rel.rfind('/')));
    std::vector<std::string> key = split_path(dir);
    if (key.empty() && !doc.is_object()) {
      return bad("bundle load failed on " + rel + ": root value must be object");
    }
    auto merged = merge_documents(data_, mount(key, std::move(doc)));
    if (!merged) {
      return bad("bundle load failed on " + rel + ": failed to insert data file from path " + dir);
    }
    data_ = std::move(*merged);
    return true;
  }

  bool parse_modules(const std::vector<BundleFile>& rego) {
    bool ok = true;
    for (const auto& f : rego) {
      std::string text, error;
      if (!read_file(f.full, text, error)) return bad("bundle read failed: " + error);
      compiler::ParseOptions options = options_;
      options.version = version_for(manifest_, f.rel, options_.version);
      const compiler::ast::Module* m = modules_.add(f.full, std::move(text), options);
      if (m == nullptr) {
        ok = false;
        continue;
      }
      std::string root;
      packages_.push_back({package_root_path(*m, root), root, package_text(*m), f.full});
    }
    return ok;
  }

  bool validate() {
    roots_ = manifest_.roots.value_or(std::vector<std::string>{""});
    for (auto& r : roots_) r = trim_slashes(r);
    for (size_t i = 0; i + 1 < roots_.size(); ++i) {
      for (size_t j = i + 1; j < roots_.size(); ++j) {
        if (root_paths_overlap(roots_[i], roots_[j])) {
          return bad("manifest has overlapped roots: '" + roots_[i] + "' and '" + roots_[j] + "'");
        }
      }
    }
    for (const auto& p : packages_) {
      if (!p.has_path || !root_paths_contain(roots_, p.path)) {
        return bad("manifest roots " + go_list(roots_) + " do not permit '" + p.text + "' in module '" + p.file + "'");
      }
    }
    return check_data(data_, "");
  }

  // OPA's depth-first walk: a node under a root is fine; an object on the way to a root is
  // walked into; anything else is data outside the roots.
  bool check_data(const Value& node, const std::string& path) {
    if (root_paths_contain(roots_, path)) return true;
    if (node.is_object()) {
      std::vector<std::string> path_segments = segments(path);
      bool on_the_way = false;
      for (const auto& r : roots_) on_the_way = on_the_way || root_paths_contain(path_segments, r);
      if (on_the_way) {
        for (auto e : node.entries()) {
          std::string key = e.key.is_string() ? std::string(e.key.string_view()) : "";
          if (!check_data(e.value, path.empty() ? key : path + "/" + key)) return false;
        }
        return true;
      }
    }
    return bad("manifest roots " + go_list(roots_) + " do not permit data at path '/" + path +
               "' (hint: check bundle directory structure)");
  }

  struct PackageInfo {
    bool has_path;
    std::string path;
    std::string text;
    std::string file;
  };

  std::string path_;
  const compiler::ParseOptions& options_;
  ModuleSet& modules_;
  runtime::Diagnostics& diags_;
  Manifest manifest_;
  Value data_ = Value::empty_object();
  std::vector<PackageInfo> packages_;
  std::vector<std::string> roots_;
};

}  // namespace

bool root_paths_contain(const std::vector<std::string>& roots, const std::string& path) {
  std::vector<std::string> other = segments(path);
  for (const auto& r : roots) {
    if (root_contains(segments(r), other)) return true;
  }
  return false;
}

bool root_paths_overlap(const std::string& a, const std::string& b) {
  std::vector<std::string> sa = segments(a), sb = segments(b);
  return root_contains(sa, sb) || root_contains(sb, sa);
}

std::optional<LoadedBundle> load_bundle(const std::string& path, const compiler::ParseOptions& options,
                                        ModuleSet& modules, runtime::Diagnostics& diags) {
  std::string clean = path.rfind("file://", 0) == 0 ? path.substr(7) : path;
  BundleReader reader(clean, options, modules, diags);
  return reader.read();
}

bool activate_bundles(const std::vector<LoadedBundle>& bundles, Value& documents, runtime::Diagnostics& diags) {
  bool ok = true;
  for (size_t i = 0; i < bundles.size(); ++i) {
    std::vector<std::string> collisions;
    for (size_t j = 0; j < i; ++j) {
      bool overlap = false;
      for (const auto& a : bundles[i].roots) {
        for (const auto& b : bundles[j].roots) overlap = overlap || root_paths_overlap(a, b);
      }
      if (overlap) collisions.push_back(bundles[j].name);
    }
    if (!collisions.empty()) {
      diags.add(runtime::Diagnostic{
          "", "detected overlapping roots in bundle manifest with: " + go_list(collisions), {}, {}});
      ok = false;
    }
  }
  if (!ok) return false;
  for (const auto& b : bundles) {
    for (const auto& root : b.roots) documents = remove_path(documents, split_path(root));
    auto merged = merge_documents(documents, b.data);
    if (!merged) {
      diags.add(runtime::Diagnostic{"", "bundle " + b.name + ": data conflicts with other data", {}, {}});
      return false;
    }
    documents = std::move(*merged);
  }
  return true;
}

}  // namespace arcane::api
