// Document paths looked up once; see document_paths.h.
#include "compiler/plan/document_paths.h"

#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "ir/rename.h"
#include "ir/stmt_counts.h"

namespace arcane::compiler::plan {

namespace {

using ir::Block;
using ir::Local;
using ir::Operand;
using ir::Stmt;
using ir::StmtKind;

constexpr uint32_t kNone = UINT32_MAX;

// A path: a lookup of `key` in its parent. The parent is a document (input or data) or
// another path; the key a constant or another path.
struct Path {
  uint32_t parent = kNone;  // a path, or kNone when the source is the document `doc`
  Local doc = 0;
  Operand key;                 // when key_path is kNone
  uint32_t key_path = kNone;   // the path the key is
  size_t lookups = 0;          // dots of this path in the function, outside `with`
  bool hoisted = false;
  Local local = 0;             // the hoisted result
};

class PathFinder {
 public:
  explicit PathFinder(ir::Function& fn) : fn_(fn) {
    for (const Block& b : fn.blocks) {
      for (const Stmt& s : b.stmts) ir::count_writes(s, writes_);
    }
  }

  void run() {
    if (fn_.blocks.empty()) return;
    for (const Block& b : fn_.blocks) collect(b);
    if (!choose()) return;
    next_local_ = ir::max_local(fn_.blocks) + 1;
    for (Path& p : paths_) {
      if (p.hoisted) p.local = next_local_++;
    }
    for (Block& b : fn_.blocks) replace(b);
    for (Block& b : fn_.blocks) ir::rename_locals(b, renames_);
    for (const Block& b : fn_.blocks) {
      for (const Stmt& s : b.stmts) ir::count_readers(s, value_reads_, false);
    }
    for (Block& b : fn_.blocks) drop_implied(b);
    fn_.blocks[0].stmts.insert(fn_.blocks[0].stmts.begin(), lookups());
  }

 private:
  using PathKey = std::tuple<uint32_t, Local, uint8_t, uint32_t, uint32_t>;
  static PathKey key_of(const Path& p) {
    return {p.parent, p.doc, static_cast<uint8_t>(p.key.kind), p.key.index, p.key_path};
  }

  // The path a dot statement looks up: its source a document or a path's result, its
  // key a constant or a path's result, its target written only here.
  std::optional<Path> describe(const Stmt& s) const {
    if (s.kind != StmtKind::kDot || ir::count_of(writes_, s.outputs[0]) != 1) return std::nullopt;
    Path p;
    const Operand& src = s.inputs[0];
    if (!src.is_local()) return std::nullopt;
    if (src.index == ir::kInputLocal || src.index == ir::kDataLocal) {
      if (ir::count_of(writes_, src.index) != 0) return std::nullopt;  // a `with` replaces it somewhere
      p.doc = src.index;
    } else {
      auto it = result_path_.find(src.index);
      if (it == result_path_.end()) return std::nullopt;
      p.parent = it->second;
    }
    const Operand& key = s.inputs[1];
    if (key.is_local()) {
      auto it = result_path_.find(key.index);
      if (it == result_path_.end()) return std::nullopt;
      p.key_path = it->second;
    } else {
      p.key = key;
    }
    return p;
  }

  void collect(const Block& b) {
    for (const Stmt& s : b.stmts) {
      if (s.kind == StmtKind::kWith) continue;  // the documents differ inside
      if (std::optional<Path> p = describe(s)) {
        auto [it, added] = ids_.emplace(key_of(*p), static_cast<uint32_t>(paths_.size()));
        if (added) paths_.push_back(*p);
        ++paths_[it->second].lookups;
        result_path_[s.outputs[0]] = it->second;
      }
      for (const Block& inner : s.blocks) collect(inner);
    }
  }

  // Paths looked up more than once, and those they are made of. Ids are in order of
  // first appearance, so a path's parent and key come before it.
  bool choose() {
    bool any = false;
    for (size_t i = paths_.size(); i-- > 0;) {
      Path& p = paths_[i];
      if (p.lookups >= 2) p.hoisted = true;
      if (!p.hoisted) continue;
      any = true;
      if (p.parent != kNone) paths_[p.parent].hoisted = true;
      if (p.key_path != kNone) paths_[p.key_path].hoisted = true;
    }
    return any;
  }

  void replace(Block& b) {
    for (Stmt& s : b.stmts) {
      if (s.kind == StmtKind::kWith) continue;
      if (s.kind == StmtKind::kDot && ir::count_of(writes_, s.outputs[0]) == 1) {
        auto it = result_path_.find(s.outputs[0]);
        if (it != result_path_.end() && paths_[it->second].hoisted) {
          Local h = paths_[it->second].local;
          renames_.emplace(s.outputs[0], h);
          defined_path_[h] = it->second;
          s = ir::make_stmt(StmtKind::kIsDefined, {Operand::local(h)}, {}, 0, {}, s.location);
          continue;
        }
      }
      for (Block& inner : s.blocks) replace(inner);
    }
  }

  // Whether path `longer` being defined implies path `shorter` is.
  bool implies(uint32_t longer, uint32_t shorter) const {
    if (longer == shorter) return true;
    const Path& p = paths_[longer];
    return (p.parent != kNone && implies(p.parent, shorter)) || (p.key_path != kNone && implies(p.key_path, shorter));
  }

  // The path an `isdefined h` of a hoisted local tests, or kNone.
  uint32_t defined_path(const Stmt& s) const {
    if (s.kind != StmtKind::kIsDefined) return kNone;
    auto it = defined_path_.find(s.inputs[0].index);
    return it == defined_path_.end() ? kNone : it->second;
  }
  // Whether that `isdefined h` may go: a statement that reads h's value must follow an
  // `isdefined h` (the verifier's definite assignment), so only when nothing else does.
  bool droppable(const Stmt& s) const { return ir::count_of(value_reads_, s.inputs[0].index) == 0; }


  void drop_implied(Block& b) {
    for (size_t i = 0; i < b.stmts.size(); ++i) {
      for (Block& inner : b.stmts[i].blocks) drop_implied(inner);
    }
    // Within a run of them, each implied by its neighbour goes (looking back after a
    // removal, as the new neighbours may imply each other).
    for (size_t i = 0; i + 1 < b.stmts.size();) {
      uint32_t here = defined_path(b.stmts[i]), next = defined_path(b.stmts[i + 1]);
      if (here == kNone || next == kNone) {
        ++i;
      } else if (droppable(b.stmts[i]) && implies(next, here)) {
        b.stmts.erase(b.stmts.begin() + static_cast<std::ptrdiff_t>(i));
        if (i > 0) --i;
      } else if (droppable(b.stmts[i + 1]) && implies(here, next)) {
        b.stmts.erase(b.stmts.begin() + static_cast<std::ptrdiff_t>(i + 1));
      } else {
        ++i;
      }
    }
  }

  // One `block` statement whose blocks each look up one hoisted path: an undefined one
  // leaves its own block only.
  Stmt lookups() const {
    std::vector<Block> blocks;
    for (const Path& p : paths_) {
      if (!p.hoisted) continue;
      Block b;
      Operand src = Operand::local(p.doc);
      if (p.parent != kNone) {
        src = Operand::local(paths_[p.parent].local);
        b.stmts.push_back(ir::make_stmt(StmtKind::kIsDefined, {src}, {}));
      }
      Operand key = p.key;
      if (p.key_path != kNone) {
        key = Operand::local(paths_[p.key_path].local);
        b.stmts.push_back(ir::make_stmt(StmtKind::kIsDefined, {key}, {}));
      }
      b.stmts.push_back(ir::make_stmt(StmtKind::kDot, {src, key}, {p.local}));
      blocks.push_back(std::move(b));
    }
    return ir::make_stmt(StmtKind::kBlock, {}, {}, 0, std::move(blocks));
  }

  ir::Function& fn_;
  ir::LocalCounts writes_;
  std::vector<Path> paths_;
  std::map<PathKey, uint32_t> ids_;
  std::unordered_map<Local, uint32_t> result_path_;   // a dot's target: the path it holds
  std::unordered_map<Local, uint32_t> defined_path_;  // a hoisted local: its path
  std::unordered_map<Local, Local> renames_;  // a replaced lookup's target: the hoisted local
  ir::LocalCounts value_reads_;                // reads by statements other than isdefined
  Local next_local_ = 0;
};

}  // namespace

void look_up_document_paths_once(ir::Function& fn) {
  if (fn.kind == ir::FunctionKind::kFunction) return;
  PathFinder(fn).run();
}

}  // namespace arcane::compiler::plan
