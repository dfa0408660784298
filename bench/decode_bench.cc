// decode: the end-to-end decision from raw JSON input bytes, as a service receiving a
// request body would make it: parse the bytes into a Value, then evaluate. Inputs of
// about 1 KB and 100 KB; the policy reads only three fields, so the difference between
// the two is the cost of decoding what the policy never looks at.
#include <string>

#include "bench/bench_util.h"

namespace arcane::bench {
namespace {

const char* kPolicy = R"(package decode

default allow := false

allow if {
	some role in data.users[input.user]
	some grant in data.grants[role]
	grant.action == input.action
	grant.type == input.type
}
)";

const char* kData = R"({
  "users": {"alice": ["admin"], "bob": ["dev"], "carol": ["viewer"]},
  "grants": {
    "admin": [{"action": "read", "type": "invoice"}, {"action": "write", "type": "invoice"}],
    "dev": [{"action": "read", "type": "repository"}, {"action": "write", "type": "repository"}],
    "viewer": [{"action": "read", "type": "dashboard"}]
  }
})";

// A request with a context of headers, claims and a resource description, padded with
// attribute records until it reaches `bytes`.
std::string input_text(size_t bytes) {
  Rng rng(bytes);
  std::string out = R"({"user":"bob","action":"write","type":"repository","context":{"headers":{)"
                    R"("user-agent":"arcane-bench/1.0","x-request-id":"5f0c6a1e-2d7b-4c1a-9b0e-3f5a7d9c2e11",)"
                    R"("accept":"application/json"},"claims":{"iss":"https://idp.example.com","sub":"bob",)"
                    R"("aud":["api"],"exp":1893456000,"scope":"repo:read repo:write"},"attributes":[)";
  for (size_t i = 0; out.size() + 80 < bytes; ++i) {
    if (i > 0) out += ',';
    out += "{\"key\":\"attr-" + std::to_string(i) + "\",\"value\":" + std::to_string(rng.below(1000000)) +
           ",\"tags\":[\"t" + std::to_string(rng.below(50)) + "\",\"u" + std::to_string(rng.below(50)) + "\"]}";
  }
  return out + "]}}";
}

}  // namespace

void register_decode() {
  for (auto [label, bytes] : {std::pair<const char*, size_t>{"1KB", 1024}, {"100KB", 100 * 1024}}) {
    add(std::string("BM_decode/") + label, [bytes = bytes](benchmark::State& state) {
      static const Decider decider = Decider::make({{"decode.rego", kPolicy}}, json_value(kData), "data.decode.allow");
      if (!decider.ok()) {
        state.SkipWithError(decider.error.c_str());
        return;
      }
      const std::string text = input_text(bytes);
      EvalOptions probe;
      probe.input = json_value(text);
      std::string err;
      std::optional<Value> first = decider.decide(probe, &err);
      if (!first) {
        state.SkipWithError(("the decision is undefined or failed: " + err).c_str());
        return;
      }
      run_timed(state, [&] {
        EvalOptions options;
        auto input = value_from_json(text);
        options.input = std::move(input).value();
        return decider.query->decide(options);
      });
      state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
      state.SetLabel(value_to_json(*first));
    });
  }
}

}  // namespace arcane::bench
