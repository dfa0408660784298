// Reading a large data document into Values: throughput (MB/s) and memory as a multiple
// of the file size.
//
// The document is generated here, deterministically (a fixed-seed PRNG, no downloads),
// in the shape policy data usually has: a directory of users keyed by UUID (so a
// 200,000-key object with long keys that get interned), each with ids, names, emails,
// role and group arrays, nested attributes, timestamps and a few numbers; role
// definitions with permission lists; resources with ACL maps. Keys repeat millions of
// times; string values are a mix of short (inline) and long (heap) ones.
//
// Counters: retained_x is the growth of the resident set while the finished Value is held
// (everything it costs: nodes, allocator overhead, the intern table), divided by the file
// size; peak_x is the growth of the peak resident set during the read (adding the
// reader's transient buffers), divided by the file size. Both are measured once, on a
// trimmed heap, before the timed runs; the text itself is resident before and is not
// counted. OPA needs about 20x.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "bench/rng.h"
#include "runtime/json_reader.h"

namespace {

using arcane::bench::Rng;
using arcane::runtime::parse_json;
using arcane::runtime::Value;

constexpr const char* kFirst[] = {"Alice", "Bob", "Carol", "Dmitri", "Eve", "Farah", "Grace", "Hiro", "Ines", "Jamal",
                                  "Kenji", "Lena", "Mateo", "Noor", "Olga", "Priya", "Quinn", "Rosa", "Sven", "Tariq"};
constexpr const char* kLast[] = {"Smith", "Garcia", "Nakamura", "Okafor", "Kowalski", "Haddad", "Silva", "Novak",
                                 "Johansson", "Chen", "Dubois", "Rossi", "Kim", "Murphy", "Ivanova", "Patel"};
constexpr const char* kRoles[] = {"admin", "developer", "viewer", "auditor", "billing-admin", "support-agent",
                                  "security-engineer", "data-scientist", "release-manager", "guest"};
constexpr const char* kGroups[] = {"eng-platform", "eng-payments", "oncall-primary", "oncall-secondary", "sales-emea",
                                   "finance", "legal", "research", "customer-success", "it-helpdesk"};
constexpr const char* kDepartments[] = {"engineering", "sales", "finance", "legal", "research", "operations"};
constexpr const char* kRegions[] = {"eu-west-1", "us-east-1", "us-west-2", "ap-southeast-1", "eu-central-1"};
constexpr const char* kActions[] = {"read", "write", "delete", "approve", "export", "share"};
constexpr const char* kResources[] = {"documents/*", "invoices/*", "reports/quarterly/*", "users/self",
                                      "projects/*/settings", "audit-logs/*"};

std::string uuid(Rng& rng) {
  static const char kHex[] = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) s += '-';
    s += kHex[rng.below(16)];
  }
  return s;
}

void append_user(std::string& out, Rng& rng, const std::string& id, const std::string& manager, size_t n) {
  const char* first = rng.pick(kFirst);
  const char* last = rng.pick(kLast);
  out += "\"" + id + "\":{\"id\":\"" + id + "\",\"name\":\"" + first + " " + last + "\",\"email\":\"";
  out += std::string(first) + "." + last + std::to_string(n) + "@example.com\",\"active\":";
  out += rng.below(10) ? "true" : "false";
  out += ",\"age\":" + std::to_string(18 + rng.below(60));
  out += ",\"score\":" + std::to_string(rng.below(100)) + "." + std::to_string(rng.below(100));
  out += ",\"roles\":[\"" + std::string(rng.pick(kRoles)) + "\",\"" + rng.pick(kRoles) + "\"]";
  out += ",\"groups\":[\"" + std::string(rng.pick(kGroups)) + "\"]";
  out += ",\"attributes\":{\"department\":\"" + std::string(rng.pick(kDepartments)) + "\",\"level\":" +
         std::to_string(rng.below(8)) + ",\"location\":\"" + rng.pick(kRegions) + "\",\"manager\":\"" + manager +
         "\",\"clearance\":null,\"cost_center\":\"cc-" + std::to_string(1000 + rng.below(9000)) + "\"}";
  out += ",\"created_at\":\"2021-0" + std::to_string(1 + rng.below(9)) + "-1" + std::to_string(rng.below(10)) +
         "T05:06:07Z\",\"last_login\":" + std::to_string(1700000000000ULL + rng.below(100000000)) + "}";
}

void append_role(std::string& out, Rng& rng, const char* name) {
  out += "\"" + std::string(name) + "\":{\"description\":\"Built-in role " + name + "\",\"permissions\":[";
  for (int p = 0; p < 6; ++p) {
    if (p > 0) out += ',';
    out += "{\"action\":\"" + std::string(rng.pick(kActions)) + "\",\"resource\":\"" + rng.pick(kResources) +
           "\",\"effect\":\"allow\"}";
  }
  out += "]}";
}

void append_resource(std::string& out, Rng& rng, size_t n, const std::string& owner, const std::string& other) {
  out += "{\"id\":\"doc-" + std::to_string(n) + "\",\"owner\":\"" + owner + "\",\"classification\":\"" +
         (rng.below(4) ? "internal" : "confidential") + "\",\"tags\":[\"" + rng.pick(kDepartments) + "\",\"" +
         rng.pick(kRegions) + "\"],\"acl\":{\"" + owner + "\":[\"read\",\"write\"],\"" + other +
         "\":[\"read\"]},\"size_bytes\":" + std::to_string(rng.below(50000000)) + "}";
}

// About `target` bytes of JSON: 70% users, the rest resources, plus the role table.
std::string generate(size_t target) {
  Rng rng(20240611);
  std::string out;
  out.reserve(target + target / 50);
  std::vector<std::string> ids;
  out += "{\"users\":{";
  while (out.size() < target * 7 / 10) {
    ids.push_back(uuid(rng));
    if (ids.size() > 1) out += ',';
    append_user(out, rng, ids.back(), ids[rng.below(ids.size())], ids.size());
  }
  out += "},\"roles\":{";
  for (size_t r = 0; r < std::size(kRoles); ++r) {
    if (r > 0) out += ',';
    append_role(out, rng, kRoles[r]);
  }
  out += "},\"resources\":[";
  for (size_t n = 0; out.size() < target; ++n) {
    if (n > 0) out += ',';
    append_resource(out, rng, n, ids[rng.below(ids.size())], ids[rng.below(ids.size())]);
  }
  out += "]}";
  return out;
}

const std::string& document() {
  static const std::string doc = generate(100u << 20);
  return doc;
}

// VmHWM or VmRSS from /proc/self/status, in bytes.
size_t status_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) return std::stoull(line.substr(std::string(field).size() + 1)) * 1024;
  }
  return 0;
}

struct Memory {
  double retained_x = 0;
  double peak_x = 0;
};

// One read on a trimmed heap; the peak comes from the kernel's high-water mark after
// resetting it (writing 5 to clear_refs).
const Memory& memory() {
  static const Memory m = [] {
    const std::string& doc = document();
    malloc_trim(0);
    std::ofstream("/proc/self/clear_refs") << "5";
    size_t rss_before = status_kb("VmRSS:");
    Memory out;
    {
      auto value = parse_json(doc);
      if (!value.ok()) std::fprintf(stderr, "read failed: %s\n", value.error().message.c_str());
      malloc_trim(0);  // the reader's freed buffers are not part of the value
      out.retained_x = static_cast<double>(status_kb("VmRSS:") - rss_before) / doc.size();
      out.peak_x = static_cast<double>(status_kb("VmHWM:") - rss_before) / doc.size();
    }
    malloc_trim(0);
    return out;
  }();
  return m;
}

// `Text` is const std::string& (NUL-terminated: RapidJSON's SIMD string scanning) or
// std::string_view (any text: a bounds-checked stream).
template <typename Text>
void read_json(benchmark::State& state) {
  const std::string& doc = document();
  const Memory& mem = memory();
  Text text = doc;
  for (auto _ : state) {
    auto value = parse_json(text);
    if (!value.ok()) state.SkipWithError(value.error().message.c_str());
    benchmark::DoNotOptimize(value);
    state.PauseTiming();  // destruction is not part of reading
    value = Value();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.size()));
  state.counters["file_MB"] = static_cast<double>(doc.size()) / (1 << 20);
  state.counters["retained_x"] = mem.retained_x;
  state.counters["peak_x"] = mem.peak_x;
}

void BM_ReadJson(benchmark::State& state) { read_json<const std::string&>(state); }
void BM_ReadJsonView(benchmark::State& state) { read_json<std::string_view>(state); }
BENCHMARK(BM_ReadJson)->Unit(benchmark::kMillisecond)->MinTime(3);
BENCHMARK(BM_ReadJsonView)->Unit(benchmark::kMillisecond)->MinTime(3);

}  // namespace

BENCHMARK_MAIN();
