// Go's fmt.Sprintf over ints, big ints, float64s and strings (fmt/print.go, fmt/format.go,
// math/big's Int.Format, strconv's float formatting), rewritten for those four types.
#include "stdlib/go_fmt.h"

#include <gmp.h>

#include <cctype>
#include <cstdlib>
#include <memory>

#include "stdlib/go_utf8.h"
#include "stdlib/operands.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::gofmt {

namespace {

constexpr std::string_view kLower = "0123456789abcdefx";
constexpr std::string_view kUpper = "0123456789ABCDEFX";
constexpr int kMaxWidth = 1000000;  // fmt's tooLarge

struct Flags {
  bool wid_present = false, prec_present = false;
  bool minus = false, plus = false, sharp = false, space = false, zero = false;
  bool plus_v = false, sharp_v = false;
  int wid = 0, prec = 0;
};

// An int as Go's %c writes it.
void append_rune_of(std::string& out, uint64_t c) {
  goutf8::append(out, c > 0x10FFFF ? goutf8::kRuneError : static_cast<uint32_t>(c));
}

bool can_backquote(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    goutf8::Rune r = goutf8::decode(s, i);
    if (r.width == 1 && r.r == goutf8::kRuneError) return false;
    if (r.r == '`' || r.r == 0xFEFF) return false;
    if (r.r < 0x20 && r.r != '\t') return false;
    if (r.r == 0x7F) return false;
    i += r.width;
  }
  return true;
}

void append_hex(std::string& out, uint32_t v, int digits) {
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += kLower[(v >> shift) & 0xF];
}

// strconv.QuoteToASCII.
std::string quote_ascii(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    goutf8::Rune r = goutf8::decode(s, i);
    if (r.width == 1 && r.r == goutf8::kRuneError) {
      out += "\\x";
      append_hex(out, static_cast<unsigned char>(s[i]), 2);
      ++i;
      continue;
    }
    i += r.width;
    switch (r.r) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\a': out += "\\a"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\v': out += "\\v"; continue;
      default: break;
    }
    if (r.r >= 0x20 && r.r < 0x7F) {
      out += static_cast<char>(r.r);
    } else if (r.r < 0x20 || r.r == 0x7F) {
      out += "\\x";
      append_hex(out, r.r, 2);
    } else if (r.r < 0x10000) {
      out += "\\u";
      append_hex(out, r.r, 4);
    } else {
      out += "\\U";
      append_hex(out, r.r, 8);
    }
  }
  out += '"';
  return out;
}

// strconv.QuoteRune (ascii: QuoteRuneToASCII), through the string quoting.
std::string quote_rune(uint64_t c, bool ascii) {
  uint32_t r = c > 0x10FFFF || !goutf8::valid_rune(static_cast<uint32_t>(c)) ? goutf8::kRuneError
                                                                             : static_cast<uint32_t>(c);
  if (r == '\'') return "'\\''";
  if (r == '"') return "'\"'";
  std::string s;
  goutf8::append(s, r);
  std::string quoted;
  if (ascii) {
    quoted = quote_ascii(s);
  } else {
    append_go_quoted(quoted, s);
  }
  return "'" + quoted.substr(1, quoted.size() - 2) + "'";
}

class Printer {
 public:
  // Writes into `out`, which it first clears.
  Printer(std::span<const Arg> args, std::string& out) : args_(args), buf_(out) { buf_.clear(); }

  void run(std::string_view format);

 private:
  // --- fmt.fmt -----------------------------------------------------------------------
  void write_padding(int n) {
    if (n <= 0) return;
    buf_.append(static_cast<size_t>(n), f_.zero && !f_.minus ? '0' : ' ');
  }
  void pad(std::string_view s) {
    if (!f_.wid_present || f_.wid == 0) {
      buf_ += s;
      return;
    }
    int width = f_.wid - static_cast<int>(rune_count(s));
    if (!f_.minus) {
      write_padding(width);
      buf_ += s;
    } else {
      buf_ += s;
      write_padding(width);
    }
  }
  void pad_no_zero(std::string_view s) {
    bool old = f_.zero;
    f_.zero = false;
    pad(s);
    f_.zero = old;
  }
  std::string_view truncate(std::string_view s) const {
    if (!f_.prec_present) return s;
    int n = f_.prec;
    for (size_t i = 0; i < s.size();) {
      if (--n < 0) return s.substr(0, i);
      i += goutf8::decode(s, i).width;
    }
    return s;
  }

  void fmt_integer(uint64_t u, int base, bool is_signed, char verb, std::string_view digits);
  void fmt_unicode(uint64_t u);
  void fmt_float(double v, char verb, int prec);
  void fmt_sx(std::string_view s, std::string_view digits);
  void fmt_q(std::string_view s);

  // --- fmt.pp ------------------------------------------------------------------------
  void print_arg(const Arg& a, char32_t verb);
  void print_int(int64_t v, char32_t verb);
  void print_float(double v, char32_t verb);
  void print_string(std::string_view s, char32_t verb);
  void print_big(std::string_view decimal, char32_t verb);
  void bad_verb(char32_t verb, const Arg* a);
  void write_rune(char32_t r) { goutf8::append(buf_, static_cast<uint32_t>(r)); }

  bool arg_number(int& arg_num, std::string_view format, size_t& i);
  bool int_from_arg(int& arg_num, int& out);

  std::span<const Arg> args_;
  std::string& buf_;
  Flags f_;
  bool reordered_ = false;
  bool good_arg_num_ = true;
};

void Printer::fmt_integer(uint64_t u, int base, bool is_signed, char verb, std::string_view digits) {
  bool negative = is_signed && static_cast<int64_t>(u) < 0;
  if (negative) u = ~u + 1;
  int prec = 0;
  if (f_.prec_present) {
    prec = f_.prec;
    if (prec == 0 && u == 0) {
      bool old = f_.zero;
      f_.zero = false;
      write_padding(f_.wid);
      f_.zero = old;
      return;
    }
  } else if (f_.zero && !f_.minus && f_.wid_present) {
    prec = f_.wid;
    if (negative || f_.plus || f_.space) --prec;
  }
  std::string rev;  // digits, least significant first
  do {
    rev += digits[u % static_cast<uint64_t>(base)];
    u /= static_cast<uint64_t>(base);
  } while (u != 0);
  while (static_cast<int>(rev.size()) < prec) rev += '0';
  if (f_.sharp) {
    if (base == 2) {
      rev += "b0";
    } else if (base == 8) {
      if (rev.back() != '0') rev += '0';
    } else if (base == 16) {
      rev += digits[16];
      rev += '0';
    }
  }
  if (verb == 'O') rev += "o0";
  if (negative) {
    rev += '-';
  } else if (f_.plus) {
    rev += '+';
  } else if (f_.space) {
    rev += ' ';
  }
  pad_no_zero(std::string(rev.rbegin(), rev.rend()));
}

void Printer::fmt_unicode(uint64_t u) {
  std::string hex;
  uint64_t v = u;
  do {
    hex.insert(hex.begin(), kUpper[v & 0xF]);
    v >>= 4;
  } while (v != 0);
  int prec = f_.prec_present && f_.prec > 4 ? f_.prec : 4;
  while (static_cast<int>(hex.size()) < prec) hex.insert(hex.begin(), '0');
  std::string out = "U+" + hex;
  if (f_.sharp && u <= 0x10FFFF && goutf8::valid_rune(static_cast<uint32_t>(u))) {
    std::string q = quote_rune(u, false);
    // Go appends the character only when strconv.IsPrint says so, which is exactly when
    // QuoteRune leaves it unescaped.
    if (q.size() > 2 && q[1] != '\\') {
      out += " '";
      goutf8::append(out, static_cast<uint32_t>(u));
      out += '\'';
    } else if (u == '\'' || u == '\\') {
      out += " '";
      out += static_cast<char>(u);
      out += '\'';
    }
  }
  pad_no_zero(out);
}

void Printer::fmt_float(double v, char verb, int prec) {
  if (f_.prec_present) prec = f_.prec;
  std::string num = "+" + format_float(v, verb, prec);
  if (num[1] == '-' || num[1] == '+') {
    num.erase(0, 1);
  } else {
    num[0] = '+';
  }
  if (f_.space && num[0] == '+' && !f_.plus) num[0] = ' ';
  if (num[1] == 'I' || num[1] == 'N') {
    if (num[1] == 'N' && !f_.space && !f_.plus) num.erase(0, 1);
    pad_no_zero(num);
    return;
  }
  if (f_.sharp && verb != 'b') {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') digits = prec == -1 ? 6 : prec;
    std::string tail;
    bool has_point = false, saw_nonzero = false;
    for (size_t i = 1; i < num.size(); ++i) {
      char c = num[i];
      if (c == '.') {
        has_point = true;
      } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substr(i);
        num.resize(i);
        break;
      } else {
        if (c != '0') saw_nonzero = true;
        if (saw_nonzero) --digits;
      }
    }
    if (!has_point) {
      if (num.size() == 2 && num[1] == '0') --digits;
      num += '.';
    }
    while (digits-- > 0) num += '0';
    num += tail;
  }
  if (f_.plus || num[0] != '+') {
    if (f_.zero && !f_.minus && f_.wid_present && f_.wid > static_cast<int>(num.size())) {
      buf_ += num[0];
      write_padding(f_.wid - static_cast<int>(num.size()));
      buf_.append(num, 1);
      return;
    }
    pad(num);
    return;
  }
  pad(std::string_view(num).substr(1));
}

void Printer::fmt_sx(std::string_view s, std::string_view digits) {
  size_t length = s.size();
  if (f_.prec_present && static_cast<size_t>(f_.prec) < length) length = static_cast<size_t>(f_.prec);
  int width = 2 * static_cast<int>(length);
  if (width > 0) {
    if (f_.space) {
      if (f_.sharp) width *= 2;
      width += static_cast<int>(length) - 1;
    } else if (f_.sharp) {
      width += 2;
    }
  } else {
    if (f_.wid_present) write_padding(f_.wid);
    return;
  }
  if (f_.wid_present && f_.wid > width && !f_.minus) write_padding(f_.wid - width);
  if (f_.sharp) {
    buf_ += '0';
    buf_ += digits[16];
  }
  for (size_t i = 0; i < length; ++i) {
    if (f_.space && i > 0) {
      buf_ += ' ';
      if (f_.sharp) {
        buf_ += '0';
        buf_ += digits[16];
      }
    }
    auto c = static_cast<unsigned char>(s[i]);
    buf_ += digits[c >> 4];
    buf_ += digits[c & 0xF];
  }
  if (f_.wid_present && f_.wid > width && f_.minus) write_padding(f_.wid - width);
}

void Printer::fmt_q(std::string_view s) {
  s = truncate(s);
  if (f_.sharp && can_backquote(s)) {
    pad("`" + std::string(s) + "`");
    return;
  }
  if (f_.plus) {
    pad(quote_ascii(s));
  } else {
    std::string quoted;
    append_go_quoted(quoted, s);
    pad(quoted);
  }
}

std::string_view type_name(const Arg& a) {
  switch (a.kind) {
    case Arg::Kind::kInt: return "int";
    case Arg::Kind::kBigInt: return "*big.Int";
    case Arg::Kind::kFloat: return "float64";
    case Arg::Kind::kString: return "string";
  }
  return "";
}

void Printer::bad_verb(char32_t verb, const Arg* a) {
  buf_ += "%!";
  write_rune(verb);
  buf_ += '(';
  if (a != nullptr) {
    buf_ += type_name(*a);
    buf_ += '=';
    print_arg(*a, 'v');
  } else {
    buf_ += "<nil>";
  }
  buf_ += ')';
}

void Printer::print_int(int64_t v, char32_t verb) {
  auto u = static_cast<uint64_t>(v);
  switch (verb) {
    case 'v':
    case 'd': fmt_integer(u, 10, true, static_cast<char>(verb), kLower); return;
    case 'b': fmt_integer(u, 2, true, 'b', kLower); return;
    case 'o':
    case 'O': fmt_integer(u, 8, true, static_cast<char>(verb), kLower); return;
    case 'x': fmt_integer(u, 16, true, 'x', kLower); return;
    case 'X': fmt_integer(u, 16, true, 'X', kUpper); return;
    case 'c': {
      std::string s;
      append_rune_of(s, u);
      pad(s);
      return;
    }
    case 'q': pad(quote_rune(u, f_.plus)); return;
    case 'U': fmt_unicode(u); return;
    default: {
      Arg a = Arg::of_int(v);
      bad_verb(verb, &a);
    }
  }
}

void Printer::print_float(double v, char32_t verb) {
  switch (verb) {
    case 'v': fmt_float(v, 'g', -1); return;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X': fmt_float(v, static_cast<char>(verb), -1); return;
    case 'f':
    case 'e':
    case 'E': fmt_float(v, static_cast<char>(verb), 6); return;
    case 'F': fmt_float(v, 'f', 6); return;
    default: {
      Arg a = Arg::of_float(v);
      bad_verb(verb, &a);
    }
  }
}

void Printer::print_string(std::string_view s, char32_t verb) {
  switch (verb) {
    case 'v':
      if (f_.sharp_v) {
        fmt_q(s);
      } else {
        pad(truncate(s));
      }
      return;
    case 's': pad(truncate(s)); return;
    case 'x': fmt_sx(s, kLower); return;
    case 'X': fmt_sx(s, kUpper); return;
    case 'q': fmt_q(s); return;
    default: {
      Arg a = Arg::of_string(std::string(s));
      bad_verb(verb, &a);
    }
  }
}

// math/big's (*Int).Format.
void Printer::print_big(std::string_view decimal, char32_t verb) {
  int base = 0;
  switch (verb) {
    case 'b': base = 2; break;
    case 'o':
    case 'O': base = 8; break;
    case 'd':
    case 's':
    case 'v': base = 10; break;
    case 'x':
    case 'X': base = 16; break;
    default:
      buf_ += "%!";
      write_rune(verb);
      buf_ += "(big.Int=";
      buf_ += decimal;
      buf_ += ')';
      return;
  }
  bool neg = !decimal.empty() && decimal[0] == '-';
  bool plus = f_.plus || f_.plus_v, sharp = f_.sharp || f_.sharp_v;
  std::string sign = neg ? "-" : plus ? "+" : f_.space ? " " : "";
  std::string prefix;
  if (sharp) {
    if (verb == 'b') prefix = "0b";
    if (verb == 'o') prefix = "0";
    if (verb == 'x') prefix = "0x";
    if (verb == 'X') prefix = "0X";
  }
  if (verb == 'O') prefix = "0o";
  mpz_t z;
  mpz_init_set_str(z, std::string(neg ? decimal.substr(1) : decimal).c_str(), 10);
  std::unique_ptr<char, void (*)(void*)> text(mpz_get_str(nullptr, base, z), std::free);
  mpz_clear(z);
  std::string digits = text.get();
  if (verb == 'X') {
    for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  int left = 0, zeros = 0, right = 0;
  if (f_.prec_present) {
    if (static_cast<int>(digits.size()) < f_.prec) {
      zeros = f_.prec - static_cast<int>(digits.size());
    } else if (digits == "0" && f_.prec == 0) {
      return;
    }
  }
  int length = static_cast<int>(sign.size() + prefix.size() + digits.size()) + zeros;
  if (f_.wid_present && length < f_.wid) {
    int d = f_.wid - length;
    if (f_.minus) {
      right = d;
    } else if (f_.zero && !f_.prec_present) {
      zeros = d;
    } else {
      left = d;
    }
  }
  buf_.append(static_cast<size_t>(left), ' ');
  buf_ += sign;
  buf_ += prefix;
  buf_.append(static_cast<size_t>(zeros), '0');
  buf_ += digits;
  buf_.append(static_cast<size_t>(right), ' ');
}

void Printer::print_arg(const Arg& a, char32_t verb) {
  if (verb == 'T') {
    pad(truncate(type_name(a)));
    return;
  }
  if (verb == 'p' && a.kind != Arg::Kind::kBigInt) {
    bad_verb(verb, &a);
    return;
  }
  switch (a.kind) {
    case Arg::Kind::kInt: print_int(a.i, verb); return;
    case Arg::Kind::kFloat: print_float(a.f, verb); return;
    case Arg::Kind::kString: print_string(a.text, verb); return;
    case Arg::Kind::kBigInt: print_big(a.text, verb); return;
  }
}

// parsenum: digits at format[i...], or nothing.
bool parse_num(std::string_view format, size_t& i, int& num) {
  num = 0;
  bool isnum = false;
  size_t start = i;
  for (; i < format.size() && format[i] >= '0' && format[i] <= '9'; ++i) {
    if (num > kMaxWidth || num < -kMaxWidth) {
      i = format.size();
      num = 0;
      return false;
    }
    num = num * 10 + (format[i] - '0');
    isnum = true;
  }
  (void)start;
  return isnum;
}

// argNumber: an explicit [n] at format[i].
bool Printer::arg_number(int& arg_num, std::string_view format, size_t& i) {
  if (i >= format.size() || format[i] != '[') return false;
  reordered_ = true;
  std::string_view rest = format.substr(i);
  size_t width = 1;
  bool ok = false;
  int index = 0;
  if (rest.size() >= 3) {
    for (size_t k = 1; k < rest.size(); ++k) {
      if (rest[k] != ']') continue;
      size_t j = 1;
      int n = 0;
      bool isnum = parse_num(rest.substr(0, k), j, n);
      width = k + 1;
      if (isnum && j == k) {
        ok = true;
        index = n - 1;
      }
      break;
    }
  }
  i += width;
  if (ok && index >= 0 && index < static_cast<int>(args_.size())) {
    arg_num = index;
    return true;
  }
  good_arg_num_ = false;
  return ok;
}

bool Printer::int_from_arg(int& arg_num, int& out) {
  out = 0;
  if (arg_num >= static_cast<int>(args_.size())) return false;
  const Arg& a = args_[static_cast<size_t>(arg_num)];
  ++arg_num;
  if (a.kind != Arg::Kind::kInt || a.i > kMaxWidth || a.i < -kMaxWidth) return false;
  out = static_cast<int>(a.i);
  return true;
}

void Printer::run(std::string_view format) {
  size_t end = format.size();
  int arg_num = 0;
  bool after_index = false;
  int num_args = static_cast<int>(args_.size());
  for (size_t i = 0; i < end;) {
    good_arg_num_ = true;
    size_t lasti = i;
    while (i < end && format[i] != '%') ++i;
    if (i > lasti) buf_.append(format, lasti, i - lasti);
    if (i >= end) break;
    ++i;
    f_ = Flags{};
    bool simple_done = false;
    for (; i < end; ++i) {
      char c = format[i];
      if (c == '#') {
        f_.sharp = true;
      } else if (c == '0') {
        f_.zero = true;
      } else if (c == '+') {
        f_.plus = true;
      } else if (c == '-') {
        f_.minus = true;
      } else if (c == ' ') {
        f_.space = true;
      } else {
        if (c >= 'a' && c <= 'z' && arg_num < num_args) {
          if (c == 'v') {
            f_.sharp_v = f_.sharp;
            f_.sharp = false;
            f_.plus_v = f_.plus;
            f_.plus = false;
          }
          print_arg(args_[static_cast<size_t>(arg_num)], static_cast<char32_t>(c));
          ++arg_num;
          ++i;
          simple_done = true;
        }
        break;
      }
    }
    if (simple_done) continue;

    after_index = arg_number(arg_num, format, i);
    if (i < end && format[i] == '*') {
      ++i;
      f_.wid_present = int_from_arg(arg_num, f_.wid);
      if (!f_.wid_present) buf_ += "%!(BADWIDTH)";
      if (f_.wid < 0) {
        f_.wid = -f_.wid;
        f_.minus = true;
        f_.zero = false;
      }
      after_index = false;
    } else {
      f_.wid_present = parse_num(format, i, f_.wid);
      if (after_index && f_.wid_present) good_arg_num_ = false;
    }
    if (i + 1 < end && format[i] == '.') {
      ++i;
      if (after_index) good_arg_num_ = false;
      after_index = arg_number(arg_num, format, i);
      if (i < end && format[i] == '*') {
        ++i;
        f_.prec_present = int_from_arg(arg_num, f_.prec);
        if (f_.prec < 0) {
          f_.prec = 0;
          f_.prec_present = false;
        }
        if (!f_.prec_present) buf_ += "%!(BADPREC)";
        after_index = false;
      } else {
        f_.prec_present = parse_num(format, i, f_.prec);
        if (!f_.prec_present) {
          f_.prec = 0;
          f_.prec_present = true;
        }
      }
    }
    if (!after_index) after_index = arg_number(arg_num, format, i);
    if (i >= end) {
      buf_ += "%!(NOVERB)";
      break;
    }
    goutf8::Rune verb = goutf8::decode(format, i);
    i += verb.width;
    auto v = static_cast<char32_t>(verb.r);
    if (v == '%') {
      buf_ += '%';
    } else if (!good_arg_num_) {
      buf_ += "%!";
      write_rune(v);
      buf_ += "(BADINDEX)";
    } else if (arg_num >= num_args) {
      buf_ += "%!";
      write_rune(v);
      buf_ += "(MISSING)";
    } else {
      if (v == 'v') {
        f_.sharp_v = f_.sharp;
        f_.sharp = false;
        f_.plus_v = f_.plus;
        f_.plus = false;
      }
      print_arg(args_[static_cast<size_t>(arg_num)], v);
      ++arg_num;
    }
  }
  if (!reordered_ && arg_num < num_args) {
    f_ = Flags{};
    buf_ += "%!(EXTRA ";
    for (int k = arg_num; k < num_args; ++k) {
      if (k > arg_num) buf_ += ", ";
      buf_ += type_name(args_[static_cast<size_t>(k)]);
      buf_ += '=';
      print_arg(args_[static_cast<size_t>(k)], 'v');
    }
    buf_ += ')';
  }
}

}  // namespace

std::string sprintf(std::string_view format, std::span<const Arg> args) {
  std::string out;
  sprintf_to(out, format, args);
  return out;
}

void sprintf_to(std::string& out, std::string_view format, std::span<const Arg> args) {
  Printer(args, out).run(format);
}

}  // namespace arcane::stdlib::gofmt
