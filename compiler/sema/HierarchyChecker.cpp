// No entity may, through fields annotated @hierarchie (the line), end up
// above itself. Each cycle is reported once, at its first entity in model
// order, with the whole loop spelled out.
#include <algorithm>

#include "sema/Sema.h"

namespace cio {

using namespace model;

void checkHierarchyCycles(const Model &model, DiagnosticEngine &diags) {
  const size_t n = model.entities.size();
  enum : uint8_t { White, Grey, Black };
  std::vector<uint8_t> colour(n, White);
  auto superior = [&](EntityId e, const FieldValue *&via) -> EntityId {
    for (const FieldValue &f : model.entities[e].fields)
      if (!f.value.list && f.field->type.base == BaseType::Kind && f.value.ref != kNone &&
          std::find(f.field->annotations.begin(), f.field->annotations.end(), "hierarchie") !=
              f.field->annotations.end()) {
        via = &f;
        return f.value.ref;
      }
    return kNone;
  };
  for (EntityId start = 0; start < n; ++start) {
    if (colour[start] != White) continue;
    std::vector<EntityId> path;
    EntityId cur = start;
    const FieldValue *via = nullptr;
    while (cur != kNone && colour[cur] == White) {
      colour[cur] = Grey;
      path.push_back(cur);
      cur = superior(cur, via);
    }
    if (cur != kNone && colour[cur] == Grey) {
      auto loopStart = std::find(path.begin(), path.end(), cur);
      EntityId first = *std::min_element(loopStart, path.end());
      std::string loop;
      auto it = std::find(loopStart, path.end(), first);
      for (size_t k = 0; k <= size_t(path.end() - loopStart); ++k) {
        loop += (loop.empty() ? "" : " → ") + model.entities[*it].path;
        if (++it == path.end()) it = loopStart;
      }
      const FieldValue *firstVia = nullptr;
      superior(first, firstVia);
      diags.report(DiagId::hierarchy_cycle, firstVia ? firstVia->value.range : model.entities[first].nameRange,
                   {firstVia ? firstVia->field->name : "", loop});
    }
    for (EntityId e : path) colour[e] = Black;
  }
}

}  // namespace cio
