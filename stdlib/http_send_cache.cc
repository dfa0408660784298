// http.send's inter-query cache: responses kept across evaluations for requests with
// `cache: true` or `force_cache: true`.
//
// OPA keeps this cache in the OPA instance and hands it to every evaluation. Here a
// built-in sees only its BuiltinContext, which is per evaluation and has no link to an
// engine, so the cache is one process-wide structure instead: every engine of the
// process shares it. That is harmless, because a key is the whole request object (method,
// URL, headers, body, every option) and an entry is what that request got from the
// server; and it needs no change to the evaluation's plumbing. It is bounded (by default
// 64 MiB of keys, bodies and headers, least recently used evicted first) because nothing
// else would ever empty it, and guarded by a mutex because evaluations run on many
// threads. Entries keep the response as bytes (OPA's default "serialized" caching mode),
// so a hit builds a fresh result object and nothing from one evaluation's values is
// pinned by another.
#include <list>
#include <mutex>
#include <unordered_map>

#include "stdlib/http_send.h"

namespace arcane::stdlib::http {

namespace {

constexpr size_t kDefaultMaxBytes = 64u << 20;

size_t footprint(const std::string& key, const CachedResponse& e) {
  size_t n = key.size() + e.response.body.size() + e.response.status.size() + 64;
  for (const Header& h : e.response.headers) n += h.name.size() + h.value.size() + 16;
  return n;
}

}  // namespace

struct InterQueryCache::State {
  struct Node {
    CachedResponse entry;
    size_t bytes = 0;
    std::list<std::string>::iterator lru;  // position in `order`
  };
  std::mutex mu;
  std::unordered_map<std::string, Node> entries;
  std::list<std::string> order;  // most recently used first
  size_t bytes = 0;
  size_t max_bytes = kDefaultMaxBytes;

  void drop(std::unordered_map<std::string, Node>::iterator it) {
    bytes -= it->second.bytes;
    order.erase(it->second.lru);
    entries.erase(it);
  }
  void evict() {
    while (bytes > max_bytes && !order.empty()) drop(entries.find(order.back()));
  }
};

InterQueryCache::InterQueryCache() : state_(new State()) {}

InterQueryCache& InterQueryCache::instance() {
  static InterQueryCache* cache = new InterQueryCache();  // never destroyed: no exit-order hazards
  return *cache;
}

std::optional<CachedResponse> InterQueryCache::get(const std::string& key) {
  std::lock_guard lock(state_->mu);
  auto it = state_->entries.find(key);
  if (it == state_->entries.end()) return std::nullopt;
  state_->order.splice(state_->order.begin(), state_->order, it->second.lru);
  return it->second.entry;
}

void InterQueryCache::put(const std::string& key, CachedResponse entry) {
  std::lock_guard lock(state_->mu);
  if (auto it = state_->entries.find(key); it != state_->entries.end()) state_->drop(it);
  size_t bytes = footprint(key, entry);
  if (bytes > state_->max_bytes) return;  // would evict everything and still not fit
  state_->order.push_front(key);
  state_->entries.emplace(key, State::Node{std::move(entry), bytes, state_->order.begin()});
  state_->bytes += bytes;
  state_->evict();
}

void InterQueryCache::erase(const std::string& key) {
  std::lock_guard lock(state_->mu);
  if (auto it = state_->entries.find(key); it != state_->entries.end()) state_->drop(it);
}

void InterQueryCache::clear() {
  std::lock_guard lock(state_->mu);
  state_->entries.clear();
  state_->order.clear();
  state_->bytes = 0;
}

void InterQueryCache::set_max_bytes(size_t max_bytes) {
  std::lock_guard lock(state_->mu);
  state_->max_bytes = max_bytes;
  state_->evict();
}

size_t InterQueryCache::size_bytes() {
  std::lock_guard lock(state_->mu);
  return state_->bytes;
}

}  // namespace arcane::stdlib::http
