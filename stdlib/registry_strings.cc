// Declarations of the strings, sprintf, conversions, units, bits, numbers built-ins.
#include "stdlib/families_strings.h"
#include "stdlib/registry_parts.h"

namespace arcane::stdlib {

using namespace decl_helpers;

namespace {

void add_strings(std::vector<Builtin>& t) {
  auto s = [](std::string_view name, std::vector<Type> args, Type result, BuiltinImpl impl) {
    return decl(name, fn(std::move(args), std::move(result)), "strings", impl);
  };
  Type strings_or_string = Type::any_of({S(), array_of(S()), set_of(S())});
  t.push_back(s("concat", {S(), Type::any_of({array_of(S()), set_of(S())})}, S(), impl::concat));
  t.push_back(s("contains", {S(), S()}, B(), impl::contains));
  t.push_back(s("startswith", {S(), S()}, B(), impl::startswith));
  t.push_back(s("endswith", {S(), S()}, B(), impl::endswith));
  t.push_back(s("format_int", {N(), N()}, S(), impl::format_int));
  t.push_back(s("indexof", {S(), S()}, N(), impl::indexof));
  t.push_back(s("indexof_n", {S(), S()}, array_of(N()), impl::indexof_n));
  t.push_back(s("lower", {S()}, S(), impl::lower));
  t.push_back(s("upper", {S()}, S(), impl::upper));
  t.push_back(s("replace", {S(), S(), S()}, S(), impl::replace));
  t.push_back(s("split", {S(), S()}, array_of(S()), impl::split));
  t.push_back(s("sprintf", {S(), array_of(A())}, S(), impl::sprintf));
  t.push_back(s("substring", {S(), N(), N()}, S(), impl::substring));
  t.push_back(s("trim", {S(), S()}, S(), impl::trim));
  t.push_back(s("trim_left", {S(), S()}, S(), impl::trim_left));
  t.push_back(s("trim_right", {S(), S()}, S(), impl::trim_right));
  t.push_back(s("trim_prefix", {S(), S()}, S(), impl::trim_prefix));
  t.push_back(s("trim_suffix", {S(), S()}, S(), impl::trim_suffix));
  t.push_back(s("trim_space", {S()}, S(), impl::trim_space));
  t.push_back(s("strings.any_prefix_match", {strings_or_string, strings_or_string}, B(),
                impl::strings_any_prefix_match));
  t.push_back(s("strings.any_suffix_match", {strings_or_string, strings_or_string}, B(),
                impl::strings_any_suffix_match));
  t.push_back(s("strings.count", {S(), S()}, N(), impl::strings_count));
  t.push_back(s("strings.render_template", {S(), Type::object_of(S(), A())}, S(), impl::strings_render_template));
  t.push_back(s("strings.replace_n", {Type::object_of(S(), S()), S()}, S(), impl::strings_replace_n));
  t.push_back(s("strings.reverse", {S()}, S(), impl::strings_reverse));
  t.push_back(s("strings.split_n", {S(), S(), N()}, array_of(S()), impl::strings_split_n));
}

void add_numeric(std::vector<Builtin>& t) {
  t.push_back(decl("to_number", fn({Type::any_of({Type::null(), B(), N(), S()})}, N()), "conversions",
                   impl::to_number));
  t.push_back(decl("units.parse", fn({S()}, N()), "units", impl::units_parse));
  t.push_back(decl("units.parse_bytes", fn({S()}, N()), "units", impl::units_parse_bytes));
  auto bits2 = [](std::string_view name, BuiltinImpl impl) { return decl(name, fn({N(), N()}, N()), "bits", impl); };
  t.push_back(bits2("bits.and", impl::bits_and));
  t.push_back(bits2("bits.or", impl::bits_or));
  t.push_back(bits2("bits.xor", impl::bits_xor));
  t.push_back(bits2("bits.lsh", impl::bits_lsh));
  t.push_back(bits2("bits.rsh", impl::bits_rsh));
  t.push_back(decl("bits.negate", fn({N()}, N()), "bits", impl::bits_negate));
  Builtin intn = decl("rand.intn", fn({S(), N()}, N()), "numbers", impl::rand_intn);
  intn.decl.nondeterministic = true;
  t.push_back(std::move(intn));
}

}  // namespace

void register_strings(std::vector<Builtin>& t) {
  add_strings(t);
  add_numeric(t);
}

}  // namespace arcane::stdlib
