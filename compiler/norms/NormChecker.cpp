#include "norms/NormChecker.h"

#include <map>
#include <regex>
#include <set>

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

  void run(const std::vector<LoadedFile> &files) {
    for (const LoadedFile &f : files)
      for (const ast::ConstantDecl &c : f.ast.constants)
        if (c.value) constants_.emplace(c.name.text, check(*c.value));
    std::map<std::string, SourceRange> seen;
    for (const LoadedFile &f : files)
      for (const ast::NormDecl &n : f.ast.norms) {
        auto [it, fresh] = seen.emplace(n.name.text, n.name.range);
        if (!fresh) {
          Diagnostic &d = diags_.report(DiagId::duplicate_norm, n.name.range, {n.name.text});
          diags_.addNote(d, DiagId::note_previous_declaration, it->second);
        }
        checkNorm(n);
      }
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

  NType expect(const ast::Expr &e, NType::K k, const std::string &what) {
    NType t = check(e);
    if (t.k != NType::K::Error && (t.k != k || t.set))
      diags_.report(DiagId::norm_type_mismatch, e.range, {what, describe(t)});
    return t;
  }

  NType lookupName(const ast::Ident &id) {
    for (auto it = scope_.rbegin(); it != scope_.rend(); ++it)
      if (it->first == id.text) return it->second;
    if (auto c = constants_.find(id.text); c != constants_.end()) return c->second;
    if (auto k = schema_.findKind(id.text)) return NType::of(NType::K::Entity, *k, true);
    NType bare = NType::of(NType::K::BareName);
    bare.name = id.text;
    return bare;
  }

  /// A bare name only makes sense where an enum value is expected.
  NType settle(const NType &t, const ast::Expr &e, const NType *against) {
    if (t.k != NType::K::BareName) return t;
    if (against && against->k == NType::K::Enum) {
      const EnumInfo &en = schema_.enums[against->ref];
      for (const std::string &v : en.values)
        if (v == t.name) return NType::of(NType::K::Enum, against->ref);
      Diagnostic &d = diags_.report(DiagId::unknown_enum_value, e.range, {t.name, en.name});
      if (std::string s = closestName(t.name, en.values); !s.empty()) diags_.setHelp(d, DiagId::help_did_you_mean, {s});
      return NType{};
    }
    Diagnostic &d = diags_.report(DiagId::norm_unbound_name, e.range, {t.name});
    std::vector<std::string> names;
    for (auto &[n, _] : scope_) names.push_back(n);
    for (auto &[n, _] : constants_) names.push_back(n);
    for (auto &[n, _] : schema_.kindByName) names.push_back(n);
    if (std::string s = closestName(t.name, names); !s.empty()) diags_.setHelp(d, DiagId::help_did_you_mean, {s});
    return NType{};
  }

  NType member(const NType &base, const ast::Ident &name, const ast::Expr &whole) {
    if (base.k == NType::K::Error) return base;
    if (base.k != NType::K::Entity) {
      diags_.report(DiagId::norm_unknown_member, name.range, {describe(base), name.text});
      return NType{};
    }
    if (name.text == "ouder") return NType::of(NType::K::Entity, kNone, base.set);
    std::vector<KindId> kinds;
    if (base.ref != kNone)
      kinds.push_back(base.ref);
    else
      for (KindId k = 0; k < schema_.kinds.size(); ++k) kinds.push_back(k);
    for (KindId k : kinds) {
      if (const FieldInfo *f = schema_.findField(k, name.text)) {
        NType t = fromField(f->type);
        t.set = t.set || base.set;
        return t;
      }
    }
    if (auto child = schema_.findKind(name.text))
      for (KindId k : kinds)
        if (schema_.mayContain(k, *child))
          return NType::of(NType::K::Entity, *child, base.set || !schema_.childIsSingle(k, *child));
    Diagnostic &d = diags_.report(DiagId::norm_unknown_member, name.range, {describe(base), name.text});
    std::vector<std::string> names{"ouder"};
    if (base.ref != kNone) {
      for (const FieldInfo *f : schema_.allFields(base.ref)) names.push_back(f->name);
      for (const Containment *c : schema_.allContains(base.ref)) names.push_back(schema_.kinds[c->kind].name);
    }
    if (std::string s = closestName(name.text, names); !s.empty()) diags_.setHelp(d, DiagId::help_did_you_mean, {s});
    (void)whole;
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

  NType literal(const ast::Literal &lit) {
    NType t;
    switch (lit.kind) {
      case ast::LiteralKind::Text:
        return NType::of(NType::K::Text);
      case ast::LiteralKind::Bool:
        return NType::of(NType::K::Bool);
      case ast::LiteralKind::Article:
        if (!schema_.articles.count(lit.text)) diags_.report(DiagId::unknown_article, lit.range, {lit.text});
        return NType::of(NType::K::Article);
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
    return t;
  }

  NType quantifier(const ast::Expr &e) {
    NType domain = check(*e.operands[0]);
    if (domain.k != NType::K::Error && !(domain.k == NType::K::Entity && domain.set) && !domain.set)
      diags_.report(DiagId::norm_type_mismatch, e.operands[0]->range, {"`[…]`", describe(domain)});
    scope_.emplace_back(e.ident.text, domain.element());
    expect(*e.operands[1], NType::K::Bool, "`ja_nee`");
    scope_.pop_back();
    return NType::of(NType::K::Bool);
  }

  NType check(const ast::Expr &e) {
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::Literal:
        return literal(e.literal);
      case K::Name:
        return lookupName(e.ident);
      case K::ReferenceDate:
        return NType::of(NType::K::Date);
      case K::Path: {
        NType base = settle(check(*e.operands[0]), *e.operands[0], nullptr);
        return member(base, e.ident, e);
      }
      case K::Call: {
        for (const auto &arg : e.operands) settle(check(*arg), *arg, nullptr);
        if (e.ident.text != "aantal" || e.operands.size() != 1) {
          diags_.report(DiagId::norm_unknown_function, e.ident.range, {e.ident.text});
          return NType{};
        }
        return NType::of(NType::K::Number);
      }
      case K::List: {
        NType first;
        for (const auto &item : e.operands) first = settle(check(*item), *item, nullptr);
        first.set = true;
        return first;
      }
      case K::Has: {
        const ast::Expr *target = e.operands.empty() ? nullptr : e.operands[0].get();
        if (target) check(*target);
        if (!target || target->kind != K::Path)
          diags_.report(DiagId::norm_type_mismatch, e.range, {"`heeft x.veld`", "geen veld"});
        return NType::of(NType::K::Bool);
      }
      case K::Not:
        if (!e.operands.empty()) expect(*e.operands[0], NType::K::Bool, "`ja_nee`");
        return NType::of(NType::K::Bool);
      case K::And:
      case K::Or:
      case K::Implies:
        for (const auto &op : e.operands) expect(*op, NType::K::Bool, "`ja_nee`");
        return NType::of(NType::K::Bool);
      case K::ForAll:
      case K::Exists:
      case K::None:
        return quantifier(e);
      case K::Compare:
        return compare(e);
      case K::Add:
        return add(e);
    }
    return NType{};
  }

  NType compare(const ast::Expr &e) {
    NType a = check(*e.operands[0]);
    if (e.op == "in" && e.operands[1]->kind == ast::ExprKind::List) {
      // `x in [v1, v2]`: the items take their type from the left side (enum values).
      a = settle(a, *e.operands[0], nullptr);
      for (const auto &item : e.operands[1]->operands) {
        NType t = settle(check(*item), *item, &a);
        if (!comparable(a, t)) diags_.report(DiagId::norm_incomparable, item->range, {describe(a), describe(t)});
      }
      return NType::of(NType::K::Bool);
    }
    NType b = check(*e.operands[1]);
    if (e.op == "binnen") {
      // Containment: of an entity in an entity, or of an article part in an article.
      a = settle(a, *e.operands[0], nullptr);
      b = settle(b, *e.operands[1], nullptr);
      bool ok = a.k == NType::K::Error || b.k == NType::K::Error ||
                (!a.set && !b.set && a.k == b.k && (a.k == NType::K::Entity || a.k == NType::K::Article));
      if (!ok) diags_.report(DiagId::norm_incomparable, e.range, {describe(a), describe(b)});
      return NType::of(NType::K::Bool);
    }
    if (e.op == "in" && b.k == NType::K::Period && !b.set) {
      // `peildatum in plan.periode`: a date within a period.
      a = settle(a, *e.operands[0], nullptr);
      if (a.k != NType::K::Error && (a.k != NType::K::Date || a.set))
        diags_.report(DiagId::norm_incomparable, e.range, {describe(a), describe(b)});
      return NType::of(NType::K::Bool);
    }
    if (e.op == "in") {
      NType element = b.element();  // `beleid in o.expertise`: the value takes the list's enum
      a = settle(a, *e.operands[0], b.k == NType::K::Enum ? &element : nullptr);
      b = settle(b, *e.operands[1], nullptr);
      if (!comparable(a, b.element()) || (b.k != NType::K::Error && !b.set))
        diags_.report(DiagId::norm_incomparable, e.range, {describe(a), describe(b)});
      return NType::of(NType::K::Bool);
    }
    a = settle(a, *e.operands[0], &b);
    b = settle(b, *e.operands[1], &a);
    if (!comparable(a, b)) {
      diags_.report(DiagId::norm_incomparable, e.range, {describe(a), describe(b)});
      return NType::of(NType::K::Bool);
    }
    bool ordered = e.op != "=" && e.op != "!=";
    if (ordered && a.k != NType::K::Error &&
        !(a.k == NType::K::Number || a.k == NType::K::Money || a.k == NType::K::Date || a.k == NType::K::Duration))
      diags_.report(DiagId::norm_incomparable, e.range, {describe(a), describe(b)});
    return NType::of(NType::K::Bool);
  }

  NType add(const ast::Expr &e) {
    NType acc = settle(check(*e.operands[0]), *e.operands[0], nullptr);
    for (size_t i = 1; i < e.operands.size(); ++i) {
      NType next = settle(check(*e.operands[i]), *e.operands[i], nullptr);
      if (acc.k == NType::K::Error || next.k == NType::K::Error) {
        acc = NType{};
        continue;
      }
      using K = NType::K;
      bool minus = i - 1 < e.ops.size() && e.ops[i - 1] == "-";
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

  void checkNorm(const ast::NormDecl &n) {
    auto missing = [&](const char *clause) {
      diags_.report(DiagId::norm_missing_clause, n.name.range, {n.name.text, clause});
    };
    if (!n.article)
      missing("artikel");
    else if (!schema_.articles.count(n.article->text)) {
      Diagnostic &d = diags_.report(DiagId::unknown_article, n.article->range, {n.article->text});
      std::vector<std::string> refs;
      for (auto &[r, _] : schema_.articles) refs.push_back(r);
      if (std::string s = closestName(n.article->text, refs); !s.empty())
        diags_.setHelp(d, DiagId::help_did_you_mean, {s});
    }
    if (!n.severity)
      missing("ernst");
    else if (!severityFromWord(n.severity->text))
      diags_.report(DiagId::norm_unknown_severity, n.severity->range, {n.severity->text});
    if (n.bindings.empty()) missing("voor elk");
    if (!n.requirement) missing("eis");
    if (!n.message) missing("melding");

    scope_.clear();
    for (const ast::NormBinding &b : n.bindings) {
      NType domain = b.domain ? settle(check(*b.domain), *b.domain, nullptr) : NType{};
      if (domain.k != NType::K::Error && !domain.set)
        diags_.report(DiagId::norm_type_mismatch, b.domain->range, {"`[…]`", describe(domain)});
      scope_.emplace_back(b.variable.text, domain.element());
    }
    for (const ast::ExprPtr &f : n.filters) expect(*f, NType::K::Bool, "`ja_nee`");
    if (n.requirement) expect(*n.requirement, NType::K::Bool, "`ja_nee`");
    for (const std::optional<ast::Literal> *text : {&n.message, &n.help}) {
      if (!*text) continue;
      static const std::regex hole(R"(\{([A-Za-z_][A-Za-z0-9_]*)\})");
      const std::string &s = (*text)->text;
      for (std::sregex_iterator it(s.begin(), s.end(), hole), end; it != end; ++it) {
        std::string var = (*it)[1].str();
        bool bound = false;
        for (const ast::NormBinding &b : n.bindings) bound |= b.variable.text == var;
        if (!bound) diags_.report(DiagId::norm_unknown_template_variable, (*text)->range, {var});
      }
    }
  }

  const Schema &schema_;
  DiagnosticEngine &diags_;
  std::map<std::string, NType> constants_;
  std::vector<std::pair<std::string, NType>> scope_;
};

}  // namespace

void checkNorms(const std::vector<LoadedFile> &files, const Schema &schema, DiagnosticEngine &diags) {
  NormChecker(schema, diags).run(files);
}

}  // namespace cio
