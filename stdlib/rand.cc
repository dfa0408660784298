// rand.intn(key, n) (topdown/numbers.go): a random integer in [0, |n|), the same one for
// every call with the same key and |n| in one evaluation (OPA caches it under
// "key-|n|"; the context holds that cache). n must be an integer literal; 0 gives 0.
#include <random>

#include "stdlib/context.h"
#include "stdlib/families_strings.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

BuiltinResult rand_intn(BuiltinContext& ctx, Args args) {
  constexpr std::string_view name = "rand.intn";
  if (!args[0].is_string()) return operand_type_error(name, 1, args[0], {"string"});
  if (!args[1].is_number()) return operand_type_error(name, 2, args[1], {"number"});
  std::optional<int64_t> n = literal_int(args[1].number());
  if (!n) return operand_error(name, 2, "must be integer number but got floating-point number");
  if (*n == 0) return runtime::Value::integer(0);
  uint64_t bound = *n < 0 ? ~static_cast<uint64_t>(*n) + 1 : static_cast<uint64_t>(*n);
  std::string key_text(args[0].string_view());
  key_text += '-';
  key_text += std::to_string(bound);
  runtime::Value key = runtime::Value::from_string(key_text);
  if (const runtime::Value* hit = ctx.cached("rand.intn/key", key)) return *hit;
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::uniform_int_distribution<uint64_t> dist(0, bound - 1);
  runtime::Value result = runtime::Value::integer(static_cast<int64_t>(dist(engine)));
  ctx.remember("rand.intn/key", key, result);
  return result;
}

}  // namespace arcane::stdlib::impl
