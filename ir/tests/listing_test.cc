// The IR listing: the canonical text is a fixed point of parse and print, every statement
// kind survives the trip, and malformed listings are refused with line:col errors.
#include <gtest/gtest.h>

#include "ir/parser.h"
#include "ir/printer.h"

namespace arcane::ir {
namespace {

// Canonical form: exactly what the printer writes.
constexpr std::string_view kCanonical = R"(# arcane ir 1
file 1 "test-0.rego" [0, 14, 30]
builtin count/1
builtin plus/2
builtin walk

rule g0.data.test.p path ["g0", "test", "p"] @1:14+5 {
  {
    reset -> l3
    dot input, "users" -> l4 @1:20+11
    call count(l4) -> l5 @1:20+18
    notequal l5, 0
    assignonce true -> l3
  }
  {
    isdefined l3
    assignonce l3 -> l2
  }
  {
    return l2
  }
}

func g0.data.test.f(l2, l3) {
  {
    call plus(l2, l3) -> l4
    return l4
  }
}

plan "test/p q" {
  {
    call @g0.data.test.p() -> l2
    makeobject -> l3
    objectinsert "x", l2 -> l3
    resultsetadd l3
  }
  {
    block {
      scan data -> l4, l5 {
        isarray l5
        isobject l5
        isset l5
        isstring l5
        isnumber l5
        isboolean l5
        isnull l5
        break 1
      }
    } {
      not {
        equal l4, {1, 2}
      }
    }
    with input ["a", 1] = {"k": [null, set()]} {
      with data = input {
        len input -> l6
        makearray 4 -> l7
        makearray -> l8
        arrayappend l6 -> l7
        makeset -> l9
        setadd false -> l9
        objectinsertonce l7, l9 -> l3
        objectmerge l3, l3 -> l10
        groupadd 1 l6, true -> l3
        groupinsert "k", l6, l7 -> l3
        assign l10 -> l11
        calldynamic ["g0", l4](l6, 1.50) -> l12
        call @g0.data.test.f(l6, -1) -> l13
        call walk(l12) -> l14
        isundefined l14
      }
    }
    ruleindex l4, {"any": [1], "eq": {"a": [0]}, "prefix": {"/x/": [0, 1]}} {
      equal input, "a"
    } {
      break 0
    }
  }
}
)";

Policy parse(std::string_view text) {
  runtime::Result<Policy> p = parse_policy(text);
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  return p.ok() ? std::move(p).value() : Policy{};
}

TEST(Listing, CanonicalTextIsAFixedPoint) {
  Policy p = parse(kCanonical);
  EXPECT_EQ(print_policy(p), kCanonical);
}

TEST(Listing, CoversEveryStatementKind) {
  Policy p = parse(kCanonical);
  std::vector<bool> seen(kStmtKindCount, false);
  auto visit = [&](auto&& self, const Block& b) -> void {
    for (const Stmt& s : b.stmts) {
      seen[static_cast<size_t>(s.kind)] = true;
      for (const Block& n : s.blocks) self(self, n);
    }
  };
  for (const Function& f : p.functions) {
    for (const Block& b : f.blocks) visit(visit, b);
  }
  for (size_t i = 0; i < kStmtKindCount; ++i) EXPECT_TRUE(seen[i]) << kStmtShapes[i].name;
}

TEST(Listing, ReadsTheStructure) {
  Policy p = parse(kCanonical);
  ASSERT_EQ(p.functions.size(), 3u);
  EXPECT_EQ(p.functions[0].kind, FunctionKind::kRule);
  EXPECT_EQ(p.functions[0].path, (std::vector<std::string>{"g0", "test", "p"}));
  EXPECT_EQ(p.functions[1].params, (std::vector<Local>{2, 3}));
  EXPECT_EQ(p.functions[2].name, "test/p q");
  const Stmt& dot = p.functions[0].blocks[0].stmts[1];
  EXPECT_EQ(dot.kind, StmtKind::kDot);
  EXPECT_EQ(dot.inputs[0], Operand::local(kInputLocal));
  ASSERT_EQ(dot.inputs[1].kind, Operand::Kind::kConst);
  EXPECT_EQ(p.constants[dot.inputs[1].index].string_view(), "users");
  EXPECT_EQ(dot.location.file, 1u);
  EXPECT_EQ(dot.location.offset, 20u);
  EXPECT_EQ(dot.location.length, 11u);
  EXPECT_EQ(row_of(p, dot.location), 2u);
  const Stmt& call = p.functions[2].blocks[0].stmts[0];
  EXPECT_EQ(call.kind, StmtKind::kCallFunc);
  EXPECT_EQ(call.imm, 0u);
}

TEST(Listing, ConstantsAreInternedOnce) {
  Policy p = parse(R"(plan q {
    {
      equal "a", "a"
      equal 1, 1.0
      equal [1], {1}
    }
  })");
  EXPECT_EQ(p.constants.size(), 5u);  // "a", 1, 1.0, [1], {1}
}

TEST(Listing, AcceptsHandWrittenConveniences) {
  Policy p = parse(R"(
    # a comment
    plan main { { call @later(input) -> l2   # called before it is defined
                  call upper(l2) -> l3 resultsetadd l3 } }
    func later(l2) { { return l2 } }
  )");
  ASSERT_EQ(p.builtins.size(), 1u);
  EXPECT_EQ(p.builtins[0].name, "upper");
  EXPECT_EQ(p.builtins[0].arity, 1);
  EXPECT_EQ(p.functions[0].blocks[0].stmts[0].imm, 1u);
}

void expect_error(std::string_view text, std::string_view want) {
  runtime::Result<Policy> p = parse_policy(text);
  ASSERT_FALSE(p.ok()) << text;
  EXPECT_EQ(p.error().code, "ir_parse_error");
  EXPECT_NE(p.error().message.find(want), std::string::npos) << p.error().message;
}

TEST(Listing, RejectsMalformedText) {
  expect_error("plan q { { frobnicate l2 } }", "1:12: unknown statement 'frobnicate'");
  expect_error("plan q {\n  {\n    dot l2 -> l3\n  }\n}", "3:12: expected ','");
  expect_error("plan q { { call @nowhere() -> l2 } }", "undefined function 'nowhere'");
  expect_error("plan q { { equal x, 1 } }", "expected a local");
  expect_error("plan q { { equal l2, [1 } }", "expected ','");
  expect_error("plan q { { break } }", "expected a number");
  expect_error("plan q { { with other = 1 { } } }", "expected 'input' or 'data'");
  expect_error("plan q { {", "unterminated");
  expect_error("rule r { } rule r { }", "defined twice");
  expect_error("file 2 \"x\" []", "count up from 1");
  expect_error("widget", "expected 'file'");
  expect_error("plan q { { equal l99999999999, 1 } }", "expected a local");
}

TEST(Listing, CapsNesting) {
  std::string text = "plan q { ";
  for (int i = 0; i < 300; ++i) text += "{ not ";
  expect_error(text, "nested too deeply");
}

}  // namespace
}  // namespace arcane::ir
