// The one directory walk of cioc: which `.cio` files a list of paths names,
// for `check`, `graph`, `report`, `export`, `fmt`, the language server and the
// library path alike. A named file is taken as it is; a directory is searched
// recursively for `.cio` files. Links are followed, but every directory and
// every file is visited once by its identity (device and inode), so no link
// loop is walked twice and no file is read twice, whatever names lead to it.
// Only regular files are read: a pipe, a device or a socket named `.cio` would
// hang or never end. Every path that cannot be used is reported, never skipped
// in silence. Test fixtures (`NAAM.toets.cio`, read by `cioc test`) are
// systems made to break the workspace's own norms: a walk for the workspace
// leaves them out, the formatter's walk takes them too.
#pragma once

#include <string>
#include <vector>

namespace cio {

struct SourceFiles {
  /// The files, sorted by path; each file once (the first path that reached it).
  std::vector<std::string> files;
  struct Problem {
    enum class Kind { Missing, Unreadable, NotRegular, NoSourceFiles } kind;
    std::string path, detail;  // detail: the system's reason, for Unreadable
  };
  std::vector<Problem> problems;  // in the order met
};

/// The suffix of a test fixture's file name.
inline constexpr char kFixtureSuffix[] = ".toets.cio";
bool isFixture(const std::string &path);

/// Which files a directory contributes: the workspace (no fixtures), every
/// source file (the formatter), or only the fixtures (`cioc test`). A file
/// named as such is taken whatever it is, except that Fixtures takes only fixtures.
enum class Walk { Workspace, Everything, Fixtures };

/// The `.cio` files of `paths`; with `recursive` false, a directory
/// contributes only the files directly in it (the library path).
SourceFiles findSourceFiles(const std::vector<std::string> &paths, bool recursive = true, Walk walk = Walk::Workspace);

}  // namespace cio
