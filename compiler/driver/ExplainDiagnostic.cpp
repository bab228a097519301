// `cioc explain CODE`, like `rustc --explain`: each compiler diagnostic has a
// Markdown file in the standard library (`meldingen/CODE.md`) with a section
// per language (what it means, and the fix after `**Oplossing:**` or
// `**Fix:**`) and one example that provokes it. tests/cli/explain_codes_test.py
// runs every example and checks that it gives its code, so the files stay true.
#include <fstream>
#include <sstream>

#include "diagnostics/Render.h"
#include "driver/Explain.h"

namespace cio {

namespace {

struct Explanation {
  std::string prose, fix;  // in the chosen language
  std::string exampleLang, example;
  bool found = false;
};

/// The text between `## heading` and the next `## ` (or the end).
std::string section(const std::string &doc, const std::string &heading) {
  std::string marker = "\n## " + heading + "\n";
  size_t pos = ("\n" + doc).find(marker);
  if (pos == std::string::npos) return "";
  size_t begin = pos + marker.size() - 1;  // `doc` lacks the leading "\n"
  size_t end = doc.find("\n## ", begin);
  return doc.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

std::string trim(const std::string &s) {
  size_t b = s.find_first_not_of(" \n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \n") - b + 1);
}

Explanation readExplanation(const std::string &path, bool english) {
  Explanation e;
  std::ifstream in(path, std::ios::binary);
  if (!in) return e;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string doc = ss.str();
  std::string text = section(doc, english ? "en" : "nl");
  std::string fixMarker = english ? "**Fix:**" : "**Oplossing:**";
  size_t fix = text.find(fixMarker);
  e.prose = trim(text.substr(0, fix));
  if (fix != std::string::npos) e.fix = trim(text.substr(fix + fixMarker.size()));
  std::string example = section(doc, "Voorbeeld");
  size_t open = example.find("```");
  if (open != std::string::npos) {
    size_t infoEnd = example.find('\n', open);
    size_t close = example.find("\n```", infoEnd);
    if (infoEnd != std::string::npos && close != std::string::npos) {
      e.exampleLang = example.substr(open + 3, infoEnd - open - 3);
      e.example = example.substr(infoEnd + 1, close - infoEnd);
    }
  }
  e.found = !e.prose.empty();
  return e;
}

}  // namespace

bool isDiagnosticCode(const std::string &name) {
  for (const DiagKindInfo &k : allDiagKinds())
    if (k.name == name) return k.severity != Severity::Note;
  return false;
}

void explainDiagnostic(llvm::raw_ostream &os, const std::string &code, const std::string &stdlibDir,
                       const DiagnosticEngine &diags) {
  bool english = diags.language() == Language::English;
  const DiagKindInfo *info = nullptr;
  for (const DiagKindInfo &k : allDiagKinds())
    if (k.name == code) info = &k;
  os << diags.text(DiagId::label_diagnostic) << ' ' << code << " · " << severityWord(info->severity, diags.language())
     << '\n';
  // The message as the reader meets it, with `…` where a name or value goes.
  std::string message(english ? info->english : info->dutch), shown;
  for (size_t i = 0; i < message.size(); ++i) {
    size_t close = message.find('}', i);
    if (message[i] == '{' && close != std::string::npos && close > i + 1 &&
        message.find_first_not_of("0123456789", i + 1) == close) {
      shown += "…";
      i = close;
    } else {
      shown += message[i];
    }
  }
  os << "  " << shown << "\n\n";
  Explanation e = readExplanation(stdlibDir + "/meldingen/" + code + ".md", english);
  if (!e.found) {
    printWrapped(os, diags.text(DiagId::label_no_explanation, {stdlibDir + "/meldingen/" + code + ".md"}), "  ");
    return;
  }
  printWrapped(os, e.prose, "  ");
  if (!e.fix.empty()) {
    os << '\n' << diags.text(DiagId::label_fix) << '\n';
    printWrapped(os, e.fix, "  ");
  }
  if (!e.example.empty()) {
    os << '\n'
       << diags.text(e.exampleLang == "text" ? DiagId::label_shown_as : DiagId::label_example_of_diagnostic) << '\n';
    // The test's `// args:` line says how the example is checked; the reader sees the command.
    std::string example = e.example;
    if (example.rfind("// args: ", 0) == 0) example = "// cioc check " + example.substr(9);
    if (e.exampleLang == "sh") {
      std::string prompted;
      size_t pos = 0;
      bool inHeredoc = false;
      std::string heredocEnd;
      while (pos < example.size()) {
        size_t nl = example.find('\n', pos);
        if (nl == std::string::npos) nl = example.size();
        std::string line = example.substr(pos, nl - pos);
        if (inHeredoc) {
          prompted += line + "\n";
          if (line == heredocEnd) inHeredoc = false;
        } else {
          prompted += "$ " + line + "\n";
          if (size_t h = line.find("<<'"); h != std::string::npos) {
            inHeredoc = true;
            heredocEnd = line.substr(h + 3, line.find('\'', h + 3) - h - 3);
          }
        }
        pos = nl + 1;
      }
      example = prompted;
    }
    printIndented(os, example, "    ");
  }
}

}  // namespace cio
