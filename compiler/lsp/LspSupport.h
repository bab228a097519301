// Shared by the language server's source files: positions in UTF-16 code
// units, and finding entities and references in the latest analysis.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "llvm/Support/JSON.h"
#include "pipeline/Pipeline.h"

namespace cio {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

/// LSP positions count UTF-16 code units; cioc works in bytes. A line ends at
/// `\n`, `\r\n` or a lone `\r`, as the specification has it.
struct PositionMap {
  std::string_view text;
  /// Where each line starts, built on first use: many positions in one file
  /// (a diagnostic each) cost a search each instead of a scan from the start.
  mutable std::vector<size_t> lineStarts = {};

  size_t lineOf(size_t offset) const {
    if (lineStarts.empty()) {
      lineStarts.push_back(0);
      for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
          lineStarts.push_back(i + 1);
    }
    return static_cast<size_t>(std::upper_bound(lineStarts.begin(), lineStarts.end(), offset) - lineStarts.begin()) - 1;
  }

  Object position(size_t offset) const {
    offset = std::min(offset, text.size());
    size_t line = lineOf(offset), lineStart = lineStarts[line];
    size_t units = 0;
    for (size_t i = lineStart; i < offset;) {
      unsigned char c = text[i];
      size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      units += len == 4 ? 2 : 1;
      i += len;
    }
    return Object{{"line", static_cast<int64_t>(line)}, {"character", static_cast<int64_t>(units)}};
  }

  size_t offset(const Object *pos) const {
    if (!pos) return 0;
    int64_t line = pos->getInteger("line").value_or(0), character = pos->getInteger("character").value_or(0);
    if (line < 0 || character < 0) return 0;
    lineOf(0);  // builds the line index
    if (static_cast<size_t>(line) >= lineStarts.size()) return text.size();
    size_t i = lineStarts[line];
    for (int64_t units = 0; units < character && i < text.size() && text[i] != '\n' && text[i] != '\r';) {
      unsigned char c = text[i];
      size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      units += len == 4 ? 2 : 1;
      i += len;
    }
    return std::min(i, text.size());
  }

  Object range(size_t begin, size_t end) const {
    return Object{{"start", position(begin)}, {"end", position(std::max(begin, end))}};
  }
};

/// The buffer of the latest analysis that holds `path`, or 0.
inline unsigned bufferOf(const Pipeline &p, const std::string &path) {
  for (unsigned id = 1; id <= p.sources.getNumBuffers(); ++id)
    if (p.sources.getMemoryBuffer(id)->getBufferIdentifier() == path) return id;
  return 0;
}

inline bool contains(SourceRange r, unsigned buffer, size_t offset) {
  return r.buffer == buffer && r.begin <= offset && offset <= std::max(r.end, r.begin + 1);
}

/// The resolved references to entities in a field's value (one, or a list's items).
inline std::vector<const model::Value *> referencesIn(const model::FieldValue &f) {
  std::vector<const model::Value *> out;
  auto add = [&](const model::Value &v) {
    if (v.type == model::BaseType::Kind && v.ref != model::kNone) out.push_back(&v);
  };
  if (f.value.list)
    for (const model::Value &v : f.value.items) add(v);
  else
    add(f.value);
  return out;
}

/// The entity whose name, or a reference to which, is at the offset.
inline model::EntityId entityAt(const model::Model &m, unsigned buffer, size_t offset, bool *onReference = nullptr) {
  for (model::EntityId id = 0; id < m.entities.size(); ++id) {
    const model::Entity &e = m.entities[id];
    if (contains(e.nameRange, buffer, offset)) return id;
    for (const auto &[owner, range] : e.ownerRefs)  // `dienstonderdeel FIN.BD`: FIN names an entity
      if (contains(range, buffer, offset)) {
        if (onReference) *onReference = true;
        return owner;
      }
    for (const model::FieldValue &f : e.fields)
      for (const model::Value *v : referencesIn(f))
        if (contains(v->range, buffer, offset)) {
          if (onReference) *onReference = true;
          return v->ref;
        }
  }
  return model::kNone;
}

}  // namespace cio
