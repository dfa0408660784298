// Splitting reused locals; see split_locals.h.
#include "compiler/plan/split_locals.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "ir/stmt_counts.h"

namespace arcane::compiler::plan {

namespace {

using ir::Block;
using ir::Local;
using ir::Stmt;
using ir::StmtKind;

// More locals than this and a function stays as planned: every call clears its frame.
constexpr Local kMaxLocals = 1024;

struct Use {
  size_t mentions = 0;
  bool written_first = false;  // the first mention (in order) writes without reading
  size_t first_block = 0;      // the block of the first mention
  bool dominated = true;       // every later mention is in that block or inside it
};
using Uses = std::unordered_map<Local, Use>;

// The mentions of every local in a block, in the order they run. A first mention that
// writes makes the block self-contained for the local when every later mention is in
// the block of that write (after it) or nested inside it: a failure before the write
// leaves that block, so nothing there reads a value from before.
class Collector {
 public:
  explicit Collector(Uses& uses) : uses_(uses) {}

  // `written` are locals the block's entry writes: a scan's key and value, set in its
  // body on each iteration (and never if there is none).
  void block(const Block& b, const std::vector<Local>& written = {}) {
    open_.push_back(next_id_++);
    for (Local l : written) mention(l, true);
    for (const Stmt& s : b.stmts) {
      for (const ir::Operand& o : s.inputs) {
        if (o.is_local()) mention(o.index, false);
      }
      if (s.kind == StmtKind::kScan) {
        block(s.blocks[0], s.outputs);
        continue;
      }
      for (Local l : s.outputs) mention(l, !ir::reads_output(s.kind));
      for (const Block& inner : s.blocks) block(inner);
    }
    open_.pop_back();
  }

 private:
  void mention(Local l, bool write) {
    Use& u = uses_[l];
    if (u.mentions++ == 0) {
      u.written_first = write;
      u.first_block = open_.back();
      return;
    }
    u.dominated = u.dominated && std::find(open_.begin(), open_.end(), u.first_block) != open_.end();
  }

  Uses& uses_;
  std::vector<size_t> open_;  // ids of the blocks enclosing the current statement
  size_t next_id_ = 0;
};

void collect(const Block& b, Uses& uses) { Collector(uses).block(b); }

bool self_contained(const Use& u) { return u.written_first && u.dominated; }

class Splitter {
 public:
  explicit Splitter(ir::Function& fn) : fn_(fn) {
    Local top = ir::max_local(fn.blocks);
    for (Local p : fn.params) top = std::max(top, p);
    next_ = std::max<Local>(top + 1, ir::kFirstFreeLocal);
    for (const Block& b : fn.blocks) collect(b, all_);
  }

  void siblings(std::vector<Block>& blocks) {
    if (blocks.size() > 1) split(blocks);
    for (Block& b : blocks) nested(b);
  }

 private:
  void nested(Block& b) {
    for (Stmt& s : b.stmts) {
      if (s.kind == StmtKind::kBlock) {
        siblings(s.blocks);
      } else {
        for (Block& inner : s.blocks) nested(inner);
      }
    }
  }

  void split(std::vector<Block>& blocks) {
    std::vector<Uses> per(blocks.size());
    Uses together;
    for (size_t i = 0; i < blocks.size(); ++i) {
      collect(blocks[i], per[i]);
      for (const auto& [l, u] : per[i]) together[l].mentions += u.mentions;
    }
    for (const auto& [l, u] : together) {
      if (l < ir::kFirstFreeLocal || is_param(l) || u.mentions != all_[l].mentions) continue;
      // A block that writes l first starts a new value of it; one that reads it first
      // goes on with the value of the block before. The first block must write it (else
      // the value comes from outside, or from the previous iteration of a loop).
      Local current = l;
      bool started = false;
      for (size_t i = 0; i < blocks.size(); ++i) {
        auto it = per[i].find(l);
        if (it == per[i].end()) continue;
        if (!started) {
          if (!self_contained(it->second)) break;
          started = true;
        } else if (self_contained(it->second)) {
          if (next_ >= kMaxLocals) return;
          current = next_++;
        }
        if (current == l) continue;
        ir::rename_local(blocks[i], l, current);
        all_[current].mentions += it->second.mentions;
        all_[l].mentions -= it->second.mentions;
      }
    }
  }

  bool is_param(Local l) const { return std::find(fn_.params.begin(), fn_.params.end(), l) != fn_.params.end(); }

  ir::Function& fn_;
  Uses all_;
  Local next_ = 0;
};

}  // namespace

void split_locals(ir::Function& fn) {
  Splitter s(fn);
  s.siblings(fn.blocks);
}

}  // namespace arcane::compiler::plan
