// A lowered program: the bytecode of one ir::Policy, immutable once built, so one
// instance is shared by every thread that evaluates it (each evaluation keeps its own
// registers; see machine.h).
//
// Lowering (lower.cc) turns each function's structured blocks into straight code with
// explicit jumps: an undefined statement jumps to the exit of its block, `break N` jumps
// to the exit of the Nth enclosing block (popping the `with` overrides it leaves), a scan
// becomes an init/next loop over a hidden iterator register, a not-block jumps around.
// IR locals map one to one onto a frame's registers; iterators follow them. Booleans and
// the policy's constants share one constant pool. Built-in names are resolved through a
// BuiltinProvider, once.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ir/ir.h"
#include "runtime/diagnostic.h"
#include "runtime/result.h"
#include "runtime/value.h"
#include "vm/builtins.h"

namespace arcane::vm {

struct FunctionInfo {
  std::string name;
  ir::FunctionKind kind = ir::FunctionKind::kRule;
  uint32_t entry = 0;      // code offset of the first instruction
  uint32_t registers = 0;  // frame size: locals, then iterators
  std::vector<uint32_t> params;
  bool memoised = false;  // no parameters and not a plan: computed once per evaluation
  // The registers that may hold a reference when the frame ends (owned_registers.h).
  std::vector<uint32_t> owning;
};

struct LowerOptions {
  // Run the IR verifier's dataflow check first (structure is always checked, so a bad
  // plan is refused rather than lowered). On by default in debug builds.
#ifdef NDEBUG
  bool definite_assignment = false;
#else
  bool definite_assignment = true;
#endif
};

// A `ruleindex` statement compiled to hash lookups (ir/rule_index.h gives the meaning).
// Every outcome is a precomputed list (an index into Program's lists) of block entry
// pcs: an "eq" key's list already holds the "prefix" blocks whose prefix it starts with,
// and a prefix's list those of the shorter prefixes it starts with, since the prefixes a
// string starts with are all prefixes of the longest one. So a lookup is one hash probe
// for the string, then one per distinct prefix length, longest first.
struct RuleIndexCode {
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> eq;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> prefix;
  std::vector<uint32_t> prefix_lengths;  // distinct, descending
  uint32_t any_list = 0;                 // undefined key, or nothing matched
  uint32_t other_list = 0;               // a defined key that is not a string

  uint32_t select(const runtime::Value* key) const;
};

class Program {
 public:
  // Errors: "ir_verify_error" for a malformed plan; "rego_type_error" naming a built-in
  // the provider does not know or calls with the wrong arity.
  static runtime::Result<std::shared_ptr<const Program>> lower(const ir::Policy& policy,
                                                               const BuiltinProvider& builtins,
                                                               const LowerOptions& options = {});

  // The function index of the plan called `name`.
  std::optional<uint32_t> find_plan(std::string_view name) const;
  std::optional<uint32_t> find_function(std::string_view name) const;
  // The function whose CallDynamic path this is; nullopt when none.
  std::optional<uint32_t> find_path(const std::vector<std::string_view>& path) const;

  const std::vector<uint32_t>& code() const { return code_; }
  const std::vector<runtime::Value>& constants() const { return constants_; }
  // Whether `v` shares the node of one of this program's constants (runtime::node_identity);
  // false for an inline value.
  bool is_constant(const runtime::Value& v) const;
  // Distinct for every Program made in this process, so a cache of a program's values can
  // tell it from one later made at the same address.
  uint64_t serial() const { return serial_; }
  const std::vector<const Builtin*>& builtins() const { return builtins_; }
  const std::vector<FunctionInfo>& functions() const { return functions_; }
  const RuleIndexCode& rule_index(uint32_t i) const { return rule_indexes_[i]; }
  const std::vector<uint32_t>& index_list(uint32_t i) const { return index_lists_[i]; }
  // Whether a frame's FunctionInfo::owning lists every register that needs a release when
  // it ends (false when the program uses `with`: then any register may).
  bool releases_listed() const { return releases_listed_; }
  // The location of the statement an instruction came from (unknown when none).
  runtime::Location location_at(uint32_t pc) const;

  // The whole program as a listing: functions, then each instruction with its operands.
  std::string disassemble() const;
  // A diagnostic as OPA's error string: `file:row: code: message`, or `text: code:
  // message` for an unnamed source that kept its text (a query), `row:col: ...` for an
  // unnamed one without, and `code: message` when the location is unknown.
  std::string render(const runtime::Diagnostic& d) const;

 private:
  friend class Lowerer;
  Program();
  void index_constant_nodes();

  std::vector<uint32_t> code_;
  std::vector<runtime::Value> constants_;
  std::unordered_set<const void*> constant_nodes_;  // node_identity of each heap constant
  uint64_t serial_ = 0;
  std::vector<const Builtin*> builtins_;
  std::vector<FunctionInfo> functions_;
  std::vector<std::pair<uint32_t, runtime::Location>> locations_;  // by ascending pc
  std::unordered_map<std::string, uint32_t> paths_;                // joined with '\0'
  std::vector<ir::FileInfo> files_;
  std::vector<RuleIndexCode> rule_indexes_;
  std::vector<std::vector<uint32_t>> index_lists_;  // block entry pcs, ascending
  bool releases_listed_ = false;
};

// The key of a CallDynamic path in Program::paths_.
std::string join_path(const std::vector<std::string_view>& path);

}  // namespace arcane::vm
