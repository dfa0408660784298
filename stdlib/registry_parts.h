// Helpers for the declaration table, shared by registry.cc and the registry_<group>.cc
// files: each group of families declares its built-ins in its own file, and
// build_table() (registry.cc) puts every group into the one sorted table.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "stdlib/builtin.h"
#include "stdlib/types.h"

namespace arcane::stdlib {

namespace decl_helpers {

using types::FunctionType;
using types::Type;

inline Type N() {
  return Type::number();
}
inline Type S() {
  return Type::string();
}
inline Type B() {
  return Type::boolean();
}
inline Type A() {
  return Type::any();
}
inline Type array_of(Type t) {
  return Type::array_of(std::move(t));
}
inline Type set_of(Type t) {
  return Type::set_of(std::move(t));
}
inline Type any_object() {
  return Type::object_of(A(), A());
}

inline FunctionType fn(std::vector<Type> args, Type result) {
  return FunctionType{std::move(args), std::move(result), {}};
}

inline Builtin decl(std::string_view name, FunctionType type, std::string_view category, BuiltinImpl impl,
             std::string_view infix = {}) {
  Builtin b;
  b.decl.name = name;
  b.decl.type = std::move(type);
  b.decl.category = category;
  b.decl.infix = infix;
  b.impl = impl;
  return b;
}

inline Builtin deprecated(Builtin b) {
  b.decl.deprecated = true;
  return b;
}

}  // namespace decl_helpers

// One per group of families (registry_<group>.cc).
void register_strings(std::vector<Builtin>& t);   // strings, sprintf, conversions, units, bits, numbers
void register_encoding(std::vector<Builtin>& t);  // encoding, json/yaml, object, array, graph, types
void register_matching(std::vector<Builtin>& t);  // regex, glob, net, semver, uuid, uri
void register_security(std::vector<Builtin>& t);  // time, crypto, tokens (JWT), providers.aws
void register_schemas(std::vector<Builtin>& t);   // graphql, json schema

}  // namespace arcane::stdlib
