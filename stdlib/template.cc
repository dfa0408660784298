// strings.render_template(template, vars) (topdown/template.go): Go's text/template
// executed over the variables object, as OPA passes it (JSON values: strings, numbers
// as their text, booleans, null, arrays, string-keyed maps).
//
// The subset Rego policies use is here: text and actions with trim markers ({{- -}})
// and comments; pipelines of commands with `|`; operands `.`, `.a.b`, `$`, `$x.a`,
// string, number, boolean and nil literals, parenthesized pipelines; variable
// declarations and assignments; if / else if / else, range (over arrays and maps, with
// `$i, $e :=`, else, break, continue) and with; and the functions and, or, not, len,
// index, eq, ne, lt, le, gt, ge, print, println and printf (Go's fmt, as sprintf).
// Values print as Go's fmt prints them ([a b] for arrays, map[k:v] for maps); null
// prints "<no value>"; a key missing from a map prints "<undefined>", as OPA renders it.
// Not supported (an error): define, template, block and the html/js/urlquery/slice/call
// functions. Comparisons compare values as Rego does.
#include <memory>
#include <variant>

#include "runtime/value_builder.h"
#include "stdlib/families_strings.h"
#include "stdlib/operands.h"

namespace arcane::stdlib::impl {

namespace {

using runtime::Value;

constexpr std::string_view kName = "strings.render_template";

struct TemplateError {
  std::string message;
};

// --- values -----------------------------------------------------------------------

// A value during execution: data or a literal, or missing (a map had no such key).
struct Datum {
  enum class Kind { kMissing, kValue, kInt, kFloat };
  Kind kind = Kind::kMissing;
  Value v;          // kValue (data, string literals, booleans, null)
  int64_t i = 0;    // kInt literal
  double f = 0;     // kFloat literal

  static Datum of(Value v) { return Datum{Kind::kValue, std::move(v), 0, 0}; }
  static Datum of_bool(bool b) { return of(Value::boolean(b)); }
};

bool truth(const Datum& d) {
  switch (d.kind) {
    case Datum::Kind::kMissing: return false;
    case Datum::Kind::kInt: return d.i != 0;
    case Datum::Kind::kFloat: return d.f != 0;
    case Datum::Kind::kValue: break;
  }
  const Value& v = d.v;
  switch (v.kind()) {
    case runtime::Kind::kNull: return false;
    case runtime::Kind::kBoolean: return v.as_bool();
    case runtime::Kind::kNumber: return v.number().sign() != 0;
    case runtime::Kind::kString: return !v.string_view().empty();
    default: return v.size() != 0;
  }
}

Value as_value(const Datum& d) {
  switch (d.kind) {
    case Datum::Kind::kInt: return Value::integer(d.i);
    case Datum::Kind::kFloat: {
      std::optional<runtime::Number> n = runtime::Number::from_text(gofmt::format_float(d.f, 'g', -1));
      return n ? Value::from_number(*n) : Value::null();
    }
    case Datum::Kind::kValue: return d.v;
    case Datum::Kind::kMissing: break;
  }
  return Value::null();
}

// fmt's %v of a JSON value inside a container.
void append_nested(std::string& out, const Value& v) {
  switch (v.kind()) {
    case runtime::Kind::kNull: out += "<nil>"; return;
    case runtime::Kind::kBoolean: out += v.as_bool() ? "true" : "false"; return;
    case runtime::Kind::kNumber: v.number().append_to(out); return;
    case runtime::Kind::kString: out += v.string_view(); return;
    case runtime::Kind::kArray:
    case runtime::Kind::kSet: {
      out += '[';
      bool first = true;
      for (const Value& e : v.elements()) {
        if (!first) out += ' ';
        first = false;
        append_nested(out, e);
      }
      out += ']';
      return;
    }
    case runtime::Kind::kObject: {
      out += "map[";
      bool first = true;
      for (auto e : v.entries()) {
        if (!first) out += ' ';
        first = false;
        append_nested(out, e.key);
        out += ':';
        append_nested(out, e.value);
      }
      out += ']';
      return;
    }
  }
}

std::string text_of(const Datum& d) {
  switch (d.kind) {
    case Datum::Kind::kMissing: return "<undefined>";
    case Datum::Kind::kInt: return std::to_string(d.i);
    case Datum::Kind::kFloat: return gofmt::format_float(d.f, 'g', -1);
    case Datum::Kind::kValue: break;
  }
  if (d.v.is_null()) return "<no value>";
  std::string out;
  append_nested(out, d.v);
  return out;
}

gofmt::Arg fmt_arg(const Datum& d) {
  switch (d.kind) {
    case Datum::Kind::kInt: return gofmt::Arg::of_int(d.i);
    case Datum::Kind::kFloat: return gofmt::Arg::of_float(d.f);
    default: return gofmt::Arg::of_string(text_of(d));
  }
}

// --- syntax -----------------------------------------------------------------------

struct Pipeline;

struct Operand {
  enum class Kind { kDot, kVar, kString, kInt, kFloat, kBool, kNil, kFunc, kPipe };
  Kind kind = Kind::kDot;
  std::string name;                 // kVar: "$x"; kFunc: the function; kString: the text
  std::vector<std::string> fields;  // .a.b after the operand
  int64_t i = 0;
  double f = 0;
  bool b = false;
  std::shared_ptr<Pipeline> pipe;   // kPipe
};

struct Command {
  std::vector<Operand> args;
};

struct Pipeline {
  std::vector<std::string> vars;  // declared or assigned variables
  bool declare = false;
  std::vector<Command> cmds;
};

struct Node {
  enum class Kind { kText, kAction, kIf, kRange, kWith, kBreak, kContinue };
  Kind kind = Kind::kText;
  std::string text;
  Pipeline pipe;
  std::vector<Node> body, else_body;
};

class Parser {
 public:
  explicit Parser(std::string_view src) : src_(src) {}

  std::vector<Node> parse_all() {
    std::string_view stop;
    std::vector<Node> nodes = parse_list(stop);
    if (!stop.empty()) fail("unexpected {{" + std::string(stop) + "}}");
    return nodes;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const { throw TemplateError{"template: template: " + what}; }

  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

  // Reads text and actions until a control word that closes a list ("end", "else ..."),
  // returned in `stop` with the rest of its action in action_.
  std::vector<Node> parse_list(std::string_view& stop) {
    std::vector<Node> nodes;
    for (;;) {
      size_t open = src_.find("{{", pos_);
      std::string_view text = src_.substr(pos_, open == std::string_view::npos ? std::string_view::npos : open - pos_);
      if (trim_next_) {
        while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
        trim_next_ = false;
      }
      if (open == std::string_view::npos) {
        if (!text.empty()) nodes.push_back(Node{Node::Kind::kText, std::string(text), {}, {}, {}});
        pos_ = src_.size();
        stop = {};
        return nodes;
      }
      size_t inner = open + 2;
      if (src_.size() > inner + 1 && src_[inner] == '-' && is_space(src_[inner + 1])) {
        while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
        inner += 2;
      }
      if (!text.empty()) nodes.push_back(Node{Node::Kind::kText, std::string(text), {}, {}, {}});
      size_t close = find_close(inner);
      std::string_view action = src_.substr(inner, close - inner);
      pos_ = close + 2;
      if (action.size() >= 1 && action.back() == '-' && action.size() >= 2 && is_space(action[action.size() - 2])) {
        action.remove_suffix(1);
        trim_next_ = true;
      }
      while (!action.empty() && is_space(action.front())) action.remove_prefix(1);
      while (!action.empty() && is_space(action.back())) action.remove_suffix(1);
      if (action.starts_with("/*")) continue;  // a comment
      std::string_view word = action.substr(0, action.find_first_of(" \t\r\n("));
      std::string_view rest = action.substr(word.size());
      if (word == "end" || word == "else") {
        stop = word;
        action_ = rest;
        return nodes;
      }
      if (word == "if" || word == "range" || word == "with") {
        nodes.push_back(parse_control(word, rest));
      } else if (word == "break" || word == "continue") {
        nodes.push_back(Node{word == "break" ? Node::Kind::kBreak : Node::Kind::kContinue, {}, {}, {}, {}});
      } else if (word == "define" || word == "template" || word == "block") {
        fail("\"" + std::string(word) + "\" is not supported");
      } else {
        Node n{Node::Kind::kAction, {}, parse_pipeline(action), {}, {}};
        nodes.push_back(std::move(n));
      }
    }
  }

  size_t find_close(size_t from) const {
    bool in_string = false;
    char quote = 0;
    for (size_t i = from; i < src_.size(); ++i) {
      char c = src_[i];
      if (in_string) {
        if (c == '\\' && quote == '"') {
          ++i;
        } else if (c == quote) {
          in_string = false;
        }
      } else if (c == '"' || c == '`' || c == '\'') {
        in_string = true;
        quote = c;
      } else if (c == '}' && i + 1 < src_.size() && src_[i + 1] == '}') {
        return i;
      }
    }
    fail("unclosed action");
  }

  Node parse_control(std::string_view word, std::string_view rest) {
    Node n;
    n.kind = word == "if" ? Node::Kind::kIf : word == "range" ? Node::Kind::kRange : Node::Kind::kWith;
    n.pipe = parse_pipeline(rest);
    std::string_view stop;
    n.body = parse_list(stop);
    if (stop.empty()) fail("unexpected EOF");
    if (stop == "else") {
      std::string_view after(action_);
      while (!after.empty() && is_space(after.front())) after.remove_prefix(1);
      std::string_view next = after.substr(0, after.find_first_of(" \t\r\n("));
      if ((next == "if" && n.kind == Node::Kind::kIf) || (next == "with" && n.kind == Node::Kind::kWith)) {
        // else if / else with: a nested control that shares our {{end}}.
        n.else_body.push_back(parse_control(next, after.substr(next.size())));
        return n;
      }
      n.else_body = parse_list(stop);
      if (stop != "end") fail("expected end; found " + std::string(stop.empty() ? "EOF" : stop));
    }
    return n;
  }

  // --- pipelines ---

  Pipeline parse_pipeline(std::string_view text) {
    Pipeline p;
    tokens_ = tokenize(text);
    at_ = 0;
    // Declarations: $x := / $x = / $i, $e :=
    size_t save = at_;
    std::vector<std::string> vars;
    while (at_ < tokens_.size() && tokens_[at_].starts_with("$")) {
      vars.push_back(tokens_[at_++]);
      if (at_ < tokens_.size() && tokens_[at_] == ",") {
        ++at_;
        continue;
      }
      break;
    }
    if (!vars.empty() && at_ < tokens_.size() && (tokens_[at_] == ":=" || tokens_[at_] == "=")) {
      p.declare = tokens_[at_] == ":=";
      p.vars = vars;
      ++at_;
    } else {
      at_ = save;
    }
    p.cmds = parse_commands(false);
    if (at_ != tokens_.size()) fail("unexpected \"" + tokens_[at_] + "\" in command");
    if (p.cmds.empty()) fail("missing value for command");
    return p;
  }

  std::vector<Command> parse_commands(bool in_parens) {
    std::vector<Command> cmds;
    Command cmd;
    while (at_ < tokens_.size()) {
      const std::string& t = tokens_[at_];
      if (t == ")") {
        if (!in_parens) fail("unexpected right paren");
        break;
      }
      if (t == "|") {
        if (cmd.args.empty()) fail("missing value for command");
        cmds.push_back(std::move(cmd));
        cmd = Command{};
        ++at_;
        continue;
      }
      cmd.args.push_back(parse_operand());
    }
    if (!cmd.args.empty()) cmds.push_back(std::move(cmd));
    return cmds;
  }

  Operand parse_operand() {
    const std::string t = tokens_[at_++];
    Operand o;
    auto fields_of = [](std::string_view chain, std::vector<std::string>& out) {
      while (!chain.empty()) {
        chain.remove_prefix(1);  // '.'
        size_t next = chain.find('.');
        out.emplace_back(chain.substr(0, next));
        chain = next == std::string_view::npos ? std::string_view() : chain.substr(next);
      }
    };
    if (t == "(") {
      o.kind = Operand::Kind::kPipe;
      o.pipe = std::make_shared<Pipeline>();
      o.pipe->cmds = parse_commands(true);
      if (at_ >= tokens_.size() || tokens_[at_] != ")") fail("unclosed left paren");
      ++at_;
      if (at_ < tokens_.size() && tokens_[at_].starts_with(".") && tokens_[at_].size() > 1) {
        fields_of(tokens_[at_++], o.fields);
      }
      return o;
    }
    if (t[0] == '.') {
      o.kind = Operand::Kind::kDot;
      if (t.size() > 1) fields_of(t, o.fields);
      return o;
    }
    if (t[0] == '$') {
      o.kind = Operand::Kind::kVar;
      size_t dot = t.find('.');
      o.name = t.substr(0, dot);
      if (dot != std::string::npos) fields_of(std::string_view(t).substr(dot), o.fields);
      return o;
    }
    if (t[0] == '"' || t[0] == '`') {
      o.kind = Operand::Kind::kString;
      o.name = unquote(t);
      return o;
    }
    if (t == "true" || t == "false") {
      o.kind = Operand::Kind::kBool;
      o.b = t == "true";
      return o;
    }
    if (t == "nil") {
      o.kind = Operand::Kind::kNil;
      return o;
    }
    if ((t[0] >= '0' && t[0] <= '9') || t[0] == '-' || t[0] == '+' || t[0] == '.') {
      char* end = nullptr;
      long long i = std::strtoll(t.c_str(), &end, 0);
      if (*end == '\0') {
        o.kind = Operand::Kind::kInt;
        o.i = i;
        return o;
      }
      double f = std::strtod(t.c_str(), &end);
      if (*end != '\0') fail("bad number syntax: \"" + t + "\"");
      o.kind = Operand::Kind::kFloat;
      o.f = f;
      return o;
    }
    o.kind = Operand::Kind::kFunc;
    o.name = t;
    return o;
  }

  std::string unquote(const std::string& t) const {
    if (t[0] == '`') return t.substr(1, t.size() - 2);
    std::string out;
    for (size_t i = 1; i + 1 < t.size(); ++i) {
      char c = t[i];
      if (c != '\\') {
        out += c;
        continue;
      }
      char e = t[++i];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '\\': out += '\\'; break;
        case '"': out += '"'; break;
        default: out += '\\'; out += e;
      }
    }
    return out;
  }

  std::vector<std::string> tokenize(std::string_view s) const {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
      char c = s[i];
      if (is_space(c)) {
        ++i;
      } else if (c == '(' || c == ')' || c == '|' || c == ',') {
        out.emplace_back(1, c);
        ++i;
      } else if (c == ':' && i + 1 < s.size() && s[i + 1] == '=') {
        out.emplace_back(":=");
        i += 2;
      } else if (c == '=') {
        out.emplace_back("=");
        ++i;
      } else if (c == '"' || c == '`') {
        size_t j = i + 1;
        while (j < s.size() && s[j] != c) j += (c == '"' && s[j] == '\\') ? 2 : 1;
        if (j >= s.size()) fail("unterminated quoted string");
        out.emplace_back(s.substr(i, j + 1 - i));
        i = j + 1;
      } else {
        size_t j = i;
        while (j < s.size() && !is_space(s[j]) && s[j] != '(' && s[j] != ')' && s[j] != '|' && s[j] != ',' &&
               s[j] != '=' && !(s[j] == ':' && j + 1 < s.size() && s[j + 1] == '=')) {
          ++j;
        }
        out.emplace_back(s.substr(i, j - i));
        i = j;
      }
    }
    return out;
  }

  std::string_view src_;
  size_t pos_ = 0;
  bool trim_next_ = false;
  std::string_view action_;
  std::vector<std::string> tokens_;
  size_t at_ = 0;
};

// --- execution --------------------------------------------------------------------

enum class Flow { kNormal, kBreak, kContinue };

class Executor {
 public:
  explicit Executor(const Value& root) { vars_.push_back({"$", Datum::of(root)}); }

  Flow run(const std::vector<Node>& nodes, const Datum& dot, std::string& out) {
    for (const Node& n : nodes) {
      Flow f = run_node(n, dot, out);
      if (f != Flow::kNormal) return f;
    }
    return Flow::kNormal;
  }

 private:
  [[noreturn]] static void fail(const std::string& what) { throw TemplateError{"template: template: " + what}; }

  Flow run_node(const Node& n, const Datum& dot, std::string& out) {
    switch (n.kind) {
      case Node::Kind::kText: out += n.text; return Flow::kNormal;
      case Node::Kind::kBreak: return Flow::kBreak;
      case Node::Kind::kContinue: return Flow::kContinue;
      case Node::Kind::kAction: {
        Datum d = pipeline(n.pipe, dot);
        if (n.pipe.vars.empty()) out += text_of(d);
        return Flow::kNormal;
      }
      case Node::Kind::kIf:
      case Node::Kind::kWith: {
        size_t mark = vars_.size();
        Datum d = pipeline(n.pipe, dot);
        Flow f = Flow::kNormal;
        if (truth(d)) {
          f = run(n.body, n.kind == Node::Kind::kWith ? d : dot, out);
        } else {
          f = run(n.else_body, dot, out);
        }
        vars_.resize(mark);
        return f;
      }
      case Node::Kind::kRange: return run_range(n, dot, out);
    }
    return Flow::kNormal;
  }

  Flow run_range(const Node& n, const Datum& dot, std::string& out) {
    size_t mark = vars_.size();
    Pipeline p = n.pipe;
    std::vector<std::string> names = p.vars;
    p.vars.clear();
    Datum d = pipeline(p, dot);
    Value v = as_value(d);
    auto iterate = [&](const Datum& key, const Datum& elem) {
      size_t inner = vars_.size();
      if (names.size() == 1) vars_.push_back({names[0], elem});
      if (names.size() == 2) {
        vars_.push_back({names[0], key});
        vars_.push_back({names[1], elem});
      }
      Flow f = run(n.body, elem, out);
      vars_.resize(inner);
      return f;
    };
    bool any = false;
    if (d.kind == Datum::Kind::kInt) {
      for (int64_t i = 0; i < d.i; ++i) {
        any = true;
        Datum k;
        k.kind = Datum::Kind::kInt;
        k.i = i;
        if (iterate(k, k) == Flow::kBreak) break;
      }
    } else if (v.is_array() || v.is_set()) {
      int64_t i = 0;
      for (const Value& e : v.elements()) {
        any = true;
        Datum k;
        k.kind = Datum::Kind::kInt;
        k.i = i++;
        if (iterate(k, Datum::of(e)) == Flow::kBreak) break;
      }
    } else if (v.is_object()) {
      for (auto e : v.entries()) {
        any = true;
        if (iterate(Datum::of(e.key), Datum::of(e.value)) == Flow::kBreak) break;
      }
    } else if (d.kind != Datum::Kind::kMissing && !v.is_null()) {
      fail("range can't iterate over " + text_of(d));
    }
    if (!any) run(n.else_body, dot, out);
    vars_.resize(mark);
    return Flow::kNormal;
  }

  Datum pipeline(const Pipeline& p, const Datum& dot) {
    Datum value;
    bool have = false;
    for (const Command& c : p.cmds) {
      value = command(c, dot, have ? &value : nullptr);
      have = true;
    }
    for (const std::string& name : p.vars) {
      if (p.declare) {
        vars_.push_back({name, value});
      } else {
        lookup(name) = value;
      }
    }
    return value;
  }

  Datum& lookup(const std::string& name) {
    for (size_t i = vars_.size(); i-- > 0;) {
      if (vars_[i].first == name) return vars_[i].second;
    }
    fail("undefined variable: " + name);
  }

  static Datum fields(Datum d, const std::vector<std::string>& chain) {
    for (const std::string& f : chain) {
      if (d.kind != Datum::Kind::kValue) return Datum{};
      if (d.v.is_object()) {
        const Value* v = d.v.find(f);
        if (v == nullptr) return Datum{};
        d = Datum::of(*v);
      } else if (d.v.is_null()) {
        return Datum{};
      } else {
        fail("can't evaluate field " + f + " in type " + runtime::kind_name(d.v.kind()));
      }
    }
    return d;
  }

  Datum operand(const Operand& o, const Datum& dot) {
    switch (o.kind) {
      case Operand::Kind::kDot: return fields(dot, o.fields);
      case Operand::Kind::kVar: return fields(lookup(o.name), o.fields);
      case Operand::Kind::kString: return Datum::of(Value::from_string(o.name));
      case Operand::Kind::kBool: return Datum::of_bool(o.b);
      case Operand::Kind::kNil: return Datum::of(Value::null());
      case Operand::Kind::kInt: {
        Datum d;
        d.kind = Datum::Kind::kInt;
        d.i = o.i;
        return d;
      }
      case Operand::Kind::kFloat: {
        Datum d;
        d.kind = Datum::Kind::kFloat;
        d.f = o.f;
        return d;
      }
      case Operand::Kind::kPipe: {
        size_t mark = vars_.size();
        Datum d = pipeline(*o.pipe, dot);
        vars_.resize(mark);
        return fields(d, o.fields);
      }
      case Operand::Kind::kFunc: return call(o.name, {}, dot);
    }
    return Datum{};
  }

  Datum command(const Command& c, const Datum& dot, const Datum* piped) {
    const Operand& first = c.args[0];
    if (first.kind != Operand::Kind::kFunc) {
      if (c.args.size() > 1 || piped != nullptr) fail("can't give argument to non-function");
      return operand(first, dot);
    }
    std::vector<Datum> args;
    for (size_t i = 1; i < c.args.size(); ++i) args.push_back(operand(c.args[i], dot));
    if (piped != nullptr) args.push_back(*piped);
    return call(first.name, std::move(args), dot);
  }

  static int compare_data(const Datum& a, const Datum& b) {
    return compare(as_value(a), as_value(b));
  }

  Datum call(const std::string& name, std::vector<Datum> args, const Datum&) {
    auto need = [&](size_t n) {
      if (args.size() < n) fail("wrong number of args for " + name);
    };
    if (name == "and" || name == "or") {
      need(1);
      for (const Datum& a : args) {
        if (truth(a) != (name == "and")) return a;
      }
      return args.back();
    }
    if (name == "not") {
      need(1);
      return Datum::of_bool(!truth(args[0]));
    }
    if (name == "len") {
      need(1);
      Value v = as_value(args[0]);
      Datum d;
      d.kind = Datum::Kind::kInt;
      if (v.is_string()) {
        d.i = static_cast<int64_t>(v.string_view().size());
      } else if (v.is_array() || v.is_object() || v.is_set()) {
        d.i = static_cast<int64_t>(v.size());
      } else {
        fail("error calling len: len of type " + std::string(runtime::kind_name(v.kind())));
      }
      return d;
    }
    if (name == "index") {
      need(1);
      Datum d = args[0];
      for (size_t i = 1; i < args.size(); ++i) {
        Value c = as_value(d), k = as_value(args[i]);
        if (c.is_object()) {
          const Value* v = c.find(k);
          d = v != nullptr ? Datum::of(*v) : Datum{};
        } else if (c.is_array() && k.is_number()) {
          std::optional<int64_t> at = k.number().to_int64();
          if (!at || *at < 0 || static_cast<size_t>(*at) >= c.size()) fail("error calling index: index out of range");
          d = Datum::of(c.at(static_cast<size_t>(*at)));
        } else {
          fail("error calling index: can't index item of type " + std::string(runtime::kind_name(c.kind())));
        }
      }
      return d;
    }
    if (name == "eq") {
      need(2);
      for (size_t i = 1; i < args.size(); ++i) {
        if (compare_data(args[0], args[i]) == 0) return Datum::of_bool(true);
      }
      return Datum::of_bool(false);
    }
    if (name == "ne" || name == "lt" || name == "le" || name == "gt" || name == "ge") {
      need(2);
      int c = compare_data(args[0], args[1]);
      bool r = name == "ne" ? c != 0 : name == "lt" ? c < 0 : name == "le" ? c <= 0 : name == "gt" ? c > 0 : c >= 0;
      return Datum::of_bool(r);
    }
    if (name == "print" || name == "println") {
      std::string out;
      for (size_t i = 0; i < args.size(); ++i) {
        bool is_string = args[i].kind == Datum::Kind::kValue && args[i].v.is_string();
        bool prev_string = i > 0 && args[i - 1].kind == Datum::Kind::kValue && args[i - 1].v.is_string();
        if (i > 0 && (name == "println" || (!is_string && !prev_string))) out += ' ';
        out += args[i].kind == Datum::Kind::kValue && args[i].v.is_null() ? "<nil>" : text_of(args[i]);
      }
      if (name == "println") out += '\n';
      return Datum::of(Value::from_string(out));
    }
    if (name == "printf") {
      need(1);
      std::vector<gofmt::Arg> fmt_args;
      for (size_t i = 1; i < args.size(); ++i) fmt_args.push_back(fmt_arg(args[i]));
      return Datum::of(Value::from_string(gofmt::sprintf(text_of(args[0]), fmt_args)));
    }
    fail("function \"" + name + "\" not defined");
  }

  std::vector<std::pair<std::string, Datum>> vars_;
};

}  // namespace

BuiltinResult strings_render_template(BuiltinContext&, Args args) {
  if (!args[0].is_string()) return operand_type_error(kName, 1, args[0], {"string"});
  if (!args[1].is_object()) return operand_type_error(kName, 2, args[1], {"object"});
  try {
    std::vector<Node> nodes = Parser(args[0].string_view()).parse_all();
    std::string out;
    Executor exec(args[1]);
    exec.run(nodes, Datum::of(args[1]), out);
    return Value::from_string(out);
  } catch (const TemplateError& e) {
    return builtin_error(kName, e.message);
  }
}

}  // namespace arcane::stdlib::impl
