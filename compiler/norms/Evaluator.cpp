#include "norms/Evaluator.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "norms/ModelChange.h"
#include "norms/NormValue.h"

namespace cio {

using namespace model;

namespace {

class Evaluator {
 public:
  Evaluator(const Model &m, const CompiledNorms &norms, DiagnosticEngine &d)
      : model_(m), schema_(m.schema), norms_(norms), diags_(d) {
    // Domains like `voor elk m in ministerie` are evaluated inside nested
    // bindings: index the entities by every kind they are, once.
    size_t kinds = schema_.kinds.size();
    entitiesOfKind_.resize(kinds);
    // An erroneous entity is of no known kind: it is in no domain.
    for (EntityId e = 0; e < model_.entities.size(); ++e)
      if (!model_.entities[e].erroneous)
        for (KindId k = model_.entities[e].kind; k != kNone; k = schema_.kinds[k].base) entitiesOfKind_[k].push_back(e);
    // Navigation asks "is this child a K?" for every child. The kinds form a
    // forest by their bases; numbered in depth-first order, k is a b exactly
    // when k's number lies in b's interval: constant time, linear memory,
    // whatever the depth of inheritance (sema cut every cycle).
    std::vector<std::vector<KindId>> derived(kinds);
    std::vector<KindId> stack;
    for (KindId k = 0; k < kinds; ++k)
      (schema_.kinds[k].base == kNone ? stack : derived[schema_.kinds[k].base]).push_back(k);
    std::reverse(stack.begin(), stack.end());
    enter_.assign(kinds, 0);
    leave_.assign(kinds, 0);
    uint32_t clock = 0;
    std::vector<std::pair<KindId, bool>> work;
    for (KindId root : stack) work.push_back({root, false});
    while (!work.empty()) {
      auto [k, done] = work.back();
      work.pop_back();
      if (done) {
        leave_[k] = clock;
        continue;
      }
      enter_[k] = clock++;
      work.push_back({k, true});
      for (auto it = derived[k].rbegin(); it != derived[k].rend(); ++it) work.push_back({*it, false});
    }
  }

  Evaluation evaluation;
  bool recordOutcomes = false;
  BranchCoverage *coverage = nullptr;                  // `cioc test`: record each decision's outcome, take no shortcut
  const IncrementalEvaluation *incremental = nullptr;  // the language server's: keep runs, take over the previous
  std::vector<size_t> outcomeOfFinding;                // with recordOutcomes: the outcome each finding belongs to

  void run() {
    for (const CExpr &c : norms_.constants) constantValues_.push_back(eval(c));
    evaluation.outcomesRecorded = recordOutcomes;
    const IncrementalEvaluation *inc = incremental;
    if (inc) evaluation.runs.resize(norms_.norms.size());
    // What the previous evaluation found can be taken over when it was made
    // the same way, of the same norms, over a model of the same shape.
    if (inc && inc->prior && inc->priorModel && inc->priorNorms && !coverage &&
        inc->prior->outcomesRecorded == recordOutcomes && inc->prior->runs.size() == norms_.norms.size() &&
        inc->priorNorms->norms.size() == norms_.norms.size()) {
      change_ = compareModels(*inc->priorModel, model_, inc->sameFields);
      canReuse_ = !change_.shape;
    }
    for (size_t i = 0; i < norms_.norms.size(); ++i) evaluate(norms_.norms[i], i);
    // One note per missing level, at its first norm, listing every norm not evaluated.
    for (const auto &[level, norms] : notEvaluated_) {
      std::string list;
      for (const CompiledNorm *n : norms) list += (list.empty() ? "" : ", ") + n->name + " (" + n->article + ")";
      diags_.report(DiagId::norm_not_evaluated, norms.front()->nameRange, {level, list});
    }
  }

  /// The deviation rules of the schema, with the excluded articles from the
  /// constant the annotation names (`uitgezonderd = slotbepalingen`).
  DeviationRules deviationRules() const {
    DeviationRules rules = DeviationRules::of(schema_);
    for (const std::string &name : rules.excludedConstants)
      if (auto slot = norms_.constantSlots.find(name);
          slot != norms_.constantSlots.end() && slot->second < constantValues_.size())
        for (const RValue &v : constantValues_[slot->second].members())
          if (v.k == RValue::K::Article) rules.excluded.push_back(v.text);
    return rules;
  }

 private:
  bool isA(KindId k, KindId base) const { return enter_[base] <= enter_[k] && enter_[k] < leave_[base]; }
  bool entityIsA(EntityId e, KindId base) const {
    KindId k = model_.entities[e].kind;
    return k != kNone && isA(k, base);
  }

  /// Navigation from every member of a set, flattened into one set.
  /// Navigation from every member of a set, flattened into one set; what is
  /// unknown along the way leaves the set possibly incomplete.
  template <typename Step>
  RValue flatten(const RValue &base, Step step) {
    RValue out;
    out.k = RValue::K::Set;
    out.unknown = base.unknown;
    for (const RValue &item : base.items) {
      RValue next = step(item);
      out.unknown |= next.unknown;
      for (RValue &m : next.members()) out.items.push_back(std::move(m));
    }
    return out;
  }

  bool erroneous(EntityId e) const { return e != kNone && model_.entities[e].erroneous; }

  /// A reference to an erroneous entity is unknown; a list loses such members and says so.
  RValue withoutErroneous(RValue v) const {
    if (v.k == RValue::K::Entity) return erroneous(v.ref) ? RValue::unknownValue() : v;
    if (v.k != RValue::K::Set) return v;
    auto bad = [&](const RValue &m) { return m.k == RValue::K::Entity && erroneous(m.ref); };
    auto end = std::remove_if(v.items.begin(), v.items.end(), bad);
    if (end != v.items.end()) {
      v.items.erase(end, v.items.end());
      v.unknown = true;
    }
    return v;
  }

  RValue field(const RValue &base, Name name) {
    if (base.k == RValue::K::Set) return flatten(base, [&](const RValue &v) { return field(v, name); });
    if (base.unknown) return RValue::unknownValue();
    if (base.k != RValue::K::Entity || base.ref == kNone) return RValue{};
    const Entity &e = model_.entities[base.ref];
    if (e.erroneous) return RValue::unknownValue();
    const FieldValue *f = e.field(name);
    // An unset optional field has no value, unless an error may hide it.
    if (!f) return e.fieldsIncomplete || e.fieldIsErroneous(name) ? RValue::unknownValue() : RValue{};
    // An event dated after the reference date has not happened yet: no retroactive facts.
    if (f->field->event && f->value.type == BaseType::Date && !f->value.list && f->value.date > model_.referenceDate)
      return RValue{};
    return withoutErroneous(toRValue(f->value));
  }

  RValue children(const RValue &base, KindId kind) {
    if (base.k == RValue::K::Set) return flatten(base, [&](const RValue &v) { return children(v, kind); });
    if (base.unknown) return RValue::unknownValue();
    if (base.k != RValue::K::Entity || base.ref == kNone) return RValue{};
    const Entity &e = model_.entities[base.ref];
    RValue out;
    out.k = RValue::K::Set;
    out.unknown = e.childrenIncomplete || e.erroneous;  // a syntax error may hide one of these
    for (EntityId c : e.children) {
      if (entityIsA(c, kind)) out.items.push_back(RValue::entity(c));
      // An erroneous part may be one of these, unless it was probably meant as something else.
      if (const Entity &child = model_.entities[c]; child.erroneous)
        out.unknown = out.unknown || child.likelyKind == kNone || isA(child.likelyKind, kind);
    }
    if (e.kind != kNone && childIsSingle(e.kind, kind)) {
      if (!out.items.empty()) return out.items.front();
      return out.unknown ? RValue::unknownValue() : RValue{};
    }
    return out;
  }

  /// Schema::childIsSingle, asked once per pair of kinds that navigation meets.
  bool childIsSingle(KindId parent, KindId child) {
    auto [it, fresh] = childSingle_.try_emplace(uint64_t(parent) << 32 | child, false);
    if (fresh) it->second = schema_.childIsSingle(parent, child);
    return it->second;
  }

  RValue parent(const RValue &base) {
    if (base.k == RValue::K::Set) return flatten(base, [&](const RValue &v) { return parent(v); });
    if (base.unknown) return RValue::unknownValue();
    if (base.k != RValue::K::Entity || base.ref == kNone) return RValue{};
    EntityId p = model_.entities[base.ref].parent;
    if (erroneous(p)) return RValue::unknownValue();
    return p == kNone ? RValue{} : RValue::entity(p);
  }

  /// `lijn(x)`: up the field `name` from x until it ends or comes round; where
  /// a step is unknown, the line may go on above what it holds.
  RValue line(const RValue &base, const std::string &name) {
    if (base.k == RValue::K::Set) return flatten(base, [&](const RValue &v) { return line(v, name); });
    if (base.unknown) return RValue::unknownValue();
    RValue out;
    out.k = RValue::K::Set;
    if (base.k != RValue::K::Entity || base.ref == kNone) return out;
    std::vector<EntityId> seen{base.ref};
    for (RValue up = field(base, name);; up = field(up, name)) {
      if (up.unknown) {
        out.unknown = true;
        break;
      }
      if (up.k != RValue::K::Entity || std::find(seen.begin(), seen.end(), up.ref) != seen.end()) break;
      seen.push_back(up.ref);
      out.items.push_back(up);
    }
    return out;
  }

  /// `a binnen b`: an entity that is b or lies inside it; an article that is b or one of its parts.
  bool within(const RValue &a, const RValue &b) const {
    if (a.k == RValue::K::Entity && b.k == RValue::K::Entity) return inside(model_, a.ref, b.ref);
    if (a.k == RValue::K::Article && b.k == RValue::K::Article) return articleCovers(b.text, a.text);
    return false;
  }

  RValue allOfKind(KindId k) const {
    RValue r;
    r.k = RValue::K::Set;
    for (EntityId e : entitiesOfKind_[k]) r.items.push_back(RValue::entity(e));
    return r;
  }

  RValue eval(const CExpr &e) {
    if (!coverage) return evalNode(e);
    RValue v = evalNode(e);
    coverage->record(e, v);
    return v;
  }

  RValue evalNode(const CExpr &e) {
    switch (e.op) {
      case Op::Invalid:
        return RValue{};
      case Op::Constant:
        return e.value;
      case Op::ConstantRef:
        return e.slot < constantValues_.size() ? constantValues_[e.slot] : RValue{};
      case Op::Variable:
        return vars_[e.slot];
      case Op::KindSet:
        return allOfKind(e.kind);
      case Op::ReferenceDate: {
        RValue r;
        r.k = RValue::K::Date;
        r.date = model_.referenceDate;
        return r;
      }
      case Op::Field:
        return field(eval(e.args[0]), e.name);
      case Op::Children:
        return children(eval(e.args[0]), e.kind);
      case Op::Parent:
        return parent(eval(e.args[0]));
      case Op::Count: {
        RValue set = eval(e.args[0]), r;
        if (set.unknown) return RValue::unknownValue();
        r.k = RValue::K::Number;
        r.number = static_cast<double>(set.members().size());
        return r;
      }
      case Op::PeriodStart:
      case Op::PeriodEnd: {
        RValue p = eval(e.args[0]), r;
        if (p.unknown) return RValue::unknownValue();
        if (p.k != RValue::K::Period) return r;  // a missing period has no first or last day
        r.k = RValue::K::Date;
        r.date = e.op == Op::PeriodStart ? p.date : p.until;
        return r;
      }
      case Op::Line:
        return line(eval(e.args[0]), e.name);
      case Op::List: {
        RValue r;
        r.k = RValue::K::Set;
        for (const CExpr &item : e.args) {
          RValue v = eval(item);
          if (v.unknown && v.k == RValue::K::Null)
            r.unknown = true;
          else
            r.items.push_back(std::move(v));
        }
        return r;
      }
      case Op::Has: {
        RValue v = eval(e.args[0]);
        if (v.k != RValue::K::Null) return RValue::boolean(true);
        return v.unknown ? RValue::unknownValue() : RValue::boolean(false);
      }
      case Op::Not:
        return fromTruth(negate(truth(eval(e.args[0]))));
      case Op::And: {
        Truth all = Truth::True;  // a false operand decides: the rest is not evaluated
        for (size_t i = 0; i < e.args.size() && all != Truth::False; ++i) all = conjoin(all, truth(eval(e.args[i])));
        return fromTruth(all);
      }
      case Op::Or: {
        Truth any = Truth::False;  // a true operand decides
        for (size_t i = 0; i < e.args.size() && any != Truth::True; ++i) any = disjoin(any, truth(eval(e.args[i])));
        return fromTruth(any);
      }
      case Op::Implies: {
        Truth premise = truth(eval(e.args[0]));
        if (premise == Truth::False) return RValue::boolean(true);
        return fromTruth(disjoin(negate(premise), truth(eval(e.args[1]))));
      }
      case Op::ForAll:
      case Op::Exists:
      case Op::None:
        return quantify(e);
      case Op::In:
        if (std::optional<bool> found = inListField(e.args[0], e.args[1])) return RValue::boolean(*found);
        [[fallthrough]];
      case Op::Equal:
      case Op::NotEqual:
      case Op::Less:
      case Op::LessEqual:
      case Op::Greater:
      case Op::GreaterEqual:
      case Op::InPeriod:
      case Op::Within:
        return compare(e.op, eval(e.args[0]), eval(e.args[1]));
      case Op::Add: {
        RValue acc = eval(e.args[0]);
        for (size_t i = 1; i < e.args.size(); ++i) {
          RValue next = eval(e.args[i]);
          if (acc.unknown || next.unknown) return RValue::unknownValue();
          acc = addValues(acc, next, e.signs[i - 1]);
        }
        return acc;
      }
    }
    return RValue{};
  }

  RValue compare(Op op, const RValue &a, const RValue &b) const {
    if (op == Op::In) {
      for (const RValue &m : b.members())
        if (equalValues(a, m)) return RValue::boolean(true);
      return a.unknown || b.unknown ? RValue::unknownValue() : RValue::boolean(false);
    }
    if (a.unknown || b.unknown) return RValue::unknownValue();
    switch (op) {
      case Op::Equal:
        return RValue::boolean(equalValues(a, b));
      case Op::NotEqual:
        return RValue::boolean(!equalValues(a, b));
      case Op::Within:
        return RValue::boolean(within(a, b));
      case Op::InPeriod:
        return RValue::boolean(a.k == RValue::K::Date && b.k == RValue::K::Period && b.date <= a.date &&
                               a.date <= b.until);
      case Op::In:
        for (const RValue &m : b.members())
          if (equalValues(a, m)) return RValue::boolean(true);
        return RValue::boolean(false);
      default:
        break;
    }
    std::optional<int> o = orderValues(a, b);
    if (!o) return RValue::boolean(false);  // a missing value satisfies no ordering
    if (op == Op::Less) return RValue::boolean(*o < 0);
    if (op == Op::LessEqual) return RValue::boolean(*o <= 0);
    if (op == Op::Greater) return RValue::boolean(*o > 0);
    return RValue::boolean(*o >= 0);
  }

  enum class Truth { False, True, Unknown };
  static Truth truth(const RValue &v) {
    if (v.k == RValue::K::Bool) return v.flag ? Truth::True : Truth::False;
    return v.unknown ? Truth::Unknown : Truth::False;
  }
  static RValue fromTruth(Truth t) {
    return t == Truth::Unknown ? RValue::unknownValue() : RValue::boolean(t == Truth::True);
  }
  static Truth negate(Truth t) { return t == Truth::Unknown ? t : t == Truth::True ? Truth::False : Truth::True; }
  static Truth conjoin(Truth a, Truth b) {
    if (a == Truth::False || b == Truth::False) return Truth::False;
    return a == Truth::Unknown || b == Truth::Unknown ? Truth::Unknown : Truth::True;
  }
  static Truth disjoin(Truth a, Truth b) { return negate(conjoin(negate(a), negate(b))); }

  RValue quantify(const CExpr &e) {
    // For `er is een` and `geen`, the domain may come narrowed by the body's
    // first conjunct; every candidate then satisfies it, so it is not tested again.
    bool firstHolds = false, incomplete = false;
    std::vector<RValue> domain;
    if (e.op == Op::ForAll || coverage) {
      RValue all = eval(e.args[0]);
      incomplete = all.unknown;
      domain = std::move(all).members();
    } else {
      domain = candidates(e.slot, e.args[0], e.args[1], firstHolds, incomplete);
    }
    bool doubt = incomplete;  // an unknown member, or one that may be missing, decides nothing either way
    for (const RValue &v : domain) {
      vars_[e.slot] = v;
      Truth holds = holdsAfterFirst(e.args[1], firstHolds);
      if (holds == Truth::Unknown) doubt = true;
      if (e.op == Op::ForAll && holds == Truth::False) return RValue::boolean(false);
      if (e.op != Op::ForAll && holds == Truth::True) return RValue::boolean(e.op == Op::Exists);
    }
    if (doubt) return RValue::unknownValue();
    return RValue::boolean(e.op != Op::Exists);
  }

  /// Whether `c` holds, skipping its first conjunct when that is known to hold.
  Truth holdsAfterFirst(const CExpr &c, bool firstHolds) {
    if (!firstHolds) return truth(eval(c));
    if (c.op != Op::And) return Truth::True;
    Truth all = Truth::True;
    for (size_t i = 1; i < c.args.size() && all != Truth::False; ++i) all = conjoin(all, truth(eval(c.args[i])));
    return all;
  }

  /// `x in y.veld` for an entity x and a list field of one entity y, answered
  /// from the stored value without building a set (members of a council are
  /// tested once per ministry); nullopt when the shortcut does not apply.
  std::optional<bool> inListField(const CExpr &lhs, const CExpr &rhs) {
    if (rhs.op != Op::Field) return std::nullopt;
    RValue base = eval(rhs.args[0]);
    if (base.k != RValue::K::Entity || base.ref == kNone) return std::nullopt;
    if (model_.entities[base.ref].erroneous) return std::nullopt;
    const FieldValue *f = model_.entities[base.ref].field(rhs.name);
    if (!f || !f->value.list || f->value.incomplete ||
        (!f->value.items.empty() && f->value.items.front().type != BaseType::Kind))
      return std::nullopt;  // the general path knows what is unknown
    auto [clean, freshList] = cleanLists_.try_emplace(f, true);
    if (freshList)
      for (const Value &item : f->value.items) clean->second = clean->second && !erroneous(item.ref);
    if (!clean->second) return std::nullopt;
    RValue a = eval(lhs);
    if (a.k != RValue::K::Entity)
      return a.k == RValue::K::Null && !a.unknown ? std::optional<bool>(false) : std::nullopt;
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

  /// The entities whose single-valued reference field `fieldName` refers to
  /// `target`; the index for a field name is built on first use.
  /// `doubtful` tells that some entity's value of the field is unknown, so the
  /// index cannot tell all that refer to a target.
  std::vector<EntityId> referrers(Name fieldName, EntityId target, bool &doubtful) {
    auto [it, fresh] = referrers_.try_emplace(fieldName);
    bool &doubt = doubtfulReferrers_[fieldName];
    std::vector<std::pair<EntityId, EntityId>> &index = it->second;  // (target, source), sorted
    if (fresh) {
      for (EntityId e = 0; e < model_.entities.size(); ++e) {
        const Entity &ent = model_.entities[e];
        if (ent.erroneous) continue;
        const FieldValue *f = ent.field(fieldName);
        if (!f) {
          doubt = doubt || ent.fieldsIncomplete || ent.fieldIsErroneous(fieldName);
          continue;
        }
        if (!f->value.list && f->value.type == BaseType::Kind && f->value.ref != kNone) {
          doubt = doubt || erroneous(f->value.ref);
          index.push_back({f->value.ref, e});
        }
      }
      std::sort(index.begin(), index.end());
      index.shrink_to_fit();
    }
    doubtful = doubt;
    auto from = std::lower_bound(index.begin(), index.end(), std::make_pair(target, EntityId(0)));
    std::vector<EntityId> found;
    for (; from != index.end() && from->first == target; ++from) found.push_back(from->second);
    return found;
  }

  static bool mentions(const CExpr &e, uint32_t slot) {
    if (e.op == Op::Variable && e.slot == slot) return true;
    for (const CExpr &a : e.args)
      if (mentions(a, slot)) return true;
    return false;
  }
  static bool isVariable(const CExpr &e, uint32_t slot) { return e.op == Op::Variable && e.slot == slot; }

  /// The candidates for the variable in `slot` of `er is een x in K met C en …`
  /// (or `geen`, or a binding `voor elk x in K` with the filter `waarbij C en …`):
  /// a candidate for which C is false makes the whole false, so when C is
  /// `x binnen E` only E's subtree need be searched; for `E binnen x` only E's
  /// ancestors; for `x in S` only the members of S; for `x = E` only E; for
  /// `x.veld = E` what refers to E through that field. Everything else searches
  /// the whole domain. The result is the same, found faster; `firstHolds` tells
  /// that every candidate satisfies C.
  std::vector<RValue> candidates(uint32_t slot, const CExpr &domain, const CExpr &body, bool &firstHolds,
                                 bool &incomplete) {
    const CExpr &first = body.op == Op::And && !body.args.empty() ? body.args[0] : body;
    std::optional<std::vector<EntityId>> narrowed;
    if (domain.op == Op::KindSet) narrowed = narrowBy(first, slot);
    if (!narrowed) {
      RValue all = eval(domain);
      incomplete = all.unknown;
      return std::move(all).members();
    }
    firstHolds = true;
    std::vector<RValue> out;
    for (EntityId id : *narrowed)
      if (entityIsA(id, domain.kind)) out.push_back(RValue::entity(id));
    return out;
  }

  /// The entities that can make the comparison `c` true for the variable in
  /// `slot`, of any kind; nullopt when `c` has none of the narrowing shapes,
  /// or when what it compares with is unknown (then only testing every
  /// candidate tells which are unknown rather than false).
  std::optional<std::vector<EntityId>> narrowBy(const CExpr &c, uint32_t slot) {
    if (c.args.size() != 2) return std::nullopt;
    const CExpr &lhs = c.args[0], &rhs = c.args[1];
    bool varLeft = isVariable(lhs, slot) && !mentions(rhs, slot);
    bool varRight = isVariable(rhs, slot) && !mentions(lhs, slot);
    std::vector<EntityId> out;
    bool doubt = false;
    auto entityOf = [&](const CExpr &e) {
      RValue v = eval(e);
      doubt |= v.unknown;
      return v.k == RValue::K::Entity ? v.ref : kNone;
    };
    if (c.op == Op::Equal) {
      // `x.veld = E`: whatever refers to E through that field, from a reverse index.
      auto fieldOfVar = [&](const CExpr &side, const CExpr &other) {
        return side.op == Op::Field && isVariable(side.args[0], slot) && !mentions(other, slot);
      };
      bool viaLeft = fieldOfVar(lhs, rhs), viaRight = fieldOfVar(rhs, lhs);
      if (viaLeft || viaRight) {
        EntityId target = entityOf(viaLeft ? rhs : lhs);
        if (target == kNone) return std::nullopt;
        bool doubtful = false;
        std::vector<EntityId> found = referrers((viaLeft ? lhs : rhs).name, target, doubtful);
        if (doubtful) return std::nullopt;
        return found;
      }
      if (!varLeft && !varRight) return std::nullopt;
      EntityId only = entityOf(varLeft ? rhs : lhs);
      if (doubt) return std::nullopt;
      if (only != kNone) out.push_back(only);
      return out;
    }
    if (c.op == Op::In) {
      if (!varLeft) return std::nullopt;
      RValue set = eval(rhs);
      if (set.unknown) return std::nullopt;
      for (const RValue &m : set.members())
        if (m.k == RValue::K::Entity && m.ref != kNone) out.push_back(m.ref);
      return out;
    }
    if (c.op != Op::Within || (!varLeft && !varRight)) return std::nullopt;
    EntityId anchor = entityOf(varLeft ? rhs : lhs);
    if (doubt) return std::nullopt;
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

  /// Whether the previous evaluation's run of norm `i` holds now: none of
  /// the fields it reads changed on an entity of the kind it reads them on.
  bool reusable(const CompiledNorm &n, size_t i) const {
    if (!canReuse_ || !incremental->prior->runs[i].evaluated || incremental->priorNorms->norms[i].name != n.name)
      return false;
    for (const FieldRead &read : n.reads)
      for (const FieldRead &changed : change_.fields)
        if (read.field == changed.field &&
            (read.kind == kNone || changed.kind == kNone || isA(changed.kind, read.kind)))
          return false;
    return true;
  }

  /// The previous run of norm `i`, as this evaluation's: the same bindings of
  /// the same entities (the shape is the same), shown where they stand now.
  void reuse(const CompiledNorm &n, size_t i) {
    const Evaluation::Run &r = incremental->prior->runs[i];
    *tally_ = r.tally;
    for (Finding f : r.findings) {
      f.norm = &n;
      f.anchor = anchorOf(n, f);
      evaluation.findings.push_back(std::move(f));
    }
    size_t firstOutcome = evaluation.outcomes.size();
    for (Evaluation::Outcome o : r.outcomes) {
      o.norm = &n;
      evaluation.outcomes.push_back(o);
    }
    for (size_t k : r.outcomeOfFinding) outcomeOfFinding.push_back(firstOutcome + k);
    for (Evaluation::Outcome o : r.withheld) {
      o.norm = &n;
      evaluation.withheld.push_back(o);
    }
    ++evaluation.reused;
  }

  void evaluate(const CompiledNorm &n, size_t index) {
    // A norm about a level the workspace does not declare is not evaluated, not passed.
    for (const CExpr &domain : n.domains)
      if (domain.op == Op::KindSet)
        if (std::string level = absentLevel(domain.kind); !level.empty()) {
          notEvaluated_[level].push_back(&n);
          evaluation.notEvaluated.push_back(&n);
          return;
        }
    evaluation.evaluated.push_back(&n);
    tally_ = &evaluation.tallies[&n];
    size_t findings = evaluation.findings.size(), outcomes = evaluation.outcomes.size(),
           withheld = evaluation.withheld.size(), ofFinding = outcomeOfFinding.size();
    if (reusable(n, index)) {
      reuse(n, index);
    } else {
      vars_.assign(n.variables.size(), RValue{});
      bind(n, 0);
    }
    if (evaluation.runs.empty()) return;
    Evaluation::Run &run = evaluation.runs[index];
    run.evaluated = true;
    run.tally = *tally_;
    run.findings.assign(evaluation.findings.begin() + long(findings), evaluation.findings.end());
    run.outcomes.assign(evaluation.outcomes.begin() + long(outcomes), evaluation.outcomes.end());
    run.withheld.assign(evaluation.withheld.begin() + long(withheld), evaluation.withheld.end());
    for (size_t k = ofFinding; k < outcomeOfFinding.size(); ++k)
      run.outcomeOfFinding.push_back(outcomeOfFinding[k] - outcomes);
  }

  /// A binding whose conclusion an error in the data withholds: the norm is
  /// not evaluated for the first entity bound so far (slots below `bound`).
  void withhold(const CompiledNorm &n, size_t bound, EntityId at = kNone) {
    for (size_t slot = 0; slot < bound && at == kNone; ++slot)
      if (vars_[slot].k == RValue::K::Entity && vars_[slot].ref != kNone) at = vars_[slot].ref;
    ++tally_->unknown;
    Evaluation::Outcome o{&n, at, Evaluation::Outcome::Result::Unknown};
    evaluation.withheld.push_back(o);
    if (recordOutcomes) evaluation.outcomes.push_back(o);
  }

  void bind(const CompiledNorm &n, size_t index) {
    if (index == n.domains.size()) {
      Truth holds = truth(eval(n.requirement));
      if (holds == Truth::Unknown) return withhold(n, index, subjectOf(n));
      if (holds == Truth::False) report(n);
      ++(holds == Truth::True ? tally_->holds : tally_->violated);
      if (recordOutcomes) {
        EntityId at = holds == Truth::True ? firstBoundEntity(n) : evaluation.findings.back().subject;
        if (holds == Truth::False) outcomeOfFinding.push_back(evaluation.outcomes.size());
        evaluation.outcomes.push_back(
            {&n, at,
             holds == Truth::True ? Evaluation::Outcome::Result::Holds : Evaluation::Outcome::Result::Violated});
      }
      return;
    }
    // Each filter is tested as soon as the last variable it reads is bound; the
    // first of those that reads this variable may narrow its domain.
    size_t narrowing = n.filters.size();
    for (size_t f = 0; f < n.filters.size() && narrowing == n.filters.size(); ++f)
      if (n.filterLevel[f] == index && mentions(n.filters[f], static_cast<uint32_t>(index))) narrowing = f;
    bool firstHolds = false, incomplete = false;
    std::vector<RValue> domain;
    if (narrowing == n.filters.size() || coverage) {
      narrowing = n.filters.size();
      RValue all = eval(n.domains[index]);
      incomplete = all.unknown;
      domain = std::move(all).members();
    } else {
      domain = candidates(static_cast<uint32_t>(index), n.domains[index], n.filters[narrowing], firstHolds, incomplete);
    }
    for (const RValue &v : domain) {
      vars_[index] = v;
      Truth applies = Truth::True;
      for (size_t f = 0; f < n.filters.size() && applies != Truth::False; ++f)
        if (n.filterLevel[f] == index)
          applies = conjoin(applies, holdsAfterFirst(n.filters[f], f == narrowing && firstHolds));
      if (applies == Truth::True) bind(n, index + 1);
      // Whether the norm applies at all is unknown: it is not evaluated here.
      if (applies == Truth::Unknown) withhold(n, index + 1);
    }
    if (incomplete) withhold(n, index);  // a member that may be missing from the domain
  }

  EntityId firstBoundEntity(const CompiledNorm &n) const {
    for (size_t slot = 0; slot < n.domains.size(); ++slot)
      if (vars_[slot].k == RValue::K::Entity && vars_[slot].ref != kNone) return vars_[slot].ref;
    return kNone;
  }

  /// The entity a finding is about: the first bound entity; but when the
  /// requirement is `er is een c in S met …` and S holds exactly one entity,
  /// that entity is what fails the condition (the one CIO that does not report
  /// to the SG), so the finding is about it.
  EntityId subjectOf(const CompiledNorm &n) {
    EntityId first = firstBoundEntity(n);
    if (n.requirement.op != Op::Exists) return first;
    std::vector<RValue> candidates = eval(n.requirement.args[0]).members();
    if (candidates.size() == 1 && candidates.front().k == RValue::K::Entity && candidates.front().ref != kNone)
      return candidates.front().ref;
    return first;
  }

  /// Where a finding is shown: at the first bound entity's name, or at the
  /// one field the requirement reads where it is written; at the norm when nothing is bound.
  SourceRange anchorOf(const CompiledNorm &n, const Finding &f) const {
    if (f.bound.empty()) return n.nameRange;
    if (!n.reportField.empty() && f.bindings.front().k == RValue::K::Entity)
      if (const FieldValue *field = model_.entities[f.bindings.front().ref].field(n.reportField);
          field && field->nameRange().valid())
        return field->nameRange();
    return model_.entities[f.bound.front()].nameRange;
  }

  void report(const CompiledNorm &n) {
    Finding f;
    f.norm = &n;
    f.article = ArticleRef::parse(n.article);
    f.severity = n.severity;
    f.bindings.assign(vars_.begin(), vars_.begin() + static_cast<long>(n.domains.size()));
    for (const RValue &v : f.bindings)
      if (v.k == RValue::K::Entity && v.ref != kNone) f.bound.push_back(v.ref);
    f.subject = subjectOf(n);
    f.anchor = anchorOf(n, f);
    for (EntityId b : f.bound) f.severity = std::max(f.severity, severityCap(b));
    if (f.subject != kNone) f.severity = std::max(f.severity, severityCap(f.subject));
    evaluation.findings.push_back(std::move(f));
  }

  const Model &model_;
  const Schema &schema_;
  const CompiledNorms &norms_;
  DiagnosticEngine &diags_;
  std::vector<RValue> constantValues_;
  std::vector<RValue> vars_;  // by slot, for the norm being evaluated
  Tally *tally_ = nullptr;    // of the norm being evaluated
  std::map<std::string, std::vector<const CompiledNorm *>> notEvaluated_;
  std::vector<std::vector<EntityId>> entitiesOfKind_;  // by kind, including base kinds
  std::vector<uint32_t> enter_, leave_;                // by kind: its interval in the inheritance forest
  std::unordered_map<uint64_t, bool> childSingle_;     // (parent kind, child kind), filled on demand
  /// By field: (target, source) for each source whose field refers to target,
  /// sorted (eight bytes a reference; a hash map of vectors took about eighty).
  std::map<std::string, std::vector<std::pair<EntityId, EntityId>>> referrers_;
  std::unordered_map<const FieldValue *, std::vector<EntityId>> sortedLists_;
  std::unordered_map<const FieldValue *, bool> cleanLists_;  // lists that refer to no erroneous entity
  std::map<std::string, bool> doubtfulReferrers_;            // field -> some entity's value of it is unknown
  ModelChange change_;     // since the previous evaluation, when there is one to take over from
  bool canReuse_ = false;  // there is, and the model has its shape
};

}  // namespace

Verdict Evaluation::verdict(const CompiledNorm *norm) const {
  auto it = tallies.find(norm);
  return it == tallies.end() ? Verdict::NotEvaluated : verdictOf(it->second);
}

namespace {

/// Findings that a deviation with an error in its data may cover are not
/// concluded: they leave the findings and become withheld outcomes.
void withholdDoubtful(Evaluation &out, std::vector<size_t> &outcomeOfFinding, bool recordOutcomes) {
  if (std::none_of(out.findings.begin(), out.findings.end(),
                   [](const Finding &f) { return f.coverage == Coverage::Doubtful; }))
    return;
  std::vector<size_t> newIndex(out.findings.size(), SIZE_MAX);
  std::vector<Finding> kept;
  std::vector<size_t> keptOutcomes;
  for (size_t i = 0; i < out.findings.size(); ++i) {
    Finding &f = out.findings[i];
    if (f.coverage != Coverage::Doubtful) {
      newIndex[i] = kept.size();
      if (recordOutcomes) keptOutcomes.push_back(outcomeOfFinding[i]);
      kept.push_back(std::move(f));
      continue;
    }
    Tally &t = out.tallies[f.norm];
    --t.violated;
    ++t.unknown;
    Evaluation::Outcome o{f.norm, f.subject, Evaluation::Outcome::Result::Unknown};
    out.withheld.push_back(o);
    if (recordOutcomes) out.outcomes[outcomeOfFinding[i]].result = o.result;
  }
  out.findings = std::move(kept);
  outcomeOfFinding = std::move(keptOutcomes);
  for (DeviationStatus &d : out.deviations) {
    std::vector<size_t> covers;
    for (size_t i : d.covers)
      if (newIndex[i] != SIZE_MAX) covers.push_back(newIndex[i]);
    d.covers = std::move(covers);
  }
}

/// One note per entity (in entity order) naming the norms whose conclusion
/// about it an error in the data withholds; the errors themselves are reported where they are.
void noteWithheld(const Evaluation &out, const Model &model, DiagnosticEngine &diags) {
  std::map<EntityId, std::vector<const CompiledNorm *>> byEntity;
  for (const Evaluation::Outcome &o : out.withheld) {
    std::vector<const CompiledNorm *> &list = byEntity[o.entity];
    if (std::find(list.begin(), list.end(), o.norm) == list.end()) list.push_back(o.norm);
  }
  for (const auto &[entity, norms] : byEntity) {
    std::string list;
    for (const CompiledNorm *n : norms) list += (list.empty() ? "" : ", ") + n->name + " (" + n->article + ")";
    if (entity == kNone) {
      diags.report(DiagId::norms_withheld_workspace, norms.front()->nameRange, {list});
      continue;
    }
    const Entity &e = model.entities[entity];
    diags.report(DiagId::norms_withheld, e.nameRange, {e.path.empty() ? e.name : e.path, list});
  }
}

}  // namespace

Evaluation evaluateNorms(const CompiledNorms &norms, const Model &model, DiagnosticEngine &diags, bool recordOutcomes,
                         BranchCoverage *coverage, const IncrementalEvaluation *incremental) {
  Evaluator ev(model, norms, diags);
  ev.recordOutcomes = recordOutcomes;
  ev.coverage = coverage;
  ev.incremental = incremental;
  ev.run();
  Evaluation &out = ev.evaluation;
  std::vector<Withheld> withheld;
  for (const Evaluation::Outcome &o : out.withheld) withheld.push_back({o.norm->article, o.entity});
  out.deviations = applyDeviations(model, ev.deviationRules(), out.findings, withheld, diags);
  withholdDoubtful(out, ev.outcomeOfFinding, recordOutcomes);
  for (size_t i = 0; i < out.findings.size(); ++i)
    if (out.findings[i].covered()) {
      Tally &t = out.tallies[out.findings[i].norm];
      --t.violated;
      ++t.covered;
      if (recordOutcomes) out.outcomes[ev.outcomeOfFinding[i]].result = Evaluation::Outcome::Result::Covered;
    }
  noteWithheld(out, model, diags);
  return std::move(out);
}

}  // namespace cio
