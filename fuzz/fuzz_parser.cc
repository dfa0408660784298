// Fuzzes the Rego front end: any bytes, parsed as a v1 module, a v0 module and a query.
// Anything but a clean AST or a diagnostic (a crash, a hang, a sanitizer report) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/parse/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace arcane;
  std::string text(reinterpret_cast<const char*>(data), size);
  for (auto version : {compiler::RegoVersion::V1, compiler::RegoVersion::V0}) {
    runtime::SourceSet sources;
    uint32_t id = sources.add("fuzz.rego", text);
    runtime::Diagnostics diags;
    compiler::ParseOptions options;
    options.version = version;
    auto module = compiler::parse_module(sources, id, options, diags);
    (void)module;
  }
  runtime::SourceSet sources;
  uint32_t id = sources.add("", text);
  runtime::Diagnostics diags;
  auto query = compiler::parse_query(sources, id, compiler::ParseOptions{}, diags);
  (void)query;
  return 0;
}
