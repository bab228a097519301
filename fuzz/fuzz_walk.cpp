// The directory walk on trees the input builds: directories, files, pipes and
// symbolic and hard links pointing anywhere in the tree (loops included). The
// walk must end, return each file once by its identity, and only regular
// `.cio` files (a named path aside); never crash or hang.
#include <fcntl.h>
#include <fuzzer/FuzzedDataProvider.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "pipeline/SourceFiles.h"

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider in(data, size);
  char tmpl[] = "/tmp/cioc-fuzz-walk-XXXXXX";
  if (!::mkdtemp(tmpl)) return 0;
  fs::path root = tmpl;
  std::vector<fs::path> dirs{root}, entries{root};
  std::error_code ec;
  for (int step = 0; step < 64 && in.remaining_bytes() > 0; ++step) {
    fs::path dir = dirs[in.ConsumeIntegralInRange<size_t>(0, dirs.size() - 1)];
    std::string name = "e" + std::to_string(step) + (in.ConsumeBool() ? ".cio" : "");
    fs::path p = dir / name;
    switch (in.ConsumeIntegralInRange<int>(0, 4)) {
      case 0:
        if (fs::create_directory(p, ec)) dirs.push_back(p);
        break;
      case 1:
        ::close(::open(p.c_str(), O_CREAT | O_WRONLY, 0644));
        break;
      case 2:
        ::mkfifo(p.c_str(), 0600);
        break;
      case 3:
        fs::create_symlink(entries[in.ConsumeIntegralInRange<size_t>(0, entries.size() - 1)], p, ec);
        break;
      default:
        fs::create_hard_link(entries[in.ConsumeIntegralInRange<size_t>(0, entries.size() - 1)], p, ec);
        break;
    }
    entries.push_back(p);
  }
  cio::SourceFiles found = cio::findSourceFiles({root.string()});
  std::set<std::pair<dev_t, ino_t>> seen;
  for (const std::string &f : found.files) {
    struct stat st {};
    if (::stat(f.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) std::abort();  // only regular files
    if (!seen.insert({st.st_dev, st.st_ino}).second) std::abort();          // each once
  }
  fs::remove_all(root, ec);
  return 0;
}
