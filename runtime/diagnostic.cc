#include "runtime/diagnostic.h"

#include "runtime/json_text.h"

namespace arcane::runtime {

void Diagnostics::add(Diagnostic d) {
  if (!full()) items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
}

namespace {

struct Resolved {
  std::string file;
  LineCol pos;
  std::string_view line;
  bool known = false;
};

Resolved resolve(const Diagnostic& d, const SourceSet& sources) {
  Resolved r;
  const SourceFile* f = sources.get(d.location.file);
  if (f == nullptr) return r;
  r.file = f->name();
  r.pos = f->line_col(d.location.offset);
  r.line = f->line_text(r.pos.line);
  r.known = true;
  return r;
}

// Parse errors show the offending line and a caret, as OPA's parser errors do: leading
// tabs are dropped from the line and from the caret's indent.
bool has_snippet(const Diagnostic& d) { return d.code == "rego_parse_error" && d.source_line; }

}  // namespace

std::string render_human(const Diagnostic& d, const SourceSet& sources, RenderStyle style, bool with_snippet) {
  Resolved r = resolve(d, sources);
  std::string out;
  if (r.known) {
    bool opa_short = style == RenderStyle::kOpa && !r.file.empty();
    if (!r.file.empty()) out += r.file + ":";
    out += std::to_string(r.pos.line);
    if (!opa_short) out += ":" + std::to_string(r.pos.col);
    out += ": ";
  }
  if (!d.code.empty()) out += d.code + ": ";
  out += d.message;
  if (with_snippet && r.known && has_snippet(d)) {
    std::string_view line = r.line;
    size_t tabs = 0;
    while (tabs < line.size() && line[tabs] == '\t') ++tabs;
    size_t idx = r.pos.col - 1;
    out += "\n\t";
    out += line.substr(tabs);
    out += "\n\t" + std::string(idx > tabs ? idx - tabs : 0, ' ') + "^";
  }
  for (const auto& note : d.notes) out += "\n\t" + note;
  return out;
}

std::string render_human(const Diagnostics& ds, const SourceSet& sources, RenderStyle style) {
  std::string out;
  for (const auto& d : ds.items()) out += render_human(d, sources, style) + "\n";
  return out;
}

static void write_json(JsonTextWriter& w, const Diagnostic& d, const SourceSet& sources) {
  Resolved r = resolve(d, sources);
  // Loading errors (unreadable files, bad bundles) carry no code in OPA's output.
  w.begin_object().key("message").string(d.message);
  if (!d.code.empty()) w.key("code").string(d.code);
  if (r.known) {
    w.key("location").begin_object();
    w.key("file").string(r.file).key("row").number(r.pos.line).key("col").number(r.pos.col);
    w.end_object();
    if (has_snippet(d)) {
      w.key("details").begin_object().key("line").string(r.line).key("idx").number(r.pos.col - 1).end_object();
    } else if (!d.details.empty()) {
      w.key("details").json(d.details);
    }
  }
  w.end_object();
}

std::string render_json(const Diagnostic& d, const SourceSet& sources, int indent) {
  JsonTextWriter w(indent);
  write_json(w, d, sources);
  return w.take();
}

std::string render_json(const Diagnostics& ds, const SourceSet& sources, int indent) {
  JsonTextWriter w(indent);
  w.begin_object().key("errors").begin_array();
  for (const auto& d : ds.items()) write_json(w, d, sources);
  w.end_array().end_object();
  return w.take();
}

}  // namespace arcane::runtime
