#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "diagnostics/Render.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "norms/FindingText.h"
#include "norms/UnitVerdicts.h"
#include "report/Report.h"

namespace cio {

using namespace model;

namespace {

std::string hex(llvm::ArrayRef<uint8_t> bytes) {
  static const char *digits = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

std::string sha256(llvm::StringRef data) { return hex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(data))); }

/// `path` made absolute and without `.` or `..`, so that two spellings of one file agree.
std::string absolutePath(const std::string &path) {
  llvm::SmallString<256> p(path);
  llvm::sys::fs::make_absolute(p);
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
  return std::string(p);
}

/// The deepest directory that holds every one of `paths` (absolute), ending in `/`.
std::string commonDirectory(const std::vector<std::string> &paths) {
  std::string common;
  for (size_t i = 0; i < paths.size(); ++i) {
    std::string dir = paths[i].substr(0, paths[i].rfind('/') + 1);
    if (i == 0) {
      common = dir;
      continue;
    }
    size_t n = 0;
    while (n < common.size() && n < dir.size() && common[n] == dir[n]) ++n;
    common = common.substr(0, common.rfind('/', n == 0 ? 0 : n - 1) + 1);
  }
  return common;
}

std::string money(int64_t cents) {
  bool negative = cents < 0;
  uint64_t c = negative ? -static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
  std::string whole = std::to_string(c / 100), grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i && (whole.size() - i) % 3 == 0) grouped += '.';
    grouped += whole[i];
  }
  char frac[4];
  std::snprintf(frac, sizeof frac, "%02u", static_cast<unsigned>(c % 100));
  return std::string("EUR ") + (negative ? "-" : "") + grouped + "," + frac;
}

/// The report's record of one diagnostic: its words, its place and its article's link.
Report::Finding findingRecord(const Diagnostic &d, const llvm::SourceMgr &sources, const Schema &schema) {
  Report::Finding f;
  f.severity = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "note";
  f.code = d.code;
  f.article = d.article;
  f.message = d.message;
  f.coveredBy = d.coveredBy;
  f.subject = d.subject;
  if (d.range.valid()) {
    Location loc = locate(sources, d.range);
    f.file = loc.file;
    f.line = loc.line;
    f.column = loc.column;
  }
  if (const Library *lib = d.article.empty() ? nullptr : libraryOfArticle(schema, d.article))
    f.link = articleLink(*lib, d.article);
  return f;
}

class ReportBuilder {
 public:
  ReportBuilder(const Model &m, const Evaluation &ev, const std::vector<Diagnostic> &diags,
                const std::vector<UnitVerdict> &units, const llvm::SourceMgr &sources, Report &r)
      : model_(m), schema_(m.schema), evaluation_(ev), diags_(diags), units_(units), sources_(sources), report_(r) {}

  void build(const std::vector<LoadedFile> &files) {
    for (EntityId id = 0; id < model_.entities.size(); ++id) byPath_.emplace(model_.entities[id].path, id);
    report_.referenceDate = formatDate(model_.referenceDate);
    for (const DeviationRules::Kind &k : DeviationRules::of(schema_).kinds)
      report_.deviationKind = schema_.kinds[k.kind].name;
    libraries();
    inputs(files);
    summary();
    articles();
    deviations();
    relations();
    overviews();
    findings();
    units();
  }

  /// The look-ahead's findings as the report's records, with their unit and source.
  void lookAhead(const LookAheadFound &found) {
    Report::LookAhead &la = report_.lookAhead;
    la.done = true;
    la.skipped = found.skipped;
    la.until = formatDate(found.until);
    la.datesChecked = found.datesChecked;
    for (const Library &lib : schema_.libraries)
      if (lib.ended && *lib.ended > model_.referenceDate && *lib.ended <= found.until)
        la.lapses.push_back({lib.title.empty() ? lib.name : lib.title, formatDate(*lib.ended)});
    std::map<std::string, size_t> unitByPath;
    for (size_t i = 0; i < report_.units.size(); ++i) unitByPath[report_.units[i].entity] = i;
    for (const auto &[date, d] : found.coming) {
      Report::Coming c{formatDate(date), record(d)};
      if (auto it = byPath_.find(d.subject); !d.subject.empty() && it != byPath_.end())
        if (auto u = unitByPath.find(model_.entities[unitRootOf(model_, it->second)].path); u != unitByPath.end())
          c.finding.unit = u->second;
      la.coming.push_back(std::move(c));
    }
  }

 private:
  std::string show(const Value &v) const {
    if (v.list) {
      std::string out = "[";
      for (const Value &item : v.items) out += (out.size() > 1 ? ", " : "") + show(item);
      return out + "]";
    }
    switch (v.type) {
      case BaseType::Text:
      case BaseType::Article:
      case BaseType::Enum:
        return v.text;
      case BaseType::Number: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v.number);
        return buf;
      }
      case BaseType::Money:
        return money(v.cents);
      case BaseType::Date:
        return formatDate(v.date);
      case BaseType::Duration:
        return std::to_string(v.months) + " maanden " + std::to_string(v.days) + " dagen";
      case BaseType::Period:
        return formatDate(v.date) + ".." + formatDate(v.until);
      case BaseType::Bool:
        return v.flag ? "ja" : "nee";
      case BaseType::Kind:
        return v.ref == kNone ? "?" : model_.entities[v.ref].path;
    }
    return "";
  }

  Report::Fields fieldsOf(const Entity &e, const std::set<std::string> &skip = {}) const {
    Report::Fields out;
    for (const FieldValue &f : e.fields)
      if (f.field && !skip.count(f.field->name)) out.push_back({f.field->name, show(f.value)});
    return out;
  }

  bool kindHas(KindId k, const char *annotation) const {
    for (; k != kNone; k = schema_.kinds[k].base)
      if (schema_.kinds[k].annotation(annotation)) return true;
    return false;
  }

  void libraries() {
    for (const Library &l : schema_.libraries)
      report_.libraries.push_back({l.name, l.title, l.identifier, l.link, l.inForce ? formatDate(*l.inForce) : "",
                                   l.ended ? formatDate(*l.ended) : "", l.successor});
  }

  /// Every input with the hash of its content, and one hash over them all that
  /// is the same wherever the workspace and the stdlib lie: a workspace file is
  /// named by its path from the directory that holds them all, a library by its
  /// name (its content hash is its version).
  void inputs(const std::vector<LoadedFile> &files) {
    std::vector<std::string> absolute;
    for (const LoadedFile &f : files)
      if (!f.isLibrary) absolute.push_back(absolutePath(f.ast().path));
    std::string root = commonDirectory(absolute);
    report_.workspaceRoot = root;
    for (size_t i = 0, next = 0; i < files.size(); ++i)
      if (!files[i].isLibrary) relativeByBuffer_[files[i].ast().buffer] = absolute[next++].substr(root.size());
    for (const LoadedFile &f : files) {
      if (!f.isLibrary) continue;
      std::string title = f.libraryName;
      for (const Library &l : schema_.libraries)
        if (l.name == f.libraryName && !l.title.empty()) title = l.title;
      libraryByBuffer_[f.ast().buffer] = title;
    }
    std::vector<Report::Input> list;
    size_t next = 0;
    for (const LoadedFile &f : files) {
      llvm::StringRef text = sources_.getMemoryBuffer(f.ast().buffer)->getBuffer();
      std::string name = f.isLibrary ? f.libraryName + ".cio" : absolute[next++].substr(root.size());
      list.push_back({name, sha256(text), f.isLibrary});
    }
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.path < b.path; });
    std::string all;
    for (const Report::Input &i : list) all += i.path + '\0' + i.sha256 + '\n';
    report_.inputs = std::move(list);
    report_.inputsSha256 = sha256(all);
  }

  void summary() {
    Report::Summary &s = report_.summary;
    for (const Diagnostic &d : diags_) {
      if (!d.coveredBy.empty())
        ++s.covered;
      else if (d.severity == Severity::Error)
        ++s.errors;
      else if (d.severity == Severity::Warning)
        ++s.warnings;
      else if (!d.article.empty())
        ++s.advice;
    }
    // The norms by verdict (an article's verdict is in its row).
    for (const CompiledNorm *n : evaluation_.evaluated) ++s.norms[static_cast<size_t>(evaluation_.verdict(n))];
    for (const CompiledNorm *n : evaluation_.notEvaluated) ++s.norms[static_cast<size_t>(evaluation_.verdict(n))];
    s.notEvaluated = s.norms[static_cast<size_t>(Verdict::NotEvaluated)];
    s.entities = model_.entities.size();
  }

  Report::Status normStatus(const CompiledNorm *norm) const { return reportStatus(evaluation_.verdict(norm)); }

  /// One row per whole article; its status is the worst of its norms'.
  void articles() {
    normList_ = evaluation_.evaluated;
    normList_.insert(normList_.end(), evaluation_.notEvaluated.begin(), evaluation_.notEvaluated.end());
    std::sort(normList_.begin(), normList_.end(),
              [](const CompiledNorm *a, const CompiledNorm *b) { return a->name < b->name; });
    std::vector<std::string> refs;
    for (const auto &[ref, a] : schema_.articles)
      if (ref.find('.') == std::string::npos) refs.push_back(ref);
    std::sort(refs.begin(), refs.end(),
              [](const std::string &a, const std::string &b) { return articleSortKey(a) < articleSortKey(b); });
    for (const std::string &ref : refs) {
      const Article &a = schema_.articles.at(ref);
      Report::ArticleRow row{ref, a.text, "", Report::Status::NoNorm, {}};
      if (const Library *lib = libraryOfArticle(schema_, ref)) row.link = articleLink(*lib, ref);
      std::vector<Verdict> verdicts;
      for (const CompiledNorm *n : normList_) {
        if (!articleCovers(ref, n->article)) continue;
        verdicts.push_back(evaluation_.verdict(n));
        row.norms.push_back({n->name, n->article, normStatus(n)});
      }
      std::sort(row.norms.begin(), row.norms.end(),
                [](const auto &x, const auto &y) { return std::tie(x.article, x.norm) < std::tie(y.article, y.norm); });
      // Voldoet only when each norm is voldoet or niet van toepassing and one is voldoet.
      if (!row.norms.empty()) row.status = reportStatus(combineVerdicts(verdicts));
      report_.articles.push_back(std::move(row));
    }
  }

  /// The register: every deviation with its state and what it covers (or
  /// would cover, when expired or not yet in force), as the evaluation decided.
  void deviations() {
    DeviationRules rules = DeviationRules::of(schema_);
    for (const DeviationStatus &status : evaluation_.deviations) {
      const Entity &e = model_.entities[status.entity];
      const DeviationRules::Kind *k = rules.kindOf(schema_, e.kind);
      if (!k) continue;
      Report::Deviation d;
      d.name = entityName(model_, status.entity);
      Location loc = locate(sources_, e.nameRange);
      d.file = loc.file;
      d.line = loc.line;
      if (const FieldValue *f = e.field(k->van)) d.article = show(f->value);
      if (const FieldValue *f = e.field(k->betreft)) d.concerns = show(f->value);
      if (const FieldValue *f = e.field(k->geldigTot)) {
        d.validUntil = show(f->value);
        d.hasEnd = true;
        d.daysLeft = static_cast<long>(f->value.date) - static_cast<long>(model_.referenceDate);
      }
      d.state = stateOf(status.state);
      for (size_t i : status.covers) {
        const Finding &f = evaluation_.findings[i];
        d.covers.push_back(f.norm->name + " (" + f.article.notation() + "): " + entityLabel(model_, f.subject));
      }
      d.fields = fieldsOf(e, {k->van, k->betreft, k->geldigTot});
      report_.deviations.push_back(std::move(d));
      deviationRoots_.push_back(unitRootOf(model_, status.entity));
    }
  }

  static Report::Deviation::State stateOf(DeviationStatus::State s) {
    switch (s) {
      case DeviationStatus::State::InForce:
        return Report::Deviation::State::Active;
      case DeviationStatus::State::Unused:
        return Report::Deviation::State::Unused;
      case DeviationStatus::State::Expired:
        return Report::Deviation::State::Expired;
      case DeviationStatus::State::NotYetInForce:
        return Report::Deviation::State::NotYetInForce;
      case DeviationStatus::State::Doubtful:
        return Report::Deviation::State::NotEvaluated;
      case DeviationStatus::State::Unlawful:
      case DeviationStatus::State::Invalid:
        break;
    }
    return Report::Deviation::State::Invalid;
  }

  void relations() {
    for (EntityId id = 0; id < model_.entities.size(); ++id) {
      const Entity &e = model_.entities[id];
      if (e.kind == kNone) continue;
      const AnnotationInfo *rel = nullptr;
      for (KindId k = e.kind; k != kNone && !rel; k = schema_.kinds[k].base)
        rel = schema_.kinds[k].annotation("relatie");
      if (!rel || rel->positional.size() != 2) continue;
      Report::Relation r{schema_.kinds[e.kind].name, e.path, "", "", {}};
      if (const FieldValue *f = e.field(rel->positional[0])) r.from = show(f->value);
      if (const FieldValue *f = e.field(rel->positional[1])) r.to = show(f->value);
      r.fields = fieldsOf(e, {rel->positional[0], rel->positional[1]});
      report_.relations.push_back(std::move(r));
    }
  }

  /// For each kind annotated @overzicht: its entities that a norm applied to,
  /// with the outcome of every such norm.
  void overviews() {
    for (KindId k = 0; k < schema_.kinds.size(); ++k) {
      if (!schema_.kinds[k].annotation("overzicht")) continue;
      Report::Overview ov;
      ov.kind = schema_.kinds[k].name;
      ov.description = schema_.kinds[k].doc;
      std::vector<const CompiledNorm *> columns;
      std::map<EntityId, std::map<const CompiledNorm *, Report::Status>> cells;
      for (const Evaluation::Outcome &o : evaluation_.outcomes) {
        if (o.entity == kNone || model_.entities[o.entity].kind == kNone ||
            !schema_.isA(model_.entities[o.entity].kind, k))
          continue;
        if (std::find(columns.begin(), columns.end(), o.norm) == columns.end()) columns.push_back(o.norm);
        Report::Status s = o.result == Evaluation::Outcome::Result::Violated  ? Report::Status::Violation
                           : o.result == Evaluation::Outcome::Result::Covered ? Report::Status::Deviation
                           : o.result == Evaluation::Outcome::Result::Unknown ? Report::Status::NotEvaluated
                                                                              : Report::Status::Complies;
        auto [it, fresh] = cells[o.entity].emplace(o.norm, s);
        if (!fresh)
          it->second = std::max(it->second, s, [](Report::Status a, Report::Status b) {
            auto rank = [](Report::Status x) {
              return x == Report::Status::Violation      ? 3
                     : x == Report::Status::NotEvaluated ? 2
                     : x == Report::Status::Deviation    ? 1
                                                         : 0;
            };
            return rank(a) < rank(b);
          });
      }
      std::sort(columns.begin(), columns.end(), [](const CompiledNorm *a, const CompiledNorm *b) {
        return std::tie(a->article, a->name) < std::tie(b->article, b->name);
      });
      for (const CompiledNorm *n : columns) ov.columns.push_back({n->name, n->article, Report::Status::NoNorm});
      for (const auto &[entity, byNorm] : cells) {
        const Entity &e = model_.entities[entity];
        Report::Overview::Row row{e.path, e.title, {}, fieldsOf(e)};
        for (const CompiledNorm *n : columns) {
          auto it = byNorm.find(n);
          row.cells.push_back(it == byNorm.end() ? Report::Status::NotApplicable : it->second);
        }
        ov.rows.push_back(std::move(row));
      }
      if (!ov.rows.empty()) report_.overviews.push_back(std::move(ov));
    }
  }

  /// A diagnostic as the report's record, with its workspace-relative source or its library.
  Report::Finding record(const Diagnostic &d) const {
    Report::Finding f = findingRecord(d, sources_, schema_);
    if (auto rel = relativeByBuffer_.find(d.range.buffer); d.range.valid() && rel != relativeByBuffer_.end())
      f.source = rel->second;
    if (auto lib = libraryByBuffer_.find(d.range.buffer); d.range.valid() && lib != libraryByBuffer_.end())
      f.library = lib->second;
    return f;
  }

  void findings() {
    for (const Diagnostic &d : diags_) {
      Report::Finding f = record(d);
      EntityId root = kNone;
      if (auto it = byPath_.find(d.subject); !d.subject.empty() && it != byPath_.end()) {
        const Entity &e = model_.entities[it->second];
        f.entity = e.title.empty() ? e.path.str() : e.title + " (" + e.path + ")";
        root = unitRootOf(model_, it->second);
      }
      findingRoots_.push_back(root);
      report_.findings.push_back(std::move(f));
    }
  }

  /// The units (norms/UnitVerdicts.h) with their verdicts, counts, matrix row,
  /// findings by article and the deviations that end soon.
  void units() {
    std::map<EntityId, size_t> unitOf;
    for (const UnitVerdict &uv : judgeUnits(model_, evaluation_)) {
      const Entity &e = model_.entities[uv.root];
      unitOf[uv.root] = report_.units.size();
      Report::Unit u;
      u.entity = e.path;
      u.title = e.title;
      u.kind = schema_.kinds[e.kind].name;
      u.anchor = anchorOf(e.path);
      u.verdict = uv.verdict;
      for (const auto &[n, v] : uv.norms) ++u.norms[static_cast<size_t>(v)];
      for (const Report::ArticleRow &row : report_.articles) {
        std::vector<Verdict> of;
        for (const auto &[n, v] : uv.norms)
          if (articleCovers(row.ref, n->article)) of.push_back(v);
        u.articles.push_back(of.empty() ? Report::Status::NoNorm : reportStatus(combineVerdicts(of)));
      }
      report_.units.push_back(std::move(u));
    }
    auto unitIndex = [&](EntityId root) {
      auto it = root == kNone ? unitOf.end() : unitOf.find(root);
      return it == unitOf.end() ? Report::kNoUnit : it->second;
    };
    for (size_t i = 0; i < report_.findings.size(); ++i) {
      Report::Finding &f = report_.findings[i];
      f.unit = unitIndex(findingRoots_[i]);
      if (f.unit == Report::kNoUnit) {
        report_.otherFindings.push_back(i);
        continue;
      }
      Report::Unit &unit = report_.units[f.unit];
      unit.findings.push_back(i);
      size_t &count = !f.coveredBy.empty()      ? unit.covered
                      : f.severity == "error"   ? unit.errors
                      : f.severity == "warning" ? unit.warnings
                                                : unit.advice;
      ++count;
    }
    for (Report::Unit &unit : report_.units)
      std::stable_sort(unit.findings.begin(), unit.findings.end(), [&](size_t a, size_t b) {
        return articleSortKey(report_.findings[a].article) < articleSortKey(report_.findings[b].article);
      });
    for (size_t i = 0; i < report_.deviations.size(); ++i) {
      Report::Deviation &d = report_.deviations[i];
      d.unit = unitIndex(deviationRoots_[i]);
      if (d.unit != Report::kNoUnit && d.state == Report::Deviation::State::Active && d.hasEnd && d.daysLeft >= 0 &&
          d.daysLeft <= Report::kExpiringDays)
        report_.units[d.unit].expiring.push_back(i);
    }
  }

  const Model &model_;
  const Schema &schema_;
  const Evaluation &evaluation_;
  const std::vector<Diagnostic> &diags_;
  const std::vector<UnitVerdict> &units_;
  const llvm::SourceMgr &sources_;
  Report &report_;
  std::vector<const CompiledNorm *> normList_;
  std::map<unsigned, std::string> relativeByBuffer_;  // a workspace file's buffer: its path from the workspace root
  std::map<unsigned, std::string> libraryByBuffer_;   // a library's buffer: the library's title
  std::map<std::string, EntityId> byPath_;
  std::vector<EntityId> deviationRoots_, findingRoots_;  // per report deviation and finding: its unit's root  // per
                                                         // report deviation: its unit's root entity
};

}  // namespace

Report buildReport(const Model &model, const std::vector<LoadedFile> &files, const Evaluation &evaluation,
                   const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sources, const std::string &toolVersion,
                   const std::vector<UnitVerdict> &units, const LookAheadFound *ahead) {
  Report r;
  r.toolVersion = toolVersion;
  ReportBuilder builder(model, evaluation, diags, units, sources, r);
  builder.build(files);
  if (ahead) builder.lookAhead(*ahead);
  return r;
}

Report::Status reportStatus(Verdict v) {
  switch (v) {
    case Verdict::Complies:
      return Report::Status::Complies;
    case Verdict::Violation:
      return Report::Status::Violation;
    case Verdict::Deviation:
      return Report::Status::Deviation;
    case Verdict::NotApplicable:
      return Report::Status::NotApplicable;
    case Verdict::NotEvaluated:
      break;
  }
  return Report::Status::NotEvaluated;
}

std::string statusWord(Report::Status s, const Report &report, const DiagnosticEngine &labels) {
  switch (s) {
    case Report::Status::Complies:
      return labels.text(DiagId::status_complies);
    case Report::Status::Deviation:
      return report.deviationKind.empty() ? labels.text(DiagId::status_covered) : report.deviationKind;
    case Report::Status::Violation:
      return labels.text(DiagId::status_violation);
    case Report::Status::NotEvaluated:
      return labels.text(DiagId::status_not_evaluated);
    case Report::Status::NoNorm:
      return labels.text(DiagId::status_no_norm);
    case Report::Status::NotApplicable:
      return labels.text(DiagId::status_not_applicable);
  }
  return "";
}

std::string stateWord(Report::Deviation::State s, const DiagnosticEngine &labels) {
  switch (s) {
    case Report::Deviation::State::Active:
      return labels.text(DiagId::state_active);
    case Report::Deviation::State::Expired:
      return labels.text(DiagId::state_expired);
    case Report::Deviation::State::Unused:
      return labels.text(DiagId::state_unused);
    case Report::Deviation::State::NotYetInForce:
      return labels.text(DiagId::state_not_yet_in_force);
    case Report::Deviation::State::Invalid:
      return labels.text(DiagId::state_invalid);
    case Report::Deviation::State::NotEvaluated:
      return labels.text(DiagId::status_not_evaluated);
  }
  return "";
}

}  // namespace cio
