// The parser driver (see parser.h): token pass, then one top-level statement at a time
// through the generated ANTLR parser, then the AST builder, then the module-level checks.
//
// Each statement is parsed in ANTLR's fast SLL mode first and, only if that fails, again
// in full LL mode (the two-stage strategy ANTLR recommends), which also yields the error
// to report. After a syntax error the driver skips to the next line that starts a new
// statement, so one broken rule does not hide the errors of the next.
#include "compiler/parse/parser.h"

#include <pthread.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include <antlr4-runtime.h>

#include "RegoLexer.h"
#include "RegoParser.h"
#include "compiler/parse/builder.h"
#include "compiler/parse/constants.h"
#include "compiler/parse/rego_v1.h"
#include "compiler/parse/syntax_error.h"
#include "compiler/parse/tokens.h"

namespace arcane::compiler {

using parse::P;

namespace {

// Serves the tokens of the file from `base` on, creating ANTLR tokens only for the window
// the parser actually reads.
class WindowSource : public antlr4::TokenSource {
 public:
  WindowSource(const std::vector<grammar::Tok>& toks, size_t base) : toks_(toks), next_(base) {}

  std::unique_ptr<antlr4::Token> nextToken() override {
    const grammar::Tok& t = toks_[next_];
    if (next_ + 1 < toks_.size()) ++next_;
    size_t type = t.type == parse::kEofType ? antlr4::Token::EOF : t.type;
    return std::make_unique<antlr4::CommonToken>(std::make_pair(this, nullptr), type,
                                                 antlr4::Token::DEFAULT_CHANNEL, t.start,
                                                 static_cast<size_t>(t.end) - 1);
  }
  size_t getLine() const override { return 0; }
  size_t getCharPositionInLine() override { return 0; }
  antlr4::CharStream* getInputStream() override { return nullptr; }
  std::string getSourceName() override { return "rego"; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

 private:
  const std::vector<grammar::Tok>& toks_;
  size_t next_;
};

// Owns the generated parser and the current token window.
class StatementParser {
 public:
  explicit StatementParser(grammar::TokenFacts& facts) : facts_(facts) {}

  // The statement at token `pos`, or nullptr after a syntax error (recorded in failure).
  P::StatementContext* statement(size_t pos, size_t* next, parse::SyntaxFailure* failure) {
    P::StatementContext* ctx = run(pos, &P::statement, failure);
    if (ctx != nullptr) *next = pos + stream_->index();
    return ctx;
  }

  P::QueryInputContext* query_input(parse::SyntaxFailure* failure) { return run(0, &P::queryInput, failure); }

 private:
  void open_window(size_t pos) {
    auto source = std::make_unique<WindowSource>(facts_.toks, pos);
    auto stream = std::make_unique<antlr4::CommonTokenStream>(source.get());
    if (!parser_) {
      parser_ = std::make_unique<P>(stream.get());
      parser_->removeErrorListeners();
    } else {
      parser_->setTokenStream(stream.get());  // also frees the previous parse tree
    }
    stream_ = std::move(stream);
    source_ = std::move(source);
    facts_.base = pos;
    parser_->facts = &facts_;
  }

  template <typename Ctx>
  Ctx* run(size_t pos, Ctx* (P::*rule)(), parse::SyntaxFailure* failure) {
    open_window(pos);
    auto strategy = std::make_shared<parse::CaptureErrorStrategy>(*failure);
    parser_->setErrorHandler(strategy);
    auto* sim = parser_->getInterpreter<antlr4::atn::ParserATNSimulator>();
    for (auto mode : {antlr4::atn::PredictionMode::SLL, antlr4::atn::PredictionMode::LL}) {
      *failure = {};
      sim->setPredictionMode(mode);
      try {
        return (parser_.get()->*rule)();
      } catch (const antlr4::ParseCancellationException&) {
        parser_->reset();
      }
    }
    return nullptr;
  }

  grammar::TokenFacts& facts_;
  std::unique_ptr<P> parser_;
  std::unique_ptr<antlr4::CommonTokenStream> stream_;
  std::unique_ptr<WindowSource> source_;
};

// ------------------------------------------------------------------------- deep input

// The recursive parser and builder use stack in proportion to nesting: about 2-4 KB per
// level, measured (ANTLR's rule frames and prediction, then the builder). Shallow files
// (all real policies) run on the caller's thread; deeper ones run on a thread whose stack
// is sized, with a 2x margin, for the depth the token pass measured, so the caller's stack
// size never matters.
constexpr uint32_t kInlineDepth = 48;
constexpr uint32_t kHardMaxDepth = 100000;  // ~800 MB of (virtual) stack at most
constexpr size_t kBaseStack = size_t{4} << 20;
constexpr size_t kStackPerLevel = size_t{8} << 10;

template <typename F>
void run_with_stack_for(uint32_t depth, F&& f) {
  if (depth <= kInlineDepth) {
    f();
    return;
  }
  struct Job {
    F* f;
    std::exception_ptr error;
  } job{&f, nullptr};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kBaseStack + size_t{depth} * kStackPerLevel);
  pthread_t thread;
  auto entry = +[](void* p) -> void* {
    auto* j = static_cast<Job*>(p);
    try {
      (*j->f)();
    } catch (...) {
      j->error = std::current_exception();
    }
    return nullptr;
  };
  int rc = pthread_create(&thread, &attr, entry, &job);
  pthread_attr_destroy(&attr);
  if (rc != 0) throw std::runtime_error("no stack for nesting depth " + std::to_string(depth));
  pthread_join(thread, nullptr);
  if (job.error) std::rethrow_exception(job.error);
}

// ------------------------------------------------------------------------- modules

// A token that can start a statement: a name (or keyword) at the start of a line.
bool starts_statement(const grammar::Tok& t, std::string_view text) {
  if (t.start != 0 && text[t.start - 1] != '\n') return false;
  return t.type == grammar::RegoLexer::IDENT || parse::is_keyword_type(t.type);
}

size_t resync(const grammar::TokenFacts& facts, size_t pos, const parse::SyntaxFailure& f, std::string_view text) {
  size_t i = std::max(pos + 1, pos + f.offending);
  while (i + 1 < facts.toks.size() && !starts_statement(facts.toks[i], text)) ++i;
  return std::min(i, facts.toks.size() - 1);
}

struct ModuleAssembly {
  ast::Module& module;
  parse::Reporter& reporter;
  bool any = false;

  void add(parse::Statement st) {
    bool first = !any;
    any = true;
    if (first && st.kind != parse::Statement::Kind::Package && st.kind != parse::Statement::Kind::Invalid) {
      reporter.error("package expected", st.loc);
    }
    switch (st.kind) {
      case parse::Statement::Kind::Package:
        if (first) {
          module.package = std::move(st.package);
        } else {
          reporter.error("unexpected package", st.loc);
        }
        break;
      case parse::Statement::Kind::Import: module.imports.push_back(std::move(st.import)); break;
      case parse::Statement::Kind::Rules:
        for (auto& r : st.rules) module.rules.push_back(std::move(r));
        break;
      case parse::Statement::Kind::Invalid: break;
    }
  }
};

void parse_statements(std::string_view text, parse::TokenPass& pass, const parse::BuildOptions& options,
                      ast::Module& module, parse::Reporter& reporter) {
  StatementParser sp(pass.facts);
  parse::AstBuilder builder(text, reporter, options, pass);
  ModuleAssembly assembly{module, reporter};
  const auto& toks = pass.facts.toks;
  size_t pos = 0;
  while (toks[pos].type != parse::kEofType && !reporter.diags.full()) {
    parse::SyntaxFailure failure;
    size_t next = pos;
    P::StatementContext* ctx = sp.statement(pos, &next, &failure);
    if (ctx == nullptr) {
      parse::SyntaxMessage m = parse::describe_failure(failure, pass.facts, text, options.file);
      reporter.error(m.text, m.loc);
      assembly.any = true;
      pos = resync(pass.facts, pos, failure, text);
      continue;
    }
    assembly.add(builder.statement(ctx));
    pos = std::max(next, pos + 1);
  }
  if (!assembly.any) reporter.error("empty module", {options.file, 0, 0});
}

// The first error this parse reported, for the Result.
runtime::Diagnostic first_error(const runtime::Diagnostics& diags, size_t before, uint32_t file) {
  if (diags.size() > before) return diags.items()[before];
  return {"rego_parse_error", "too many errors", {file, 0, 0}, {}};
}

// Lexes and checks a file; false (with diagnostics) when it cannot be parsed at all.
bool prepare(std::string_view text, uint32_t file, const parse::KeywordSettings& keywords,
             const ParseOptions& options, parse::TokenPass& pass, runtime::Diagnostics& diags) {
  if (!parse::lex(text, file, pass, diags)) return false;
  parse::apply_keywords(text, keywords, pass);
  if (!parse::check_depth(file, std::min(options.max_depth, kHardMaxDepth), pass, diags)) return false;
  if (options.fold_constants) parse::fold_constants(text, file, pass);
  parse::mark_operators(pass);
  return true;
}

const runtime::SourceFile* find_file(const runtime::SourceSet& sources, uint32_t file, runtime::Diagnostics& diags) {
  const runtime::SourceFile* f = sources.get(file);
  if (f == nullptr) diags.add({"rego_parse_error", "unknown source file", {}, {}});
  return f;
}

}  // namespace

runtime::Result<ast::Module> parse_module(const runtime::SourceSet& sources, uint32_t file_id,
                                          const ParseOptions& options, runtime::Diagnostics& diags) {
  size_t before = diags.size();
  const runtime::SourceFile* f = find_file(sources, file_id, diags);
  if (f == nullptr) return first_error(diags, before, file_id);
  std::string_view text = f->text();
  parse::TokenPass pass;
  parse::KeywordSettings keywords{options.version, options.experimental_keywords, true};
  if (!prepare(text, file_id, keywords, options, pass, diags)) return first_error(diags, before, file_id);

  ast::Module module;
  module.comments = std::move(pass.comments);
  module.version = options.version;
  if (options.version == ast::RegoVersion::V0 && pass.rego_v1_import) module.version = ast::RegoVersion::V0CompatV1;
  parse::Reporter reporter{diags};
  parse::BuildOptions build{file_id, module.version, options.experimental_keywords, options.max_depth};
  try {
    run_with_stack_for(pass.max_depth_seen, [&] { parse_statements(text, pass, build, module, reporter); });
  } catch (const std::exception& e) {
    reporter.error(std::string("internal parser error: ") + e.what(), {file_id, 0, 0});
  }
  if (reporter.errors > 0) return first_error(diags, before, file_id);
  if (module.version != ast::RegoVersion::V0) {
    for (auto& d : parse::check_rego_v1(module)) reporter.error(std::move(d));
    if (reporter.errors > 0) return first_error(diags, before, file_id);
  }
  return module;
}

runtime::Result<ast::Body> parse_query(const runtime::SourceSet& sources, uint32_t file_id,
                                       const ParseOptions& options, runtime::Diagnostics& diags) {
  size_t before = diags.size();
  const runtime::SourceFile* f = find_file(sources, file_id, diags);
  if (f == nullptr) return first_error(diags, before, file_id);
  std::string_view text = f->text();
  parse::TokenPass pass;
  parse::KeywordSettings keywords{ast::RegoVersion::V1, options.experimental_keywords, false};
  if (!prepare(text, file_id, keywords, options, pass, diags)) return first_error(diags, before, file_id);

  parse::Reporter reporter{diags};
  parse::BuildOptions build{file_id, ast::RegoVersion::V1, options.experimental_keywords, options.max_depth};
  ast::Body body;
  try {
    run_with_stack_for(pass.max_depth_seen, [&] {
      StatementParser sp(pass.facts);
      parse::SyntaxFailure failure;
      P::QueryInputContext* ctx = sp.query_input(&failure);
      if (ctx == nullptr) {
        parse::SyntaxMessage m = parse::describe_failure(failure, pass.facts, text, file_id);
        reporter.error(m.text, m.loc);
        return;
      }
      parse::AstBuilder builder(text, reporter, build, pass);
      body = builder.query(ctx->query());
    });
  } catch (const std::exception& e) {
    reporter.error(std::string("internal parser error: ") + e.what(), {file_id, 0, 0});
  }
  if (reporter.errors > 0) return first_error(diags, before, file_id);
  return body;
}

runtime::Result<ast::Term> parse_term(const runtime::SourceSet& sources, uint32_t file_id,
                                      const ParseOptions& options, runtime::Diagnostics& diags) {
  runtime::Result<ast::Body> body = parse_query(sources, file_id, options, diags);
  if (!body.ok()) return body.error();
  ast::Body& b = body.value();
  ast::Term* term = b.size() == 1 && !b[0].negated && b[0].with.empty() ? std::get_if<ast::Term>(&b[0].terms) : nullptr;
  if (term == nullptr) {
    runtime::Diagnostic d{"rego_parse_error", "expected exactly one term", b.empty() ? runtime::Location{file_id, 0, 0} : b[0].loc, {}};
    diags.add(d);
    return d;
  }
  return std::move(*term);
}

}  // namespace arcane::compiler
