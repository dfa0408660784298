// GraphQL parsers (see parser.h). The control flow copies gqlparser's: an error stops
// all further consumption (peek and next return the previous token), and a token the
// lexer refused is reported as "Unexpected <Invalid>" unless the parser consumes it, in
// which case the lexer's own message surfaces.
#include "stdlib/graphql/parser.h"

#include <functional>

#include "stdlib/graphql/lexer.h"
#include "stdlib/value_text.h"

namespace arcane::stdlib::graphql {

namespace {

class Parser {
 public:
  explicit Parser(std::string_view src) : lexer_(src) {}

  std::optional<Error> err;

  const Token& peek() {
    if (err) return prev_;
    if (!peeked_) {
      peek_ = lexer_.read();
      peeked_ = true;
    }
    return peek_;
  }
  Position peek_pos() {
    if (err) return {};
    return peek().pos;
  }
  Token next() {
    if (err) return prev_;
    if (peeked_) {
      peeked_ = false;
      prev_ = peek_;
    } else {
      prev_ = lexer_.read();
    }
    if (prev_.kind == TokenKind::kInvalid) err = Error{prev_.error, prev_.pos};
    return prev_;
  }
  const Token& prev() const { return prev_; }

  void error(const Token& tok, std::string message) {
    if (err) return;
    err = Error{std::move(message), tok.pos};
  }
  void unexpected(const Token& tok) { error(tok, "Unexpected " + tok.str()); }
  void unexpected() {
    Token t = peek();
    unexpected(t);
  }

  Token expect_keyword(const std::string& value) {
    Token tok = peek();
    if (tok.kind == TokenKind::kName && tok.value == value) return next();
    std::string q;
    append_go_quoted(q, value);
    error(tok, "Expected " + q + ", found " + tok.str());
    return tok;
  }
  Token expect(TokenKind kind) {
    Token tok = peek();
    if (tok.kind == kind) return next();
    error(tok, std::string("Expected ") + token_kind_text(kind) + ", found " + token_kind_text(tok.kind));
    return tok;
  }
  bool skip(TokenKind kind) {
    if (err) return false;
    if (peek().kind != kind) return false;
    next();
    return true;
  }
  void many(TokenKind start, TokenKind end, const std::function<void()>& cb) {
    if (!skip(start)) return;
    while (peek().kind != end && !err) cb();
    next();
  }
  void some(TokenKind start, TokenKind end, const std::function<void()>& cb) {
    if (!skip(start)) return;
    bool called = false;
    while (peek().kind != end && !err) {
      called = true;
      cb();
    }
    if (!called) {
      Token t = peek();
      error(t, std::string("expected at least one definition, found ") + token_kind_text(t.kind));
      return;
    }
    next();
  }

  // Depth guard: true when the nesting may go one level deeper.
  bool enter() {
    if (++depth_ <= kMaxDepth) return true;
    Token t = peek();
    error(t, "Exceeded the maximum nesting depth of " + std::to_string(kMaxDepth));
    return false;
  }
  void leave() { --depth_; }

  std::string parse_name() { return expect(TokenKind::kName).value; }

  // ---- shared ----
  ValuePtr parse_value(bool is_const);
  DirectiveList parse_directives(bool is_const);
  ArgumentList parse_arguments(bool is_const);
  TypePtr parse_type();
  std::string parse_operation_type();

  // ---- query ----
  void parse_query_document(QueryDocument& doc);
  std::shared_ptr<OperationDefinition> parse_operation();
  VariableDefinitionList parse_variable_definitions();
  SelectionSet parse_selection_set(bool required);
  SelectionPtr parse_selection();
  std::shared_ptr<FragmentDefinition> parse_fragment_definition();
  std::string parse_fragment_name();

  // ---- schema ----
  void parse_schema_document(SchemaDocument& doc);
  std::string parse_description();
  DefinitionPtr parse_type_definition(const std::string& description, bool extension);
  std::shared_ptr<SchemaDefinition> parse_schema_definition(const std::string& description, bool extension);
  std::shared_ptr<DirectiveDefinition> parse_directive_definition(const std::string& description);
  FieldList parse_fields(bool input);
  ArgumentDefinitionList parse_argument_defs();
  std::vector<std::string> parse_implements();
  std::vector<std::string> parse_union_members();
  void parse_extension(SchemaDocument& doc);

 private:
  Lexer lexer_;
  bool peeked_ = false;
  Token peek_;
  Token prev_;
  int depth_ = 0;
};

ValuePtr Parser::parse_value(bool is_const) {
  Token token = peek();
  auto v = std::make_shared<Value>();
  switch (token.kind) {
    case TokenKind::kBracketL:
    case TokenKind::kBraceL: {
      if (!enter()) return nullptr;
      bool list = token.kind == TokenKind::kBracketL;
      v->pos = peek_pos();
      v->kind = static_cast<int>(list ? ValueKind::kList : ValueKind::kObject);
      many(token.kind, list ? TokenKind::kBracketR : TokenKind::kBraceR, [&] {
        ChildValue c;
        if (!list) {
          c.pos = peek_pos();
          c.name = parse_name();
          expect(TokenKind::kColon);
        }
        c.value = parse_value(is_const);
        v->children.push_back(std::move(c));
      });
      leave();
      return v;
    }
    case TokenKind::kDollar:
      if (is_const) {
        unexpected();
        return nullptr;
      }
      v->pos = token.pos;
      expect(TokenKind::kDollar);
      v->raw = parse_name();
      v->kind = static_cast<int>(ValueKind::kVariable);
      return v;
    case TokenKind::kInt: v->kind = static_cast<int>(ValueKind::kInt); break;
    case TokenKind::kFloat: v->kind = static_cast<int>(ValueKind::kFloat); break;
    case TokenKind::kString: v->kind = static_cast<int>(ValueKind::kString); break;
    case TokenKind::kBlockString: v->kind = static_cast<int>(ValueKind::kBlock); break;
    case TokenKind::kName:
      v->kind = static_cast<int>(token.value == "true" || token.value == "false" ? ValueKind::kBoolean
                                 : token.value == "null"                         ? ValueKind::kNull
                                                                                 : ValueKind::kEnum);
      break;
    default:
      unexpected();
      return nullptr;
  }
  next();
  v->pos = token.pos;
  v->raw = token.value;
  return v;
}

DirectiveList Parser::parse_directives(bool is_const) {
  DirectiveList out;
  while (peek().kind == TokenKind::kAt) {
    if (err) break;
    expect(TokenKind::kAt);
    auto d = std::make_shared<Directive>();
    d->pos = peek_pos();
    d->name = parse_name();
    d->arguments = parse_arguments(is_const);
    out.push_back(std::move(d));
  }
  return out;
}

ArgumentList Parser::parse_arguments(bool is_const) {
  ArgumentList out;
  many(TokenKind::kParenL, TokenKind::kParenR, [&] {
    auto a = std::make_shared<Argument>();
    a->pos = peek_pos();
    a->name = parse_name();
    expect(TokenKind::kColon);
    a->value = parse_value(is_const);
    out.push_back(std::move(a));
  });
  return out;
}

TypePtr Parser::parse_type() {
  auto t = std::make_shared<Type>();
  if (skip(TokenKind::kBracketL)) {
    if (!enter()) return t;
    t->pos = peek_pos();
    t->elem = parse_type();
    expect(TokenKind::kBracketR);
    leave();
  } else {
    t->pos = peek_pos();
    t->named_type = parse_name();
  }
  if (skip(TokenKind::kBang)) {
    t->pos = peek_pos();
    t->non_null = true;
  }
  return t;
}

std::string Parser::parse_operation_type() {
  Token tok = next();
  if (tok.value == "query" || tok.value == "mutation" || tok.value == "subscription") return tok.value;
  unexpected(tok);
  return "";
}

// ---- query documents ----

void Parser::parse_query_document(QueryDocument& doc) {
  while (peek().kind != TokenKind::kEOF) {
    if (err) return;
    const Token& t = peek();
    if (t.kind == TokenKind::kName) {
      if (t.value == "query" || t.value == "mutation" || t.value == "subscription") {
        doc.operations.push_back(parse_operation());
      } else if (t.value == "fragment") {
        doc.fragments.push_back(parse_fragment_definition());
      } else {
        unexpected();
      }
    } else if (t.kind == TokenKind::kBraceL) {
      doc.operations.push_back(parse_operation());
    } else {
      unexpected();
    }
  }
}

std::shared_ptr<OperationDefinition> Parser::parse_operation() {
  auto op = std::make_shared<OperationDefinition>();
  op->pos = peek_pos();
  if (peek().kind == TokenKind::kBraceL) {
    op->operation = "query";
    op->selection_set = parse_selection_set(true);
    return op;
  }
  op->operation = parse_operation_type();
  if (peek().kind == TokenKind::kName) op->name = next().value;
  op->variable_definitions = parse_variable_definitions();
  op->directives = parse_directives(false);
  op->selection_set = parse_selection_set(true);
  return op;
}

VariableDefinitionList Parser::parse_variable_definitions() {
  VariableDefinitionList out;
  many(TokenKind::kParenL, TokenKind::kParenR, [&] {
    auto d = std::make_shared<VariableDefinition>();
    d->pos = peek_pos();
    expect(TokenKind::kDollar);
    d->variable = parse_name();
    expect(TokenKind::kColon);
    d->type = parse_type();
    if (skip(TokenKind::kEquals)) d->default_value = parse_value(true);
    d->directives = parse_directives(false);
    out.push_back(std::move(d));
  });
  return out;
}

SelectionSet Parser::parse_selection_set(bool required) {
  if (required && peek().kind != TokenKind::kBraceL) {
    Token t = peek();
    error(t, std::string("Expected {, found ") + token_kind_text(t.kind));
    return {};
  }
  SelectionSet out;
  if (!enter()) return out;
  some(TokenKind::kBraceL, TokenKind::kBraceR, [&] { out.push_back(parse_selection()); });
  leave();
  return out;
}

SelectionPtr Parser::parse_selection() {
  auto s = std::make_shared<Selection>();
  if (peek().kind == TokenKind::kSpread) {
    expect(TokenKind::kSpread);
    const Token& p = peek();
    if (p.kind == TokenKind::kName && p.value != "on") {
      s->kind = SelectionKind::kFragmentSpread;
      s->pos = peek_pos();
      s->name = parse_fragment_name();
      s->directives = parse_directives(false);
      return s;
    }
    s->kind = SelectionKind::kInlineFragment;
    s->pos = peek_pos();
    if (peek().value == "on") {
      next();
      s->type_condition = parse_name();
    }
    s->directives = parse_directives(false);
    s->selection_set = parse_selection_set(true);
    return s;
  }
  s->pos = peek_pos();
  s->alias = parse_name();
  s->name = skip(TokenKind::kColon) ? parse_name() : s->alias;
  s->arguments = parse_arguments(false);
  s->directives = parse_directives(false);
  if (peek().kind == TokenKind::kBraceL) s->selection_set = parse_selection_set(false);
  return s;
}

std::shared_ptr<FragmentDefinition> Parser::parse_fragment_definition() {
  auto f = std::make_shared<FragmentDefinition>();
  f->pos = peek_pos();
  expect_keyword("fragment");
  f->name = parse_fragment_name();
  f->variable_definition = parse_variable_definitions();
  expect_keyword("on");
  f->type_condition = parse_name();
  f->directives = parse_directives(false);
  f->selection_set = parse_selection_set(true);
  return f;
}

std::string Parser::parse_fragment_name() {
  if (peek().value == "on") {
    unexpected();
    return "";
  }
  return parse_name();
}

// ---- schema documents ----

std::string Parser::parse_description() {
  TokenKind k = peek().kind;
  if (k != TokenKind::kBlockString && k != TokenKind::kString) return "";
  return next().value;
}

void Parser::parse_schema_document(SchemaDocument& doc) {
  while (peek().kind != TokenKind::kEOF) {
    if (err) return;
    std::string description;
    TokenKind k = peek().kind;
    if (k == TokenKind::kBlockString || k == TokenKind::kString) description = parse_description();
    if (peek().kind != TokenKind::kName) {
      unexpected();
      return;
    }
    std::string v = peek().value;
    if (v == "scalar" || v == "type" || v == "interface" || v == "union" || v == "enum" || v == "input") {
      doc.definitions.push_back(parse_type_definition(description, false));
    } else if (v == "schema") {
      doc.schema.push_back(parse_schema_definition(description, false));
    } else if (v == "directive") {
      doc.directives.push_back(parse_directive_definition(description));
    } else if (v == "extend") {
      if (!description.empty()) unexpected(prev());
      parse_extension(doc);
    } else {
      unexpected();
      return;
    }
  }
}

std::shared_ptr<SchemaDefinition> Parser::parse_schema_definition(const std::string& description, bool extension) {
  expect_keyword("schema");
  auto def = std::make_shared<SchemaDefinition>();
  def->pos = peek_pos();
  def->description = description;
  def->directives = parse_directives(true);
  some(TokenKind::kBraceL, TokenKind::kBraceR, [&] {
    auto op = std::make_shared<OperationTypeDefinition>();
    op->pos = peek_pos();
    op->operation = parse_operation_type();
    expect(TokenKind::kColon);
    op->type = parse_name();
    def->operation_types.push_back(std::move(op));
  });
  if (extension && def->directives.empty() && def->operation_types.empty()) unexpected();
  return def;
}

std::vector<std::string> Parser::parse_implements() {
  std::vector<std::string> out;
  if (peek().value == "implements") {
    next();
    skip(TokenKind::kAmp);
    out.push_back(parse_name());
    while (skip(TokenKind::kAmp) && !err) out.push_back(parse_name());
  }
  return out;
}

std::vector<std::string> Parser::parse_union_members() {
  std::vector<std::string> out;
  if (skip(TokenKind::kEquals)) {
    skip(TokenKind::kPipe);
    out.push_back(parse_name());
    while (skip(TokenKind::kPipe) && !err) out.push_back(parse_name());
  }
  return out;
}

ArgumentDefinitionList Parser::parse_argument_defs() {
  ArgumentDefinitionList out;
  some(TokenKind::kParenL, TokenKind::kParenR, [&] {
    auto a = std::make_shared<ArgumentDefinition>();
    a->pos = peek_pos();
    a->description = parse_description();
    a->name = parse_name();
    expect(TokenKind::kColon);
    a->type = parse_type();
    if (skip(TokenKind::kEquals)) a->default_value = parse_value(true);
    a->directives = parse_directives(true);
    out.push_back(std::move(a));
  });
  return out;
}

FieldList Parser::parse_fields(bool input) {
  FieldList out;
  some(TokenKind::kBraceL, TokenKind::kBraceR, [&] {
    auto f = std::make_shared<FieldDefinition>();
    f->pos = peek_pos();
    f->description = parse_description();
    f->name = parse_name();
    if (!input) f->arguments = parse_argument_defs();
    expect(TokenKind::kColon);
    f->type = parse_type();
    if (input && skip(TokenKind::kEquals)) f->default_value = parse_value(true);
    f->directives = parse_directives(true);
    out.push_back(std::move(f));
  });
  return out;
}

// Type definitions and their extensions share a shape; an extension must add something.
DefinitionPtr Parser::parse_type_definition(const std::string& description, bool extension) {
  std::string keyword = peek().value;
  expect_keyword(keyword);
  auto def = std::make_shared<Definition>();
  def->pos = peek_pos();
  def->description = description;
  bool empty = false;
  if (keyword == "scalar") {
    def->kind = "SCALAR";
    def->name = parse_name();
    def->directives = parse_directives(true);
    empty = def->directives.empty();
  } else if (keyword == "type" || keyword == "interface") {
    def->kind = keyword == "type" ? "OBJECT" : "INTERFACE";
    def->name = parse_name();
    if (keyword == "type" || !extension) def->interfaces = parse_implements();
    def->directives = parse_directives(true);
    def->fields = parse_fields(false);
    empty = def->interfaces.empty() && def->directives.empty() && def->fields.empty();
  } else if (keyword == "union") {
    def->kind = "UNION";
    def->name = parse_name();
    def->directives = parse_directives(true);
    def->types = parse_union_members();
    empty = def->directives.empty() && def->types.empty();
  } else if (keyword == "enum") {
    def->kind = "ENUM";
    def->name = parse_name();
    def->directives = parse_directives(true);
    some(TokenKind::kBraceL, TokenKind::kBraceR, [&] {
      auto e = std::make_shared<EnumValueDefinition>();
      e->pos = peek_pos();
      e->description = parse_description();
      e->name = parse_name();
      e->directives = parse_directives(true);
      def->enum_values.push_back(std::move(e));
    });
    empty = def->directives.empty() && def->enum_values.empty();
  } else if (keyword == "input") {
    def->kind = "INPUT_OBJECT";
    def->name = parse_name();
    def->directives = parse_directives(!extension);
    def->fields = parse_fields(true);
    empty = def->directives.empty() && def->fields.empty();
  } else {
    unexpected();
    return def;
  }
  if (extension && empty) unexpected();
  return def;
}

void Parser::parse_extension(SchemaDocument& doc) {
  expect_keyword("extend");
  std::string v = peek().value;
  if (v == "schema") {
    doc.schema_extension.push_back(parse_schema_definition("", true));
  } else if (v == "scalar" || v == "type" || v == "interface" || v == "union" || v == "enum" || v == "input") {
    doc.extensions.push_back(parse_type_definition("", true));
  } else {
    unexpected();
  }
}

std::shared_ptr<DirectiveDefinition> Parser::parse_directive_definition(const std::string& description) {
  static const char* const kLocations[] = {
      "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
      "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
      "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION"};
  expect_keyword("directive");
  expect(TokenKind::kAt);
  auto def = std::make_shared<DirectiveDefinition>();
  def->pos = peek_pos();
  def->description = description;
  def->name = parse_name();
  def->arguments = parse_argument_defs();
  if (const Token& p = peek(); p.kind == TokenKind::kName && p.value == "repeatable") {
    def->is_repeatable = true;
    skip(TokenKind::kName);
  }
  expect_keyword("on");
  skip(TokenKind::kPipe);
  do {
    Token name = expect(TokenKind::kName);
    bool known = false;
    for (const char* l : kLocations) known = known || name.value == l;
    if (known) {
      def->locations.push_back(name.value);
    } else {
      unexpected(name);
      def->locations.emplace_back();
    }
  } while (skip(TokenKind::kPipe) && !err);
  return def;
}

}  // namespace

QueryParse parse_query(std::string_view source) {
  Parser p(source);
  QueryParse out;
  p.parse_query_document(out.doc);
  out.error = p.err;
  return out;
}

SchemaParse parse_schema(std::string_view source, bool built_in) {
  Parser p(source);
  SchemaParse out;
  p.parse_schema_document(out.doc);
  out.error = p.err;
  for (auto& d : out.doc.definitions) d->built_in = built_in;
  for (auto& d : out.doc.extensions) d->built_in = built_in;
  return out;
}

}  // namespace arcane::stdlib::graphql
