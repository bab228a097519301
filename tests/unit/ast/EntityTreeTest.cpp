#include <gtest/gtest.h>

#include <type_traits>

#include "ast/Ast.h"
#include "ast/EntityTree.h"
#include "model/Model.h"
#include "syntax/Parse.h"

namespace cio {
namespace {

// An index of one node type is not one of another: a field cannot be looked
// up with an entity's index, nor an index made from a bare number unawares.
static_assert(!std::is_convertible_v<ast::Index<ast::EntityNode>, ast::Index<ast::FieldNode>>);
static_assert(!std::is_convertible_v<uint32_t, ast::Index<ast::ValueNode>>);
// The nodes a workspace has most of stay small (they are most of its memory).
static_assert(sizeof(ast::FieldNode) <= 24);
static_assert(sizeof(ast::ValueNode) <= 20);
static_assert(sizeof(ast::EntityNode) <= 88);
static_assert(sizeof(model::Value) <= 48);
static_assert(sizeof(model::FieldValue) <= 64);
static_assert(sizeof(model::Entity) <= 136);

TEST(EntityTree, AnItemCopiedToAnotherTreeIsRebasedAndMoved) {
  DiagnosticEngine d;
  std::string first = "x A { a = [B.C, 2 mln]; b { c = \"t\"; } }\n";
  ast::File source = parseFile(first, 1, d);
  ASSERT_TRUE(d.diagnostics().empty());
  // A tree that already holds nodes, so that every index must move.
  std::string second = "x Z { z = [1, 2, 3]; y = Q.R; }\n";
  ast::File target = parseFile(second, 2, d);
  ast::EntityTree::Mark before = target.tree.mark();
  ast::Index<ast::EntityNode> root =
      target.tree.append(source.tree, {}, source.tree.mark(), source.tree.roots[0], int64_t(second.size()));
  ast::EntityRef copy(target.tree, root), original = source.entities()[0];
  EXPECT_EQ(root.get(), before.entities);
  EXPECT_EQ(copy.name()->text, "A");
  EXPECT_EQ(copy.range().buffer, 2u) << "positions are in the target's buffer";
  EXPECT_EQ(copy.range().begin, original.range().begin + second.size());
  ast::ValueRef list = copy.fields()[0].value();
  ASSERT_EQ(list.items().size(), 2u);
  EXPECT_EQ(list.items()[0].reference().str(), "B.C");
  EXPECT_EQ(list.items()[0].reference().parts[1].range.begin,
            original.fields()[0].value().items()[0].reference().parts[1].range.begin + second.size());
  EXPECT_EQ(list.items()[1].literal().unit->text, "mln");
  EXPECT_EQ(copy.children()[0].fields()[0].value().literal().text, "t");
  // The nodes that were there are untouched.
  EXPECT_EQ(target.entities()[0].fields()[1].value().reference().str(), "Q.R");
  EXPECT_EQ(target.entities()[0].fields()[0].value().items()[2].literal().text, "3");
}

TEST(EntityTree, AFieldWithoutValueHasAnEmptyLiteral) {
  // What the builder makes when the parser could read no value at all.
  ast::EntityTree tree;
  tree.buffer = 1;
  ast::Span<ast::FieldNode> fields = tree.addFields(1);
  tree.fields[0].name = {Name("a"), {4, 5}};
  ast::FieldRef field(tree, fields.first);
  ast::ValueRef v = field.value();
  EXPECT_EQ(v.kind(), ast::ValueKind::Literal);
  EXPECT_FALSE(v.range().valid());
  EXPECT_TRUE(v.literal().text.empty());
  EXPECT_TRUE(v.reference().parts.empty());
  EXPECT_TRUE(v.items().empty());
  EXPECT_EQ(field.range().begin, 4u) << "the field is its name alone";
  EXPECT_EQ(field.range().end, 5u);
}

}  // namespace
}  // namespace cio
