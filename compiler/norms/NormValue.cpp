// Evaluation values: conversion from the model's field values, equality,
// ordering and date arithmetic (CompiledNorm.h, NormValue.h).
#include "norms/NormValue.h"

namespace cio {

using namespace model;

/// Only white space: ASCII, no-break space (U+00A0), the spaces U+2000–U+200B,
/// U+202F, U+205F, U+3000 and the byte order mark U+FEFF (pasted from word processors).
static bool isBlank(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      ++i;
      continue;
    }
    auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    if (c == 0xC2 && at(1) == 0xA0) {
      i += 2;
      continue;
    }
    unsigned b1 = at(1), b2 = at(2);
    bool space3 = (c == 0xE2 && b1 == 0x80 && (b2 <= 0x8B || b2 == 0xAF)) || (c == 0xE2 && b1 == 0x81 && b2 == 0x9F) ||
                  (c == 0xE3 && b1 == 0x80 && b2 == 0x80) || (c == 0xEF && b1 == 0xBB && b2 == 0xBF);
    if (!space3) return false;
    i += 3;
  }
  return true;
}

RValue toRValue(const Value &v) {
  RValue r;
  if (v.list) {
    r.k = RValue::K::Set;
    r.unknown = v.incomplete;
    for (const Value &item : v.items) r.items.push_back(toRValue(item));
    return r;
  }
  switch (v.type) {
    case BaseType::Text:
      // A text of only white space says nothing: it is no value, so `heeft`
      // is false for it and a required text (a motivation) is not given by it.
      if (isBlank(v.text.view())) return RValue{};
      r.k = RValue::K::Text;
      r.text = v.text;
      break;
    case BaseType::Number:
      r.k = RValue::K::Number;
      r.number = v.number;
      break;
    case BaseType::Money:
      r.k = RValue::K::Money;
      r.cents = v.cents;
      break;
    case BaseType::Date:
      r.k = RValue::K::Date;
      r.date = v.date;
      break;
    case BaseType::Duration:
      r.k = RValue::K::Duration;
      r.months = v.months;
      r.days = v.days;
      break;
    case BaseType::Period:
      r.k = RValue::K::Period;
      r.date = v.date;
      r.until = v.until;
      break;
    case BaseType::Bool:
      r.k = RValue::K::Bool;
      r.flag = v.flag;
      break;
    case BaseType::Article:
      r.k = RValue::K::Article;
      r.text = v.text;
      break;
    case BaseType::Enum:
      r.k = RValue::K::Enum;
      r.text = v.text;
      break;
    case BaseType::Kind:
      r.k = RValue::K::Entity;
      r.ref = v.ref;
      break;
  }
  return r;
}

bool equalValues(const RValue &a, const RValue &b) {
  if (a.k != b.k) return false;
  switch (a.k) {
    case RValue::K::Null:
      // Two missing values are not the same value: a ministry without an SG and
      // a CIO without a line do not make "the CIO ressorts under the SG" true.
      return false;
    case RValue::K::Bool:
      return a.flag == b.flag;
    case RValue::K::Number:
      return a.number == b.number;
    case RValue::K::Money:
      return a.cents == b.cents;
    case RValue::K::Date:
      return a.date == b.date;
    case RValue::K::Duration:
      return a.months == b.months && a.days == b.days;
    case RValue::K::Period:
      return a.date == b.date && a.until == b.until;
    case RValue::K::Text:
    case RValue::K::Article:
    case RValue::K::Enum:
      return a.text == b.text;
    case RValue::K::Entity:
      return a.ref == b.ref;
    case RValue::K::Set:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i)
        if (!equalValues(a.items[i], b.items[i])) return false;
      return true;
  }
  return false;
}

std::optional<int> orderValues(const RValue &a, const RValue &b) {
  if (a.k != b.k) return std::nullopt;
  auto cmp = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (a.k) {
    case RValue::K::Number:
      return cmp(a.number, b.number);
    case RValue::K::Money:
      return cmp(a.cents, b.cents);
    case RValue::K::Date:
      return cmp(a.date, b.date);
    case RValue::K::Duration:
      return cmp(int64_t(a.months) * 31 + a.days, int64_t(b.months) * 31 + b.days);
    default:
      return std::nullopt;
  }
}

Date addDuration(Date d, int32_t months, int32_t days, int sign) {
  if (months) {
    int y, m, dd;
    splitDate(d, y, m, dd);
    int total = y * 12 + (m - 1) + sign * months;
    y = total / 12;
    m = total % 12 + 1;
    while (!makeDate(y, m, dd) && dd > 28) --dd;  // 31 Jan + 1 month = 28/29 Feb
    if (auto nd = makeDate(y, m, dd)) d = *nd;
  }
  return d + sign * days;
}

RValue addValues(RValue acc, const RValue &next, int sign) {
  if (acc.k == RValue::K::Null || next.k == RValue::K::Null) return RValue{};
  if (acc.k == RValue::K::Date && next.k == RValue::K::Duration) {
    acc.date = addDuration(acc.date, next.months, next.days, sign);
  } else if (acc.k == RValue::K::Date && next.k == RValue::K::Date) {
    acc.k = RValue::K::Duration;
    acc.months = 0;
    acc.days = acc.date - next.date;
  } else if (acc.k == RValue::K::Money) {
    acc.cents += sign * next.cents;
  } else if (acc.k == RValue::K::Number) {
    acc.number += sign * next.number;
  } else if (acc.k == RValue::K::Duration) {
    acc.months += sign * next.months;
    acc.days += sign * next.days;
  }
  return acc;
}

}  // namespace cio
