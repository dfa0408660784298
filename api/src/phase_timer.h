// Times one phase into a caller's Metrics, if there is one: the cost when metrics are off
// is a null check.
#pragma once

#include <chrono>
#include <string_view>

#include "arcane/metrics.h"

namespace arcane::api {

class PhaseTimer {
 public:
  PhaseTimer(Metrics* metrics, std::string_view timer) : metrics_(metrics), timer_(timer) {
    if (metrics_ != nullptr) start_ = std::chrono::steady_clock::now();
  }
  ~PhaseTimer() { stop(); }
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

  // Ends the phase early; the elapsed time is added once.
  void stop() {
    if (metrics_ == nullptr) return;
    metrics_->add(timer_, std::chrono::steady_clock::now() - start_);
    metrics_ = nullptr;
  }

 private:
  Metrics* metrics_;
  std::string_view timer_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace arcane::api
