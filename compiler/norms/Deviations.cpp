// Which findings a deviation covers (spec §7). A deviation covers a finding
// only when all of these hold:
//  - the finding's norm enforces the article it cites, or a lid or onderdeel of it;
//  - the finding's subject is the `betreft` entity or lies inside it;
//  - `betreft` lies inside the organisation in which the deviation is declared;
//  - the deviation is in force at the reference date (`vanaf` ≤ peildatum ≤ `geldig_tot`);
//  - no finding of severity error is about the deviation itself: an unlawful
//    deviation (no motivation, no consultation) lifts nothing;
//  - the finding is not of an excluded article (art. 17–20 in the stdlib) and
//    not about a deviation: no deviation can lift the rules on deviations.
#include "norms/Deviations.h"

#include <algorithm>
#include <cctype>

#include "norms/FindingText.h"

namespace cio {

using namespace model;

bool inside(const Model &m, EntityId e, EntityId container) {
  if (container == kNone) return false;
  for (; e != kNone; e = m.entities[e].parent)
    if (e == container) return true;
  return false;
}

bool articleCovers(const std::string &article, const std::string &part) {
  return part == article ||
         (part.size() > article.size() && part.compare(0, article.size(), article) == 0 && part[article.size()] == '.');
}

ArticleRef ArticleRef::parse(const std::string &notation) {
  ArticleRef r;
  std::string rest = notation.rfind("art", 0) == 0 ? notation.substr(3) : notation;
  size_t dot = rest.find('.');
  r.artikel = rest.substr(0, dot);
  while (dot != std::string::npos) {
    size_t next = rest.find('.', dot + 1);
    std::string part = rest.substr(dot + 1, next == std::string::npos ? std::string::npos : next - dot - 1);
    if (!part.empty() && std::isdigit(static_cast<unsigned char>(part[0])) && r.lid.empty() && r.onderdeel.empty())
      r.lid = part;
    else if (r.onderdeel.empty())
      r.onderdeel = part;
    dot = next;
  }
  return r;
}

std::vector<std::string> articleSortKey(const std::string &ref) {
  std::vector<std::string> key;
  std::string rest = ref.substr(3);
  size_t pos = 0;
  while (pos <= rest.size()) {
    size_t dot = rest.find('.', pos);
    if (dot == std::string::npos) dot = rest.size();
    std::string part = rest.substr(pos, dot - pos);
    if (!part.empty() && std::isdigit(static_cast<unsigned char>(part[0])))
      part = std::string(8 - std::min<size_t>(8, part.size()), '0') + part;
    key.push_back(part);
    pos = dot + 1;
  }
  return key;
}

std::string ArticleRef::notation() const {
  std::string s = "art" + artikel;
  if (!lid.empty()) s += "." + lid;
  if (!onderdeel.empty()) s += "." + onderdeel;
  return s;
}

DeviationRules DeviationRules::of(const Schema &schema) {
  DeviationRules rules;
  for (KindId k = 0; k < schema.kinds.size(); ++k) {
    const AnnotationInfo *a = schema.kinds[k].annotation(kDeviationAnnotation);
    if (!a) continue;
    auto arg = [&](const char *key) {
      auto it = a->args.find(key);
      return it == a->args.end() ? std::string() : it->second;
    };
    rules.kinds.push_back({k, arg("van"), arg("betreft"), arg("geldig_tot"), arg("vanaf")});
    if (std::string c = arg("uitgezonderd"); !c.empty()) rules.excludedConstants.push_back(c);
  }
  return rules;
}

const DeviationRules::Kind *DeviationRules::kindOf(const Schema &schema, KindId k) const {
  if (k == kNone) return nullptr;
  for (const Kind &d : kinds)
    if (schema.isA(k, d.kind)) return &d;
  return nullptr;
}

namespace {

class DeviationMatcher {
 public:
  DeviationMatcher(const Model &m, const DeviationRules &rules, std::vector<Finding> &findings,
                   const std::vector<Withheld> &withheld, DiagnosticEngine &diags)
      : m_(m), rules_(rules), findings_(findings), withheld_(withheld), diags_(diags) {}

  std::vector<DeviationStatus> run() {
    std::vector<Candidate> candidates, misspelt;
    for (EntityId e = 0; e < m_.entities.size(); ++e)
      if (const DeviationRules::Kind *k = kindOf(e))
        candidates.push_back(read(e, *k));
      else if (likelyDeviation(e))
        misspelt.push_back(unknownDeviation(e));
    // Deviations in force cover first; an expired, future or unlawful one only
    // marks, in that order, what nothing covers.
    static constexpr std::pair<DeviationStatus::State, Coverage> kPasses[] = {
        {DeviationStatus::State::InForce, Coverage::Covered},
        {DeviationStatus::State::Doubtful, Coverage::Doubtful},
        {DeviationStatus::State::Expired, Coverage::Expired},
        {DeviationStatus::State::NotYetInForce, Coverage::NotYetInForce},
        {DeviationStatus::State::Unlawful, Coverage::Unlawful}};
    for (const auto &[state, coverage] : kPasses) {
      for (Candidate &c : candidates)
        if (c.status.state == state) match(c, coverage);
      if (state == DeviationStatus::State::Doubtful)
        for (Candidate &c : misspelt) match(c, coverage);
    }
    std::vector<DeviationStatus> out;
    for (Candidate &c : candidates) {
      if (c.status.state == DeviationStatus::State::InForce && c.status.covers.empty() && !mayCoverWithheld(c)) {
        c.status.state = DeviationStatus::State::Unused;
        diags_.report(DiagId::deviation_unused, m_.entities[c.status.entity].nameRange, {c.name});
      }
      out.push_back(std::move(c.status));
    }
    return out;
  }

 private:
  struct Candidate {
    DeviationStatus status;
    std::string name, article;
    bool anyArticle = false;  // what it deviates from is unknown
    EntityId concerns = kNone;
    Date date = 0;  // Expired: the end; NotYetInForce: the start
  };

  /// An entity whose kind has an error and that was most likely meant as a
  /// deviation (`afwijkng`, or a `functie` with a deviation's fields), inside an organisation.
  bool likelyDeviation(EntityId e) const {
    const Entity &ent = m_.entities[e];
    return ent.erroneous && ent.likelyKind != kNone && ent.parent != kNone &&
           rules_.kindOf(m_.schema, ent.likelyKind) != nullptr;
  }

  /// A deviation whose kind is misspelt is one error, where it is. What it
  /// would cover is unknown: any article, anything in the organisation it
  /// stands in. So what it could cover there is neither covered nor reported
  /// as a second error, but withheld (no cascades); it is in no register.
  Candidate unknownDeviation(EntityId e) const {
    Candidate c;
    c.status.entity = e;
    c.status.state = DeviationStatus::State::Doubtful;
    c.name = entityName(m_, e);
    c.anyArticle = true;
    c.concerns = m_.entities[e].parent;
    return c;
  }

  const DeviationRules::Kind *kindOf(EntityId e) const { return rules_.kindOf(m_.schema, m_.entities[e].kind); }

  /// Reads a deviation and decides its state; reports why an invalid one covers nothing.
  Candidate read(EntityId e, const DeviationRules::Kind &k) {
    const Entity &dev = m_.entities[e];
    Candidate c;
    c.status.entity = e;
    c.name = entityName(m_, e);
    const FieldValue *van = dev.field(k.van);
    const FieldValue *betreft = dev.field(k.betreft);
    const FieldValue *tot = dev.field(k.geldigTot);
    const FieldValue *vanaf = k.vanaf.empty() ? nullptr : dev.field(k.vanaf);
    c.status.state = DeviationStatus::State::Invalid;
    if (!van) return c;  // a missing required field was reported by the entity checker
    c.article = van->value.text;
    if (!betreft) {
      // A required field that is missing was reported already; an optional one is not enough.
      const FieldInfo *info = m_.schema.findField(dev.kind, k.betreft);
      if (info && info->optional) diags_.report(DiagId::deviation_without_subject, dev.nameRange, {c.name, k.betreft});
      return c;
    }
    if (betreft->value.ref == kNone) return c;  // an unresolved reference, reported by name resolution
    c.concerns = betreft->value.ref;
    if (m_.entities[c.concerns].erroneous) {
      c.status.state = DeviationStatus::State::Doubtful;  // what it concerns has an error of its own
      return c;
    }
    if (dev.parent == kNone) {
      diags_.report(DiagId::deviation_not_in_organisation, dev.nameRange, {c.name});
      return c;
    }
    if (!inside(m_, c.concerns, dev.parent)) {
      const Entity &target = m_.entities[c.concerns];
      Diagnostic &d = diags_.report(DiagId::deviation_outside_organisation,
                                    betreft->value.range.valid() ? betreft->value.range : betreft->nameRange(),
                                    {c.name, target.path, m_.entities[dev.parent].path});
      diags_.setHelp(d, DiagId::help_deviation_scope, {k.betreft});
      return c;
    }
    if (!dev.erroneousFields.empty() || dev.fieldsIncomplete) {
      // Its dates or subject may be other than they seem: neither cover nor
      // report what it concerns (the error in the deviation is the one diagnostic).
      c.status.state = DeviationStatus::State::Doubtful;
    } else if (tot && tot->value.date < m_.referenceDate) {
      c.status.state = DeviationStatus::State::Expired;
      c.date = tot->value.date;
      diags_.report(DiagId::deviation_expired, dev.nameRange, {c.name, formatDate(tot->value.date)});
    } else if (vanaf && vanaf->value.date > m_.referenceDate) {
      c.status.state = DeviationStatus::State::NotYetInForce;
      c.date = vanaf->value.date;
      diags_.report(DiagId::deviation_not_yet_in_force, dev.nameRange, {c.name, formatDate(vanaf->value.date)});
    } else if (hasErrorAbout(e)) {
      c.status.state = DeviationStatus::State::Unlawful;
    } else {
      c.status.state = DeviationStatus::State::InForce;
    }
    return c;
  }

  /// Whether a finding of severity error is about the deviation `e` (or inside it).
  bool hasErrorAbout(EntityId e) const {
    for (const Finding &f : findings_)
      if (f.severity == Severity::Error && inside(m_, f.subject, e)) return true;
    return false;
  }

  /// Whether `c` would cover a conclusion that an error withheld.
  bool mayCoverWithheld(const Candidate &c) const {
    for (const Withheld &w : withheld_)
      if (articleCovers(c.article, w.article) &&
          (w.subject == kNone || inside(m_, w.subject, c.concerns) || inside(m_, c.concerns, w.subject)))
        return true;
    return false;
  }

  /// Whether any deviation could cover `f` at all.
  bool coverable(const Finding &f) const {
    if (f.subject == kNone) return false;
    std::string article = f.article.notation();
    for (const std::string &x : rules_.excluded)
      if (articleCovers(x, article)) return false;
    for (EntityId e = f.subject; e != kNone; e = m_.entities[e].parent)
      if (kindOf(e)) return false;  // a finding about a deviation
    return true;
  }

  void match(Candidate &c, Coverage how) {
    for (size_t i = 0; i < findings_.size(); ++i) {
      Finding &f = findings_[i];
      if (f.coverage != Coverage::None) continue;  // covered, or marked, by an earlier deviation
      if (!(c.anyArticle || articleCovers(c.article, f.article.notation())) || !inside(m_, f.subject, c.concerns) ||
          !coverable(f))
        continue;
      f.coverage = how;
      f.deviation = c.status.entity;
      f.deviationDate = c.date;
      c.status.covers.push_back(i);
    }
  }

  const Model &m_;
  const DeviationRules &rules_;
  std::vector<Finding> &findings_;
  const std::vector<Withheld> &withheld_;
  DiagnosticEngine &diags_;
};

}  // namespace

std::vector<DeviationStatus> applyDeviations(const Model &m, const DeviationRules &rules,
                                             std::vector<Finding> &findings, const std::vector<Withheld> &withheld,
                                             DiagnosticEngine &diags) {
  return DeviationMatcher(m, rules, findings, withheld, diags).run();
}

}  // namespace cio
