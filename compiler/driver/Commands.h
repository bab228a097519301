// The subcommands of `cioc`. main() parses the command line and calls one;
// each command only wires the pipeline stages together.
#pragma once

#include <string>
#include <vector>

namespace cio {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string referenceDate;  // empty: today
  std::string format = "text";
  std::string lang = "nl";
  std::string stdlibDir;
  bool werror = false;
  bool verify = false;
  size_t maxDiagnostics = 1000;  // 0: no limit
};

/// Returns the process exit status (0 clean, 1 findings, 2 usage or I/O error).
int runCheck(const CheckOptions &options);

}  // namespace cio
