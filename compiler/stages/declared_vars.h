// The scopes RewriteLocalVars keeps while it renames declared variables (OPA's
// localDeclaredVars): for each scope, what each source name maps to, how it occurred
// first (argument, seen, assigned with `:=`, declared with `some`/`every`), and how often
// it was seen. A new comprehension, `every`, `and`/`or` operand or template-string part
// pushes a scope; redeclaring a name of the current scope is an error.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace arcane::compiler::stages {

enum class Occurrence : uint8_t { kNew, kArg, kSeen, kAssigned, kDeclared };

class DeclaredVars {
 public:
  struct Scope {
    std::map<std::string, std::string> vs;  // source name -> generated (or itself)
    std::map<std::string, Occurrence> occurrence;
    std::map<std::string, int> count;
  };

  DeclaredVars() : scopes_(1) {}

  void push() { scopes_.emplace_back(); }
  void pop() { scopes_.pop_back(); }
  const Scope& top() const { return scopes_.back(); }

  void insert(const std::string& x, const std::string& y, Occurrence occ) {
    Scope& s = scopes_.back();
    s.vs[x] = y;
    s.occurrence[x] = occ;
    s.count[x] = 1;
    if (x != y) rewritten[y] = x;
  }

  const std::string* declared(const std::string& x) const {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      if (auto f = it->vs.find(x); f != it->vs.end()) return &f->second;
    }
    return nullptr;
  }

  // How x occurred in the current scope (kNew when it has not).
  Occurrence occurrence(const std::string& x) const {
    auto f = scopes_.back().occurrence.find(x);
    return f == scopes_.back().occurrence.end() ? Occurrence::kNew : f->second;
  }

  // How x occurred in the innermost scope that has it.
  std::optional<Occurrence> global_occurrence(const std::string& x) const {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      if (auto f = it->occurrence.find(x); f != it->occurrence.end()) return f->second;
    }
    return std::nullopt;
  }

  void seen(const std::string& x) {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      if (auto f = it->count.find(x); f != it->count.end()) {
        ++f->second;
        return;
      }
    }
    scopes_.back().count[x] = 1;
  }

  std::map<std::string, std::string> rewritten;  // generated -> source, across all scopes
  bool assignment = false;

 private:
  std::vector<Scope> scopes_;
};

}  // namespace arcane::compiler::stages
