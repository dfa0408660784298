// Fuzzes every built-in of the declaration table with operands of random types.
//
// The input bytes choose a built-in (an index into stdlib::all_builtins()) and then, for
// each declared operand, either a value of the declared type (so the call gets past the
// operand checks into the real work) or a value of any type (so the checks themselves are
// exercised). Values are drawn from a dictionary of strings that look like what the
// families parse (regexes, globs, times, durations, JWTs, PEM, CIDRs, semvers, JSON,
// YAML, GraphQL, format verbs...), from raw bytes (ill-formed UTF-8 included), and from
// numbers at the edges (int64 bounds, huge exponents, fractions, negatives), nested in
// arrays, objects and sets.
//
// Invariants: no crash, no sanitizer report, no hang; the result is a value, undefined or
// an error with one of OPA's evaluation codes and the built-in's name first; a
// deterministic built-in gives the same answer twice. A watchdog raises the context's
// cancellation flag when a call runs past a short deadline, as a cancelled evaluation
// would, so long-but-legal work (numbers.range over a wide span) stops.
//
// Built with libFuzzer by the fuzz preset (scripts/fuzz.sh), and with the standalone
// driver (standalone_driver.cc) by the default and asan presets for ctest.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "runtime/json_writer.h"
#include "runtime/value_builder.h"
#include "stdlib/builtin.h"
#include "stdlib/context.h"

namespace {

using arcane::runtime::Number;
using arcane::runtime::Value;
using arcane::stdlib::Builtin;
using arcane::stdlib::BuiltinContext;
using arcane::stdlib::BuiltinResult;
namespace types = arcane::stdlib::types;

// Built-ins a test must not run, with the reason.
constexpr std::string_view kExcluded[] = {
    "http.send",           // network I/O; tested against a local server in its own tests
    "net.lookup_ip_addr",  // DNS: a random host name would go to the network
    // The compiler replaces these calls by the rule's annotations; called directly they
    // report an internal error by design.
    "rego.metadata.chain",
    "rego.metadata.rule",
};

bool excluded(std::string_view name) {
  for (std::string_view e : kExcluded) {
    if (e == name) return true;
  }
  return false;
}

constexpr std::string_view kStrings[] = {
    "", "a", "abc", "A", " ", "\t\n", ".", "/", ",", ":", "-", "0", "1", "-1", "1.5", "1e3", "0x1F", "NaN",
    "true", "null", "\xff", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\xc3\xa9t\xc3\xa9",
    "\xf0\x9f\x98\x80", std::string_view("a\0b", 3), "\\", "\"", "'", "%", "{{", "}}",
    // regexes
    "^a+$", "(a+)+$", "(?i)abc", "[", "(", "a{1000}", "a{2,1}", "\\p{Greek}", "(?P<n>x)", "[[:alpha:]]",
    "x*?", "((((((((((a))))))))))", "\\b\\d+\\b", "(?s).*",
    // globs
    "*", "**", "?", "*.com", "{a,b}", "{a,{b,c}}", "[!a-z]", "[a-", "\\*", "api.*.example.com",
    // times and durations
    "2006-01-02T15:04:05Z07:00", "2021-03-04T05:06:07Z", "2021-03-04T05:06:07.123456789+01:00",
    "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "Mon Jan _2 15:04:05 2006", "Jan 2 .000 MST",
    "RFC3339", "RFC1123Z", "America/New_York", "Local", "UTC", "Europe/Nowhere", "1h2m3s", "-1.5h",
    "9999999999999h", "1us", "300ms", "2d", "1y",
    // JWTs, keys, certificates
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "eyJhbGciOiJub25lIn0.e30.",
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjF9.AAAA", "a.b.c", "..", "secret", "HS256", "RS256",
    "ES256", "PS512", "EdDSA",
    "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}", "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}",
    "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n",
    "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n",
    "-----BEGIN RSA PRIVATE KEY-----\n\n-----END RSA PRIVATE KEY-----", "MIIB",
    // net
    "10.0.0.0/8", "192.168.1.1", "192.168.1.1/32", "0.0.0.0/0", "::1", "::/0", "fe80::1%eth0",
    "2001:db8::/129", "256.1.1.1", "1.2.3.4/33",
    // semver, uuid, urls, encodings, units
    "1.2.3", "1.2.3-alpha.1+build.5", "v1.0", "01.2.3", "00000000-0000-0000-0000-000000000000",
    "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "https://user:pw@example.com:8443/p/a?q=1&r=%zz#f", "a=1&b=%",
    "aGVsbG8=", "aGVsbG8", "_-_-", "zz", "0a0B", "10Mi", "1.5G", "1e3K", "-5kb", "12345678901234567890KiB",
    // documents
    "{\"a\":[1,2,{\"b\":null}]}", "{\"a\":", "[1,2", "1e999999", "a: [1, 2]", "- a\n- b:\n  c", "&a [*a, *a]",
    "!!binary aGk=", "--- |\n  x", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}",
    "{\"$ref\":\"#\"}", "{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}", "type Query { a: Int }",
    "query { a }", "schema { query: Q } type Q { f(x: Int = 1): [Q!]! }", "{ a(x: $v) { ...F } }",
    "fragment F on Q { f }", "/a/b/0", "/", "~1~0",
    // format strings and templates
    "%v", "%d", "%s", "%q", "%x", "%X", "%f", "%.3e", "%g", "%*d", "%-08.3f", "%[2]d", "%!", "%9999d",
    "%v %v %v", "{{.a}}", "{{range .}}{{.}}{{end}}", "{{", "{{template \"x\"}}",
    // internal.template_string, rego.metadata
    "x = {x}", "foo.bar", "data.a.b",
};

constexpr std::string_view kNumbers[] = {
    "0", "1", "-1", "2", "3", "7", "10", "64", "100", "1000", "65536", "-1000", "9007199254740993",
    "9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551616",
    "123456789012345678901234567890", "0.5", "-0.5", "1.0", "3.14159", "1e-7", "1e10", "1e21", "1e308",
    "1e400", "-1e400", "1e-400", "2.5e-5", "0.1", "1e100", "1e300000",
};

// Reads choices from the input; an exhausted input reads zeros.
class Source {
 public:
  Source(const uint8_t* data, size_t size) : p_(data), end_(data + size) {}
  uint8_t byte() { return p_ < end_ ? *p_++ : 0; }
  uint32_t below(uint32_t n) {  // [0, n), n > 0
    uint32_t v = byte();
    if (n > 256) v = (v << 8) | byte();
    return v % n;
  }
  bool chance(uint8_t in_256) { return byte() < in_256; }
  std::string_view bytes(size_t max) {
    size_t n = below(static_cast<uint32_t>(max) + 1);
    n = std::min<size_t>(n, static_cast<size_t>(end_ - p_));
    std::string_view s(reinterpret_cast<const char*>(p_), n);
    p_ += n;
    return s;
  }
  bool empty() const { return p_ >= end_; }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
};

constexpr int kMaxDepth = 4;
constexpr uint32_t kMaxItems = 6;

Value random_value(Source& in, int depth);

Value number(Source& in) {
  switch (in.below(3)) {
    case 0:
      return Value::integer(static_cast<int8_t>(in.byte()));
    case 1:
      return Value::from_number(*Number::from_text(kNumbers[in.below(std::size(kNumbers))]));
    default: {
      std::string text = std::to_string(static_cast<int32_t>(in.byte() << 24 | in.byte() << 16 | in.byte()));
      if (in.chance(96)) text += "." + std::to_string(in.byte());
      if (in.chance(48)) text += "e" + std::to_string(static_cast<int8_t>(in.byte()));
      auto n = Number::from_text(text);
      return n ? Value::from_number(*n) : Value::integer(0);
    }
  }
}

Value string(Source& in) {
  switch (in.below(4)) {
    case 0:
      return Value::from_string(in.bytes(24));  // raw: ill-formed UTF-8 and NULs included
    case 1: {
      std::string s(kStrings[in.below(std::size(kStrings))]);
      s += kStrings[in.below(std::size(kStrings))];
      return Value::from_string(s);
    }
    default:
      return Value::from_string(kStrings[in.below(std::size(kStrings))]);
  }
}

Value key(Source& in, int depth) {
  return in.chance(220) ? string(in) : random_value(in, depth + 1);
}

template <typename Make>
Value array(Source& in, Make element) {
  arcane::runtime::ArrayBuilder b;
  for (uint32_t n = in.below(kMaxItems + 1); n > 0 && !in.empty(); --n) b.push_back(element());
  return b.build();
}

template <typename Make>
Value set(Source& in, Make element) {
  arcane::runtime::SetBuilder b;
  for (uint32_t n = in.below(kMaxItems + 1); n > 0 && !in.empty(); --n) b.insert(element());
  return b.build();
}

template <typename MakeKey, typename MakeValue>
Value object(Source& in, MakeKey k, MakeValue v) {
  arcane::runtime::ObjectBuilder b;
  for (uint32_t n = in.below(kMaxItems + 1); n > 0 && !in.empty(); --n) {
    Value key = k();
    b.insert(std::move(key), v());
  }
  return b.build();
}

Value random_value(Source& in, int depth) {
  uint32_t kinds = depth >= kMaxDepth ? 4 : 7;
  switch (in.below(kinds)) {
    case 0:
      return in.chance(128) ? Value::null() : Value::boolean(in.chance(128));
    case 1:
    case 2:
      return number(in);
    case 3:
      return string(in);
    case 4:
      return array(in, [&] { return random_value(in, depth + 1); });
    case 5:
      return object(in, [&] { return key(in, depth); }, [&] { return random_value(in, depth + 1); });
    default:
      return set(in, [&] { return random_value(in, depth + 1); });
  }
}

// A value of type t (mostly: a type that is only a hint at depth is filled at random).
Value typed_value(Source& in, const types::Type& t, int depth) {
  if (t.is_nil() || depth >= kMaxDepth) return random_value(in, depth);
  switch (t.kind()) {
    case types::Kind::kNull:
      return Value::null();
    case types::Kind::kBoolean:
      return Value::boolean(in.chance(128));
    case types::Kind::kNumber:
      return number(in);
    case types::Kind::kString:
      return string(in);
    case types::Kind::kArray: {
      arcane::runtime::ArrayBuilder b;
      for (const types::Type& item : t.items()) b.push_back(typed_value(in, item, depth + 1));
      if (!t.element().is_nil()) {
        for (uint32_t n = in.below(kMaxItems + 1); n > 0 && !in.empty(); --n) {
          b.push_back(typed_value(in, t.element(), depth + 1));
        }
      }
      return b.build();
    }
    case types::Kind::kObject: {
      arcane::runtime::ObjectBuilder b;
      for (const types::StaticProperty& p : t.properties()) {
        if (in.chance(200)) b.insert(p.key, typed_value(in, p.value, depth + 1));
      }
      if (!t.dynamic_key().is_nil()) {
        for (uint32_t n = in.below(kMaxItems + 1); n > 0 && !in.empty(); --n) {
          Value k = typed_value(in, t.dynamic_key(), depth + 1);
          b.insert(std::move(k), typed_value(in, t.dynamic_value(), depth + 1));
        }
      }
      return b.build();
    }
    case types::Kind::kSet:
      return set(in, [&] { return typed_value(in, t.element(), depth + 1); });
    case types::Kind::kAny:
      if (t.items().empty()) return random_value(in, depth);
      return typed_value(in, t.items()[in.below(static_cast<uint32_t>(t.items().size()))], depth);
    case types::Kind::kFunction:
      break;
  }
  return random_value(in, depth);
}

[[noreturn]] void fail(const Builtin& b, const std::vector<Value>& args, const std::string& why) {
  std::fprintf(stderr, "fuzz_builtins: %.*s: %s\n", static_cast<int>(b.decl.name.size()), b.decl.name.data(),
               why.c_str());
  for (const Value& a : args) std::fprintf(stderr, "  operand: %s\n", arcane::runtime::to_json(a).c_str());
  std::abort();
}

std::string show(const BuiltinResult& r) {
  if (r.is_undefined()) return "<undefined>";
  if (r.is_error()) return "<" + r.error().code + ": " + r.error().message + ">";
  return arcane::runtime::to_json(r.value());
}

void check(const Builtin& b, const std::vector<Value>& args, const BuiltinResult& r) {
  if (r.is_error()) {
    const auto& e = r.error();
    // print's illegal operand halts the query with an internal error, as in OPA.
    bool print_halt = e.halt && e.code == "eval_internal_error" && b.decl.name.find("print") != std::string_view::npos;
    if (print_halt) return;
    if (e.code != "eval_type_error" && e.code != "eval_builtin_error" && e.code != "eval_cancel_error") {
      fail(b, args, "unexpected error code: " + show(r));
    }
    // OPA prefixes the built-in's name to every error it reports from a built-in.
    std::string prefix = std::string(b.decl.name) + ": ";
    if (e.code != "eval_cancel_error" && e.message.compare(0, prefix.size(), prefix) != 0) {
      fail(b, args, "error message does not start with the name: " + show(r));
    }
  }
  if (r.has_value()) (void)arcane::runtime::to_json(r.value());
}

// Raises the cancellation flag of a call that outlives its deadline.
class Watchdog {
 public:
  static Watchdog& instance() {
    static Watchdog* w = new Watchdog();  // never destroyed: its thread runs to the end
    return *w;
  }
  void start() {
    cancel_.store(false);
    started_.store(now_ms());
  }
  void stop() { started_.store(0); }
  const std::atomic<bool>* flag() const { return &cancel_; }

 private:
  static constexpr int64_t kDeadlineMs = 500;
  Watchdog() {
    std::thread([this] {
      for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        int64_t s = started_.load();
        if (s != 0 && now_ms() - s > kDeadlineMs) cancel_.store(true);
      }
    }).detach();
  }
  static int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
  }
  std::atomic<bool> cancel_{false};
  std::atomic<int64_t> started_{0};
};

BuiltinResult call(const Builtin& b, const std::vector<Value>& args, bool print) {
  BuiltinContext ctx(1'700'000'000'000'000'000);
  if (print) {
    ctx.set_print_sink([](std::string_view) {});
  } else {
    ctx.set_print_sink(nullptr);
  }
  Watchdog& w = Watchdog::instance();
  ctx.set_cancel_flag(w.flag());
  w.start();
  BuiltinResult r = arcane::stdlib::invoke(b, ctx, args);
  w.stop();
  return r;
}

// With ARCANE_FUZZ_STATS set, how many distinct built-ins ran is printed at exit.
void count_call(size_t index, size_t table_size) {
  static std::vector<bool>* seen = nullptr;
  static size_t distinct = 0;
  if (seen == nullptr) {
    if (std::getenv("ARCANE_FUZZ_STATS") == nullptr) return;
    seen = new std::vector<bool>(table_size);
    std::atexit([] { std::fprintf(stderr, "fuzz_builtins: %zu distinct built-ins called\n", distinct); });
  }
  if (!(*seen)[index]) {
    (*seen)[index] = true;
    ++distinct;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto table = arcane::stdlib::all_builtins();
  Source in(data, size);
  size_t index = in.below(static_cast<uint32_t>(table.size()));
  const Builtin& b = table[index];
  if (excluded(b.decl.name)) return 0;
  count_call(index, table.size());
  const types::FunctionType& f = b.decl.type;
  std::vector<Value> args;
  for (const types::Type& t : f.args) args.push_back(in.chance(192) ? typed_value(in, t, 0) : random_value(in, 0));
  if (!f.variadic.is_nil()) {
    for (uint32_t n = in.below(4); n > 0; --n) args.push_back(typed_value(in, f.variadic, 0));
  }
  bool print = in.chance(128);
  static const bool trace = std::getenv("ARCANE_FUZZ_TRACE") != nullptr;  // replaying a failure
  if (trace) {
    std::fprintf(stderr, "fuzz_builtins: calling %.*s\n", static_cast<int>(b.decl.name.size()), b.decl.name.data());
    for (const Value& a : args) std::fprintf(stderr, "  operand: %s\n", arcane::runtime::to_json(a).c_str());
  }
  BuiltinResult first = call(b, args, print);
  check(b, args, first);
  if (!b.decl.nondeterministic && !(first.is_error() && first.error().code == "eval_cancel_error")) {
    BuiltinResult second = call(b, args, print);
    if (!(second.is_error() && second.error().code == "eval_cancel_error") && show(first) != show(second)) {
      fail(b, args, "two calls disagree: " + show(first) + " then " + show(second));
    }
  }
  return 0;
}
