// The compiled program: the modules after every rewriting stage, and the rule tree.
//
// The rule tree is OPA's RuleTree: a tree keyed by the terms of data paths (data, "a",
// "b", "p") whose nodes hold the rules that define the document at that path. A rule sits
// at the ground prefix of its path: `package a` + `p.q[x] := 1` sits at data.a.p.q. Rules
// keep their else chains (Rule::else_rule) and default rules sit beside the others. This
// is what the planner walks to build one function per rule group.
//
// Rules are referred to by pointer into `modules`; the program is move-only so that those
// pointers stay valid (moving a vector keeps its elements where they are).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/compile/annotations.h"
#include "compiler/compile/builtins.h"

namespace arcane::compiler {

namespace stages {
struct CheckedTypes;  // stages/type_env.h
}

// What a group of rules at one path produces.
enum class RuleKind : uint8_t {
  kComplete,       // p := v, a.b.c := v: one value (possibly by default / else)
  kPartialSet,     // p contains x: a set built from every rule's key
  kPartialObject,  // p[k] := v, a.b[k].c := v: an object built from key/value pairs
  kFunction,       // f(x) := v
};
const char* rule_kind_name(RuleKind k);
RuleKind rule_kind(const ast::Rule& r);

struct CompiledModule {
  std::string name;  // the file name; modules are sorted by it
  ast::Module module;
  std::vector<ast::Import> imports;  // moved out of the module by RemoveImports
};

struct RuleEntry {
  ast::Rule* rule = nullptr;
  uint32_t module = 0;          // index into CompiledProgram::modules
  std::vector<ast::Term> path;  // package path + head ref, e.g. data.a.p[x]
};

struct RuleTreeNode {
  ast::Term key;                                        // a path element (String, or Var for `data`)
  std::vector<RuleEntry> rules;                         // in module order, then source order
  std::vector<std::unique_ptr<RuleTreeNode>> children;  // sorted by key (OPA's term order)
  bool hide = false;                                    // data.system

  const RuleTreeNode* child(const ast::Term& k) const;
  RuleTreeNode* child(const ast::Term& k);
  RuleTreeNode& add_child(const ast::Term& k);  // keeps children sorted
};

class CompiledProgram {
 public:
  CompiledProgram() = default;
  CompiledProgram(CompiledProgram&&) = default;
  CompiledProgram& operator=(CompiledProgram&&) = default;
  CompiledProgram(const CompiledProgram&) = delete;
  CompiledProgram& operator=(const CompiledProgram&) = delete;

  std::vector<CompiledModule> modules;
  std::vector<uint32_t> module_order;                 // modules by package (SetModuleTree)
  std::unique_ptr<RuleTreeNode> rule_tree;            // null before SetRuleTree ran
  std::map<std::string, std::string> rewritten_vars;  // generated name -> source name
  std::shared_ptr<const BuiltinTable> builtins;
  std::shared_ptr<const stages::CheckedTypes> types;  // CheckTypes: rule types, for queries
  std::vector<Annotation> annotations;  // METADATA blocks (ParseMetadataBlocks)
  std::string last_stage;  // the last stage that ran

  // The node at exactly this path (data, "a", "p"), or null.
  const RuleTreeNode* find(const std::vector<ast::Term>& path) const;
  // OPA's isVirtual for a ref from `data`: some rule is at, above or below its path, so
  // it names (part of) a virtual document.
  bool is_virtual(const std::vector<ast::Term>& ref) const;
  // The rules of the document at exactly this path (OPA's GetRulesExact).
  const std::vector<RuleEntry>* rules_exact(const std::vector<ast::Term>& path) const;
  // Arity of the function a call operator names: a built-in's, a user function's, or -1.
  int arity(const std::vector<ast::Term>& ref) const;
};

// The path of a rule: package path extended with the head ref, its head var as a string.
std::vector<ast::Term> rule_path(const ast::Module& m, const ast::Rule& r);
// OPA's Ref.GroundPrefix: the head, then the parts up to the first one that is not ground.
std::vector<ast::Term> ground_prefix(const std::vector<ast::Term>& ref);
bool is_ground_term(const ast::Term& t);

}  // namespace arcane::compiler
