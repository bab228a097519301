#include "norms/Evaluator.h"

#include <algorithm>
#include <map>
#include <regex>
#include <unordered_map>

#include "sema/Sema.h"

namespace cio {

using namespace model;

namespace {

/// A value at evaluation time. Enum values compare by name (the checker
/// already made sure both sides belong to the same enum).
struct RValue {
  enum class K { Null, Bool, Number, Money, Date, Duration, Period, Text, Article, Enum, Entity, Set } k = K::Null;
  bool flag = false;
  double number = 0;
  int64_t cents = 0;
  Date date = 0, until = 0;  // Date; Period is [date, until]
  int32_t months = 0, days = 0;
  std::string text;
  EntityId ref = kNone;
  std::vector<RValue> items;

  static RValue boolean(bool b) {
    RValue v;
    v.k = K::Bool;
    v.flag = b;
    return v;
  }
  static RValue entity(EntityId e) {
    RValue v;
    v.k = K::Entity;
    v.ref = e;
    return v;
  }
  bool truthy() const { return k == K::Bool && flag; }
  /// The members of a set, or the value itself as a one-element set (nothing for Null).
  std::vector<RValue> members() const {
    if (k == K::Set) return items;
    if (k == K::Null) return {};
    return {*this};
  }
};

Date addDuration(Date d, int32_t months, int32_t days, int sign) {
  if (months) {
    int y, m, dd;
    splitDate(d, y, m, dd);
    int total = y * 12 + (m - 1) + sign * months;
    y = total / 12;
    m = total % 12 + 1;
    while (!makeDate(y, m, dd) && dd > 28) --dd;  // 31 Jan + 1 month = 28/29 Feb
    if (auto nd = makeDate(y, m, dd)) d = *nd;
  }
  return d + sign * days;
}

bool inside(const Model &m, EntityId e, EntityId container) {
  for (; e != kNone; e = m.entities[e].parent)
    if (e == container) return true;
  return false;
}

class Evaluator {
 public:
  Evaluator(const Model &m, DiagnosticEngine &d) : model_(m), schema_(m.schema), diags_(d) {
    // Domains like `voor elk m in ministerie` are evaluated inside nested
    // bindings: index the entities by every kind they are, once.
    size_t kinds = schema_.kinds.size();
    entitiesOfKind_.resize(kinds);
    for (EntityId e = 0; e < model_.entities.size(); ++e)
      for (KindId k = model_.entities[e].kind; k != kNone; k = schema_.kinds[k].base) entitiesOfKind_[k].push_back(e);
    // Navigation asks "is this child a K?" for every child: answer from a table.
    isA_.assign(kinds * kinds, false);
    childSingle_.assign(kinds * kinds, false);
    for (KindId k = 0; k < kinds; ++k)
      for (KindId b = 0; b < kinds; ++b) {
        isA_[k * kinds + b] = schema_.isA(k, b);
        childSingle_[k * kinds + b] = schema_.childIsSingle(k, b);
      }
  }

  struct Violation {
    Diagnostic diag;
    std::vector<EntityId> bound;
  };
  std::vector<Violation> violations;

  void run(const std::vector<LoadedFile> &files) {
    for (const LoadedFile &f : files)
      for (const ast::ConstantDecl &c : f.ast.constants)
        if (c.value) constants_[c.name.text] = eval(*c.value);
    for (const LoadedFile &f : files)
      for (const ast::NormDecl &n : f.ast.norms) evaluate(n);
    // One note per missing level, at its first norm, listing every norm not evaluated.
    for (const auto &[level, norms] : notEvaluated_) {
      std::string list;
      for (const ast::NormDecl *n : norms)
        list += (list.empty() ? "" : ", ") + n->name.text + " (" + n->article->text + ")";
      diags_.report(DiagId::norm_not_evaluated, norms.front()->name.range, {level, list});
    }
  }

 private:
  RValue fromValue(const Value &v) const {
    RValue r;
    if (v.list) {
      r.k = RValue::K::Set;
      for (const Value &item : v.items) r.items.push_back(fromValue(item));
      return r;
    }
    switch (v.type) {
      case BaseType::Text:
        r.k = RValue::K::Text;
        r.text = v.text;
        break;
      case BaseType::Number:
        r.k = RValue::K::Number;
        r.number = v.number;
        break;
      case BaseType::Money:
        r.k = RValue::K::Money;
        r.cents = v.cents;
        break;
      case BaseType::Date:
        r.k = RValue::K::Date;
        r.date = v.date;
        break;
      case BaseType::Duration:
        r.k = RValue::K::Duration;
        r.months = v.months;
        r.days = v.days;
        break;
      case BaseType::Period:
        r.k = RValue::K::Period;
        r.date = v.date;
        r.until = v.until;
        break;
      case BaseType::Bool:
        r.k = RValue::K::Bool;
        r.flag = v.flag;
        break;
      case BaseType::Article:
        r.k = RValue::K::Article;
        r.text = v.text;
        break;
      case BaseType::Enum:
        r.k = RValue::K::Enum;
        r.text = v.text;
        break;
      case BaseType::Kind:
        r.k = RValue::K::Entity;
        r.ref = v.ref;
        break;
    }
    return r;
  }

  RValue member(const RValue &base, const std::string &name) const {
    if (base.k == RValue::K::Set) {
      RValue out;
      out.k = RValue::K::Set;
      for (const RValue &item : base.items)
        for (RValue &m : member(item, name).members()) out.items.push_back(std::move(m));
      return out;
    }
    if (base.k != RValue::K::Entity || base.ref == kNone) return RValue{};
    const Entity &e = model_.entities[base.ref];
    if (name == "ouder") return e.parent == kNone ? RValue{} : RValue::entity(e.parent);
    if (const FieldValue *f = e.field(name)) return fromValue(f->value);
    if (e.kind != kNone && schema_.findField(e.kind, name)) return RValue{};  // an unset optional field
    auto child = schema_.findKind(name);
    if (!child) return RValue{};
    RValue out;
    out.k = RValue::K::Set;
    for (EntityId c : e.children)
      if (model_.entities[c].kind != kNone && isA(model_.entities[c].kind, *child))
        out.items.push_back(RValue::entity(c));
    if (e.kind != kNone && childSingle_[e.kind * schema_.kinds.size() + *child])
      return out.items.empty() ? RValue{} : out.items.front();
    return out;
  }

  static bool equal(const RValue &a, const RValue &b) {
    if (a.k != b.k) return false;
    switch (a.k) {
      case RValue::K::Null:
        return true;
      case RValue::K::Bool:
        return a.flag == b.flag;
      case RValue::K::Number:
        return a.number == b.number;
      case RValue::K::Money:
        return a.cents == b.cents;
      case RValue::K::Date:
        return a.date == b.date;
      case RValue::K::Duration:
        return a.months == b.months && a.days == b.days;
      case RValue::K::Period:
        return a.date == b.date && a.until == b.until;
      case RValue::K::Text:
      case RValue::K::Article:
      case RValue::K::Enum:
        return a.text == b.text;
      case RValue::K::Entity:
        return a.ref == b.ref;
      case RValue::K::Set:
        if (a.items.size() != b.items.size()) return false;
        for (size_t i = 0; i < a.items.size(); ++i)
          if (!equal(a.items[i], b.items[i])) return false;
        return true;
    }
    return false;
  }

  bool isA(KindId k, KindId base) const { return isA_[k * schema_.kinds.size() + base]; }

  /// `a binnen b`: an entity that is b or lies inside it; an article that is b or one of its parts.
  bool within(const RValue &a, const RValue &b) const {
    if (a.k == RValue::K::Entity && b.k == RValue::K::Entity) return inside(model_, a.ref, b.ref);
    if (a.k == RValue::K::Article && b.k == RValue::K::Article) return articleCovers(b.text, a.text);
    return false;
  }

  /// -1, 0, 1; or nullopt when the values cannot be ordered (a missing field).
  static std::optional<int> order(const RValue &a, const RValue &b) {
    if (a.k != b.k) return std::nullopt;
    auto cmp = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    switch (a.k) {
      case RValue::K::Number:
        return cmp(a.number, b.number);
      case RValue::K::Money:
        return cmp(a.cents, b.cents);
      case RValue::K::Date:
        return cmp(a.date, b.date);
      case RValue::K::Duration:
        return cmp(int64_t(a.months) * 31 + a.days, int64_t(b.months) * 31 + b.days);
      default:
        return std::nullopt;
    }
  }

  RValue literal(const ast::Literal &lit) {
    RValue r;
    Value v;
    bool mismatch = false;
    DiagnosticEngine scratch;  // the checker reported malformed literals already
    if (!convertLiteral(lit, builtinTypes().at(literalTypeName(lit)), v, scratch, mismatch)) return r;
    return fromValue(v);
  }

  RValue eval(const ast::Expr &e) {
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::Literal:
        return literal(e.literal);
      case K::ReferenceDate: {
        RValue r;
        r.k = RValue::K::Date;
        r.date = model_.referenceDate;
        return r;
      }
      case K::Name: {
        for (auto it = scope_.rbegin(); it != scope_.rend(); ++it)
          if (it->first == e.ident.text) return it->second;
        if (auto c = constants_.find(e.ident.text); c != constants_.end()) return c->second;
        if (auto k = schema_.findKind(e.ident.text)) return allOfKind(*k);
        RValue r;  // a bare enum value
        r.k = RValue::K::Enum;
        r.text = e.ident.text;
        return r;
      }
      case K::Path:
        return member(eval(*e.operands[0]), e.ident.text);
      case K::Call: {
        RValue r;
        r.k = RValue::K::Number;
        r.number = static_cast<double>(eval(*e.operands[0]).members().size());
        return r;
      }
      case K::List: {
        RValue r;
        r.k = RValue::K::Set;
        for (const auto &item : e.operands) r.items.push_back(eval(*item));
        return r;
      }
      case K::Has:
        return RValue::boolean(eval(*e.operands[0]).k != RValue::K::Null);
      case K::Not:
        return RValue::boolean(!eval(*e.operands[0]).truthy());
      case K::And:
        for (const auto &op : e.operands)
          if (!eval(*op).truthy()) return RValue::boolean(false);
        return RValue::boolean(true);
      case K::Or:
        for (const auto &op : e.operands)
          if (eval(*op).truthy()) return RValue::boolean(true);
        return RValue::boolean(false);
      case K::Implies:
        return RValue::boolean(!eval(*e.operands[0]).truthy() || eval(*e.operands[1]).truthy());
      case K::ForAll:
      case K::Exists:
      case K::None: {
        // For `er is een` and `geen`, the domain may come narrowed by the body's
        // first conjunct; every candidate then satisfies it, so it is not tested again.
        bool firstHolds = false;
        std::vector<RValue> domain = e.kind == K::ForAll
                                         ? eval(*e.operands[0]).members()
                                         : existentialDomain(e.ident.text, *e.operands[0], *e.operands[1], firstHolds);
        const ast::Expr &body = *e.operands[1];
        for (const RValue &v : domain) {
          scope_.emplace_back(e.ident.text, v);
          bool holds = true;
          if (!firstHolds)
            holds = eval(body).truthy();
          else if (body.kind == K::And)
            for (size_t i = 1; i < body.operands.size() && holds; ++i) holds = eval(*body.operands[i]).truthy();
          scope_.pop_back();
          if (e.kind == K::ForAll && !holds) return RValue::boolean(false);
          if (e.kind != K::ForAll && holds) return RValue::boolean(e.kind == K::Exists);
        }
        return RValue::boolean(e.kind != K::Exists);
      }
      case K::Compare: {
        if (e.op == "in")
          if (std::optional<bool> found = inListField(*e.operands[0], *e.operands[1])) return RValue::boolean(*found);
        RValue a = eval(*e.operands[0]), b = eval(*e.operands[1]);
        if (e.op == "=") return RValue::boolean(equal(a, b));
        if (e.op == "!=") return RValue::boolean(!equal(a, b));
        if (e.op == "binnen") return RValue::boolean(within(a, b));
        if (e.op == "in" && b.k == RValue::K::Period)
          return RValue::boolean(a.k == RValue::K::Date && b.date <= a.date && a.date <= b.until);
        if (e.op == "in") {
          for (const RValue &m : b.members())
            if (equal(a, m)) return RValue::boolean(true);
          return RValue::boolean(false);
        }
        std::optional<int> o = order(a, b);
        if (!o) return RValue::boolean(false);  // a missing value satisfies no ordering
        if (e.op == "<") return RValue::boolean(*o < 0);
        if (e.op == "<=") return RValue::boolean(*o <= 0);
        if (e.op == ">") return RValue::boolean(*o > 0);
        return RValue::boolean(*o >= 0);
      }
      case K::Add: {
        RValue acc = eval(*e.operands[0]);
        for (size_t i = 1; i < e.operands.size(); ++i) {
          RValue next = eval(*e.operands[i]);
          int sign = i - 1 < e.ops.size() && e.ops[i - 1] == "-" ? -1 : 1;
          if (acc.k == RValue::K::Null || next.k == RValue::K::Null) return RValue{};
          if (acc.k == RValue::K::Date && next.k == RValue::K::Duration)
            acc.date = addDuration(acc.date, next.months, next.days, sign);
          else if (acc.k == RValue::K::Date && next.k == RValue::K::Date) {
            acc.k = RValue::K::Duration;
            acc.months = 0;
            acc.days = acc.date - next.date;
          } else if (acc.k == RValue::K::Money)
            acc.cents += sign * next.cents;
          else if (acc.k == RValue::K::Number)
            acc.number += sign * next.number;
          else if (acc.k == RValue::K::Duration) {
            acc.months += sign * next.months;
            acc.days += sign * next.days;
          }
        }
        return acc;
      }
    }
    return RValue{};
  }

  /// The entities whose single-valued reference field `fieldName` refers to
  /// `target`; the index for a field name is built on first use.
  const std::vector<EntityId> &referrers(const std::string &fieldName, EntityId target) {
    auto [it, fresh] = referrers_.try_emplace(fieldName);
    if (fresh)
      for (EntityId e = 0; e < model_.entities.size(); ++e)
        if (const FieldValue *f = model_.entities[e].field(fieldName);
            f && !f->value.list && f->value.type == BaseType::Kind && f->value.ref != kNone)
          it->second[f->value.ref].push_back(e);
    static const std::vector<EntityId> none;
    auto hit = it->second.find(target);
    return hit == it->second.end() ? none : hit->second;
  }

  /// `x in y.veld` for an entity x and a list field of one entity y, answered
  /// from the stored value without building a set (members of a council are
  /// tested once per ministry); nullopt when the shortcut does not apply.
  std::optional<bool> inListField(const ast::Expr &lhs, const ast::Expr &rhs) {
    if (rhs.kind != ast::ExprKind::Path || rhs.operands.empty()) return std::nullopt;
    RValue base = eval(*rhs.operands[0]);
    if (base.k != RValue::K::Entity) return std::nullopt;
    const FieldValue *f = model_.entities[base.ref].field(rhs.ident.text);
    if (!f || !f->value.list || (!f->value.items.empty() && f->value.items.front().type != BaseType::Kind))
      return std::nullopt;
    RValue a = eval(lhs);
    if (a.k != RValue::K::Entity) return a.k == RValue::K::Null ? std::optional<bool>(false) : std::nullopt;
    if (f->value.items.size() < 16) {
      for (const Value &item : f->value.items)
        if (item.ref == a.ref) return true;
      return false;
    }
    // Long member lists (a council of every ministry) are tested once per ministry: sort them once.
    auto [it, fresh] = sortedLists_.try_emplace(f);
    if (fresh) {
      for (const Value &item : f->value.items) it->second.push_back(item.ref);
      std::sort(it->second.begin(), it->second.end());
    }
    return std::binary_search(it->second.begin(), it->second.end(), a.ref);
  }

  /// Whether expression `e` mentions the name `var` anywhere.
  static bool mentions(const ast::Expr &e, const std::string &var) {
    if ((e.kind == ast::ExprKind::Name || e.kind == ast::ExprKind::ForAll || e.kind == ast::ExprKind::Exists ||
         e.kind == ast::ExprKind::None) &&
        e.ident.text == var)
      return true;
    for (const auto &op : e.operands)
      if (op && mentions(*op, var)) return true;
    return false;
  }

  /// The candidates for `x` in `er is een x in K met C en …` (or `geen`, or a
  /// binding `voor elk x in K` with the filter `waarbij C en …`): a candidate
  /// for which C is false makes the whole false, so when C is `x binnen E`
  /// only E's subtree need be searched; for `E binnen x` only E's ancestors;
  /// for `x in S` only the members of S; for `x = E` only E. Everything else
  /// searches the whole domain. The result is the same, found faster;
  /// `firstHolds` tells that every candidate satisfies C.
  std::vector<RValue> existentialDomain(const std::string &var, const ast::Expr &domain, const ast::Expr &body,
                                        bool &firstHolds) {
    const ast::Expr *first = body.kind == ast::ExprKind::And && !body.operands.empty() ? body.operands[0].get() : &body;
    std::optional<KindId> kind;
    bool shadowed = false;
    for (const auto &[name, _] : scope_) shadowed |= domain.kind == ast::ExprKind::Name && name == domain.ident.text;
    if (domain.kind == ast::ExprKind::Name && !shadowed && !constants_.count(domain.ident.text))
      kind = schema_.findKind(domain.ident.text);
    std::optional<std::vector<EntityId>> candidates;
    if (kind && first && first->kind == ast::ExprKind::Compare) candidates = narrowBy(*first, var);
    if (!candidates) return eval(domain).members();
    firstHolds = true;
    std::vector<RValue> out;
    for (EntityId id : *candidates)
      if (KindId k = model_.entities[id].kind; k != kNone && isA(k, *kind)) out.push_back(RValue::entity(id));
    return out;
  }

  static bool isVariable(const ast::Expr &e, const std::string &var) {
    return e.kind == ast::ExprKind::Name && e.ident.text == var;
  }

  /// The entities that can make the comparison `c` true for the variable
  /// `var`, of any kind; nullopt when `c` has none of the narrowing shapes.
  std::optional<std::vector<EntityId>> narrowBy(const ast::Expr &c, const std::string &var) {
    const ast::Expr &lhs = *c.operands[0], &rhs = *c.operands[1];
    bool varLeft = isVariable(lhs, var) && !mentions(rhs, var);
    bool varRight = isVariable(rhs, var) && !mentions(lhs, var);
    std::vector<EntityId> out;
    auto entityOf = [&](const ast::Expr &e) {
      RValue v = eval(e);
      return v.k == RValue::K::Entity ? v.ref : kNone;
    };
    if (c.op == "=") {
      // `x.veld = E`: whatever refers to E through that field, from a reverse index.
      auto fieldOfVar = [&](const ast::Expr &side, const ast::Expr &other) {
        return side.kind == ast::ExprKind::Path && !side.operands.empty() && isVariable(*side.operands[0], var) &&
               !mentions(other, var);
      };
      bool viaLeft = fieldOfVar(lhs, rhs), viaRight = fieldOfVar(rhs, lhs);
      if (viaLeft || viaRight) {
        EntityId target = entityOf(viaLeft ? rhs : lhs);
        if (target == kNone) return std::nullopt;
        return referrers((viaLeft ? lhs : rhs).ident.text, target);
      }
      if (!varLeft && !varRight) return std::nullopt;
      if (EntityId only = entityOf(varLeft ? rhs : lhs); only != kNone) out.push_back(only);
      return out;
    }
    if (c.op == "in") {
      if (!varLeft) return std::nullopt;
      for (const RValue &m : eval(rhs).members())
        if (m.k == RValue::K::Entity && m.ref != kNone) out.push_back(m.ref);
      return out;
    }
    if (c.op != "binnen" || (!varLeft && !varRight)) return std::nullopt;
    EntityId anchor = entityOf(varLeft ? rhs : lhs);
    if (anchor == kNone) return out;  // `binnen` is false for every candidate
    if (varRight) {                   // `E binnen x`: x is E or one of its ancestors
      for (EntityId id = anchor; id != kNone; id = model_.entities[id].parent) out.push_back(id);
      return out;
    }
    std::vector<EntityId> stack{anchor};  // `x binnen E`: x is E or lies inside it
    while (!stack.empty()) {
      EntityId id = stack.back();
      stack.pop_back();
      out.push_back(id);
      for (EntityId child : model_.entities[id].children) stack.push_back(child);
    }
    return out;
  }

  /// The level (a kind annotated @niveau) that `k` is or can only live in, when
  /// the workspace declares none of it; else "".
  std::string absentLevel(KindId k) const {
    if (!entitiesOfKind_[k].empty()) return "";
    if (schema_.kinds[k].annotation("niveau")) return schema_.kinds[k].name;
    std::string level;
    for (KindId c = 0; c < schema_.kinds.size(); ++c) {
      if (!schema_.mayContain(c, k)) continue;
      if (!schema_.kinds[c].annotation("niveau") || !entitiesOfKind_[c].empty()) return "";
      if (level.empty()) level = schema_.kinds[c].name;
    }
    return level;
  }

  /// The mildest severity a finding about `e` may have: a kind annotated
  /// `@hoogstens(advies)` caps findings about itself and everything inside it.
  Severity severityCap(EntityId e) const {
    Severity cap = Severity::Error;
    for (; e != kNone; e = model_.entities[e].parent) {
      KindId k = model_.entities[e].kind;
      if (k == kNone) continue;
      for (KindId c = k; c != kNone; c = schema_.kinds[c].base)
        if (const AnnotationInfo *a = schema_.kinds[c].annotation("hoogstens"); a && !a->positional.empty())
          cap = std::max(cap, severityFromWord(a->positional.front()).value_or(Severity::Error));
    }
    return cap;
  }

  RValue allOfKind(KindId k) const {
    RValue r;
    r.k = RValue::K::Set;
    for (EntityId e : entitiesOfKind_[k]) r.items.push_back(RValue::entity(e));
    return r;
  }

  /// How a bound value reads in a message: an entity by its path, an article
  /// as `art4.c`, a date as JJJJ-MM-DD.
  std::string display(const RValue &v, const std::string &otherwise) const {
    switch (v.k) {
      case RValue::K::Entity: {
        const Entity &ent = model_.entities[v.ref];
        return ent.path.empty() ? schema_.kinds[ent.kind].name : ent.path;
      }
      case RValue::K::Article:
      case RValue::K::Enum:
      case RValue::K::Text:
        return v.text;
      case RValue::K::Date:
        return formatDate(v.date);
      default:
        return otherwise;
    }
  }

  std::string fill(const std::string &tmpl) const {
    std::string out;
    for (size_t i = 0; i < tmpl.size(); ++i) {
      size_t close = tmpl[i] == '{' ? tmpl.find('}', i) : std::string::npos;
      if (close == std::string::npos) {
        out += tmpl[i];
        continue;
      }
      std::string var = tmpl.substr(i + 1, close - i - 1);
      std::string shown = "{" + var + "}";
      for (auto it = scope_.rbegin(); it != scope_.rend(); ++it)
        if (it->first == var) {
          shown = display(it->second, shown);
          break;
        }
      out += shown;
      i = close;
    }
    return out;
  }

  void evaluate(const ast::NormDecl &n) {
    if (!n.article || !n.requirement || !n.message || n.bindings.empty() || !n.severity)
      return;  // reported by the checker
    for (const ast::NormBinding &b : n.bindings) {
      // A norm about a level the workspace does not declare is not evaluated, not passed.
      if (b.domain && b.domain->kind == ast::ExprKind::Name)
        if (auto k = schema_.findKind(b.domain->ident.text))
          if (std::string level = absentLevel(*k); !level.empty()) {
            notEvaluated_[level].push_back(&n);
            return;
          }
    }
    // Each filter is tested as soon as the last variable it mentions is bound,
    // so `voor elk c …; voor elk m …; voor elk t …; waarbij c.ouder = m` does
    // not enumerate t for pairs the filter rejects anyway.
    filterLevel_.assign(n.filters.size(), 0);
    for (size_t f = 0; f < n.filters.size(); ++f)
      for (size_t b = 0; b < n.bindings.size(); ++b)
        if (mentions(*n.filters[f], n.bindings[b].variable.text)) filterLevel_[f] = b;
    scope_.clear();
    bind(n, 0);
  }

  void bind(const ast::NormDecl &n, size_t index) {
    if (index == n.bindings.size()) {
      if (eval(*n.requirement).truthy()) return;
      report(n);
      return;
    }
    const ast::NormBinding &b = n.bindings[index];
    // The first filter waiting for this variable may narrow its domain.
    size_t narrowing = n.filters.size();
    for (size_t f = 0; f < n.filters.size() && narrowing == n.filters.size(); ++f)
      if (filterLevel_[f] == index && mentions(*n.filters[f], b.variable.text)) narrowing = f;
    bool firstHolds = false;
    std::vector<RValue> domain = narrowing == n.filters.size()
                                     ? eval(*b.domain).members()
                                     : existentialDomain(b.variable.text, *b.domain, *n.filters[narrowing], firstHolds);
    for (const RValue &v : domain) {
      scope_.emplace_back(b.variable.text, v);
      bool holds = true;
      for (size_t f = 0; f < n.filters.size() && holds; ++f) {
        if (filterLevel_[f] != index) continue;
        const ast::Expr &filter = *n.filters[f];
        if (f != narrowing || !firstHolds)
          holds = eval(filter).truthy();
        else if (filter.kind == ast::ExprKind::And)
          for (size_t i = 1; i < filter.operands.size() && holds; ++i) holds = eval(*filter.operands[i]).truthy();
      }
      if (holds) bind(n, index + 1);
      scope_.pop_back();
    }
  }

  void report(const ast::NormDecl &n) {
    Violation v;
    Diagnostic &d = v.diag;
    d.code = n.name.text;
    d.severity = severityFromWord(n.severity->text).value_or(Severity::Error);
    d.message = fill(n.message->text);
    d.article = n.article->text;
    for (const auto &[name, value] : scope_)
      if (value.k == RValue::K::Entity && value.ref != kNone) v.bound.push_back(value.ref);
    d.range = v.bound.empty() ? n.name.range : model_.entities[v.bound.front()].nameRange;
    for (EntityId b : v.bound) d.severity = std::max(d.severity, severityCap(b));
    if (auto a = schema_.articles.find(d.article); a != schema_.articles.end()) {
      d.notes.push_back({{}, diags_.text(DiagId::note_article_text, {d.article, a->second.text})});
      for (const Library &lib : schema_.libraries)
        if (lib.name == a->second.library)
          d.notes.push_back({{}, diags_.text(DiagId::note_article_link, {articleLink(lib, d.article)})});
    }
    if (n.help) d.help = fill(n.help->text);
    violations.push_back(std::move(v));
  }

  const Model &model_;
  const Schema &schema_;
  DiagnosticEngine &diags_;
  std::map<std::string, RValue> constants_;
  std::vector<std::pair<std::string, RValue>> scope_;
  std::map<std::string, std::vector<const ast::NormDecl *>> notEvaluated_;
  std::vector<std::vector<EntityId>> entitiesOfKind_;  // by kind, including base kinds
  std::vector<bool> isA_, childSingle_;                // kinds × kinds tables
  std::map<std::string, std::unordered_map<EntityId, std::vector<EntityId>>> referrers_;  // field -> target -> sources
  std::unordered_map<const FieldValue *, std::vector<EntityId>> sortedLists_;
  std::vector<size_t> filterLevel_;  // per filter of the current norm: the binding it waits for
};

/// Art. 17: a deviation suppresses the findings of the article it names (a
/// whole article covers its leden) that concern its entity: a bound entity is
/// that entity or lies inside it, or the entity is part of a bound entity (a
/// deviation for `CIO_FIN` covers the art. 3.1 finding about `FIN`, spec §7).
/// Expired deviations suppress nothing.
void applyDeviations(const Model &m, std::vector<Evaluator::Violation> &violations, DiagnosticEngine &diags) {
  for (KindId k = 0; k < m.schema.kinds.size(); ++k) {
    const AnnotationInfo *waiver = m.schema.kinds[k].annotation("uitzondering");
    if (!waiver) continue;
    auto arg = [&](const char *key) {
      auto it = waiver->args.find(key);
      return it == waiver->args.end() ? "" : it->second;
    };
    for (EntityId e = 0; e < m.entities.size(); ++e) {
      const Entity &dev = m.entities[e];
      if (dev.kind == kNone || !m.schema.isA(dev.kind, k)) continue;
      const FieldValue *van = dev.field(arg("van"));
      const FieldValue *betreft = dev.field(arg("betreft"));
      const FieldValue *tot = dev.field(arg("geldig_tot"));
      if (!van) continue;
      std::string name = dev.name.empty() ? dev.path : dev.name;
      if (tot && tot->value.date < m.referenceDate) {
        diags.report(DiagId::deviation_expired, dev.nameRange, {name, formatDate(tot->value.date)});
        continue;
      }
      bool used = false;
      for (Evaluator::Violation &v : violations) {
        if (!v.diag.suppressedBy.empty() || !articleCovers(van->value.text, v.diag.article)) continue;
        bool concerns = !betreft;
        for (EntityId b : v.bound)
          concerns = concerns || inside(m, b, betreft->value.ref) || inside(m, betreft->value.ref, b);
        if (!concerns) continue;
        v.diag.suppressedBy = name;
        used = true;
      }
      if (!used) diags.report(DiagId::deviation_unused, dev.nameRange, {name});
    }
  }
}

}  // namespace

bool articleCovers(const std::string &article, const std::string &part) {
  return part == article ||
         (part.size() > article.size() && part.compare(0, article.size(), article) == 0 && part[article.size()] == '.');
}

std::string articleLink(const Library &lib, const std::string &ref) {
  if (lib.identifier.rfind("BWBR", 0) != 0) return lib.link;
  // art15.5.a -> artikel=15&lid=5&onderdeel=a; art4.c -> artikel=4&onderdeel=c
  std::string url = "https://wetten.overheid.nl/jci1.3:c:" + lib.identifier;
  std::vector<std::string> parts;
  std::string rest = ref.substr(3);
  size_t pos;
  while ((pos = rest.find('.')) != std::string::npos) {
    parts.push_back(rest.substr(0, pos));
    rest = rest.substr(pos + 1);
  }
  parts.push_back(rest);
  url += "&artikel=" + parts[0];
  for (size_t i = 1; i < parts.size(); ++i)
    url += (std::isdigit(static_cast<unsigned char>(parts[i][0])) ? "&lid=" : "&onderdeel=") + parts[i];
  return url;
}

void evaluateNorms(const std::vector<LoadedFile> &files, const Model &model, DiagnosticEngine &diags) {
  Evaluator ev(model, diags);
  ev.run(files);
  applyDeviations(model, ev.violations, diags);
  for (Evaluator::Violation &v : ev.violations) diags.add(std::move(v.diag));
}

}  // namespace cio
