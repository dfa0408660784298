// The Rego AST: what the parser produces and every compiler stage reads and rewrites.
//
// It follows OPA's ast package (policy.go, term.go) node for node, because the stages
// after parsing (safety, local-var rewriting, comprehension and `with` rewriting, the rule
// index, planning) follow OPA's compiler and are easiest to check against it when the
// shapes match: a Module has a package path, imports and rules; a Rule has a head (name,
// ref, args, key, value), a body and an else chain; a Body is a list of Exprs; an Expr is
// a single Term, a call (operator ref + operands), a `some` declaration, an `every`, or one
// of the experimental logical forms; operators are calls to OPA's built-in names (`plus`,
// `equal`, `internal.member_2`, `assign`, `eq`, ...).
//
// Nodes are plain structs that own their children (std::vector, std::unique_ptr, and a
// std::variant for the kinds of a Term and of an Expr), so a stage can walk them with
// std::visit and rewrite them in place. Copies are explicit (ast::clone), because a deep
// copy of a tree is never free. Every node carries a runtime::Location (file id, byte
// offset, length); line and column are computed only when a message is rendered.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "runtime/source.h"

namespace arcane::compiler::ast {

using runtime::Location;

// Which Rego syntax a module was written in. V0CompatV1 is v0 with `import rego.v1`: v0's
// defaults with v1's keywords and v1's checks, as OPA has it.
enum class RegoVersion : uint8_t { V0, V0CompatV1, V1 };

struct Term;
struct Expr;
struct Rule;
using TermPtr = std::unique_ptr<Term>;
using Body = std::vector<Expr>;

// ---------------------------------------------------------------------------- values

struct Null {};
struct Boolean {
  bool value = false;
};
// The literal's text is kept as written (`1e3`, `0.10`): OPA keeps numbers exact and
// prints them back verbatim.
struct Number {
  std::string text;
};
struct String {
  std::string value;  // unescaped UTF-8
};
// A variable. Wildcards `_` are numbered by the parser as OPA does: `$0`, `$1`, ...
struct Var {
  std::string name;
};
// parts[0] is the head (a var, a collection, a comprehension or a call); the rest are the
// dot/bracket operands (a dot operand is a String).
struct Ref {
  std::vector<Term> parts;
};
struct Array {
  std::vector<Term> items;
};
struct ObjectItem;
struct Object {
  std::vector<ObjectItem> items;  // in source order; printers sort as OPA does
};
struct Set {
  std::vector<Term> items;  // in source order
};
struct ArrayComprehension {
  TermPtr term;
  Body body;
};
struct SetComprehension {
  TermPtr term;
  Body body;
};
struct ObjectComprehension {
  TermPtr key;
  TermPtr value;
  Body body;
};
// terms[0] is the operator (a Ref such as `plus` or `count`), the rest are the operands.
struct Call {
  std::vector<Term> terms;
};
// `$"a{x}b"`: parts are literal strings and constant scalars (as Terms) and embedded
// expressions (as Exprs), in order; empty literal parts are dropped, as OPA does.
struct TemplatePart;
struct TemplateString {
  std::vector<TemplatePart> parts;
  bool multi_line = false;  // the raw form $`...`
};

using Value = std::variant<Null, Boolean, Number, String, Var, Ref, Array, Object, Set, ArrayComprehension,
                           SetComprehension, ObjectComprehension, Call, TemplateString>;

struct Term {
  Location loc;
  Value value;
};

struct ObjectItem {
  Term key;
  Term value;
};

struct TemplatePart {
  std::unique_ptr<Term> term;  // exactly one of term and expr is set
  std::unique_ptr<Expr> expr;
};

// ---------------------------------------------------------------------------- expressions

// `some x, y` (symbols are vars) or `some x in xs` / `some k, v in xs` (one symbol: the
// `internal.member_2` / `internal.member_3` call).
struct SomeDecl {
  Location loc;
  std::vector<Term> symbols;
};

struct Every {
  Location loc;
  TermPtr key;  // null for `every x in xs`
  TermPtr value;
  TermPtr domain;
  Body body;
};

// The experimental `a and b` / `a or b` (import future.keywords.and / .or). Each operand
// is a body: one expression, or an explicit `{ ... }` body (explicit_lhs / explicit_rhs).
struct LogicalOp {
  enum class Kind : uint8_t { And, Or };
  Location loc;
  Kind kind = Kind::And;
  Body lhs;
  Body rhs;
  bool explicit_lhs = false;
  bool explicit_rhs = false;
};

// `not { ... }` (import future.keywords.not): negation of a whole body.
struct NotBody {
  Location loc;
  Body body;
  bool explicit_body = true;
};

struct With {
  Location loc;
  Term target;  // a ref (or var) naming what is replaced
  Term value;
};

using ExprTerms = std::variant<Term, Call, SomeDecl, Every, LogicalOp, NotBody>;

struct Expr {
  Location loc;
  uint32_t index = 0;  // position in the enclosing body
  bool negated = false;
  bool generated = false;
  ExprTerms terms;
  std::vector<With> with;
};

// ---------------------------------------------------------------------------- rules

struct Head {
  Location loc;
  std::string name;          // empty where OPA leaves it empty (most ref heads)
  std::vector<Term> ref;     // the rule's ref: `p`, `a.b[c]`; ref[0] is a Var
  std::vector<Term> args;    // function arguments
  TermPtr key;               // partial set element / partial object key
  TermPtr value;
  bool assign = false;       // `:=`
  // How the head was written; the v1 checks and printers need it.
  bool has_if = false;
  bool has_contains = false;
  bool generated_value = false;  // value `true` supplied by the parser
};

struct Rule {
  Location loc;
  bool is_default = false;
  Head head;
  Body body;
  std::unique_ptr<Rule> else_rule;
  bool generated_body = false;  // body `true` supplied by the parser
};

struct Import {
  Location loc;
  Term path;  // a Ref: data.x, input.y, future.keywords.in, rego.v1
  std::string alias;
};

struct Package {
  Location loc;
  std::vector<Term> path;  // [data, "a", "b"]
};

struct Comment {
  Location loc;  // of the `#`
  std::string text;  // after the `#`, without a trailing \r
};

struct Module {
  Package package;
  std::vector<Import> imports;
  std::vector<Rule> rules;
  std::vector<Comment> comments;
  RegoVersion version = RegoVersion::V1;
};

// ---------------------------------------------------------------------------- helpers

Term make_var(std::string name, Location loc);
Term make_string(std::string value, Location loc);
Term make_boolean(bool value, Location loc);
// A ref term naming a built-in operator: `plus`, `internal.member_2`.
Term make_operator(const std::string& dotted_name, Location loc);

// Deep copies (a Rule's else chain included).
Term clone(const Term& t);
Expr clone(const Expr& e);
Body clone(const Body& b);
Head clone(const Head& h);
Rule clone(const Rule& r);
Module clone(const Module& m);

// The head's ref as OPA's Head.Ref() returns it: the ref, or the name as a one-part ref.
std::vector<Term> head_ref(const Head& h);

template <typename T>
const T* get_if(const Term& t) {
  return std::get_if<T>(&t.value);
}

}  // namespace arcane::compiler::ast
