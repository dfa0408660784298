// Writing Values as JSON text, in OPA's canonical form.
//
// OPA prints a value by converting it to plain JSON (ast.JSON) and handing it to Go's
// encoder, so that is the form reproduced here byte for byte: sets become arrays in their
// sorted order; an object key that is not a string becomes its compact JSON text ("1",
// "{\"3\":4}"); object keys are written sorted byte-wise by that text (which is the value
// order whenever all keys are strings); numbers keep their text; strings are escaped as
// Go does, HTML-safe. The indented mode is json.MarshalIndent(v, "", "  "), as
// `opa eval --format json` prints.
#pragma once

#include <string>

#include "runtime/value.h"

namespace arcane::runtime {

struct JsonWriteOptions {
  bool indent = false;  // two spaces per level, one member per line
};

std::string to_json(const Value& v, const JsonWriteOptions& options = {});
void append_json(std::string& out, const Value& v, const JsonWriteOptions& options = {});

}  // namespace arcane::runtime
