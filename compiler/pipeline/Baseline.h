// A baseline (like a linter's): the findings a team accepts for now, recorded
// once, so that `cioc check --baseline FILE` fails only on new ones. A finding
// is known by a fingerprint that does not change when unrelated lines are
// edited or the finding's own line moves: the code, the entity it is about
// (or, for a compiler diagnostic, the file relative to the baseline and the
// text of its line), and the message.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diagnostics/DiagnosticEngine.h"
#include "llvm/Support/SourceMgr.h"

namespace cio {

/// Fills `fingerprint` of every error and warning no deviation covers (with
/// `includeCovered`, of the covered ones too); paths are taken relative to
/// `root` (the baseline file's folder).
void fingerprintDiagnostics(std::vector<Diagnostic> &all, const llvm::SourceMgr &sources, const std::string &root,
                            bool includeCovered = false);

/// The baseline file's content: one entry per fingerprinted diagnostic, sorted (JSON, version 1).
std::string baselineJson(const std::vector<Diagnostic> &all, const std::string &toolVersion);

/// How often each fingerprint occurs in the baseline at `path`; problems go to `diags`.
std::map<std::string, size_t> readBaseline(const std::string &path, DiagnosticEngine &diags, bool &ok);

/// Marks each fingerprinted diagnostic New or Unchanged against the baseline
/// (a fingerprint recorded n times covers n occurrences); returns how many are unchanged.
size_t compareWithBaseline(std::vector<Diagnostic> &all, std::map<std::string, size_t> baseline);

}  // namespace cio
