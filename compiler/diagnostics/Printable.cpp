#include "diagnostics/Printable.h"

#include <cstdint>
#include <vector>

namespace cio {

namespace {

/// Decodes one UTF-8 sequence at `i`; returns its length, or 0 when it is invalid.
size_t decode(std::string_view s, size_t i, uint32_t &cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = n == 1 ? c : c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    unsigned char t = static_cast<unsigned char>(s[i + k]);
    if ((t & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (t & 0x3F);
  }
  return n;
}

void append(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | cp >> 6);
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | cp >> 12);
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | cp >> 18);
    out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

constexpr uint32_t kReplacement = 0xFFFD;

}  // namespace

std::string printable(std::string_view text, bool tabAsSpace) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    size_t n = decode(text, i, cp);
    if (n == 0) {
      append(out, kReplacement);
      ++i;
      continue;
    }
    if (cp == '\t' && tabAsSpace)
      out += ' ';
    else if (cp < 0x20 && cp != '\t')
      append(out, 0x2400 + cp);  // ␀ … ␟
    else if (cp == 0x7F)
      append(out, 0x2421);  // ␡
    else if ((cp >= 0x80 && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
      append(out, kReplacement);
    else
      out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::string printableText(std::string_view text) {
  std::string out;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out += printable(text.substr(start, end - start), /*tabAsSpace=*/false);
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

std::string shortened(std::string_view text, size_t maxCodePoints) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (count++ == maxCodePoints) return std::string(text.substr(0, i)) + "…";
  }
  return std::string(text);
}

std::string lineWindow(std::string_view line, unsigned &column, unsigned width, bool cutBefore, bool cutAfter) {
  std::vector<size_t> starts;  // byte offset of each code point
  for (size_t i = 0; i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) starts.push_back(i);
  if (starts.size() <= width) {
    if (cutBefore) ++column;
    return (cutBefore ? "…" : "") + std::string(line) + (cutAfter ? "…" : "");
  }
  size_t col = column == 0 ? 0 : column - 1;
  size_t first = col > width / 3 ? col - width / 3 : 0;
  if (first + width > starts.size()) first = starts.size() > width ? starts.size() - width : 0;
  size_t last = std::min(starts.size(), first + width);  // one past
  std::string out;
  bool before = first > 0 || cutBefore, after = last < starts.size() || cutAfter;
  if (before) out += "…";
  size_t endByte = last < starts.size() ? starts[last] : line.size();
  out.append(line.substr(starts[first], endByte - starts[first]));
  if (after) out += "…";
  column = static_cast<unsigned>(col - first + (before ? 1 : 0) + 1);
  return out;
}

}  // namespace cio
