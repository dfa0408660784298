// json.patch(target, operations): RFC 6902 patches as OPA applies them
// (topdown/json.go over internal/edittree).
//
// OPA records the edits in an "edit tree" and renders the result at the end, and some
// of its answers come from that bookkeeping rather than from the RFC: descending into
// an array element by index looks the element up in the array as it was *before* any
// edit, so after a removal in an array a later path through that array reaches the
// wrong element. To give OPA's answers we keep the same bookkeeping: per array, which
// original elements are eliminated and which positions hold inserted values; per object
// and set, the keys that were replaced or deleted. Any failure (a bad operation, a path
// that does not exist, a failed "test") makes the result undefined, as in OPA; only a
// non-array operations operand is an error.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/value_builder.h"
#include "stdlib/families_encoding.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

bool is_composite(const Value& v) {
  return v.is_array() || v.is_object() || v.is_set();
}

class EditNode;

// A recorded child of an object or set (or an inserted array element): a scalar, an
// edit node for a composite, or a deletion.
struct Slot {
  bool deleted = false;
  Value scalar;
  std::unique_ptr<EditNode> node;
};

class EditNode {
 public:
  explicit EditNode(Value v) { reset(std::move(v)); }

  // Each returns false where OPA's edit tree returns an error.
  bool insert(const Value& key, const Value& value, EditNode** child);
  bool remove(const Value& key);
  bool unfold(std::span<const Value> path, EditNode** out);
  std::optional<Value> render() const;

  bool insert_at(std::span<const Value> path, const Value& value) {
    if (path.empty()) {
      reset(value);
      return true;
    }
    EditNode* dest = nullptr;
    EditNode* ignored = nullptr;
    return unfold(path.first(path.size() - 1), &dest) && dest->insert(path.back(), value, &ignored);
  }

  bool remove_at(std::span<const Value> path) {
    if (path.empty()) {
      if (!value_) return false;
      value_.reset();
      return true;
    }
    EditNode* dest = nullptr;
    return unfold(path.first(path.size() - 1), &dest) && dest->remove(path.back());
  }

  std::optional<Value> render_at(std::span<const Value> path) {
    EditNode* dest = nullptr;
    if (!unfold(path, &dest)) return std::nullopt;
    return dest->render();
  }

 private:
  void reset(Value v) {
    slots_.clear();
    items_.clear();
    if (v.is_array()) {
      eliminated_.assign(v.size(), false);
      inserted_.assign(v.size(), false);
    }
    value_ = std::move(v);
  }

  void collapse() {
    std::optional<Value> v = render();
    reset(*v);
  }

  static Slot make_slot(const Value& value) {
    Slot s;
    if (is_composite(value)) {
      s.node = std::make_unique<EditNode>(value);
    } else {
      s.scalar = value;
    }
    return s;
  }

  // Go's NewEditTree for a scalar child: a detached node.
  EditNode* detached(const Value& v) {
    scratch_.push_back(std::make_unique<EditNode>(v));
    return scratch_.back().get();
  }

  EditNode* child_of(Slot& s) { return s.node ? s.node.get() : detached(s.scalar); }

  bool insert_array(const Value& key, const Value& value, EditNode** child);
  bool remove_array(const Value& key);
  bool remove_fallback(const Value& key);

  std::optional<Value> value_;    // nullopt: deleted
  std::map<Value, Slot> slots_;   // objects and sets
  std::map<size_t, Slot> items_;  // arrays: values inserted at current positions
  std::vector<bool> eliminated_;  // arrays: original elements removed
  std::vector<bool> inserted_;    // arrays: current positions holding inserted values
  std::vector<std::unique_ptr<EditNode>> scratch_;
};

// Go's strconv.ParseInt(s, 10, 64).
std::optional<int64_t> parse_int(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  if (i == s.size()) return std::nullopt;
  __int128 v = 0;
  for (size_t j = i; j < s.size(); ++j) {
    if (s[j] < '0' || s[j] > '9') return std::nullopt;
    v = v * 10 + (s[j] - '0');
    if (v > (static_cast<__int128>(1) << 63)) return std::nullopt;
  }
  if (s[0] == '-') v = -v;
  if (v > INT64_MAX || v < INT64_MIN) return std::nullopt;
  return static_cast<int64_t>(v);
}

// The edit tree's toIndex.
std::optional<int64_t> to_index(size_t length, const Value& key) {
  if (key.is_number()) return literal_int(key.number());
  if (!key.is_string()) return std::nullopt;
  std::string_view s = key.string_view();
  if (s == "-") return static_cast<int64_t>(length);
  std::optional<int64_t> i = parse_int(s);
  if (!i || (s != "0" && s.starts_with('0'))) return std::nullopt;
  return i;
}

bool EditNode::insert(const Value& key, const Value& value, EditNode** child) {
  if (!value_) return false;
  if (value_->is_array()) return insert_array(key, value, child);
  if (value_->is_set()) {
    if (key != value) return false;
    if (is_composite(key)) collapse();
  } else if (!value_->is_object()) {
    return false;
  }
  Slot& s = slots_[key] = make_slot(value);
  *child = child_of(s);
  return true;
}

bool EditNode::insert_array(const Value& key, const Value& value, EditNode** child) {
  std::optional<int64_t> idx = to_index(inserted_.size(), key);
  if (!idx || *idx < 0 || static_cast<size_t>(*idx) > inserted_.size()) return false;
  auto at = static_cast<size_t>(*idx);
  std::map<size_t, Slot> shifted;
  for (auto& [i, s] : items_) shifted.emplace(i >= at ? i + 1 : i, std::move(s));
  items_ = std::move(shifted);
  inserted_.insert(inserted_.begin() + static_cast<std::ptrdiff_t>(at), true);
  Slot& s = items_[at] = make_slot(value);
  *child = child_of(s);
  return true;
}

bool EditNode::remove(const Value& key) {
  if (!value_) return false;
  if (value_->is_array()) return remove_array(key);
  if (value_->is_object()) {
    auto it = slots_.find(key);
    if (it == slots_.end()) return remove_fallback(key);
    if (it->second.deleted) return false;
    it->second = Slot{true, Value(), nullptr};
    return true;
  }
  if (!value_->is_set()) return false;
  if (is_composite(key)) {
    collapse();
  } else if (auto it = slots_.find(key); it != slots_.end() && !it->second.node) {
    if (it->second.deleted) return false;
    if (it->second.scalar == key) {
      it->second = Slot{true, Value(), nullptr};
      return true;
    }
  }
  return remove_fallback(key);
}

// A key not recorded yet: it must be in the value as it was.
bool EditNode::remove_fallback(const Value& key) {
  bool present = value_->is_object() ? value_->find(key) != nullptr : value_->contains(key);
  if (!present) return false;
  slots_[key] = Slot{true, Value(), nullptr};
  return true;
}

bool EditNode::remove_array(const Value& key) {
  std::optional<int64_t> idx = to_index(inserted_.size(), key);
  if (!idx || *idx < 0 || static_cast<size_t>(*idx) >= inserted_.size()) return false;
  auto at = static_cast<size_t>(*idx);
  items_.erase(at);
  std::map<size_t, Slot> shifted;
  for (auto& [i, s] : items_) shifted.emplace(i > at ? i - 1 : i, std::move(s));
  items_ = std::move(shifted);
  if (!inserted_[at]) {  // removes an original element: the n-th one still alive
    size_t n = 1;
    for (size_t i = 0; i < at; ++i) n += inserted_[i] ? 0 : 1;
    for (size_t i = 0, seen = 0; i < eliminated_.size(); ++i) {
      if (!eliminated_[i] && ++seen == n) {
        eliminated_[i] = true;
        break;
      }
    }
  }
  inserted_.erase(inserted_.begin() + static_cast<std::ptrdiff_t>(at));
  return true;
}

bool EditNode::unfold(std::span<const Value> path, EditNode** out) {
  if (path.empty()) {
    *out = this;
    return true;
  }
  if (!value_) return false;
  const Value& key = path[0];
  std::span<const Value> rest = path.subspan(1);
  EditNode* child = nullptr;
  if (value_->is_object() || value_->is_set()) {
    if (value_->is_set() && is_composite(key)) {
      collapse();
    } else if (auto it = slots_.find(key); it != slots_.end()) {
      if (it->second.deleted) return false;
      if (value_->is_object() || !it->second.node) return child_of(it->second)->unfold(rest, out);
    }
    const Value* found = value_->is_object() ? value_->find(key) : (value_->contains(key) ? &key : nullptr);
    if (found == nullptr) return false;
    Value v = *found;
    return insert(key, v, &child) && child->unfold(rest, out);
  }
  if (value_->is_array()) {
    std::optional<int64_t> idx = to_index(inserted_.size(), key);
    if (!idx) return false;
    if (*idx >= 0) {
      if (auto it = items_.find(static_cast<size_t>(*idx)); it != items_.end()) {
        return child_of(it->second)->unfold(rest, out);
      }
    }
    // OPA looks the index up in the array as it was before any edit.
    if (*idx < 0 || static_cast<size_t>(*idx) >= value_->size()) return false;
    Value original = value_->at(static_cast<size_t>(*idx));
    Value index = Value::integer(*idx);
    return remove(index) && insert(index, original, &child) && child->unfold(rest, out);
  }
  return false;
}

std::optional<Value> EditNode::render() const {
  if (!value_) return std::nullopt;
  const Value& v = *value_;
  auto rendered = [](const Slot& s) { return s.node ? *s.node->render() : s.scalar; };
  if (v.is_object()) {
    if (slots_.empty()) return v;
    runtime::ObjectBuilder out;
    for (const auto& [key, s] : slots_) {
      if (!s.deleted) out.insert(key, rendered(s));
    }
    for (auto entry : v.entries()) {
      if (slots_.find(entry.key) == slots_.end()) out.insert(entry.key, entry.value);
    }
    return out.build();
  }
  if (v.is_set()) {
    if (slots_.empty()) return v;
    runtime::SetBuilder out;
    for (const auto& [key, s] : slots_) {
      if (!s.deleted) out.insert(rendered(s));
    }
    for (const Value& e : v.elements()) {
      if (slots_.find(e) == slots_.end()) out.insert(e);
    }
    return out.build();
  }
  if (v.is_array()) {
    runtime::ArrayBuilder out(inserted_.size());
    size_t next = 0;
    for (size_t i = 0; i < inserted_.size(); ++i) {
      if (inserted_[i]) {
        out.push_back(rendered(items_.at(i)));
        continue;
      }
      while (next < eliminated_.size() && eliminated_[next]) ++next;
      if (next >= v.size()) break;  // inconsistent bookkeeping (OPA panics here)
      out.push_back(v.at(next++));
    }
    return out.build();
  }
  return v;
}

// OPA's parsePath for a patch's "path" or "from".
std::optional<std::vector<Value>> patch_path(const Value& path) {
  std::vector<Value> segments;
  if (path.is_array()) {
    segments.assign(path.elements().begin(), path.elements().end());
    return segments;
  }
  if (!path.is_string()) return std::nullopt;
  std::string_view p = path.string_view();
  if (p.empty()) return segments;
  p.remove_prefix(std::min(p.find_first_not_of('/'), p.size()));
  while (true) {
    size_t slash = p.find('/');
    std::string part(p.substr(0, slash));
    std::string s;
    for (size_t i = 0; i < part.size(); ++i) {
      if (part.compare(i, 2, "~1") == 0) {
        s.push_back('/');
        ++i;
      } else {
        s.push_back(part[i]);
      }
    }
    std::string unescaped;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s.compare(i, 2, "~0") == 0) {
        unescaped.push_back('~');
        ++i;
      } else {
        unescaped.push_back(s[i]);
      }
    }
    segments.push_back(Value::from_string(unescaped));
    if (slash == std::string_view::npos) break;
    p.remove_prefix(slash + 1);
  }
  return segments;
}

// One operation; false where OPA fails.
bool apply(EditNode& tree, const Value& op_object) {
  if (!op_object.is_object()) return false;
  const Value* op = op_object.find("op");
  if (op == nullptr || !op->is_string()) return false;
  std::string_view name = op->string_view();
  bool needs_from = name == "move" || name == "copy";
  bool needs_value = name == "add" || name == "replace" || name == "test";
  if (!needs_from && !needs_value && name != "remove") return false;
  const Value* path_value = op_object.find("path");
  const Value* from_value = needs_from ? op_object.find("from") : nullptr;
  const Value* value = needs_value ? op_object.find("value") : nullptr;
  if (path_value == nullptr || (needs_from && from_value == nullptr) || (needs_value && value == nullptr)) return false;
  std::optional<std::vector<Value>> path = patch_path(*path_value);
  if (!path) return false;
  if (name == "add") return tree.insert_at(*path, *value);
  if (name == "remove") return tree.remove_at(*path);
  if (name == "replace") return tree.remove_at(*path) && tree.insert_at(*path, *value);
  if (name == "test") {
    std::optional<Value> found = tree.render_at(*path);
    return found && *found == *value;
  }
  std::optional<std::vector<Value>> from = patch_path(*from_value);
  if (!from) return false;
  std::optional<Value> chunk = tree.render_at(*from);
  if (!chunk) return false;
  if (name == "move" && !tree.remove_at(*from)) return false;
  return tree.insert_at(*path, *chunk);
}

}  // namespace

BuiltinResult json_patch(BuiltinContext&, Args args) {
  if (!args[1].is_array()) return operand_type_error("json.patch", 2, args[1], {"array"});
  EditNode tree(args[0]);
  for (const Value& op : args[1].elements()) {
    if (!apply(tree, op)) return BuiltinResult::undefined();
  }
  std::optional<Value> result = tree.render();
  if (!result) return BuiltinResult::undefined();
  return *result;
}

}  // namespace arcane::stdlib::impl
