#include "pipeline/Config.h"

#include <algorithm>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "model/Model.h"
#include "sema/Sema.h"

// Header-only and without exceptions: parse errors come back as values.
#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#include <toml++/toml.h>

namespace cio {

std::string findConfig(const std::string &start) {
  llvm::SmallString<256> dir(start.empty() ? "." : start);
  llvm::sys::fs::make_absolute(dir);
  llvm::sys::path::remove_dots(dir, true);
  if (!llvm::sys::fs::is_directory(dir)) llvm::sys::path::remove_filename(dir);
  while (!dir.empty()) {
    llvm::SmallString<256> candidate(dir);
    llvm::sys::path::append(candidate, kConfigFileName);
    if (llvm::sys::fs::is_regular_file(candidate)) return std::string(candidate);
    // The parent is a prefix of `dir`: shorten it in place (assigning a view
    // of itself to itself would read freed memory when it grows).
    size_t parent = llvm::sys::path::parent_path(dir).size();
    if (parent == 0 || parent == dir.size()) break;
    dir.resize(parent);
  }
  return "";
}

namespace {

class ConfigReader {
 public:
  ConfigReader(llvm::SourceMgr &sources, DiagnosticEngine &diags) : sources_(sources), diags_(diags) {}

  Config read(const std::string &path) {
    Config config;
    config.path = path;
    auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
    if (!buffer) {
      diags_.report(DiagId::file_unreadable, {}, {path});
      return config;
    }
    std::string text = (*buffer)->getBuffer().str();
    buffer_ = sources_.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
    toml::parse_result parsed = toml::parse(text, path);
    if (!parsed) {
      diags_.report(DiagId::config_syntax, at(parsed.error().source()), {std::string(parsed.error().description())});
      return config;
    }
    const toml::table &root = parsed.table();
    static const std::vector<std::string> kKeys = {"peildatum", "lang", "werror", "stdlib", "baseline", "levels"};
    for (auto &&[key, node] : root) {
      std::string name(key.str());
      SourceRange where = at(key.source());
      if (name == "peildatum") {
        std::optional<std::string> v = node.value<std::string>();
        if (v && *v == "vandaag") continue;
        if (!v || !model::parseDate(*v)) {
          diags_.report(DiagId::config_bad_value, where, {name, "\"vandaag\" of \"JJJJ-MM-DD\""});
          continue;
        }
        config.referenceDate = *v;
      } else if (name == "lang") {
        std::optional<std::string> v = node.value<std::string>();
        if (!v || (*v != "nl" && *v != "en")) {
          diags_.report(DiagId::config_bad_value, where, {name, "\"nl\" of \"en\""});
          continue;
        }
        config.lang = *v;
      } else if (name == "werror") {
        if (!node.is_boolean()) {
          diags_.report(DiagId::config_bad_value, where, {name, "true of false"});
          continue;
        }
        config.werror = node.value<bool>();
      } else if (name == "stdlib" || name == "baseline") {
        std::optional<std::string> v = node.value<std::string>();
        if (!v || v->empty()) {
          diags_.report(DiagId::config_bad_value, where, {name, name == "stdlib" ? "een map" : "een bestand"});
          continue;
        }
        llvm::SmallString<256> resolved(*v);
        if (llvm::sys::path::is_relative(resolved)) {
          resolved = llvm::sys::path::parent_path(path);
          llvm::sys::path::append(resolved, *v);
        }
        (name == "stdlib" ? config.stdlibDir : config.baseline) = std::string(resolved);
      } else if (name == "levels") {
        if (!node.is_table()) {
          diags_.report(DiagId::config_bad_value, where, {name, "een tabel `[levels]`"});
          continue;
        }
        for (auto &&[code, level] : *node.as_table()) {
          std::optional<std::string> v = level.value<std::string>();
          std::optional<Level> l = !v ? std::nullopt
                                   : *v == "allow" ? std::optional(Level::Allow)
                                   : *v == "warn"  ? std::optional(Level::Warn)
                                   : *v == "deny"  ? std::optional(Level::Deny)
                                                   : std::nullopt;
          if (!l) {
            diags_.report(DiagId::config_bad_value, at(code.source()),
                          {std::string(code.str()), "\"allow\", \"warn\" of \"deny\""});
            continue;
          }
          config.levels[std::string(code.str())] = {*l, at(code.source())};
        }
      } else {
        Diagnostic &d = diags_.report(DiagId::config_unknown_key, where, {name});
        if (std::string s = closestName(name, kKeys); !s.empty()) diags_.setHelp(d, DiagId::help_did_you_mean, {s});
      }
    }
    return config;
  }

 private:
  /// A toml++ source region (1-based lines and columns in code points) as a range in the buffer.
  SourceRange at(const toml::source_region &region) const {
    if (!buffer_) return {};
    const llvm::MemoryBuffer *b = sources_.getMemoryBuffer(buffer_);
    auto offset = [&](const toml::source_position &p) -> uint32_t {
      if (!p) return 0;
      llvm::SMLoc line = sources_.FindLocForLineAndColumn(buffer_, p.line, 1);
      if (!line.isValid()) return 0;
      const char *c = line.getPointer(), *end = b->getBufferEnd();
      for (uint32_t col = 1; col < p.column && c < end && *c != '\n'; ++col)
        do ++c;
        while (c < end && (static_cast<unsigned char>(*c) & 0xC0) == 0x80);  // a code point at a time
      return static_cast<uint32_t>(c - b->getBufferStart());
    };
    uint32_t begin = offset(region.begin), end = std::max(begin, offset(region.end));
    return {buffer_, begin, end == begin ? begin + 1 : end};
  }

  llvm::SourceMgr &sources_;
  DiagnosticEngine &diags_;
  unsigned buffer_ = 0;
};

}  // namespace

Config readConfig(const std::string &path, llvm::SourceMgr &sources, DiagnosticEngine &diags) {
  return ConfigReader(sources, diags).read(path);
}

void overrideLevels(Config &config, const std::vector<std::string> &codes, Level level) {
  for (const std::string &code : codes) config.levels[code] = {level, {}};
}

void applyLevels(std::vector<Diagnostic> &all, const Config &config, const std::vector<std::string> &known,
                 DiagnosticEngine &diags) {
  std::map<std::string, Level> levels;
  for (const auto &[code, cl] : config.levels) {
    if (std::find(known.begin(), known.end(), code) == known.end()) {
      Diagnostic &d = diags.report(DiagId::config_unknown_code, cl.at, {code});
      if (std::string s = closestName(code, known); !s.empty()) diags.setHelp(d, DiagId::help_did_you_mean, {s});
      all.push_back(d);
      continue;
    }
    // A compiler error says the input cannot be read as meant: no level lowers it.
    bool compilerError = false;
    for (const DiagKindInfo &k : allDiagKinds()) compilerError |= k.name == code && k.severity == Severity::Error;
    if (compilerError && cl.level != Level::Deny) {
      all.push_back(diags.report(DiagId::config_cannot_lower, cl.at, {code}));
      continue;
    }
    levels[code] = cl.level;
  }
  std::vector<Diagnostic> kept;
  for (Diagnostic &d : all) {
    auto it = levels.find(d.code);
    if (it == levels.end()) {
      kept.push_back(std::move(d));
      continue;
    }
    if (it->second == Level::Allow) continue;
    d.severity = it->second == Level::Deny ? Severity::Error : Severity::Warning;
    kept.push_back(std::move(d));
  }
  all = std::move(kept);
}

std::string configParserVersion() {
  return std::to_string(TOML_LIB_MAJOR) + "." + std::to_string(TOML_LIB_MINOR) + "." + std::to_string(TOML_LIB_PATCH);
}

}  // namespace cio
