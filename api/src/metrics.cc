#include "arcane/metrics.h"

namespace arcane {

void Metrics::add(std::string_view timer, std::chrono::nanoseconds elapsed) {
  auto it = timers_.find(timer);
  if (it == timers_.end()) it = timers_.emplace(std::string(timer), 0).first;
  it->second += static_cast<uint64_t>(elapsed.count() < 0 ? 0 : elapsed.count());
}

std::string Metrics::to_json() const {
  std::string out = "{";
  for (const auto& [name, ns] : timers_) {
    if (out.size() > 1) out += ',';
    // Timer names are identifiers of ours: nothing to escape.
    out += '"' + name + "\":" + std::to_string(ns);
  }
  return out + '}';
}

}  // namespace arcane
