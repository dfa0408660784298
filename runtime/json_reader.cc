// The JSON reader: a RapidJSON SAX handler that builds Values bottom-up.
//
// Open containers are frames on an explicit stack; finished children wait in two flat
// buffers (array elements, object entries) and are moved into one node when their
// container closes. Nodes come from a ValueArena, object keys from a KeyCache, and
// repeated record shapes are sorted once (ObjectShapes). UTF-8 is checked over the whole
// text before parsing, eight bytes at a time, instead of by RapidJSON per character.
// Together these make reading several times faster than the naive handler (measured in
// bench/json_read_bench.cc).
//
// RapidJSON 1.1 rejects numbers beyond double range ("1e400", 400-digit integers) even
// when asked for their text. JSON allows them and OPA keeps them, so on that error we
// parse again from a copy in which every number is blanked to "0" padded with spaces
// (offsets unchanged), and the handler takes the original texts in document order.
#include "runtime/json_reader.h"

// RapidJSON's SSE2 paths copy strings and skip whitespace 16 bytes at a time, but only
// over NUL-terminated input, and they read whole aligned blocks past the terminator
// (harmless, never across a page, but an error to AddressSanitizer): on for the
// std::string entry point, off in sanitized builds.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARCANE_ASAN 1
#endif
#endif
#if defined(__SSE2__) && !defined(__SANITIZE_ADDRESS__) && !defined(ARCANE_ASAN)
#define RAPIDJSON_SSE2
#endif

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cstring>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "runtime/intern.h"
#include "runtime/utf8.h"
#include "runtime/value_arena.h"
#include "runtime/value_builder.h"

namespace arcane::runtime::json_detail {

// Input over a string_view; RapidJSON sees '\0' at the end.
struct ViewStream {
  using Ch = char;
  const char* begin;
  const char* cur;
  const char* end;
  Ch Peek() const { return cur != end ? *cur : '\0'; }
  Ch Take() { return cur != end ? *cur++ : '\0'; }
  size_t Tell() const { return static_cast<size_t>(cur - begin); }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }
};

}  // namespace arcane::runtime::json_detail

// Lets RapidJSON keep the stream in registers instead of behind a reference.
template <>
struct rapidjson::StreamTraits<arcane::runtime::json_detail::ViewStream> {
  enum { copyOptimization = 1 };
};

namespace arcane::runtime {

namespace {

using json_detail::ViewStream;

struct OriginalNumber {
  std::string_view text;
  size_t offset;
};

struct Failure {
  std::string message;
  std::optional<size_t> offset;  // overrides RapidJSON's offset
};

class Handler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {
 public:
  Handler(size_t max_depth, std::deque<OriginalNumber>* originals)
      : max_depth_(max_depth), originals_(originals) {}

  bool Null() { return emit(Value()); }
  bool Bool(bool b) { return emit(Value::boolean(b)); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    std::string_view text(s, n);
    std::optional<size_t> offset;
    if (originals_ != nullptr && !originals_->empty()) {
      text = originals_->front().text;
      offset = originals_->front().offset;
      originals_->pop_front();
    }
    std::optional<Number> num = Number::from_text(text);
    if (!num) return fail("invalid number " + std::string(text.substr(0, 40)) + " (malformed or beyond limits)", offset);
    return emit(Value::from_number(std::move(*num)));
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (!well_formed({s, n})) return false;
    return emit(arena_.string({s, n}));
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (!well_formed({s, n})) return false;
    frames_.back().key = keys_.get({s, n});
    return true;
  }
  bool StartObject() { return open(true); }
  bool StartArray() { return open(false); }
  bool EndObject(rapidjson::SizeType n) {
    Value v = take_object(std::span<ObjectEntry>(entries_.data() + entries_.size() - n, n), &arena_, &shapes_);
    entries_.resize(entries_.size() - n);
    frames_.pop_back();
    return emit(std::move(v));
  }
  bool EndArray(rapidjson::SizeType n) {
    Value v = take_array(std::span<Value>(values_.data() + values_.size() - n, n), &arena_);
    values_.resize(values_.size() - n);
    frames_.pop_back();
    return emit(std::move(v));
  }

  Value& root() { return root_; }
  const std::optional<Failure>& failure() const { return failure_; }

 private:
  struct Frame {
    bool object;
    Value key;  // the key awaiting its value
  };

  bool open(bool object) {
    if (frames_.size() >= max_depth_) {
      return fail("nesting depth exceeds the limit of " + std::to_string(max_depth_), std::nullopt);
    }
    frames_.push_back({object, Value()});
    return true;
  }

  bool emit(Value v) {
    if (frames_.empty()) {
      root_ = std::move(v);
    } else if (frames_.back().object) {
      entries_.push_back({std::move(frames_.back().key), std::move(v)});
    } else {
      values_.push_back(std::move(v));
    }
    return true;
  }

  // The raw text is valid UTF-8, so a decoded string can only be ill-formed through a
  // \u escape of a lone low surrogate, which RapidJSON encodes as is (lone high ones it
  // rejects). Such encodings start with 0xED, so only strings holding one are checked.
  bool well_formed(std::string_view s) {
    if (s.empty() || std::memchr(s.data(), 0xED, s.size()) == nullptr) return true;
    if (find_invalid_utf8(s) == std::string_view::npos) return true;
    return fail("invalid UTF-16 surrogate in \\u escape", std::nullopt);
  }

  bool fail(std::string message, std::optional<size_t> offset) {
    failure_ = Failure{std::move(message), offset};
    return false;
  }

  size_t max_depth_;
  std::deque<OriginalNumber>* originals_;
  KeyCache keys_;
  ValueArena arena_;
  ObjectShapes shapes_;
  std::vector<Frame> frames_;
  std::vector<Value> values_;
  std::vector<ObjectEntry> entries_;
  Value root_;
  std::optional<Failure> failure_;
};

// UTF-8 is validated up front (find_invalid_utf8), much faster than RapidJSON's
// per-character check.
constexpr unsigned kFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseFullPrecisionFlag;

std::string describe(rapidjson::ParseErrorCode code, std::string_view text, size_t offset) {
  using namespace rapidjson;
  bool at_end = offset >= text.size();
  switch (code) {
    case kParseErrorDocumentEmpty: return "unexpected end of input: the document is empty";
    case kParseErrorDocumentRootNotSingular: return "unexpected data after the top-level value";
    case kParseErrorStringMissQuotationMark:
      return at_end ? "unexpected end of input: unterminated string" : "unterminated string";
    case kParseErrorStringEscapeInvalid:
      // RapidJSON reports a raw control character as an invalid escape.
      if (!at_end && static_cast<unsigned char>(text[offset]) < 0x20) return "control character in string";
      return "invalid escape in string";
    default: break;
  }
  if (at_end) return "unexpected end of input";
  switch (code) {
    case kParseErrorValueInvalid: return "invalid value";
    case kParseErrorObjectMissName: return "expected a string as object key";
    case kParseErrorObjectMissColon: return "expected ':' after object key";
    case kParseErrorObjectMissCommaOrCurlyBracket: return "expected ',' or '}' in object";
    case kParseErrorArrayMissCommaOrSquareBracket: return "expected ',' or ']' in array";
    case kParseErrorStringUnicodeEscapeInvalidHex: return "invalid hex digits in \\u escape";
    case kParseErrorStringUnicodeSurrogateInvalid: return "invalid UTF-16 surrogate in \\u escape";
    case kParseErrorNumberMissFraction: return "invalid number: missing digits after '.'";
    case kParseErrorNumberMissExponent: return "invalid number: missing exponent digits";
    default: return GetParseError_En(code);
  }
}

Diagnostic error_at(std::string_view text, size_t offset, const std::string& message, uint32_t file) {
  Diagnostic d;
  d.code = kJsonParseError;
  d.message = line_col_text(text, offset) + ": " + message;
  if (file != 0) d.location = Location{file, static_cast<uint32_t>(offset), 1};
  return d;
}

// The text with every number outside strings replaced by "0" and spaces; the originals
// are returned in document order.
std::string blank_numbers(std::string_view text, std::deque<OriginalNumber>& originals) {
  std::string out(text);
  bool in_string = false;
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      continue;
    }
    if (c != '-' && (c < '0' || c > '9')) continue;
    size_t j = i;
    while (j < out.size() && std::string_view("0123456789+-.eE").find(out[j]) != std::string_view::npos) ++j;
    originals.push_back({text.substr(i, j - i), i});
    out[i] = '0';
    for (size_t k = i + 1; k < j; ++k) out[k] = ' ';
    i = j - 1;
  }
  return out;
}

// One pass of RapidJSON over `text` (the original or its blanked copy).
struct Outcome {
  Value value;
  bool ok = false;
  bool number_too_big = false;  // RapidJSON's range limit: retry with blanked numbers
  size_t offset = 0;
  std::string message;
};

// `terminated`: text.data()[text.size()] is a readable NUL, so RapidJSON's own
// (SIMD-capable) string stream can be used.
Outcome run(std::string_view text, std::string_view original, const JsonReadOptions& options,
            std::deque<OriginalNumber>* originals, bool terminated) {
  Handler handler(options.max_depth, originals);
  rapidjson::Reader reader;
  rapidjson::ParseResult r;
  size_t consumed;
  if (terminated) {
    rapidjson::StringStream stream(text.data());
    r = reader.Parse<kFlags>(stream, handler);
    consumed = stream.Tell();
  } else {
    ViewStream stream{text.data(), text.data(), text.data() + text.size()};
    r = reader.Parse<kFlags>(stream, handler);
    consumed = stream.Tell();
  }
  Outcome out;
  if (r.IsError()) {
    out.number_too_big = r.Code() == rapidjson::kParseErrorNumberTooBig && originals == nullptr;
    const auto& f = handler.failure();
    if (r.Code() == rapidjson::kParseErrorTermination && f) {
      out.offset = f->offset.value_or(r.Offset());
      out.message = f->message;
    } else {
      out.offset = r.Offset();
      out.message = describe(r.Code(), original, r.Offset());
    }
  } else if (consumed != text.size()) {
    out.offset = consumed;
    out.message = "unexpected data after the top-level value";
  } else {
    out.ok = true;
    out.value = std::move(handler.root());
  }
  return out;
}

}  // namespace

std::string line_col_text(std::string_view text, size_t offset) {
  if (offset > text.size()) offset = text.size();
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') ++line, line_start = i + 1;
  }
  return std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

namespace {

Result<Value> parse(std::string_view text, const JsonReadOptions& options, bool terminated) {
  Outcome out = run(text, text, options, nullptr, terminated);
  if (out.number_too_big) {
    std::deque<OriginalNumber> originals;
    std::string blanked = blank_numbers(text, originals);
    out = run(blanked, text, options, &originals, true);
  }
  // Of a syntax error and bad UTF-8, report whichever comes first in the text.
  size_t bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos && (out.ok || bad <= out.offset)) {
    return error_at(text, bad, "invalid UTF-8", options.file);
  }
  if (!out.ok) return error_at(text, out.offset, out.message, options.file);
  return std::move(out.value);
}

}  // namespace

Result<Value> parse_json(std::string_view text, const JsonReadOptions& options) {
  return parse(text, options, false);
}

Result<Value> parse_json(const std::string& text, const JsonReadOptions& options) {
  return parse(text, options, true);
}

Result<Value> parse_json(const char* text, const JsonReadOptions& options) {
  return parse(text, options, true);
}

}  // namespace arcane::runtime
