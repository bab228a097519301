#include "norms/NormDoc.h"

namespace cio {

SplitDoc splitDoc(const std::string &doc) {
  SplitDoc out;
  bool inBlock = false;
  size_t pos = 0;
  while (pos <= doc.size()) {
    size_t nl = doc.find('\n', pos);
    if (nl == std::string::npos) nl = doc.size();
    std::string line = doc.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.rfind("```", 0) == 0) {
      if (!inBlock && !out.hasExample) {
        inBlock = out.hasExample = true;
        continue;
      }
      if (inBlock) {
        inBlock = false;
        continue;
      }
    }
    std::string &into = inBlock ? out.example : out.prose;
    into += line + '\n';
  }
  while (!out.prose.empty() && (out.prose.back() == '\n' || out.prose.back() == ' ')) out.prose.pop_back();
  out.hasExample = out.example.find_first_not_of(" \n") != std::string::npos;  // an empty block is no example
  return out;
}

std::string docSummary(const std::string &doc) {
  std::string prose = splitDoc(doc).prose, out;
  for (size_t i = 0; i < prose.size(); ++i) {
    if (prose[i] == '\n' && i + 1 < prose.size() && prose[i + 1] == '\n') break;
    out += prose[i] == '\n' ? ' ' : prose[i];
  }
  return out;
}

}  // namespace cio
