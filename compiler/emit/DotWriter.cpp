// DOT text for an org chart. Identifiers are generated (`n12`, `cluster_c3`),
// never taken from user text; every user string is a quoted DOT string with
// backslashes, quotes and line breaks escaped, so no name or title can end a
// statement or inject an attribute.
#include "diagnostics/Printable.h"
#include "emit/OrgChart.h"

namespace cio {

namespace {

/// A DOT double-quoted string. `\n` centres a line break; a backslash is
/// doubled so that user text cannot form DOT's own escapes (`\N`, `\G`, `\l`).
std::string quoted(const std::string &raw) {
  // Control characters are made visible line by line (`\n` stays a line
  // break): Graphviz would cut the text at a NUL, and SVG (XML) allows no C0.
  std::string s, line;
  for (char c : raw) {
    if (c == '\n') {
      s += printable(line) + '\n';
      line.clear();
    } else if (c != '\r') {
      line += c;
    }
  }
  s += printable(line);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += std::string("\\") + c;
    else if (c == '\n')
      out += "\\n";
    else if (c != '\r')
      out += c;
  }
  return out + "\"";
}

struct Palette {
  const char *border, *fill, *style;
};

Palette paletteFor(OrgChart::Status s, bool rounded) {
  switch (s) {
    case OrgChart::Status::Violation:
      return {"#c0392b", "#fdecea", rounded ? "rounded,filled,bold" : "filled,bold"};
    case OrgChart::Status::Covered:
      return {"#b9770e", "#fef5e7", rounded ? "rounded,filled,dashed" : "filled,dashed"};
    case OrgChart::Status::Ok:
      break;
  }
  return {"#34495e", "#ffffff", rounded ? "rounded,filled" : "filled"};
}

const char *edgeStyle(OrgChart::EdgeKind k) {
  switch (k) {
    case OrgChart::EdgeKind::Line:
      return "style=solid, color=\"#2c3e50\", arrowhead=normal";
    case OrgChart::EdgeKind::Member:
      return "style=dashed, color=\"#7f8c8d\", arrowhead=empty";
    case OrgChart::EdgeKind::Chair:
      return "style=bold, color=\"#2471a3\", arrowhead=diamond";
    case OrgChart::EdgeKind::Relation:
      return "style=dotted, color=\"#7d3c98\", arrowhead=vee, fontcolor=\"#7d3c98\"";
  }
  return "";
}

class DotWriter {
 public:
  DotWriter(llvm::raw_ostream &os, const OrgChart &chart, const DiagnosticEngine &labels)
      : os_(os), chart_(chart), labels_(labels) {}

  /// Above this many nodes, Graphviz's crossing minimisation and network
  /// simplex get a bounded number of passes: at 2,660 nodes (120 ministries
  /// and the Rijk) an unbounded layout ran for more than five minutes, a
  /// bounded one takes two seconds. Smaller charts (the whole Rijksdienst
  /// example has 207) keep the best layout.
  static constexpr size_t kLargeChart = 1500;

  void write() {
    // Left to right: every organisation is a band, the line runs from the top
    // official rightwards, and many organisations stack into a long page
    // instead of a chart too wide to read.
    os_ << "digraph org {\n"
        << "  graph [rankdir=LR, compound=true, newrank=true, fontname=\"Helvetica\", fontsize=11, "
           "nodesep=0.25, ranksep=0.45"
        << (chart_.nodes.size() > kLargeChart ? ", mclimit=0.1, nslimit=1, nslimit1=1" : "") << "];\n"
        << "  node [fontname=\"Helvetica\", fontsize=10, margin=\"0.12,0.05\"];\n"
        << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
    for (size_t n : chart_.topNodes) node(n, "  ");
    for (size_t c : chart_.topClusters) cluster(c, "  ");
    for (const OrgChart::Edge &e : chart_.edges) {
      os_ << "  n" << e.from << " -> n" << e.to << " [" << edgeStyle(e.kind);
      if (!e.label.empty()) os_ << ", label=" << quoted(e.label);
      if (!e.tooltip.empty()) os_ << ", tooltip=" << quoted(e.tooltip);
      os_ << "];\n";
    }
    legend();
    os_ << "}\n";
  }

 private:
  void node(size_t i, const std::string &indent) {
    const OrgChart::Node &n = chart_.nodes[i];
    Palette p = paletteFor(n.status, !n.body);
    os_ << indent << 'n' << i << " [label=" << quoted(n.label + "\n" + n.kind)
        << ", shape=" << (n.body ? "ellipse" : "box") << ", style=\"" << p.style << "\", color=\"" << p.border
        << "\", fillcolor=\"" << p.fill << '"';
    os_ << ", tooltip=" << quoted(n.tooltip.empty() ? n.label : n.label + "\n" + n.tooltip) << "];\n";
  }

  void cluster(size_t i, const std::string &indent) {
    const OrgChart::Cluster &c = chart_.clusters[i];
    Palette p = paletteFor(c.status, true);
    os_ << indent << "subgraph cluster_c" << i << " {\n";
    std::string in = indent + "  ";
    os_ << in << "label=" << quoted(c.label) << "; labeljust=l; style=\"" << p.style << "\"; color=\"" << p.border
        << "\"; fillcolor=\"" << (c.status == OrgChart::Status::Ok ? "#f4f6f7" : p.fill) << "\";\n";
    os_ << in << "tooltip=" << quoted(c.tooltip.empty() ? c.label + " (" + c.kind + ")" : c.label + "\n" + c.tooltip)
        << ";\n";
    for (size_t n : c.nodes) node(n, in);
    for (size_t sub : c.clusters) cluster(sub, in);
    // An empty cluster is not drawn by Graphviz: give it an invisible point.
    if (c.nodes.empty() && c.clusters.empty()) os_ << in << "empty_c" << i << " [shape=point, style=invis];\n";
    os_ << indent << "}\n";
  }

  /// One sample edge per edge kind that occurs (named after its fields), and
  /// one sample node per status that occurs.
  void legend() {
    bool violation = false, covered = false;
    for (const OrgChart::Node &n : chart_.nodes) {
      violation |= n.status == OrgChart::Status::Violation;
      covered |= n.status == OrgChart::Status::Covered;
    }
    for (const OrgChart::Cluster &c : chart_.clusters) {
      violation |= c.status == OrgChart::Status::Violation;
      covered |= c.status == OrgChart::Status::Covered;
    }
    if (chart_.edgeNames.empty() && !violation && !covered) return;
    os_ << "  subgraph cluster_legend {\n    label=" << quoted(labels_.text(DiagId::chart_legend))
        << "; labeljust=l; style=\"rounded\"; color=\"#bdc3c7\"; fontsize=10;\n";
    size_t k = 0;
    for (OrgChart::EdgeKind kind : {OrgChart::EdgeKind::Line, OrgChart::EdgeKind::Member, OrgChart::EdgeKind::Chair,
                                    OrgChart::EdgeKind::Relation}) {
      std::string names;
      for (const auto &[ek, name] : chart_.edgeNames)
        if (ek == kind) names += (names.empty() ? "" : ", ") + name;
      if (names.empty()) continue;
      os_ << "    legend_a" << k << " [label=\"\", shape=point, width=0.05];\n"
          << "    legend_b" << k << " [label=" << quoted(names) << ", shape=plaintext, fontsize=9];\n"
          << "    legend_a" << k << " -> legend_b" << k << " [" << edgeStyle(kind) << "];\n";
      ++k;
    }
    auto sample = [&](const char *id, OrgChart::Status s, const std::string &text) {
      Palette p = paletteFor(s, true);
      os_ << "    " << id << " [label=" << quoted(text) << ", shape=box, style=\"" << p.style << "\", color=\""
          << p.border << "\", fillcolor=\"" << p.fill << "\", fontsize=9];\n";
    };
    if (violation) sample("legend_violation", OrgChart::Status::Violation, labels_.text(DiagId::chart_violation));
    if (covered)
      sample("legend_covered", OrgChart::Status::Covered, labels_.text(DiagId::chart_covered, {chart_.deviationKind}));
    os_ << "  }\n";
  }

  llvm::raw_ostream &os_;
  const OrgChart &chart_;
  const DiagnosticEngine &labels_;
};

}  // namespace

void writeDot(llvm::raw_ostream &os, const OrgChart &chart, const DiagnosticEngine &labels) {
  DotWriter(os, chart, labels).write();
}

}  // namespace cio
