// BuiltinContext: clock, print sink, cancellation and the nondeterministic cache.
#include "stdlib/context.h"

#include <chrono>
#include <cstdio>

namespace arcane::stdlib {

namespace {

// OPA's default print hook writes each line to stderr; one fwrite per line keeps lines
// from different threads whole.
void print_to_stderr(std::string_view line) {
  std::string text(line);
  text += '\n';
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace

int64_t BuiltinContext::wall_clock_ns() {
  using namespace std::chrono;
  return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

BuiltinContext::BuiltinContext() : BuiltinContext(kUnread) {}

BuiltinContext::BuiltinContext(int64_t now_ns) : now_ns_(now_ns), print_sink_(print_to_stderr) {}

void BuiltinContext::print(std::string_view line) const {
  if (print_sink_) print_sink_(line);
}

const runtime::Value* BuiltinContext::cached(std::string_view builtin, const runtime::Value& operands) const {
  auto by_name = cache_.find(builtin);
  if (by_name == cache_.end()) return nullptr;
  auto it = by_name->second.find(operands);
  return it == by_name->second.end() ? nullptr : &it->second;
}

void BuiltinContext::remember(std::string_view builtin, runtime::Value operands, runtime::Value result) {
  auto by_name = cache_.find(builtin);
  if (by_name == cache_.end()) by_name = cache_.emplace(std::string(builtin), Results()).first;
  by_name->second.insert_or_assign(std::move(operands), std::move(result));
}

}  // namespace arcane::stdlib
