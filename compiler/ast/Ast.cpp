#include "ast/Ast.h"

namespace cio::ast {

std::string QualifiedName::str() const {
  std::string out;
  for (const Ident &p : parts) {
    if (!out.empty()) out += '.';
    out += p.text;
  }
  return out;
}

namespace {

struct RangeMover {
  int64_t delta;
  unsigned buffer;
  void operator()(SourceRange &r) const {
    if (!r.valid()) return;
    r.buffer = buffer;
    r.begin = static_cast<uint32_t>(r.begin + delta);
    r.end = static_cast<uint32_t>(r.end + delta);
  }
  void operator()(Ident &i) const { (*this)(i.range); }
  void operator()(Literal &l) const {
    (*this)(l.range);
    if (l.unit) (*this)(*l.unit);
  }
  void operator()(QualifiedName &q) const {
    (*this)(q.range);
    for (Ident &p : q.parts) (*this)(p);
  }
  void operator()(Value &v) const {
    (*this)(v.range);
    if (Literal *l = v.literalIf()) (*this)(*l);
    if (QualifiedName *q = v.referenceIf()) (*this)(*q);
    if (std::vector<Value> *items = v.itemsIf())
      for (Value &item : *items) (*this)(item);
  }
  void operator()(Entity &e) const {
    (*this)(e.range);
    (*this)(e.kind);
    for (Ident &owner : e.owners) (*this)(owner);
    if (e.name) (*this)(*e.name);
    if (e.title) (*this)(e.title->range);
    for (FieldAssign &f : e.fields) {
      (*this)(f.name);
      (*this)(f.value);
    }
    for (Entity &c : e.children) (*this)(c);
  }
};

}  // namespace

void moveRanges(Entity &e, int64_t delta, unsigned buffer) { RangeMover{delta, buffer}(e); }

}  // namespace cio::ast

namespace cio::ast {

const Literal &Value::literal() const {
  static const Literal none;
  const Literal *l = std::get_if<Literal>(&payload_);
  return l ? *l : none;
}

const QualifiedName &Value::reference() const {
  static const QualifiedName none;
  const QualifiedName *q = std::get_if<QualifiedName>(&payload_);
  return q ? *q : none;
}

const std::vector<Value> &Value::items() const {
  static const std::vector<Value> none;
  const std::vector<Value> *items = std::get_if<std::vector<Value>>(&payload_);
  return items ? *items : none;
}

}  // namespace cio::ast
