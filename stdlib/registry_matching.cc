// Declarations of the regex, glob, net, semver, uuid, uri built-ins.
#include "stdlib/families_matching.h"
#include "stdlib/registry_parts.h"

namespace arcane::stdlib {

using namespace decl_helpers;
using types::Type;

namespace {

Builtin nondeterministic(Builtin b) {
  b.decl.nondeterministic = true;
  return b;
}

void add_regex(std::vector<Builtin>& t) {
  t.push_back(decl("regex.match", fn({S(), S()}, B()), "regex", impl::regex_match));
  t.push_back(decl("regex.is_valid", fn({S()}, B()), "regex", impl::regex_is_valid));
  t.push_back(decl("regex.split", fn({S(), S()}, array_of(S())), "regex", impl::regex_split));
  t.push_back(decl("regex.find_n", fn({S(), S(), N()}, array_of(S())), "regex", impl::regex_find_n));
  t.push_back(decl("regex.find_all_string_submatch_n", fn({S(), S(), N()}, array_of(array_of(S()))), "regex",
                   impl::regex_find_all_string_submatch_n));
  t.push_back(decl("regex.replace", fn({S(), S(), S()}, S()), "regex", impl::regex_replace));
  t.push_back(decl("regex.template_match", fn({S(), S(), S(), S()}, B()), "regex", impl::regex_template_match));
  t.push_back(decl("regex.globs_match", fn({S(), S()}, B()), "regex", impl::regex_globs_match));
  t.push_back(deprecated(decl("re_match", fn({S(), S()}, B()), "deprecated", impl::re_match)));
}

void add_glob(std::vector<Builtin>& t) {
  Type delimiters = Type::any_of({Type::null(), array_of(S())});
  t.push_back(decl("glob.match", fn({S(), delimiters, S()}, B()), "glob", impl::glob_match));
  t.push_back(decl("glob.quote_meta", fn({S()}, S()), "glob", impl::glob_quote_meta));
}

void add_net(std::vector<Builtin>& t) {
  Type cidr_or_pair = Type::any_of({S(), array_of(A())});
  Type cidrs = Type::any_of({S(), array_of(cidr_or_pair), Type::object_of(S(), cidr_or_pair), set_of(cidr_or_pair)});
  t.push_back(decl("net.cidr_contains", fn({S(), S()}, B()), "net", impl::net_cidr_contains));
  t.push_back(decl("net.cidr_intersects", fn({S(), S()}, B()), "net", impl::net_cidr_intersects));
  t.push_back(decl("net.cidr_contains_matches", fn({cidrs, cidrs}, set_of(Type::array({A(), A()}))), "net",
                   impl::net_cidr_contains_matches));
  t.push_back(decl("net.cidr_expand", fn({S()}, set_of(S())), "net", impl::net_cidr_expand));
  t.push_back(decl("net.cidr_merge", fn({Type::any_of({array_of(Type::any_of({S()})), set_of(S())})}, set_of(S())),
                   "net", impl::net_cidr_merge));
  t.push_back(decl("net.cidr_is_valid", fn({S()}, B()), "net", impl::net_cidr_is_valid));
  t.push_back(nondeterministic(decl("net.lookup_ip_addr", fn({S()}, set_of(S())), "net", impl::net_lookup_ip_addr)));
  t.push_back(deprecated(decl("net.cidr_overlap", fn({S(), S()}, B()), "deprecated", impl::net_cidr_overlap)));
}

void add_semver_uuid_uri(std::vector<Builtin>& t) {
  t.push_back(decl("semver.is_valid", fn({A()}, B()), "semver", impl::semver_is_valid));
  t.push_back(decl("semver.compare", fn({S(), S()}, N()), "semver", impl::semver_compare));
  t.push_back(nondeterministic(decl("uuid.rfc4122", fn({S()}, S()), "uuid", impl::uuid_rfc4122)));
  t.push_back(decl("uuid.parse", fn({S()}, Type::object_of(S(), A())), "uuid", impl::uuid_parse));
  t.push_back(decl("uri.is_valid", fn({S()}, B()), "uri", impl::uri_is_valid));
  t.push_back(decl("uri.parse", fn({S()}, Type::object_of(S(), S())), "uri", impl::uri_parse));
}

}  // namespace

void register_matching(std::vector<Builtin>& t) {
  add_regex(t);
  add_glob(t);
  add_net(t);
  add_semver_uuid_uri(t);
}

}  // namespace arcane::stdlib
