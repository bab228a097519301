#include "norms/NormChecker.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "norms/NormInputs.h"
#include "sema/Sema.h"

namespace cio {

using namespace model;

namespace {

/// The static type of a norm expression.
struct NType {
  enum class K { Error, Bool, Text, Number, Money, Date, Duration, Period, Article, Enum, Entity, BareName };
  K k = K::Error;
  uint32_t ref = kNone;  // enum, or kind of an entity (kNone: any entity)
  bool set = false;      // a set of entities or a list field
  std::string name;      // BareName: an identifier that may be an enum value

  static NType of(K k, uint32_t ref = kNone, bool set = false) { return {k, ref, set, ""}; }
  NType element() const { return {k, ref, false, name}; }
};

class NormChecker {
 public:
  NormChecker(const Schema &s, DiagnosticEngine &d) : schema_(s), diags_(d) {}

  CompiledNorms run(const std::vector<LoadedFile> &files) {
    CompiledNorms out;
    for (const LoadedFile &f : files)
      for (const ast::ConstantDecl &c : f.ast().constants) {
        if (!c.value) continue;
        CExpr value;
        NType t = settle(check(*c.value, value), *c.value, nullptr, value);
        constants_.emplace(c.name.text, std::make_pair(t, static_cast<uint32_t>(out.constants.size())));
        out.constantSlots.emplace(c.name.text, static_cast<uint32_t>(out.constants.size()));
        out.constants.push_back(std::move(value));
      }
    std::map<std::string, SourceRange> seen;
    for (const LoadedFile &f : files)
      for (const ast::NormDecl &n : f.ast().norms) {
        auto [it, fresh] = seen.emplace(n.name.text, n.name.range);
        if (!fresh) {
          Diagnostic &d = diags_.report(DiagId::duplicate_norm, n.name.range, {n.name.text});
          diags_.addNote(d, DiagId::note_previous_declaration, it->second);
        }
        CompiledNorm compiled = checkNorm(n);
        if (n.article && n.severity && n.requirement && n.message && !n.bindings.empty())
          out.norms.push_back(std::move(compiled));
      }
    for (CompiledNorm &n : out.norms) recordInputs(n, out);
    return out;
  }

 private:
  std::string describe(const NType &t) const {
    std::string n;
    switch (t.k) {
      case NType::K::Error:
        return "?";
      case NType::K::Bool:
        n = "ja_nee";
        break;
      case NType::K::Text:
        n = "tekst";
        break;
      case NType::K::Number:
        n = "getal";
        break;
      case NType::K::Money:
        n = "bedrag";
        break;
      case NType::K::Date:
        n = "datum";
        break;
      case NType::K::Duration:
        n = "duur";
        break;
      case NType::K::Period:
        n = "periode";
        break;
      case NType::K::Article:
        n = "artikel";
        break;
      case NType::K::Enum:
        n = schema_.enums[t.ref].name;
        break;
      case NType::K::Entity:
        n = t.ref == kNone ? "entiteit" : schema_.kinds[t.ref].name;
        break;
      case NType::K::BareName:
        n = t.name;
        break;
    }
    return "`" + (t.set ? "[" + n + "]" : n) + "`";
  }

  NType fromField(const Type &t) const {
    NType out;
    switch (t.base) {
      case BaseType::Text:
        out.k = NType::K::Text;
        break;
      case BaseType::Number:
        out.k = NType::K::Number;
        break;
      case BaseType::Money:
        out.k = NType::K::Money;
        break;
      case BaseType::Date:
        out.k = NType::K::Date;
        break;
      case BaseType::Duration:
        out.k = NType::K::Duration;
        break;
      case BaseType::Period:
        out.k = NType::K::Period;
        break;
      case BaseType::Bool:
        out.k = NType::K::Bool;
        break;
      case BaseType::Article:
        out.k = NType::K::Article;
        break;
      case BaseType::Enum:
        out.k = NType::K::Enum;
        break;
      case BaseType::Kind:
        out.k = NType::K::Entity;
        break;
    }
    out.ref = t.ref;
    out.set = t.list;
    return out;
  }

  NType expect(const ast::Expr &e, NType::K k, const std::string &what, CExpr &out) {
    NType t = check(e, out);
    if (t.k != NType::K::Error && (t.k != k || t.set))
      diags_.report(DiagId::norm_type_mismatch, e.range, {what, describe(t)});
    return t;
  }

  NType lookupName(const ast::Ident &id, CExpr &out) {
    for (auto it = scope_.rbegin(); it != scope_.rend(); ++it)
      if (it->name == id.text) {
        out.op = Op::Variable;
        out.slot = it->slot;
        return it->type;
      }
    if (auto c = constants_.find(id.text); c != constants_.end()) {
      out.op = Op::ConstantRef;
      out.slot = c->second.second;
      return c->second.first;
    }
    if (auto k = schema_.findKind(id.text)) {
      out.op = Op::KindSet;
      out.kind = *k;
      return NType::of(NType::K::Entity, *k, true);
    }
    NType bare = NType::of(NType::K::BareName);
    bare.name = id.text;
    return bare;
  }

  /// A bare name only makes sense where an enum value is expected.
  NType settle(const NType &t, const ast::Expr &e, const NType *against, CExpr &out) {
    if (t.k != NType::K::BareName) return t;
    if (against && against->k == NType::K::Enum) {
      const EnumInfo &en = schema_.enums[against->ref];
      for (const std::string &v : en.values)
        if (v == t.name) {
          out.op = Op::Constant;
          out.value.k = RValue::K::Enum;
          out.value.text = v;
          return NType::of(NType::K::Enum, against->ref);
        }
      Diagnostic &d = diags_.report(DiagId::unknown_enum_value, e.range, {t.name, en.name});
      if (std::string s = closestName(t.name, en.values); !s.empty()) diags_.suggest(d, s);
      return NType{};
    }
    Diagnostic &d = diags_.report(DiagId::norm_unbound_name, e.range, {t.name});
    std::vector<std::string> names;
    for (const Variable &v : scope_) names.push_back(v.name);
    for (auto &[n, _] : constants_) names.push_back(n);
    for (auto &[n, _] : schema_.kindByName) names.push_back(n);
    if (std::string s = closestName(t.name, names); !s.empty()) diags_.suggest(d, s);
    return NType{};
  }

  NType member(const NType &base, const ast::Ident &name, CExpr &out) {
    if (base.k == NType::K::Error) return base;
    if (base.k != NType::K::Entity) {
      diags_.report(DiagId::norm_unknown_member, name.range, {describe(base), name.text});
      return NType{};
    }
    if (name.text == "ouder") {
      out.op = Op::Parent;
      return NType::of(NType::K::Entity, kNone, base.set);
    }
    std::vector<KindId> kinds;
    if (base.ref != kNone)
      kinds.push_back(base.ref);
    else
      for (KindId k = 0; k < schema_.kinds.size(); ++k) kinds.push_back(k);
    for (KindId k : kinds) {
      if (const FieldInfo *f = schema_.findField(k, name.text)) {
        out.op = Op::Field;
        out.name = name.text;
        out.kind = base.ref;  // the static kind read: `explain` and dependencies know which kind's field this is
        NType t = fromField(f->type);
        t.set = t.set || base.set;
        return t;
      }
    }
    if (auto child = schema_.findKind(name.text))
      for (KindId k : kinds)
        if (schema_.mayContain(k, *child)) {
          out.op = Op::Children;
          out.kind = *child;
          return NType::of(NType::K::Entity, *child, base.set || !schema_.childIsSingle(k, *child));
        }
    Diagnostic &d = diags_.report(DiagId::norm_unknown_member, name.range, {describe(base), name.text});
    std::vector<std::string> names{"ouder"};
    if (base.ref != kNone) {
      for (const FieldInfo *f : schema_.allFields(base.ref)) names.push_back(f->name);
      for (const Containment *c : schema_.allContains(base.ref)) names.push_back(schema_.kinds[c->kind].name);
    }
    if (std::string s = closestName(name.text, names); !s.empty()) diags_.suggest(d, s);
    return NType{};
  }

  bool comparable(const NType &a, const NType &b) const {
    if (a.k == NType::K::Error || b.k == NType::K::Error) return true;
    if (a.k != b.k || a.set || b.set) return false;
    if (a.k == NType::K::Enum) return a.ref == b.ref;
    if (a.k == NType::K::Entity)
      return a.ref == kNone || b.ref == kNone || schema_.isA(a.ref, b.ref) || schema_.isA(b.ref, a.ref);
    return true;
  }

  NType literal(const ast::Literal &lit, CExpr &out) {
    NType t;
    auto constant = [&](const Value &v) {
      out.op = Op::Constant;
      out.value = toRValue(v);
    };
    switch (lit.kind) {
      case ast::LiteralKind::Text:
      case ast::LiteralKind::Bool:
      case ast::LiteralKind::Article:
        if (lit.kind == ast::LiteralKind::Article && !schema_.articles.count(lit.text))
          diags_.report(DiagId::unknown_article, lit.range, {lit.text});
        t.k = lit.kind == ast::LiteralKind::Text   ? NType::K::Text
              : lit.kind == ast::LiteralKind::Bool ? NType::K::Bool
                                                   : NType::K::Article;
        break;
      case ast::LiteralKind::Date:
        t.k = NType::K::Date;
        break;
      case ast::LiteralKind::YearPeriod:
      case ast::LiteralKind::DatePeriod:
        t.k = NType::K::Period;
        break;
      case ast::LiteralKind::Number: {
        std::string n = literalTypeName(lit);
        t.k = n == "bedrag" ? NType::K::Money : n == "duur" ? NType::K::Duration : NType::K::Number;
        break;
      }
    }
    // Validate the literal itself (dates, ranges, units) through the same converter as field values.
    Value v;
    bool mismatch = false;
    if (!convertLiteral(lit, builtinTypes().at(literalTypeName(lit)), v, diags_, mismatch)) return NType{};
    constant(v);
    return t;
  }

  NType quantifier(const ast::Expr &e, CExpr &out) {
    out.args.resize(2);
    NType domain = settle(check(*e.operands[0], out.args[0]), *e.operands[0], nullptr, out.args[0]);
    if (domain.k != NType::K::Error && !domain.set)
      diags_.report(DiagId::norm_type_mismatch, e.operands[0]->range, {"`[…]`", describe(domain)});
    out.slot = newVariable(e.ident.text);
    scope_.push_back({e.ident.text, domain.element(), out.slot});
    expect(*e.operands[1], NType::K::Bool, "`ja_nee`", out.args[1]);
    scope_.pop_back();
    return NType::of(NType::K::Bool);
  }

  uint32_t newVariable(const std::string &name) {
    variables_->push_back(name);
    return static_cast<uint32_t>(variables_->size() - 1);
  }

  NType check(const ast::Expr &e, CExpr &out) {
    out.range = e.range;
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::Literal:
        return literal(e.literal, out);
      case K::Name:
        return lookupName(e.ident, out);
      case K::ReferenceDate:
        out.op = Op::ReferenceDate;
        return NType::of(NType::K::Date);
      case K::Path: {
        out.args.resize(1);
        NType base = settle(check(*e.operands[0], out.args[0]), *e.operands[0], nullptr, out.args[0]);
        return member(base, e.ident, out);
      }
      case K::Call: {
        // aantal(S): how many; begin(p), einde(p): the first and last day of a period;
        // lijn(x): the whole line above x.
        out.args.resize(e.operands.size());
        NType arg;
        for (size_t i = 0; i < e.operands.size(); ++i)
          arg = settle(check(*e.operands[i], out.args[i]), *e.operands[i], nullptr, out.args[i]);
        const std::string &f = e.ident.text;
        if (e.operands.size() == 1 && f == "aantal") {
          out.op = Op::Count;
          return NType::of(NType::K::Number);
        }
        if (e.operands.size() == 1 && (f == "begin" || f == "einde")) {
          if (arg.k != NType::K::Error && (arg.k != NType::K::Period || arg.set))
            diags_.report(DiagId::norm_type_mismatch, e.operands[0]->range, {"`periode`", describe(arg)});
          out.op = f == "begin" ? Op::PeriodStart : Op::PeriodEnd;
          return NType::of(NType::K::Date);
        }
        if (e.operands.size() == 1 && f == "lijn") return line(arg, *e.operands[0], out);
        diags_.report(DiagId::norm_unknown_function, e.ident.range, {e.ident.text});
        out.op = Op::Invalid;
        return NType{};
      }
      case K::List: {
        out.op = Op::List;
        out.args.resize(e.operands.size());
        NType first;
        for (size_t i = 0; i < e.operands.size(); ++i)
          first = settle(check(*e.operands[i], out.args[i]), *e.operands[i], nullptr, out.args[i]);
        first.set = true;
        return first;
      }
      case K::Has: {
        out.op = Op::Has;
        out.args.resize(1);
        const ast::Expr *target = e.operands.empty() ? nullptr : e.operands[0].get();
        if (target) check(*target, out.args[0]);
        if (!target || target->kind != K::Path)
          diags_.report(DiagId::norm_type_mismatch, e.range, {"`heeft x.veld`", "geen veld"});
        return NType::of(NType::K::Bool);
      }
      case K::Not:
      case K::And:
      case K::Or:
      case K::Implies:
        out.op = e.kind == K::Not ? Op::Not : e.kind == K::And ? Op::And : e.kind == K::Or ? Op::Or : Op::Implies;
        out.args.resize(e.operands.size());
        for (size_t i = 0; i < e.operands.size(); ++i) expect(*e.operands[i], NType::K::Bool, "`ja_nee`", out.args[i]);
        return NType::of(NType::K::Bool);
      case K::ForAll:
      case K::Exists:
      case K::None:
        out.op = e.kind == K::ForAll ? Op::ForAll : e.kind == K::Exists ? Op::Exists : Op::None;
        return quantifier(e, out);
      case K::Compare:
        return compare(e, out);
      case K::Add:
        return add(e, out);
    }
    return NType{};
  }

  static Op comparison(const std::string &op) {
    if (op == "=") return Op::Equal;
    if (op == "!=") return Op::NotEqual;
    if (op == "<") return Op::Less;
    if (op == "<=") return Op::LessEqual;
    if (op == ">") return Op::Greater;
    if (op == ">=") return Op::GreaterEqual;
    if (op == "binnen") return Op::Within;
    return Op::In;
  }

  NType compare(const ast::Expr &e, CExpr &out) {
    out.op = comparison(e.op);
    out.args.resize(2);
    CExpr &left = out.args[0], &right = out.args[1];
    NType a = check(*e.operands[0], left);
    if (e.op == "in" && e.operands[1]->kind == ast::ExprKind::List) {
      // `x in [v1, v2]`: the items take their type from the left side (enum values).
      a = settle(a, *e.operands[0], nullptr, left);
      right.op = Op::List;
      right.args.resize(e.operands[1]->operands.size());
      for (size_t i = 0; i < right.args.size(); ++i) {
        const ast::Expr &item = *e.operands[1]->operands[i];
        NType t = settle(check(item, right.args[i]), item, &a, right.args[i]);
        if (!comparable(a, t)) diags_.report(DiagId::norm_incomparable, item.range, {describe(a), describe(t)});
      }
      return NType::of(NType::K::Bool);
    }
    NType b = check(*e.operands[1], right);
    if (e.op == "binnen") {
      // Containment: of an entity in an entity, or of an article part in an article.
      a = settle(a, *e.operands[0], nullptr, left);
      b = settle(b, *e.operands[1], nullptr, right);
      bool ok = a.k == NType::K::Error || b.k == NType::K::Error ||
                (!a.set && !b.set && a.k == b.k && (a.k == NType::K::Entity || a.k == NType::K::Article));
      if (!ok) diags_.report(DiagId::norm_incomparable, e.range, {describe(a), describe(b)});
      return NType::of(NType::K::Bool);
    }
    if (e.op == "in" && b.k == NType::K::Period && !b.set) {
      // `peildatum in plan.periode`: a date within a period.
      out.op = Op::InPeriod;
      a = settle(a, *e.operands[0], nullptr, left);
      if (a.k != NType::K::Error && (a.k != NType::K::Date || a.set))
        diags_.report(DiagId::norm_incomparable, e.range, {describe(a), describe(b)});
      return NType::of(NType::K::Bool);
    }
    if (e.op == "in") {
      NType element = b.element();  // `beleid in o.expertise`: the value takes the list's enum
      a = settle(a, *e.operands[0], b.k == NType::K::Enum ? &element : nullptr, left);
      b = settle(b, *e.operands[1], nullptr, right);
      if (!comparable(a, b.element()) || (b.k != NType::K::Error && !b.set))
        diags_.report(DiagId::norm_incomparable, e.range, {describe(a), describe(b)});
      return NType::of(NType::K::Bool);
    }
    a = settle(a, *e.operands[0], &b, left);
    b = settle(b, *e.operands[1], &a, right);
    if (!comparable(a, b)) {
      diags_.report(DiagId::norm_incomparable, e.range, {describe(a), describe(b)});
      return NType::of(NType::K::Bool);
    }
    bool ordered = out.op != Op::Equal && out.op != Op::NotEqual;
    if (ordered && a.k != NType::K::Error &&
        !(a.k == NType::K::Number || a.k == NType::K::Money || a.k == NType::K::Date || a.k == NType::K::Duration))
      diags_.report(DiagId::norm_incomparable, e.range, {describe(a), describe(b)});
    return NType::of(NType::K::Bool);
  }

  NType add(const ast::Expr &e, CExpr &out) {
    out.op = Op::Add;
    out.args.resize(e.operands.size());
    NType acc = settle(check(*e.operands[0], out.args[0]), *e.operands[0], nullptr, out.args[0]);
    for (size_t i = 1; i < e.operands.size(); ++i) {
      NType next = settle(check(*e.operands[i], out.args[i]), *e.operands[i], nullptr, out.args[i]);
      bool minus = i - 1 < e.ops.size() && e.ops[i - 1] == "-";
      out.signs.push_back(minus ? -1 : 1);
      if (acc.k == NType::K::Error || next.k == NType::K::Error) {
        acc = NType{};
        continue;
      }
      using K = NType::K;
      if (acc.set || next.set) {
        diags_.report(DiagId::norm_incomparable, e.range, {describe(acc), describe(next)});
        acc = NType{};
      } else if (acc.k == K::Date && next.k == K::Duration) {
        acc = NType::of(K::Date);
      } else if (acc.k == K::Date && next.k == K::Date && minus) {
        acc = NType::of(K::Duration);
      } else if (acc.k == next.k && (acc.k == K::Number || acc.k == K::Money || acc.k == K::Duration)) {
        acc = NType::of(acc.k);
      } else {
        diags_.report(DiagId::norm_incomparable, e.range, {describe(acc), describe(next)});
        acc = NType{};
      }
    }
    return acc;
  }

  /// The highest variable slot below `limit` that `e` reads, or -1.
  static long lastBinding(const CExpr &e, size_t limit) {
    long last = e.op == Op::Variable && e.slot < limit ? static_cast<long>(e.slot) : -1;
    for (const CExpr &a : e.args) last = std::max(last, lastBinding(a, limit));
    return last;
  }

  /// Every way the expression reads the first bound variable: `.veld` as the
  /// field's name, anything else (a part, `ouder`, the entity itself) as "".
  static void readsOfFirstVariable(const CExpr &e, std::set<std::string> &reads) {
    bool onFirst = !e.args.empty() && e.args[0].op == Op::Variable && e.args[0].slot == 0;
    if (onFirst && (e.op == Op::Field || e.op == Op::Children || e.op == Op::Parent)) {
      reads.insert(e.op == Op::Field ? e.name : "");
      return;
    }
    if (e.op == Op::Variable && e.slot == 0) reads.insert("");
    for (const CExpr &a : e.args) readsOfFirstVariable(a, reads);
  }

  /// A finding is reported at the field the norm names when its requirement
  /// reads the first bound entity only through that one field (`handvest = …`
  /// rather than the whole beraad); else at the entity.
  static std::string reportedField(const CExpr &requirement) {
    std::set<std::string> reads;
    readsOfFirstVariable(requirement, reads);
    return reads.size() == 1 ? *reads.begin() : "";
  }

  /// Splits a message template once into text and holes; a hole must name a binding.
  MessageTemplate splitTemplate(const ast::Literal &text, const ast::NormDecl &n) {
    MessageTemplate parts;
    const std::string &s = text.text;
    auto addText = [&](std::string t) {
      if (!parts.empty() && parts.back().slot == TemplatePart::kNoHole)
        parts.back().text += t;
      else
        parts.push_back({std::move(t)});
    };
    static const std::regex hole(R"(\{([A-Za-z_][A-Za-z0-9_]*)\})");
    size_t last = 0;
    for (std::sregex_iterator it(s.begin(), s.end(), hole), end; it != end; ++it) {
      std::string var = (*it)[1].str();
      uint32_t slot = TemplatePart::kNoHole;
      for (size_t b = 0; b < n.bindings.size(); ++b)
        if (n.bindings[b].variable.text == var) slot = static_cast<uint32_t>(b);
      if (slot == TemplatePart::kNoHole) diags_.report(DiagId::norm_unknown_template_variable, text.range, {var});
      addText(s.substr(last, it->position() - last));
      parts.push_back({it->str(), slot});
      last = it->position() + it->length();
    }
    if (last < s.size()) addText(s.substr(last));
    return parts;
  }

  CompiledNorm checkNorm(const ast::NormDecl &n) {
    auto missing = [&](const char *clause) {
      diags_.report(DiagId::norm_missing_clause, n.name.range, {n.name.text, clause});
    };
    if (!n.article)
      missing("artikel");
    else if (!schema_.articles.count(n.article->text)) {
      Diagnostic &d = diags_.report(DiagId::unknown_article, n.article->range, {n.article->text});
      std::vector<std::string> refs;
      for (auto &[r, _] : schema_.articles) refs.push_back(r);
      if (std::string s = closestName(n.article->text, refs); !s.empty()) diags_.suggest(d, s);
    }
    if (!n.severity)
      missing("ernst");
    else if (!severityFromWord(n.severity->text.view()))
      diags_.report(DiagId::norm_unknown_severity, n.severity->range, {n.severity->text});
    if (n.bindings.empty()) missing("voor elk");
    if (!n.requirement) missing("eis");
    if (!n.message) missing("melding");

    CompiledNorm out;
    out.name = n.name.text;
    out.nameRange = n.name.range;
    if (n.article) out.article = n.article->text;
    if (n.severity) out.severity = severityFromWord(n.severity->text.view()).value_or(Severity::Error);
    out.doc = n.doc;
    variables_ = &out.variables;
    // The bindings take the first slots, in order; quantifiers come after them.
    for (const ast::NormBinding &b : n.bindings) out.variables.push_back(b.variable.text);
    scope_.clear();
    out.domains.resize(n.bindings.size());
    for (size_t i = 0; i < n.bindings.size(); ++i) {
      const ast::NormBinding &b = n.bindings[i];
      NType domain = b.domain ? settle(check(*b.domain, out.domains[i]), *b.domain, nullptr, out.domains[i]) : NType{};
      if (domain.k != NType::K::Error && !domain.set)
        diags_.report(DiagId::norm_type_mismatch, b.domain->range, {"`[…]`", describe(domain)});
      scope_.push_back({b.variable.text, domain.element(), static_cast<uint32_t>(i)});
    }
    out.filters.resize(n.filters.size());
    for (size_t i = 0; i < n.filters.size(); ++i) {
      expect(*n.filters[i], NType::K::Bool, "`ja_nee`", out.filters[i]);
      // A filter is tested as soon as the last binding it reads is bound.
      out.filterLevel.push_back(static_cast<size_t>(std::max(0L, lastBinding(out.filters[i], n.bindings.size()))));
    }
    if (n.requirement) expect(*n.requirement, NType::K::Bool, "`ja_nee`", out.requirement);
    out.reportField = reportedField(out.requirement);
    if (n.message) out.message = splitTemplate(*n.message, n);
    if (n.help) out.help = splitTemplate(*n.help, n);
    variables_ = nullptr;
    return out;
  }

  struct Variable {
    std::string name;
    NType type;
    uint32_t slot;
  };

  /// `lijn(x)`: the entities above x along its kind's field annotated
  /// @hierarchie (`ressorteert_onder`), the whole line and not one step: the
  /// Besluit says "rechtstreeks" where it means one step, and "ressorteert
  /// onder" alone where any line upward will do.
  NType line(const NType &arg, const ast::Expr &operand, CExpr &out) {
    out.op = Op::Line;
    if (arg.k == NType::K::Error) return NType{};
    const FieldInfo *hierarchy = nullptr;
    if (arg.k == NType::K::Entity && arg.ref != kNone)
      for (const FieldInfo *f : schema_.allFields(arg.ref))
        if (!f->type.list && f->type.base == BaseType::Kind &&
            std::find(f->annotations.begin(), f->annotations.end(), "hierarchie") != f->annotations.end())
          hierarchy = f;
    if (!hierarchy) {
      diags_.report(DiagId::norm_type_mismatch, operand.range,
                    {"een functie met een lijn (`@hierarchie`)", describe(arg)});
      out.op = Op::Invalid;
      return NType{};
    }
    out.name = hierarchy->name;
    out.kind = arg.ref;
    return NType::of(NType::K::Entity, hierarchy->type.ref, true);
  }

  const Schema &schema_;
  DiagnosticEngine &diags_;
  std::map<std::string, std::pair<NType, uint32_t>> constants_;  // name -> type, slot
  std::vector<Variable> scope_;
  std::vector<std::string> *variables_ = nullptr;  // of the norm being checked
};

}  // namespace

CompiledNorms checkNorms(const std::vector<LoadedFile> &files, const Schema &schema, DiagnosticEngine &diags) {
  return NormChecker(schema, diags).run(files);
}

}  // namespace cio
