// Art. 17 as a generic mechanism: which findings a waiver covers, and the
// official links of articles. No word of the Besluit is needed here: the
// waiver kind and its fields come from the @uitzondering annotation.
#include "norms/Deviations.h"

#include <cctype>

#include "norms/Evaluator.h"
#include "sema/Sema.h"

namespace cio {

using namespace model;

bool inside(const Model &m, EntityId e, EntityId container) {
  for (; e != kNone; e = m.entities[e].parent)
    if (e == container) return true;
  return false;
}

bool articleCovers(const std::string &article, const std::string &part) {
  return part == article ||
         (part.size() > article.size() && part.compare(0, article.size(), article) == 0 && part[article.size()] == '.');
}

/// Art. 17: a deviation suppresses the findings of the article it names (a
/// whole article covers its leden) that concern its entity: a bound entity is
/// that entity or lies inside it, or the entity is part of a bound entity (a
/// deviation for `CIO_FIN` covers the art. 3.1 finding about `FIN`, spec §7).
/// Expired deviations suppress nothing.
void applyDeviations(const Model &m, std::vector<Violation> &violations, DiagnosticEngine &diags) {
  for (KindId k = 0; k < m.schema.kinds.size(); ++k) {
    const AnnotationInfo *waiver = m.schema.kinds[k].annotation("uitzondering");
    if (!waiver) continue;
    auto arg = [&](const char *key) {
      auto it = waiver->args.find(key);
      return it == waiver->args.end() ? "" : it->second;
    };
    for (EntityId e = 0; e < m.entities.size(); ++e) {
      const Entity &dev = m.entities[e];
      if (dev.kind == kNone || !m.schema.isA(dev.kind, k)) continue;
      const FieldValue *van = dev.field(arg("van"));
      const FieldValue *betreft = dev.field(arg("betreft"));
      const FieldValue *tot = dev.field(arg("geldig_tot"));
      if (!van) continue;
      std::string name = dev.name.empty() ? dev.path : dev.name;
      if (tot && tot->value.date < m.referenceDate) {
        diags.report(DiagId::deviation_expired, dev.nameRange, {name, formatDate(tot->value.date)});
        continue;
      }
      bool used = false;
      for (Violation &v : violations) {
        if (!v.diag.suppressedBy.empty() || !articleCovers(van->value.text, v.diag.article)) continue;
        bool concerns = !betreft;
        for (EntityId b : v.bound)
          concerns = concerns || inside(m, b, betreft->value.ref) || inside(m, betreft->value.ref, b);
        if (!concerns) continue;
        v.diag.suppressedBy = name;
        v.diag.notes.push_back(
            {dev.nameRange, diags.text(DiagId::note_suppressed_by, {m.schema.kinds[dev.kind].name, name})});
        used = true;
      }
      if (!used) diags.report(DiagId::deviation_unused, dev.nameRange, {name});
    }
  }
}

std::string articleLink(const Library &lib, const std::string &ref) {
  if (lib.identifier.rfind("BWBR", 0) != 0) return lib.link;
  // art15.5.a -> artikel=15&lid=5&onderdeel=a; art4.c -> artikel=4&onderdeel=c
  std::string url = "https://wetten.overheid.nl/jci1.3:c:" + lib.identifier;
  std::vector<std::string> parts;
  std::string rest = ref.substr(3);
  size_t pos;
  while ((pos = rest.find('.')) != std::string::npos) {
    parts.push_back(rest.substr(0, pos));
    rest = rest.substr(pos + 1);
  }
  parts.push_back(rest);
  url += "&artikel=" + parts[0];
  for (size_t i = 1; i < parts.size(); ++i)
    url += (std::isdigit(static_cast<unsigned char>(parts[i][0])) ? "&lid=" : "&onderdeel=") + parts[i];
  return url;
}

}  // namespace cio
