// GraphQL tokens, read the way gqlparser's lexer reads them.
//
// Positions count runes (Go's decoding: each byte of an ill-formed sequence is one rune);
// a string token's column is that of its first character after the opening quote, a
// block string's is computed against the line it ends on — both gqlparser quirks that
// show in OPA's error locations. A malformed token comes back as kind kInvalid with its
// own message; the parser reports it as "Unexpected <Invalid>" unless it consumes it.
#pragma once

#include <string>
#include <string_view>

#include "stdlib/graphql/ast.h"

namespace arcane::stdlib::graphql {

enum class TokenKind {
  kInvalid, kEOF, kBang, kDollar, kAmp, kParenL, kParenR, kSpread, kColon, kEquals, kAt,
  kBracketL, kBracketR, kBraceL, kBraceR, kPipe, kName, kInt, kFloat, kString, kBlockString,
};

// "<EOF>", "{", "Name", ... as gqlparser's Type.String().
const char* token_kind_text(TokenKind k);

struct Token {
  TokenKind kind = TokenKind::kInvalid;
  std::string value;
  Position pos;
  std::string error;  // for kInvalid: the lexer's message

  std::string str() const;  // `Name "foo"`, `{`, `<EOF>`
};

class Lexer {
 public:
  explicit Lexer(std::string_view input) : in_(input) {}
  Token read();

 private:
  Token make(TokenKind kind, std::string value) const;
  Token fail(std::string message) const;
  void skip_whitespace();
  void skip_comment();
  Token read_number();
  Token read_string();
  Token read_block_string();
  Token read_name();
  bool accept(char a, char b = 0);
  int accept_digits();
  std::string describe_next() const;

  std::string_view in_;
  size_t start_ = 0, end_ = 0;          // bytes
  int start_runes_ = 0, end_runes_ = 0;  // runes
  int line_ = 1;
  int line_start_runes_ = 0;
};

// Go's utf8.DecodeRuneInString: the code point and its width; an ill-formed byte
// decodes as U+FFFD of width 1.
std::pair<char32_t, size_t> decode_rune(std::string_view s, size_t i);
void append_utf8(std::string& out, char32_t r);  // Go's WriteRune (surrogates -> U+FFFD)

}  // namespace arcane::stdlib::graphql
