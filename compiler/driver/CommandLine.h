// The command line as its users read it: help in one language (Dutch, or
// English with `--lang en`), a suggestion for a misspelt subcommand or option,
// and the man page and shell completions, all generated from llvm::cl's option
// tables, so that what `--help` says and what the shell completes cannot drift.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace cio::cli {

/// The category of every option of cioc's own (LLVM's built-in ones are not in it).
llvm::cl::OptionCategory &category();

/// Records the English text of a Dutch description and returns the Dutch one,
/// for `cl::desc(tr(…, …))` and subcommand descriptions.
const char *tr(const char *nl, const char *en);

/// Before llvm::cl parses (its own messages are English): answers `--help`,
/// and refuses a misspelt subcommand or option with a suggestion. Returns the
/// exit status when it handled the command line, nothing when llvm::cl should go on.
/// `--version` is answered here too, by `printVersion` (in the user's language).
std::optional<int> preParse(int argc, char **argv, const std::function<void(bool english)> &printVersion);

/// The man page (roff), in Dutch or English.
void writeManPage(llvm::raw_ostream &os, bool english, const std::string &version);
/// Completion scripts for bash and zsh.
void writeBashCompletion(llvm::raw_ostream &os);
void writeZshCompletion(llvm::raw_ostream &os);

}  // namespace cio::cli
