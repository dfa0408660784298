// The IR listing reader; see parser.h and printer.h for the syntax.
#include "ir/parser.h"

#include <limits>
#include <optional>
#include <string>

#include "ir/value_text.h"
#include "runtime/json_reader.h"

namespace arcane::ir {

namespace {

constexpr int kMaxNesting = 200;

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '$' || c == ':' || c == '-';
}

bool digit(char c) {
  return c >= '0' && c <= '9';
}

class ListingParser {
 public:
  explicit ListingParser(std::string_view text) : text_(text), interner_(policy_) {}

  runtime::Result<Policy> run() {
    while (skip(), pos_ < text_.size()) {
      if (!top_level()) break;
    }
    if (!error_) resolve_calls();
    if (error_) return *error_;
    return std::move(policy_);
  }

 private:
  bool fail(const std::string& what) {
    if (error_) return false;
    uint32_t line = 1, col = 1;
    for (size_t i = 0; i < pos_ && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    error_ =
        runtime::Diagnostic{"ir_parse_error", std::to_string(line) + ":" + std::to_string(col) + ": " + what, {}, {}};
    return false;
  }

  void skip() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else {
        return;
      }
    }
  }
  bool peek(char c) { return skip(), pos_ < text_.size() && text_[pos_] == c; }
  bool take(char c) {
    if (!peek(c)) return false;
    ++pos_;
    return true;
  }
  bool take(std::string_view s) {
    skip();
    if (text_.substr(pos_, s.size()) != s) return false;
    pos_ += s.size();
    return true;
  }
  bool expect(char c) { return take(c) || fail(std::string("expected '") + c + "'"); }
  bool expect(std::string_view s) { return take(s) || fail("expected '" + std::string(s) + "'"); }

  std::string word() {
    skip();
    size_t start = pos_;
    while (pos_ < text_.size() && name_char(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  bool name(std::string& out) {
    if (!peek('"')) {
      out = word();
      return !out.empty() || fail("expected a name");
    }
    runtime::Result<runtime::Value> v = parse_value_text(text_, pos_);
    if (!v.ok() || !v->is_string()) return fail("expected a quoted name");
    out = std::string(v->string_view());
    return true;
  }

  bool uint(uint32_t& out) {
    skip();
    size_t start = pos_;
    uint64_t v = 0;
    while (pos_ < text_.size() && digit(text_[pos_]) && v <= std::numeric_limits<uint32_t>::max()) {
      v = v * 10 + static_cast<uint64_t>(text_[pos_++] - '0');
    }
    if (pos_ == start) return fail("expected a number");
    if (v > std::numeric_limits<uint32_t>::max()) return fail("number too large");
    out = static_cast<uint32_t>(v);
    return true;
  }

  bool top_level() {
    size_t start = pos_;
    std::string w = word();
    if (w == "file") return file_line();
    if (w == "builtin") return builtin_line();
    if (w == "plan") return function(FunctionKind::kPlan);
    if (w == "rule") return function(FunctionKind::kRule);
    if (w == "func") return function(FunctionKind::kFunction);
    pos_ = start;
    return fail("expected 'file', 'builtin', 'plan', 'rule' or 'func'");
  }

  bool file_line() {
    uint32_t id = 0;
    FileInfo f;
    if (!uint(id) || !name(f.name)) return false;
    if (id != policy_.files.size() + 1) return fail("file ids must count up from 1");
    if (!expect('[')) return false;
    if (!take(']')) {
      do {
        uint32_t start = 0;
        if (!uint(start)) return false;
        f.line_starts.push_back(start);
      } while (take(','));
      if (!expect(']')) return false;
    }
    if (take("text") && (!peek('"') || !name(f.text))) return fail("expected the quoted text");
    policy_.files.push_back(std::move(f));
    return true;
  }

  bool builtin_line() {
    std::string n;
    if (!name(n)) return false;
    int arity = kVariadic;
    if (take('/')) {
      uint32_t a = 0;
      if (!uint(a)) return false;
      arity = static_cast<int>(a);
    }
    if (policy_.find_builtin(n)) return fail("built-in '" + n + "' declared twice");
    policy_.builtins.push_back({std::move(n), arity});
    return true;
  }

  bool function(FunctionKind kind) {
    Function f;
    f.kind = kind;
    if (!name(f.name)) return false;
    if (policy_.find_function(f.name)) return fail("function '" + f.name + "' defined twice");
    if (kind == FunctionKind::kFunction) {
      if (!expect('(')) return false;
      if (!take(')')) {
        do {
          Local l = 0;
          if (!local(l)) return false;
          f.params.push_back(l);
        } while (take(','));
        if (!expect(')')) return false;
      }
    }
    if (take("path")) {
      if (!expect('[')) return false;
      if (!take(']')) {
        do {
          std::string piece;
          if (!peek('"') || !name(piece)) return fail("expected a quoted path element");
          f.path.push_back(std::move(piece));
        } while (take(','));
        if (!expect(']')) return false;
      }
    }
    if (!location(f.location) || !expect('{')) return false;
    while (!take('}')) {
      if (pos_ >= text_.size()) return fail("unterminated function");
      f.blocks.emplace_back();
      if (!block(f.blocks.back(), 1)) return false;
    }
    policy_.functions.push_back(std::move(f));
    return true;
  }

  bool block(Block& b, int depth) {
    if (depth > kMaxNesting) return fail("blocks nested too deeply");
    if (!expect('{')) return false;
    while (!take('}')) {
      if (pos_ >= text_.size()) return fail("unterminated block");
      b.stmts.emplace_back();
      if (!stmt(b.stmts.back(), depth)) return false;
    }
    return true;
  }

  bool stmt(Stmt& s, int depth) {
    size_t start = pos_;
    std::string w = word();
    if (w == "call") return call(s);
    if (w == "calldynamic") return call_dynamic(s);
    if (w == "with") return with(s, depth);
    std::optional<StmtKind> kind = stmt_kind_from_name(w);
    if (!kind || *kind == StmtKind::kCallFunc) {
      pos_ = start;
      return fail("unknown statement '" + w + "'");
    }
    s.kind = *kind;
    const StmtShape& sh = shape(s.kind);
    if (s.kind == StmtKind::kBreak && !uint(s.imm)) return false;
    if (has_optional_imm(s.kind) && (skip(), pos_ < text_.size() && digit(text_[pos_])) &&
        !uint(s.imm)) {
      return false;
    }
    for (int i = 0; i < sh.inputs; ++i) {
      if (i > 0 && !expect(',')) return false;
      s.inputs.emplace_back();
      if (!operand(s.inputs.back())) return false;
    }
    if (!outputs(s) || !location(s.location)) return false;
    if (sh.blocks == 0) return true;
    do {
      s.blocks.emplace_back();
      if (!block(s.blocks.back(), depth + 1)) return false;
    } while (sh.blocks == kOneOrMore && peek('{'));
    return true;
  }

  bool outputs(Stmt& s) {
    if (shape(s.kind).outputs == 0) return true;
    if (!expect("->")) return false;
    for (int i = 0; i < shape(s.kind).outputs; ++i) {
      if (i > 0 && !expect(',')) return false;
      s.outputs.emplace_back();
      if (!local(s.outputs.back())) return false;
    }
    return true;
  }

  bool operand_list(std::vector<Operand>& into, char close) {
    if (take(close)) return true;
    do {
      into.emplace_back();
      if (!operand(into.back())) return false;
    } while (take(','));
    return expect(close);
  }

  bool call(Stmt& s) {
    std::string n;
    if (take('@')) {
      s.kind = StmtKind::kCallFunc;
      if (!name(n)) return false;
      s.imm = static_cast<uint32_t>(pending_.size());
      pending_.push_back(n);
    } else {
      s.kind = StmtKind::kCallBuiltin;
      if (!name(n)) return false;
    }
    if (!expect('(') || !operand_list(s.inputs, ')')) return false;
    if (s.kind == StmtKind::kCallBuiltin) {
      std::optional<uint32_t> b = policy_.find_builtin(n);
      s.imm = b ? *b : intern_builtin(policy_, n, static_cast<int>(s.inputs.size()));
    }
    return outputs(s) && location(s.location);
  }

  bool call_dynamic(Stmt& s) {
    s.kind = StmtKind::kCallDynamic;
    if (!expect('[') || !operand_list(s.inputs, ']')) return false;
    s.imm = static_cast<uint32_t>(s.inputs.size());
    if (!expect('(') || !operand_list(s.inputs, ')')) return false;
    return outputs(s) && location(s.location);
  }

  bool with(Stmt& s, int depth) {
    s.kind = StmtKind::kWith;
    std::string doc = word();
    if (doc != "input" && doc != "data") return fail("expected 'input' or 'data' after 'with'");
    s.imm = static_cast<uint32_t>(doc == "input" ? Document::kInput : Document::kData);
    s.inputs.emplace_back();
    if (take('[') && !operand_list(s.inputs, ']')) return false;
    if (!expect('=') || !operand(s.inputs[0]) || !location(s.location)) return false;
    s.blocks.emplace_back();
    return block(s.blocks.back(), depth + 1);
  }

  bool operand(Operand& o) {
    skip();
    if (pos_ >= text_.size()) return fail("expected an operand");
    char c = text_[pos_];
    if (c != '"' && c != '[' && c != '{' && c != '-' && !digit(c)) {
      size_t start = pos_;
      std::string w = word();
      if (w == "true" || w == "false") {
        o = Operand::boolean(w == "true");
        return true;
      }
      if (w != "null" && w != "set") {
        pos_ = start;
        Local l = 0;
        if (!local(l)) return false;
        o = Operand::local(l);
        return true;
      }
      pos_ = start;
    }
    runtime::Result<runtime::Value> v = parse_value_text(text_, pos_);
    if (!v.ok()) return fail(v.error().message);
    o = Operand::constant(interner_.intern(*v));
    return true;
  }

  bool local(Local& l) {
    std::string w = word();
    if (w == "input") {
      l = kInputLocal;
      return true;
    }
    if (w == "data") {
      l = kDataLocal;
      return true;
    }
    if (w.size() < 2 || w[0] != 'l' || w.size() > 10) return fail("expected a local (lN, input or data)");
    uint64_t v = 0;
    for (size_t i = 1; i < w.size(); ++i) {
      if (!digit(w[i])) return fail("expected a local (lN, input or data)");
      v = v * 10 + static_cast<uint64_t>(w[i] - '0');
    }
    if (v > std::numeric_limits<uint32_t>::max()) return fail("local number too large");
    l = static_cast<Local>(v);
    return true;
  }

  bool location(runtime::Location& loc) {
    if (!take('@')) return true;
    return uint(loc.file) && expect(':') && uint(loc.offset) && expect('+') && uint(loc.length);
  }

  void resolve_calls() {
    for (Function& f : policy_.functions) {
      for (Block& b : f.blocks) resolve(b);
    }
  }

  void resolve(Block& b) {
    for (Stmt& s : b.stmts) {
      if (s.kind == StmtKind::kCallFunc) {
        std::optional<uint32_t> f = policy_.find_function(pending_[s.imm]);
        if (!f) {
          fail("call of undefined function '" + pending_[s.imm] + "'");
          return;
        }
        s.imm = *f;
      }
      for (Block& nested : s.blocks) resolve(nested);
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  Policy policy_;
  ConstantInterner interner_;
  std::vector<std::string> pending_;  // names of called functions, by CallFunc imm
  std::optional<runtime::Diagnostic> error_;
};

}  // namespace

runtime::Result<Policy> parse_policy(std::string_view text) {
  return ListingParser(text).run();
}

}  // namespace arcane::ir
