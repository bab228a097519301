#include "emit/OrgChart.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "norms/Deviations.h"
#include "norms/FindingText.h"

namespace cio {

using namespace model;

namespace {

class ChartBuilder {
 public:
  ChartBuilder(const Model &m, OrgChart &chart, ChartLinks links = {})
      : model_(m), schema_(m.schema), chart_(chart), links_(std::move(links)) {}

  bool build(const std::vector<Finding> &findings, const std::string &focus) {
    classify();
    markFindings(findings);
    collectEdges();
    if (!focus.empty() && !applyFocus(focus)) {
      chart_ = OrgChart{};
      return false;
    }
    place();
    sameRanks();
    return true;
  }

  bool buildOverview(const std::vector<Finding> &findings, const std::vector<UnitVerdict> &units) {
    std::vector<const UnitVerdict *> collapsible;
    for (const UnitVerdict &u : units)
      if (kindHas(model_.entities[u.root].kind, "inklapbaar")) collapsible.push_back(&u);
    if (collapsible.size() < 2) return false;
    chart_.overview = true;
    collapsedInto_.assign(model_.entities.size(), kNone);
    for (const UnitVerdict *u : collapsible) collapsedInto_[u->root] = u->root;
    for (EntityId id = 0; id < model_.entities.size(); ++id) {
      EntityId root = unitRootOf(model_, id);
      if (root != kNone && collapsedInto_[root] == root) collapsedInto_[id] = root;
    }
    classify();
    collapse(collapsible, findings);
    markFindings(findings);
    collectEdges();
    aggregate();
    place();
    sameRanks();
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

  /// A title on lines of at most about 34 characters, broken at spaces (its
  /// own line breaks kept), so that a long ministry name makes a taller node,
  /// not a wider chart.
  static size_t codePoints(const std::string &s) {
    return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  }
  static std::string wrap(const std::string &text) {
    static constexpr size_t kWidth = 34;
    std::string out, line;
    auto flush = [&] {
      out += (out.empty() ? "" : "\n") + line;
      line.clear();
    };
    std::string word;
    for (size_t i = 0; i <= text.size(); ++i) {
      char c = i < text.size() ? text[i] : '\n';
      if (c != ' ' && c != '\n') {
        word += c;
        continue;
      }
      if (!line.empty() && codePoints(line) + 1 + codePoints(word) > kWidth) flush();
      line += (line.empty() ? "" : " ") + word;
      word.clear();
      if (c == '\n') flush();
    }
    return out;
  }

  std::string label(const Entity &e) const {
    if (!e.title.empty()) return wrap(e.title);
    return e.name.empty() ? schema_.kinds[e.kind].name : e.name.str();
  }

  bool collapsed(EntityId id) const { return !collapsedInto_.empty() && collapsedInto_[id] != kNone; }

  std::string urlOf(const std::string &path) const {
    return links_.enabled ? links_.prefix + "#" + anchorOf(path) : "";
  }

  static OrgChart::Status statusOf(Verdict v) {
    switch (v) {
      case Verdict::Complies:
        return OrgChart::Status::Complies;
      case Verdict::Violation:
        return OrgChart::Status::Violation;
      case Verdict::Deviation:
        return OrgChart::Status::Covered;
      case Verdict::NotApplicable:
        return OrgChart::Status::NotApplicable;
      case Verdict::NotEvaluated:
        break;
    }
    return OrgChart::Status::NotEvaluated;
  }

  /// Each collapsed unit one node in a group of their kind, in a grid; its
  /// tooltip the verdict and what was found in it, by article.
  void collapse(const std::vector<const UnitVerdict *> &units, const std::vector<Finding> &findings) {
    OrgChart::Cluster group;
    group.entity = kNone;
    group.kind = schema_.kinds[model_.entities[units[0]->root].kind].name;
    group.label = group.kind;
    size_t groupIndex = chart_.clusters.size();
    std::map<EntityId, std::map<std::string, size_t>> counts;  // per unit: `art. x norm (severity)` counted
    for (const Finding &f : findings)
      if (f.severity != Severity::Note && f.subject != kNone && collapsed(f.subject))
        ++counts[collapsedInto_[f.subject]]
                [f.article.notation() + " " + f.norm->name + (f.covered() ? " [" + chart_.deviationKind + "]" : "")];
    size_t columns = 1;
    while (columns * columns < units.size()) ++columns;
    ++columns;
    for (const UnitVerdict *u : units) {
      const Entity &e = model_.entities[u->root];
      OrgChart::Node n{
          u->root,       label(e),  schema_.kinds[e.kind].name, "", OrgChart::Shape::Unit, statusOf(u->verdict),
          urlOf(e.path), u->verdict};
      n.tooltip = (e.title.empty() ? e.path : e.title);
      for (const auto &[what, count] : counts[u->root])
        n.tooltip += "\n" + what + (count > 1 ? " ×" + std::to_string(count) : "");
      nodeOf_[u->root] = chart_.nodes.size();
      if (group.rows.empty() || group.rows.back().size() == columns) group.rows.emplace_back();
      group.rows.back().push_back(chart_.nodes.size());
      group.nodes.push_back(chart_.nodes.size());
      chart_.nodes.push_back(std::move(n));
    }
    chart_.groupAnchor = group.rows.front()[group.rows.front().size() / 2];
    chart_.clusters.push_back(std::move(group));
    groupCluster_ = groupIndex;
    chart_.topClusters.push_back(groupIndex);
  }

  /// The edges between a drawn node and collapsed units, one per node, kind
  /// and field: to (or from) the group, labelled with how many units it reaches.
  void aggregate() {
    for (const auto &[key, unitsReached] : aggregated_) {
      const auto &[kind, name, node, outward] = key;
      size_t anchor = chart_.groupAnchor;
      OrgChart::Edge e{outward ? node : anchor, outward ? anchor : node, kind,
                       name + ": " + std::to_string(unitsReached.size()) + " × " + chart_.clusters[groupCluster_].kind,
                       ""};
      (outward ? e.toCluster : e.fromCluster) = groupCluster_;
      chart_.edges.push_back(std::move(e));
    }
  }

  /// A role and its staff side by side, when they lie in the same organisation.
  void sameRanks() {
    for (const OrgChart::Edge &e : chart_.edges) {
      if (e.kind != OrgChart::EdgeKind::Staff) continue;
      size_t a = clusterOfNode_[e.from], b = clusterOfNode_[e.to];
      if (a == b && a != static_cast<size_t>(kNone)) chart_.clusters[a].besides.push_back({e.from, e.to});
    }
  }

  /// Every entity is a cluster, a node, or not drawn.
  void classify() {
    nodeOf_.assign(model_.entities.size(), kNone);
    clusterOf_.assign(model_.entities.size(), kNone);
    for (EntityId id = 0; id < model_.entities.size(); ++id) {
      const Entity &e = model_.entities[id];
      if (e.kind == kNone || collapsed(id)) continue;
      std::string kind = schema_.kinds[e.kind].name;
      if (kindHas(e.kind, "organisatie")) {
        clusterOf_[id] = chart_.clusters.size();
        OrgChart::Cluster c;
        c.entity = id;
        c.label = label(e);
        c.kind = kind;
        chart_.clusters.push_back(std::move(c));
      } else if (kindHas(e.kind, "rol") || kindHas(e.kind, "orgaan")) {
        nodeOf_[id] = chart_.nodes.size();
        OrgChart::Node n{.entity = id,
                         .label = label(e),
                         .kind = kind,
                         .shape = kindHas(e.kind, "orgaan") ? OrgChart::Shape::Body : OrgChart::Shape::Role};
        chart_.nodes.push_back(std::move(n));
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

  /// A finding marks the entity it is about: red for a violation, else the
  /// deviation's colour. An entity that is not drawn (a project, a plan) gets a
  /// mark of its own inside the nearest drawn organisation, so that a finding
  /// on a project does not colour its whole ministry.
  void markFindings(const std::vector<Finding> &findings) {
    for (const Finding &f : findings) {
      if (f.severity == Severity::Note || f.subject == kNone || collapsed(f.subject)) continue;
      EntityId subject = f.subject;
      if (nodeOf_[subject] == kNone && clusterOf_[subject] == kNone) {
        if (drawnAncestor(subject) == kNone) continue;
        const Entity &e = model_.entities[subject];
        nodeOf_[subject] = chart_.nodes.size();
        chart_.nodes.push_back(
            {.entity = subject, .label = label(e), .kind = schema_.kinds[e.kind].name, .shape = OrgChart::Shape::Mark});
      }
      OrgChart::Status s = f.covered() ? OrgChart::Status::Covered : OrgChart::Status::Violation;
      std::string line = f.article.notation() + " " + f.norm->name + ": " + fillTemplate(f.norm->message, f, model_);
      if (f.covered()) line += " [" + chart_.deviationKind + " " + entityName(model_, f.deviation) + "]";
      std::string url = urlOf(model_.entities[subject].path);
      auto mark = [&](auto &item) {
        item.status = std::max(item.status, s);
        item.tooltip += (item.tooltip.empty() ? "" : "\n") + line;
        item.url = url;
      };
      if (nodeOf_[subject] != kNone)
        mark(chart_.nodes[nodeOf_[subject]]);
      else
        mark(chart_.clusters[clusterOf_[subject]]);
    }
  }

  void addEdge(EntityId from, EntityId to, OrgChart::EdgeKind kind, const std::string &name, std::string label = "",
               std::string tooltip = "") {
    if (from == kNone || to == kNone) return;
    if (collapsed(from) || collapsed(to)) {
      // Into or out of a collapsed unit: counted once per unit, drawn once.
      if (collapsed(from) == collapsed(to) || nodeOf_[collapsed(from) ? to : from] == kNone) return;
      bool outward = collapsed(to);
      aggregated_[{kind, name, nodeOf_[outward ? from : to], outward}].insert(collapsedInto_[outward ? to : from]);
      if (std::find(chart_.edgeNames.begin(), chart_.edgeNames.end(), std::make_pair(kind, name)) ==
          chart_.edgeNames.end())
        chart_.edgeNames.push_back({kind, name});
      return;
    }
    if (nodeOf_[from] == kNone || nodeOf_[to] == kNone) return;
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
        // From the holder of the field to what it names: it reads as its name.
        if (fieldHas(f, "hierarchie") && !f.value.list) addEdge(id, f.value.ref, OrgChart::EdgeKind::Line, name);
        if (fieldHas(f, "voorzitter") && !f.value.list) addEdge(id, f.value.ref, OrgChart::EdgeKind::Chair, name);
        if (fieldHas(f, "staf") && !f.value.list) addEdge(id, f.value.ref, OrgChart::EdgeKind::Staff, name);
        if (fieldHas(f, "lidmaatschap"))
          for (const Value &member : f.value.items) addEdge(id, member.ref, OrgChart::EdgeKind::Member, name);
      }
      if (const AnnotationInfo *rel = kindAnnotation(e.kind, "relatie"); rel && rel->positional.size() == 2) {
        const FieldValue *from = e.field(rel->positional[0]);
        const FieldValue *to = e.field(rel->positional[1]);
        if (!from || !to) continue;
        std::string tooltip;
        for (const FieldValue &f : e.fields) {
          if (&f == from || &f == to || !f.field) continue;
          std::string items;
          if (!f.value.list) items = f.value.text;
          for (const Value &v : f.value.items) items += (items.empty() ? "" : ", ") + v.text;
          tooltip += (tooltip.empty() ? "" : "\n") + f.field->name + ": " + items;
        }
        addEdge(from->value.ref, to->value.ref, OrgChart::EdgeKind::Relation, schema_.kinds[e.kind].name,
                e.name.empty() ? label(e) : e.name.str(), tooltip);
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
    if (links_.neighbours)
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
      if (chart_.clusters[i].entity == kNone) continue;  // the overview's group, placed already
      size_t outer = enclosing(chart_.clusters[i].entity);
      (outer == kNone ? chart_.topClusters : chart_.clusters[outer].clusters).push_back(i);
    }
    clusterOfNode_.assign(chart_.nodes.size(), kNone);
    for (size_t i = 0; i < chart_.nodes.size(); ++i) {
      if (chart_.nodes[i].shape == OrgChart::Shape::Unit) continue;  // in the group
      size_t outer = enclosing(chart_.nodes[i].entity);
      clusterOfNode_[i] = outer;
      (outer == kNone ? chart_.topNodes : chart_.clusters[outer].nodes).push_back(i);
    }
  }

  const Model &model_;
  const Schema &schema_;
  OrgChart &chart_;
  ChartLinks links_;
  std::vector<size_t> nodeOf_, clusterOf_;  // by entity: its index in the chart, or kNone
  std::vector<size_t> clusterOfNode_;       // by node: the cluster it is placed in, or kNone
  std::vector<EntityId> collapsedInto_;     // the overview: by entity, the collapsed unit it lies in, or kNone
  size_t groupCluster_ = kNone;
  std::map<std::tuple<OrgChart::EdgeKind, std::string, size_t, bool>, std::set<EntityId>> aggregated_;
};

}  // namespace

bool buildOrgChart(const Model &model, const std::vector<Finding> &findings, const std::string &focus, OrgChart &chart,
                   const ChartLinks &links) {
  chart = OrgChart{};
  return ChartBuilder(model, chart, links).build(findings, focus);
}

bool buildOverviewChart(const Model &model, const std::vector<Finding> &findings, const std::vector<UnitVerdict> &units,
                        OrgChart &chart, const ChartLinks &links) {
  chart = OrgChart{};
  if (ChartBuilder(model, chart, links).buildOverview(findings, units)) return true;
  chart = OrgChart{};
  return false;
}

std::vector<std::string> chartFocusNames(const Model &model) {
  OrgChart scratch;
  return ChartBuilder(model, scratch).focusNames();
}

}  // namespace cio
