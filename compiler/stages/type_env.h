// The type environment of OPA's checker (v1/ast/env.go): a tree of types keyed by the
// terms of refs (`data`, "a", "p"; a local var is a one-term ref), in scopes chained
// outwards. Built-in functions sit in the outermost scope at their names (`count`,
// `object`.`get`), rule types in the next one at their paths (data.a.p), and each body
// being checked gets a scope of its own for its variables.
//
// A node holding a type is a leaf; a node without one stands for an object made of its
// children (a package: object<p: number, q: string>[string: any], always open because
// base documents may add keys). Lookups fall back to the enclosing scope, and finally to
// `any` for refs into `data` or `input`, so what the checker does not know it never
// rejects.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/stages/type_ops.h"

namespace arcane::compiler::stages {

// The constant of a term as OPA's ast.JSON gives it (strings, numbers, booleans, null,
// arrays and objects of those); nullopt for anything else.
std::optional<runtime::Value> constant_value(const ast::Term& t);
// The key a term has in a type tree: its text, unique per value.
std::string type_key(const ast::Term& t);
// `data` or `input` as the head of a ref (OPA's RootDocumentNames).
bool is_root_var(const ast::Term& t);

struct TypeNode {
  std::optional<runtime::Value> scalar;  // the key when it is a string, number or boolean
  Type value;                            // nil: not a leaf
  std::map<std::string, std::unique_ptr<TypeNode>> children;

  bool leaf() const { return !value.is_nil(); }
  const TypeNode* child(const std::string& key) const;
  TypeNode& child_or_add(const ast::Term& key);
  void put(const std::vector<ast::Term>& path, Type t);
};

class TypeEnv {
 public:
  // A scope inside next (which must outlive it).
  explicit TypeEnv(const TypeEnv* next = nullptr) : next_(next) {}

  const TypeEnv* next() const { return next_; }
  TypeNode& tree() { return tree_; }
  const TypeNode& tree() const { return tree_; }

  // A variable's type, here or in an enclosing scope; nil if unknown.
  Type var_type(const std::string& key) const;
  void put_var(const ast::Term& var, Type t) { tree_.child_or_add(var).value = std::move(t); }
  // env.GetByRef: the type of the value a ref names. Refs into data or input that the
  // tree does not know are `any`; other unknown refs are nil.
  Type ref_type(const std::vector<ast::Term>& ref) const;
  // getRefRecExtent: a leaf's type, or the open object of a node's children.
  Type extent(const TypeNode& node) const;
  // typeTreeNode.Insert: puts a rule's type at its ground path, merging it with the types
  // of other rules there and with objects along the path.
  void insert(const std::vector<ast::Term>& path, Type t);

 private:
  Type ref_fallback(const std::vector<ast::Term>& ref) const;
  Type ref_rec(const TypeNode& node, const std::vector<ast::Term>& ref, size_t tail) const;

  TypeNode tree_;
  const TypeEnv* next_;
};

using TypeEnvPtr = std::unique_ptr<TypeEnv>;

// What CheckTypes leaves for the queries compiled against the program: the built-ins'
// scope and the rules' types inside it.
struct CheckedTypes {
  TypeEnvPtr builtins;
  TypeEnvPtr rules;
};

// selectRef: the type of the member of t that ref[from:] names; a var, ref or
// collection operand stands for every member.
Type select_ref(const Type& t, const std::vector<ast::Term>& ref, size_t from);
// mergeTypes: how two rules defining the same document combine their types.
Type merge_types(const Type& a, const Type& b);

}  // namespace arcane::compiler::stages
