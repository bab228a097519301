// Calendar arithmetic and schema look-ups for the model.
#include <cstdio>
#include <cstring>

#include "model/Model.h"

namespace cio::model {

// Days-from-civil after Howard Hinnant's public-domain algorithm.
static int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

static bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::optional<Date> makeDate(int year, int month, int day) {
  static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  int len = lengths[month - 1] + (month == 2 && isLeap(year));
  if (day > len) return std::nullopt;
  return static_cast<Date>(daysFromCivil(year, month, day));
}

void splitDate(Date z0, int &year, int &month, int &day) {
  int64_t z = z0 + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (month <= 2));
}

std::string formatDate(Date d) {
  int y, m, dd;
  splitDate(d, y, m, dd);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
  return buf;
}

std::optional<Date> parseDate(const std::string &s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  return makeDate(std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2)));
}

const std::map<std::string, BaseType> &builtinTypes() {
  static const std::map<std::string, BaseType> types = {
      {"tekst", BaseType::Text},  {"getal", BaseType::Number},    {"bedrag", BaseType::Money},
      {"datum", BaseType::Date},  {"duur", BaseType::Duration},   {"periode", BaseType::Period},
      {"ja_nee", BaseType::Bool}, {"artikel", BaseType::Article},
  };
  return types;
}

std::string builtinTypeName(BaseType t) {
  for (const auto &[name, type] : builtinTypes())
    if (type == t) return name;
  return "";
}

const AnnotationInfo *KindInfo::annotation(const std::string &n) const {
  for (const AnnotationInfo &a : annotations)
    if (a.name == n) return &a;
  return nullptr;
}

std::optional<KindId> Schema::findKind(const std::string &name) const {
  auto it = kindByName.find(name);
  if (it == kindByName.end()) return std::nullopt;
  return it->second;
}

const FieldInfo *Schema::findField(KindId k, const std::string &name) const {
  for (unsigned guard = 0; k != kNone && guard < kinds.size(); k = kinds[k].base, ++guard)
    for (const FieldInfo &f : kinds[k].fields)
      if (f.name == name) return &f;
  return nullptr;
}

std::vector<const FieldInfo *> Schema::allFields(KindId k) const {
  std::vector<KindId> chain;
  for (unsigned guard = 0; k != kNone && guard < kinds.size(); k = kinds[k].base, ++guard) chain.push_back(k);
  std::vector<const FieldInfo *> out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (const FieldInfo &f : kinds[*it].fields) out.push_back(&f);
  return out;
}

std::vector<const Containment *> Schema::allContains(KindId k) const {
  std::vector<const Containment *> out;
  for (unsigned guard = 0; k != kNone && guard < kinds.size(); k = kinds[k].base, ++guard)
    for (const Containment &c : kinds[k].contains) out.push_back(&c);
  return out;
}

bool Schema::isA(KindId k, KindId base) const {
  for (unsigned guard = 0; k != kNone && guard <= kinds.size(); k = kinds[k].base, ++guard)
    if (k == base) return true;
  return false;
}

bool Schema::childIsSingle(KindId parent, KindId child) const {
  for (const Containment *c : allContains(parent))
    if (c->kind == child) return c->max && *c->max <= 1;
  return false;
}

bool Schema::mayContain(KindId parent, KindId child) const {
  for (const Containment *c : allContains(parent))
    if (c->kind == child || isA(child, c->kind)) return true;
  return false;
}

const FieldValue *Entity::field(Name n) const {
  for (const FieldValue &f : fields)
    if (f.field && f.field->name == n) return &f;
  return nullptr;
}

bool Entity::declaredAlike(const Entity &o) const {
  return kind == o.kind && name == o.name && path == o.path && parent == o.parent && children == o.children &&
         erroneous == o.erroneous && likelyKind == o.likelyKind && childrenIncomplete == o.childrenIncomplete;
}

bool Entity::fieldIsErroneous(Name n) const {
  for (Name f : erroneousFields)
    if (f == n) return true;
  return false;
}

uint64_t Value::payloadBits() const {
  uint64_t bits;
  static_assert(sizeof(bits) == sizeof(cents));
  std::memcpy(&bits, &cents, sizeof bits);
  return bits;
}

}  // namespace cio::model
