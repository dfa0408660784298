// Errors as the embedding API reports them, and Result<T>, a value or errors.
//
// Inside the library a diagnostic points into a SourceSet (file id, byte offset); that is
// cheap but only means something while the engine that owns the sources is alive. At the
// API boundary every diagnostic becomes an Error that stands alone: the file name, row and
// column are resolved, and for parse errors the offending source line is kept, so an Error
// can outlive its engine, be copied across threads and be rendered without any context.
//
// Codes are OPA's ("rego_parse_error", "rego_type_error", "eval_conflict_error",
// "eval_builtin_error", ...); loading errors (unreadable files, bad data, bundle roots)
// have no code, as in OPA's output. to_string() is OPA's error text, which is what OPA's
// conformance suite matches `want_error` against; to_json() is OPA's JSON error object.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace arcane {

struct SourceLocation {
  std::string file;  // the module name or path as given; empty for a query
  int row = 0;       // 1-based
  int col = 0;       // 1-based, counted in bytes (a tab is one column), as OPA counts
  std::string text;  // the located source text (OPA's Location.Text)
};

struct Error {
  std::string code;     // OPA's code; empty for loading errors
  std::string message;  // without code or location
  std::optional<SourceLocation> location;
  // Parse errors: the whole source line holding the error (OPA's details.line; details.idx
  // is location->col - 1).
  std::optional<std::string> source_line;
  std::vector<std::string> notes;  // extra lines (e.g. have/want of a type error)
  // OPA's details of other errors (a type error's have/want) as compact JSON, in OPA's
  // key order; empty when there are none.
  std::string details{};

  // An error raised while evaluating (OPA's topdown.Error): the code starts with "eval_".
  bool is_eval_error() const { return code.rfind("eval_", 0) == 0; }

  // OPA's text for the error. Evaluation errors: `file:row: code: message`, or the located
  // source text instead of `file:row` when there is no file name, or `row:col` when there
  // is neither. Compile and parse errors: `file:row: code: message`, or `row:col: ...`
  // without a file. No location: `code: message`; no code: the message alone. Notes
  // follow on their own lines, each after a tab.
  std::string to_string() const;
};

using Errors = std::vector<Error>;

// OPA's JSON error object: message, code, location {file, row, col}, details ({line, idx}
// or Error::details), in that order, the absent ones left out. indent 0 is compact; `opa eval` uses 2.
std::string to_json(const Error& error, int indent = 0);
class Metrics;
// {"errors": [...]}, as `opa eval --format json` prints a failure; with `metrics`, they
// follow as "metrics" (`opa eval --metrics`).
std::string to_json(const Errors& errors, int indent = 0, const Metrics* metrics = nullptr);

// A value, or one or more errors (never zero).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}              // NOLINT: implicit by design
  Result(Error error) : v_(Errors{std::move(error)}) {}  // NOLINT
  Result(Errors errors) : v_(std::move(errors)) {        // NOLINT
    if (std::get<1>(v_).empty()) std::get<1>(v_).push_back(Error{"", "unknown error", {}, {}, {}});
  }

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Errors& errors() const { return std::get<1>(v_); }
  const Error& error() const { return errors().front(); }

 private:
  std::variant<T, Errors> v_;
};

}  // namespace arcane
