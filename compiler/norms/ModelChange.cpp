#include "norms/ModelChange.h"

#include <algorithm>

namespace cio {

namespace {

using model::Entity;
using model::FieldValue;
using model::Value;

/// The same value, wherever it is written.
bool sameValue(const Value &a, const Value &b) {
  if (a.type != b.type || a.list != b.list || a.flag != b.flag || a.incomplete != b.incomplete || a.ref != b.ref ||
      a.payloadBits() != b.payloadBits() || a.text != b.text || a.items.size() != b.items.size())
    return false;
  for (size_t i = 0; i < a.items.size(); ++i)
    if (!sameValue(a.items[i], b.items[i])) return false;
  return true;
}

bool sameShape(const Entity &a, const Entity &b) {
  return a.declaredAlike(b) && a.fieldsIncomplete == b.fieldsIncomplete;
}

/// Adds every field of `a` that `b` lacks or has otherwise, and every
/// erroneous field of one only; false for a field of no known declaration,
/// which is compared by nothing (the caller then takes the shape as changed).
bool fieldsChanged(const Entity &a, const Entity &b, std::vector<FieldRead> &out) {
  for (const FieldValue &f : a.fields) {
    if (!f.field) return false;
    if (const FieldValue *g = b.field(f.field->name); !g || !sameValue(f.value, g->value))
      out.push_back({a.kind, f.field->name});
  }
  for (const FieldValue &g : b.fields) {
    if (!g.field) return false;
    if (!a.field(g.field->name)) out.push_back({a.kind, g.field->name});
  }
  for (Name n : a.erroneousFields)
    if (!b.fieldIsErroneous(n)) out.push_back({a.kind, n});
  for (Name n : b.erroneousFields)
    if (!a.fieldIsErroneous(n)) out.push_back({a.kind, n});
  return true;
}

}  // namespace

ModelChange compareModels(const model::Model &before, const model::Model &after, const std::vector<bool> *sameFields) {
  ModelChange change;
  if (before.entities.size() != after.entities.size() || before.roots != after.roots ||
      before.referenceDate != after.referenceDate || before.schema.kinds.size() != after.schema.kinds.size()) {
    change.shape = true;
    return change;
  }
  for (size_t i = 0; i < before.entities.size(); ++i) {
    const Entity &a = before.entities[i], &b = after.entities[i];
    bool known = sameFields && i < sameFields->size() && (*sameFields)[i];
    if (!sameShape(a, b) || (!known && !fieldsChanged(a, b, change.fields))) {
      change.shape = true;
      return change;
    }
  }
  std::sort(change.fields.begin(), change.fields.end());
  change.fields.erase(std::unique(change.fields.begin(), change.fields.end()), change.fields.end());
  return change;
}

}  // namespace cio
