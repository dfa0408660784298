#include "cli/eval_output.h"

#include <algorithm>

#include "arcane/value.h"

namespace arcane::cli {

namespace {

std::string indented(const Value& v) {
  return value_to_json(v, true) + "\n";
}

std::string compact(const Value& v) {
  return value_to_json(v, false);
}

std::string raw(const EvalResult& result) {
  std::string out;
  for (const auto& row : result.rows) {
    for (size_t i = 0; i < row.expressions.size(); ++i) {
      const Value& v = row.expressions[i].value;
      out += v.is_string() ? std::string(v.string_view()) : compact(v);
      out += i + 1 < row.expressions.size() ? " " : "\n";
    }
  }
  return out;
}

std::string values(const EvalResult& result) {
  std::string out;
  for (const auto& row : result.rows) {
    ArrayBuilder b(row.expressions.size());
    for (const auto& e : row.expressions) b.push_back(e.value);
    out += indented(b.build());
  }
  return out;
}

Value bindings_object(const ResultRow& row) {
  ObjectBuilder b(row.bindings.size());
  for (const auto& binding : row.bindings) b.insert(binding.name, binding.value);
  return b.build();
}

std::string bindings(const EvalResult& result) {
  std::string out;
  for (const auto& row : result.rows) out += indented(bindings_object(row));
  return out;
}

// A column of the pretty table: a variable, or an expression (by index) headed by its text.
struct Column {
  std::string var;  // empty: the expression `expr`
  size_t expr = 0;
};

size_t display_width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // code points
  return n;
}

std::string pad_center(const std::string& s, size_t width) {
  size_t gap = width - std::min(width, display_width(s));
  size_t left = gap / 2;
  return std::string(left, ' ') + s + std::string(gap - left, ' ');
}

std::string pad_left_aligned(const std::string& s, size_t width) {
  return s + std::string(width - std::min(width, display_width(s)), ' ');
}

bool all_boolean(const ResultRow& row) {
  return std::all_of(row.expressions.begin(), row.expressions.end(),
                     [](const ExpressionValue& e) { return e.value.is_boolean(); });
}

std::string pretty(const EvalResult& result) {
  if (result.rows.empty()) return "undefined\n";
  const ResultRow& first = result.rows.front();
  if (result.rows.size() == 1 && first.bindings.empty() && !first.expressions.empty() &&
      (first.expressions.size() == 1 || all_boolean(first))) {
    return indented(first.expressions.front().value);
  }
  // Columns: the variables by name, then the expressions that are not plain booleans (all
  // of them when there are no variables), in query order.
  std::vector<std::string> header;
  std::vector<Column> columns;
  for (const auto& b : first.bindings) {
    header.push_back(b.name);
    columns.push_back({b.name, 0});
  }
  for (size_t i = 0; i < first.expressions.size(); ++i) {
    if (first.expressions[i].value.is_boolean() && !first.bindings.empty()) continue;
    header.push_back(first.expressions[i].text);
    columns.push_back({"", i});
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : result.rows) {
    std::vector<std::string> cells;
    for (const auto& col : columns) {
      const Value* v = nullptr;
      if (!col.var.empty()) {
        v = row.binding(col.var);
      } else if (col.expr < row.expressions.size()) {
        v = &row.expressions[col.expr].value;
      }
      cells.push_back(v != nullptr ? compact(*v) : "null");
    }
    rows.push_back(std::move(cells));
  }
  return render_table(header, rows);
}

}  // namespace

std::string render_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths(header.size());
  for (size_t c = 0; c < header.size(); ++c) {
    widths[c] = display_width(header[c]);
    for (const auto& row : rows) {
      if (c < row.size()) widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  std::string rule = "+";
  for (size_t w : widths) rule += std::string(w + 2, '-') + "+";
  rule += "\n";
  std::string out = rule + "|";
  for (size_t c = 0; c < header.size(); ++c) out += " " + pad_center(header[c], widths[c]) + " |";
  out += "\n" + rule;
  for (const auto& row : rows) {
    out += "|";
    for (size_t c = 0; c < header.size(); ++c) {
      out += " " + pad_left_aligned(c < row.size() ? row[c] : "", widths[c]) + " |";
    }
    out += "\n";
  }
  if (!rows.empty()) out += rule;
  return out;
}

namespace {

// OPA's metrics table: one row per timer in name order; the tablewriter upper-cases the
// headers it is given as "Metric" and "Value".
std::string metrics_table(const Metrics& metrics) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [name, ns] : metrics.timers()) rows.push_back({name, std::to_string(ns)});
  if (rows.empty()) return "";
  return render_table({"METRIC", "VALUE"}, rows);
}

}  // namespace

std::string format_result(const EvalResult& result, const std::string& format, const Metrics* metrics) {
  if (format == "raw") return raw(result);
  if (format == "values") return values(result);
  if (format == "bindings") return bindings(result);
  if (format == "pretty") return metrics == nullptr ? pretty(result) : pretty(result) + metrics_table(*metrics);
  return to_opa_json(result, true, metrics) + "\n";
}

}  // namespace arcane::cli
