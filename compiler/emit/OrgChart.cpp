#include "emit/OrgChart.h"

#include <algorithm>
#include <map>
#include <set>

#include "norms/Deviations.h"
#include "norms/FindingText.h"

namespace cio {

using namespace model;

namespace {

class ChartBuilder {
 public:
  ChartBuilder(const Model &m, OrgChart &chart) : model_(m), schema_(m.schema), chart_(chart) {}

  bool build(const std::vector<Finding> &findings, const std::string &focus) {
    classify();
    markFindings(findings);
    collectEdges();
    if (!focus.empty() && !applyFocus(focus)) {
      chart_ = OrgChart{};
      return false;
    }
    place();
    return true;
  }

  /// What `--focus` accepts: each organisation's path, and its name when no other has it.
  std::vector<std::string> focusNames() {
    classify();
    std::map<std::string, size_t> nameCount;
    for (EntityId id = 0; id < model_.entities.size(); ++id)
      if (clusterOf_[id] != kNone) ++nameCount[model_.entities[id].name];
    std::vector<std::string> names;
    for (EntityId id = 0; id < model_.entities.size(); ++id) {
      if (clusterOf_[id] == kNone) continue;
      const Entity &e = model_.entities[id];
      names.push_back(e.path);
      if (nameCount[e.name] == 1 && e.name != e.path) names.push_back(e.name);
    }
    return names;
  }

 private:
  bool kindHas(KindId k, const char *annotation) const {
    for (; k != kNone; k = schema_.kinds[k].base)
      if (schema_.kinds[k].annotation(annotation)) return true;
    return false;
  }
  const AnnotationInfo *kindAnnotation(KindId k, const char *annotation) const {
    for (; k != kNone; k = schema_.kinds[k].base)
      if (const AnnotationInfo *a = schema_.kinds[k].annotation(annotation)) return a;
    return nullptr;
  }
  static bool fieldHas(const FieldValue &f, const char *annotation) {
    return f.field && std::find(f.field->annotations.begin(), f.field->annotations.end(), annotation) !=
                          f.field->annotations.end();
  }

  std::string label(const Entity &e) const {
    if (!e.title.empty()) return e.title;
    return e.name.empty() ? schema_.kinds[e.kind].name : e.name;
  }

  /// Every entity is a cluster, a node, or not drawn.
  void classify() {
    nodeOf_.assign(model_.entities.size(), kNone);
    clusterOf_.assign(model_.entities.size(), kNone);
    for (EntityId id = 0; id < model_.entities.size(); ++id) {
      const Entity &e = model_.entities[id];
      if (e.kind == kNone) continue;
      std::string kind = schema_.kinds[e.kind].name;
      if (kindHas(e.kind, "organisatie")) {
        clusterOf_[id] = chart_.clusters.size();
        chart_.clusters.push_back({id, label(e), kind, "", OrgChart::Status::Ok, {}, {}});
      } else if (kindHas(e.kind, "rol") || kindHas(e.kind, "orgaan")) {
        nodeOf_[id] = chart_.nodes.size();
        chart_.nodes.push_back({id, label(e), kind, "", kindHas(e.kind, "orgaan"), OrgChart::Status::Ok});
      }
    }
    for (const DeviationRules::Kind &k : DeviationRules::of(schema_).kinds)
      chart_.deviationKind = schema_.kinds[k.kind].name;
  }

  /// The nearest drawn entity at or above `id`.
  EntityId drawnAncestor(EntityId id) const {
    for (; id != kNone; id = model_.entities[id].parent)
      if (nodeOf_[id] != kNone || clusterOf_[id] != kNone) return id;
    return kNone;
  }

  /// A finding marks the drawn entity it is about (or the nearest drawn one
  /// around it): red for a violation, else the deviation's colour.
  void markFindings(const std::vector<Finding> &findings) {
    for (const Finding &f : findings) {
      if (f.severity == Severity::Note || f.subject == kNone) continue;
      EntityId drawn = drawnAncestor(f.subject);
      if (drawn == kNone) continue;
      OrgChart::Status s = f.covered() ? OrgChart::Status::Covered : OrgChart::Status::Violation;
      std::string line = f.article.notation() + " " + f.norm->name + ": " + fillTemplate(f.norm->message, f, model_);
      if (f.covered()) line += " [" + chart_.deviationKind + " " + entityName(model_, f.deviation) + "]";
      auto mark = [&](auto &item) {
        item.status = std::max(item.status, s);
        item.tooltip += (item.tooltip.empty() ? "" : "\n") + line;
      };
      if (nodeOf_[drawn] != kNone)
        mark(chart_.nodes[nodeOf_[drawn]]);
      else
        mark(chart_.clusters[clusterOf_[drawn]]);
    }
  }

  void addEdge(EntityId from, EntityId to, OrgChart::EdgeKind kind, const std::string &name, std::string label = "",
               std::string tooltip = "") {
    if (from == kNone || to == kNone || nodeOf_[from] == kNone || nodeOf_[to] == kNone) return;
    chart_.edges.push_back({nodeOf_[from], nodeOf_[to], kind, std::move(label), std::move(tooltip)});
    if (std::find(chart_.edgeNames.begin(), chart_.edgeNames.end(), std::make_pair(kind, name)) ==
        chart_.edgeNames.end())
      chart_.edgeNames.push_back({kind, name});
  }

  void collectEdges() {
    for (EntityId id = 0; id < model_.entities.size(); ++id) {
      const Entity &e = model_.entities[id];
      if (e.kind == kNone) continue;
      for (const FieldValue &f : e.fields) {
        const std::string &name = f.field ? f.field->name : "";
        if (fieldHas(f, "hierarchie") && !f.value.list)
          addEdge(f.value.ref, id, OrgChart::EdgeKind::Line, name);  // from the superior down
        if (fieldHas(f, "voorzitter") && !f.value.list) addEdge(f.value.ref, id, OrgChart::EdgeKind::Chair, name);
        if (fieldHas(f, "lidmaatschap"))
          for (const Value &member : f.value.items) addEdge(member.ref, id, OrgChart::EdgeKind::Member, name);
      }
      if (const AnnotationInfo *rel = kindAnnotation(e.kind, "relatie"); rel && rel->positional.size() == 2) {
        const FieldValue *from = e.field(rel->positional[0]);
        const FieldValue *to = e.field(rel->positional[1]);
        if (!from || !to) continue;
        std::string tooltip;
        for (const FieldValue &f : e.fields) {
          if (&f == from || &f == to || !f.field) continue;
          std::string items;
          for (const Value &v : f.value.list ? f.value.items : std::vector<Value>{f.value})
            items += (items.empty() ? "" : ", ") + v.text;
          tooltip += (tooltip.empty() ? "" : "\n") + f.field->name + ": " + items;
        }
        addEdge(from->value.ref, to->value.ref, OrgChart::EdgeKind::Relation, schema_.kinds[e.kind].name,
                e.name.empty() ? label(e) : e.name, tooltip);
      }
    }
    std::sort(chart_.edges.begin(), chart_.edges.end(), [](const OrgChart::Edge &a, const OrgChart::Edge &b) {
      return std::tie(a.kind, a.from, a.to, a.label) < std::tie(b.kind, b.from, b.to, b.label);
    });
    std::sort(chart_.edgeNames.begin(), chart_.edgeNames.end());
  }

  /// Keeps the focus organisation, everything inside it, the nodes linked to
  /// those by an edge, and the clusters around what is kept.
  bool applyFocus(const std::string &focus) {
    EntityId target = kNone;
    size_t matches = 0;
    for (EntityId id = 0; id < model_.entities.size(); ++id) {
      const Entity &e = model_.entities[id];
      if (clusterOf_[id] == kNone) continue;
      if (e.path == focus) {
        target = id;
        matches = 1;
        break;
      }
      if (e.name == focus) {
        target = id;
        ++matches;
      }
    }
    if (matches != 1) return false;
    std::vector<bool> keep(model_.entities.size(), false);
    for (EntityId id = 0; id < model_.entities.size(); ++id)
      for (EntityId a = id; a != kNone; a = model_.entities[a].parent)
        if (a == target) keep[id] = true;
    std::vector<bool> inside = keep;
    for (const OrgChart::Edge &edge : chart_.edges) {
      EntityId from = chart_.nodes[edge.from].entity, to = chart_.nodes[edge.to].entity;
      if (inside[from] || inside[to]) keep[from] = keep[to] = true;
    }
    for (EntityId id = 0; id < model_.entities.size(); ++id)
      if (keep[id])
        for (EntityId a = model_.entities[id].parent; a != kNone; a = model_.entities[a].parent) keep[a] = true;
    // Rebuild the chart with what is kept, in the same order.
    OrgChart kept;
    kept.deviationKind = chart_.deviationKind;
    std::vector<size_t> newNode(chart_.nodes.size(), SIZE_MAX);
    for (size_t i = 0; i < chart_.nodes.size(); ++i)
      if (keep[chart_.nodes[i].entity]) {
        newNode[i] = kept.nodes.size();
        kept.nodes.push_back(chart_.nodes[i]);
      }
    for (const OrgChart::Cluster &c : chart_.clusters)
      if (keep[c.entity]) kept.clusters.push_back(c);
    for (const OrgChart::Edge &edge : chart_.edges)
      if (newNode[edge.from] != SIZE_MAX && newNode[edge.to] != SIZE_MAX) {
        OrgChart::Edge copy = edge;
        copy.from = newNode[edge.from];
        copy.to = newNode[edge.to];
        kept.edges.push_back(copy);
      }
    for (const auto &[kind, name] : chart_.edgeNames)
      for (const OrgChart::Edge &edge : kept.edges)
        if (edge.kind == kind) {
          kept.edgeNames.push_back({kind, name});
          break;
        }
    chart_ = std::move(kept);
    std::fill(nodeOf_.begin(), nodeOf_.end(), kNone);
    std::fill(clusterOf_.begin(), clusterOf_.end(), kNone);
    for (size_t i = 0; i < chart_.nodes.size(); ++i) nodeOf_[chart_.nodes[i].entity] = i;
    for (size_t i = 0; i < chart_.clusters.size(); ++i) clusterOf_[chart_.clusters[i].entity] = i;
    return true;
  }

  /// Puts every node and cluster inside the nearest cluster around it.
  void place() {
    auto enclosing = [&](EntityId id) {
      for (EntityId a = model_.entities[id].parent; a != kNone; a = model_.entities[a].parent)
        if (clusterOf_[a] != kNone) return clusterOf_[a];
      return static_cast<size_t>(kNone);
    };
    for (size_t i = 0; i < chart_.clusters.size(); ++i) {
      size_t outer = enclosing(chart_.clusters[i].entity);
      (outer == kNone ? chart_.topClusters : chart_.clusters[outer].clusters).push_back(i);
    }
    for (size_t i = 0; i < chart_.nodes.size(); ++i) {
      size_t outer = enclosing(chart_.nodes[i].entity);
      (outer == kNone ? chart_.topNodes : chart_.clusters[outer].nodes).push_back(i);
    }
  }

  const Model &model_;
  const Schema &schema_;
  OrgChart &chart_;
  std::vector<size_t> nodeOf_, clusterOf_;  // by entity: its index in the chart, or kNone
};

}  // namespace

bool buildOrgChart(const Model &model, const std::vector<Finding> &findings, const std::string &focus,
                   OrgChart &chart) {
  chart = OrgChart{};
  return ChartBuilder(model, chart).build(findings, focus);
}

std::vector<std::string> chartFocusNames(const Model &model) {
  OrgChart scratch;
  return ChartBuilder(model, scratch).focusNames();
}

}  // namespace cio
