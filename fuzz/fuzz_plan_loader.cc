// Fuzzes the plan loader (untrusted bytes: a compiled bundle's plan) and, for inputs that
// are not binary plans, the IR listing parser. Properties: neither ever crashes; a plan
// that loads prints, saves and loads again to the same listing; a listing that parses and
// verifies survives the same round trip through the binary form.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ir/parser.h"
#include "ir/printer.h"
#include "ir/serialize.h"
#include "ir/verifier.h"

namespace {

void check_round_trip(const arcane::ir::Policy& p) {
  using namespace arcane::ir;
  std::string printed = print_policy(p);
  auto again = load_policy(save_policy(p));
  if (!again.ok() || print_policy(*again) != printed) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace arcane::ir;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.substr(0, 8) == "ARCANEIR") {
    auto p = load_policy(bytes);
    if (p.ok()) check_round_trip(*p);
    return 0;
  }
  auto p = parse_policy(bytes);
  if (p.ok() && verify_policy(*p).empty()) check_round_trip(*p);
  return 0;
}
