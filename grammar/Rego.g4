// Rego, the policy language of Open Policy Agent (OPA 1.x), as an ANTLR4 grammar.
//
// The language is OPA's hand-written parser (v1/ast/parser.go); this grammar mirrors its
// decisions so that the same text yields the same AST:
//  * One top-level `statement` at a time. The driver (compiler/parse) parses statements one
//    by one over a token window, builds the AST of each and drops its parse tree, so memory
//    stays small on large files and one broken rule does not hide the errors of the next.
//  * Keywords are always lexed as keywords. Before parsing, the driver rewrites the type of
//    every keyword that is not enabled (v0 without `import future.keywords...`, `and`/`or`
//    without their import) and of every keyword used as a ref part (`input.in`, `if.x`)
//    to IDENT, so the grammar needs no version switches.
//  * Where OPA's parser backtracks, the token pass decides from a token's neighbours and
//    retypes it, so the grammar needs no long lookahead: the `|` of a comprehension
//    (COMPR_BAR, as opposed to the union operator), and the `{`/`(` that open an explicit
//    body or a group of the experimental `and`/`or` keywords (BODY_LBRACE, GROUP_LPAREN).
//    Collections are then decided after their first element, so nested literals cost
//    linear time, not quadratic.
//  * Whitespace is skipped. OPA's two whitespace rules are predicates that ask TokenFacts:
//    a ref/call continues only if no whitespace precedes `.`, `[` or `(`; a body starts a
//    new expression on a new line (or after `;`). Everywhere else a newline is just space,
//    so an expression continues across lines exactly where OPA's greedy parser continues.
//  * Operator precedence, loosest first: `with`, `or`, `and`, `not` (the experimental
//    logical keywords), `:=`/`=`, `in`, relations, `|`, `&`, `+ -`, `* / %`, terms.
//  * Template strings need a small lexer state (which `}` closes an embedded expression);
//    see the lexer members.
// Everything else (which heads are valid, rule kinds, error texts) is decided by the AST
// builder, which keeps this file close to the shape of the language.
grammar Rego;

@parser::header {
#include "grammar/token_facts.h"
}

@parser::members {
 public:
  // Set by the driver before each parse; maps this parser's token indices to the
  // precomputed facts about the whole file's tokens.
  const arcane::grammar::TokenFacts* facts = nullptr;

 private:
  size_t la() { return _input->LT(1)->getTokenIndex(); }
  bool spaceBefore() { return facts->space_before(la()); }
  bool newlineBefore() { return facts->newline_before(la()); }

 public:
}

@lexer::members {
  // One entry per open brace: 0 for a plain `{`, 1 (2) when the brace opened an expression
  // inside a double-quoted (raw) template string, so the matching `}` resumes the string.
  std::vector<char> braces_;
  int topBrace() const { return braces_.empty() ? 0 : braces_.back(); }
  void popBrace() { if (!braces_.empty()) braces_.pop_back(); }
}

// Token types that no lexer rule produces: the token pass assigns them (see above).
// CONST_TERM stands for a whole array/set/object literal of constants (data in a policy),
// which the token pass builds directly, without a parse tree.
tokens { BODY_LBRACE, GROUP_LPAREN, COMPR_BAR, CONST_TERM }

// ------------------------------------------------------------------ entry points

statement   : packageDecl | importDecl | ruleDecl ;
queryInput  : query EOF ;

packageDecl : KW_PACKAGE term ;
importDecl  : KW_IMPORT term ( KW_AS var )? ;

// ------------------------------------------------------------------ rules

ruleDecl
  : KW_DEFAULT ruleHead                               # defaultRule
  | ruleHead ( ruleBody ruleTail )?                   # plainRule
  ;
ruleHead    : var headRefArg* ( LPAREN argList? RPAREN )? headValue? ;
headRefArg  : DOT IDENT | LBRACK termInfix RBRACK ;
headValue
  : KW_CONTAINS termInfix                             # containsValue
  | ( ASSIGN | UNIFY ) termInfix                      # assignValue
  ;
ruleBody
  : KW_IF ( body | literal )                          # ifBody
  | body                                              # braceBody
  ;
ruleTail    : elseClause* body* ;
elseClause  : KW_ELSE ( ( ASSIGN | UNIFY ) termInfix )? ( KW_IF ( body | literal ) | body )? ;
body        : LBRACE query RBRACE ;

// ------------------------------------------------------------------ bodies

query       : literal ( SEMI literal | { newlineBefore() }? literal )* ;
literal
  : KW_SOME someDecl withMods?                        # someLiteral
  | KW_EVERY inExpr body withMods?                    # everyLiteral
  | logicalOr withMods?                               # exprLiteral
  ;
someDecl
  : inExpr                                            # someIn
  | var ( COMMA var )*                                # someVars
  ;
inExpr      : relTerm ( COMMA relTerm )? KW_IN relTerm ( KW_IN relTerm )* ;
withMods    : withMod+ ;
withMod     : KW_WITH term KW_AS termInfix ;

logicalOr   : logicalAnd ( KW_OR logicalAnd )* ;
logicalAnd  : unary ( KW_AND unary )* ;
unary
  : KW_NOT operand                                    # notUnary
  | operand                                           # plainUnary
  ;
// The token pass marks the brackets that open an explicit body or a group of logical
// expressions (BODY_LBRACE, GROUP_LPAREN), so they never compete with set literals and
// parenthesized terms during prediction.
operand
  : BODY_LBRACE query RBRACE                          # bodyOperand
  | GROUP_LPAREN logicalOr withMods? RPAREN           # groupOperand
  | expr                                              # exprOperand
  ;
expr        : termInfix ( ( ASSIGN | UNIFY ) termInfix )? ;

// ------------------------------------------------------------------ terms

termInfix   : relTerm ( COMMA relTerm KW_IN relTerm )? ( KW_IN relTerm )* ;
termInList  : relTerm ( KW_IN relTerm )* ;
relTerm     : orTerm ( relOp orTerm )* ;
relOp       : EQUAL | NEQ | LT | LTE | GT | GTE ;
orTerm      : andTerm ( BAR andTerm )* ;
andTerm     : arithTerm ( AMP arithTerm )* ;
arithTerm   : factorTerm ( ( PLUS | MINUS ) factorTerm )* ;
factorTerm  : term ( ( STAR | SLASH | PERCENT ) term )* ;

term        : primary ( { !spaceBefore() }? refArg )* ;
refArg
  : DOT IDENT                                         # dotArg
  | LBRACK termInfix RBRACK                           # bracketArg
  | LPAREN argList? RPAREN                            # callArg
  ;
argList     : termInList ( COMMA termInList )* COMMA? ;

primary
  : KW_NULL                                           # nullTerm
  | KW_TRUE                                           # trueTerm
  | KW_FALSE                                          # falseTerm
  | MINUS? DOT? NUMBER                                # numberTerm
  | STRING                                            # stringTerm
  | RAW_STRING                                        # rawStringTerm
  | templateString                                    # templateTerm
  | var                                               # varTerm
  | LBRACK arrayItems? RBRACK                         # arrayTerm
  | LBRACE braceItems? RBRACE                         # braceTerm
  | LPAREN termInfix RPAREN                           # parenTerm
  | CONST_TERM                                        # constTerm
  ;
// [x | body], [a, b]: a leading comma is allowed, as in OPA.
arrayItems
  : COMMA? termInList ( COMPR_BAR query | ( COMMA termInList )* COMMA? )
  ;
// {x | body}, {k: v | body}, {k: v, ...}, {a, b}; `{}` is the empty object.
braceItems
  : COMMA? termInList
    ( COMPR_BAR query
    | COLON termInList ( COMPR_BAR query | ( COMMA objectItem )* COMMA? )
    | ( COMMA termInList )* COMMA?
    )
  ;
objectItem  : termInList COLON termInList ;
templateString
  : TPL_FULL                                          # tplFull
  | RTPL_FULL                                         # rawTplFull
  | TPL_START literal ( TPL_MID literal )* TPL_END    # tplParts
  | RTPL_START literal ( RTPL_MID literal )* RTPL_END # rawTplParts
  ;
var         : IDENT | KW_CONTAINS ;

// ------------------------------------------------------------------ lexer

KW_PACKAGE  : 'package' ;
KW_IMPORT   : 'import' ;
KW_AS       : 'as' ;
KW_DEFAULT  : 'default' ;
KW_ELSE     : 'else' ;
KW_NOT      : 'not' ;
KW_SOME     : 'some' ;
KW_WITH     : 'with' ;
KW_NULL     : 'null' ;
KW_TRUE     : 'true' ;
KW_FALSE    : 'false' ;
KW_IF       : 'if' ;
KW_CONTAINS : 'contains' ;
KW_IN       : 'in' ;
KW_EVERY    : 'every' ;
KW_AND      : 'and' ;
KW_OR       : 'or' ;

IDENT       : [a-zA-Z_] [a-zA-Z_0-9]* ;
NUMBER      : [0-9]+ ( '.' [0-9]+ )? ( [eE] [+\-]? [0-9]+ )? ;
// Malformed numbers (`1.`, `1e`, `0x1`) as one token, as OPA's scanner reads them.
BAD_NUMBER  : [0-9]+ '.' [0-9]* ( [eE] [+\-]? [0-9]* )? [a-zA-Z_0-9]*
            | [0-9]+ [a-zA-Z_] [a-zA-Z_0-9]*
            ;

STRING      : '"' ( '\\' ~[\n] | ~["\\\n] )* '"' ;
BAD_STRING  : '"' ( '\\' ~[\n] | ~["\\\n] )* ;
RAW_STRING  : '`' ~[`]* '`' ;
BAD_RAW_STRING : '`' ~[`]* ;

// The `}` that ends an expression inside a template string resumes the string. The
// predicates come after the first character so that ANTLR can still cache the lexer's
// start state (a predicate at a rule's left edge disables that for every token).
fragment TCHAR : '\\' ~[\n] | ~["\\{\n] ;
fragment RCHAR : '\\{' | ~[`{] ;
TPL_FULL    : '$"' TCHAR* '"' ;
TPL_START   : '$"' TCHAR* '{' { braces_.push_back(1); } ;
TPL_MID     : '}' { topBrace() == 1 }? TCHAR* '{' ;
TPL_END     : '}' { topBrace() == 1 }? TCHAR* '"' { popBrace(); } ;
BAD_TPL     : '$"' TCHAR*
            | '}' { topBrace() == 1 }? TCHAR* { popBrace(); }
            ;
RTPL_FULL   : '$`' RCHAR* '`' ;
RTPL_START  : '$`' RCHAR* '{' { braces_.push_back(2); } ;
RTPL_MID    : '}' { topBrace() == 2 }? RCHAR* '{' ;
RTPL_END    : '}' { topBrace() == 2 }? RCHAR* '`' { popBrace(); } ;
BAD_RTPL    : '$`' RCHAR*
            | '}' { topBrace() == 2 }? RCHAR* { popBrace(); }
            ;

ASSIGN      : ':=' ;
COLON       : ':' ;
EQUAL       : '==' ;
UNIFY       : '=' ;
NEQ         : '!=' ;
LTE         : '<=' ;
LT          : '<' ;
GTE         : '>=' ;
GT          : '>' ;
PLUS        : '+' ;
MINUS       : '-' ;
STAR        : '*' ;
SLASH       : '/' ;
PERCENT     : '%' ;
AMP         : '&' ;
BAR         : '|' ;
LBRACK      : '[' ;
RBRACK      : ']' ;
LPAREN      : '(' ;
RPAREN      : ')' ;
LBRACE      : '{' { braces_.push_back(0); } ;
RBRACE      : '}' { popBrace(); } ;
COMMA       : ',' ;
SEMI        : ';' ;
DOT         : '.' ;

COMMENT     : '#' ~[\n]* -> channel(HIDDEN) ;
WS          : [ \t\r\n]+ -> skip ;
ERROR_CHAR  : . ;
