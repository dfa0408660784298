// Program lookups, the disassembler and OPA-style error strings; lowering is lower.cc.
#include "vm/program.h"

#include <algorithm>
#include <atomic>

#include "ir/printer.h"
#include "ir/value_text.h"
#include "runtime/value_copy.h"
#include "vm/opcodes.h"

namespace arcane::vm {

std::string join_path(const std::vector<std::string_view>& path) {
  std::string key;
  for (std::string_view p : path) {
    key.append(p);
    key += '\0';
  }
  return key;
}

Program::Program() {
  static std::atomic<uint64_t> made{0};
  serial_ = made.fetch_add(1, std::memory_order_relaxed) + 1;
}

void Program::index_constant_nodes() {
  for (const runtime::Value& c : constants_) {
    if (const void* node = runtime::node_identity(c)) constant_nodes_.insert(node);
  }
}

bool Program::is_constant(const runtime::Value& v) const {
  const void* node = runtime::node_identity(v);
  return node != nullptr && constant_nodes_.contains(node);
}

std::optional<uint32_t> Program::find_plan(std::string_view name) const {
  std::optional<uint32_t> f = find_function(name);
  if (f && functions_[*f].kind == ir::FunctionKind::kPlan) return f;
  return std::nullopt;
}

std::optional<uint32_t> Program::find_function(std::string_view name) const {
  for (size_t i = 0; i < functions_.size(); ++i) {
    if (functions_[i].name == name) return static_cast<uint32_t>(i);
  }
  return std::nullopt;
}

std::optional<uint32_t> Program::find_path(const std::vector<std::string_view>& path) const {
  auto it = paths_.find(join_path(path));
  if (it == paths_.end()) return std::nullopt;
  return it->second;
}

runtime::Location Program::location_at(uint32_t pc) const {
  auto it = std::upper_bound(locations_.begin(), locations_.end(), pc,
                             [](uint32_t p, const auto& entry) { return p < entry.first; });
  if (it == locations_.begin()) return {};
  return std::prev(it)->second;
}

namespace {

class Disassembler {
 public:
  explicit Disassembler(const Program& p) : p_(p) {}

  std::string run() {
    std::vector<std::pair<uint32_t, size_t>> entries;
    for (size_t i = 0; i < p_.functions().size(); ++i) entries.push_back({p_.functions()[i].entry, i});
    std::sort(entries.begin(), entries.end());
    size_t next = 0;
    const std::vector<uint32_t>& code = p_.code();
    for (uint32_t pc = 0; pc < code.size();) {
      while (next < entries.size() && entries[next].first == pc) header(p_.functions()[entries[next++].second]);
      pc = instruction(pc);
    }
    return std::move(out_);
  }

 private:
  void header(const FunctionInfo& f) {
    static constexpr const char* kKinds[] = {"plan", "rule", "func"};
    out_ += "\n" + std::string(kKinds[static_cast<int>(f.kind)]) + " " + ir::print_name(f.name) + " (" +
            std::to_string(f.registers) + " registers" +
            (f.owning.empty() ? "" : ", " + std::to_string(f.owning.size()) + " owning") +
            (f.memoised ? ", memoised" : "") + ")\n";
  }

  uint32_t instruction(uint32_t pc) {
    const std::vector<uint32_t>& code = p_.code();
    auto op = static_cast<Op>(code[pc]);
    const OpInfo& info = op_info(op);
    std::string line = std::to_string(pc);
    line.insert(0, line.size() < 6 ? 6 - line.size() : 0, ' ');
    line += "  " + std::string(info.name);
    uint32_t at = pc + 1;
    bool first = true;
    for (char f : info.format) {
      line += first ? " " : ", ";
      first = false;
      uint32_t w = code[at++];
      switch (f) {
        case 'r':
        case 'l': line += "r" + std::to_string(w); break;
        case 'o': line += operand(w); break;
        case 'j': line += "@" + std::to_string(w); break;
        case 'i': line += immediate(op, w); break;
        case 'n':
          line += '(';
          for (uint32_t k = 0; k < w; ++k) line += (k ? ", " : "") + operand(code[at++]);
          line += ')';
          break;
      }
    }
    out_ += line + '\n';
    return at;
  }

  std::string operand(uint32_t w) const {
    if (!(w & kConstBit)) return "r" + std::to_string(w);
    std::string text = ir::value_text(p_.constants()[w & kIndexMask]);
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
  }

  std::string immediate(Op op, uint32_t w) const {
    switch (op) {
      case Op::kCallBuiltin: return p_.builtins()[w]->name;
      case Op::kCallFunc: return "@" + ir::print_name(p_.functions()[w].name);
      case Op::kIsKind: return runtime::kind_name(static_cast<runtime::Kind>(w));
      case Op::kBuild: return runtime::kind_name(static_cast<runtime::Kind>(w & kBuildKindMask));
      case Op::kWithPush: return w == 0 ? "input" : "data";
      default: return std::to_string(w);
    }
  }

  const Program& p_;
  std::string out_;
};

}  // namespace

std::string Program::disassemble() const {
  return Disassembler(*this).run();
}

std::string Program::render(const runtime::Diagnostic& d) const {
  std::string tail = d.code.empty() ? d.message : d.code + ": " + d.message;
  const runtime::Location& loc = d.location;
  if (loc.file == 0 || loc.file > files_.size()) return tail;
  const ir::FileInfo& f = files_[loc.file - 1];
  auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), loc.offset);
  uint32_t row = static_cast<uint32_t>(it - f.line_starts.begin());
  if (!f.name.empty()) return f.name + ":" + std::to_string(row) + ": " + tail;
  if (!f.text.empty() && loc.offset <= f.text.size()) {
    return f.text.substr(loc.offset, std::min<size_t>(loc.length, f.text.size() - loc.offset)) + ": " + tail;
  }
  uint32_t col = row == 0 ? 0 : loc.offset - f.line_starts[row - 1] + 1;
  return std::to_string(row) + ":" + std::to_string(col) + ": " + tail;
}

}  // namespace arcane::vm
