// The binary plan format: writer and hardened reader; see serialize.h and docs/ir.md.
#include "ir/serialize.h"

#include <optional>

#include "ir/verifier.h"
#include "runtime/value_builder.h"

namespace arcane::ir {

namespace {

using runtime::Kind;
using runtime::Value;

constexpr std::string_view kMagic = "ARCANEIR";
constexpr size_t kMaxNesting = 512;  // blocks in blocks, values in values

enum class ValueTag : uint8_t { kNull, kFalse, kTrue, kNumber, kString, kArray, kObject, kSet };

// ---- Writer ----------------------------------------------------------------------------

class Writer {
 public:
  void policy(const Policy& p) {
    out_.append(kMagic);
    for (int i = 0; i < 4; ++i) out_ += static_cast<char>((kFormatVersion >> (8 * i)) & 0xff);
    varint(p.files.size());
    for (const FileInfo& f : p.files) file(f);
    varint(p.constants.size());
    for (const Value& v : p.constants) value(v);
    varint(p.builtins.size());
    for (const BuiltinRef& b : p.builtins) {
      string(b.name);
      varint(b.arity == kVariadic ? 0 : static_cast<uint64_t>(b.arity) + 1);
    }
    varint(p.functions.size());
    for (const Function& f : p.functions) function(f);
  }

  std::string take() { return std::move(out_); }

 private:
  void varint(uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void string(std::string_view s) {
    varint(s.size());
    out_.append(s);
  }
  void location(const runtime::Location& l) {
    varint(l.file);
    varint(l.offset);
    varint(l.length);
  }

  void file(const FileInfo& f) {
    string(f.name);
    varint(f.line_starts.size());
    uint32_t prev = 0;
    for (uint32_t s : f.line_starts) {
      varint(s - prev);  // ascending in practice; a wrap still round-trips
      prev = s;
    }
    string(f.text);
  }

  void value(const Value& v) {
    switch (v.kind()) {
      case Kind::kNull: tag(ValueTag::kNull); return;
      case Kind::kBoolean: tag(v.as_bool() ? ValueTag::kTrue : ValueTag::kFalse); return;
      case Kind::kNumber:
        tag(ValueTag::kNumber);
        string(v.number().to_string());
        return;
      case Kind::kString:
        tag(ValueTag::kString);
        string(v.string_view());
        return;
      case Kind::kArray:
      case Kind::kSet:
        tag(v.is_array() ? ValueTag::kArray : ValueTag::kSet);
        varint(v.size());
        for (const Value& e : v.elements()) value(e);
        return;
      case Kind::kObject:
        tag(ValueTag::kObject);
        varint(v.size());
        for (auto e : v.entries()) {
          value(e.key);
          value(e.value);
        }
        return;
    }
  }
  void tag(ValueTag t) { out_ += static_cast<char>(t); }

  void function(const Function& f) {
    out_ += static_cast<char>(f.kind);
    string(f.name);
    varint(f.path.size());
    for (const std::string& s : f.path) string(s);
    varint(f.params.size());
    for (Local l : f.params) varint(l);
    location(f.location);
    blocks(f.blocks);
  }

  void blocks(const std::vector<Block>& bs) {
    varint(bs.size());
    for (const Block& b : bs) {
      varint(b.stmts.size());
      for (const Stmt& s : b.stmts) stmt(s);
    }
  }

  void stmt(const Stmt& s) {
    out_ += static_cast<char>(s.kind);
    location(s.location);
    varint(s.inputs.size());
    for (const Operand& o : s.inputs) {
      out_ += static_cast<char>(o.kind);
      varint(o.index);
    }
    varint(s.outputs.size());
    for (Local l : s.outputs) varint(l);
    varint(s.imm);
    blocks(s.blocks);
  }

  std::string out_;
};

// ---- Reader ----------------------------------------------------------------------------

// Reads with bounds checks; the first failure is kept and every later read fails fast.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : in_(bytes) {}

  std::optional<Policy> policy() {
    Policy p;
    if (in_.substr(0, kMagic.size()) != kMagic) return fail("not an Arcane plan (bad magic)");
    pos_ = kMagic.size();
    uint32_t version = 0;
    for (int i = 0; i < 4; ++i) version |= static_cast<uint32_t>(byte()) << (8 * i);
    if (ok() && version != kFormatVersion) {
      return fail("unsupported plan format version " + std::to_string(version) + " (this build reads " +
                  std::to_string(kFormatVersion) + ")");
    }
    for (uint64_t n = count(), i = 0; ok() && i < n; ++i) p.files.push_back(file());
    for (uint64_t n = count(), i = 0; ok() && i < n; ++i) p.constants.push_back(value(0));
    for (uint64_t n = count(), i = 0; ok() && i < n; ++i) p.builtins.push_back(builtin());
    for (uint64_t n = count(), i = 0; ok() && i < n; ++i) p.functions.push_back(function());
    if (ok() && pos_ != in_.size()) return fail("trailing bytes after the plan");
    if (!ok()) return std::nullopt;
    return p;
  }

  const runtime::Diagnostic& error() const { return *error_; }

 private:
  bool ok() const { return !error_; }
  std::nullopt_t fail(const std::string& what) {
    if (!error_) error_ = runtime::Diagnostic{"ir_load_error", "offset " + std::to_string(pos_) + ": " + what, {}, {}};
    return std::nullopt;
  }

  uint8_t byte() {
    if (!ok()) return 0;
    if (pos_ >= in_.size()) return fail("unexpected end of plan"), 0;
    return static_cast<uint8_t>(in_[pos_++]);
  }

  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && ok(); shift += 7) {
      uint8_t b = byte();
      if (shift == 63 && b > 1) break;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    fail("malformed varint");
    return 0;
  }

  uint32_t u32() {
    uint64_t v = varint();
    if (v > UINT32_MAX) return fail("number out of range"), 0;
    return static_cast<uint32_t>(v);
  }

  // A count of items that each take at least one byte, so it cannot exceed what is left.
  uint64_t count() {
    uint64_t n = varint();
    if (ok() && n > in_.size() - pos_) return fail("count larger than the rest of the plan"), 0;
    return n;
  }

  std::string string() {
    uint64_t n = varint();
    if (!ok()) return {};
    if (n > in_.size() - pos_) return fail("string runs past the end"), std::string();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }

  runtime::Location location() {
    runtime::Location l;
    l.file = u32();
    l.offset = u32();
    l.length = u32();
    return l;
  }

  FileInfo file() {
    FileInfo f;
    f.name = string();
    uint32_t at = 0;
    for (uint64_t n = count(), i = 0; ok() && i < n; ++i) {
      at += u32();
      f.line_starts.push_back(at);
    }
    f.text = string();
    return f;
  }

  BuiltinRef builtin() {
    BuiltinRef b;
    b.name = string();
    uint32_t a = u32();
    if (a > 1024) fail("built-in arity out of range");
    b.arity = a == 0 ? kVariadic : static_cast<int>(a - 1);
    return b;
  }

  Value value(size_t depth) {
    if (depth > kMaxNesting) return fail("constant nested too deeply"), Value();
    auto t = static_cast<ValueTag>(byte());
    switch (t) {
      case ValueTag::kNull: return Value::null();
      case ValueTag::kFalse: return Value::boolean(false);
      case ValueTag::kTrue: return Value::boolean(true);
      case ValueTag::kNumber: {
        std::string text = string();
        std::optional<runtime::Number> n = runtime::Number::from_text(text);
        if (!n) return fail("bad number constant"), Value();
        return Value::from_number(std::move(*n));
      }
      case ValueTag::kString: return Value::key(string());
      case ValueTag::kArray:
      case ValueTag::kSet: return sequence(t == ValueTag::kSet, depth);
      case ValueTag::kObject: return object(depth);
    }
    return fail("unknown constant tag"), Value();
  }

  Value sequence(bool is_set, size_t depth) {
    std::vector<Value> items;
    for (uint64_t n = count(), i = 0; ok() && i < n; ++i) items.push_back(value(depth + 1));
    return is_set ? runtime::take_set(items) : runtime::take_array(items);
  }

  Value object(size_t depth) {
    std::vector<runtime::ObjectEntry> entries;
    for (uint64_t n = count(), i = 0; ok() && i < n; ++i) {
      Value k = value(depth + 1);
      Value v = value(depth + 1);
      entries.push_back({std::move(k), std::move(v)});
    }
    return runtime::take_object(entries);
  }

  Function function() {
    Function f;
    uint8_t kind = byte();
    if (kind > static_cast<uint8_t>(FunctionKind::kFunction)) fail("unknown function kind");
    f.kind = static_cast<FunctionKind>(kind);
    f.name = string();
    for (uint64_t n = count(), i = 0; ok() && i < n; ++i) f.path.push_back(string());
    for (uint64_t n = count(), i = 0; ok() && i < n; ++i) f.params.push_back(u32());
    f.location = location();
    f.blocks = blocks(0);
    return f;
  }

  std::vector<Block> blocks(size_t depth) {
    std::vector<Block> bs;
    if (depth > kMaxNesting) return fail("blocks nested too deeply"), bs;
    for (uint64_t n = count(), i = 0; ok() && i < n; ++i) {
      bs.emplace_back();
      for (uint64_t m = count(), j = 0; ok() && j < m; ++j) bs.back().stmts.push_back(stmt(depth));
    }
    return bs;
  }

  Stmt stmt(size_t depth) {
    Stmt s;
    uint8_t kind = byte();
    if (kind >= kStmtKindCount) fail("unknown statement kind " + std::to_string(kind));
    s.kind = static_cast<StmtKind>(kind);
    s.location = location();
    for (uint64_t n = count(), i = 0; ok() && i < n; ++i) {
      uint8_t k = byte();
      if (k > static_cast<uint8_t>(Operand::Kind::kBool)) fail("unknown operand kind");
      s.inputs.push_back({static_cast<Operand::Kind>(k), u32()});
    }
    for (uint64_t n = count(), i = 0; ok() && i < n; ++i) s.outputs.push_back(u32());
    s.imm = u32();
    s.blocks = blocks(depth + 1);
    return s;
  }

  std::string_view in_;
  size_t pos_ = 0;
  std::optional<runtime::Diagnostic> error_;
};

}  // namespace

std::string save_policy(const Policy& p) {
  Writer w;
  w.policy(p);
  return w.take();
}

runtime::Result<Policy> load_policy(std::string_view bytes, const LoadOptions& options) {
  Reader r(bytes);
  std::optional<Policy> p = r.policy();
  if (!p) return r.error();
  VerifyOptions vo;
  vo.definite_assignment = options.definite_assignment;
  vo.max_errors = 1;
  std::vector<runtime::Diagnostic> errors = verify_policy(*p, vo);
  if (!errors.empty()) {
    return runtime::Diagnostic{"ir_load_error", "invalid plan: " + errors[0].message, errors[0].location, {}};
  }
  return std::move(*p);
}

}  // namespace arcane::ir
