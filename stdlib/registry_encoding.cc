// Declarations of the encoding, json/yaml, object, array, graph, tracing, opa and rego.metadata built-ins.
#include "stdlib/families_encoding.h"
#include "stdlib/registry_parts.h"

namespace arcane::stdlib {

using namespace decl_helpers;

namespace {

Type array_or_set() {
  return Type::any_of({array_of(A()), set_of(A())});
}

Type keys_operand() {  // object.filter / object.remove: the keys as an array, object or set
  return Type::any_of({array_of(A()), any_object(), set_of(A())});
}

Type json_paths() {  // json.filter / json.remove: "/a/b" strings or arrays of segments
  Type path = Type::any_of({S(), array_of(A())});
  return Type::any_of({array_of(path), set_of(path)});
}

void add_codecs(std::vector<Builtin>& t) {
  auto codec = [](std::string_view name, BuiltinImpl impl) { return decl(name, fn({S()}, S()), "encoding", impl); };
  auto check = [](std::string_view name, BuiltinImpl impl) { return decl(name, fn({S()}, B()), "encoding", impl); };
  t.push_back(codec("base64.encode", impl::base64_encode));
  t.push_back(codec("base64.decode", impl::base64_decode));
  t.push_back(check("base64.is_valid", impl::base64_is_valid));
  t.push_back(codec("base64url.encode", impl::base64url_encode));
  t.push_back(codec("base64url.encode_no_pad", impl::base64url_encode_no_pad));
  t.push_back(codec("base64url.decode", impl::base64url_decode));
  t.push_back(codec("hex.encode", impl::hex_encode));
  t.push_back(codec("hex.decode", impl::hex_decode));
  t.push_back(codec("urlquery.encode", impl::urlquery_encode));
  t.push_back(codec("urlquery.decode", impl::urlquery_decode));
  Type query_value = Type::any_of({S(), array_of(S()), set_of(S())});
  t.push_back(decl("urlquery.encode_object", fn({Type::object_of(S(), query_value)}, S()), "encoding",
                   impl::urlquery_encode_object));
  t.push_back(decl("urlquery.decode_object", fn({S()}, Type::object_of(S(), array_of(S()))), "encoding",
                   impl::urlquery_decode_object));
  t.push_back(decl("json.marshal", fn({A()}, S()), "encoding", impl::json_marshal));
  Type options = Type::object({{runtime::Value::key("indent"), S()},
                               {runtime::Value::key("prefix"), S()},
                               {runtime::Value::key("pretty"), B()}},
                              S(), A());
  t.push_back(decl("json.marshal_with_options", fn({A(), options}, S()), "encoding", impl::json_marshal_with_options));
  t.push_back(decl("json.unmarshal", fn({S()}, A()), "encoding", impl::json_unmarshal));
  t.push_back(check("json.is_valid", impl::json_is_valid));
  t.push_back(decl("yaml.marshal", fn({A()}, S()), "encoding", impl::yaml_marshal));
  t.push_back(decl("yaml.unmarshal", fn({S()}, A()), "encoding", impl::yaml_unmarshal));
  t.push_back(check("yaml.is_valid", impl::yaml_is_valid));
}

void add_objects(std::vector<Builtin>& t) {
  Type object = any_object();
  t.push_back(decl("object.union", fn({object, object}, object), "object", impl::object_union));
  t.push_back(decl("object.union_n", fn({array_of(object)}, object), "object", impl::object_union_n));
  t.push_back(decl("object.filter", fn({object, keys_operand()}, object), "object", impl::object_filter));
  t.push_back(decl("object.remove", fn({object, keys_operand()}, object), "object", impl::object_remove));
  t.push_back(decl("object.keys", fn({object}, set_of(A())), "object", impl::object_keys));
  t.push_back(decl("object.subset", fn({keys_operand(), keys_operand()}, B()), "object", impl::object_subset));
  t.push_back(decl("json.filter", fn({object, json_paths()}, object), "object", impl::json_filter));
  t.push_back(decl("json.remove", fn({object, json_paths()}, object), "object", impl::json_remove));
  Type patch = array_of(Type::object({{runtime::Value::key("op"), S()}, {runtime::Value::key("path"), A()}}, A(), A()));
  t.push_back(decl("json.patch", fn({A(), patch}, A()), "object", impl::json_patch));
}

void add_graphs(std::vector<Builtin>& t) {
  Type graph = Type::object_of(A(), array_or_set());
  t.push_back(decl("graph.reachable", fn({graph, array_or_set()}, set_of(A())), "graph", impl::graph_reachable));
  t.push_back(decl("graph.reachable_paths", fn({graph, array_or_set()}, set_of(array_of(A()))), "graph",
                   impl::graph_reachable_paths));
}

}  // namespace

void register_encoding(std::vector<Builtin>& t) {
  add_codecs(t);
  add_objects(t);
  add_graphs(t);
  t.push_back(decl("array.flatten", fn({array_of(A())}, array_of(A())), "array", impl::array_flatten));
  t.push_back(decl("trace", fn({S()}, B()), "tracing", impl::trace));
  Builtin runtime_info = decl("opa.runtime", fn({}, Type::object_of(S(), A())), "opa", impl::opa_runtime);
  runtime_info.decl.nondeterministic = true;
  t.push_back(std::move(runtime_info));
  t.push_back(decl("rego.metadata.chain", fn({}, array_of(A())), "rego", impl::rego_metadata_chain));
  t.push_back(decl("rego.metadata.rule", fn({}, A()), "rego", impl::rego_metadata_rule));
  t.push_back(decl("rego.parse_module", fn({S(), S()}, Type::object_of(S(), A())), "rego", impl::rego_parse_module));
}

}  // namespace arcane::stdlib
