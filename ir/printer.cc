// The IR listing writer; see printer.h for the syntax.
#include "ir/printer.h"

#include "ir/value_text.h"
#include "runtime/json_escape.h"

namespace arcane::ir {

namespace {

bool bare_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '$' || c == ':' || c == '-';
}

class Printer {
 public:
  explicit Printer(const Policy& p) : p_(p) {}

  void policy() {
    out_ += "# arcane ir " + std::to_string(kFormatVersion) + "\n";
    for (size_t i = 0; i < p_.files.size(); ++i) file(i);
    for (const BuiltinRef& b : p_.builtins) {
      out_ += "builtin " + print_name(b.name);
      if (b.arity != kVariadic) out_ += "/" + std::to_string(b.arity);
      out_ += '\n';
    }
    for (const Function& f : p_.functions) function(f);
  }

  void stmt(const Stmt& s, int indent) {
    pad(indent);
    head(s);
    location(s.location);
    if (shape(s.kind).blocks == kOneOrMore) {
      for (size_t i = 0; i < s.blocks.size(); ++i) block(s.blocks[i], indent, i > 0);
    } else if (!s.blocks.empty()) {
      block(s.blocks[0], indent, false);
    }
    out_ += '\n';
  }

  std::string take() { return std::move(out_); }

 private:
  void file(size_t i) {
    const FileInfo& f = p_.files[i];
    out_ += "file " + std::to_string(i + 1) + " " + runtime::json_quote(f.name, false) + " [";
    for (size_t j = 0; j < f.line_starts.size(); ++j) {
      if (j) out_ += ", ";
      out_ += std::to_string(f.line_starts[j]);
    }
    out_ += ']';
    if (!f.text.empty()) out_ += " text " + runtime::json_quote(f.text, false);
    out_ += '\n';
  }

  void function(const Function& f) {
    out_ += '\n';
    static constexpr const char* kKinds[] = {"plan", "rule", "func"};
    out_ += kKinds[static_cast<int>(f.kind)];
    out_ += ' ' + print_name(f.name);
    if (f.kind == FunctionKind::kFunction) {
      out_ += '(';
      for (size_t i = 0; i < f.params.size(); ++i) {
        if (i) out_ += ", ";
        local(f.params[i]);
      }
      out_ += ')';
    }
    if (!f.path.empty()) {
      out_ += " path [";
      for (size_t i = 0; i < f.path.size(); ++i) {
        if (i) out_ += ", ";
        runtime::append_json_quoted(out_, f.path[i], false);
      }
      out_ += ']';
    }
    location(f.location);
    out_ += " {\n";
    for (const Block& b : f.blocks) {
      pad(1);
      block(b, 1, false);
      out_ += '\n';
    }
    out_ += "}\n";
  }

  // `{`, the statements one level deeper, `}` at `indent`; continued blocks of a `block`
  // statement follow on the closing line: `} {`.
  void block(const Block& b, int indent, bool continued) {
    out_ += continued ? " {\n" : (out_.empty() || out_.back() == ' ' || out_.back() == '\n' ? "{\n" : " {\n");
    for (const Stmt& s : b.stmts) stmt(s, indent + 1);
    pad(indent);
    out_ += '}';
  }

  void head(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::kCallBuiltin:
        out_ += "call " + print_name(s.imm < p_.builtins.size() ? p_.builtins[s.imm].name : "?");
        args(s.inputs, 0);
        break;
      case StmtKind::kCallFunc:
        out_ += "call @" + print_name(s.imm < p_.functions.size() ? p_.functions[s.imm].name : "?");
        args(s.inputs, 0);
        break;
      case StmtKind::kCallDynamic:
        out_ += "calldynamic [";
        operands(s.inputs, 0, std::min<size_t>(s.imm, s.inputs.size()));
        out_ += ']';
        args(s.inputs, std::min<size_t>(s.imm, s.inputs.size()));
        break;
      case StmtKind::kWith:
        out_ += s.imm == static_cast<uint32_t>(Document::kInput) ? "with input" : "with data";
        if (s.inputs.size() > 1) {
          out_ += " [";
          operands(s.inputs, 1, s.inputs.size());
          out_ += ']';
        }
        out_ += " = ";
        if (!s.inputs.empty()) operand(s.inputs[0]);
        break;
      default:
        out_ += shape(s.kind).name;
        if (s.kind == StmtKind::kBreak || (has_optional_imm(s.kind) && s.imm != 0)) {
          out_ += ' ' + std::to_string(s.imm);
        }
        if (!s.inputs.empty()) out_ += ' ';
        operands(s.inputs, 0, s.inputs.size());
        break;
    }
    if (!s.outputs.empty()) {
      out_ += " -> ";
      for (size_t i = 0; i < s.outputs.size(); ++i) {
        if (i) out_ += ", ";
        local(s.outputs[i]);
      }
    }
  }

  void args(const std::vector<Operand>& in, size_t from) {
    out_ += '(';
    operands(in, from, in.size());
    out_ += ')';
  }

  void operands(const std::vector<Operand>& in, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      if (i > from) out_ += ", ";
      operand(in[i]);
    }
  }

  void operand(const Operand& o) {
    switch (o.kind) {
      case Operand::Kind::kLocal: local(o.index); return;
      case Operand::Kind::kBool: out_ += o.index ? "true" : "false"; return;
      case Operand::Kind::kConst:
        if (o.index < p_.constants.size()) {
          append_value_text(out_, p_.constants[o.index]);
        } else {
          out_ += "c" + std::to_string(o.index) + "?";
        }
        return;
    }
  }

  void local(Local l) {
    if (l == kInputLocal) {
      out_ += "input";
    } else if (l == kDataLocal) {
      out_ += "data";
    } else {
      out_ += 'l' + std::to_string(l);
    }
  }

  void location(const runtime::Location& loc) {
    if (loc.file == 0 && loc.offset == 0 && loc.length == 0) return;
    out_ += " @" + std::to_string(loc.file) + ':' + std::to_string(loc.offset) + '+' + std::to_string(loc.length);
  }

  void pad(int indent) { out_.append(static_cast<size_t>(indent) * 2, ' '); }

  const Policy& p_;
  std::string out_;
};

}  // namespace

std::string print_name(std::string_view name) {
  bool bare = !name.empty();
  for (char c : name) bare = bare && bare_name_char(c);
  return bare ? std::string(name) : runtime::json_quote(name, false);
}

std::string print_policy(const Policy& p) {
  Printer printer(p);
  printer.policy();
  return printer.take();
}

std::string print_stmt(const Policy& p, const Stmt& s, int indent) {
  Printer printer(p);
  printer.stmt(s, indent);
  return printer.take();
}

}  // namespace arcane::ir
