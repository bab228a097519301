// DOT text for an org chart. Identifiers are generated (`n12`, `cluster_c3`),
// never taken from user text; every user string is a quoted DOT string with
// backslashes, quotes and line breaks escaped, so no name or title can end a
// statement or inject an attribute.
#include <algorithm>

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
    case OrgChart::Status::Complies:
      return {"#1e8449", "#e9f7ef", rounded ? "rounded,filled" : "filled"};
    case OrgChart::Status::NotApplicable:
      return {"#7f8c8d", "#f4f6f7", rounded ? "rounded,filled" : "filled"};
    case OrgChart::Status::NotEvaluated:
      return {"#2471a3", "#eaf2f8", rounded ? "rounded,filled,dashed" : "filled,dashed"};
    case OrgChart::Status::Ok:
      break;
  }
  return {"#34495e", "#ffffff", rounded ? "rounded,filled" : "filled"};
}

const char *edgeColour(OrgChart::EdgeKind k) {
  switch (k) {
    case OrgChart::EdgeKind::Line:
      return "#2c3e50";
    case OrgChart::EdgeKind::Member:
      return "#7f8c8d";
    case OrgChart::EdgeKind::Chair:
      return "#2471a3";
    case OrgChart::EdgeKind::Staff:
      return "#34495e";
    case OrgChart::EdgeKind::Relation:
      return "#7d3c98";
  }
  return "";
}

std::string edgeStyle(OrgChart::EdgeKind k) {
  std::string colour = std::string("color=\"") + edgeColour(k) + '"';
  switch (k) {
    case OrgChart::EdgeKind::Line:
      return "style=solid, " + colour + ", arrowhead=normal";
    case OrgChart::EdgeKind::Member:
      return "style=dashed, " + colour + ", arrowhead=empty";
    case OrgChart::EdgeKind::Chair:
      return "style=bold, " + colour + ", arrowhead=diamond";
    case OrgChart::EdgeKind::Staff:
      return "style=solid, " + colour + ", arrowhead=none";
    case OrgChart::EdgeKind::Relation:
      return "style=dotted, " + colour + ", arrowhead=vee, fontcolor=\"#7d3c98\"";
  }
  return "";
}

/// How the legend draws an edge kind, in text: a line and its arrowhead.
const char *edgeSample(OrgChart::EdgeKind k) {
  switch (k) {
    case OrgChart::EdgeKind::Line:
      return "───▶";
    case OrgChart::EdgeKind::Member:
      return "╌╌╌▷";
    case OrgChart::EdgeKind::Chair:
      return "━━━◆";
    case OrgChart::EdgeKind::Staff:
      return "────";
    case OrgChart::EdgeKind::Relation:
      return "┈┈┈&gt;";
  }
  return "";
}

/// Text for an HTML-like label: `<`, `>`, `&` and quotes as entities.
std::string htmlText(const std::string &raw) {
  std::string out;
  for (char c : printable(raw)) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

class DotWriter {
 public:
  DotWriter(llvm::raw_ostream &os, const OrgChart &chart, const DiagnosticEngine &labels)
      : os_(os), chart_(chart), labels_(labels) {}

  /// Above this many nodes, Graphviz's crossing minimisation and network
  /// simplex get a bounded number of passes: at 2,660 nodes (120 ministries
  /// and the Rijk) an unbounded layout ran for more than five minutes, a
  /// bounded one takes two seconds. Smaller charts keep the best layout.
  static constexpr size_t kLargeChart = 1500;

  void write() {
    // Top down, as published organograms are drawn: the top official above,
    // the line downwards. Only the line ranks the nodes; memberships, chairs
    // and relations are drawn without moving anything.
    os_ << "digraph org {\n"
        << "  graph [rankdir=TB, compound=true, newrank=true, fontname=\"Helvetica\", fontsize=11, "
           "nodesep=0.3, ranksep=0.5, labelloc=b, labeljust=l"
        << (chart_.nodes.size() > kLargeChart ? ", mclimit=0.1, nslimit=1, nslimit1=1" : "") << "];\n"
        << "  node [fontname=\"Helvetica\", fontsize=10, margin=\"0.12,0.05\"];\n"
        << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
    for (size_t n : chart_.topNodes) node(n, "  ");
    for (size_t c : chart_.topClusters) cluster(c, "  ");
    for (const OrgChart::Edge &e : chart_.edges) edge(e);
    // The overview: what is drawn in full above the group of collapsed units.
    if (chart_.groupAnchor < chart_.nodes.size())
      for (size_t i = 0; i < chart_.nodes.size(); ++i)
        if (chart_.nodes[i].shape != OrgChart::Shape::Unit)
          os_ << "  n" << i << " -> n" << chart_.groupAnchor << " [style=invis];\n";
    legend();
    // Last, so that no cluster inherits it: Graphviz prefixes every id inside
    // the SVG with it, and several charts can share one page.
    if (!chart_.id.empty()) os_ << "  id=" << quoted(chart_.id) << ";\n";
    os_ << "}\n";
  }

 private:
  std::string statusText(OrgChart::Status s) const {
    switch (s) {
      case OrgChart::Status::Violation:
        return labels_.text(DiagId::chart_violation);
      case OrgChart::Status::Covered:
        return chart_.overview ? verdictWord(Verdict::Deviation, labels_.language())
                               : labels_.text(DiagId::chart_covered, {chart_.deviationKind});
      case OrgChart::Status::Complies:
        return verdictWord(Verdict::Complies, labels_.language());
      case OrgChart::Status::NotApplicable:
        return verdictWord(Verdict::NotApplicable, labels_.language());
      case OrgChart::Status::NotEvaluated:
        return verdictWord(Verdict::NotEvaluated, labels_.language());
      case OrgChart::Status::Ok:
        break;
    }
    return "";
  }

  void link(const std::string &url) {
    if (!url.empty()) os_ << ", URL=" << quoted(url) << ", target=\"_top\"";
  }

  void node(size_t i, const std::string &indent) {
    const OrgChart::Node &n = chart_.nodes[i];
    Palette p = paletteFor(n.status, n.shape == OrgChart::Shape::Role || n.shape == OrgChart::Shape::Unit);
    std::string text = n.label + "\n" + n.kind;
    const char *shape = "box";
    if (n.shape == OrgChart::Shape::Body) shape = "ellipse";
    if (n.shape == OrgChart::Shape::Mark) {
      shape = "note";
      text = "⚠ " + text;
    }
    if (n.shape == OrgChart::Shape::Unit) text = n.label + "\n" + verdictWord(n.verdict, labels_.language());
    os_ << indent << 'n' << i << " [label=" << quoted(text) << ", shape=" << shape << ", style=\"" << p.style
        << "\", color=\"" << p.border << "\", fillcolor=\"" << p.fill << '"';
    if (n.shape == OrgChart::Shape::Unit) os_ << ", fontsize=11, width=2.2, height=0.8";
    os_ << ", tooltip="
        << quoted(n.tooltip.empty()                  ? n.label
                  : n.shape == OrgChart::Shape::Unit ? n.tooltip
                                                     : n.label + "\n" + n.tooltip);
    link(n.url);
    os_ << "];\n";
  }

  void cluster(size_t i, const std::string &indent) {
    const OrgChart::Cluster &c = chart_.clusters[i];
    Palette p = paletteFor(c.status, true);
    os_ << indent << "subgraph cluster_c" << i << " {\n";
    std::string in = indent + "  ";
    os_ << in << "label=" << quoted(c.label) << "; labeljust=l; labelloc=t; style=\"" << p.style << "\"; color=\""
        << p.border << "\"; fillcolor=\"" << (c.status == OrgChart::Status::Ok ? "#f4f6f7" : p.fill) << "\";\n";
    os_ << in << "tooltip=" << quoted(c.tooltip.empty() ? c.label + " (" + c.kind + ")" : c.label + "\n" + c.tooltip)
        << ";\n";
    if (!c.url.empty()) os_ << in << "URL=" << quoted(c.url) << "; target=\"_top\";\n";
    for (size_t n : c.nodes) node(n, in);
    for (size_t sub : c.clusters) cluster(sub, in);
    // A role and its staff on one rank; the overview's grid row under row.
    for (const auto &[a, b] : c.besides) os_ << in << "{ rank=same; n" << a << "; n" << b << "; }\n";
    for (size_t r = 0; r < c.rows.size(); ++r) {
      os_ << in << "{ rank=same;";
      for (size_t n : c.rows[r]) os_ << " n" << n << ';';
      os_ << " }\n";
      if (r > 0) os_ << in << 'n' << c.rows[r - 1].front() << " -> n" << c.rows[r].front() << " [style=invis];\n";
    }
    // An empty cluster is not drawn by Graphviz: give it an invisible point.
    if (c.nodes.empty() && c.clusters.empty()) os_ << in << "empty_c" << i << " [shape=point, style=invis];\n";
    os_ << indent << "}\n";
  }

  void edge(const OrgChart::Edge &e) {
    // The line is written from the superior down so that it ranks them, and
    // drawn backwards, so that the arrow runs from the holder of the field to
    // what it names, as the field's name reads.
    if (e.kind == OrgChart::EdgeKind::Line && e.toCluster == OrgChart::kNoCluster &&
        e.fromCluster == OrgChart::kNoCluster)
      os_ << "  n" << e.to << " -> n" << e.from << " [dir=back, " << edgeStyle(e.kind);
    else
      os_ << "  n" << e.from << " -> n" << e.to << " [" << edgeStyle(e.kind);
    bool aggregated = e.toCluster != OrgChart::kNoCluster || e.fromCluster != OrgChart::kNoCluster;
    if (e.toCluster != OrgChart::kNoCluster) os_ << ", lhead=cluster_c" << e.toCluster;
    if (e.fromCluster != OrgChart::kNoCluster) os_ << ", ltail=cluster_c" << e.fromCluster;
    // A staff edge ranks too: on one rank with its role, it keeps the two side by side.
    if (e.kind != OrgChart::EdgeKind::Line && e.kind != OrgChart::EdgeKind::Staff && !aggregated)
      os_ << ", constraint=false";
    // A label as the head's label stays at its edge; a label in the middle of
    // an edge that ranks nothing floats off.
    if (!e.label.empty())
      os_ << (aggregated ? ", label=" : ", headlabel=") << quoted(e.label)
          << (aggregated ? "" : ", labeldistance=2.2, labelangle=-25");
    if (!e.tooltip.empty() || !e.label.empty())
      os_ << ", tooltip=" << quoted(e.tooltip.empty() ? e.label : e.label + "\n" + e.tooltip);
    os_ << "];\n";
  }

  /// One compact table under the chart with only what the chart uses: each
  /// kind of edge (named after its fields) and each colour a node has.
  void legend() {
    std::vector<OrgChart::Status> used;
    bool marks = false;
    auto use = [&](OrgChart::Status s) {
      if (s != OrgChart::Status::Ok && std::find(used.begin(), used.end(), s) == used.end()) used.push_back(s);
    };
    for (const OrgChart::Node &n : chart_.nodes) {
      use(n.status);
      marks |= n.shape == OrgChart::Shape::Mark;
    }
    for (const OrgChart::Cluster &c : chart_.clusters) use(c.status);
    std::sort(used.begin(), used.end());
    if (chart_.edgeNames.empty() && used.empty() && !marks) return;
    std::string rows;
    for (OrgChart::EdgeKind kind : {OrgChart::EdgeKind::Line, OrgChart::EdgeKind::Member, OrgChart::EdgeKind::Chair,
                                    OrgChart::EdgeKind::Staff, OrgChart::EdgeKind::Relation}) {
      std::string names;
      for (const auto &[ek, name] : chart_.edgeNames)
        if (ek == kind) names += (names.empty() ? "" : ", ") + name;
      if (names.empty()) continue;
      rows += std::string("<td><font color=\"") + edgeColour(kind) + "\">" + edgeSample(kind) + "</font> " +
              htmlText(names) + "</td>";
    }
    for (OrgChart::Status s : used) {
      Palette p = paletteFor(s, true);
      rows += std::string("<td bgcolor=\"") + p.fill + "\"><font color=\"" + p.border + "\">■</font> " +
              htmlText(statusText(s)) + "</td>";
    }
    if (marks) rows += "<td>⚠ " + htmlText(labels_.text(DiagId::chart_mark)) + "</td>";
    os_ << "  label=<<table border=\"0\" cellborder=\"0\" cellspacing=\"6\"><tr><td><b>"
        << htmlText(labels_.text(DiagId::chart_legend)) << "</b></td>" << rows << "</tr></table>>;\n";
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
