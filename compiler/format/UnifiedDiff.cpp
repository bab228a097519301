// Myers' O(ND) difference algorithm over lines, then hunks as `diff -u` prints them.
#include "format/UnifiedDiff.h"

#include <algorithm>
#include <vector>

namespace cio {

namespace {

struct Line {
  std::string_view text;  // without its line end
  bool newline;           // false only for a last line without one
  bool operator==(const Line &o) const { return text == o.text && newline == o.newline; }
};

std::vector<Line> splitLines(std::string_view s) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) {
      lines.push_back({s.substr(pos), false});
      break;
    }
    lines.push_back({s.substr(pos, nl - pos), true});
    pos = nl + 1;
  }
  return lines;
}

enum class Op { Equal, Remove, Add };
struct Step {
  Op op;
  size_t a, b;  // the line in `before` (Equal, Remove) and in `after` (Equal, Add)
};

/// The shortest edit script of a[lo..) and b[lo..) up to their common suffix.
/// More than kMaxEdits differences: everything removed, then everything added.
void middleScript(const std::vector<Line> &a, const std::vector<Line> &b, size_t aLo, size_t aHi, size_t bLo,
                  size_t bHi, std::vector<Step> &out) {
  constexpr long kMaxEdits = 2000;  // the trace below keeps O(D²) integers
  const long n = static_cast<long>(aHi - aLo), m = static_cast<long>(bHi - bLo);
  const long maxD = std::min(n + m, kMaxEdits);
  const long offset = maxD + 1;
  std::vector<long> v(2 * offset + 1, 0);
  std::vector<std::vector<int>> trace;  // trace[d]: v[-d..d] before step d
  long found = -1;
  for (long d = 0; d <= maxD && found < 0; ++d) {
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    for (long k = -d; k <= d; k += 2) {
      long x =
          (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[aLo + x] == b[bLo + y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) {
    for (size_t i = aLo; i < aHi; ++i) out.push_back({Op::Remove, i, bLo});
    for (size_t j = bLo; j < bHi; ++j) out.push_back({Op::Add, aHi, j});
    return;
  }
  // Walk the trace back from (n, m), then reverse.
  std::vector<Step> rev;
  long x = n, y = m;
  for (long d = found; d > 0; --d) {
    const std::vector<int> &pv = trace[d];
    long k = x - y;
    long prevK = (k == -d || (k != d && pv[d + k - 1] < pv[d + k + 1])) ? k + 1 : k - 1;
    long prevX = pv[d + prevK], prevY = prevX - prevK;
    while (x > prevX && y > prevY) --x, --y, rev.push_back({Op::Equal, aLo + x, bLo + y});
    if (x == prevX)
      rev.push_back({Op::Add, aLo + x, bLo + prevY});
    else
      rev.push_back({Op::Remove, aLo + prevX, bLo + y});
    x = prevX, y = prevY;
  }
  while (x > 0 && y > 0) --x, --y, rev.push_back({Op::Equal, aLo + x, bLo + y});
  out.insert(out.end(), rev.rbegin(), rev.rend());
}

void printLine(std::string &out, char mark, const Line &line) {
  out += mark;
  out.append(line.text);
  out += '\n';
  if (!line.newline) out += "\\ No newline at end of file\n";
}

std::string range(size_t start, size_t count) {
  // diff -u numbers from 1; an empty side is given as the line before it.
  std::string s = std::to_string(count == 0 ? start : start + 1);
  if (count != 1) s += "," + std::to_string(count);
  return s;
}

}  // namespace

std::string unifiedDiff(std::string_view before, std::string_view after, const std::string &oldName,
                        const std::string &newName, unsigned context) {
  if (before == after) return "";
  std::vector<Line> a = splitLines(before), b = splitLines(after);
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::vector<Step> steps;
  for (size_t i = 0; i < prefix; ++i) steps.push_back({Op::Equal, i, i});
  middleScript(a, b, prefix, a.size() - suffix, prefix, b.size() - suffix, steps);
  for (size_t i = 0; i < suffix; ++i) steps.push_back({Op::Equal, a.size() - suffix + i, b.size() - suffix + i});

  std::string out = "--- " + oldName + "\n+++ " + newName + "\n";
  size_t i = 0;
  while (i < steps.size()) {
    while (i < steps.size() && steps[i].op == Op::Equal) ++i;
    if (i == steps.size()) break;
    // A hunk: from `context` lines before this change to `context` lines after
    // the last change that is at most 2·context equal lines further on.
    size_t begin = i >= context ? i - context : 0;
    size_t end = i;
    while (end < steps.size()) {
      if (steps[end].op != Op::Equal) {
        ++end;
        continue;
      }
      size_t run = end;
      while (run < steps.size() && steps[run].op == Op::Equal) ++run;
      if (run == steps.size() || run - end > 2 * context) {
        end = std::min(run, end + context);
        break;
      }
      end = run;
    }
    size_t aStart = steps[begin].a, bStart = steps[begin].b, aCount = 0, bCount = 0;
    for (size_t s = begin; s < end; ++s) {
      if (steps[s].op != Op::Add) ++aCount;
      if (steps[s].op != Op::Remove) ++bCount;
    }
    out += "@@ -" + range(aStart, aCount) + " +" + range(bStart, bCount) + " @@\n";
    for (size_t s = begin; s < end; ++s) {
      const Step &st = steps[s];
      if (st.op == Op::Equal)
        printLine(out, ' ', a[st.a]);
      else if (st.op == Op::Remove)
        printLine(out, '-', a[st.a]);
      else
        printLine(out, '+', b[st.b]);
    }
    i = end;
  }
  return out;
}

}  // namespace cio
