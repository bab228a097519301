#include "emit/GraphvizRender.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <mutex>

namespace cio {

namespace {

// Graphviz keeps global state and reports errors through a process-wide
// callback: one render at a time, with the messages collected here.
std::mutex gvMutex;
std::string *gvErrors = nullptr;

int collectError(char *message) {
  if (gvErrors) *gvErrors += message;
  return 0;
}

}  // namespace

bool renderGraphviz(const std::string &dot, const std::string &format, std::string &out, std::string &error) {
  std::lock_guard<std::mutex> lock(gvMutex);
  gvErrors = &error;
  agseterr(AGERR);
  agseterrf(collectError);
  GVC_t *gvc = gvContext();
  Agraph_t *g = agmemread(dot.c_str());
  bool ok = false;
  if (g && gvLayout(gvc, g, "dot") == 0) {
    char *data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, g, format.c_str(), &data, &length) == 0 && data) {
      out.assign(data, length);
      ok = true;
    }
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
  }
  if (g) agclose(g);
  gvFreeContext(gvc);
  agseterrf(nullptr);
  gvErrors = nullptr;
  if (!ok && error.empty()) error = "Graphviz could not render the graph";
  return ok;
}

}  // namespace cio
