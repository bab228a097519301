#include <gtest/gtest.h>

#include <random>

#include "AstDump.h"
#include "syntax/Parse.h"

namespace cio {
namespace {

TEST(Parse, BuildsEntitiesWithRangesAndDocComments) {
  DiagnosticEngine d;
  std::string src =
      "/// Het ministerie.\n/// Tweede regel.\nministerie FIN \"Financiën\" {\n  sg SG;\n  x = [a.b, 12.5 mln, 2024 .. "
      "2027];\n}\n";
  ast::File f = parseFile(src, 1, d);
  ASSERT_TRUE(d.diagnostics().empty());
  ASSERT_EQ(f.entities().size(), 1u);
  ast::EntityRef e = f.entities()[0];
  EXPECT_EQ(e.doc(), "Het ministerie.\nTweede regel.");
  EXPECT_EQ(e.name()->text, "FIN");
  EXPECT_EQ(e.title()->text, "Financiën");
  EXPECT_EQ(src.substr(e.name()->range.begin, e.name()->range.end - e.name()->range.begin), "FIN");
  ASSERT_EQ(e.fields().size(), 1u);
  ast::ValueRef v = e.fields()[0].value();
  ASSERT_EQ(v.items().size(), 3u);
  EXPECT_EQ(v.items()[0].reference().str(), "a.b");
  EXPECT_EQ(v.items()[1].literal().unit->text, "mln");
  EXPECT_EQ(v.items()[2].literal().kind, ast::LiteralKind::YearPeriod);
  // Ranges are byte offsets, also after a multi-byte character.
  ast::Ident sg = e.children()[0].kind();
  EXPECT_EQ(src.substr(sg.range.begin, 2), "sg");
}

TEST(Parse, AValueHoldsOnlyWhatItIs) {
  DiagnosticEngine d;
  ast::File f = parseFile("x X { a = b.c; t = \"tekst\"; l = [1]; }\n", 1, d);
  ASSERT_TRUE(d.diagnostics().empty());
  ASSERT_EQ(f.entities().size(), 1u);
  ast::Nodes<ast::FieldNode> fields = f.entities()[0].fields();
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].value().kind(), ast::ValueKind::Reference);
  EXPECT_EQ(fields[0].value().reference().str(), "b.c");
  // Asked for what it is not, a value answers with an empty one.
  EXPECT_TRUE(fields[0].value().literal().text.empty());
  EXPECT_TRUE(fields[0].value().items().empty());
  EXPECT_EQ(fields[1].value().kind(), ast::ValueKind::Literal);
  EXPECT_EQ(fields[1].value().literal().text, "tekst");
  EXPECT_TRUE(fields[1].value().reference().parts.empty());
  EXPECT_EQ(fields[2].value().kind(), ast::ValueKind::List);
  EXPECT_EQ(fields[2].value().items().size(), 1u);
  EXPECT_TRUE(fields[2].value().literal().text.empty());
  // The nodes are in arrays of their own type, each entity's parts consecutive.
  EXPECT_EQ(f.tree.entities.size(), 1u);
  EXPECT_EQ(f.tree.fields.size(), 3u);
  EXPECT_EQ(f.tree.values.size(), 4u) << "three fields' values and one list item";
  EXPECT_EQ(f.tree.literals.size(), 2u);
  EXPECT_EQ(f.tree.idents.size(), 2u) << "the reference's two parts";
}

TEST(Parse, RangesAfterALeadingByteOrderMarkAreBytes) {
  // ANTLR's input stream silently dropped a leading BOM, which moved every
  // position in such a file; the hand-written lexer reads it as whitespace.
  DiagnosticEngine d;
  std::string src = "\xEF\xBB\xBFx A { y = B; }\n$";
  ast::File f = parseFile(src, 1, d);
  ASSERT_EQ(f.entities().size(), 1u);
  EXPECT_EQ(f.entities()[0].name()->range.begin, src.find('A'));
  ASSERT_EQ(d.diagnostics().size(), 1u);
  EXPECT_EQ(d.diagnostics()[0].code, "unexpected_character");
  EXPECT_EQ(d.diagnostics()[0].range.begin, src.find('$'));
}

TEST(Parse, ListsLongerThanTheLimitStopTheParse) {
  ParseLimits limits;
  limits.maxListItems = 3;
  DiagnosticEngine ok, tooLong;
  parseFile("x A { y = [a, [c, d, e], f]; }", 1, ok, limits);
  EXPECT_TRUE(ok.diagnostics().empty()) << "three items per list, nested lists counted apart";
  std::string src = "x A { y = [a, b, c, d]; }\nx B;";
  ast::File f = parseFile(src, 1, tooLong, limits);
  ASSERT_EQ(tooLong.diagnostics().size(), 1u);
  EXPECT_EQ(tooLong.diagnostics()[0].code, "list_too_long");
  EXPECT_EQ(tooLong.diagnostics()[0].range.begin, src.find(", d"));
  EXPECT_TRUE(f.entities().empty());
}

TEST(Parse, ContextualWordsStayUsableAsFieldNames) {
  DiagnosticEngine d;
  ast::File f = parseFile(
      "norm n { artikel art3.1; ernst fout; eis x.artikel = 1; melding \"m\"; }\n"
      "x Y { artikel = art3.1; melding = \"a\"; ernst = 2; }\n",
      1, d);
  EXPECT_TRUE(d.diagnostics().empty());
  ASSERT_EQ(f.entities().size(), 1u);
  EXPECT_EQ(f.entities()[0].fields()[0].name().text, "artikel");
  ASSERT_EQ(f.norms.size(), 1u);
  EXPECT_EQ(f.norms[0].article->text, "art3.1");
}

TEST(Parse, NormExpressionsKeepTheirShape) {
  DiagnosticEngine d;
  ast::File f = parseFile(
      "norm n { voor elk m in ministerie; waarbij heeft m.sg en niet m.x; "
      "eis als aantal(m.cio) >= 1 dan er is een c in m.cio met c.ressorteert_onder = m.sg; }",
      1, d);
  ASSERT_TRUE(d.diagnostics().empty());
  const ast::NormDecl &n = f.norms[0];
  EXPECT_EQ(n.bindings[0].variable.text, "m");
  EXPECT_EQ(n.filters[0]->kind, ast::ExprKind::And);
  EXPECT_EQ(n.requirement->kind, ast::ExprKind::Implies);
  EXPECT_EQ(n.requirement->operands[1]->kind, ast::ExprKind::Exists);
  EXPECT_EQ(n.requirement->operands[0]->kind, ast::ExprKind::Compare);
}

TEST(Parse, SyntaxErrorsReadLikeACompilerAndRecover) {
  DiagnosticEngine d(Language::English);
  parseFile("x A { a = 1 }\nx B { b = ; }\n", 1, d);
  ASSERT_EQ(d.diagnostics().size(), 2u);
  EXPECT_EQ(d.diagnostics()[0].message, "expected `;` after the field value, found `}`");
  EXPECT_EQ(d.diagnostics()[1].message, "expected a value, found `;`");
  for (const Diagnostic &x : d.diagnostics()) EXPECT_EQ(x.message.find("mismatched"), std::string::npos);
}

TEST(Parse, DeepNestingIsRefusedWithADiagnostic) {
  DiagnosticEngine d;
  std::string src = "x A { a = " + std::string(300, '[') + " ; }";
  parseFile(src, 1, d, ParseLimits{256, 20, 20000});
  ASSERT_EQ(d.diagnostics().size(), 1u);
  EXPECT_EQ(d.diagnostics()[0].code, "nesting_too_deep");
}

TEST(Parse, ChunkingDoesNotChangeTheResult) {
  std::string src =
      "/// Eerste.\nx A { a = [1, 2]; b { c = 3; } }\nsoort s { veld v: tekst; }\n"
      "/// Tweede.\nx B { d = \"t\"; }\nx C { e = ; }\nnorm n { eis ja; }\nx D;\n";
  DiagnosticEngine whole, pieces;
  ast::File one = parseFile(src, 1, whole, ParseLimits{256, 20, 1'000'000});
  ast::File many = parseFile(src, 1, pieces, ParseLimits{256, 20, 1});  // cut after every item
  ASSERT_EQ(one.entities().size(), 4u);
  ASSERT_EQ(many.entities().size(), one.entities().size());
  for (size_t i = 0; i < one.entities().size(); ++i) {
    EXPECT_EQ(many.entities()[i].name()->text, one.entities()[i].name()->text);
    EXPECT_EQ(many.entities()[i].doc(), one.entities()[i].doc());
    EXPECT_EQ(many.entities()[i].range().begin, one.entities()[i].range().begin);
  }
  EXPECT_EQ(many.entities()[1].doc(), "Tweede.");
  EXPECT_EQ(many.kinds.size(), 1u);
  EXPECT_EQ(many.norms.size(), 1u);
  ASSERT_EQ(whole.diagnostics().size(), 1u);
  ASSERT_EQ(pieces.diagnostics().size(), 1u);
  EXPECT_EQ(pieces.diagnostics()[0].range.begin, whole.diagnostics()[0].range.begin);
}

TEST(Parse, LongFlatListsAndChainsAreNotDeep) {
  // Operand lists are flat in the AST: 1000 qualified names in a list, or
  // 1000 operands of `en`, are long but not deep.
  std::string list = "x A { leden = [";
  std::string chain = "norm n { eis ";
  for (int i = 0; i < 1000; ++i) {
    list += (i ? ", " : "") + std::string("M.X") + std::to_string(i);
    chain += (i ? " en " : "") + std::string("a.b") + std::to_string(i) + " + 1 = 2";
  }
  DiagnosticEngine d;
  ast::File f = parseFile(list + "]; }\n" + chain + "; }\n", 1, d);
  EXPECT_TRUE(d.diagnostics().empty()) << d.diagnostics()[0].code;
  ASSERT_EQ(f.entities().size(), 1u);
  EXPECT_EQ(f.entities()[0].fields()[0].value().items().size(), 1000u);
  // A path of 300 one-letter steps does nest, and is refused.
  std::string path = "norm n { eis a";
  for (int i = 0; i < 300; ++i) path += ".b";
  DiagnosticEngine deep;
  parseFile(path + "; }", 1, deep);
  ASSERT_EQ(deep.diagnostics().size(), 1u);
  EXPECT_EQ(deep.diagnostics()[0].code, "nesting_too_deep");
}

TEST(Utf8, FindsTheFirstInvalidByte) {
  EXPECT_EQ(findInvalidUtf8("abc"), std::string_view::npos);
  EXPECT_EQ(findInvalidUtf8("Financiën"), std::string_view::npos);
  EXPECT_EQ(findInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(findInvalidUtf8("a\xc0\xaf"), 1u);      // overlong
  EXPECT_EQ(findInvalidUtf8("a\xed\xa0\x80"), 1u);  // surrogate
  EXPECT_EQ(findInvalidUtf8("a\xe2\x82"), 1u);      // truncated
}

}  // namespace
}  // namespace cio

namespace cio {
namespace {

TEST(IncrementalParse, ReusesUntouchedItemsAndGivesTheSameTreeAsAFullParse) {
  std::string text =
      "gebruik besluit_cio_2021;\n"
      "/// Eerste.\nministerie A \"Ministerie A\" {\n  sg SG;\n  cio C { ressorteert_onder = SG; office = O; }\n"
      "  informatieplan IP { periode = 2024 .. 2027; financiele_paragraaf = ja; }\n}\n"
      "// tussen\nministerie B {\n  project P { ict_component = 12.5 mln; start = 2026-06-01; leden = [A.SG, B.x]; "
      "}\n}\n"
      "norm n { artikel art3.1; ernst fout; voor elk m in ministerie; eis ja; melding \"m\"; }\n"
      "/// Derde.\nministerie C { afwijking X { van = art3.1; motivering = \"é \\\" x\"; } }\n";
  DiagnosticEngine firstDiags;
  auto previous = std::make_unique<ParsedItems>();
  parseFile(text, 3, firstDiags, {}, nullptr, previous.get());
  EXPECT_EQ(previous->byText.size(), 3u) << "the three entities; the use and the norm are parsed every time";

  // One edit inside B: A and C are copied, C with its ranges moved.
  std::string edited = text;
  edited.insert(edited.find("12.5"), "1");
  DiagnosticEngine incrementalDiags, fullDiags;
  auto next = std::make_unique<ParsedItems>();
  ast::File incremental = parseFile(edited, 4, incrementalDiags, {}, previous.get(), next.get());
  ast::File full = parseFile(edited, 4, fullDiags);
  EXPECT_EQ(next->reused, 2u);
  EXPECT_EQ(ast_dump::dump(incremental, incrementalDiags), ast_dump::dump(full, fullDiags));

  // Random edits, some of which break the syntax: always the tree of a full parse.
  std::mt19937 random(11);
  const std::string pieces[] = {"x", " ", "\n", "{", "}", ";", "\"", "/// d\n", "/*", "*/", "é", "[", ",", "0"};
  for (int round = 0; round < 300; ++round) {
    size_t at = random() % (edited.size() + 1);
    if (random() % 3 == 0 && at < edited.size())
      edited.erase(at, 1 + random() % 3);
    else
      edited.insert(at, pieces[random() % std::size(pieces)]);
    DiagnosticEngine inc, ref;
    auto record = std::make_unique<ParsedItems>();
    ast::File a = parseFile(edited, 5, inc, {}, next.get(), record.get());
    ast::File b = parseFile(edited, 5, ref);
    ASSERT_EQ(ast_dump::dump(a, inc), ast_dump::dump(b, ref)) << "round " << round << ":\n" << edited;
    next = std::move(record);
  }
}

}  // namespace
}  // namespace cio
