// The language server, message by message: the protocol life cycle, diagnostics
// with the article as related information and code description, incremental
// edits, hover, definition, references, symbols and formatting, over a
// workspace folder whose files reference each other.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "lsp/LanguageServer.h"
#include "pipeline/Workspace.h"

namespace cio {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

class LanguageServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() / ("cioc-lsp-" + std::to_string(::getpid()) + "-" +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(root_);
    std::ofstream(root_ / "rijk.cio")
        << "gebruik besluit_cio_2021;\nrijk R { cio_rijk CR { ressorteert_onder = M.SG; } }\n";
    fin_ = pathToUri((root_ / "m.cio").string());
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  std::vector<Value> send(const std::string &method, Object params, bool request = true) {
    Object msg{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
    if (request) msg["id"] = ++id_;
    return server_.handle(Value(std::move(msg)));
  }
  /// The diagnostics last published for `uri` among `replies`.
  static const Array *published(const std::vector<Value> &replies, const std::string &uri) {
    const Array *found = nullptr;
    for (const Value &r : replies)
      if (const Object *o = r.getAsObject(); o && o->getString("method") == "textDocument/publishDiagnostics")
        if (const Object *p = o->getObject("params"); p && p->getString("uri") == uri)
          found = p->getArray("diagnostics");
    return found;
  }
  /// The start of an object's `range` as (line, character).
  static std::pair<int64_t, int64_t> start(const Object *withRange) {
    const Object *s = withRange->getObject("range")->getObject("start");
    return {s->getInteger("line").value_or(-1), s->getInteger("character").value_or(-1)};
  }
  static Object position(int line, int character) { return Object{{"line", line}, {"character", character}}; }
  Object at(int line, int character) {
    return Object{{"textDocument", Object{{"uri", fin_}}}, {"position", position(line, character)}};
  }
  void initialize() {
    std::vector<Value> r = send("initialize", Object{{"rootUri", pathToUri(root_.string())}});
    ASSERT_EQ(r.size(), 1u);
    send("initialized", Object{}, false);
  }

  std::filesystem::path root_;
  std::string fin_;
  LanguageServer server_{CIOC_TEST_STDLIB_DIR};
  int64_t id_ = 0;
};

const char *kMinistry =
    "gebruik besluit_cio_2021;\n"
    "ministerie M {\n"
    "    sg SG;\n"
    "    cio CIO { ressorteert_onder = SG; }\n"
    "}\n";

TEST_F(LanguageServerTest, InitializeAnnouncesCapabilities) {
  std::vector<Value> r = send("initialize", Object{{"rootUri", pathToUri(root_.string())}});
  ASSERT_EQ(r.size(), 1u);
  const Object *caps = r[0].getAsObject()->getObject("result")->getObject("capabilities");
  ASSERT_TRUE(caps);
  EXPECT_EQ(caps->getObject("textDocumentSync")->getInteger("change"), 2);  // incremental
  for (const char *c : {"hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider",
                        "documentFormattingProvider"})
    EXPECT_EQ(caps->getBoolean(c), true) << c;
}

TEST_F(LanguageServerTest, PublishesFindingsWithTheArticle) {
  initialize();
  std::vector<Value> r =
      send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", kMinistry}}}}, false);
  const Array *diags = published(r, fin_);
  ASSERT_TRUE(diags);
  const Object *office = nullptr;
  for (const Value &d : *diags)
    if (d.getAsObject()->getString("code") == "cio_heeft_office") office = d.getAsObject();
  ASSERT_TRUE(office) << "no cio_heeft_office finding";
  EXPECT_EQ(office->getInteger("severity"), 1);
  EXPECT_EQ(start(office), std::make_pair(int64_t(3), int64_t(8)));
  EXPECT_NE(office->getObject("codeDescription")->getString("href")->find("artikel=3&lid=5"), llvm::StringRef::npos);
  const Array *related = office->getArray("relatedInformation");
  ASSERT_TRUE(related && !related->empty());
  EXPECT_NE(related->back().getAsObject()->getString("message")->find("Een CIO beschikt over een CIO-office"),
            llvm::StringRef::npos);
}

// The editor reads the workspace's cioc.toml as the command line does (issue 13).
TEST_F(LanguageServerTest, TheWorkspaceConfigurationSetsLevelsAsOnTheCommandLine) {
  std::ofstream(root_ / "cioc.toml") << "[levels]\ncio_heeft_office = \"allow\"\ncio_in_bestuursraad = \"warn\"\n";
  initialize();
  std::vector<Value> r =
      send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", kMinistry}}}}, false);
  const Array *diags = published(r, fin_);
  ASSERT_TRUE(diags);
  bool office = false;
  int64_t board = 0;
  for (const Value &d : *diags) {
    office |= d.getAsObject()->getString("code") == "cio_heeft_office";
    if (d.getAsObject()->getString("code") == "cio_in_bestuursraad") board = *d.getAsObject()->getInteger("severity");
  }
  EXPECT_FALSE(office) << "allowed in cioc.toml, yet shown";
  EXPECT_EQ(board, 2);  // a warning, as cioc.toml says
}

TEST_F(LanguageServerTest, IncrementalEditsAreAppliedAndRecheckedAcrossFiles) {
  initialize();
  send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", kMinistry}}}}, false);
  // Rename SG to SGX on line 2: rijk.cio's reference `M.SG` breaks.
  std::vector<Value> r = send(
      "textDocument/didChange",
      Object{{"textDocument", Object{{"uri", fin_}, {"version", 2}}},
             {"contentChanges",
              Array{Object{{"range", Object{{"start", position(2, 9)}, {"end", position(2, 9)}}}, {"text", "X"}}}}},
      false);
  const Array *rijk = published(r, pathToUri((root_ / "rijk.cio").string()));
  ASSERT_TRUE(rijk);
  bool unresolved = false;
  for (const Value &d : *rijk) unresolved |= d.getAsObject()->getString("code") == "unresolved_reference";
  EXPECT_TRUE(unresolved);
}

/// What an editor shows after `replies`: per uri, the diagnostics last published, as JSON text.
void show(const std::vector<Value> &replies, std::map<std::string, std::string> &shown) {
  for (const Value &r : replies)
    if (const Object *o = r.getAsObject(); o && o->getString("method") == "textDocument/publishDiagnostics") {
      const Object *p = o->getObject("params");
      std::string uri = p->getString("uri")->str(), text;
      llvm::raw_string_ostream(text) << *p->get("diagnostics");
      if (p->getArray("diagnostics")->empty())
        shown.erase(uri);
      else
        shown[uri] = text;
    }
}

TEST_F(LanguageServerTest, AfterAnyEditTheEditorShowsWhatAFreshServerWould) {
  // Only what changed is published, and norms whose inputs an edit leaves
  // alone are not evaluated again: what the editor ends up showing is still
  // what a server started on the final text shows.
  initialize();
  std::map<std::string, std::string> shown;
  show(send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", kMinistry}}}}, false),
       shown);
  const std::vector<std::string> versions = {
      "gebruik besluit_cio_2021;\nministerie M {\n    sg SG;\n    cio CIO { ressorteert_onder = ONBEKEND; }\n}\n",
      "gebruik besluit_cio_2021;\nministerie M {\n    sg SG;\n    cio CIO { ressorteert_onder = SG; office = O; }\n"
      "    cio_office O { expertise = [beleid]; }\n}\n",
      "// bovenaan\ngebruik besluit_cio_2021;\nministerie M {\n    sg SG;\n    cio CIO { ressorteert_onder = SG; "
      "office = O; }\n"
      "    cio_office O { expertise = [beleid, architectuur, bedrijfsvoering]; }\n}\n",
      "gebruik besluit_cio_2021;\nministerie M {\n    sg SG;\n    cio CIO { ressorteert_onder = SG; office = O; }\n"
      "    cio_office O { expertise = [beleid, architectuur, bedrijfsvoering]; }\n}\n",
      kMinistry,
      // The same bytes at the same offsets after the edit, on other lines:
      // what was published for this file cannot be sent again as it was.
      "gebruik besluit_cio_2021;\nministerie M {\n\n   sg SG;\n    cio CIO { ressorteert_onder = SG; }\n}\n",
  };
  int version = 2;
  for (const std::string &text : versions) {
    show(send("textDocument/didChange",
              Object{{"textDocument", Object{{"uri", fin_}, {"version", version++}}},
                     {"contentChanges", Array{Object{{"text", text}}}}},
              false),
         shown);
    LanguageServer fresh{CIOC_TEST_STDLIB_DIR};
    auto freshSend = [&, id = int64_t(0)](const std::string &method, Object params, bool request) mutable {
      Object msg{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
      if (request) msg["id"] = ++id;
      return fresh.handle(Value(std::move(msg)));
    };
    std::map<std::string, std::string> expected;
    freshSend("initialize", Object{{"rootUri", pathToUri(root_.string())}}, true);
    show(freshSend("initialized", Object{}, false), expected);
    show(freshSend("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", text}}}}, false),
         expected);
    EXPECT_EQ(shown, expected) << "after version " << version - 1;
    EXPECT_FALSE(expected.empty());
  }
}

TEST_F(LanguageServerTest, WorkspaceFoldersComeAndGo) {
  send("initialize", Object{{"workspaceFolders", Array{}}});
  send("initialized", Object{}, false);
  std::string rijk = pathToUri((root_ / "rijk.cio").string());
  std::vector<Value> r = send(
      "workspace/didChangeWorkspaceFolders",
      Object{{"event", Object{{"added", Array{Object{{"uri", pathToUri(root_.string())}}}}, {"removed", Array{}}}}},
      false);
  ASSERT_TRUE(published(r, rijk));  // `M.SG` cannot be found: there is no ministry M yet
  EXPECT_FALSE(published(r, rijk)->empty());
  r = send(
      "workspace/didChangeWorkspaceFolders",
      Object{{"event", Object{{"added", Array{}}, {"removed", Array{Object{{"uri", pathToUri(root_.string())}}}}}}},
      false);
  ASSERT_TRUE(published(r, rijk));  // cleared
  EXPECT_TRUE(published(r, rijk)->empty());
}

TEST_F(LanguageServerTest, AnEditReparsesOnlyTheChangedFile) {
  initialize();
  send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", kMinistry}}}}, false);
  size_t hits = server_.parseCache().hits, misses = server_.parseCache().misses;
  send("textDocument/didChange",
       Object{{"textDocument", Object{{"uri", fin_}, {"version", 2}}},
              {"contentChanges", Array{Object{{"range", Object{{"start", position(2, 0)}, {"end", position(2, 0)}}},
                                              {"text", "    // een opmerking\n"}}}}},
       false);
  EXPECT_EQ(server_.parseCache().misses, misses + 1);  // the edited file
  EXPECT_EQ(server_.parseCache().hits, hits + 2);      // rijk.cio and the stdlib, as they were
  // Within the edited file, a top-level entity the edit did not touch is copied, not parsed.
  size_t reused = server_.parseCache().itemsReused;
  send("textDocument/didChange",
       Object{{"textDocument", Object{{"uri", fin_}, {"version", 3}}},
              {"contentChanges", Array{Object{{"range", Object{{"start", position(0, 0)}, {"end", position(0, 0)}}},
                                              {"text", "ministerie NIEUW { sg SG_NIEUW; }\n"}}}}},
       false);
  EXPECT_EQ(server_.parseCache().itemsReused, reused + 1);
}

TEST_F(LanguageServerTest, HoverDefinitionReferencesSymbolsFormatting) {
  initialize();
  send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", kMinistry}}}}, false);
  // Hover on the CIO: its finding and the article text.
  std::vector<Value> r = send("textDocument/hover", at(3, 9));
  const Object *hover = r[0].getAsObject()->getObject("result");
  ASSERT_TRUE(hover);
  std::string text = hover->getObject("contents")->getString("value")->str();
  EXPECT_NE(text.find("Een CIO beschikt over een CIO-office"), std::string::npos) << text;
  // And the verdict of each norm that applied to it, in the five outcomes' words.
  EXPECT_NE(text.find("`cio_heeft_office` (art3.5): schending"), std::string::npos) << text;
  EXPECT_LT(text.find("(art3.5)"), text.find("(art12.2)")) << text;  // in the law's order
  // On the ministry: what was checked about it, and held.
  r = send("textDocument/hover", at(1, 12));
  text = r[0].getAsObject()->getObject("result")->getObject("contents")->getString("value")->str();
  EXPECT_NE(text.find("`cio_onder_sg` (art3.1): voldoet"), std::string::npos) << text;
  // Hover on a field name: its doc comment from the schema.
  r = send("textDocument/hover", at(3, 16));
  ASSERT_TRUE(r[0].getAsObject()->getObject("result"));
  EXPECT_NE(r[0].getAsObject()
                ->getObject("result")
                ->getObject("contents")
                ->getString("value")
                ->find("waaronder deze functie rechtstreeks"),
            llvm::StringRef::npos);
  // Definition of `SG` in `ressorteert_onder = SG`.
  r = send("textDocument/definition", at(3, 34));
  const Object *def = r[0].getAsObject()->getObject("result");
  ASSERT_TRUE(def);
  EXPECT_EQ(start(def), std::make_pair(int64_t(2), int64_t(7)));
  // References to SG: the declaration, the CIO's line, and rijk.cio.
  r = send("textDocument/references", at(2, 7));
  const Array *refs = r[0].getAsObject()->getArray("result");
  ASSERT_TRUE(refs);
  EXPECT_EQ(refs->size(), 3u);
  // Symbols: the ministry with its two children.
  r = send("textDocument/documentSymbol", Object{{"textDocument", Object{{"uri", fin_}}}});
  const Array *symbols = r[0].getAsObject()->getArray("result");
  ASSERT_TRUE(symbols && symbols->size() == 1);
  EXPECT_EQ(symbols->front().getAsObject()->getString("name"), "M");
  EXPECT_EQ(symbols->front().getAsObject()->getArray("children")->size(), 2u);
  // Formatting: one edit with the canonical layout.
  r = send("textDocument/formatting", Object{{"textDocument", Object{{"uri", fin_}}}});
  const Array *edits = r[0].getAsObject()->getArray("result");
  ASSERT_TRUE(edits);
  EXPECT_TRUE(edits->empty());  // kMinistry is already formatted
}

/// The labels of a completion result.
std::set<std::string> labels(const std::vector<Value> &r) {
  std::set<std::string> out;
  if (const Array *items = r[0].getAsObject()->getArray("result"))
    for (const Value &i : *items) out.insert(i.getAsObject()->getString("label")->str());
  return out;
}

TEST_F(LanguageServerTest, CompletionOffersWhatTheSchemaAllowsHere) {
  initialize();
  const char *text =
      "gebruik besluit_cio_2021;\n"
      "ministerie M {\n"
      "    sg SG;\n"
      "    cio CIO { ressorteert_onder = SG;  }\n"
      "    dienstonderdeel D { portfolio = ; }\n"
      "    \n"
      "}\n";
  send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", text}}}}, false);
  // Inside the CIO: its fields not yet set (not ressorteert_onder), no kinds it may not contain.
  std::set<std::string> cio = labels(send("textDocument/completion", at(3, 38)));
  EXPECT_TRUE(cio.count("office") && cio.count("overleg_bzk") && cio.count("taken"));
  EXPECT_FALSE(cio.count("ressorteert_onder"));
  // After `portfolio =`: the enum's values.
  EXPECT_EQ(labels(send("textDocument/completion", at(4, 36))), (std::set<std::string>{"substantieel", "beperkt"}));
  // In the ministry's block: the kinds it may contain.
  std::set<std::string> ministry = labels(send("textDocument/completion", at(5, 4)));
  EXPECT_TRUE(ministry.count("dienstonderdeel") && ministry.count("cio") && ministry.count("zbo"));
  EXPECT_FALSE(ministry.count("cio_beraad"));  // that lives on the Rijk level
  // After `ressorteert_onder = `: entities that are a function.
  std::set<std::string> refs = labels(send("textDocument/completion", at(3, 34)));
  EXPECT_TRUE(refs.count("M.SG") && refs.count("M.CIO"));
  EXPECT_FALSE(refs.count("M.D"));
}

TEST_F(LanguageServerTest, RenameChangesTheDeclarationAndEveryReference) {
  initialize();
  send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", kMinistry}}}}, false);
  std::vector<Value> r =
      send("textDocument/rename",
           Object{{"textDocument", Object{{"uri", fin_}}}, {"position", position(2, 7)}, {"newName", "SG_M"}});
  const Object *changes = r[0].getAsObject()->getObject("result")->getObject("changes");
  ASSERT_TRUE(changes);
  EXPECT_EQ(changes->getArray(fin_)->size(), 2u);  // the declaration and the CIO's line
  const Array *rijk = changes->getArray(pathToUri((root_ / "rijk.cio").string()));
  ASSERT_TRUE(rijk && rijk->size() == 1);
  // In `M.SG` only the last part changes.
  EXPECT_EQ(start(rijk->front().getAsObject()), std::make_pair(int64_t(1), int64_t(45)));
  r = send("textDocument/rename",
           Object{{"textDocument", Object{{"uri", fin_}}}, {"position", position(2, 7)}, {"newName", "1 x"}});
  EXPECT_TRUE(r[0].getAsObject()->getObject("error"));
}

// A ministry over several files (issue 13): `dienstonderdeel M.D` in its own
// file names M; definition, references and rename follow that part too.
TEST_F(LanguageServerTest, AnEntityDeclaredUnderItsParentInAnotherFileIsAReferenceToTheParent) {
  std::ofstream(root_ / "d.cio") << "gebruik besluit_cio_2021;\ndienstonderdeel M.D { functie DIR; }\n";
  std::string d = pathToUri((root_ / "d.cio").string());
  initialize();
  send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", kMinistry}}}}, false);
  // Definition of `M` in `M.D`: the ministry in m.cio.
  std::vector<Value> r =
      send("textDocument/definition", Object{{"textDocument", Object{{"uri", d}}}, {"position", position(1, 16)}});
  const Object *loc = r[0].getAsObject()->getObject("result");
  ASSERT_TRUE(loc);
  EXPECT_EQ(loc->getString("uri"), fin_);
  EXPECT_EQ(start(loc), std::make_pair(int64_t(1), int64_t(11)));
  // Renaming the ministry changes the qualifier in d.cio.
  r = send("textDocument/rename",
           Object{{"textDocument", Object{{"uri", fin_}}}, {"position", position(1, 11)}, {"newName", "MIN"}});
  const Object *changes = r[0].getAsObject()->getObject("result")->getObject("changes");
  ASSERT_TRUE(changes && changes->getArray(d));
  EXPECT_EQ(start(changes->getArray(d)->front().getAsObject()), std::make_pair(int64_t(1), int64_t(16)));
  // And the dienstonderdeel's path is M.D: no diagnostic says it is misplaced.
  r = send("textDocument/didOpen",
           Object{{"textDocument",
                   Object{{"uri", d}, {"text", "gebruik besluit_cio_2021;\ndienstonderdeel M.D { functie DIR; }\n"}}}},
           false);
  // (Nothing is published for a file without diagnostics; were BD misplaced, it would have one.)
  if (const Array *diags = published(r, d))
    for (const Value &x : *diags) EXPECT_NE(x.getAsObject()->getString("code"), "kind_not_allowed_at_top");
}

TEST_F(LanguageServerTest, ADidYouMeanIsAQuickFix) {
  initialize();
  // A misspelt field, kind and reference: each suggestion replaces exactly the misspelt name.
  const char *text =
      "gebruik besluit_cio_2021;\n"
      "ministerie M \"M\" {\n"
      "    sg SG;\n"
      "    cio CIO { ressorteert_ondr = SG; office = O; }\n"
      "    cio_ofice O {}\n"
      "    ciso CISO { ressorteert_onder = CIOO; }\n"
      "}\n";
  send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", text}}}}, false);
  auto fixAt = [&](int line, int col) {
    std::vector<Value> r =
        send("textDocument/codeAction",
             Object{{"textDocument", Object{{"uri", fin_}}},
                    {"range", Object{{"start", position(line, col)}, {"end", position(line, col)}}}});
    std::string found;
    for (const Value &a : *r[0].getAsObject()->getArray("result")) {
      const Object *o = a.getAsObject();
      if (!o->getString("title")->contains("`")) continue;  // the deviation skeletons
      const Object *edit = o->getObject("edit")->getObject("changes")->getArray(fin_)->front().getAsObject();
      found = o->getString("title")->str() + " | " +
              std::to_string(*edit->getObject("range")->getObject("start")->getInteger("character")) + "-" +
              std::to_string(*edit->getObject("range")->getObject("end")->getInteger("character")) + " " +
              edit->getString("newText")->str();
    }
    return found;
  };
  EXPECT_EQ(fixAt(3, 14), "bedoeld: `ressorteert_onder`? | 14-30 ressorteert_onder");
  EXPECT_EQ(fixAt(4, 6), "bedoeld: `cio_office`? | 4-13 cio_office");
  EXPECT_EQ(fixAt(5, 36), "bedoeld: `CIO`? | 36-40 CIO");
}

TEST_F(LanguageServerTest, CodeActionsOfferFixItsAndADeviationSkeleton) {
  initialize();
  send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", kMinistry}}}}, false);
  std::vector<Value> r =
      send("textDocument/codeAction", Object{{"textDocument", Object{{"uri", fin_}}},
                                             {"range", Object{{"start", position(3, 8)}, {"end", position(3, 11)}}},
                                             {"context", Object{{"diagnostics", Array{}}}}});
  const Array *actions = r[0].getAsObject()->getArray("result");
  ASSERT_TRUE(actions);
  std::string skeleton;
  for (const Value &a : *actions)
    if (a.getAsObject()->getString("title")->contains("cio_heeft_office"))
      skeleton = a.getAsObject()
                     ->getObject("edit")
                     ->getObject("changes")
                     ->getArray(fin_)
                     ->front()
                     .getAsObject()
                     ->getString("newText")
                     ->str();
  EXPECT_NE(skeleton.find("afwijking afwijking_cio_heeft_office {"), std::string::npos) << skeleton;
  EXPECT_NE(skeleton.find("van = art3.5;"), std::string::npos) << skeleton;
  EXPECT_NE(skeleton.find("betreft = M.CIO;"), std::string::npos) << skeleton;
  // A missing `gebruik` comes with its fix-it as a quick fix.
  std::string other = pathToUri((root_ / "zonder.cio").string());
  send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", other}, {"text", "ministerie Z { sg SGZ; }\n"}}}},
       false);
  r = send("textDocument/codeAction", Object{{"textDocument", Object{{"uri", other}}},
                                             {"range", Object{{"start", position(0, 0)}, {"end", position(0, 1)}}}});
  bool fix = false;
  for (const Value &a : *r[0].getAsObject()->getArray("result"))
    fix |= a.getAsObject()
               ->getObject("edit")
               ->getObject("changes")
               ->getArray(other)
               ->front()
               .getAsObject()
               ->getString("newText")
               ->starts_with("gebruik ");
  EXPECT_TRUE(fix);
}

// Found by fuzz_lsp: a hover on an entity of an unknown kind read past the table of kinds.
TEST_F(LanguageServerTest, EntitiesOfUnknownKindsAreHandled) {
  initialize();
  send("textDocument/didOpen",
       Object{{"textDocument",
               Object{{"uri", fin_}, {"text", "gebruik besluit_cio_2021;\nministerie M { onbekend X; }\n"}}}},
       false);
  std::vector<Value> r = send("textDocument/hover", at(1, 24));
  ASSERT_EQ(r.size(), 1u);
  r = send("textDocument/documentSymbol", Object{{"textDocument", Object{{"uri", fin_}}}});
  ASSERT_EQ(r.size(), 1u);
  r = send("textDocument/completion", at(1, 24));
  ASSERT_EQ(r.size(), 1u);
}

TEST_F(LanguageServerTest, ShutdownExitAndUnknownMethods) {
  initialize();
  std::vector<Value> r = send("cioc/unknown", Object{});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_TRUE(r[0].getAsObject()->getObject("error"));
  EXPECT_TRUE(send("$/cancelRequest", Object{{"id", 1}}, false).empty());
  send("shutdown", Object{});
  send("exit", Object{}, false);
  EXPECT_TRUE(server_.exited());
  EXPECT_EQ(server_.exitCode(), 0);
}

/// The error code of the one reply to a request, or 0.
int64_t errorCode(const std::vector<Value> &replies) {
  if (replies.size() != 1) return 0;
  const Object *e = replies[0].getAsObject() ? replies[0].getAsObject()->getObject("error") : nullptr;
  return e ? e->getInteger("code").value_or(0) : 0;
}

TEST_F(LanguageServerTest, RequestsBeforeInitializeAreRefused) {
  EXPECT_EQ(errorCode(send("textDocument/hover", at(0, 0))), -32002);
  EXPECT_TRUE(
      send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", "x"}}}}, false).empty());
  initialize();
  EXPECT_EQ(errorCode(send("initialize", Object{})), -32600);  // only once
}

TEST_F(LanguageServerTest, RequestsAfterShutdownAreRefused) {
  initialize();
  send("shutdown", Object{});
  EXPECT_EQ(errorCode(send("textDocument/hover", at(0, 0))), -32600);
  EXPECT_TRUE(
      send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", "x"}}}}, false).empty());
  send("exit", Object{}, false);
  EXPECT_EQ(server_.exitCode(), 0);
}

TEST_F(LanguageServerTest, AClosedFileOverTheLimitIsNotRead) {
  std::filesystem::path big = root_ / "groot.cio";
  { std::ofstream(big) << "x"; }
  std::filesystem::resize_file(big, kMaxFileBytes + 1);  // sparse: costs no disk
  std::vector<Value> r = send("initialize", Object{{"rootUri", pathToUri(root_.string())}});
  r = send("initialized", Object{}, false);
  const Array *d = published(r, pathToUri(big.string()));
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->size(), 1u);
  EXPECT_EQ((*d)[0].getAsObject()->getString("code"), "file_too_large");
}

TEST_F(LanguageServerTest, MalformedParametersNeverCrash) {
  initialize();
  // A notification with bad parameters is dropped; a request gets -32602.
  for (const char *method :
       {"textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave",
        "textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/documentSymbol",
        "textDocument/formatting", "textDocument/completion", "textDocument/codeAction", "textDocument/rename",
        "workspace/didChangeWorkspaceFolders"}) {
    std::vector<Value> bad = {Value(Object{}),
                              Value(Array{}),
                              Value(Object{{"textDocument", "m.cio"}}),
                              Value(Object{{"textDocument", Object{{"uri", 3}}}}),
                              Value(nullptr),
                              Value("x")};
    for (Value &params : bad) {
      Object note{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}};
      server_.handle(Value(std::move(note)));  // must not crash
      Object req{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}, {"id", ++id_}};
      std::vector<Value> r = server_.handle(Value(std::move(req)));
      ASSERT_FALSE(r.empty()) << method;
      if (std::string(method).rfind("textDocument/", 0) == 0) EXPECT_EQ(errorCode({r[0]}), -32602) << method;
    }
  }
  // Not a request at all.
  EXPECT_EQ(errorCode(server_.handle(Value(Array{1, 2}))), -32600);
  EXPECT_EQ(errorCode(server_.handle(Value(Object{{"jsonrpc", "2.0"}, {"id", Object{}}, {"method", "x"}}))), -32600);
  EXPECT_EQ(errorCode(server_.handle(Value(Object{{"jsonrpc", "2.0"}, {"id", 1}, {"method", 7}}))), -32600);
  // Positions out of range are clamped, not trusted.
  send("textDocument/didOpen", Object{{"textDocument", Object{{"uri", fin_}, {"text", "ministerie M {}\n"}}}}, false);
  send("textDocument/hover", at(-5, 1 << 30));
  send("textDocument/didChange",
       Object{{"textDocument", Object{{"uri", fin_}}},
              {"contentChanges", Array{Object{{"range", Object{{"start", position(99, 99)}, {"end", position(-1, -1)}}},
                                              {"text", "x"}}}}},
       false);
}

}  // namespace
}  // namespace cio
