// Go's text for binary floats, where OPA's output depends on it.
//
// OPA reads YAML through go-yaml and Go's JSON encoder, so a YAML float such as 1.0 or
// 1.5893857701234e+09 reaches Rego as the text Go's encoder prints for that float64
// ("1", "1589385770.1234"); YAML float keys go through strconv.FormatFloat(f, 'g', -1,
// 32). Built-ins that produce floats will need the same functions. Both use the shortest
// digits that round-trip, as Go does.
#pragma once

#include <string>

namespace arcane::runtime {

// encoding/json's float64 encoding: plain notation for 1e-6 <= |f| < 1e21, otherwise
// exponent form with a two-digit minimum trimmed from negative exponents ("1e-7",
// "1e+21"). f must be finite.
std::string format_go_json_float(double f);

// strconv.FormatFloat(f, 'g', -1, bits) for bits 32 or 64: in shortest mode Go uses the
// exponent form when the decimal exponent is < -4 or >= 6 ("1e+06", "123456", "1e-05").
// Like Go, a value beyond float32 range prints as "+Inf" with bits 32, and NaN as "NaN".
std::string format_go_g(double f, int bits);

}  // namespace arcane::runtime
