// The modules of an engine being built. Each is parsed as it is added, into the policy's
// one SourceSet, so its diagnostics are located; a later module of the same name replaces
// the earlier one (OPA keys modules by file name).
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "api/src/evaluator.h"
#include "compiler/parse/parser.h"

namespace arcane::api {

class ModuleSet {
 public:
  ModuleSet(Policy& policy, runtime::Diagnostics& diags) : policy_(policy), diags_(diags) {}

  // Parses `text` as module `name`; on parse errors reports them and returns nullptr. The
  // pointer is valid until the next add().
  const compiler::ast::Module* add(std::string name, std::string text, const compiler::ParseOptions& options);

  // Whether `text` parses as a module (nothing is reported or added).
  static bool parses(const std::string& text, const compiler::ParseOptions& options);

  // The time spent parsing the modules added so far.
  std::chrono::nanoseconds parse_time() const { return parse_time_; }

 private:
  Policy& policy_;
  runtime::Diagnostics& diags_;
  std::map<std::string, size_t> index_;  // module name -> position in policy_.modules
  std::chrono::nanoseconds parse_time_{0};
};

// The package path as a bundle root path ("a/b" for `package a.b`); false if a part is not
// a string.
bool package_root_path(const compiler::ast::Module& module, std::string& out);
// The package as OPA prints it: `package a.b`, `package a["b-c"]`.
std::string package_text(const compiler::ast::Module& module);

}  // namespace arcane::api
