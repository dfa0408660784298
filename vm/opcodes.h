// The interpreter's register bytecode: one X-macro lists every opcode with its mnemonic
// and operand format, and drives the enum, the disassembler, the dispatch table of the
// threaded interpreter and the switch of the portable one (Wren's arrangement), so they
// cannot drift apart.
//
// Code is a flat array of 32-bit words: an opcode word, then its operand words as the
// format string says:
//   r  a register written              o  an operand read: a register, or a constant
//   l  a register read (never a const)    when kConstBit is set (Lua's "RK" operand)
//   j  a jump target (absolute word)   i  an immediate
//   n  a count, then that many `o` words (call arguments, with paths)
// Every instruction that may be undefined carries the `j` it takes when it is: the exit
// of the IR block it came from, so "undefined leaves the block" costs one branch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace arcane::vm {

inline constexpr uint32_t kConstBit = 0x80000000u;

// The comparison built-ins (==, !=, <, <=, >, >= in OPA's total order) and membership
// (`x in c`, internal.member_2), which the lowering turns into a Compare instruction
// instead of a call.
enum class CompareOp : uint32_t { kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual, kMember };
inline constexpr uint32_t kIndexMask = 0x7fffffffu;

// Build's first word: the runtime::Kind in the low bits; for an object of at most
// kBuildOrderMax entries, kBuildOrdered and, from bit kBuildOrderShift on, 3 bits per
// entry: the position (in operand order) of the entry with the smallest key, the next,
// and so on. The keys are distinct constants, so lowering sorts them once and the
// interpreter makes the object without sorting.
inline constexpr uint32_t kBuildKindMask = 0xf;
inline constexpr uint32_t kBuildOrdered = 0x10;
inline constexpr uint32_t kBuildOrderShift = 8;
inline constexpr uint32_t kBuildOrderMax = 8;

// clang-format off
// X(Name, "mnemonic", "format")
#define ARCANE_VM_OPCODES(X)                                                             \
  X(Jump, "jump", "j")                                                                   \
  X(ScanInit, "scan.init", "orj")           /* collection, iterator reg, end */          \
  X(ScanNext, "scan.next", "lrrj")          /* iterator, key, value, end; checks */      \
  X(Dot, "dot", "oorj")                                                                  \
  X(DotKey, "dot.key", "lorj")              /* dot of a register by a constant key */    \
  X(Len, "len", "orj")                                                                   \
  X(CallBuiltin, "call", "irjn")            /* built-in, result, fail, args */           \
  X(CallFunc, "call.func", "irjn")          /* function, result, fail, args */           \
  X(CallDynamic, "call.dyn", "rjnn")        /* result, fail, path, args */               \
  X(Equal, "eq", "ooj")                                                                  \
  X(Compare, "cmp", "oorij")                /* a, b, result, CompareOp, fail */          \
  X(CompareJump, "cmp.jump", "oorij")       /* as cmp, and fails unless it holds */      \
  X(NotEqual, "ne", "ooj")                                                               \
  X(IsKind, "is", "oij")                    /* operand, runtime::Kind, fail */           \
  X(IsDefined, "isdef", "lj")                                                            \
  X(IsUndefined, "isundef", "lj")                                                        \
  X(Move, "move", "orj")                                                                 \
  X(MoveOnce, "move.once", "orj")           /* conflict if set and different */          \
  X(Reset, "reset", "r")                                                                 \
  X(Build, "build", "irjn")                 /* runtime::Kind, result, fail, elements */  \
  X(MakeArray, "make.array", "ri")                                                       \
  X(MakeObject, "make.object", "r")                                                      \
  X(MakeSet, "make.set", "r")                                                            \
  X(ArrayAppend, "array.append", "roj")                                                  \
  X(ObjectInsert, "object.insert", "rooj")                                               \
  X(ObjectInsertOnce, "object.insert.once", "rooj")                                      \
  X(ObjectMerge, "object.merge", "oorji")                                                 \
  X(SetAdd, "set.add", "roj")                                                            \
  X(GroupAdd, "group.add", "rooij")         /* groups, key, item, ir::Group, fail */     \
  X(GroupInsert, "group.insert", "roooj")   /* groups, key, k, v, fail */                \
  X(WithPush, "with.push", "iojn")          /* document, value, fail, path */            \
  X(WithPop, "with.pop", "")                                                             \
  X(ResultAdd, "result.add", "oj")                                                       \
  X(Return, "return", "o")                  /* an undefined operand returns undefined */ \
  X(ReturnUndefined, "return.undef", "")                                                 \
  X(Halt, "halt", "")                                                                    \
  X(IndexSelect, "index.select", "oir")     /* key, RuleIndexCode, cursor (2 regs) */     \
  X(IndexNext, "index.next", "lj")          /* cursor, end: jump to the next block */
// clang-format on

enum class Op : uint32_t {
#define ARCANE_VM_ENUM(name, text, format) k##name,
  ARCANE_VM_OPCODES(ARCANE_VM_ENUM)
#undef ARCANE_VM_ENUM
};

struct OpInfo {
  std::string_view name;
  std::string_view format;
};

inline constexpr OpInfo kOpInfo[] = {
#define ARCANE_VM_INFO(name, text, format) {text, format},
    ARCANE_VM_OPCODES(ARCANE_VM_INFO)
#undef ARCANE_VM_INFO
};
inline constexpr size_t kOpCount = std::size(kOpInfo);

inline const OpInfo& op_info(Op op) {
  return kOpInfo[static_cast<size_t>(op)];
}

}  // namespace arcane::vm
