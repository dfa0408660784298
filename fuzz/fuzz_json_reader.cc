// Fuzzes the JSON reader, and the writer on whatever it accepts: a value that was read
// must write back as JSON that reads again to an equal value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "runtime/json_reader.h"
#include "runtime/json_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace arcane::runtime;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto value = parse_json(text);
  if (!value.ok()) return 0;
  std::string written = to_json(*value);
  auto again = parse_json(written);
  if (!again.ok() || !(*again == *value)) std::abort();
  return 0;
}
