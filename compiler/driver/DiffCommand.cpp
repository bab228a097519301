// `cioc diff OLD NEW` (or `cioc diff --git REV [PAD]`): what changed between
// two versions of a workspace — entities added, removed and changed, and
// findings that appeared, were resolved or became covered — as text, JSON or
// Markdown (for a pull-request comment). Both versions are checked with the
// same options, at the same reference date, with the newer one's cioc.toml.
#include <algorithm>
#include <map>
#include <set>

#include "diagnostics/Render.h"
#include "driver/Commands.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include "pipeline/Baseline.h"
#include "pipeline/Config.h"
#include "pipeline/Pipeline.h"
#include "report/ModelJson.h"

namespace cio {

namespace {

using llvm::json::Object;
using llvm::json::Value;

/// One version: its entities by key (path, or for an unnamed record the
/// parent's key with kind and ordinal) and its findings by identity.
struct Version {
  struct Entity {
    std::string kind, title;
    std::map<std::string, std::string> fields;  // name -> the value as JSON
  };
  std::map<std::string, Entity> entities;
  struct Finding {
    std::string code, severity, message, subject, article;
    bool covered = false;
  };
  std::multimap<std::string, Finding> findings;
  bool ok = false;
};

void collect(const Value &node, const std::string &parentKey, Version &v) {
  const llvm::json::Array *list = node.getAsArray();
  if (!list) return;
  std::map<std::string, int> unnamed;  // per kind, among these siblings
  for (const Value &item : *list) {
    const Object *e = item.getAsObject();
    if (!e) continue;
    std::string kind = e->getString("kind").value_or("").str();
    std::string key = e->getString("path").value_or("").str();
    if (e->getString("name").value_or("").empty())
      key = parentKey + (parentKey.empty() ? "" : ".") + kind + "#" + std::to_string(++unnamed[kind]);
    Version::Entity &out = v.entities[key];
    out.kind = kind;
    out.title = e->getString("title").value_or("").str();
    if (const Object *fields = e->getObject("fields"))
      for (const auto &[name, value] : *fields) out.fields[name.str()] = llvm::formatv("{0}", value).str();
    if (const Value *children = e->get("children")) collect(*children, key, v);
  }
}

Version load(const CheckOptions &opt, const std::vector<std::string> &paths, const Config &config) {
  Version v;
  Pipeline p(opt.lang == "en" ? Language::English : Language::Dutch);
  runPipeline(p, {paths, opt.referenceDate, opt.stdlibDir});
  if (p.usageError || p.workspace->hadIoError()) {
    p.printCompilerErrors(p.diags.language());
    return v;
  }
  std::string json;
  llvm::raw_string_ostream out(json);
  writeModelJson(out, p.model, p.sources);
  out.flush();
  if (llvm::Expected<Value> doc = llvm::json::parse(json)) {
    if (const Object *root = doc->getAsObject())
      if (const Value *entities = root->get("entities")) collect(*entities, "", v);
  } else {
    llvm::consumeError(doc.takeError());
  }
  std::vector<Diagnostic> all = p.allDiagnostics();
  std::vector<std::string> known;
  for (const DiagKindInfo &k : allDiagKinds()) known.emplace_back(k.name);
  for (const CompiledNorm &n : p.norms.norms) known.push_back(n.name);
  DiagnosticEngine quiet;  // the configuration's own problems are the check's to report
  applyLevels(all, config, known, quiet);
  fingerprintDiagnostics(all, p.sources, paths.front(), /*includeCovered=*/true);
  for (const Diagnostic &d : all)
    if (!d.fingerprint.empty())
      v.findings.emplace(d.fingerprint, Version::Finding{d.code, severityName(d.severity), d.message, d.subject,
                                                         d.article, !d.coveredBy.empty()});
  v.ok = true;
  return v;
}

/// Runs `git` with `args`; its standard output into `out` (a file). True on success.
bool git(const std::vector<std::string> &args, const std::string &out) {
  llvm::ErrorOr<std::string> program = llvm::sys::findProgramByName("git");
  if (!program) return false;
  std::vector<llvm::StringRef> argv{*program};
  for (const std::string &a : args) argv.push_back(a);
  std::optional<llvm::StringRef> redirects[] = {llvm::StringRef(""), llvm::StringRef(out), llvm::StringRef("")};
  return llvm::sys::ExecuteAndWait(*program, argv, std::nullopt, redirects) == 0;
}

std::string readAll(const std::string &path) {
  auto b = llvm::MemoryBuffer::getFile(path, true);
  return b ? llvm::StringRef((*b)->getBuffer()).trim().str() : "";
}

/// The workspace at `path` as it was at git revision `rev`, extracted into
/// `into`; the path to check there, or "" (with a message) when git cannot.
std::string checkout(const std::string &rev, const std::string &path, const std::string &into) {
  llvm::SmallString<256> abs(path), top, tar(into);
  llvm::sys::fs::make_absolute(abs);
  std::string dir = llvm::sys::fs::is_directory(abs) ? std::string(abs) : llvm::sys::path::parent_path(abs).str();
  llvm::sys::path::append(top, into, "toplevel");
  llvm::sys::path::append(tar, "tree.tar");
  if (!git({"-C", dir, "rev-parse", "--show-toplevel"}, std::string(top))) return "";
  std::string root = readAll(std::string(top));
  if (!git({"-C", root, "archive", "--format=tar", "-o", std::string(tar), rev}, "/dev/null")) return "";
  llvm::SmallString<256> tree(into);
  llvm::sys::path::append(tree, "tree");
  llvm::sys::fs::create_directories(tree);
  llvm::ErrorOr<std::string> tarProgram = llvm::sys::findProgramByName("tar");
  if (!tarProgram) return "";
  std::vector<llvm::StringRef> argv{*tarProgram, "-xf", tar, "-C", tree};
  if (llvm::sys::ExecuteAndWait(*tarProgram, argv) != 0) return "";
  llvm::StringRef rel = llvm::StringRef(abs).drop_front(std::min(abs.size(), root.size())).ltrim("/");
  llvm::SmallString<256> old(tree);
  if (!rel.empty()) llvm::sys::path::append(old, rel);
  return std::string(old);
}

struct Change {
  std::string key, kind;
  std::vector<std::tuple<std::string, std::string, std::string>> fields;  // name, old, new ("" when absent)
};

}  // namespace

int runDiff(const DiffOptions &given) {
  CheckOptions opt = given.check;
  Config config;
  {
    llvm::SourceMgr sources;
    DiagnosticEngine diags;
    std::string first = given.newPaths.empty() ? "." : given.newPaths.front();
    if (std::string path = findConfig(first); !path.empty()) config = readConfig(path, sources, diags);
    if (opt.referenceDate.empty()) opt.referenceDate = config.referenceDate;
    if (!opt.stdlibGiven && !config.stdlibDir.empty()) opt.stdlibDir = config.stdlibDir;
  }
  // Both versions at one reference date, whatever today is when each is checked.
  if (opt.referenceDate.empty()) opt.referenceDate = model::formatDate(today());
  std::vector<std::string> oldPaths = given.oldPaths, newPaths = given.newPaths;
  llvm::SmallString<128> scratch;
  if (!given.gitRevision.empty()) {
    if (newPaths.empty()) newPaths.push_back(".");
    if (llvm::sys::fs::createUniqueDirectory("cioc-diff", scratch)) return 2;
    std::string old = checkout(given.gitRevision, newPaths.front(), std::string(scratch));
    if (old.empty()) {
      llvm::errs() << "cioc diff: git kan revisie `" << given.gitRevision << "` van " << newPaths.front()
                   << " niet geven\n";
      llvm::sys::fs::remove_directories(scratch);
      return 2;
    }
    oldPaths = {old};
  }
  if (oldPaths.empty() || newPaths.empty()) {
    llvm::errs() << "cioc diff: geef OUD en NIEUW, of --git REVISIE [PAD]\n";
    return 2;
  }
  Version before = load(opt, oldPaths, config), after = load(opt, newPaths, config);
  if (!scratch.empty()) llvm::sys::fs::remove_directories(scratch);
  if (!before.ok || !after.ok) return 2;

  std::vector<std::pair<std::string, std::string>> added, removed;  // key, kind
  std::vector<Change> changed;
  for (const auto &[key, e] : after.entities) {
    auto it = before.entities.find(key);
    if (it == before.entities.end()) {
      added.push_back({key, e.kind});
      continue;
    }
    Change c{key, e.kind, {}};
    if (it->second.kind != e.kind) c.fields.push_back({"soort", it->second.kind, e.kind});
    if (it->second.title != e.title) c.fields.push_back({"titel", it->second.title, e.title});
    std::set<std::string> names;
    for (const auto &[n, _] : e.fields) names.insert(n);
    for (const auto &[n, _] : it->second.fields) names.insert(n);
    for (const std::string &n : names) {
      const std::map<std::string, std::string> &was = it->second.fields;
      auto o = was.find(n), w = e.fields.find(n);
      std::string ov = o == was.end() ? "" : o->second, nv = w == e.fields.end() ? "" : w->second;
      if (ov != nv) c.fields.push_back({n, ov, nv});
    }
    if (!c.fields.empty()) changed.push_back(std::move(c));
  }
  for (const auto &[key, e] : before.entities)
    if (!after.entities.count(key)) removed.push_back({key, e.kind});

  // Findings by fingerprint, counted: as many as the old version had are not new.
  std::vector<Version::Finding> appeared, resolved, covered;
  std::set<std::string> fps;
  for (const auto &[fp, _] : before.findings) fps.insert(fp);
  for (const auto &[fp, _] : after.findings) fps.insert(fp);
  for (const std::string &fp : fps) {
    auto [ob, oe] = before.findings.equal_range(fp);
    auto [nb, ne] = after.findings.equal_range(fp);
    std::vector<Version::Finding> o, n;
    for (auto it = ob; it != oe; ++it) o.push_back(it->second);
    for (auto it = nb; it != ne; ++it) n.push_back(it->second);
    size_t both = std::min(o.size(), n.size());
    for (size_t i = both; i < n.size(); ++i) appeared.push_back(n[i]);
    for (size_t i = both; i < o.size(); ++i) resolved.push_back(o[i]);
    for (size_t i = 0; i < both; ++i)
      if (!o[i].covered && n[i].covered) covered.push_back(n[i]);
  }
  auto byPlace = [](const Version::Finding &a, const Version::Finding &b) {
    return std::tie(a.subject, a.code, a.message) < std::tie(b.subject, b.code, b.message);
  };
  for (auto *list : {&appeared, &resolved, &covered}) std::sort(list->begin(), list->end(), byPlace);

  llvm::raw_ostream &out = llvm::outs();
  auto shown = [](const std::string &v) { return v.empty() ? std::string("—") : v; };
  if (given.format == "json") {
    auto entityList = [](const std::vector<std::pair<std::string, std::string>> &list) {
      llvm::json::Array a;
      for (const auto &[key, kind] : list) a.push_back(Object{{"entity", key}, {"kind", kind}});
      return a;
    };
    auto findingList = [](const std::vector<Version::Finding> &list) {
      llvm::json::Array a;
      for (const Version::Finding &f : list)
        a.push_back(Object{{"code", f.code}, {"severity", f.severity}, {"message", f.message},
                           {"subject", f.subject}, {"article", f.article}, {"covered", f.covered}});
      return a;
    };
    llvm::json::Array changes;
    for (const Change &c : changed) {
      llvm::json::Array fields;
      for (const auto &[name, o, n] : c.fields) fields.push_back(Object{{"field", name}, {"old", o}, {"new", n}});
      changes.push_back(Object{{"entity", c.key}, {"kind", c.kind}, {"fields", std::move(fields)}});
    }
    Object root{{"version", 1},
                {"reference_date", opt.referenceDate},
                {"entities", Object{{"added", entityList(added)}, {"removed", entityList(removed)},
                                    {"changed", std::move(changes)}}},
                {"findings", Object{{"appeared", findingList(appeared)}, {"resolved", findingList(resolved)},
                                    {"covered", findingList(covered)}}}};
    out << llvm::formatv("{0:2}", Value(std::move(root))) << '\n';
  } else {
    bool md = given.format == "markdown";
    auto cell = [&](std::string s) {  // Markdown table cells: no pipes or line ends of the user's
      if (!md) return s;
      std::string o;
      for (char ch : s) o += ch == '|' ? std::string("\\|") : ch == '\n' ? std::string(" ") : std::string(1, ch);
      return o;
    };
    out << (md ? "## cioc diff\n\n" : "") << "Peildatum " << opt.referenceDate << "\n\n";
    out << (md ? "### " : "") << "Entiteiten: " << added.size() << " toegevoegd, " << removed.size() << " verwijderd, "
        << changed.size() << " gewijzigd\n";
    if (md && (added.size() + removed.size() + changed.size()) > 0) out << "\n| | entiteit | soort | wat |\n|---|---|---|---|\n";
    for (const auto &[key, kind] : added)
      out << (md ? "| + | `" + cell(key) + "` | " + kind + " | |\n" : "  + " + key + " (" + kind + ")\n");
    for (const auto &[key, kind] : removed)
      out << (md ? "| − | `" + cell(key) + "` | " + kind + " | |\n" : "  - " + key + " (" + kind + ")\n");
    for (const Change &c : changed)
      for (const auto &[name, o, n] : c.fields)
        out << (md ? "| ~ | `" + cell(c.key) + "` | " + c.kind + " | `" + cell(name) + "`: " + cell(shown(o)) + " → " +
                         cell(shown(n)) + " |\n"
                   : "  ~ " + c.key + ": " + name + " " + shown(o) + " → " + shown(n) + "\n");
    out << '\n' << (md ? "### " : "") << "Bevindingen: " << appeared.size() << " nieuw, " << resolved.size()
        << " opgelost, " << covered.size() << " nu gedekt\n";
    if (md && (appeared.size() + resolved.size() + covered.size()) > 0)
      out << "\n| | code | artikel | over | melding |\n|---|---|---|---|---|\n";
    auto line = [&](const char *mark, const Version::Finding &f) {
      if (md)
        out << "| " << mark << " | `" << f.code << "` | " << f.article << " | " << cell(f.subject) << " | "
            << cell(f.message) << " |\n";
      else
        out << "  " << mark << " " << (f.severity == "error" ? "fout" : f.severity == "warning" ? "waarschuwing" : "opmerking")
            << "[" << f.code << "]" << (f.article.empty() ? "" : " " + f.article)
            << ": " << f.message << '\n';
    };
    for (const Version::Finding &f : appeared) line("+", f);
    for (const Version::Finding &f : resolved) line(md ? "✓" : "-", f);
    for (const Version::Finding &f : covered) line(md ? "gedekt" : "=", f);
  }
  out.flush();
  // Like check: a new error (or, with --werror, a new warning) fails.
  for (const Version::Finding &f : appeared)
    if (!f.covered && (f.severity == "error" || (opt.werror && f.severity == "warning"))) return 1;
  return 0;
}

}  // namespace cio
