// Help, suggestions, man page and completions from llvm::cl's option tables
// (see CommandLine.h). Only options in cioc's own category are shown: LLVM
// registers a dozen of its own (--print-options, --color…) in every subcommand.
#include "driver/CommandLine.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "diagnostics/DiagnosticEngine.h"
#include "sema/Sema.h"

namespace cl = llvm::cl;

namespace cio::cli {

const char *const kOverview = "toetst .cio-bestanden aan het schema en de normen van hun bibliotheken";
const char *const kOverviewEnglish = "checks .cio files against the schema and the norms of their libraries";

namespace {

std::map<std::string, std::string> &englishTexts() {
  static std::map<std::string, std::string> texts;  // function-local: safe during static initialisation
  return texts;
}

std::string translated(llvm::StringRef nl, bool english) {
  if (!english) return nl.str();
  auto it = englishTexts().find(nl.str());
  return it == englishTexts().end() ? nl.str() : it->second;
}

bool ours(const cl::Option *o) {
  return std::find(o->Categories.begin(), o->Categories.end(), &category()) != o->Categories.end();
}

bool hidden(const cl::Option *o) { return o->getOptionHiddenFlag() != cl::NotHidden; }

bool takesValue(const cl::Option *o) { return o->getValueExpectedFlag() == cl::ValueRequired; }

/// The subcommands, by name: registration order is not stable across translation units.
std::vector<cl::SubCommand *> subcommands() {
  std::vector<cl::SubCommand *> subs;
  for (cl::SubCommand *s : cl::getRegisteredSubcommands())
    if (!s->getName().empty() && !s->getName().startswith("__")) subs.push_back(s);
  std::sort(subs.begin(), subs.end(), [](auto *a, auto *b) { return a->getName() < b->getName(); });
  return subs;
}

cl::SubCommand *findSubcommand(llvm::StringRef name) {
  for (cl::SubCommand *s : subcommands())
    if (s->getName() == name) return s;
  return nullptr;
}

/// A subcommand's named, visible options of cioc's own, by name.
std::vector<cl::Option *> namedOptions(cl::SubCommand &sub) {
  std::vector<cl::Option *> opts;
  for (auto &entry : sub.OptionsMap) {
    cl::Option *o = entry.getValue();
    if (ours(o) && !hidden(o) && entry.getKey() == o->ArgStr) opts.push_back(o);
  }
  std::sort(opts.begin(), opts.end(), [](auto *a, auto *b) { return a->ArgStr < b->ArgStr; });
  return opts;
}

std::string positionalText(cl::SubCommand &sub, bool english) {
  std::string text;
  for (cl::Option *o : sub.PositionalOpts) text += (text.empty() ? "" : " ") + translated(o->HelpStr, english);
  return text;
}

std::string optionSpelling(const cl::Option *o, const DiagnosticEngine &texts) {
  std::string s = (o->ArgStr.size() == 1 ? "-" : "--") + o->ArgStr.str();
  if (takesValue(o))
    s += (o->ArgStr.size() == 1 ? " " : "=") + std::string("<") +
         (o->ValueStr.empty() ? texts.text(DiagId::label_value)
                              : translated(o->ValueStr, texts.language() == Language::English)) +
         ">";
  return s;
}

void printColumns(llvm::raw_ostream &os, const std::vector<std::pair<std::string, std::string>> &rows) {
  size_t width = 0;
  for (const auto &[left, _] : rows) width = std::max(width, left.size());
  for (const auto &[left, right] : rows) {
    os << "  " << left;
    os.indent(width - left.size() + 3) << right << '\n';
  }
}

void printTopHelp(llvm::raw_ostream &os, const DiagnosticEngine &texts, bool english) {
  os << "cioc — " << (english ? kOverviewEnglish : kOverview) << "\n\n";
  os << texts.text(DiagId::label_usage) << ": cioc " << texts.text(DiagId::label_subcommand_placeholder) << " ["
     << texts.text(DiagId::label_options_placeholder) << "] …\n\n";
  os << texts.text(DiagId::label_subcommands) << ":\n";
  std::vector<std::pair<std::string, std::string>> rows;
  for (cl::SubCommand *s : subcommands())
    rows.push_back({s->getName().str(), translated(s->getDescription(), english)});
  printColumns(os, rows);
  os << '\n' << texts.text(DiagId::label_general_options) << ":\n";
  printColumns(
      os, {{"--help", texts.text(DiagId::label_option_help)}, {"--version", texts.text(DiagId::label_option_version)}});
  os << '\n' << texts.text(DiagId::label_more_help) << '\n';
}

void printSubcommandHelp(llvm::raw_ostream &os, cl::SubCommand &sub, const DiagnosticEngine &texts, bool english) {
  os << texts.text(DiagId::label_usage) << ": cioc " << sub.getName() << " ["
     << texts.text(DiagId::label_options_placeholder) << "]";
  if (std::string p = positionalText(sub, english); !p.empty()) os << ' ' << p;
  os << "\n\n" << translated(sub.getDescription(), english) << "\n\n" << texts.text(DiagId::label_options) << ":\n";
  std::vector<std::pair<std::string, std::string>> rows;
  for (cl::Option *o : namedOptions(sub)) rows.push_back({optionSpelling(o, texts), translated(o->HelpStr, english)});
  rows.push_back({"--help", texts.text(DiagId::label_option_help)});
  printColumns(os, rows);
}

/// `--lang en` or `--lang=en` anywhere on the command line.
bool wantsEnglish(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef a(argv[i]);
    if ((a == "--lang" || a == "-lang") && i + 1 < argc) return llvm::StringRef(argv[i + 1]) == "en";
    if (a == "--lang=en" || a == "-lang=en") return true;
  }
  return false;
}

int refuse(const DiagnosticEngine &texts, DiagId id, const std::vector<std::string> &args,
           const std::string &suggestion, const std::string &helpCommand) {
  llvm::errs() << "cioc: " << texts.text(id, args);
  if (!suggestion.empty()) llvm::errs() << "; " << texts.text(DiagId::help_did_you_mean, {suggestion});
  llvm::errs() << " (" << texts.text(DiagId::cli_see_help, {helpCommand}) << ")\n";
  return 2;
}

/// Options every subcommand accepts from LLVM, spelt as cioc documents them.
bool builtinOption(llvm::StringRef name) { return name == "help" || name == "h" || name == "version"; }

/// Text for roff: backslashes and hyphens escaped, a leading control character
/// neutralised, and every non-ASCII character as groff's `\[uXXXX]`, so the page
/// renders the same whatever the reader's locale.
std::string roffEscape(llvm::StringRef s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c == '\\')
        out += "\\\\";
      else if (c == '-')
        out += "\\-";
      else
        out += static_cast<char>(c);
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    char buf[16];
    snprintf(buf, sizeof buf, "\\[u%04X]", cp);
    out += buf;
    i += len;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

}  // namespace

cl::OptionCategory &category() {
  static cl::OptionCategory cat("cioc");
  return cat;
}

const char *tr(const char *nl, const char *en) {
  englishTexts()[nl] = en;
  return nl;
}

std::optional<int> preParse(int argc, char **argv, const std::function<void(bool english)> &printVersion) {
  bool english = wantsEnglish(argc, argv);
  DiagnosticEngine texts(english ? Language::English : Language::Dutch);
  cl::SubCommand *sub = nullptr;
  int first = 1;
  if (argc > 1 && argv[1][0] != '-') {
    sub = findSubcommand(argv[1]);
    if (!sub) {
      std::vector<std::string> names;
      for (cl::SubCommand *s : subcommands()) names.push_back(s->getName().str());
      return refuse(texts, DiagId::cli_unknown_subcommand, {argv[1]}, closestName(argv[1], names), "cioc");
    }
    first = 2;
  }
  for (int i = first; i < argc; ++i) {
    llvm::StringRef a(argv[i]);
    if (a == "--") break;
    if (a.size() < 2 || a[0] != '-') continue;  // a positional argument, or `-` (standard input)
    llvm::StringRef name = a.drop_front(a.startswith("--") ? 2 : 1).split('=').first;
    if (name == "help" || name == "h") {
      if (sub)
        printSubcommandHelp(llvm::outs(), *sub, texts, english);
      else
        printTopHelp(llvm::outs(), texts, english);
      return 0;
    }
    if (name == "version") {
      printVersion(english);
      return 0;
    }
    if (builtinOption(name)) continue;
    cl::SubCommand &scope = sub ? *sub : cl::SubCommand::getTopLevel();
    auto it = scope.OptionsMap.find(name);
    if (it != scope.OptionsMap.end() && ours(it->getValue())) {
      if (takesValue(it->getValue()) && !a.contains('=')) ++i;  // its value may start with `-`
      continue;
    }
    std::vector<std::string> names;
    for (cl::Option *o : namedOptions(scope)) names.push_back(o->ArgStr.str());
    std::string suggestion = closestName(name.str(), names);
    if (!suggestion.empty()) suggestion = (suggestion.size() == 1 ? "-" : "--") + suggestion;
    std::string where = sub ? sub->getName().str() : "";
    std::string help = sub ? "cioc " + where : "cioc";
    return refuse(texts, DiagId::cli_unknown_option, {a.split('=').first.str(), where}, suggestion, help);
  }
  return std::nullopt;
}

void writeManPage(llvm::raw_ostream &os, bool english, const std::string &version) {
  DiagnosticEngine texts(english ? Language::English : Language::Dutch);
  auto t = [&](const char *nl, const char *en) { return roffEscape(english ? en : nl); };
  os << ".\\\" Generated by `cioc __man` from cioc's option tables; do not edit.\n";
  os << ".TH CIOC 1 \"\" \"cioc " << version << "\" \"" << t("Gebruikershandleiding", "User Commands") << "\"\n";
  os << ".SH " << t("NAAM", "NAME") << "\ncioc \\- " << roffEscape((english ? kOverviewEnglish : kOverview)) << "\n";
  os << ".SH " << t("OVERZICHT", "SYNOPSIS") << "\n";
  for (cl::SubCommand *s : subcommands())
    os << ".B cioc " << s->getName() << "\n[\\fI" << t("OPTIES", "OPTIONS") << "\\fR] "
       << roffEscape(positionalText(*s, english)) << "\n.br\n";
  os << ".SH " << t("BESCHRIJVING", "DESCRIPTION") << "\n"
     << t("cioc leest een werkruimte van .cio-bestanden, toetst die aan het schema en de normen van de bibliotheken "
          "die zij gebruiken (de standaardbibliotheek: het Besluit CIO-stelsel Rijksdienst) en noemt bij elke "
          "bevinding "
          "het artikel.",
          "cioc reads a workspace of .cio files, checks it against the schema and the norms of the libraries it uses "
          "(the standard library: the Besluit CIO-stelsel Rijksdienst) and cites the article for every finding.")
     << "\n";
  os << ".SH " << t("SUBCOMMANDO'S", "COMMANDS") << "\n";
  for (cl::SubCommand *s : subcommands()) {
    os << ".SS " << s->getName() << "\n" << roffEscape(translated(s->getDescription(), english)) << "\n";
    for (cl::Option *o : namedOptions(*s))
      os << ".TP\n.B " << roffEscape(optionSpelling(o, texts)) << "\n"
         << roffEscape(translated(o->HelpStr, english)) << "\n";
  }
  os << ".SH " << t("OMGEVING", "ENVIRONMENT") << "\n.TP\n.B CIO_STDLIB\n"
     << t("De map van de standaardbibliotheek, als --stdlib niet gegeven is. Zonder beide zoekt cioc "
          "share/cioc/stdlib naast de map van het programma.",
          "The standard library's folder, when --stdlib is not given. Without either, cioc looks for "
          "share/cioc/stdlib beside the program's folder.")
     << "\n";
  os << ".SH " << t("BESTANDEN", "FILES") << "\n.TP\n.B cioc.toml\n"
     << t("De instellingen van een werkruimte (peildatum, taal, niveaus, baseline), gezocht vanaf de invoer omhoog.",
          "A workspace's settings (reference date, language, levels, baseline), looked for upwards from the inputs.")
     << "\n";
  os << ".SH " << t("AFSLUITSTATUS", "EXIT STATUS") << "\n"
     << t("0: geen fouten; 1: fouten of schendingen gevonden; 2: een fout in het gebruik, de instellingen of bij "
          "lezen of schrijven.",
          "0: no errors; 1: errors or violations found; 2: an error of usage, of the settings, or in reading or "
          "writing.")
     << "\n";
  os << ".SH " << t("VOORBEELDEN", "EXAMPLES") << "\n.nf\ncioc check examples/rijksdienst\ncioc check "
     << "\\-\\-peildatum 2025\\-06\\-01 \\-\\-format sarif .\ncioc explain art3.1\ncioc explain unknown_field\n"
     << "cioc graph examples/rijksdienst \\-\\-focus FIN \\-o fin.svg\n.fi\n";
  os << ".SH " << t("ZIE OOK", "SEE ALSO") << "\n"
     << t("cioc SUBCOMMANDO --help; cioc explain NAAM.", "cioc SUBCOMMAND --help; cioc explain NAME.") << "\n";
}

void writeBashCompletion(llvm::raw_ostream &os) {
  os << "# bash completion for cioc; generated by `cioc __bash` from its option tables.\n"
     << "_cioc() {\n"
     << "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" sub=\"${COMP_WORDS[1]}\"\n"
     << "  if [[ $COMP_CWORD -eq 1 ]]; then\n    COMPREPLY=($(compgen -W \"";
  for (cl::SubCommand *s : subcommands()) os << s->getName() << ' ';
  os << "--help --version\" -- \"$cur\"))\n    return\n  fi\n  local opts\n  case \"$sub\" in\n";
  for (cl::SubCommand *s : subcommands()) {
    os << "    " << s->getName() << ") opts=\"";
    for (cl::Option *o : namedOptions(*s)) os << (o->ArgStr.size() == 1 ? "-" : "--") << o->ArgStr << ' ';
    os << "--help\" ;;\n";
  }
  os << "  esac\n"
     << "  if [[ $cur == -* ]]; then\n    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n  else\n"
     << "    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\n"
     << "complete -o filenames -F _cioc cioc\n";
}

void writeZshCompletion(llvm::raw_ostream &os) {
  auto quote = [](llvm::StringRef s) {
    std::string out;
    for (char c : s) {
      if (c == '\'')
        out += "'\\''";
      else if (c == '[' || c == ']' || c == ':')
        out += std::string("\\") + c;
      else
        out += c;
    }
    return out;
  };
  os << "#compdef cioc\n# zsh completion for cioc; generated by `cioc __zsh` from its option tables.\n"
     << "_cioc() {\n  local -a subcommands\n  subcommands=(\n";
  for (cl::SubCommand *s : subcommands()) os << "    '" << s->getName() << ":" << quote(s->getDescription()) << "'\n";
  os << "  )\n  if (( CURRENT == 2 )); then\n    _describe 'subcommand' subcommands\n    return\n  fi\n"
     << "  case $words[2] in\n";
  for (cl::SubCommand *s : subcommands()) {
    os << "    " << s->getName() << ")\n      _arguments -s \\\n";
    for (cl::Option *o : namedOptions(*s)) {
      std::string flag = (o->ArgStr.size() == 1 ? "-" : "--") + o->ArgStr.str();
      os << "        '" << flag << (takesValue(o) && o->ArgStr.size() > 1 ? "=" : "") << "[" << quote(o->HelpStr)
         << "]";
      if (takesValue(o)) os << ":" << quote(o->ValueStr.empty() ? "waarde" : o->ValueStr) << ":_files";
      os << "' \\\n";
    }
    os << "        '--help[help]' \\\n        '*:pad:_files' ;;\n";
  }
  os << "  esac\n}\n_cioc \"$@\"\n";
}

}  // namespace cio::cli
