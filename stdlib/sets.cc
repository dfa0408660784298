// Sets: & (and), | (or), set difference (minus and the deprecated set_diff), and the
// n-ary intersection and union of a set of sets. Sets are stored sorted, so each binary
// operation is one linear merge.
#include "runtime/value_builder.h"
#include "stdlib/families.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

enum class Keep { kBoth, kEither, kLeftOnly };

Value merge(const Value& a, const Value& b, Keep keep) {
  auto x = a.elements(), y = b.elements();
  runtime::SetBuilder out(keep == Keep::kEither ? x.size() + y.size() : x.size());
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    int c = compare(x[i], y[j]);
    if (c == 0) {
      if (keep != Keep::kLeftOnly) out.insert(x[i]);
      ++i, ++j;
    } else if (c < 0) {
      if (keep != Keep::kBoth) out.insert(x[i]);
      ++i;
    } else {
      if (keep == Keep::kEither) out.insert(y[j]);
      ++j;
    }
  }
  if (keep != Keep::kBoth) {
    for (; i < x.size(); ++i) out.insert(x[i]);
  }
  if (keep == Keep::kEither) {
    for (; j < y.size(); ++j) out.insert(y[j]);
  }
  return out.build();
}

template <typename F>
BuiltinResult two_sets(std::string_view name, Args args, F&& f) {
  if (!args[0].is_set()) return operand_type_error(name, 1, args[0], {"set"});
  if (!args[1].is_set()) return operand_type_error(name, 2, args[1], {"set"});
  return f(args[0], args[1]);
}

}  // namespace

Value set_difference(const Value& a, const Value& b) {
  return merge(a, b, Keep::kLeftOnly);
}

BuiltinResult set_and(BuiltinContext&, Args args) {
  return two_sets("and", args, [](const Value& a, const Value& b) { return merge(a, b, Keep::kBoth); });
}

BuiltinResult set_or(BuiltinContext&, Args args) {
  return two_sets("or", args, [](const Value& a, const Value& b) { return merge(a, b, Keep::kEither); });
}

BuiltinResult set_diff(BuiltinContext&, Args args) {
  return two_sets("set_diff", args, set_difference);
}

BuiltinResult intersection(BuiltinContext&, Args args) {
  const Value& sets = args[0];
  if (!sets.is_set()) return operand_type_error("intersection", 1, sets, {"set"});
  if (sets.size() == 0) return Value::empty_set();
  Value result;
  bool first = true;
  for (const Value& s : sets.elements()) {
    if (!s.is_set()) return operand_type_error("intersection", 1, s, {"set"});
    result = first ? s : merge(result, s, Keep::kBoth);
    first = false;
  }
  return result;
}

BuiltinResult set_union(BuiltinContext&, Args args) {
  const Value& sets = args[0];
  if (!sets.is_set()) return operand_type_error("union", 1, sets, {"set"});
  runtime::SetBuilder out;
  for (const Value& s : sets.elements()) {
    if (!s.is_set()) return operand_type_error("union", 1, s, {"set"});
    for (const Value& e : s.elements()) out.insert(e);
  }
  return out.build();
}

}  // namespace arcane::stdlib::impl
