// Turns the ANTLR parse tree into the owned AST. Parse-tree types never leave
// compiler/syntax. Source positions in ANTLR are code-point indices; the
// builder maps them to byte offsets so every range points into the buffer.
#pragma once

#include <vector>

#include "CioParser.h"
#include "ast/Ast.h"
#include "diagnostics/DiagnosticEngine.h"
#include "syntax/TokenBuffer.h"
#include "syntax/TokenRanges.h"

namespace cio {

class AstBuilder {
 public:
  AstBuilder(const TokenRanges &positions, const TokenBuffer &tokens, DiagnosticEngine &diags)
      : buffer_(positions.buffer()), positions_(positions), tokens_(tokens), diags_(diags) {}

  void build(gen::CioParser::FileContext *file, ast::File &out);

 private:
  SourceRange range(antlr4::ParserRuleContext *ctx) const;
  SourceRange range(antlr4::Token *tok) const;
  std::string docComment(antlr4::ParserRuleContext *ctx) const;

  ast::Ident ident(gen::CioParser::NameContext *ctx) const;
  ast::Ident ident(antlr4::tree::TerminalNode *node) const;
  ast::QualifiedName qualifiedName(gen::CioParser::QualifiedNameContext *ctx) const;
  ast::Literal textLiteral(antlr4::Token *tok);
  ast::Literal literal(gen::CioParser::LiteralContext *ctx);
  // The entities go into the file's tree, each node into a slot made for it
  // beforehand, so that the parts of a node are consecutive.
  ast::IdentNode identNode(gen::CioParser::NameContext *ctx) const;
  ast::Offsets offsets(const SourceRange &r) const;
  void value(gen::CioParser::ValueContext *ctx, ast::Index<ast::ValueNode> slot);
  void fieldAssign(gen::CioParser::FieldAssignContext *ctx, ast::Index<ast::FieldNode> slot);
  void entity(gen::CioParser::EntityContext *ctx, ast::Index<ast::EntityNode> slot);
  ast::KindDecl kindDecl(gen::CioParser::KindDeclContext *ctx);
  ast::TypeRef typeRef(gen::CioParser::TypeRefContext *ctx);
  ast::Annotation annotation(gen::CioParser::AnnotationContext *ctx);
  ast::EnumDecl enumDecl(gen::CioParser::EnumDeclContext *ctx);
  ast::NormDecl normDecl(gen::CioParser::NormDeclContext *ctx);
  ast::ExprPtr placeholder(antlr4::ParserRuleContext *ctx);
  ast::ExprPtr expr(gen::CioParser::ExprContext *ctx);
  ast::ExprPtr orExpr(gen::CioParser::OrExprContext *ctx);
  ast::ExprPtr andExpr(gen::CioParser::AndExprContext *ctx);
  ast::ExprPtr notExpr(gen::CioParser::NotExprContext *ctx);
  ast::ExprPtr compareExpr(gen::CioParser::CompareExprContext *ctx);
  ast::ExprPtr addExpr(gen::CioParser::AddExprContext *ctx);
  ast::ExprPtr pathExpr(gen::CioParser::PathExprContext *ctx);
  ast::ExprPtr primary(gen::CioParser::PrimaryContext *ctx);
  ast::ExprPtr quantifier(ast::ExprKind kind, gen::CioParser::NameContext *var, gen::CioParser::AddExprContext *domain,
                          gen::CioParser::ExprContext *body, antlr4::ParserRuleContext *whole);

  unsigned buffer_;
  const TokenRanges &positions_;
  const TokenBuffer &tokens_;
  DiagnosticEngine &diags_;
  ast::EntityTree *tree_ = nullptr;  // the file's, while build() runs
};

}  // namespace cio
