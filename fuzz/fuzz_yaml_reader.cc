// Fuzzes the YAML reader; whatever it accepts must write as JSON that reads back equal.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "runtime/json_reader.h"
#include "runtime/json_writer.h"
#include "runtime/yaml_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace arcane::runtime;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto value = parse_yaml(text);
  if (!value.ok()) return 0;
  auto again = parse_json(to_json(*value));
  if (!again.ok() || !(*again == *value)) std::abort();
  return 0;
}
