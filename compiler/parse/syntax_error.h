// Syntax errors: how the parser stops at the first error of a statement, and how that
// error becomes an OPA-style message.
//
// ANTLR's default recovery invents tokens and reports cascades of follow-on errors. OPA's
// parser instead stops at the first problem of a statement, and the driver does the same:
// the strategy here records where the parse failed (token, rule, what came before) and
// aborts the statement; the driver then resumes at the next statement. The message is
// derived from that record in OPA's words ("unexpected string token: non-terminated set",
// "unexpected ident token: expected \n or ; or }", "non-terminated string", ...).
#pragma once

#include <antlr4-runtime.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/token_facts.h"
#include "runtime/source.h"

namespace arcane::compiler::parse {

struct SyntaxFailure {
  struct Frame {
    size_t rule = 0;   // RegoParser rule index
    size_t start = 0;  // window index of the context's first token
  };
  bool set = false;
  size_t offending = 0;       // window index of the offending token
  std::vector<Frame> frames;  // the failing context and its parents, innermost first,
                              // up to the innermost enclosing query
  bool after_query = false;   // the failing context had just parsed a query
};

// Records the first error into `failure` and aborts the parse with
// ParseCancellationException; no recovery, no reporting to listeners.
class CaptureErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit CaptureErrorStrategy(SyntaxFailure& failure) : failure_(failure) {}
  void reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) override;
  void recover(antlr4::Parser* parser, std::exception_ptr e) override;
  antlr4::Token* recoverInline(antlr4::Parser* parser) override;
  void sync(antlr4::Parser* parser) override;

 private:
  void capture(antlr4::Parser* parser, antlr4::Token* offending, antlr4::ParserRuleContext* ctx);
  SyntaxFailure& failure_;
};

// The message and location for a recorded failure.
struct SyntaxMessage {
  std::string text;
  runtime::Location loc;
};
SyntaxMessage describe_failure(const SyntaxFailure& failure, const grammar::TokenFacts& facts,
                               std::string_view text, uint32_t file);

// Where OPA reports an error at a token: its start, except EOF, which OPA places on the
// last character of the file.
runtime::Location token_location(const grammar::Tok& t, std::string_view text, uint32_t file);

}  // namespace arcane::compiler::parse
