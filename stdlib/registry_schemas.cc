// Declarations of the graphql, json schema built-ins.
#include "stdlib/families_schemas.h"
#include "stdlib/registry_parts.h"

namespace arcane::stdlib {

using namespace decl_helpers;

void register_schemas(std::vector<Builtin>& t) {
  Type doc = Type::any_of({S(), any_object()});
  t.push_back(decl("graphql.parse", fn({doc, doc}, Type::array({any_object(), any_object()})), "graphql",
                   impl::graphql_parse));
  t.push_back(decl("graphql.parse_and_verify", fn({doc, doc}, Type::array({B(), any_object(), any_object()})),
                   "graphql", impl::graphql_parse_and_verify));
  t.push_back(decl("graphql.parse_query", fn({S()}, any_object()), "graphql", impl::graphql_parse_query));
  t.push_back(decl("graphql.parse_schema", fn({S()}, any_object()), "graphql", impl::graphql_parse_schema));
  t.push_back(decl("graphql.is_valid", fn({doc, doc}, B()), "graphql", impl::graphql_is_valid));
  t.push_back(decl("graphql.schema_is_valid", fn({doc}, B()), "graphql", impl::graphql_schema_is_valid));

  Type error = Type::object({{runtime::Value::from_string("desc"), S()},
                             {runtime::Value::from_string("error"), S()},
                             {runtime::Value::from_string("field"), S()},
                             {runtime::Value::from_string("type"), S()}});
  t.push_back(decl("json.match_schema", fn({doc, doc}, Type::array({B(), array_of(error)})), "object",
                   impl::json_match_schema));
  t.push_back(decl("json.verify_schema", fn({doc}, Type::array({B(), Type::any_of({Type::null(), S()})})), "object",
                   impl::json_verify_schema));
}

}  // namespace arcane::stdlib
