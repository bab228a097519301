#include "norms/UnitVerdicts.h"

#include <algorithm>
#include <set>

namespace cio {

using namespace model;

namespace {

bool kindHas(const Schema &schema, KindId k, const char *annotation) {
  for (; k != kNone; k = schema.kinds[k].base)
    if (schema.kinds[k].annotation(annotation)) return true;
  return false;
}

/// `k` and every kind that can lie inside it, through `bevat` and the kinds derived from what it names.
std::vector<KindId> kindsInside(const Schema &schema, KindId k) {
  std::vector<KindId> out{k};
  for (size_t i = 0; i < out.size(); ++i)
    for (const Containment *c : schema.allContains(out[i]))
      for (KindId sub = 0; sub < schema.kinds.size(); ++sub)
        if (schema.isA(sub, c->kind) && std::find(out.begin(), out.end(), sub) == out.end()) out.push_back(sub);
  return out;
}

/// Whether the norm can concern an entity of one of `inside` (a norm whose
/// first domain is not a plain kind concerns every unit).
bool concerns(const Schema &schema, const CompiledNorm &n, const std::vector<KindId> &inside) {
  if (n.domains.empty() || n.domains[0].op != Op::KindSet) return true;
  for (KindId k : inside)
    if (schema.isA(k, n.domains[0].kind)) return true;
  return false;
}

}  // namespace

EntityId unitRootOf(const Model &model, EntityId id) {
  if (id == kNone || id >= model.entities.size()) return kNone;
  while (model.entities[id].parent != kNone) id = model.entities[id].parent;
  return id;
}

std::vector<UnitVerdict> judgeUnits(const Model &model, const Evaluation &evaluation) {
  const Schema &schema = model.schema;
  std::vector<UnitVerdict> units;
  std::set<EntityId> seen;
  for (EntityId id : model.roots) {
    const Entity &e = model.entities[id];
    if (e.kind == kNone || e.parent != kNone || !kindHas(schema, e.kind, "wortel") || !seen.insert(id).second) continue;
    units.push_back({id, Verdict::NotEvaluated, {}});
  }
  std::sort(units.begin(), units.end(), [&](const UnitVerdict &a, const UnitVerdict &b) {
    const Entity &x = model.entities[a.root], &y = model.entities[b.root];
    return std::tie(schema.kinds[x.kind].name, x.path, a.root) < std::tie(schema.kinds[y.kind].name, y.path, b.root);
  });
  std::map<EntityId, size_t> unitOf;
  for (size_t i = 0; i < units.size(); ++i) unitOf[units[i].root] = i;

  std::vector<std::map<const CompiledNorm *, Tally>> tallies(units.size());
  for (const Evaluation::Outcome &o : evaluation.outcomes) {
    auto it = unitOf.find(unitRootOf(model, o.entity));
    if (it == unitOf.end()) continue;
    Tally &t = tallies[it->second][o.norm];
    switch (o.result) {
      case Evaluation::Outcome::Result::Holds:
        ++t.holds;
        break;
      case Evaluation::Outcome::Result::Violated:
        ++t.violated;
        break;
      case Evaluation::Outcome::Result::Covered:
        ++t.covered;
        break;
      case Evaluation::Outcome::Result::Unknown:
        ++t.unknown;
        break;
    }
  }
  std::vector<const CompiledNorm *> norms = evaluation.evaluated;
  norms.insert(norms.end(), evaluation.notEvaluated.begin(), evaluation.notEvaluated.end());
  std::set<const CompiledNorm *> notEvaluated(evaluation.notEvaluated.begin(), evaluation.notEvaluated.end());
  for (size_t u = 0; u < units.size(); ++u) {
    std::vector<KindId> inside = kindsInside(schema, model.entities[units[u].root].kind);
    std::vector<Verdict> all;
    for (const CompiledNorm *n : norms) {
      if (!concerns(schema, *n, inside)) continue;
      auto t = tallies[u].find(n);
      Verdict v = notEvaluated.count(n)   ? Verdict::NotEvaluated
                  : t == tallies[u].end() ? Verdict::NotApplicable
                                          : verdictOf(t->second);
      units[u].norms[n] = v;
      all.push_back(v);
    }
    units[u].verdict = combineVerdicts(all);
  }
  return units;
}

}  // namespace cio
