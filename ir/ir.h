// The plan: the contract between the compiler and the back ends (interpreter, JIT).
//
// A Policy is a set of functions made of blocks of simple statements, modelled on OPA's IR
// (v1/ir/ir.go) but ours. The execution model is OPA's: "undefined" is control flow. A
// statement that is undefined leaves the block it is in, exactly as `break 0` would;
// `break N` leaves N+1 enclosing blocks. Unification and backtracking were resolved by the
// planner, so a back end sees only loops (scan), guards and straight-line code.
//
// Statements are one struct with a kind and four generic fields (inputs, outputs, an
// immediate and nested blocks) rather than thirty structs: the shape of each kind is data
// (the X-macro below), so the printer, parser, serializer and verifier handle every kind
// with the same few lines, and adding a statement means one table row plus its meaning
// in the back ends. The meaning of each field per kind is documented in the table and,
// one line per statement, in docs/ir.md.
//
// Operands are a local (a register of the function), a constant from the policy's pool
// (any runtime::Value; keys are interned and their hashes cached once, at load), or a
// boolean. Locals 0 and 1 of every function are the input and data documents (see
// kInputLocal / kDataLocal): they are set on entry and only `with` replaces them.
#pragma once

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/source.h"
#include "runtime/value.h"

namespace arcane::ir {

using Local = uint32_t;
inline constexpr Local kInputLocal = 0;  // the input document (may be undefined)
inline constexpr Local kDataLocal = 1;   // the data document
inline constexpr Local kFirstFreeLocal = 2;

struct Operand {
  enum class Kind : uint8_t { kLocal, kConst, kBool };
  Kind kind = Kind::kLocal;
  uint32_t index = 0;  // local number, constant index, or 0/1 for a boolean

  static Operand local(Local l) { return {Kind::kLocal, l}; }
  static Operand constant(uint32_t i) { return {Kind::kConst, i}; }
  static Operand boolean(bool b) { return {Kind::kBool, b ? 1u : 0u}; }
  bool is_local() const { return kind == Kind::kLocal; }
  friend bool operator==(const Operand&, const Operand&) = default;
};

// Which document a `with` statement replaces (its immediate).
enum class Document : uint32_t { kInput = 0, kData = 1 };

// Field counts in the table: kVariadic means "any number"; blocks kOneOrMore for `block`.
inline constexpr int kVariadic = -1;
inline constexpr int kOneOrMore = -1;

// clang-format off
// X(Kind, "mnemonic", inputs, outputs, blocks, may_be_undefined)
// The immediate's meaning, where a kind uses one, is in the comment.
#define ARCANE_IR_STATEMENTS(X)                                                           \
  X(Block, "block", 0, 0, kOneOrMore, false)      /* runs its blocks in order */          \
  X(Break, "break", 0, 0, 0, false)               /* imm: blocks left beyond the own */   \
  X(Scan, "scan", 1, 2, 1, false)                 /* in: collection; out: key, value */   \
  X(Not, "not", 0, 0, 1, true)                    /* defined iff its block is not */      \
  X(With, "with", kVariadic, 0, 1, true)          /* imm: Document; in: value, path... */ \
  X(Dot, "dot", 2, 1, 0, true)                    /* in: source, key; out: target */      \
  X(Len, "len", 1, 1, 0, true)                    /* in: source; out: target */           \
  X(CallBuiltin, "call", kVariadic, 1, 0, true)   /* imm: built-in index; in: args */     \
  X(CallFunc, "callfunc", kVariadic, 1, 0, true)  /* `call @f`; imm: function index */    \
  X(CallDynamic, "calldynamic", kVariadic, 1, 0, true) /* imm: path length */             \
  X(Equal, "equal", 2, 0, 0, true)                                                        \
  X(NotEqual, "notequal", 2, 0, 0, true)                                                  \
  X(IsArray, "isarray", 1, 0, 0, true)                                                    \
  X(IsObject, "isobject", 1, 0, 0, true)                                                  \
  X(IsSet, "isset", 1, 0, 0, true)                                                        \
  X(IsString, "isstring", 1, 0, 0, true)                                                  \
  X(IsNumber, "isnumber", 1, 0, 0, true)                                                  \
  X(IsBoolean, "isboolean", 1, 0, 0, true)                                                \
  X(IsNull, "isnull", 1, 0, 0, true)                                                      \
  X(IsDefined, "isdefined", 1, 0, 0, true)        /* in: a local */                       \
  X(IsUndefined, "isundefined", 1, 0, 0, true)    /* in: a local */                       \
  X(AssignVar, "assign", 1, 1, 0, false)                                                  \
  X(AssignVarOnce, "assignonce", 1, 1, 0, false)  /* conflict if set and different */     \
  X(ResetLocal, "reset", 0, 1, 0, false)          /* out: becomes undefined */            \
  X(MakeArray, "makearray", 0, 1, 0, false)       /* imm: capacity hint */                \
  X(MakeObject, "makeobject", 0, 1, 0, false)                                             \
  X(MakeSet, "makeset", 0, 1, 0, false)                                                   \
  X(ArrayAppend, "arrayappend", 1, 1, 0, false)   /* in: value; out: the array */         \
  X(ObjectInsert, "objectinsert", 2, 1, 0, false) /* in: key, value; out: the object */   \
  X(ObjectInsertOnce, "objectinsertonce", 2, 1, 0, false)                                 \
  X(ObjectMerge, "objectmerge", 2, 1, 0, false)   /* imm: see merge_imm */                \
  X(SetAdd, "setadd", 1, 1, 0, false)             /* in: value; out: the set */           \
  X(GroupAdd, "groupadd", 2, 1, 0, false)         /* imm: Group; in: key, item; out: obj */ \
  X(GroupInsert, "groupinsert", 3, 1, 0, false)   /* in: key, k, v; out: the object */    \
  X(ResultSetAdd, "resultsetadd", 1, 0, 0, false) /* plans only */                        \
  X(ReturnLocal, "return", 1, 0, 0, false)        /* functions only */               \
  X(RuleIndex, "ruleindex", 2, 0, kOneOrMore, false) /* in: key, table; rule_index.h */
// clang-format on

// The collection a GroupAdd adds its item to, at its key in the object (its immediate).
// GroupInsert's groups are objects: it inserts k: v, a later value for k replacing the
// earlier one.
enum class Group : uint32_t { kArray = 0, kSet = 1 };

// The immediate of ObjectMerge: bit 0 set means a's value wins a conflict (base data over
// rule values); the rest is the depth at which values are rule values, never merged into
// (0: none).
constexpr uint32_t merge_imm(bool first_wins, uint32_t opaque_depth) { return (opaque_depth << 1) | (first_wins ? 1u : 0u); }

enum class StmtKind : uint8_t {
#define ARCANE_IR_ENUM(kind, text, in, out, blocks, undef) k##kind,
  ARCANE_IR_STATEMENTS(ARCANE_IR_ENUM)
#undef ARCANE_IR_ENUM
};

struct StmtShape {
  std::string_view name;
  int inputs;  // or kVariadic
  int outputs;
  int blocks;             // or kOneOrMore
  bool may_be_undefined;  // whether the statement itself can leave its block
};

inline constexpr StmtShape kStmtShapes[] = {
#define ARCANE_IR_SHAPE(kind, text, in, out, blocks, undef) {text, in, out, blocks, undef},
    ARCANE_IR_STATEMENTS(ARCANE_IR_SHAPE)
#undef ARCANE_IR_SHAPE
};
inline constexpr size_t kStmtKindCount = std::size(kStmtShapes);

inline const StmtShape& shape(StmtKind k) {
  return kStmtShapes[static_cast<size_t>(k)];
}
std::optional<StmtKind> stmt_kind_from_name(std::string_view name);

// Kinds whose immediate the text form writes after the mnemonic when it is not 0.
inline bool has_optional_imm(StmtKind k) {
  return k == StmtKind::kMakeArray || k == StmtKind::kObjectMerge || k == StmtKind::kGroupAdd;
}

struct Block;

struct Stmt {
  StmtKind kind = StmtKind::kBreak;
  runtime::Location location;
  std::vector<Operand> inputs;  // read
  std::vector<Local> outputs;   // written (for the insert/append kinds: updated in place)
  uint32_t imm = 0;             // per-kind immediate, see the table
  std::vector<Block> blocks;    // nested blocks (Block, Scan, Not, With)
};

struct Block {
  std::vector<Stmt> stmts;
};

enum class FunctionKind : uint8_t {
  kPlan,      // an entrypoint: no parameters, yields rows with ResultSetAdd
  kRule,      // a rule group: no parameters, so memoised per evaluation
  kFunction,  // a Rego function: parameters, never memoised
};

struct Function {
  FunctionKind kind = FunctionKind::kRule;
  std::string name;               // unique in the policy
  std::vector<std::string> path;  // where CallDynamic finds it; empty if it cannot
  std::vector<Local> params;      // locals >= kFirstFreeLocal, distinct
  std::vector<Block> blocks;      // run in order; falling off the end is "undefined"
  runtime::Location location;
};

// What a policy knows of a source file: enough to render `file:row:` without the text.
struct FileInfo {
  std::string name;
  std::vector<uint32_t> line_starts;  // byte offset of each line; starts with 0
  // Kept only for unnamed sources (queries): OPA quotes the located text in their errors.
  std::string text;
};

// The FileInfo of a source text (what planners put in Policy::files); the text itself is
// kept when the name is empty.
FileInfo make_file_info(std::string name, std::string_view text);

struct BuiltinRef {
  std::string name;
  int arity = kVariadic;  // operands, or kVariadic when not declared
};

inline constexpr uint32_t kFormatVersion = 1;

struct Policy {
  std::vector<FileInfo> files;  // file id i is files[i - 1]; 0 means "no file"
  std::vector<runtime::Value> constants;
  std::vector<BuiltinRef> builtins;  // call targets, resolved by the back end at load
  std::vector<Function> functions;

  // Lookups for builders and tests; linear, as they run once.
  std::optional<uint32_t> find_function(std::string_view name) const;
  std::optional<uint32_t> find_builtin(std::string_view name) const;
};

// Adds constants to a policy's pool once each: a constant equal to an earlier one in value
// *and* literal text (1 and 1.0 stay apart, as do [1] and {1}) gets the earlier index.
// Strings are stored as interned keys, so their hashes are computed once per process.
class ConstantInterner {
 public:
  explicit ConstantInterner(Policy& p);  // indexes what the pool already holds
  uint32_t intern(const runtime::Value& v);

 private:
  Policy& policy_;
  std::unordered_map<std::string, uint32_t> by_text_;
};

// The index of the built-in `name`, appended if new. A known arity replaces kVariadic.
uint32_t intern_builtin(Policy& p, std::string_view name, int arity = kVariadic);

// The 1-based row of a location in the policy's file table, or 0 when unknown.
uint32_t row_of(const Policy& p, const runtime::Location& loc);

// The highest local a statement of these blocks (nested blocks included) reads or writes;
// 0 when there is none.
Local max_local(const std::vector<Block>& blocks);

// Every read and write of local `from` in b (nested blocks included) made to `to`.
void rename_local(Block& b, Local from, Local to);

// Statement builders, so planner and test code reads like the listing.
Stmt make_stmt(StmtKind k, std::vector<Operand> in, std::vector<Local> out, uint32_t imm = 0,
               std::vector<Block> blocks = {}, runtime::Location loc = {});

}  // namespace arcane::ir
