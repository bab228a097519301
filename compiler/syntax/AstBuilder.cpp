#include "syntax/AstBuilder.h"

#include <typeinfo>

namespace cio {

using P = gen::CioParser;

namespace {

/// `node` as an `Alt` when it is exactly one (a labelled alternative, or a rule
/// without alternatives: classes of the generated parser that nothing derives
/// from). A type comparison: dynamic_cast, here and in the accessors of the
/// generated contexts, walked class hierarchies and compared type names as
/// strings, a seventh of a check. For the entities only; the declarations are few.
template <class Alt>
Alt *exactly(antlr4::tree::ParseTree *node) {
  return node && typeid(*node) == typeid(Alt) ? static_cast<Alt *>(node) : nullptr;
}

bool isValue(antlr4::tree::ParseTree *node) {
  return exactly<P::ReferenceValueContext>(node) || exactly<P::LiteralValueContext>(node) ||
         exactly<P::ListValueContext>(node);
}

}  // namespace

SourceRange AstBuilder::range(antlr4::Token *tok) const { return positions_.range(tok); }

SourceRange AstBuilder::range(antlr4::ParserRuleContext *ctx) const {
  SourceRange r = range(ctx->getStart());
  antlr4::Token *stop = ctx->getStop();
  if (stop && stop->getType() != antlr4::Token::EOF && stop->getStopIndex() != INVALID_INDEX &&
      stop->getStopIndex() + 1 >= ctx->getStart()->getStartIndex())
    r.end = positions_.byteOffset(stop->getStopIndex() + 1);
  return r;
}

std::string AstBuilder::docComment(antlr4::ParserRuleContext *ctx) const {
  std::string doc;
  for (std::string_view comment : tokens_.docCommentsBefore(ctx->getStart()->getTokenIndex())) {
    std::string line(comment.substr(3));
    if (!line.empty() && line[0] == ' ') line.erase(0, 1);
    if (!doc.empty()) doc += '\n';
    doc += line;
  }
  return doc;
}

ast::Ident AstBuilder::ident(P::NameContext *ctx) const {
  if (!ctx) return {};
  return {std::string(positions_.text(ctx->getStart())), range(ctx)};
}

ast::Ident AstBuilder::ident(antlr4::tree::TerminalNode *node) const {
  if (!node) return {};
  return {std::string(positions_.text(node->getSymbol())), range(node->getSymbol())};
}

ast::QualifiedName AstBuilder::qualifiedName(P::QualifiedNameContext *ctx) const {
  ast::QualifiedName q;
  for (P::NameContext *n : ctx->name()) q.parts.push_back(ident(n));
  q.range = range(ctx);
  return q;
}

static void appendUtf8(std::string &out, uint32_t cp) {
  if (cp < 0x80)
    out += char(cp);
  else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

ast::Literal AstBuilder::textLiteral(antlr4::Token *tok) {
  ast::Literal lit;
  lit.kind = ast::LiteralKind::Text;
  lit.range = range(tok);
  std::string_view raw = positions_.text(tok);
  // Curly quotes (reported by the parser) are three bytes each in UTF-8.
  auto curly = [](std::string_view q) { return q == "\u201C" || q == "\u201D" || q == "\u201E"; };
  size_t begin = raw.size() >= 3 && curly(raw.substr(0, 3)) ? 3 : 1;
  size_t end = raw.size() >= begin + 3 && curly(raw.substr(raw.size() - 3)) ? raw.size() - 3
               : raw.size() >= begin + 1 && raw.back() == '"'               ? raw.size() - 1
                                                                            : raw.size();
  std::string text;  // decoded, then interned
  for (size_t i = begin; i < end; ++i) {
    if (raw[i] != '\\' || i + 1 >= end) {
      text += raw[i];
      continue;
    }
    char e = raw[++i];
    switch (e) {
      case '"':
        text += '"';
        break;
      case '\\':
        text += '\\';
        break;
      case 'n':
        text += '\n';
        break;
      case 't':
        text += '\t';
        break;
      case 'u': {
        size_t close = raw.find('}', i);
        uint32_t cp = 0;
        bool ok = i + 1 < end && raw[i + 1] == '{' && close != std::string::npos && close < end && close > i + 2 &&
                  close - i - 2 <= 6;
        for (size_t k = i + 2; ok && k < close; ++k) {
          if (!isxdigit(static_cast<unsigned char>(raw[k])))
            ok = false;
          else
            cp = cp * 16 + (isdigit(static_cast<unsigned char>(raw[k])) ? raw[k] - '0' : (tolower(raw[k]) - 'a' + 10));
        }
        if (ok && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
          appendUtf8(text, cp);
          i = close;
        } else {
          diags_.report(DiagId::invalid_escape, lit.range, {"\\u"});
        }
        break;
      }
      default: {
        std::string seq = "\\";
        seq += e;
        diags_.report(DiagId::invalid_escape, lit.range, {seq});
      }
    }
  }
  lit.text = text;
  return lit;
}

ast::Literal AstBuilder::literal(P::LiteralContext *ctx) {
  ast::Literal lit;
  lit.range = range(ctx);
  if (auto *c = exactly<P::YearPeriodContext>(ctx)) {
    lit.kind = ast::LiteralKind::YearPeriod;
    lit.text = std::string(positions_.text(c->NUMBER(0)->getSymbol()));
    lit.second = c->NUMBER(1) ? std::string(positions_.text(c->NUMBER(1)->getSymbol())) : "";
  } else if (auto *c = exactly<P::DatePeriodContext>(ctx)) {
    lit.kind = ast::LiteralKind::DatePeriod;
    lit.text = std::string(positions_.text(c->DATE(0)->getSymbol()));
    lit.second = c->DATE(1) ? std::string(positions_.text(c->DATE(1)->getSymbol())) : "";
  } else if (auto *c = exactly<P::NumberLiteralContext>(ctx)) {
    lit.kind = ast::LiteralKind::Number;
    lit.text = std::string(positions_.text(c->NUMBER()->getSymbol()));
    if (c->unit) lit.unit = ident(c->unit);
  } else if (auto *c = exactly<P::DateLiteralContext>(ctx)) {
    lit.kind = ast::LiteralKind::Date;
    lit.text = std::string(positions_.text(c->DATE()->getSymbol()));
  } else if (auto *c = exactly<P::TextLiteralContext>(ctx)) {
    return textLiteral(c->STRING()->getSymbol());
  } else if (auto *c = exactly<P::BoolLiteralContext>(ctx)) {
    lit.kind = ast::LiteralKind::Bool;
    lit.text = c->JA() ? "ja" : "nee";
  } else if (auto *c = exactly<P::ArticleLiteralContext>(ctx)) {
    lit.kind = ast::LiteralKind::Article;
    lit.text = std::string(positions_.text(c->ARTREF()->getSymbol()));
  }
  return lit;
}

ast::Offsets AstBuilder::offsets(const SourceRange &r) const {
  return r.valid() ? ast::Offsets{r.begin, r.end} : ast::Offsets{};
}

ast::IdentNode AstBuilder::identNode(P::NameContext *ctx) const {
  ast::Ident i = ident(ctx);
  return {i.text, offsets(i.range)};
}

void AstBuilder::value(P::ValueContext *ctx, ast::Index<ast::ValueNode> slot) {
  ast::Offsets at = offsets(range(ctx));
  if (auto *c = exactly<P::ListValueContext>(ctx)) {
    std::vector<P::ValueContext *> contexts;
    for (antlr4::tree::ParseTree *child : c->children)
      if (isValue(child)) contexts.push_back(static_cast<P::ValueContext *>(child));
    ast::Span<ast::ValueNode> items = tree_->addValues(uint32_t(contexts.size()));
    for (uint32_t i = 0; i < contexts.size(); ++i)
      value(contexts[i], ast::Index<ast::ValueNode>(items.first.get() + i));
    tree_->values[slot.get()].setList(items);
  } else if (auto *c = exactly<P::LiteralValueContext>(ctx)) {
    ast::Literal lit = literal(c->literal());
    ast::Index<ast::IdentNode> unit;
    if (lit.unit) unit = tree_->addIdent({lit.unit->text, offsets(lit.unit->range)});
    tree_->values[slot.get()].setLiteral(tree_->addLiteral({lit.text, lit.second, unit, lit.kind}));
  } else if (auto *c = exactly<P::ReferenceValueContext>(ctx)) {
    std::vector<P::NameContext *> names = c->qualifiedName()->name();
    ast::Span<ast::IdentNode> parts{ast::Index<ast::IdentNode>(uint32_t(tree_->idents.size())), uint32_t(names.size())};
    for (P::NameContext *n : names) tree_->addIdent(identNode(n));
    tree_->values[slot.get()].setReference(parts);
  }
  tree_->values[slot.get()].at = at;
}

void AstBuilder::fieldAssign(P::FieldAssignContext *ctx, ast::Index<ast::FieldNode> slot) {
  P::NameContext *name = nullptr;
  P::ValueContext *valueCtx = nullptr;
  for (antlr4::tree::ParseTree *child : ctx->children) {
    if (!name) name = exactly<P::NameContext>(child);
    if (!valueCtx && isValue(child)) valueCtx = static_cast<P::ValueContext *>(child);
  }
  tree_->fields[slot.get()].name = identNode(name);
  if (valueCtx) {
    ast::Index<ast::ValueNode> v = tree_->addValues(1).first;
    tree_->fields[slot.get()].value = v;
    value(valueCtx, v);
  }
}

void AstBuilder::entity(P::EntityContext *ctx, ast::Index<ast::EntityNode> slot) {
  auto node = [&]() -> ast::EntityNode & { return tree_->entities[slot.get()]; };  // the arrays grow below
  node().kind = identNode(ctx->kind);
  if (!ctx->owners.empty()) {
    node().owners = {ast::Index<ast::IdentNode>(uint32_t(tree_->idents.size())), uint32_t(ctx->owners.size())};
    for (P::NameContext *owner : ctx->owners) tree_->addIdent(identNode(owner));
  }
  if (ctx->entityName) node().name = identNode(ctx->entityName);
  if (ctx->STRING()) {
    ast::Literal lit = textLiteral(ctx->STRING()->getSymbol());
    node().title = lit.text;
    node().titleAt = offsets(lit.range);
  }
  std::vector<P::FieldAssignContext *> fields;
  std::vector<P::EntityContext *> children;
  for (antlr4::tree::ParseTree *child : ctx->children)
    if (auto *m = exactly<P::MemberContext>(child)) {
      // The first of either among the member's children (error recovery may put a token before it).
      P::FieldAssignContext *f = nullptr;
      P::EntityContext *c = nullptr;
      for (antlr4::tree::ParseTree *part : m->children) {
        if (!f) f = exactly<P::FieldAssignContext>(part);
        if (!c) c = exactly<P::EntityContext>(part);
      }
      if (f)
        fields.push_back(f);
      else if (c)
        children.push_back(c);
    }
  ast::Span<ast::FieldNode> fieldSlots = tree_->addFields(uint32_t(fields.size()));
  node().fields = fieldSlots;
  for (uint32_t i = 0; i < fields.size(); ++i)
    fieldAssign(fields[i], ast::Index<ast::FieldNode>(fieldSlots.first.get() + i));
  ast::Span<ast::EntityNode> childSlots = tree_->addEntities(uint32_t(children.size()));
  node().children = childSlots;
  for (uint32_t i = 0; i < children.size(); ++i)
    entity(children[i], ast::Index<ast::EntityNode>(childSlots.first.get() + i));
  node().doc = docComment(ctx);
  node().at = offsets(range(ctx));
}

ast::Annotation AstBuilder::annotation(P::AnnotationContext *ctx) {
  ast::Annotation a;
  a.name = ident(ctx->name());
  for (P::AnnotationArgContext *arg : ctx->annotationArg()) {
    ast::AnnotationArg out;
    out.key = ident(arg->name(0));
    if (arg->name().size() > 1) out.value = ident(arg->name(1));
    a.args.push_back(std::move(out));
  }
  a.range = range(ctx);
  return a;
}

ast::TypeRef AstBuilder::typeRef(P::TypeRefContext *ctx) {
  ast::TypeRef t;
  t.range = range(ctx);
  t.optional = ctx->optional != nullptr;
  if (ctx->typeRef()) {
    t.isList = true;
    t.element = std::make_unique<ast::TypeRef>(typeRef(ctx->typeRef()));
  } else {
    t.name = ident(ctx->name());
  }
  return t;
}

static uint32_t parseBound(antlr4::tree::TerminalNode *n) {
  unsigned long long v = 0;
  for (char c : n->getText())
    if (c >= '0' && c <= '9') v = std::min<unsigned long long>(v * 10 + (c - '0'), UINT32_MAX);
  return static_cast<uint32_t>(v);
}

ast::KindDecl AstBuilder::kindDecl(P::KindDeclContext *ctx) {
  ast::KindDecl k;
  k.name = ident(ctx->name(0));
  if (ctx->IS() && ctx->name().size() > 1) k.base = ident(ctx->name(1));
  for (P::AnnotationContext *a : ctx->annotation()) k.annotations.push_back(annotation(a));
  for (P::KindMemberContext *m : ctx->kindMember()) {
    if (P::FieldDeclContext *f = m->fieldDecl()) {
      ast::FieldDecl fd;
      fd.name = ident(f->name());
      if (f->typeRef()) fd.type = typeRef(f->typeRef());
      for (P::AnnotationContext *a : f->annotation()) fd.annotations.push_back(annotation(a));
      fd.doc = docComment(f);
      fd.range = range(f);
      k.fields.push_back(std::move(fd));
    } else if (P::ContainsDeclContext *c = m->containsDecl()) {
      ast::ContainsDecl cd;
      cd.kind = ident(c->name());
      cd.range = range(c);
      if (P::CardinalityContext *card = c->cardinality()) {
        // Children in order: '[' lo ('..' hi)? ']' where lo/hi are NUMBER or '*'.
        std::vector<antlr4::tree::ParseTree *> parts;
        for (antlr4::tree::ParseTree *ch : card->children) {
          std::string t = ch->getText();
          if (t != "[" && t != "]" && t != "..") parts.push_back(ch);
        }
        auto boundOf = [&](antlr4::tree::ParseTree *p) -> std::optional<uint32_t> {
          if (p->getText() == "*") return std::nullopt;
          auto *terminal = dynamic_cast<antlr4::tree::TerminalNode *>(p);
          if (!terminal) return std::nullopt;  // error recovery may leave a rule here
          return parseBound(terminal);
        };
        if (parts.size() == 1) {
          std::optional<uint32_t> b = boundOf(parts[0]);
          cd.min = b ? *b : 0;
          cd.max = b;
        } else if (parts.size() == 2) {
          std::optional<uint32_t> lo = boundOf(parts[0]);
          cd.min = lo ? *lo : 0;
          cd.max = boundOf(parts[1]);
        }
      } else {
        cd.min = 0;
        cd.max = std::nullopt;
      }
      k.contains.push_back(std::move(cd));
    }
  }
  k.doc = docComment(ctx);
  k.range = range(ctx);
  return k;
}

ast::EnumDecl AstBuilder::enumDecl(P::EnumDeclContext *ctx) {
  ast::EnumDecl e;
  std::vector<P::NameContext *> names = ctx->name();
  if (!names.empty()) e.name = ident(names[0]);
  for (size_t i = 1; i < names.size(); ++i) e.values.push_back(ident(names[i]));
  e.doc = docComment(ctx);
  e.range = range(ctx);
  return e;
}

ast::NormDecl AstBuilder::normDecl(P::NormDeclContext *ctx) {
  ast::NormDecl n;
  n.name = ident(ctx->name());
  for (P::NormClauseContext *clause : ctx->normClause()) {
    if (auto *c = dynamic_cast<P::NormArticleContext *>(clause)) {
      n.article = ident(c->ARTREF());
    } else if (auto *c = dynamic_cast<P::NormSeverityContext *>(clause)) {
      n.severity = ident(c->name());
    } else if (auto *c = dynamic_cast<P::NormBindingContext *>(clause)) {
      n.bindings.push_back({ident(c->name()), expr(c->expr())});
    } else if (auto *c = dynamic_cast<P::NormFilterContext *>(clause)) {
      n.filters.push_back(expr(c->expr()));
    } else if (auto *c = dynamic_cast<P::NormRequirementContext *>(clause)) {
      n.requirement = expr(c->expr());
    } else if (auto *c = dynamic_cast<P::NormMessageContext *>(clause)) {
      if (c->STRING()) n.message = textLiteral(c->STRING()->getSymbol());
    } else if (auto *c = dynamic_cast<P::NormHelpContext *>(clause)) {
      if (c->STRING()) n.help = textLiteral(c->STRING()->getSymbol());
    }
  }
  n.doc = docComment(ctx);
  n.range = range(ctx);
  return n;
}

// ---- expressions -------------------------------------------------------------

static ast::ExprPtr makeExpr(ast::ExprKind kind, SourceRange r) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = kind;
  e->range = r;
  return e;
}

ast::ExprPtr AstBuilder::placeholder(antlr4::ParserRuleContext *ctx) {
  // Error recovery can leave a rule without its children; a `ja` literal keeps
  // the AST complete (the syntax error was reported) so no later stage has to
  // guard against missing operands.
  auto e = makeExpr(ast::ExprKind::Literal, ctx ? range(ctx) : SourceRange{buffer_, 0, 0});
  e->literal.kind = ast::LiteralKind::Bool;
  e->literal.text = "ja";
  e->literal.range = e->range;
  return e;
}

ast::ExprPtr AstBuilder::expr(P::ExprContext *ctx) {
  if (!ctx) return placeholder(nullptr);
  if (auto *c = dynamic_cast<P::ImplicationContext *>(ctx)) {
    auto e = makeExpr(ast::ExprKind::Implies, range(ctx));
    e->operands.push_back(expr(c->expr(0)));
    e->operands.push_back(expr(c->expr(1)));
    return e;
  }
  if (auto *plain = dynamic_cast<P::PlainExprContext *>(ctx)) return orExpr(plain->orExpr());
  return placeholder(ctx);  // error recovery can leave an expression with neither alternative
}

ast::ExprPtr AstBuilder::orExpr(P::OrExprContext *ctx) {
  if (!ctx) return placeholder(nullptr);
  std::vector<P::AndExprContext *> parts = ctx->andExpr();
  if (parts.empty()) return placeholder(ctx);
  if (parts.size() == 1) return andExpr(parts[0]);
  auto e = makeExpr(ast::ExprKind::Or, range(ctx));
  for (P::AndExprContext *p : parts) e->operands.push_back(andExpr(p));
  return e;
}

ast::ExprPtr AstBuilder::andExpr(P::AndExprContext *ctx) {
  std::vector<P::NotExprContext *> parts = ctx ? ctx->notExpr() : std::vector<P::NotExprContext *>{};
  if (parts.empty()) return placeholder(ctx);
  if (parts.size() == 1) return notExpr(parts[0]);
  auto e = makeExpr(ast::ExprKind::And, range(ctx));
  for (P::NotExprContext *p : parts) e->operands.push_back(notExpr(p));
  return e;
}

ast::ExprPtr AstBuilder::notExpr(P::NotExprContext *ctx) {
  if (ctx->NIET()) {
    auto e = makeExpr(ast::ExprKind::Not, range(ctx));
    e->operands.push_back(ctx->notExpr() ? notExpr(ctx->notExpr()) : placeholder(ctx));
    return e;
  }
  if (!ctx->compareExpr()) return placeholder(ctx);
  return compareExpr(ctx->compareExpr());
}

ast::ExprPtr AstBuilder::compareExpr(P::CompareExprContext *ctx) {
  std::vector<P::AddExprContext *> parts = ctx->addExpr();
  if (parts.empty()) return placeholder(ctx);
  if (parts.size() == 1 || !ctx->op) return addExpr(parts[0]);
  auto e = makeExpr(ast::ExprKind::Compare, range(ctx));
  e->op = ctx->op->getText();
  e->operands.push_back(addExpr(parts[0]));
  e->operands.push_back(addExpr(parts[1]));
  return e;
}

ast::ExprPtr AstBuilder::addExpr(P::AddExprContext *ctx) {
  std::vector<P::PathExprContext *> parts = ctx->pathExpr();
  if (parts.empty()) return placeholder(ctx);
  if (parts.size() == 1) return pathExpr(parts[0]);
  auto e = makeExpr(ast::ExprKind::Add, range(ctx));
  for (antlr4::Token *op : ctx->op) e->ops.push_back(op->getText());
  for (P::PathExprContext *p : parts) e->operands.push_back(pathExpr(p));
  return e;
}

ast::ExprPtr AstBuilder::pathExpr(P::PathExprContext *ctx) {
  ast::ExprPtr base = ctx->primary() ? primary(ctx->primary()) : placeholder(ctx);
  for (P::NameContext *field : ctx->name()) {
    auto e = makeExpr(ast::ExprKind::Path, SourceRange::join(base->range, range(field)));
    e->ident = ident(field);
    e->operands.push_back(std::move(base));
    base = std::move(e);
  }
  return base;
}

ast::ExprPtr AstBuilder::quantifier(ast::ExprKind kind, P::NameContext *var, P::AddExprContext *domain,
                                    P::ExprContext *body, antlr4::ParserRuleContext *whole) {
  auto e = makeExpr(kind, range(whole));
  e->ident = ident(var);
  e->operands.push_back(domain ? addExpr(domain) : placeholder(whole));
  e->operands.push_back(expr(body));
  return e;
}

ast::ExprPtr AstBuilder::primary(P::PrimaryContext *ctx) {
  SourceRange r = range(ctx);
  if (auto *c = dynamic_cast<P::LiteralExprContext *>(ctx)) {
    auto e = makeExpr(ast::ExprKind::Literal, r);
    e->literal = literal(c->literal());
    return e;
  }
  if (auto *c = dynamic_cast<P::CallExprContext *>(ctx)) {
    auto e = makeExpr(ast::ExprKind::Call, r);
    e->ident = ident(c->name());
    for (P::ExprContext *arg : c->expr()) e->operands.push_back(expr(arg));
    return e;
  }
  if (auto *c = dynamic_cast<P::NameExprContext *>(ctx)) {
    auto e = makeExpr(ast::ExprKind::Name, r);
    e->ident = ident(c->name());
    return e;
  }
  if (dynamic_cast<P::ReferenceDateExprContext *>(ctx)) return makeExpr(ast::ExprKind::ReferenceDate, r);
  if (auto *c = dynamic_cast<P::ParenExprContext *>(ctx)) return expr(c->expr());
  if (auto *c = dynamic_cast<P::ListExprContext *>(ctx)) {
    auto e = makeExpr(ast::ExprKind::List, r);
    for (P::ExprContext *item : c->expr()) e->operands.push_back(expr(item));
    return e;
  }
  if (auto *c = dynamic_cast<P::HasExprContext *>(ctx)) {
    auto e = makeExpr(ast::ExprKind::Has, r);
    e->operands.push_back(c->pathExpr() ? pathExpr(c->pathExpr()) : placeholder(ctx));
    return e;
  }
  if (auto *c = dynamic_cast<P::ForAllExprContext *>(ctx))
    return quantifier(ast::ExprKind::ForAll, c->name(), c->addExpr(), c->expr(), ctx);
  if (auto *c = dynamic_cast<P::ExistsExprContext *>(ctx))
    return quantifier(ast::ExprKind::Exists, c->name(), c->addExpr(), c->expr(), ctx);
  if (auto *c = dynamic_cast<P::NoneExprContext *>(ctx))
    return quantifier(ast::ExprKind::None, c->name(), c->addExpr(), c->expr(), ctx);
  return makeExpr(ast::ExprKind::Literal, r);
}

void AstBuilder::build(P::FileContext *file, ast::File &out) {
  tree_ = &out.tree;
  for (P::TopItemContext *item : file->topItem()) {
    if (auto *u = item->useDecl()) {
      // Error recovery may conjure a `<missing …>` name; that was reported already.
      if (u->qualifiedName() && !u->qualifiedName()->getText().empty() &&
          u->qualifiedName()->getText().find("<missing") == std::string::npos)
        out.uses.push_back({qualifiedName(u->qualifiedName()), range(u)});
    } else if (auto *l = item->libraryDecl()) {
      ast::LibraryDecl lib;
      lib.name = ident(l->name());
      std::vector<P::FieldAssignContext *> fields = l->fieldAssign();
      lib.fields = out.tree.addFields(uint32_t(fields.size()));
      for (uint32_t i = 0; i < fields.size(); ++i)
        fieldAssign(fields[i], ast::Index<ast::FieldNode>(lib.fields.first.get() + i));
      lib.doc = docComment(l);
      lib.range = range(l);
      out.libraries.push_back(std::move(lib));
    } else if (auto *k = item->kindDecl()) {
      out.kinds.push_back(kindDecl(k));
    } else if (auto *e = item->enumDecl()) {
      out.enums.push_back(enumDecl(e));
    } else if (auto *c = item->constantDecl()) {
      out.constants.push_back({ident(c->name()), expr(c->expr()), docComment(c), range(c)});
    } else if (auto *a = item->articleDecl()) {
      ast::ArticleDecl art;
      art.ref = ident(a->ARTREF());
      if (a->STRING()) art.text = textLiteral(a->STRING()->getSymbol()).text;
      art.doc = docComment(a);
      art.range = range(a);
      out.articles.push_back(std::move(art));
    } else if (auto *n = item->normDecl()) {
      out.norms.push_back(normDecl(n));
    } else if (auto *en = item->entity()) {
      ast::Index<ast::EntityNode> slot = out.tree.addEntities(1).first;
      out.tree.roots.push_back(slot);
      entity(en, slot);
    }
  }
}

}  // namespace cio
