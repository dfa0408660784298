// The declaration table: every built-in's name, signature, category and flags, next to
// its implementation. This is the one list the type checker, the planner, the back ends
// and `arcane capabilities` read; names and types are exactly capabilities.json's
// (stdlib_tests checks them against it), categories are builtin_metadata.json's, or
// BUILTINS.md's grouping where that file has none ("debugging", "deprecated").
//
// The table is built on first use (a function-local static, so no static-initialization
// order to worry about) and sorted by name for binary search.
#include <algorithm>
#include <vector>

#include "runtime/value_builder.h"
#include "stdlib/context.h"
#include "stdlib/families.h"
#include "stdlib/registry_parts.h"

namespace arcane::stdlib {

namespace {

using namespace decl_helpers;
using types::Type;

void add_comparison(std::vector<Builtin>& t) {
  auto cmp = [](std::string_view name, std::string_view infix, BuiltinImpl impl) {
    return decl(name, fn({A(), A()}, B()), "comparison", impl, infix);
  };
  t.push_back(cmp("equal", "==", impl::equal));
  t.push_back(cmp("neq", "!=", impl::neq));
  t.push_back(cmp("lt", "<", impl::lt));
  t.push_back(cmp("lte", "<=", impl::lte));
  t.push_back(cmp("gt", ">", impl::gt));
  t.push_back(cmp("gte", ">=", impl::gte));
}

// `=` and `:=`: the planner resolves them (unification is compile-time); the table
// declares them for the type checker and capabilities, and their implementation is the
// equality test a call would mean.
void add_operators(std::vector<Builtin>& t) {
  t.push_back(decl("eq", fn({A(), A()}, B()), "operators", impl::equal, "="));
  t.push_back(decl("assign", fn({A(), A()}, B()), "operators", impl::equal, ":="));
}

void add_numbers(std::vector<Builtin>& t) {
  auto binary = [](std::string_view name, std::string_view infix, BuiltinImpl impl) {
    return decl(name, fn({N(), N()}, N()), "numbers", impl, infix);
  };
  auto unary = [](std::string_view name, BuiltinImpl impl) { return decl(name, fn({N()}, N()), "numbers", impl); };
  Type number_or_set = Type::any_of({N(), set_of(A())});
  t.push_back(binary("plus", "+", impl::plus));
  t.push_back(decl("minus", fn({number_or_set, number_or_set}, number_or_set), "numbers", impl::minus, "-"));
  t.push_back(binary("mul", "*", impl::mul));
  t.push_back(binary("div", "/", impl::div));
  t.push_back(binary("rem", "%", impl::rem));
  t.push_back(unary("abs", impl::abs));
  t.push_back(unary("round", impl::round));
  t.push_back(unary("ceil", impl::ceil));
  t.push_back(unary("floor", impl::floor));
  t.push_back(decl("numbers.range", fn({N(), N()}, array_of(N())), "numbers", impl::numbers_range));
  t.push_back(decl("numbers.range_step", fn({N(), N(), N()}, array_of(N())), "numbers", impl::numbers_range_step));
}

void add_sets(std::vector<Builtin>& t) {
  Type set = set_of(A());
  t.push_back(decl("and", fn({set, set}, set), "sets", impl::set_and, "&"));
  t.push_back(decl("or", fn({set, set}, set), "sets", impl::set_or, "|"));
  t.push_back(decl("intersection", fn({set_of(set)}, set), "sets", impl::intersection));
  t.push_back(decl("union", fn({set_of(set)}, set), "sets", impl::set_union));
  t.push_back(deprecated(decl("set_diff", fn({set, set}, set), "deprecated", impl::set_diff)));
}

void add_aggregates(std::vector<Builtin>& t) {
  Type collection = Type::any_of({array_of(A()), set_of(A())});
  Type numbers = Type::any_of({array_of(N()), set_of(N())});
  Type countable = Type::any_of({S(), array_of(A()), any_object(), set_of(A())});
  t.push_back(decl("count", fn({countable}, N()), "aggregates", impl::count));
  t.push_back(decl("sum", fn({numbers}, N()), "aggregates", impl::sum));
  t.push_back(decl("product", fn({numbers}, N()), "aggregates", impl::product));
  t.push_back(decl("max", fn({collection}, A()), "aggregates", impl::max));
  t.push_back(decl("min", fn({collection}, A()), "aggregates", impl::min));
  t.push_back(decl("sort", fn({collection}, array_of(A())), "aggregates", impl::sort));
  t.push_back(deprecated(decl("any", fn({collection}, B()), "deprecated", impl::any)));
  t.push_back(deprecated(decl("all", fn({collection}, B()), "deprecated", impl::all)));
}

void add_types(std::vector<Builtin>& t) {
  auto is = [](std::string_view name, BuiltinImpl impl) { return decl(name, fn({A()}, B()), "types", impl); };
  t.push_back(is("is_number", impl::is_number));
  t.push_back(is("is_string", impl::is_string));
  t.push_back(is("is_boolean", impl::is_boolean));
  t.push_back(is("is_array", impl::is_array));
  t.push_back(is("is_set", impl::is_set));
  t.push_back(is("is_object", impl::is_object));
  t.push_back(is("is_null", impl::is_null));
  t.push_back(decl("type_name", fn({A()}, S()), "types", impl::type_name));
}

void add_casts(std::vector<Builtin>& t) {
  auto cast = [](std::string_view name, Type result, BuiltinImpl impl) {
    return deprecated(decl(name, fn({A()}, std::move(result)), "deprecated", impl));
  };
  t.push_back(cast("cast_array", array_of(A()), impl::cast_array));
  t.push_back(cast("cast_set", set_of(A()), impl::cast_set));
  t.push_back(cast("cast_string", S(), impl::cast_string));
  t.push_back(cast("cast_boolean", B(), impl::cast_boolean));
  t.push_back(cast("cast_null", Type::null(), impl::cast_null));
  t.push_back(cast("cast_object", any_object(), impl::cast_object));
}

void add_collections(std::vector<Builtin>& t) {
  Type array = array_of(A());
  t.push_back(decl("object.get", fn({any_object(), A(), A()}, A()), "object", impl::object_get));
  t.push_back(decl("array.concat", fn({array, array}, array), "array", impl::array_concat));
  t.push_back(decl("array.slice", fn({array, N(), N()}, array), "array", impl::array_slice));
  t.push_back(decl("array.reverse", fn({array}, array), "array", impl::array_reverse));
  t.push_back(decl("internal.member_2", fn({A(), A()}, B()), "internal", impl::member_2, "in"));
  t.push_back(decl("internal.member_3", fn({A(), A(), A()}, B()), "internal", impl::member_3, "in"));
  Builtin walk = decl("walk", fn({A()}, Type::array({array_of(A()), A()})), "graph", impl::walk);
  walk.decl.relation = true;
  t.push_back(std::move(walk));
}

void add_debugging(std::vector<Builtin>& t) {
  t.push_back(decl("print", FunctionType{{}, {}, A()}, "debugging", impl::print));
  t.push_back(decl("internal.print", fn({array_of(set_of(A()))}, {}), "internal", impl::internal_print));
  t.push_back(decl("internal.test_case", fn({array_of(A())}, {}), "internal", impl::internal_test_case));
  t.push_back(decl("internal.template_string", fn({array_of(A())}, S()), "internal", impl::template_string));
}

std::vector<Builtin> build_table() {
  std::vector<Builtin> t;
  add_comparison(t);
  add_operators(t);
  add_numbers(t);
  add_sets(t);
  add_aggregates(t);
  add_types(t);
  add_casts(t);
  add_collections(t);
  add_debugging(t);
  register_strings(t);
  register_encoding(t);
  register_matching(t);
  register_security(t);
  register_schemas(t);
  std::sort(t.begin(), t.end(), [](const Builtin& a, const Builtin& b) { return a.decl.name < b.decl.name; });
  return t;
}

const std::vector<Builtin>& table() {
  static const std::vector<Builtin> t = build_table();
  return t;
}

}  // namespace

std::span<const Builtin> all_builtins() {
  return table();
}

const Builtin* find_builtin(std::string_view name) {
  const std::vector<Builtin>& t = table();
  auto it =
      std::lower_bound(t.begin(), t.end(), name, [](const Builtin& b, std::string_view n) { return b.decl.name < n; });
  return it != t.end() && it->decl.name == name ? &*it : nullptr;
}

BuiltinResult invoke(const Builtin& b, BuiltinContext& ctx, std::span<const runtime::Value> args) {
  if (!b.decl.nondeterministic) return b.impl(ctx, args);
  std::vector<runtime::Value> operands(args.begin(), args.end());
  runtime::Value key = runtime::take_array(operands);
  if (const runtime::Value* hit = ctx.cached(b.decl.name, key)) return *hit;
  BuiltinResult r = b.impl(ctx, args);
  if (r.has_value()) ctx.remember(b.decl.name, std::move(key), r.value());
  return r;
}

}  // namespace arcane::stdlib
