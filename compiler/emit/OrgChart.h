// The org chart of a workspace, decided by schema annotations alone: kinds
// annotated @organisatie are clusters (nested as the entities are), @rol and
// @orgaan kinds are nodes, fields annotated @hierarchie, @lidmaatschap,
// @voorzitter and @staf are edges, and so is every entity of a kind annotated
// @relatie(van, aan). An edge runs from the entity that holds the field to the
// one it names, so that it reads as its label: `CIO ressorteert_onder SG`.
// Findings mark the entity they are about: a violation, or a finding covered
// by a deviation (the @afwijking kind); an entity that is not drawn (a
// project) gets a mark of its own in its organisation, which keeps its colour.
//
// With several units of a kind annotated @inklapbaar (the ministries), the
// overview draws each such unit as one node in the colour of its verdict, the
// other units (the Rijk) in full, and the edges into the collapsed units
// aggregated: one per body and field, with the number of units it reaches.
//
// The chart is plain data; writeDot turns it into Graphviz text.
#pragma once

#include <string>
#include <vector>

#include "diagnostics/DiagnosticEngine.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "model/Model.h"
#include "norms/Finding.h"
#include "norms/UnitVerdicts.h"

namespace cio {

struct OrgChart {
  /// Ok: nothing found. The overview's units show all five verdicts.
  enum class Status { Ok, Complies, NotApplicable, NotEvaluated, Covered, Violation };
  enum class EdgeKind { Line, Member, Chair, Staff, Relation };
  enum class Shape { Role, Body, Mark, Unit };  // Mark: an entity not drawn otherwise, that a finding concerns

  struct Node {
    model::EntityId entity;
    std::string label, kind;
    std::string tooltip = {};
    Shape shape = Shape::Role;
    Status status = Status::Ok;
    std::string url = {};                     // a link (to the report's anchor); empty for none
    Verdict verdict = Verdict::NotEvaluated;  // a Unit's
  };
  struct Cluster {
    model::EntityId entity;  // kNone for the overview's group of collapsed units
    std::string label, kind, tooltip;
    Status status = Status::Ok;
    std::vector<size_t> nodes, clusters;             // what it contains directly
    std::vector<std::vector<size_t>> rows;           // nodes drawn side by side, row under row (the overview's grid)
    std::vector<std::pair<size_t, size_t>> besides;  // a role and its staff, on one rank
    std::string url;
  };
  static constexpr size_t kNoCluster = static_cast<size_t>(-1);
  struct Edge {
    size_t from, to;  // node indices: the holder of the field, and what it names
    EdgeKind kind;
    std::string label, tooltip;
    size_t toCluster = kNoCluster, fromCluster = kNoCluster;  // an aggregated edge ends at the group's border
  };

  std::vector<Node> nodes;
  std::vector<Cluster> clusters;
  std::vector<size_t> topNodes, topClusters;  // outside every cluster
  std::vector<Edge> edges;
  /// For the legend: the field (or relation kind) names behind each edge kind
  /// that occurs, and the name of the deviation kind.
  std::vector<std::pair<EdgeKind, std::string>> edgeNames;
  std::string deviationKind;
  bool overview = false;
  std::string id;  // the SVG's id, and the prefix of every id inside it (several charts in one page)
  size_t groupAnchor = static_cast<size_t>(-1);  // the overview: a node of the group's first row, drawn below the rest
};

/// Where a chart's nodes link: none, or the report (`prefix` + `#` + the
/// entity's anchor; the prefix is "" inside the report itself).
struct ChartLinks {
  bool enabled = false;
  std::string prefix;
  bool neighbours = true;  // a focus keeps what is linked to it (false: the organisation alone, as in the report)
};

/// Builds the chart. `focus`, when not empty, names an organisation (its path
/// or its unique name): only it, what it contains, what is linked to that by
/// an edge, and their enclosing clusters are drawn. Returns false (and leaves
/// the chart empty) when `focus` names nothing drawable.
bool buildOrgChart(const model::Model &model, const std::vector<Finding> &findings, const std::string &focus,
                   OrgChart &chart, const ChartLinks &links = {});

/// The overview of several units (see above). Returns false (and leaves the
/// chart empty) when fewer than two units are of a kind annotated @inklapbaar.
bool buildOverviewChart(const model::Model &model, const std::vector<Finding> &findings,
                        const std::vector<UnitVerdict> &units, OrgChart &chart, const ChartLinks &links = {});

/// The names `focus` accepts (paths, and names that are unique), for a did-you-mean.
std::vector<std::string> chartFocusNames(const model::Model &model);

/// Graphviz DOT text for the chart, with a legend; every label escaped.
void writeDot(llvm::raw_ostream &os, const OrgChart &chart, const DiagnosticEngine &labels);

}  // namespace cio
