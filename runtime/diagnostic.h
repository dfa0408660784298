// Errors as values. A diagnostic carries OPA's error code (rego_parse_error,
// rego_compile_error, eval_type_error, ...), a message and a location; it is rendered for
// humans as `file:line:col: code: message` plus the source line and a caret, and for
// machines in OPA's JSON error shape. Library code returns these; it never exits or throws
// across the public API.
#pragma once

#include <string>
#include <vector>

#include "runtime/source.h"

namespace arcane::runtime {

struct Diagnostic {
  std::string code;     // OPA's code, e.g. "rego_parse_error"; empty for loading errors
  std::string message;  // without code or location
  Location location;
  std::vector<std::string> notes;
  // OPA's error details other than a parse error's (a type error's have/want), as
  // compact JSON written in OPA's key order; empty when there are none.
  std::string details{};
  // Parse errors show their source line (OPA's details {line, idx}) unless this is false:
  // OPA's checks after parsing (the v1 keyword rules) carry no details.
  bool source_line = true;
};

// Collects diagnostics up to a limit, as OPA's compiler does (it stops at 10 by default).
class Diagnostics {
 public:
  explicit Diagnostics(size_t limit = 10) : limit_(limit) {}
  void add(Diagnostic d);
  bool empty() const { return items_.empty(); }
  bool full() const { return items_.size() >= limit_; }
  size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  void append(const Diagnostics& other);

 private:
  size_t limit_;
  std::vector<Diagnostic> items_;
};

// kPrecise: `file:line:col: code: message`. kOpa: `file:line: code: message`, exactly as
// the opa CLI prints it (OPA drops the column when there is a file name), so that our CLI
// output can be compared with OPA's byte for byte.
enum class RenderStyle { kPrecise, kOpa };

// The position and message, then for parse errors the source line and a caret under the
// column (leading tabs dropped from both, as OPA does).
std::string render_human(const Diagnostic& d, const SourceSet& sources, RenderStyle style = RenderStyle::kPrecise,
                         bool with_snippet = true);
std::string render_human(const Diagnostics& ds, const SourceSet& sources, RenderStyle style = RenderStyle::kPrecise);

// OPA's JSON error object, fields in OPA's order: message, code, location{file,row,col},
// and details: for parse errors {line,idx}, otherwise Diagnostic::details. indent 0 is compact; OPA's CLI uses 2.
std::string render_json(const Diagnostic& d, const SourceSet& sources, int indent = 0);
// {"errors":[...]} as `opa check --format json` prints it.
std::string render_json(const Diagnostics& ds, const SourceSet& sources, int indent = 0);

}  // namespace arcane::runtime
