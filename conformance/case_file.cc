#include "conformance/case_file.h"

#include <algorithm>
#include <filesystem>

#include "runtime/json_reader.h"
#include "runtime/yaml_reader.h"

namespace arcane::conformance {

namespace fs = std::filesystem;

namespace {

// Reads one case mapping the way Go's json.Unmarshal fills OPA's TestCase struct.
class CaseReader {
 public:
  explicit CaseReader(const Value& m) : m_(m) {}

  bool read(Case& c) {
    return string("note", c.note) && string("query", c.query) && strings("modules", c.modules) &&
           object("data", c.data) && any("input", c.input) && optional_string("input_term", c.input_term) &&
           rows("want_result", c.want_result) && optional_string("want_error_code", c.want_error_code) &&
           optional_string("want_error", c.want_error) && boolean("strict_error", c.strict_error) &&
           boolean("sort_bindings", c.sort_bindings) && boolean("ignore_generated_vars", c.ignore_generated_vars) &&
           boolean("experimental_keywords", c.experimental_keywords) && env(c.env);
  }

  const std::string& error() const { return error_; }

 private:
  // The field's value, or nullptr when absent or null.
  const Value* field(const char* name) const {
    const Value* v = m_.find(std::string_view(name));
    return v == nullptr || v->is_null() ? nullptr : v;
  }
  bool bad(const char* name, const char* want) {
    error_ = std::string("field ") + name + ": expected " + want;
    return false;
  }
  bool string(const char* name, std::string& out) {
    const Value* v = field(name);
    if (v == nullptr) return true;
    if (!v->is_string()) return bad(name, "a string");
    out = std::string(v->string_view());
    return true;
  }
  bool optional_string(const char* name, std::optional<std::string>& out) {
    const Value* v = field(name);
    if (v == nullptr) return true;
    if (!v->is_string()) return bad(name, "a string");
    out = std::string(v->string_view());
    return true;
  }
  bool strings(const char* name, std::vector<std::string>& out) {
    const Value* v = field(name);
    if (v == nullptr) return true;
    if (!v->is_array()) return bad(name, "a list of strings");
    for (const Value& s : v->elements()) {
      if (!s.is_string()) return bad(name, "a list of strings");
      out.emplace_back(s.string_view());
    }
    return true;
  }
  bool object(const char* name, std::optional<Value>& out) {
    const Value* v = field(name);
    if (v == nullptr) return true;
    if (!v->is_object()) return bad(name, "a mapping");
    out = *v;
    return true;
  }
  bool any(const char* name, std::optional<Value>& out) {
    if (const Value* v = field(name)) out = *v;
    return true;
  }
  bool rows(const char* name, std::optional<Value>& out) {
    const Value* v = field(name);
    if (v == nullptr) return true;
    if (!v->is_array()) return bad(name, "a list of mappings");
    for (const Value& row : v->elements()) {
      if (!row.is_object()) return bad(name, "a list of mappings");
    }
    out = *v;
    return true;
  }
  bool boolean(const char* name, bool& out) {
    const Value* v = field(name);
    if (v == nullptr) return true;
    if (!v->is_boolean()) return bad(name, "a boolean");
    out = v->as_bool();
    return true;
  }
  bool env(std::vector<std::pair<std::string, std::string>>& out) {
    const Value* v = field("env");
    if (v == nullptr) return true;
    if (!v->is_object()) return bad("env", "a mapping of strings");
    for (auto e : v->entries()) {
      if (!e.key.is_string() || !e.value.is_string()) return bad("env", "a mapping of strings");
      out.emplace_back(std::string(e.key.string_view()), std::string(e.value.string_view()));
    }
    return true;
  }

  const Value& m_;
  std::string error_;
};

std::string topic_of(const std::string& file) {
  size_t first = file.find('/');
  if (first == std::string::npos) return "";
  size_t second = file.find('/', first + 1);
  if (second == std::string::npos) return file.substr(0, first);
  return file.substr(0, second);
}

}  // namespace

CaseFile parse_case_file(std::string_view text, const std::string& file) {
  CaseFile out;
  out.file = file;
  size_t start = text.find_first_not_of(" \t\r\n");
  bool json = start != std::string_view::npos && text[start] == '{';
  auto doc = json ? runtime::parse_json(text) : runtime::parse_yaml(text);
  if (!doc.ok()) {
    out.error = doc.error().message;
    return out;
  }
  const Value* cases = doc->is_object() ? doc->find("cases") : nullptr;
  if (cases == nullptr || cases->is_null()) return out;
  if (!cases->is_array()) {
    out.error = "cases: expected a list";
    return out;
  }
  RegoVersion version = file.rfind("v0/", 0) == 0 ? RegoVersion::kV0 : RegoVersion::kV1;
  std::string topic = topic_of(file);
  for (size_t i = 0; i < cases->size(); ++i) {
    const Value& m = cases->at(i);
    Case c;
    c.file = file;
    c.index = i;
    c.id = file + "#" + std::to_string(i);
    c.topic = topic;
    c.version = version;
    if (!m.is_object()) {
      out.error = "case " + std::to_string(i) + ": expected a mapping";
      out.cases.clear();
      return out;
    }
    CaseReader reader(m);
    if (!reader.read(c)) {
      out.error = "case " + std::to_string(i) + ": " + reader.error();
      out.cases.clear();
      return out;
    }
    out.cases.push_back(std::move(c));
  }
  return out;
}

bool list_case_files(const std::string& root, const std::string& subpath, std::vector<std::string>& out,
                     std::string& error) {
  fs::path base = fs::path(root) / subpath;
  std::error_code ec;
  if (fs::is_regular_file(base, ec)) {
    out.push_back(fs::path(subpath).lexically_normal().generic_string());
    return true;
  }
  if (!fs::is_directory(base, ec)) {
    error = base.string() + ": no such directory";
    return false;
  }
  std::vector<std::string> found;
  for (auto it = fs::recursive_directory_iterator(base, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file()) found.push_back(fs::relative(it->path(), root).generic_string());
  }
  if (ec) {
    error = base.string() + ": " + ec.message();
    return false;
  }
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return true;
}

}  // namespace arcane::conformance
