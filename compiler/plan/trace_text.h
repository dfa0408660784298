// The text trace events show for AST nodes: OPA's String() methods (v1/ast/term.go,
// policy.go), which differ from ast_string.h's debugging form in the ways a user sees:
// `a = b` for unification, every other call in call form (`equal(x, 1)`,
// `internal.member_2(x, xs)`), wildcards as `_`, object keys and set elements sorted,
// strings quoted as Go's strconv.Quote does, and compiler-renamed locals shown under
// their source names (OPA's LocalMetadata), generated ones as they are.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"

namespace arcane::compiler::plan {

class TraceText {
 public:
  using Renames = std::map<std::string, std::string>;  // compiled name -> source name
  explicit TraceText(std::vector<const Renames*> renames) : renames_(std::move(renames)) {}

  std::string term(const ast::Term& t) const;
  std::string ref(const std::vector<ast::Term>& parts) const;
  // `capture`: the expression as OPA's rego package rewrites a query expression to capture
  // its value (`t` becomes `t = _`; a call without an output operand gets `_` appended,
  // `arity` being the called function's).
  std::string expr(const ast::Expr& e, bool capture = false, int arity = -1) const;
  std::string body(const ast::Body& b) const;  // expressions joined by "; "

 private:
  std::string var(const std::string& name) const;
  std::string call(const std::vector<ast::Term>& terms, bool extra_wildcard = false) const;
  std::string sorted(std::vector<const ast::Term*> items) const;
  std::string object(const ast::Object& o) const;

  std::vector<const Renames*> renames_;
};

// Go's strconv.Quote.
std::string go_quote(const std::string& s);

}  // namespace arcane::compiler::plan
