// Operand checks and error messages shared by the built-in families.
//
// OPA words operand errors in one place (topdown/builtins/builtins.go) and prefixes the
// built-in's name when it reports them; these helpers reproduce both, so every family
// produces byte-identical messages:
//   count: operand 1 must be one of {array, object, set, string} but got number
//   plus: operand 2 must be number but got string
//   sum: operand 1 must be array of numbers but got array containing string
// Operand errors are `eval_type_error`; other failures are `eval_builtin_error`.
//
// Numbers in OPA are their text, and some built-ins ask Go whether that text parses as
// an int (Number.Int()): `1.0` does not, so array.slice(a, 1.0, 2) is an error in OPA.
// literal_int() asks the same question of our numbers.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "runtime/big_float.h"
#include "runtime/value.h"
#include "stdlib/builtin.h"

namespace arcane::stdlib {

inline constexpr std::string_view kTypeError = "eval_type_error";
inline constexpr std::string_view kBuiltinError = "eval_builtin_error";
inline constexpr std::string_view kInternalError = "eval_internal_error";
inline constexpr std::string_view kCancelError = "eval_cancel_error";

// "name: operand N must be T but got K" (or "must be one of {T1, T2} but got K").
BuiltinError operand_type_error(std::string_view name, int pos, const runtime::Value& got,
                                std::initializer_list<std::string_view> expected);
// "name: operand N must be array of numbers but got array containing string".
BuiltinError operand_element_error(std::string_view name, int pos, const runtime::Value& composite,
                                   const runtime::Value& element, std::initializer_list<std::string_view> expected);
// "name: operand N <detail>", a type error.
BuiltinError operand_error(std::string_view name, int pos, std::string_view detail);
// "name: <message>", a builtin error.
BuiltinError builtin_error(std::string_view name, std::string_view message);

// A computed number as a result; nullopt means it passed Number's size limits (OPA has
// none and would carry on with a gigantic number: we stop with a builtin error).
BuiltinResult number_result(std::string_view name, std::optional<runtime::Number> n);
// OPA's FloatToNumber(f) as a result.
BuiltinResult float_result(std::string_view name, const runtime::BigFloat& f);

// OPA's Number.Int(): the number's text is a plain integer that fits an int64.
std::optional<int64_t> literal_int(const runtime::Number& n);
// Go's utf8.RuneCountInString: each byte of an ill-formed sequence counts as one rune.
size_t rune_count(std::string_view s);

}  // namespace arcane::stdlib
