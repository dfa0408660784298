#include "conformance/judge.h"

#include "conformance/canonical.h"

namespace arcane::conformance {

namespace {

std::string quoted(const std::string& s) {
  return value_to_json(Value::from_string(s));
}

std::string describe_want(const Case& c) {
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (c.want_error_code) add("error code " + *c.want_error_code);
  if (c.want_error) add("error containing " + quoted(*c.want_error));
  if (c.want_result) add("rows " + value_to_json(*c.want_result));
  return out.empty() ? "nothing" : out;
}

std::string describe_got(const Case& c, const Outcome& o) {
  if (o.setup_error) return o.setup_stage + " failed: " + o.setup_error->to_string();
  std::string out;
  if (o.result.error) out = "error " + quoted(o.result.error->to_string()) + (o.result.rows.empty() ? "" : ", ");
  if (!o.result.error || !o.result.rows.empty()) {
    Value rows;
    std::string error;
    if (actual_rows(o.result.rows, c.sort_bindings, c.ignore_generated_vars, rows, error)) {
      out += "rows " + value_to_json(rows);
    } else {
      out += error;
    }
  }
  return out;
}

Verdict fail(const Case& c, const Outcome& o, std::string reason) {
  return Verdict{false, std::move(reason), describe_want(c), describe_got(c, o)};
}

}  // namespace

Verdict judge(const Case& c, const Outcome& o) {
  if (o.setup_error) return fail(c, o, o.setup_stage + " failed: " + o.setup_error->to_string());
  if (!o.decide_disagrees.empty()) return fail(c, o, "decide() disagrees with eval(): " + o.decide_disagrees);
  const std::optional<Error>& err = o.result.error;
  if (c.want_error) {
    if (!err) return fail(c, o, "expected an error containing " + quoted(*c.want_error) + ", got none");
    if (err->to_string().find(*c.want_error) == std::string::npos) {
      return fail(c, o, "expected an error containing " + quoted(*c.want_error) + ", got " + quoted(err->to_string()));
    }
  }
  if (c.want_error_code) {
    if (!err) return fail(c, o, "expected error code " + *c.want_error_code + ", got no error");
    if (!err->is_eval_error()) {
      return fail(c, o, "expected evaluation error code " + *c.want_error_code + ", got " + quoted(err->to_string()));
    }
    if (err->code != *c.want_error_code) {
      return fail(c, o, "expected error code " + *c.want_error_code + ", got " + err->code);
    }
  }
  if (err && !c.want_error && !c.want_error_code) return fail(c, o, "unexpected error: " + err->to_string());
  if (c.want_result) {
    Value got;
    std::string error;
    if (!actual_rows(o.result.rows, c.sort_bindings, c.ignore_generated_vars, got, error)) return fail(c, o, error);
    if (got != expected_rows(*c.want_result)) return fail(c, o, "unexpected result");
  }
  if (!c.want_result && !c.want_error_code && !c.want_error) {
    return fail(c, o, "the case has none of want_result, want_error_code, want_error");
  }
  return Verdict{true, "", "", ""};
}

}  // namespace arcane::conformance
