// Declarations of the time, crypto, tokens (JWT), providers.aws built-ins.
#include "stdlib/families_security.h"
#include "stdlib/registry_parts.h"

namespace arcane::stdlib {

using namespace decl_helpers;

namespace {

Builtin nondeterministic(Builtin b) {
  b.decl.nondeterministic = true;
  return b;
}

void add_time(std::vector<Builtin>& t) {
  Type ns_or_zoned = Type::any_of({N(), Type::array({N(), S()})});
  Type triple = Type::array({N(), N(), N()});
  t.push_back(nondeterministic(decl("time.now_ns", fn({}, N()), "time", impl::time_now_ns)));
  t.push_back(decl("time.parse_ns", fn({S(), S()}, N()), "time", impl::time_parse_ns));
  t.push_back(decl("time.parse_rfc3339_ns", fn({S()}, N()), "time", impl::time_parse_rfc3339_ns));
  t.push_back(decl("time.parse_duration_ns", fn({S()}, N()), "time", impl::time_parse_duration_ns));
  t.push_back(decl("time.format",
                   fn({Type::any_of({N(), Type::array({N(), S()}), Type::array({N(), S(), S()})})}, S()), "time",
                   impl::time_format));
  t.push_back(decl("time.date", fn({ns_or_zoned}, triple), "time", impl::time_date));
  t.push_back(decl("time.clock", fn({ns_or_zoned}, triple), "time", impl::time_clock));
  t.push_back(decl("time.weekday", fn({ns_or_zoned}, S()), "time", impl::time_weekday));
  t.push_back(decl("time.add_date", fn({N(), N(), N(), N()}, N()), "time", impl::time_add_date));
  t.push_back(decl("time.diff", fn({ns_or_zoned, ns_or_zoned}, Type::array({N(), N(), N(), N(), N(), N()})), "time",
                   impl::time_diff));
}

}  // namespace

void register_security(std::vector<Builtin>& t) {
  add_time(t);
}

}  // namespace arcane::stdlib
