// The project configuration, `cioc.toml` at the root of a workspace: found by
// walking up from the inputs, read by the command line and the language
// server alike, so CI and the editor check the same way. The command line
// overrides what the file says.
//
//   peildatum = "vandaag"            # or "JJJJ-MM-DD"
//   lang = "nl"                      # or "en"
//   werror = true
//   stdlib = "../bibliotheken"       # relative to the file
//   baseline = "cioc-baseline.json"  # fail only on findings it does not record
//
//   [levels]                         # per code, like clippy's -A/-W/-D
//   library_superseded = "allow"     # allow: not shown; warn: a warning; deny: an error
//   aanstelling_cio_na_overleg_bzk = "deny"
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics/DiagnosticEngine.h"
#include "llvm/Support/SourceMgr.h"

namespace cio {

inline constexpr char kConfigFileName[] = "cioc.toml";

enum class Level { Allow, Warn, Deny };

struct Config {
  std::string path;           // the file read; "" when there is none
  std::string referenceDate;  // "JJJJ-MM-DD", or "" for today
  std::string lang;           // "nl", "en", or "" when not set
  std::optional<bool> werror;
  std::string stdlibDir;  // resolved against the file's folder; "" when not set
  std::string baseline;   // the baseline file, resolved likewise; "" when not set
  struct CodeLevel {
    Level level;
    SourceRange at;  // the key in the file, for a code that turns out unknown
  };
  std::map<std::string, CodeLevel> levels;
};

/// The `cioc.toml` nearest above `start` (a file or a folder), or "".
std::string findConfig(const std::string &start);

/// The version of the TOML parser that reads cioc.toml (for `cioc --version`).
std::string configParserVersion();

/// Reads the configuration at `path` (added to `sources` so its problems show
/// with a snippet); problems go to `diags` as config_* errors. Unknown keys
/// get a did-you-mean. Returns what could be read.
Config readConfig(const std::string &path, llvm::SourceMgr &sources, DiagnosticEngine &diags);

/// Sets the levels of `overrides` (from `--allow`, `--warn`, `--deny`) over the file's.
void overrideLevels(Config &config, const std::vector<std::string> &codes, Level level);

/// Applies the levels to the diagnostics of a check: `allow` drops them, `warn`
/// and `deny` set their severity. `known` are the codes that exist (every
/// compiler diagnostic and norm): a level for another code is an error with a
/// did-you-mean. A compiler error cannot be allowed or lowered.
void applyLevels(std::vector<Diagnostic> &all, const Config &config, const std::vector<std::string> &known,
                 DiagnosticEngine &diags);

}  // namespace cio
