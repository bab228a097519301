// The org chart of a workspace, decided by schema annotations alone: kinds
// annotated @organisatie are clusters (nested as the entities are), @rol and
// @orgaan kinds are nodes, fields annotated @hierarchie, @lidmaatschap and
// @voorzitter are edges, and so is every entity of a kind annotated
// @relatie(van, aan). Findings mark the entity they are about: a violation,
// or a finding covered by a deviation (the @afwijking kind). The chart is
// plain data; writeDot turns it into Graphviz text (no Graphviz library needed).
#pragma once

#include <string>
#include <vector>

#include "diagnostics/DiagnosticEngine.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "model/Model.h"
#include "norms/Finding.h"

namespace cio {

struct OrgChart {
  enum class Status { Ok, Covered, Violation };
  enum class EdgeKind { Line, Member, Chair, Relation };

  struct Node {
    model::EntityId entity;
    std::string label, kind, tooltip;
    bool body = false;  // an @orgaan (a council, an office), else a role
    Status status = Status::Ok;
  };
  struct Cluster {
    model::EntityId entity;
    std::string label, kind, tooltip;
    Status status = Status::Ok;
    std::vector<size_t> nodes, clusters;  // what it contains directly
  };
  struct Edge {
    size_t from, to;  // node indices
    EdgeKind kind;
    std::string label, tooltip;
  };

  std::vector<Node> nodes;
  std::vector<Cluster> clusters;
  std::vector<size_t> topNodes, topClusters;  // outside every cluster
  std::vector<Edge> edges;
  /// For the legend: the field (or relation kind) names behind each edge kind
  /// that occurs, and the name of the deviation kind.
  std::vector<std::pair<EdgeKind, std::string>> edgeNames;
  std::string deviationKind;
};

/// Builds the chart. `focus`, when not empty, names an organisation (its path
/// or its unique name): only it, what it contains, what is linked to that by
/// an edge, and their enclosing clusters are drawn. Returns false (and leaves
/// the chart empty) when `focus` names nothing drawable.
bool buildOrgChart(const model::Model &model, const std::vector<Finding> &findings, const std::string &focus,
                   OrgChart &chart);

/// The names `focus` accepts (paths, and names that are unique), for a did-you-mean.
std::vector<std::string> chartFocusNames(const model::Model &model);

/// Graphviz DOT text for the chart, with a legend; every label escaped.
void writeDot(llvm::raw_ostream &os, const OrgChart &chart, const DiagnosticEngine &labels);

}  // namespace cio
