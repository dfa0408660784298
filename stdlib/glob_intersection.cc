// regex.globs_match (topdown/regex.go over yashtewari/glob-intersection v0.2.0).
//
// The operands are "globs" in that library's small regex-like language: a character,
// `.` (any character) or a set `[a-z0-9]` (no negation), each optionally followed by
// `+` or `*`; `\` escapes. OPA answers with the library's NonEmpty, which is not an exact
// decision procedure but a greedy walk: trim the common literal prefix and suffix, then
// step through both globs token by token, letting a starred or plussed token swallow
// tokens of the other glob until the rest matches "all the way". Its answers (including
// its quirks: `t+t+` is simplified to `t+`, and a flagged token of the swallowed glob is
// treated like a plain one) are OPA's, so the walk is reproduced as it is; results of
// sub-walks are remembered, which keeps starred patterns from going exponential.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "runtime/deep_stack.h"
#include "stdlib/families_matching.h"
#include "stdlib/go_utf8.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

enum class Type { kCharacter, kDot, kSet };  // ordered as the library orders them
enum class Flag { kNone, kPlus, kStar };

struct Token {
  Type type = Type::kCharacter;
  char32_t rune = 0;
  std::set<char32_t> runes;
  Flag flag = Flag::kNone;

  bool same_content(const Token& o) const {
    return type == o.type && (type != Type::kCharacter || rune == o.rune) && (type != Type::kSet || runes == o.runes);
  }
};

using Glob = std::vector<Token>;

std::u32string runes_of(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    auto b0 = static_cast<unsigned char>(s[i]);
    size_t n = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    char32_t r = 0xFFFD;
    size_t width = 1;
    if (n == 1) {
      r = b0;
    } else if (n > 1 && i + n <= s.size()) {
      char32_t v = b0 & (0x7F >> n);
      bool ok = true;
      for (size_t k = 1; k < n && ok; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        ok = (b & 0xC0) == 0x80;
        v = v << 6 | (b & 0x3F);
      }
      static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
      if (ok && v >= kMin[n] && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF)) {
        r = v;
        width = n;
      }
    }
    out += r;
    i += width;
  }
  return out;
}

std::string utf8(std::u32string_view runes) {
  std::string out;
  for (char32_t r : runes) goutf8::append(out, r);
  return out;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view s) : in_(runes_of(s)) {}

  // Appends the tokens to `out`; false with error() set when the input is invalid.
  bool run(Glob& out) {
    size_t i = 0;
    for (;;) {
      Token t;
      Status st = next_token(i, t);
      if (st == Status::kEnd) return true;
      if (st == Status::kError) return false;
      out.push_back(std::move(t));
    }
  }
  const std::string& error() const { return error_; }

 private:
  enum class Status { kOk, kEnd, kError };

  Status fail(size_t pos, const std::string& msg) {
    error_ = "input:" + utf8(in_) + ", pos:" + std::to_string(pos) + ", " + msg + ": the input provided is invalid";
    return Status::kError;
  }

  Status next_rune(size_t& index, char32_t& r, bool& escaped) {
    escaped = false;
    if (index >= in_.size()) return Status::kEnd;
    if (in_[index] == '\\') {
      if (index + 1 < in_.size()) {
        r = in_[index + 1];
        escaped = true;
        index += 2;
        return Status::kOk;
      }
      return fail(index, "input ends with a \\ (escape) character");
    }
    r = in_[index++];
    return Status::kOk;
  }

  Status next_token(size_t& index, Token& t) {
    char32_t r = 0;
    bool escaped = false;
    if (Status st = next_rune(index, r, escaped); st != Status::kOk) return st;
    if (!escaped && r == '.') {
      t.type = Type::kDot;
    } else if (!escaped && r == ']') {
      return fail(index, "set-close ']' with no preceding '['");
    } else if (!escaped && r == '[') {
      if (Status st = next_set(index, t); st != Status::kOk) return st;
    } else if (!escaped && (r == '+' || r == '*')) {
      return fail(index, "flag '" + utf8(std::u32string(1, r)) + "' must be preceded by a non-flag");
    } else {
      t.type = Type::kCharacter;
      t.rune = r;
    }
    size_t at = index;
    Status st = next_rune(at, r, escaped);
    if (st == Status::kError) return st;
    if (st == Status::kOk && !escaped && (r == '+' || r == '*')) {
      t.flag = r == '+' ? Flag::kPlus : Flag::kStar;
      index = at;
    }
    return Status::kOk;
  }

  Status next_set(size_t& index, Token& t) {
    t.type = Type::kSet;
    char32_t r = 0, prev = 0;
    bool escaped = false, prev_exists = false;
    for (;;) {
      Status st = next_rune(index, r, escaped);
      if (st == Status::kError) return st;
      if (st == Status::kEnd) return fail(index, "found [ without matching ]");
      if (escaped) {
        t.runes.insert(r);
        prev = r;
        prev_exists = true;
        continue;
      }
      if (r == ']') return Status::kOk;
      if (r != '-') {
        t.runes.insert(r);
        prev = r;
        prev_exists = true;
        continue;
      }
      if (!prev_exists) return fail(index, "range character '-' must be preceded by a Unicode character");
      if (index + 1 >= in_.size()) return fail(index, "range character '-' must be followed by a Unicode character");
      next_rune(index, r, escaped);
      if (!escaped && (r == ']' || r == '-')) {
        return fail(index, "range character '-' cannot be followed by a special symbol");
      }
      if (r < prev) {
        return fail(index, "range is out of order: '" + utf8(std::u32string(1, r)) + "' comes before '" +
                               utf8(std::u32string(1, prev)) + "' in Unicode");
      }
      for (char32_t x = prev; x <= r; ++x) t.runes.insert(x);
      prev_exists = false;
    }
  }

  std::u32string in_;
  std::string error_;
};

// Equal neighbours that both carry a flag fold into one; `+` wins over `*`.
Glob simplify(Glob tokens) {
  Glob out;
  for (Token& t : tokens) {
    if (!out.empty() && t.flag != Flag::kNone && out.back().flag != Flag::kNone && t.same_content(out.back())) {
      if (t.flag == Flag::kPlus || out.back().flag == Flag::kPlus) out.back().flag = Flag::kPlus;
      continue;
    }
    out.push_back(std::move(t));
  }
  return out;
}

bool match(const Token& a, const Token& b) {
  const Token* x = &a;
  const Token* y = &b;
  if (x->type > y->type) std::swap(x, y);
  switch (x->type) {
    case Type::kCharacter:
      if (y->type == Type::kCharacter) return x->rune == y->rune;
      if (y->type == Type::kDot) return true;
      return y->runes.count(x->rune) > 0;
    case Type::kDot: return true;
    case Type::kSet:
      for (char32_t r : x->runes) {
        if (y->runes.count(r) > 0) return true;
      }
      return false;
  }
  return false;
}

// A suffix of one of the two globs.
struct View {
  const Glob* g;
  size_t off;
  size_t end;
  size_t size() const { return end - off; }
  const Token& operator[](size_t i) const { return (*g)[off + i]; }
  View from(size_t i) const { return View{g, off + i, end}; }
};

class Intersector {
 public:
  // The walk recurses once per flagged token; past this depth it gives up (Go's stacks
  // grow where ours do not) and too_deep() tells the caller.
  static constexpr int kMaxDepth = 5000;

  bool normal(View a, View b) {
    auto key = std::make_tuple(a.g, a.off, b.off);
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    if (depth_ >= kMaxDepth) {
      too_deep_ = true;
      return false;
    }
    ++depth_;
    bool r = normal_uncached(a, b);
    --depth_;
    memo_[key] = r;
    return r;
  }
  bool too_deep() const { return too_deep_; }

 private:
  bool normal_uncached(View a, View b) {
    size_t i = 0, j = 0;
    for (; i < a.size() && j < b.size(); ++i, ++j) {
      if (a[i].flag == Flag::kNone && b[j].flag == Flag::kNone) {
        if (!match(a[i], b[j])) return false;
      } else {
        return special(a.from(i), b.from(j));
      }
    }
    return i == a.size() && j == b.size();
  }

  bool special(View a, View b) {
    if (a[0].flag != Flag::kNone) return a[0].flag == Flag::kPlus ? plus(a, b) : star(a, b);
    return b[0].flag == Flag::kPlus ? plus(b, a) : star(b, a);
  }

  bool plus(View plussed, View other) {
    if (!match(plussed[0], other[0])) return false;
    if (star(plussed, other.from(1))) return true;
    return other[0].flag != Flag::kNone && normal(plussed.from(1), other);
  }

  bool star(View starred, View other) {
    const Token& star_token = starred[0];
    const Token* next = starred.size() > 1 ? &starred[1] : nullptr;
    for (size_t i = 0; i < other.size(); ++i) {
      const Token& t = other[i];
      if (next != nullptr && match(t, *next)) {
        if (normal(starred.from(1), other.from(i))) return true;
        if (!match(t, star_token)) return false;
      } else if (!match(t, star_token)) {
        return false;
      }
    }
    return next == nullptr;
  }

  std::map<std::tuple<const Glob*, size_t, size_t>, bool> memo_;
  int depth_ = 0;
  bool too_deep_ = false;
};

size_t flagged(const Glob& g) {
  size_t n = 0;
  for (const Token& t : g) n += t.flag != Flag::kNone;
  return n;
}

constexpr size_t kDeepWalk = 256;

// NonEmpty; nullopt when the walk went too deep to finish.
std::optional<bool> non_empty(const Glob& g1, const Glob& g2) {
  size_t n1 = g1.size(), n2 = g2.size();
  size_t l = 0;
  for (; l < n1 && l < n2 && g1[l].flag == Flag::kNone && g2[l].flag == Flag::kNone; ++l) {
    if (!match(g1[l], g2[l])) return false;
  }
  if (l > 0) --l;
  auto r1 = static_cast<std::ptrdiff_t>(n1) - 1, r2 = static_cast<std::ptrdiff_t>(n2) - 1;
  auto lo = static_cast<std::ptrdiff_t>(l);
  for (; r1 >= lo && r2 >= lo && g1[static_cast<size_t>(r1)].flag == Flag::kNone &&
         g2[static_cast<size_t>(r2)].flag == Flag::kNone;
       --r1, --r2) {
    if (!match(g1[static_cast<size_t>(r1)], g2[static_cast<size_t>(r2)])) return false;
  }
  if (r1 < static_cast<std::ptrdiff_t>(n1) - 1) {
    ++r1;
    ++r2;
  }
  if (r1 + 1 < lo || r2 + 1 < lo) return false;  // Go would panic slicing here; never reached in practice
  Intersector x;
  View a{&g1, l, static_cast<size_t>(r1 + 1)}, b{&g2, l, static_cast<size_t>(r2 + 1)};
  bool r = false;
  // The walk may recurse kMaxDepth levels only past that many flagged tokens; below it
  // the caller's stack is plenty (sanitizer builds included) and no thread is started.
  if (flagged(g1) + flagged(g2) < kDeepWalk) {
    r = x.normal(a, b);
  } else {
    runtime::run_with_stack(runtime::kDeepStackBytes, [&] { r = x.normal(a, b); });
  }
  if (x.too_deep()) return std::nullopt;
  return r;
}

}  // namespace

BuiltinResult regex_globs_match(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "regex.globs_match";
  for (int i = 0; i < 2; ++i) {
    if (!args[i].is_string()) return operand_type_error(kName, i + 1, args[i], {"string"});
  }
  Glob globs[2];
  for (int i = 0; i < 2; ++i) {
    Tokenizer t(args[i].string_view());
    if (!t.run(globs[i])) return builtin_error(kName, t.error());
    globs[i] = simplify(std::move(globs[i]));
  }
  std::optional<bool> r = non_empty(globs[0], globs[1]);
  if (!r) return builtin_error(kName, "patterns too complex to intersect");
  return Value::boolean(*r);
}

}  // namespace arcane::stdlib::impl
