// Regular expressions: regex.match (and the deprecated re_match), regex.is_valid,
// regex.split, regex.find_n, regex.find_all_string_submatch_n, regex.replace and
// regex.template_match (topdown/regex.go, regex_template.go).
//
// OPA's dialect is Go's regexp package, whose syntax and leftmost-first semantics are
// RE2's, so patterns run on RE2. What Go adds on top is reproduced here: `(?<name>...)`
// groups (Go 1.22) are rewritten to RE2's `(?P<name>...)`; Go's `\C` rejection; the
// error wording ("error parsing regexp: missing closing ]: `[`"); the iteration of
// FindAll, Split and ReplaceAll (an empty match right after a match is skipped, the scan
// always advances one rune); and Expand's `$1`, `${name}`, `$$` templates.
//
// Compiled patterns live in one process-wide cache shared by every evaluation and
// thread: a read-mostly map under a shared mutex, bounded so that hostile input cannot
// grow it without end (when full an arbitrary entry is dropped, as OPA does).
#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "runtime/value_builder.h"
#include "stdlib/families_matching.h"
#include "stdlib/operands.h"
#include "stdlib/regex_cache.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

using Compiled = CompiledRegex;

const char* go_error_code(re2::RE2::ErrorCode code) {
  switch (code) {
    case re2::RE2::ErrorBadEscape: return "invalid escape sequence";
    case re2::RE2::ErrorBadCharClass: return "invalid character class";
    case re2::RE2::ErrorBadCharRange: return "invalid character class range";
    case re2::RE2::ErrorMissingBracket: return "missing closing ]";
    case re2::RE2::ErrorMissingParen: return "missing closing )";
    case re2::RE2::ErrorUnexpectedParen: return "unexpected )";
    case re2::RE2::ErrorTrailingBackslash: return "trailing backslash at end of expression";
    case re2::RE2::ErrorRepeatArgument: return "missing argument to repetition operator";
    case re2::RE2::ErrorRepeatSize: return "invalid repeat count";
    case re2::RE2::ErrorRepeatOp: return "invalid nested repetition operator";
    case re2::RE2::ErrorBadPerlOp: return "invalid or unsupported Perl syntax";
    case re2::RE2::ErrorBadUTF8: return "invalid UTF-8";
    case re2::RE2::ErrorBadNamedCapture: return "invalid named capture";
    case re2::RE2::ErrorPatternTooLarge: return "expression too large";
    default: return "regexp/syntax: internal error";
  }
}

std::string go_parse_error(std::string_view code, std::string_view expr) {
  std::string msg = "error parsing regexp: ";
  msg.append(code).append(": `").append(expr).append("`");
  return msg;
}

// Go's syntax that RE2 spells differently or lacks: `(?<name>` becomes `(?P<name>`;
// `\C` (any byte) and groups nested 1000 deep are errors in Go. Returns an error
// message, or empty.
std::string translate_go_syntax(std::string_view pattern, std::string& out) {
  // Go refuses syntax trees more than 1000 deep; capturing groups are what nest them
  // (non-capturing groups leave no node of their own).
  constexpr int kMaxCaptureDepth = 1000;
  out.reserve(pattern.size() + 8);
  std::vector<bool> open;  // the groups now open: capturing or not
  int depth = 0;
  bool in_class = false;
  bool quoted = false;  // inside \Q...\E
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (quoted) {
      if (c == '\\' && i + 1 < pattern.size() && pattern[i + 1] == 'E') quoted = false;
      out += c;
      if (!quoted) out += pattern[++i];
      continue;
    }
    if (c == '\\' && i + 1 < pattern.size()) {
      char n = pattern[i + 1];
      if (n == 'Q') quoted = true;
      if (n == 'C') return go_parse_error("invalid escape sequence", "\\C");
      out += c;
      out += n;
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      // A ']' right after '[' or '[^' is a literal member.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];
      continue;
    }
    if (c == '(') {
      bool capturing = i + 1 >= pattern.size() || pattern[i + 1] != '?' || pattern.substr(i, 3) == "(?P" ||
                       pattern.substr(i, 3) == "(?<";
      open.push_back(capturing);
      if (capturing && ++depth >= kMaxCaptureDepth) return go_parse_error("expression nests too deeply", pattern);
    } else if (c == ')' && !open.empty()) {
      if (open.back()) --depth;
      open.pop_back();
    }
    if (c == '(' && pattern.substr(i, 3) == "(?<" && i + 3 < pattern.size() && pattern[i + 3] != '=' &&
        pattern[i + 3] != '!') {
      out += "(?P<";
      i += 2;
      continue;
    }
    out += c;
  }
  return {};
}

std::shared_ptr<const Compiled> compile_uncached(std::string_view pattern) {
  auto c = std::make_shared<Compiled>();
  std::string translated;
  c->error = translate_go_syntax(pattern, translated);
  if (!c->error.empty()) return c;
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(int64_t{64} << 20);
  auto re = std::make_unique<re2::RE2>(translated, options);
  if (!re->ok()) {
    std::string arg = re->error_arg();
    if (re->error_code() == re2::RE2::ErrorPatternTooLarge) arg = std::string(pattern);
    c->error = go_parse_error(go_error_code(re->error_code()), arg);
    return c;
  }
  c->group_names.assign(static_cast<size_t>(re->NumberOfCapturingGroups()) + 1, std::string());
  for (const auto& [index, name] : re->CapturingGroupNames()) c->group_names[static_cast<size_t>(index)] = name;
  c->re = std::move(re);
  return c;
}

class RegexCache {
 public:
  std::shared_ptr<const Compiled> get(std::string_view pattern) {
    return cache_.get(pattern, [&] {
      compilations_.fetch_add(1, std::memory_order_relaxed);
      return compile_uncached(pattern);
    });
  }

  std::atomic<uint64_t> compilations_{0};

 private:
  SharedCache<Compiled> cache_;
};

RegexCache& cache() {
  static RegexCache* c = new RegexCache();  // never destroyed: evaluations may outlive statics
  return *c;
}

// The width of the well-formed UTF-8 sequence at pos (ASCII included), or 0.
size_t valid_rune_width(std::string_view s, size_t pos) {
  auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return 1;
  size_t n = (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || pos + n > s.size()) return 0;
  uint32_t r = b0 & (0x7Fu >> n);
  for (size_t k = 1; k < n; ++k) {
    auto b = static_cast<unsigned char>(s[pos + k]);
    if ((b & 0xC0) != 0x80) return 0;
    r = r << 6 | (b & 0x3Fu);
  }
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (r < kMin[n] || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return 0;
  return n;
}

size_t rune_width(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  auto b = static_cast<unsigned char>(s[pos]);
  size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
  if (pos + n > s.size()) return 1;
  for (size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[pos + k]) & 0xC0) != 0x80) return 1;
  }
  return n;
}

// A match: byte offsets of each group, -1 for groups that did not take part.
using Groups = std::vector<std::pair<int64_t, int64_t>>;

// A subject as Go's matchers read it: RE2 runs on `text`, where each ill-formed byte of
// the original is U+FFFD; substrings are cut from the original through `orig_at`.
class GoText {
 public:
  explicit GoText(std::string_view s) : orig_(s) {
    text_ = as_go_runes(s, buf_);
    if (text_.data() == s.data()) return;
    to_orig_.reserve(text_.size() + 1);
    for (size_t i = 0; i < s.size();) {
      size_t w = valid_rune_width(s, i);
      if (w == 0) {
        to_orig_.insert(to_orig_.end(), 3, i);
        ++i;
      } else {
        for (size_t k = 0; k < w; ++k) to_orig_.push_back(i + k);
        i += w;
      }
    }
    to_orig_.push_back(s.size());
  }
  std::string_view text() const { return text_; }
  std::string_view sub(int64_t b, int64_t e) const {
    size_t ob = orig_at(static_cast<size_t>(b)), oe = orig_at(static_cast<size_t>(e));
    return orig_.substr(ob, oe - ob);
  }
  std::string_view rest(size_t b) const { return orig_.substr(orig_at(b)); }

 private:
  size_t orig_at(size_t i) const { return to_orig_.empty() ? i : to_orig_[i]; }
  std::string_view orig_;
  std::string buf_;
  std::string_view text_;
  std::vector<size_t> to_orig_;
};

bool match_at(const re2::RE2& re, std::string_view s, size_t pos, int ngroups, Groups& out) {
  std::vector<re2::StringPiece> sub(static_cast<size_t>(ngroups));
  re2::StringPiece text(s.data(), s.size());
  if (!re.Match(text, pos, s.size(), re2::RE2::UNANCHORED, sub.data(), ngroups)) return false;
  out.assign(static_cast<size_t>(ngroups), {-1, -1});
  for (size_t i = 0; i < sub.size(); ++i) {
    if (sub[i].data() == nullptr) continue;
    int64_t b = sub[i].data() - s.data();
    out[i] = {b, b + static_cast<int64_t>(sub[i].size())};
  }
  return true;
}

// Go's Regexp.allMatches: at most n matches (all when n < 0); an empty match right after
// the previous match is skipped; the scan advances at least one rune.
template <typename F>
void for_each_match(const re2::RE2& re, std::string_view s, int64_t n, int ngroups, F deliver) {
  if (n < 0) n = static_cast<int64_t>(s.size()) + 1;
  Groups g;
  int64_t prev_end = -1;
  size_t pos = 0;
  for (int64_t i = 0; i < n && pos <= s.size();) {
    if (!match_at(re, s, pos, ngroups, g)) break;
    bool accept = true;
    if (g[0].second == static_cast<int64_t>(pos)) {
      if (g[0].first == prev_end) accept = false;
      pos += pos < s.size() ? rune_width(s, pos) : 1;
    } else {
      pos = static_cast<size_t>(g[0].second);
    }
    prev_end = g[0].second;
    if (accept) {
      deliver(g);
      ++i;
    }
  }
}

bool is_name_char(std::string_view s, size_t i, size_t& width) {
  auto b = static_cast<unsigned char>(s[i]);
  width = rune_width(s, i);
  if (b >= 0x80) return width > 1;  // letters and digits beyond ASCII count too (unicode.IsLetter)
  return std::isalnum(b) != 0 || b == '_';
}

// Go's Regexp.Expand of `tmpl` for one match of `src`.
void expand(std::string& out, std::string_view tmpl, const GoText& src, const Groups& g,
            const std::vector<std::string>& names) {
  auto group_text = [&](size_t i) {
    if (i < g.size() && g[i].first >= 0) out.append(src.sub(g[i].first, g[i].second));
  };
  while (!tmpl.empty()) {
    size_t dollar = tmpl.find('$');
    if (dollar == std::string_view::npos) break;
    out.append(tmpl.substr(0, dollar));
    tmpl.remove_prefix(dollar + 1);
    if (!tmpl.empty() && tmpl[0] == '$') {
      out += '$';
      tmpl.remove_prefix(1);
      continue;
    }
    bool brace = !tmpl.empty() && tmpl[0] == '{';
    std::string_view rest = brace ? tmpl.substr(1) : tmpl;
    size_t i = 0, w = 0;
    while (i < rest.size() && is_name_char(rest, i, w)) i += w;
    if (i == 0 || (brace && (i >= rest.size() || rest[i] != '}'))) {
      out += '$';  // malformed: the '$' is literal text
      continue;
    }
    std::string_view name = rest.substr(0, i);
    tmpl = rest.substr(brace ? i + 1 : i);
    int64_t num = 0;
    for (char c : name) {
      if (c < '0' || c > '9' || num >= 100000000) {
        num = -1;
        break;
      }
      num = num * 10 + (c - '0');
    }
    if (name.size() > 1 && name[0] == '0') num = -1;
    if (num >= 0) {
      group_text(static_cast<size_t>(num));
      continue;
    }
    for (size_t k = 0; k < names.size(); ++k) {
      if (names[k] == name && k < g.size() && g[k].first >= 0) {
        group_text(k);
        break;
      }
    }
  }
  out.append(tmpl);
}

// Go's Regexp.ReplaceAllString.
std::string replace_all(const Compiled& c, const GoText& source, std::string_view repl) {
  std::string out;
  std::string_view src = source.text();
  int ngroups = static_cast<int>(c.group_names.size());
  size_t last_end = 0, search = 0;
  Groups g;
  while (search <= src.size()) {
    if (!match_at(*c.re, src, search, ngroups, g)) break;
    auto b = static_cast<size_t>(g[0].first), e = static_cast<size_t>(g[0].second);
    out.append(source.sub(static_cast<int64_t>(last_end), static_cast<int64_t>(b)));
    if (e > last_end || b == 0) expand(out, repl, source, g, c.group_names);
    last_end = e;
    size_t width = rune_width(src, search);
    if (search + width > e) {
      search += width;
    } else if (search + 1 > e) {
      ++search;
    } else {
      search = e;
    }
  }
  out.append(source.rest(last_end));
  return out;
}

// The operand strings, in order, or the first operand error.
BuiltinResult strings_of(std::string_view name, Args args, size_t count, std::vector<std::string_view>& out) {
  for (size_t i = 0; i < count; ++i) {
    if (!args[i].is_string()) return operand_type_error(name, static_cast<int>(i) + 1, args[i], {"string"});
    out.push_back(args[i].string_view());
  }
  return Value::boolean(true);
}

std::optional<BuiltinResult> int_operand(std::string_view name, const Value& v, int pos, int64_t& out) {
  if (!v.is_number()) return operand_type_error(name, pos, v, {"number"});
  std::optional<int64_t> i = literal_int(v.number());
  if (!i) return operand_error(name, pos, "must be integer number but got floating-point number");
  out = *i;
  return std::nullopt;
}

BuiltinResult match(std::string_view name, Args args) {
  std::vector<std::string_view> s;
  if (BuiltinResult r = strings_of(name, args, 2, s); r.is_error()) return r;
  std::shared_ptr<const Compiled> c = cache().get(s[0]);
  if (!c->re) return builtin_error(name, c->error);
  std::string buf;
  std::string_view subject = as_go_runes(s[1], buf);
  re2::StringPiece text(subject.data(), subject.size());
  return Value::boolean(c->re->Match(text, 0, subject.size(), re2::RE2::UNANCHORED, nullptr, 0));
}

// Go's regexp.QuoteMeta.
std::string quote_meta(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string go_quote(std::string_view s) {
  std::string out;
  append_go_quoted(out, s);
  return out;
}

// The gorilla/mux template compiler OPA forked: literal text between `start`...`end`
// delimited regular expressions, anchored at both ends.
std::shared_ptr<const Compiled> compile_template(std::string_view tpl, char start, char end, std::string& error) {
  std::vector<size_t> idxs;
  int level = 0;
  size_t open = 0;
  for (size_t i = 0; i < tpl.size(); ++i) {
    if (tpl[i] == start) {
      if (++level == 1) open = i;
    } else if (tpl[i] == end) {
      if (--level == 0) {
        idxs.push_back(open);
        idxs.push_back(i + 1);
      } else if (level < 0) {
        error = "unbalanced braces in " + go_quote(tpl);
        return nullptr;
      }
    }
  }
  if (level != 0) {
    error = "unbalanced braces in " + go_quote(tpl);
    return nullptr;
  }
  std::string pattern = "^";
  size_t last = 0;
  for (size_t i = 0; i < idxs.size(); i += 2) {
    std::string_view raw = tpl.substr(last, idxs[i] - last);
    last = idxs[i + 1];
    std::string_view var = tpl.substr(idxs[i] + 1, last - idxs[i] - 2);
    pattern += quote_meta(raw);
    pattern.append("(").append(var).append(")");
    std::shared_ptr<const Compiled> v = cache().get("^" + std::string(var) + "$");
    if (!v->re) {
      error = v->error;
      return nullptr;
    }
  }
  pattern += quote_meta(tpl.substr(last));
  pattern += '$';
  std::shared_ptr<const Compiled> c = cache().get(pattern);
  if (!c->re) error = c->error;
  return c->re ? c : nullptr;
}

}  // namespace

std::string_view as_go_runes(std::string_view s, std::string& buf) {
  size_t i = 0;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) < 0x80 || valid_rune_width(s, i) > 0)) {
    i += std::max<size_t>(valid_rune_width(s, i), 1);
  }
  if (i == s.size()) return s;
  buf.assign(s.substr(0, i));
  while (i < s.size()) {
    size_t w = valid_rune_width(s, i);
    if (w == 0) {
      buf += "\xEF\xBF\xBD";
      ++i;
    } else {
      buf.append(s.substr(i, w));
      i += w;
    }
  }
  return buf;
}

std::shared_ptr<const CompiledRegex> compile_regex(std::string_view pattern) {
  return cache().get(pattern);
}

uint64_t regex_compilations() {
  return cache().compilations_.load(std::memory_order_relaxed);
}

BuiltinResult regex_match(BuiltinContext&, Args args) {
  return match("regex.match", args);
}

BuiltinResult re_match(BuiltinContext&, Args args) {
  return match("re_match", args);
}

BuiltinResult regex_is_valid(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return Value::boolean(false);
  return Value::boolean(cache().get(args[0].string_view())->re != nullptr);
}

BuiltinResult regex_split(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "regex.split";
  std::vector<std::string_view> s;
  if (BuiltinResult r = strings_of(kName, args, 2, s); r.is_error()) return r;
  std::shared_ptr<const Compiled> c = cache().get(s[0]);
  if (!c->re) return builtin_error(kName, c->error);
  GoText subject(s[1]);
  std::string_view text = subject.text();
  runtime::ArrayBuilder out;
  if (!s[0].empty() && text.empty()) {
    out.push_back(Value::from_string(""));
    return out.build();
  }
  int64_t begin = 0, end = 0;
  for_each_match(*c->re, text, -1, 1, [&](const Groups& g) {
    end = g[0].first;
    if (g[0].second != 0) out.push_back(Value::from_string(subject.sub(begin, end)));
    begin = g[0].second;
  });
  if (end != static_cast<int64_t>(text.size()))
    out.push_back(Value::from_string(subject.rest(static_cast<size_t>(begin))));
  return out.build();
}

BuiltinResult regex_find_n(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "regex.find_n";
  std::vector<std::string_view> s;
  if (BuiltinResult r = strings_of(kName, args, 2, s); r.is_error()) return r;
  int64_t n = 0;
  if (auto err = int_operand(kName, args[2], 3, n)) return *err;
  std::shared_ptr<const Compiled> c = cache().get(s[0]);
  if (!c->re) return builtin_error(kName, c->error);
  GoText subject(s[1]);
  runtime::ArrayBuilder out;
  for_each_match(*c->re, subject.text(), n, 1,
                 [&](const Groups& g) { out.push_back(Value::from_string(subject.sub(g[0].first, g[0].second))); });
  return out.build();
}

BuiltinResult regex_find_all_string_submatch_n(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "regex.find_all_string_submatch_n";
  std::vector<std::string_view> s;
  if (BuiltinResult r = strings_of(kName, args, 2, s); r.is_error()) return r;
  int64_t n = 0;
  if (auto err = int_operand(kName, args[2], 3, n)) return *err;
  std::shared_ptr<const Compiled> c = cache().get(s[0]);
  if (!c->re) return builtin_error(kName, c->error);
  runtime::ArrayBuilder out;
  int ngroups = static_cast<int>(c->group_names.size());
  GoText subject(s[1]);
  for_each_match(*c->re, subject.text(), n, ngroups, [&](const Groups& g) {
    runtime::ArrayBuilder inner(g.size());
    for (const auto& [b, e] : g) inner.push_back(Value::from_string(b < 0 ? std::string_view() : subject.sub(b, e)));
    out.push_back(inner.build());
  });
  return out.build();
}

BuiltinResult regex_replace(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "regex.replace";
  std::vector<std::string_view> s;
  if (BuiltinResult r = strings_of(kName, args, 3, s); r.is_error()) return r;
  std::shared_ptr<const Compiled> c = cache().get(s[1]);
  if (!c->re) return builtin_error(kName, c->error);
  std::string out = replace_all(*c, GoText(s[0]), s[2]);
  if (out == s[0]) return args[0];
  return Value::from_string(out);
}

BuiltinResult regex_template_match(BuiltinContext&, Args args) {
  constexpr std::string_view kName = "regex.template_match";
  std::vector<std::string_view> s;
  if (BuiltinResult r = strings_of(kName, args, 4, s); r.is_error()) return r;
  // OPA reports the start delimiter's length in both messages.
  if (s[2].size() != 1 || s[3].size() != 1) {
    std::string which = s[2].size() != 1 ? "start" : "end";
    return builtin_error(kName, which + " delimiter has to be exactly one character long but is " +
                                    std::to_string(s[2].size()) + " long");
  }
  std::string error;
  std::shared_ptr<const Compiled> c = compile_template(s[0], s[2][0], s[3][0], error);
  if (!c) return builtin_error(kName, error);
  std::string buf;
  std::string_view subject = as_go_runes(s[1], buf);
  re2::StringPiece text(subject.data(), subject.size());
  return Value::boolean(c->re->Match(text, 0, subject.size(), re2::RE2::UNANCHORED, nullptr, 0));
}

}  // namespace arcane::stdlib::impl
