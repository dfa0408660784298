// A file's tokens in a compact array, and the facts about them that the grammar cannot
// express without long lookahead or C++ in the grammar:
//  * the generated parser's two semantic predicates (is there whitespace, or a newline,
//    before a token), answered in O(1) from precomputed flags during ANTLR's prediction;
//  * the token retyping that settles OPA's backtracking decisions from a token's
//    neighbours (comprehension bars, explicit bodies and groups of `and`/`or`).
//
// The parser reads one statement at a time through a token window whose index 0 is the
// file's token `base`; every query takes a window index and adds `base`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace arcane::grammar {

// One token of the file, as the driver keeps it between statements (16 bytes).
struct Tok {
  uint32_t start = 0;  // byte offset of the first character
  uint32_t end = 0;    // byte offset one past the last character
  uint16_t type = 0;   // lexer token type, after keyword rewriting
  uint8_t flags = 0;   // kSpaceBefore | kNewlineBefore
  uint32_t match = 0;  // ( [ {: index of the matching closer, or the EOF index;
                       // CONST_TERM: index of its term in the folded constants
};

inline constexpr uint8_t kSpaceBefore = 1;    // whitespace or a comment precedes the token
inline constexpr uint8_t kNewlineBefore = 2;  // ... and it contains a newline

class TokenFacts {
 public:
  // The tokens of the file, ending with one EOF token.
  std::vector<Tok> toks;
  // Which operand forms of the logical keywords are enabled (by imports, see the driver).
  bool logical_keywords = false;  // `import future.keywords.and` / `.or`
  bool not_body = false;          // `import future.keywords.not`
  size_t base = 0;

  const Tok& at(size_t window_index) const;
  bool space_before(size_t window_index) const;
  bool newline_before(size_t window_index) const;

  // Retypes the brackets that open operands of the logical keywords: a `{` next to `and`/
  // `or` (or after `not` with `future.keywords.not`) becomes BODY_LBRACE, a `(` holding
  // `and`, `or` or `with` inside parentheses only becomes GROUP_LPAREN. Call after
  // match_brackets and keyword rewriting.
  void mark_logical_operands();

  // Retypes the `|` of each comprehension to COMPR_BAR, leaving the union operator a BAR,
  // deciding as OPA's parser does by backtracking: the `|` follows the first element of an
  // array, set or object literal, that element (the value, for objects) is a single term,
  // and the literal has no top-level comma (`[a | b, c]` is a list of a union).
  void mark_comprehension_bars();

  // Fills `match` for every bracket; call right after lexing (CONST_TERM tokens keep
  // theirs: it indexes the folded constants).
  void match_brackets();

  // Whether the `[` or `{` at i opens an array, set or object literal (as opposed to a
  // ref bracket `a[x]`, or a rule or `every` body `p {`).
  bool opens_collection(size_t i) const;

 private:
  bool starts_expression(size_t i) const;
  bool in_follows(size_t i, size_t end) const;
};

}  // namespace arcane::grammar
