// The YAML reader: a yaml-cpp event handler that builds Values bottom-up, like the JSON
// reader, so no yaml-cpp node tree is ever built. Errors inside the handler are thrown as
// a local exception (yaml-cpp drives the parse and offers no other way to stop it) and
// caught at the entry point, so nothing escapes the public API.
#include "runtime/yaml_reader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <optional>
#include <streambuf>
#include <unordered_map>
#include <vector>

#include "runtime/intern.h"
#include "runtime/json_reader.h"
#include "runtime/utf8.h"
#include "runtime/value_arena.h"
#include "runtime/value_builder.h"
#include "runtime/yaml_scalar.h"

namespace arcane::runtime {

namespace {

using yaml_detail::Scalar;

struct YamlFailure {
  YAML::Mark mark;
  std::string message;
};

// An istream over the caller's text, without copying it.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view s) {
    char* p = const_cast<char*>(s.data());
    setg(p, p, p + s.size());
  }
};

class Handler : public YAML::EventHandler {
 public:
  explicit Handler(size_t max_depth) : max_depth_(max_depth) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Scalar s;
    s.type = Scalar::Type::kNull;
    on_scalar(mark, anchor, s);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    // The text is valid UTF-8, but a "\uD800" escape decodes to a surrogate.
    if (find_invalid_utf8(value) != std::string_view::npos) fail(mark, "invalid Unicode character escape code");
    // yaml-cpp tags plain scalars "?" and quoted or block ones "!".
    bool plain = tag != "!" && tag != "tag:yaml.org,2002:str";
    on_scalar(mark, anchor, yaml_detail::resolve_scalar(value, plain));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (expecting_key()) {
      auto it = scalar_anchors_.find(anchor);
      if (it == scalar_anchors_.end()) fail(mark, "unsupported map key: a collection");
      on_scalar(mark, 0, it->second);
      return;
    }
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) fail(mark, "unknown anchor");
    emit(mark, it->second);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor, false);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor, true);
  }
  void OnMapEnd() override { close(); }

  Value& root() { return root_; }

 private:
  struct Frame {
    bool is_map;
    YAML::anchor_t anchor;
    YAML::Mark mark;
    std::vector<Value> items;
    std::vector<ObjectEntry> entries;
    std::optional<Value> key;  // the key awaiting its value
    bool merge_next = false;   // the awaited value belongs to a `<<` key
  };

  [[noreturn]] static void fail(const YAML::Mark& mark, std::string message) {
    throw YamlFailure{mark, std::move(message)};
  }

  bool expecting_key() const {
    return !frames_.empty() && frames_.back().is_map && !frames_.back().key && !frames_.back().merge_next;
  }

  void on_scalar(const YAML::Mark& mark, YAML::anchor_t anchor, const Scalar& s) {
    std::optional<Value> v;
    if (!expecting_key() || anchor != 0) {
      v = yaml_detail::scalar_value(s);
      if (!v) fail(mark, "unsupported value: NaN and infinities have no JSON form");
    }
    if (anchor != 0) {
      scalar_anchors_[anchor] = s;
      anchors_[anchor] = *v;
    }
    if (!expecting_key()) {
      emit(mark, std::move(*v));
    } else if (s.type == Scalar::Type::kMerge) {
      frames_.back().merge_next = true;
    } else {
      std::optional<std::string> key = yaml_detail::scalar_key(s);
      if (!key) fail(mark, "unsupported map key: null or an integer beyond int64");
      frames_.back().key = keys_.get(*key);
    }
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, bool is_map) {
    if (expecting_key()) fail(mark, "unsupported map key: a collection");
    if (frames_.size() >= max_depth_) fail(mark, "nesting depth exceeds the limit of " + std::to_string(max_depth_));
    frames_.push_back(Frame{is_map, anchor, mark, {}, {}, std::nullopt, false});
  }

  void close() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    Value v = f.is_map ? take_object(f.entries, &arena_, &shapes_) : take_array(f.items, &arena_);
    if (f.anchor != 0) anchors_[f.anchor] = v;
    emit(f.mark, std::move(v));
  }

  void emit(const YAML::Mark& mark, Value v) {
    if (frames_.empty()) {
      root_ = std::move(v);
      return;
    }
    Frame& f = frames_.back();
    if (!f.is_map) {
      f.items.push_back(std::move(v));
    } else if (f.merge_next) {
      merge(mark, f, v);
      f.merge_next = false;
    } else {
      f.entries.push_back({std::move(*f.key), std::move(v)});
      f.key.reset();
    }
  }

  // `<<: map` or `<<: [map, ...]`; earlier maps in a list take precedence, and keys
  // written after the merge override it (go-yaml v2 applies entries in order).
  static void merge(const YAML::Mark& mark, Frame& f, const Value& v) {
    auto add = [&](const Value& m) {
      if (!m.is_object()) fail(mark, "map merge requires map or sequence of maps as the value");
      for (auto [key, value] : m.entries()) f.entries.push_back({key, value});
    };
    if (!v.is_array()) return add(v);
    auto elems = v.elements();
    for (size_t i = elems.size(); i-- > 0;) add(elems[i]);
  }

  size_t max_depth_;
  KeyCache keys_;
  ValueArena arena_;
  ObjectShapes shapes_;
  std::vector<Frame> frames_;
  std::unordered_map<YAML::anchor_t, Value> anchors_;
  std::unordered_map<YAML::anchor_t, Scalar> scalar_anchors_;
  Value root_;
};

Diagnostic text_error(std::string_view text, size_t offset, const std::string& message) {
  Diagnostic d;
  d.code = kYamlParseError;
  d.message = line_col_text(text, offset) + ": " + message;
  return d;
}

// YAML streams may hold tab, line feed and carriage return, but no other C0 control
// character and no DEL.
size_t find_control_character(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
  }
  return std::string_view::npos;
}

Diagnostic error_at(const YAML::Mark& mark, const std::string& message) {
  Diagnostic d;
  d.code = kYamlParseError;
  d.message = mark.is_null() ? message
                             : std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) + ": " + message;
  return d;
}

}  // namespace

Result<Value> parse_yaml(std::string_view text, const YamlReadOptions& options) {
  // go-yaml refuses ill-formed UTF-8 and control characters; yaml-cpp would pass the
  // first into strings and take NULs as a sign of UTF-16 or UTF-32 text.
  if (size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    return text_error(text, bad, "invalid UTF-8");
  }
  if (size_t bad = find_control_character(text); bad != std::string_view::npos) {
    return text_error(text, bad, "control characters are not allowed");
  }
  ViewBuf buf(text);
  std::istream in(&buf);
  Handler handler(options.max_depth);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(handler);
  } catch (const YamlFailure& f) {
    return error_at(f.mark, f.message);
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp 0.7 labels this "bad file"; it stops recursing at 500 of its own frames.
    return error_at(e.mark, "nesting depth exceeds the YAML parser's limit (" + std::to_string(e.depth()) +
                                " parser frames)");
  } catch (const YAML::Exception& e) {
    return error_at(e.mark, e.msg);
  } catch (const std::exception& e) {
    return error_at(YAML::Mark::null_mark(), e.what());
  }
  return std::move(handler.root());
}

}  // namespace arcane::runtime
