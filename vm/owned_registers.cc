#include "vm/owned_registers.h"

#include "vm/opcodes.h"

namespace arcane::vm {
namespace {

// One decoded instruction: its opcode and the code offsets of its operand words, in the
// order of the format string (an `n` list contributes its count word, then its items).
struct Decoded {
  Op op;
  uint32_t words[16];
  uint32_t count = 0;
  uint32_t next = 0;  // offset of the following instruction
};

template <typename F>
void for_each_instruction(const std::vector<uint32_t>& code, uint32_t begin, uint32_t end, F&& f) {
  for (uint32_t pc = begin; pc < end;) {
    Decoded d{static_cast<Op>(code[pc]), {}, 0, 0};
    uint32_t at = pc + 1;
    for (char c : op_info(d.op).format) {
      if (c == 'n') {
        at += 1 + code[at];  // list items are read operands: none is written
        continue;
      }
      if (d.count < std::size(d.words)) d.words[d.count++] = at;
      ++at;
    }
    d.next = at;
    f(d);
    pc = at;
  }
}

}  // namespace

std::vector<uint32_t> registers_holding_references(const std::vector<uint32_t>& code, const FunctionInfo& f,
                                                   uint32_t end) {
  std::vector<bool> owns(f.registers, false);
  for (uint32_t p : f.params) {
    if (p < owns.size()) owns[p] = true;
  }
  // Whether operand word w reads a register that may own: a constant is borrowed.
  auto source_owns = [&](uint32_t w) { return !(w & kConstBit) && w < owns.size() && owns[w]; };
  bool changed = true;
  while (changed) {
    changed = false;
    auto mark = [&](uint32_t r, bool value) {
      if (value && r < owns.size() && !owns[r]) {
        owns[r] = true;
        changed = true;
      }
    };
    for_each_instruction(code, f.entry, end, [&](const Decoded& d) {
      auto w = [&](uint32_t i) { return code[d.words[i]]; };
      switch (d.op) {
        // A part of the source (or, for a set, the key itself): owned only through them.
        case Op::kDot:
        case Op::kDotKey: return mark(w(2), source_owns(w(0)) || source_owns(w(1)));
        case Op::kScanInit: return mark(w(1), source_owns(w(0)));
        case Op::kScanNext:
          mark(w(1), source_owns(w(0)));
          return mark(w(2), source_owns(w(0)));
        case Op::kMove:
        case Op::kMoveOnce: return mark(w(1), source_owns(w(0)));
        // Scalars, an undefined register, a cursor kept in the auxiliary words.
        case Op::kLen:
        case Op::kCompare:
        case Op::kCompareJump:
        case Op::kReset:
        case Op::kIndexSelect: return;
        default: {
          // Anything else that writes a register writes a value the evaluation owns.
          const std::string_view format = op_info(d.op).format;
          uint32_t i = 0;
          for (char c : format) {
            if (c == 'n') continue;
            if (c == 'r' && i < d.count) mark(w(i), true);
            ++i;
          }
          return;
        }
      }
    });
  }
  std::vector<uint32_t> out;
  for (uint32_t r = 0; r < owns.size(); ++r) {
    if (owns[r]) out.push_back(r);
  }
  return out;
}

bool has_with(const std::vector<uint32_t>& code) {
  bool found = false;
  for_each_instruction(code, 0, static_cast<uint32_t>(code.size()), [&](const Decoded& d) {
    found = found || d.op == Op::kWithPush;
  });
  return found;
}

}  // namespace arcane::vm
