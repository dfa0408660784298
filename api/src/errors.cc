#include "api/src/errors.h"
#include "arcane/metrics.h"

#include "api/src/evaluator.h"
#include "runtime/json_text.h"

namespace arcane {

namespace {

// OPA prints parse and compile errors (ast.Error) and evaluation errors (topdown.Error)
// with slightly different location prefixes; see Error::to_string in error.h.
std::string location_prefix(const Error& e) {
  if (!e.location) return "";
  const SourceLocation& l = *e.location;
  if (!l.file.empty()) return l.file + ":" + std::to_string(l.row);
  if (e.is_eval_error() && !l.text.empty()) return l.text;
  return std::to_string(l.row) + ":" + std::to_string(l.col);
}

void write_error(runtime::JsonTextWriter& w, const Error& e) {
  w.begin_object().key("message").string(e.message);
  if (!e.code.empty()) w.key("code").string(e.code);
  if (e.location) {
    w.key("location").begin_object();
    w.key("file").string(e.location->file).key("row").number(e.location->row).key("col").number(e.location->col);
    w.end_object();
    if (e.source_line) {
      w.key("details").begin_object();
      w.key("line").string(*e.source_line).key("idx").number(e.location->col - 1);
      w.end_object();
    }
  }
  if (!e.source_line && !e.details.empty()) w.key("details").json(e.details);
  w.end_object();
}

}  // namespace

std::string Error::to_string() const {
  std::string out = location_prefix(*this);
  if (!out.empty()) out += ": ";
  if (!code.empty()) out += code + ": ";
  out += message;
  for (const auto& note : notes) out += "\n\t" + note;
  return out;
}

std::string to_json(const Error& error, int indent) {
  runtime::JsonTextWriter w(indent);
  write_error(w, error);
  return w.take();
}

std::string to_json(const Errors& errors, int indent, const Metrics* metrics) {
  runtime::JsonTextWriter w(indent);
  w.begin_object().key("errors").begin_array();
  for (const auto& e : errors) write_error(w, e);
  w.end_array();
  if (metrics != nullptr) w.key("metrics").json(metrics->to_json());
  w.end_object();
  return w.take();
}

namespace api {

const runtime::SourceFile* SourceLookup::get(uint32_t id) const {
  if (query != nullptr && id == query_file) return query->get(id);
  return policy != nullptr ? policy->get(id) : nullptr;
}

Error to_error(const runtime::Diagnostic& d, const SourceLookup& sources) {
  Error e;
  e.code = d.code;
  e.message = d.message;
  e.notes = d.notes;
  e.details = d.details;
  const runtime::SourceFile* file = d.location.known() ? sources.get(d.location.file) : nullptr;
  if (file != nullptr) {
    runtime::LineCol lc = file->line_col(d.location.offset);
    SourceLocation loc;
    loc.file = file->name();
    loc.row = static_cast<int>(lc.line);
    loc.col = static_cast<int>(lc.col);
    const std::string& text = file->text();
    if (d.location.offset <= text.size()) loc.text = text.substr(d.location.offset, d.location.length);
    e.location = std::move(loc);
    // As the runtime's renderer: parse errors show their source line.
    if (d.code == "rego_parse_error" && d.source_line) e.source_line = std::string(file->line_text(lc.line));
  }
  return e;
}

Errors to_errors(const runtime::Diagnostics& ds, const SourceLookup& sources) {
  Errors out;
  out.reserve(ds.size());
  for (const auto& d : ds.items()) out.push_back(to_error(d, sources));
  return out;
}

Error loading_error(std::string message) {
  Error e;
  e.message = std::move(message);
  return e;
}

Error internal_error(const std::string& what) {
  Error e;
  e.code = kEvalInternalError;
  e.message = "internal error: " + what;
  return e;
}

}  // namespace api
}  // namespace arcane
