// Literal values: dates are validated against the calendar, amounts are exact
// in euro cents, numbers must fit, and units must be known.
#include <algorithm>
#include <cmath>

#include "llvm/ADT/StringRef.h"
#include "sema/Sema.h"

namespace cio {

using model::BaseType;

namespace {

enum class Unit { None, Money, Duration, Unknown };

struct UnitInfo {
  Unit kind = Unit::None;
  int64_t centsFactor = 0;   // Money
  int months = 0, days = 0;  // Duration, per unit
};

UnitInfo unitOf(const ast::Literal &lit) {
  if (!lit.unit) return {};
  const std::string &u = lit.unit->text;
  if (u == "EUR") return {Unit::Money, 100};
  if (u == "mln") return {Unit::Money, 100'000'000};
  if (u == "mld") return {Unit::Money, 100'000'000'000};
  if (u == "jaar" || u == "jaren") return {Unit::Duration, 0, 12, 0};
  if (u == "maand" || u == "maanden") return {Unit::Duration, 0, 1, 0};
  if (u == "week" || u == "weken") return {Unit::Duration, 0, 0, 7};
  if (u == "dag" || u == "dagen") return {Unit::Duration, 0, 0, 1};
  return {Unit::Unknown};
}

/// Parses `12_500.25` into an exact integer scaled by `factor` (10^k),
/// failing when the result has a fraction or does not fit in int64.
bool parseScaled(const std::string &text, int64_t factor, int64_t &out) {
  __int128 whole = 0, frac = 0, fracScale = 1;
  bool inFrac = false;
  for (char c : text) {
    if (c == '_') continue;
    if (c == '.') {
      inFrac = true;
      continue;
    }
    if (inFrac) {
      frac = frac * 10 + (c - '0');
      fracScale *= 10;
      if (fracScale > (__int128)1e30) return false;
    } else {
      whole = whole * 10 + (c - '0');
      if (whole > (__int128)INT64_MAX) return false;
    }
  }
  __int128 v = whole * factor;
  if ((frac * factor) % fracScale != 0) return false;
  v += frac * factor / fracScale;
  if (v > (__int128)INT64_MAX) return false;
  out = static_cast<int64_t>(v);
  return true;
}

/// `1-3-2025` or `2025-3-1` as the language writes it (`2025-03-01`); "" when
/// the text is no date of another form, or no date at all.
std::string isoFormOf(const std::string &text) {
  std::vector<std::string> parts;
  size_t from = 0;
  for (size_t dash; (dash = text.find('-', from)) != std::string::npos; from = dash + 1)
    parts.push_back(text.substr(from, dash - from));
  parts.push_back(text.substr(from));
  if (parts.size() != 3) return "";
  if (parts[0].size() != 4) std::swap(parts[0], parts[2]);  // day first, as in Dutch
  if (parts[0].size() != 4) return "";
  for (size_t i = 1; i < 3; ++i)
    if (parts[i].size() == 1) parts[i] = "0" + parts[i];
  std::string iso = parts[0] + "-" + parts[1] + "-" + parts[2];
  return iso != text && model::parseDate(iso) ? iso : "";
}

bool reportDate(const ast::Literal &lit, const std::string &text, DiagnosticEngine &diags) {
  if (std::string iso = isoFormOf(text); !iso.empty())
    diags.report(DiagId::date_format, lit.range, {text, iso});
  else
    diags.report(DiagId::invalid_date, lit.range, {text});
  return false;
}

/// Whether a number is written in a form of habit the language does not have
/// (`€ 12`, `12,5 mln`, `12.000.000`); the lexer reads those as one number.
bool habitualAmount(const std::string &text) {
  return text.find_first_of(", ") != std::string::npos || text.rfind("\u20AC", 0) == 0 ||
         std::count(text.begin(), text.end(), '.') > 1;
}

/// The amount `text` (with the unit `unit`, perhaps inside the text) as the
/// language writes it: `7.5 mln`, `12_000_000 EUR`.
std::string canonicalAmount(std::string text, std::string unit) {
  if (text.rfind("\u20AC", 0) == 0) text = text.substr(3);
  for (const char *u : {"mln", "mld", "EUR"})
    if (size_t at = text.find(u); at != std::string::npos) {
      unit = u;
      text = text.substr(0, at);
    }
  std::string digits;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '_') digits += c;
  // The Dutch way: points between thousands, a comma before the decimals.
  size_t comma = digits.find(',');
  std::string whole = digits.substr(0, comma), fraction = comma == std::string::npos ? "" : digits.substr(comma + 1);
  if (comma == std::string::npos && std::count(whole.begin(), whole.end(), '.') == 1 && unit != "EUR") {
    fraction = whole.substr(whole.find('.') + 1);  // `€ 12.5 mln`: a decimal point already
    whole = whole.substr(0, whole.find('.'));
  }
  whole.erase(std::remove(whole.begin(), whole.end(), '.'), whole.end());
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '_';
    grouped += whole[i];
  }
  std::string number = grouped + (fraction.empty() ? "" : "." + fraction);
  return number + " " + (unit.empty() ? "EUR" : unit);
}

bool reportRange(const ast::Literal &lit, DiagnosticEngine &diags) {
  diags.report(DiagId::number_out_of_range, lit.range, {lit.text});
  return false;
}

}  // namespace

std::string literalTypeName(const ast::Literal &lit) {
  switch (lit.kind) {
    case ast::LiteralKind::Text:
      return "tekst";
    case ast::LiteralKind::Date:
      return "datum";
    case ast::LiteralKind::YearPeriod:
    case ast::LiteralKind::DatePeriod:
      return "periode";
    case ast::LiteralKind::Bool:
      return "ja_nee";
    case ast::LiteralKind::Article:
      return "artikel";
    case ast::LiteralKind::Number:
      switch (unitOf(lit).kind) {
        case Unit::Money:
          return "bedrag";
        case Unit::Duration:
          return "duur";
        default:
          return "getal";
      }
  }
  return "?";
}

bool convertLiteral(const ast::Literal &lit, BaseType type, model::Value &out, DiagnosticEngine &diags,
                    bool &typeMismatch) {
  typeMismatch = false;
  out.type = type;
  out.range = lit.range;
  UnitInfo unit = unitOf(lit);
  if (unit.kind == Unit::Unknown) {
    diags.report(DiagId::unknown_unit, lit.unit->range, {lit.unit->text});
    return false;
  }
  auto mismatch = [&] {
    typeMismatch = true;
    return false;
  };
  switch (lit.kind) {
    case ast::LiteralKind::Text:
      if (type != BaseType::Text) return mismatch();
      out.text = lit.text;
      return true;
    case ast::LiteralKind::Bool:
      if (type != BaseType::Bool) return mismatch();
      out.flag = lit.text == "ja";
      return true;
    case ast::LiteralKind::Article:
      if (type != BaseType::Article) return mismatch();
      out.text = lit.text;
      return true;
    case ast::LiteralKind::Date: {
      if (type != BaseType::Date) return mismatch();
      auto d = model::parseDate(lit.text);
      if (!d) return reportDate(lit, lit.text, diags);
      out.date = *d;
      return true;
    }
    case ast::LiteralKind::YearPeriod:
    case ast::LiteralKind::DatePeriod: {
      if (type != BaseType::Period) return mismatch();
      std::optional<model::Date> from, to;
      if (lit.kind == ast::LiteralKind::DatePeriod) {
        from = model::parseDate(lit.text);
        to = model::parseDate(lit.second);
        if (!from || !to) return reportDate(lit, !from ? lit.text : lit.second, diags);
      } else {
        int64_t y1 = 0, y2 = 0;
        if (!parseScaled(lit.text, 1, y1) || !parseScaled(lit.second, 1, y2) ||
            !(from = model::makeDate(int(std::min<int64_t>(y1, 99999)), 1, 1)) ||
            !(to = model::makeDate(int(std::min<int64_t>(y2, 99999)), 12, 31))) {
          diags.report(DiagId::invalid_date, lit.range, {lit.text + " .. " + lit.second});
          return false;
        }
      }
      if (*to < *from) {
        diags.report(DiagId::empty_period, lit.range, {lit.text + " .. " + lit.second});
        return false;
      }
      out.date = *from;
      out.until = *to;
      return true;
    }
    case ast::LiteralKind::Number:
      if (habitualAmount(lit.text)) {
        diags.report(DiagId::amount_format, lit.range,
                     {lit.text + (lit.unit ? " " + lit.unit->text : ""),
                      canonicalAmount(lit.text, lit.unit ? lit.unit->text : "")});
        return false;
      }
      if (unit.kind == Unit::Money) {
        if (type != BaseType::Money) return mismatch();
        if (!parseScaled(lit.text, unit.centsFactor, out.cents)) return reportRange(lit, diags);
        return true;
      }
      if (unit.kind == Unit::Duration) {
        if (type != BaseType::Duration) return mismatch();
        int64_t n = 0;
        if (!parseScaled(lit.text, 1, n) || n > 100000) return reportRange(lit, diags);
        out.months = static_cast<int32_t>(n * unit.months);
        out.days = static_cast<int32_t>(n * unit.days);
        return true;
      }
      if (type != BaseType::Number) return mismatch();
      {
        std::string digits;
        for (char c : lit.text)
          if (c != '_') digits += c;
        out.number = std::strtod(digits.c_str(), nullptr);
        if (!std::isfinite(out.number) || std::fabs(out.number) > 9.0e15) return reportRange(lit, diags);
      }
      return true;
  }
  return mismatch();
}

namespace {

/// Edits between two names, a swap of neighbours counting as one (`FNI` is one
/// typo from `FIN`, as a person sees it: the optimal string alignment distance).
/// Stops early once every path exceeds `bound`.
unsigned typoDistance(const std::string &a, const std::string &b, unsigned bound) {
  const size_t n = a.size(), m = b.size();
  std::vector<unsigned> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<unsigned>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<unsigned>(i);
    unsigned rowMin = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      rowMin = std::min(rowMin, cur[j]);
    }
    if (rowMin > bound) return rowMin;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

}  // namespace

std::string closestName(const std::string &name, const std::vector<std::string> &candidates) {
  // A typo is suggested for a name of ordinary length only: the edit distance
  // costs the product of both lengths, and a name of thousands of characters
  // (hostile input) is nobody's typo.
  constexpr size_t kLongestSuggested = 64;
  std::string best;
  if (name.size() > kLongestSuggested) return best;
  unsigned bestDistance = std::max<unsigned>(2, static_cast<unsigned>(name.size() / 3)) + 1;
  for (const std::string &c : candidates) {
    if (c == name || c.size() > kLongestSuggested) continue;
    size_t gap = c.size() > name.size() ? c.size() - name.size() : name.size() - c.size();
    if (gap >= bestDistance) continue;  // at least that many edits: it cannot be closer
    unsigned d = llvm::StringRef(name).lower() == llvm::StringRef(c).lower() ? 0 : typoDistance(name, c, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace cio
