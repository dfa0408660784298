// METADATA annotations (OPA's Annotations and AnnotationSet).
//
// A comment block whose first line is `# METADATA` holds YAML that annotates the package
// or rule right after it. Its scope is `rule` or `document` before a rule, `package` or
// `subpackages` before a package (the default is `rule` / `package`). The compiler keeps
// them so that `rego.metadata.rule()` and `rego.metadata.chain()` can be rewritten into
// constants (RewriteRegoMetadataCalls), as OPA does.
//
// Values are OPA's JSON form of an annotation: scope, title, description, organizations,
// related_resources ({ref, description}), authors ({name, email}), schemas, entrypoint,
// custom; empty fields left out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "runtime/diagnostic.h"
#include "runtime/value.h"

namespace arcane::compiler {

enum class AnnotationScope : uint8_t { kPackage, kSubpackages, kRule, kDocument };

struct Annotation {
  AnnotationScope scope = AnnotationScope::kRule;
  runtime::Value value;              // the annotation object, scope included
  uint32_t module = 0;               // index into CompiledProgram::modules
  std::optional<size_t> rule;        // index into that module's rules; none for a package
  std::vector<std::string> path;     // the package's or the rule's path, without `data`
  runtime::Location loc;             // of the `# METADATA` line
};

// The annotations of one module, in source order. Errors (bad YAML, a bad scope or author)
// are rego_parse_error diagnostics at the block.
// Lines come from the sources (blocks are runs of comments on consecutive lines).
std::vector<Annotation> parse_annotations(const ast::Module& module, uint32_t module_index,
                                          const runtime::SourceSet* sources, runtime::Diagnostics& diags);

// A rule's path as annotations name it: package path, then the head ref's ground prefix.
std::vector<std::string> annotation_rule_path(const ast::Module& module, const ast::Rule& rule);

// OPA's AnnotationSet.Chain as `rego.metadata.chain()` returns it: the rule's own
// annotation (or just its path), then the document's, the package's, and the enclosing
// packages' `subpackages` annotations from the nearest up; each {"path": [...],
// "annotations": {...}}.
runtime::Value annotation_chain(const std::vector<Annotation>& all, uint32_t module, size_t rule,
                                const std::vector<std::string>& rule_path,
                                const std::vector<std::string>& package_path);

// The rule-scope annotation of a rule as `rego.metadata.rule()` returns it ({} if none).
runtime::Value rule_annotation(const std::vector<Annotation>& all, uint32_t module, size_t rule);

}  // namespace arcane::compiler
