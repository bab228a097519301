// SARIF 2.1.0 for code-scanning tools. Findings of norms are results of the
// rule named after the norm; its help is the article's text and official link.
// A finding covered by a deviation keeps its level and gets an in-source
// suppression, which is how SARIF viewers hide accepted findings.
#include <set>
#include <map>

#include "diagnostics/Render.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace cio {

namespace {

/// A file path as a URI reference: absolute paths become file URIs; every
/// byte outside the unreserved set and `/` is percent-encoded.
std::string toUri(const std::string &path) {
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      static const char *hex = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

/// SARIF asks for messages that are sentences.
std::string sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') text += '.';
  return text;
}

llvm::json::Object region(const Location &loc) {
  return llvm::json::Object{
      {"startLine", loc.line}, {"startColumn", loc.column}, {"endLine", loc.endLine}, {"endColumn", loc.endColumn}};
}

llvm::json::Object physical(const Location &loc) {
  return llvm::json::Object{{"artifactLocation", llvm::json::Object{{"uri", toUri(loc.file)}}},
                            {"region", region(loc)}};
}

llvm::json::Object rule(const RuleInfo &r) {
  llvm::json::Object o{{"id", r.id},
                       {"shortDescription", llvm::json::Object{{"text", sentence(r.summary)}}},
                       {"defaultConfiguration", llvm::json::Object{{"level", severityName(r.level)}}}};
  if (!r.article.empty()) {
    std::string help = r.article + ": " + r.articleText;
    if (!r.link.empty()) help += " (" + r.link + ")";
    o["fullDescription"] = llvm::json::Object{{"text", sentence(r.articleText)}};
    o["help"] = llvm::json::Object{{"text", help}};
    o["properties"] = llvm::json::Object{{"article", r.article}};
    if (r.verdict) o["properties"] = llvm::json::Object{{"article", r.article}, {"outcome", verdictKey(*r.verdict)}};
  }
  if (!r.link.empty()) o["helpUri"] = r.link;
  return o;
}

}  // namespace

void renderSarif(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sm,
                 const std::vector<RuleInfo> &rules, const std::string &toolVersion) {
  llvm::json::Array ruleList;
  std::map<std::string, size_t> ruleIndex;
  for (const RuleInfo &r : rules) {
    ruleIndex.emplace(r.id, ruleList.size());
    ruleList.push_back(rule(r));
  }
  llvm::json::Array results;
  for (const Diagnostic &d : diags) {
    llvm::json::Object res{{"ruleId", d.code},
                           {"level", severityName(d.severity)},
                           {"message", llvm::json::Object{{"text", sentence(d.message)}}}};
    if (auto it = ruleIndex.find(d.code); it != ruleIndex.end()) res["ruleIndex"] = static_cast<int64_t>(it->second);
    if (d.range.valid())
      res["locations"] = llvm::json::Array{llvm::json::Object{{"physicalLocation", physical(locate(sm, d.range))}}};
    llvm::json::Array related;
    for (const DiagnosticNote &n : d.notes)
      if (n.range.valid())
        related.push_back(llvm::json::Object{{"id", static_cast<int64_t>(related.size())},
                                             {"message", llvm::json::Object{{"text", sentence(n.message)}}},
                                             {"physicalLocation", physical(locate(sm, n.range))}});
    if (!related.empty()) res["relatedLocations"] = std::move(related);
    if (!d.article.empty()) res["properties"] = llvm::json::Object{{"article", d.article}};
    // Stable across unrelated edits and moved lines (pipeline/Baseline.h), for code scanning's own matching.
    if (!d.fingerprint.empty()) res["partialFingerprints"] = llvm::json::Object{{"ciocFingerprint/v1", d.fingerprint}};
    if (d.baseline != Diagnostic::Baseline::None)
      res["baselineState"] = d.baseline == Diagnostic::Baseline::New ? "new" : "unchanged";
    if (!d.coveredBy.empty())
      res["suppressions"] = llvm::json::Array{
          llvm::json::Object{{"kind", "inSource"}, {"status", "accepted"}, {"justification", d.coveredBy}}};
    llvm::json::Array fixes;
    for (const FixIt &f : d.fixits) {
      Location loc = locate(sm, f.range);
      fixes.push_back(llvm::json::Object{
          {"description", llvm::json::Object{{"text", sentence(d.help.empty() ? d.message : d.help)}}},
          {"artifactChanges",
           llvm::json::Array{llvm::json::Object{
               {"artifactLocation", llvm::json::Object{{"uri", toUri(loc.file)}}},
               {"replacements", llvm::json::Array{llvm::json::Object{
                                    {"deletedRegion", region(loc)},
                                    {"insertedContent", llvm::json::Object{{"text", f.replacement}}}}}}}}}});
    }
    if (!fixes.empty()) res["fixes"] = std::move(fixes);
    results.push_back(std::move(res));
  }
  // A norm without a finding still has a verdict: pass, not applicable, or
  // open (not evaluated), so a reader of the log can tell the three apart.
  std::set<std::string> withResult;
  for (const Diagnostic &d : diags) withResult.insert(d.code);
  for (const RuleInfo &r : rules) {
    if (!r.verdict || withResult.count(r.id)) continue;
    const char *kind = *r.verdict == Verdict::Complies        ? "pass"
                       : *r.verdict == Verdict::NotApplicable ? "notApplicable"
                                                              : "open";
    if (*r.verdict == Verdict::Violation || *r.verdict == Verdict::Deviation) continue;
    results.push_back(llvm::json::Object{
        {"ruleId", r.id},
        {"ruleIndex", static_cast<int64_t>(ruleIndex.at(r.id))},
        {"kind", kind},
        {"level", "none"},
        {"message", llvm::json::Object{{"text", sentence(r.verdictText)}}},
        {"properties", llvm::json::Object{{"article", r.article}, {"outcome", verdictKey(*r.verdict)}}}});
  }
  llvm::json::Object driver{{"name", "cioc"}, {"version", toolVersion}, {"rules", std::move(ruleList)}};
  llvm::json::Object run{{"tool", llvm::json::Object{{"driver", std::move(driver)}}},
                         {"columnKind", "unicodeCodePoints"},
                         {"results", std::move(results)}};
  llvm::json::Object root{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                          {"version", "2.1.0"},
                          {"runs", llvm::json::Array{std::move(run)}}};
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << '\n';
}

}  // namespace cio
