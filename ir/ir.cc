// Tables and small helpers of the plan; see ir.h.
#include "ir/ir.h"
#include "ir/rename.h"

#include <algorithm>

#include "ir/value_text.h"

namespace arcane::ir {

std::optional<StmtKind> stmt_kind_from_name(std::string_view name) {
  for (size_t i = 0; i < kStmtKindCount; ++i) {
    if (kStmtShapes[i].name == name) return static_cast<StmtKind>(i);
  }
  return std::nullopt;
}

std::optional<uint32_t> Policy::find_function(std::string_view name) const {
  for (size_t i = 0; i < functions.size(); ++i) {
    if (functions[i].name == name) return static_cast<uint32_t>(i);
  }
  return std::nullopt;
}

std::optional<uint32_t> Policy::find_builtin(std::string_view name) const {
  for (size_t i = 0; i < builtins.size(); ++i) {
    if (builtins[i].name == name) return static_cast<uint32_t>(i);
  }
  return std::nullopt;
}

ConstantInterner::ConstantInterner(Policy& p) : policy_(p) {
  for (size_t i = 0; i < p.constants.size(); ++i) {
    by_text_.emplace(value_text(p.constants[i]), static_cast<uint32_t>(i));
  }
}

uint32_t ConstantInterner::intern(const runtime::Value& v) {
  auto [it, added] = by_text_.emplace(value_text(v), static_cast<uint32_t>(policy_.constants.size()));
  if (added) policy_.constants.push_back(v.is_string() ? runtime::Value::key(v.string_view()) : v);
  return it->second;
}

uint32_t intern_builtin(Policy& p, std::string_view name, int arity) {
  if (std::optional<uint32_t> i = p.find_builtin(name)) {
    if (p.builtins[*i].arity == kVariadic) p.builtins[*i].arity = arity;
    return *i;
  }
  p.builtins.push_back({std::string(name), arity});
  return static_cast<uint32_t>(p.builtins.size() - 1);
}

FileInfo make_file_info(std::string name, std::string_view text) {
  FileInfo f{std::move(name), {0}, {}};
  if (f.name.empty()) f.text = std::string(text);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') f.line_starts.push_back(static_cast<uint32_t>(i + 1));
  }
  return f;
}

uint32_t row_of(const Policy& p, const runtime::Location& loc) {
  if (loc.file == 0 || loc.file > p.files.size()) return 0;
  const std::vector<uint32_t>& starts = p.files[loc.file - 1].line_starts;
  if (starts.empty()) return 0;
  auto it = std::upper_bound(starts.begin(), starts.end(), loc.offset);
  return static_cast<uint32_t>(it - starts.begin());
}

Stmt make_stmt(StmtKind k, std::vector<Operand> in, std::vector<Local> out, uint32_t imm, std::vector<Block> blocks,
               runtime::Location loc) {
  Stmt s;
  s.kind = k;
  s.location = loc;
  s.inputs = std::move(in);
  s.outputs = std::move(out);
  s.imm = imm;
  s.blocks = std::move(blocks);
  return s;
}

Local max_local(const std::vector<Block>& blocks) {
  Local m = 0;
  auto visit = [&](auto&& self, const Block& b) -> void {
    for (const Stmt& s : b.stmts) {
      for (const Operand& o : s.inputs) {
        if (o.is_local()) m = std::max(m, o.index);
      }
      for (Local l : s.outputs) m = std::max(m, l);
      for (const Block& n : s.blocks) self(self, n);
    }
  };
  for (const Block& b : blocks) visit(visit, b);
  return m;
}

void rename_local(Block& b, Local from, Local to) {
  for (Stmt& s : b.stmts) {
    for (Operand& o : s.inputs) {
      if (o.is_local() && o.index == from) o.index = to;
    }
    for (Local& l : s.outputs) {
      if (l == from) l = to;
    }
    for (Block& inner : s.blocks) rename_local(inner, from, to);
  }
}

void rename_locals(Block& b, const std::unordered_map<Local, Local>& renames) {
  auto renamed = [&](Local l) {
    auto it = renames.find(l);
    return it == renames.end() ? l : it->second;
  };
  for (Stmt& s : b.stmts) {
    for (Operand& o : s.inputs) {
      if (o.is_local()) o.index = renamed(o.index);
    }
    for (Local& l : s.outputs) l = renamed(l);
    for (Block& inner : s.blocks) rename_locals(inner, renames);
  }
}

}  // namespace arcane::ir
