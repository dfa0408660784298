// A main() for a libFuzzer target where libFuzzer is not available (g++ builds: the
// default and asan presets), so that ctest runs the target for a bounded time.
//
// It runs every seed file given, then feeds the target inputs from a seeded generator
// (fresh random bytes, or seeds mutated by flips, inserts, deletions and splices) until
// the time or iteration budget is spent. It does not learn from coverage as libFuzzer
// does; it is the bounded smoke run of the test command, and scripts/fuzz.sh is the deep
// one. Runs are reproducible: the same seed and budget give the same inputs.
//
// When an input crashes (a sanitizer report), fails an invariant (the target aborts) or
// hangs (runs past --timeout seconds), the input is written to ./fuzz-failure-input and
// printed in hex, and can be replayed by passing that file alone with --iterations 0.
//
// Usage: DRIVER [--seconds S] [--iterations N] [--seed N] [--max-len N] [--timeout S] [SEED_FILE_OR_DIR...]
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

using Bytes = std::vector<uint8_t>;

// The input being run, for the failure handlers (which may only do async-signal-safe work).
const uint8_t* g_current = nullptr;
size_t g_current_size = 0;

void write_all(int fd, const void* p, size_t n) {
  const char* c = static_cast<const char*>(p);
  while (n > 0) {
    ssize_t w = ::write(fd, c, n);
    if (w <= 0) return;
    c += w;
    n -= static_cast<size_t>(w);
  }
}

void dump_current_input() {
  if (g_current == nullptr) return;
  static const char kHex[] = "0123456789abcdef";
  const char header[] = "\nfuzz driver: failing input (saved to ./fuzz-failure-input), hex: ";
  write_all(2, header, sizeof header - 1);
  for (size_t i = 0; i < g_current_size; ++i) {
    char h[2] = {kHex[g_current[i] >> 4], kHex[g_current[i] & 15]};
    write_all(2, h, 2);
  }
  write_all(2, "\n", 1);
  FILE* f = std::fopen("fuzz-failure-input", "wb");
  if (f != nullptr) {
    std::fwrite(g_current, 1, g_current_size, f);
    std::fclose(f);
  }
}

extern "C" void on_fatal_signal(int sig) {
  if (sig == SIGALRM) {
    const char msg[] = "\nfuzz driver: an input ran past the timeout (a hang)\n";
    write_all(2, msg, sizeof msg - 1);
  }
  dump_current_input();
  std::signal(SIGABRT, SIG_DFL);
  std::abort();
}

void run_one(const Bytes& input, unsigned timeout_s) {
  g_current = input.data();
  g_current_size = input.size();
  alarm(timeout_s);
  LLVMFuzzerTestOneInput(input.data(), input.size());
  alarm(0);
  g_current = nullptr;
}

Bytes read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<Bytes> read_seeds(const std::vector<std::string>& paths) {
  std::vector<Bytes> seeds;
  for (const std::string& path : paths) {
    std::filesystem::path p(path);
    if (std::filesystem::is_directory(p)) {
      std::vector<std::filesystem::path> files;
      for (const auto& e : std::filesystem::directory_iterator(p)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) seeds.push_back(read_file(f));
    } else {
      seeds.push_back(read_file(p));
    }
  }
  return seeds;
}

Bytes mutate(const Bytes& seed, std::mt19937_64& rng, size_t max_len) {
  Bytes b = seed;
  int edits = 1 + static_cast<int>(rng() % 8);
  for (int i = 0; i < edits; ++i) {
    switch (rng() % 4) {
      case 0:
        if (!b.empty()) b[rng() % b.size()] ^= static_cast<uint8_t>(1u << (rng() % 8));
        break;
      case 1:
        if (!b.empty()) b[rng() % b.size()] = static_cast<uint8_t>(rng());
        break;
      case 2:
        if (b.size() < max_len) b.insert(b.begin() + static_cast<long>(rng() % (b.size() + 1)), static_cast<uint8_t>(rng()));
        break;
      default:
        if (!b.empty()) b.erase(b.begin() + static_cast<long>(rng() % b.size()));
        break;
    }
  }
  return b;
}

Bytes fresh(std::mt19937_64& rng, size_t max_len) {
  Bytes b(1 + rng() % max_len);
  for (uint8_t& c : b) c = static_cast<uint8_t>(rng());
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 30;
  long long iterations = -1;  // -1: until the time is spent
  unsigned long long seed = 1;
  size_t max_len = 256;
  unsigned timeout_s = 20;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : "0"; };
    if (a == "--seconds") seconds = std::atof(next());
    else if (a == "--iterations") iterations = std::atoll(next());
    else if (a == "--seed") seed = std::strtoull(next(), nullptr, 10);
    else if (a == "--max-len") max_len = std::max<size_t>(1, std::strtoull(next(), nullptr, 10));
    else if (a == "--timeout") timeout_s = static_cast<unsigned>(std::atoi(next()));
    else paths.push_back(a);
  }
  std::signal(SIGALRM, on_fatal_signal);
  std::signal(SIGABRT, on_fatal_signal);
  std::signal(SIGSEGV, on_fatal_signal);
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_set_death_callback(dump_current_input);
#endif

  std::vector<Bytes> seeds = read_seeds(paths);
  for (const Bytes& s : seeds) run_one(s, timeout_s);

  std::mt19937_64 rng(seed);
  auto start = std::chrono::steady_clock::now();
  auto spent = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  long long n = 0;
  while (iterations < 0 ? spent() < seconds : n < iterations) {
    bool from_seed = !seeds.empty() && rng() % 2 == 0;
    Bytes input = from_seed ? mutate(seeds[rng() % seeds.size()], rng, max_len) : fresh(rng, max_len);
    run_one(input, timeout_s);
    ++n;
  }
  std::printf("fuzz driver: %zu seeds and %lld generated inputs in %.1f s, no failure\n", seeds.size(), n, spent());
  return 0;
}
