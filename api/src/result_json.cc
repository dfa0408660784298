// to_opa_json: the result as `opa eval --format json` prints it.
#include "arcane/metrics.h"
#include "arcane/result_set.h"
#include "runtime/json_text.h"
#include "runtime/json_writer.h"

namespace arcane {

namespace {

// A value's JSON placed at nesting `depth` of an indented document: the value writer
// indents from column 0, so its continuation lines are shifted right. (Newlines only occur
// between tokens; strings escape theirs.)
std::string value_at(const Value& v, bool indent, int depth) {
  runtime::JsonWriteOptions options;
  options.indent = indent;
  std::string text = runtime::to_json(v, options);
  if (!indent) return text;
  std::string pad(static_cast<size_t>(2 * depth), ' ');
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out += pad;
  }
  return out;
}

}  // namespace

std::string to_opa_json(const EvalResult& result, bool indent, const Metrics* metrics) {
  if (result.error) return to_json(Errors{*result.error}, indent ? 2 : 0, metrics);
  runtime::JsonTextWriter w(indent ? 2 : 0);
  w.begin_object();
  if (!result.rows.empty()) {
    w.key("result").begin_array();
    for (const auto& row : result.rows) {
      w.begin_object().key("expressions").begin_array();
      for (const auto& e : row.expressions) {
        w.begin_object();
        w.key("value").raw(value_at(e.value, indent, 5));
        w.key("text").string(e.text);
        w.key("location").begin_object().key("row").number(e.row).key("col").number(e.col).end_object();
        w.end_object();
      }
      w.end_array();
      if (!row.bindings.empty()) {
        w.key("bindings").begin_object();
        for (const auto& b : row.bindings) w.key(b.name).raw(value_at(b.value, indent, 4));
        w.end_object();
      }
      w.end_object();
    }
    w.end_array();
  }
  if (metrics != nullptr) w.key("metrics").json(metrics->to_json());
  w.end_object();
  return w.take();
}

}  // namespace arcane
