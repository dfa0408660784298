#include "conformance/harness_builtins.h"

#include <chrono>
#include <string>
#include <thread>
#include <variant>

#include "stdlib/go_time.h"

namespace arcane::conformance {

void add_harness_builtins(EngineBuilder& builder) {
  CustomBuiltin sleep;
  sleep.name = "test.sleep";
  sleep.args = {Type::string()};
  sleep.result = Type::null();
  sleep.function = [](std::span<const Value> args) {
    auto d = stdlib::gotime::parse_duration(args[0].string_view());
    if (const auto* message = std::get_if<std::string>(&d)) return BuiltinReturn::error(*message);
    std::this_thread::sleep_for(std::chrono::nanoseconds(std::get<int64_t>(d)));
    return BuiltinReturn::value(Value::null());
  };
  builder.add_builtin(std::move(sleep));
}

}  // namespace arcane::conformance
