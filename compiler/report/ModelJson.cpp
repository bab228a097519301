#include "report/ModelJson.h"

#include "llvm/Support/JSON.h"

namespace cio {

namespace {

class ModelWriter {
 public:
  ModelWriter(llvm::raw_ostream &out, const model::Model &model, const llvm::SourceMgr &sources)
      : json_(out, 0), model_(model), sources_(sources) {}

  void write() {
    json_.object([&] {
      json_.attribute("reference_date", model::formatDate(model_.referenceDate));
      json_.attributeArray("entities", [&] {
        for (model::EntityId root : model_.roots) entity(root);
      });
    });
  }

 private:
  void entity(model::EntityId id) {
    const model::Entity &e = model_.entities[id];
    json_.object([&] {
      json_.attribute("kind", model_.schema.kinds[e.kind].name);
      if (!e.name.empty()) {  // an unnamed record has its parent's path: leave it out
        json_.attribute("name", e.name.str());
        json_.attribute("path", e.path.str());
      }
      if (!e.title.empty()) json_.attribute("title", e.title.str());
      if (e.range.buffer > 0 && e.range.buffer <= sources_.getNumBuffers()) {
        const llvm::MemoryBuffer *buf = sources_.getMemoryBuffer(e.range.buffer);
        json_.attribute("file", buf->getBufferIdentifier());
        json_.attribute(
            "line",
            sources_
                .getLineAndColumn(llvm::SMLoc::getFromPointer(buf->getBufferStart() + e.range.begin), e.range.buffer)
                .first);
      }
      if (!e.fields.empty())
        json_.attributeObject("fields", [&] {
          for (const model::FieldValue &f : e.fields)
            json_.attributeBegin(f.field->name.str()), value(f.value), json_.attributeEnd();
        });
      if (!e.children.empty())
        json_.attributeArray("children", [&] {
          for (model::EntityId c : e.children) entity(c);
        });
    });
  }

  void value(const model::Value &v) {
    using model::BaseType;
    if (v.list) {
      json_.array([&] {
        for (const model::Value &item : v.items) value(item);
      });
      return;
    }
    switch (v.type) {
      case BaseType::Text:
      case BaseType::Article:
      case BaseType::Enum:
        json_.value(v.text.str());
        break;
      case BaseType::Number:
        json_.value(v.number);
        break;
      case BaseType::Money:
        json_.object([&] { json_.attribute("eur", double(v.cents) / 100); });
        break;
      case BaseType::Date:
        json_.value(model::formatDate(v.date));
        break;
      case BaseType::Period:
        json_.object([&] {
          json_.attribute("from", model::formatDate(v.date));
          json_.attribute("until", model::formatDate(v.until));
        });
        break;
      case BaseType::Duration:
        json_.object([&] {
          json_.attribute("months", v.months);
          json_.attribute("days", v.days);
        });
        break;
      case BaseType::Bool:
        json_.value(v.flag);
        break;
      case BaseType::Kind:
        if (v.ref < model_.entities.size())
          json_.value(model_.entities[v.ref].path.str());
        else
          json_.value(nullptr);
        break;
    }
  }

  llvm::json::OStream json_;
  const model::Model &model_;
  const llvm::SourceMgr &sources_;
};

}  // namespace

void writeModelJson(llvm::raw_ostream &out, const model::Model &model, const llvm::SourceMgr &sources) {
  ModelWriter(out, model, sources).write();
  out << '\n';
}

}  // namespace cio
