// `cioc explain NORM|ARTICLE|KIND|CODE`: everything a reader needs about one obligation
// in one place: the article's text and official link, the toelichting (the
// doc comments of the article declarations), the norms that enforce it with
// their source, and each norm's example of a violation (the ``` block of its
// doc comment). Kinds and compiler diagnostics are explained by
// ExplainKind.cpp and ExplainDiagnostic.cpp. `--toets-voorbeelden` checks that
// every library norm has an example and that the example really violates it,
// so the examples stay true.
#include <algorithm>
#include <set>

#include "diagnostics/Printable.h"
#include "diagnostics/Render.h"
#include "driver/Commands.h"
#include "driver/Explain.h"
#include "llvm/Support/raw_ostream.h"
#include "norms/Evaluator.h"
#include "norms/FindingText.h"
#include "norms/NormChecker.h"
#include "norms/NormDoc.h"
#include "pipeline/Pipeline.h"
#include "sema/Sema.h"

namespace cio {

void printWrapped(llvm::raw_ostream &os, const std::string &text, const std::string &indent, size_t width) {
  size_t col = 0;
  bool lineStart = true;
  size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '\n') {
      if (pos + 1 < text.size() && text[pos + 1] == '\n') {
        os << "\n\n";
        lineStart = true;
        col = 0;
        pos += 2;
        continue;
      }
      ++pos;
      continue;
    }
    if (text[pos] == ' ') {
      ++pos;
      continue;
    }
    size_t end = text.find_first_of(" \n", pos);
    if (end == std::string::npos) end = text.size();
    std::string_view word(text.data() + pos, end - pos);
    if (!lineStart && col + 1 + word.size() > width) {
      os << '\n';
      lineStart = true;
    }
    if (lineStart) {
      os << indent << word;
      col = indent.size() + word.size();
      lineStart = false;
    } else {
      os << ' ' << word;
      col += 1 + word.size();
    }
    pos = end;
  }
  if (!lineStart) os << '\n';
}

void printIndented(llvm::raw_ostream &os, const std::string &text, const std::string &indent) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    if (line.empty())
      os << '\n';
    else
      os << indent << line << '\n';
    pos = nl + 1;
  }
}

namespace {

struct NormRef {
  const ast::NormDecl *decl;
  const LoadedFile *file;
};

std::string sourceText(const llvm::SourceMgr &sm, SourceRange r) {
  if (!r.valid()) return "";
  llvm::StringRef buf = sm.getMemoryBuffer(r.buffer)->getBuffer();
  return buf.substr(r.begin, r.end - r.begin).str();
}

bool looksLikeArticle(const std::string &s) {
  return s.size() > 3 && s.compare(0, 3, "art") == 0 && std::isdigit(static_cast<unsigned char>(s[3]));
}

std::string libraryOf(const NormRef &n) { return n.file->isLibrary ? n.file->libraryName : ""; }

/// Checks each library norm's example in a workspace of its own: the example
/// must be free of compiler errors and produce at least one finding of the norm.
int checkExamples(const std::vector<NormRef> &norms, const ExplainOptions &opt, model::Date refDate,
                  DiagnosticEngine &diags, const llvm::SourceMgr &sources) {
  size_t checked = 0;
  for (const NormRef &n : norms) {
    if (!n.file->isLibrary) continue;
    SplitDoc doc = splitDoc(n.decl->doc);
    if (!doc.hasExample) {
      diags.report(DiagId::example_missing, n.decl->name.range, {n.decl->name.text});
      continue;
    }
    ++checked;
    DiagnosticEngine inner(diags.language());
    llvm::SourceMgr innerSources;
    Workspace ws(innerSources, inner, opt.stdlibDir);
    ws.addBuffer("voorbeeld/" + n.decl->name.text + ".cio", "gebruik " + libraryOf(n) + ";\n" + doc.example);
    ws.load();
    model::Model model = analyze(ws.files(), refDate, inner);
    CompiledNorms norms = checkNorms(ws.files(), model.schema, inner);
    Evaluation evaluation;
    if (inner.errorCount() == 0) evaluation = evaluateNorms(norms, model, inner);
    std::string firstError;
    bool violated = false;
    for (const Finding &f : evaluation.findings) violated |= f.norm->name == n.decl->name.text;
    for (const Diagnostic &d : inner.diagnostics()) {
      if (d.severity == Severity::Error && firstError.empty()) {
        Location loc = locate(innerSources, d.range);
        firstError = d.message + " (" + loc.file + ":" + std::to_string(loc.line) + ")";
      }
    }
    if (!firstError.empty())
      diags.report(DiagId::example_invalid, n.decl->name.range, {n.decl->name.text, firstError});
    else if (!violated)
      diags.report(DiagId::example_not_violating, n.decl->name.range, {n.decl->name.text});
  }
  std::vector<Diagnostic> &all = diags.diagnostics();
  sortDiagnostics(all, sources);
  renderText(llvm::outs(), all, sources, diags.language(), false);
  llvm::outs() << diags.text(DiagId::label_examples_checked, {std::to_string(checked)}) << '\n';
  return diags.errorCount() ? 1 : 0;
}

void printNorm(llvm::raw_ostream &os, const NormRef &n, const llvm::SourceMgr &sources, const DiagnosticEngine &diags) {
  const ast::NormDecl &d = *n.decl;
  Location loc = locate(sources, d.name.range);
  os << "  " << d.name.text;
  if (d.article) os << " · " << d.article->text;
  if (d.severity) os << " · " << d.severity->text;
  os << " · " << loc.file << ':' << loc.line << "\n";
  SplitDoc doc = splitDoc(d.doc);
  if (!doc.prose.empty()) printWrapped(os, doc.prose, "    ");
  os << '\n';
  // The declaration as written, from its first line's indentation.
  printIndented(os, sourceText(sources, d.range), "    ");
  if (doc.hasExample) {
    os << "\n    " << diags.text(DiagId::label_example) << ":\n";
    std::string lib = libraryOf(n);
    if (!lib.empty()) os << "      gebruik " << lib << ";\n";
    printIndented(os, doc.example, "      ");
  }
  os << '\n';
}

}  // namespace

int runExplain(const ExplainOptions &opt) {
  Language lang = opt.lang == "en" ? Language::English : Language::Dutch;
  DiagnosticEngine diags(lang);
  llvm::SourceMgr sources;
  model::Date refDate = today();
  if (!opt.referenceDate.empty()) {
    auto d = model::parseDate(opt.referenceDate);
    if (!d) {
      diags.report(DiagId::invalid_reference_date, {}, {opt.referenceDate});
      renderText(llvm::errs(), diags.diagnostics(), sources, lang, false);
      return 2;
    }
    refDate = *d;
  }

  // The workspace's own files (house rules) and every library of the stdlib path.
  DiagnosticEngine loadDiags(lang);  // problems in the workspace are `cioc check`'s business
  Workspace ws(sources, loadDiags, opt.stdlibDir);
  for (const std::string &p : opt.paths) ws.addPath(p);
  ws.load();
  ws.loadAllLibraries();
  model::Model model = analyze(ws.files(), refDate, loadDiags);
  std::vector<NormRef> norms;
  for (const LoadedFile &f : ws.files())
    for (const ast::NormDecl &n : f.ast().norms) norms.push_back({&n, &f});

  if (opt.checkExamples) return checkExamples(norms, opt, refDate, diags, sources);
  if (opt.schemaReference) {
    writeSchemaReference(llvm::outs(), model.schema, checkNorms(ws.files(), model.schema, loadDiags), diags);
    return 0;
  }

  const model::Schema &schema = model.schema;
  std::string article;
  std::vector<NormRef> enforcing;
  if (looksLikeArticle(opt.subject)) {
    if (schema.articles.count(opt.subject)) article = opt.subject;
    for (const NormRef &n : norms)
      if (n.decl->article &&
          (articleCovers(opt.subject, n.decl->article->text) || articleCovers(n.decl->article->text, opt.subject)))
        enforcing.push_back(n);
  } else {
    for (const NormRef &n : norms)
      if (n.decl->name.text == opt.subject) {
        enforcing.push_back(n);
        if (n.decl->article && schema.articles.count(n.decl->article->text)) article = n.decl->article->text;
        break;
      }
  }
  if (article.empty() && enforcing.empty()) {
    std::optional<model::KindId> kind = schema.findKind(opt.subject);
    if (kind || isDiagnosticCode(opt.subject)) {
      std::string shown;
      llvm::raw_string_ostream os(shown);
      if (kind)
        explainKind(os, *kind, schema, checkNorms(ws.files(), schema, loadDiags), diags);
      else
        explainDiagnostic(os, opt.subject, opt.stdlibDir, diags);
      os.flush();
      llvm::outs() << printableText(shown);
      return 0;
    }
    Diagnostic &d = diags.report(DiagId::explain_unknown, {}, {opt.subject});
    std::vector<std::string> names;
    for (const auto &[ref, _] : schema.articles) names.push_back(ref);
    for (const NormRef &n : norms) names.push_back(n.decl->name.text);
    for (const model::KindInfo &k : schema.kinds) names.push_back(k.name);
    for (const DiagKindInfo &k : allDiagKinds())
      if (k.severity != Severity::Note) names.emplace_back(k.name);
    if (std::string s = closestName(opt.subject, names); !s.empty()) diags.setHelp(d, DiagId::help_did_you_mean, {s});
    renderText(llvm::errs(), diags.diagnostics(), sources, lang, false);
    return 2;
  }

  // Composed first, then shown with control characters made visible: a house
  // rule's documentation is the workspace's text, not the terminal's commands.
  std::string shown;
  llvm::raw_string_ostream os(shown);
  if (!article.empty()) {
    const model::Article &a = schema.articles.at(article);
    const model::Library *lib = nullptr;
    for (const model::Library &l : schema.libraries)
      if (l.name == a.library) lib = &l;
    os << diags.text(DiagId::label_article) << ' ' << article;
    if (lib) os << " · " << lib->title;
    os << '\n';
    if (lib) os << articleLink(*lib, article) << '\n';
    os << '\n' << diags.text(DiagId::label_text) << '\n';
    printWrapped(os, a.text, "  ");

    // The toelichting of the article, of the parts it contains, and of the
    // articles containing it; a passage that belongs to several is shown once.
    std::set<std::string> shown;
    bool header = false;
    // The subject's own passages first, then those of its parts, then of the whole article.
    std::vector<const model::Article *> related;
    for (int pass = 0; pass < 3; ++pass)
      for (const auto &[ref, other] : schema.articles) {
        bool wanted = pass == 0   ? ref == article
                      : pass == 1 ? ref != article && articleCovers(article, ref)
                                  : ref != article && articleCovers(ref, article);
        if (wanted && !other.doc.empty()) related.push_back(&other);
      }
    for (const model::Article *other : related) {
      const std::string &ref = other->ref;
      if (!header) os << '\n' << diags.text(DiagId::label_explanation) << '\n';
      header = true;
      std::string passages;
      size_t pos = 0;
      while (pos < other->doc.size()) {
        size_t end = other->doc.find("\n\n", pos);
        if (end == std::string::npos) end = other->doc.size();
        std::string para = other->doc.substr(pos, end - pos);
        if (shown.insert(para).second) passages += (passages.empty() ? "" : "\n\n") + para;
        pos = end + 2;
      }
      if (passages.empty()) continue;
      os << "  [" << ref << "]\n";
      printWrapped(os, passages, "  ");
      os << '\n';
    }
    if (!header) os << '\n';
  }
  os << diags.text(DiagId::label_norms) << '\n';
  if (enforcing.empty()) printWrapped(os, diags.text(DiagId::label_no_norms), "  ");
  for (const NormRef &n : enforcing) printNorm(os, n, sources, diags);
  os.flush();
  llvm::outs() << printableText(shown);
  return 0;
}

}  // namespace cio
