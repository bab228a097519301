#include "syntax/Parse.h"

#include "CioParser.h"
#include "antlr4-runtime.h"
#include "syntax/AstBuilder.h"
#include "syntax/Lexer.h"
#include "syntax/SyntaxErrorListener.h"
#include "syntax/TokenBuffer.h"
#include "syntax/TokenRanges.h"

namespace cio {

namespace {

/// How deeply the AST will nest at each token, so that input nested past the
/// limit is refused before anything recurses over it. Brackets nest; prefix
/// operators (`niet`, `heeft`, `als`, quantifiers) nest until the statement
/// ends; the steps of one path `a.b.c` nest. Operand lists (`en`, `of`, `+`,
/// list items) are flat in the AST and do not count.
struct NestingMeter {
  unsigned brackets = 0, prefixes = 0, pathSteps = 0;
  /// The items so far of each open `[`, innermost last (0 for other brackets).
  std::vector<uint32_t> listItems;
  unsigned depth() const { return brackets + prefixes + pathSteps; }
  uint32_t longestOpenList() const { return listItems.empty() ? 0 : listItems.back(); }
  /// True when the token ends a top-level item: a `;` or `}` outside all brackets.
  bool feed(size_t type, char punct) {
    using L = TokenTypes;
    if (punct == '(' || punct == '[' || punct == '{') {
      ++brackets;
      listItems.push_back(punct == '[' ? 1 : 0);
    } else if (punct == ')' || punct == ']' || punct == '}') {
      brackets = brackets ? brackets - 1 : 0;
      if (!listItems.empty()) listItems.pop_back();
    } else if (punct == ',' && !listItems.empty() && listItems.back() > 0) {
      ++listItems.back();
    }
    if (punct == ';' || punct == '{' || punct == '}')
      prefixes = 0;
    else if (type == L::NIET || type == L::HEEFT || type == L::ALS || type == L::ELK || type == L::GEEN ||
             type == L::ER)
      ++prefixes;
    // Names, numbers and texts leave a path's count alone; punctuation and
    // operator words end the path.
    if (punct == '.')
      ++pathSteps;
    else if (punct != 0 || type == L::EN || type == L::OF || type == L::DAN || type == L::MET || type == L::IN ||
             type == L::IS || type == L::EEN)
      pathSteps = 0;
    return brackets == 0 && (punct == ';' || punct == '}');
  }
};

/// The punctuation character of a one-character token, or 0 for any other
/// token (a one-letter name is not punctuation).
char punctuationOf(const RawToken &tok, std::string_view text) {
  if (tok.end != tok.begin + 1) return 0;
  char c = text[tok.begin];
  return std::string_view("()[]{};,.+-=<>:@?*!").find(c) != std::string_view::npos ? c : 0;
}

/// Parses one chunk, SLL first with bail-out and full LL only when SLL fails,
/// and appends its declarations to `file`. The parse tree dies with the chunk.
void parseChunk(TokenBuffer &tokens, const TokenRanges &positions, SyntaxErrorListener &listener,
                DiagnosticEngine &diags, ast::File &file) {
  gen::CioParser parser(&tokens);
  parser.removeErrorListeners();

  gen::CioParser::FileContext *tree = nullptr;
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    tree = parser.file();
  } catch (const antlr4::ParseCancellationException &) {
    tree = nullptr;
  }
  if (!tree) {
    tokens.seek(0);
    parser.reset();
    parser.addErrorListener(&listener);
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
    try {
      tree = parser.file();
    } catch (const std::exception &) {
      tree = nullptr;  // the runtime gave up; the listener has reported why
    }
  }
  if (tree) AstBuilder(positions, tokens, diags).build(tree, file);
}

}  // namespace

namespace {

void parseInto(ast::File &file, std::string_view text, unsigned buffer, DiagnosticEngine &diags,
               const ParseLimits &limits, const ParsedItems *reuse, ParsedItems *record) {
  size_t bad = findInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    diags.report(DiagId::invalid_utf8, {buffer, uint32_t(bad), uint32_t(bad + 1)});
    return;
  }
  TokenRanges positions(text, buffer);
  LineIndex lines(text);
  auto rangeOf = [&](antlr4::Token *t) { return positions.range(t); };
  auto rangeOfRaw = [&](const RawToken &t) { return SourceRange{buffer, t.begin, t.end}; };

  // Lex and parse as one stream, in chunks cut between top-level items, so
  // that only one chunk's tokens and parse tree are alive at a time: the
  // ANTLR tree costs ~100 bytes per input byte, and allocating it for a whole
  // large file dominated the run time. Each chunk is a sequence of `topItem`s,
  // so the grammar is unchanged. By default every item is a chunk of its own
  // (measured as fast as larger chunks, and less memory), which is also what
  // the language server's incremental parse does: both see the same errors.
  // Lexical errors are reported here once, and the parser sees a clean stream
  // (an unterminated text becomes a text).
  SyntaxErrorListener listener(diags, rangeOf, limits.maxSyntaxErrors);
  auto chunk = std::make_unique<TokenBuffer>(text, lines);
  NestingMeter meter;
  // Item by item (with `record`): where the current item's text starts, and the diagnostics before it.
  // Syntax errors count too when they are past the cap and no longer reported.
  uint32_t itemStart = 0;
  size_t diagnosticsBefore = diags.diagnostics().size();
  unsigned syntaxErrorsBefore = 0;
  auto declarationCount = [&] {
    return file.uses.size() + file.libraries.size() + file.kinds.size() + file.enums.size() + file.constants.size() +
           file.articles.size() + file.norms.size() + file.tree.roots.size();
  };
  // Ends the chunk (with `record`: the one item) that ends at `end`. With
  // `record`, the item is copied when its text is in `reuse`, else parsed,
  // and recorded when it is one entity without diagnostics.
  auto endChunk = [&](uint32_t end) {
    std::string key = record ? std::string(text.substr(itemStart, end - itemStart)) : std::string();
    bool clean = record && diags.diagnostics().size() == diagnosticsBefore;
    const ParsedItems::Item *known = nullptr;
    if (reuse && clean)
      if (auto it = reuse->byText.find(key); it != reuse->byText.end()) known = &it->second;
    size_t entitiesBefore = file.tree.roots.size(), declarationsBefore = declarationCount();
    ast::EntityTree::Mark nodesBefore = file.tree.mark();
    if (known) {
      const ast::EntityTree &item = known->nodes;
      file.tree.roots.push_back(
          file.tree.append(item, {}, item.mark(), item.roots.front(), int64_t(itemStart) - int64_t(known->begin)));
      ++record->reused;
    } else {
      chunk->finish(end);
      parseChunk(*chunk, positions, listener, diags, file);
      clean = clean && diags.diagnostics().size() == diagnosticsBefore && listener.errorCount() == syntaxErrorsBefore;
    }
    bool oneEntity = declarationCount() == declarationsBefore + 1 && file.tree.roots.size() == entitiesBefore + 1;
    if (clean && oneEntity) {
      ParsedItems::Item item{itemStart, {}};
      item.nodes.buffer = buffer;
      item.nodes.roots.push_back(
          item.nodes.append(file.tree, nodesBefore, file.tree.mark(), file.tree.roots.back(), 0));
      record->byText.emplace(std::move(key), std::move(item));
    }
    chunk = std::make_unique<TokenBuffer>(text, lines);
    itemStart = end;
    diagnosticsBefore = diags.diagnostics().size();
    syntaxErrorsBefore = listener.errorCount();
  };
  Lexer lexer(text);
  RawToken tok = lexer.next();
  // A run of unexpected characters is one diagnostic over the whole run: a
  // megabyte of control characters is one mistake, not a million.
  bool expressionItem = false;  // the item being read is a norm or a constant
  RawToken badRun{};
  size_t badCount = 0, badFirstEnd = 0;
  auto flushBadRun = [&] {
    if (badCount == 0) return;
    std::string shown(text.substr(badRun.begin, badFirstEnd - badRun.begin));
    if (shown.size() == 1 && (static_cast<unsigned char>(shown[0]) < 0x20 || shown[0] == 0x7F)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned char>(shown[0]));
      shown = buf;  // control characters would garble the terminal
    }
    if (badCount == 1)
      diags.report(DiagId::unexpected_character, rangeOfRaw(badRun), {shown});
    else
      diags.report(DiagId::unexpected_characters, rangeOfRaw(badRun), {shown, std::to_string(badCount)});
    badCount = 0;
  };
  for (; tok.type != antlr4::Token::EOF; tok = lexer.next()) {
    size_t type = tok.type;
    if (type == TokenTypes::ERROR_CHAR) {
      if (badCount > 0 && tok.begin == badRun.end) {
        badRun.end = tok.end;
        ++badCount;
        continue;
      }
      flushBadRun();
      badRun = tok;
      badFirstEnd = tok.end;
      badCount = 1;
      continue;
    }
    flushBadRun();
    if (type == TokenTypes::WS || type == TokenTypes::LINE_COMMENT || type == TokenTypes::BLOCK_COMMENT) continue;
    if (type == TokenTypes::DOC_COMMENT) {
      chunk->addDocComment(tok.begin, tok.end);
      continue;
    }
    if (type == TokenTypes::UNTERMINATED_COMMENT) {
      diags.report(DiagId::unterminated_comment, {buffer, tok.begin, tok.begin + 2});
      continue;
    }
    if (type == TokenTypes::HASH_COMMENT) {
      diags.report(DiagId::hash_comment, {buffer, tok.begin, tok.begin + 1});
      continue;
    }
    if (type == TokenTypes::STRING && text[tok.begin] != '"')
      diags.report(DiagId::curly_quotes, rangeOfRaw(tok));  // read as text all the same
    if (type == TokenTypes::UNTERMINATED_STRING) {
      diags.report(DiagId::unterminated_string, rangeOfRaw(tok));
      type = TokenTypes::STRING;
    }
    bool cut = meter.feed(type, punctuationOf(tok, text));
    if (meter.depth() > limits.maxNesting) {
      // Parsing would recurse past any safe stack depth: stop here.
      diags.report(DiagId::nesting_too_deep, rangeOfRaw(tok), {std::to_string(limits.maxNesting)});
      return;
    }
    if (meter.longestOpenList() > limits.maxListItems) {
      diags.report(DiagId::list_too_long, rangeOfRaw(tok), {std::to_string(limits.maxListItems)});
      return;
    }
    if (chunk->empty()) expressionItem = type == TokenTypes::NORM || type == TokenTypes::CONSTANTE;
    chunk->add(type, tok.begin, tok.end);
    if (expressionItem && chunk->tokenCount() > limits.maxExpressionItemTokens) {
      diags.report(DiagId::expression_too_long, rangeOfRaw(tok), {std::to_string(limits.maxExpressionItemTokens)});
      return;
    }
    if (cut && (record || chunk->tokenCount() >= limits.chunkTokens)) endChunk(tok.end);
  }
  flushBadRun();
  if (!chunk->empty()) endChunk(tok.begin);
}

}  // namespace

ast::File parseFile(std::string_view text, unsigned buffer, DiagnosticEngine &diags, const ParseLimits &limits,
                    const ParsedItems *reuse, ParsedItems *record) {
  ast::File file;
  file.buffer = buffer;
  file.tree.buffer = buffer;
  parseInto(file, text, buffer, diags, limits, reuse, record);
  file.tree.shrinkToFit();  // the arrays grew by doubling; a workspace keeps every file's
  return file;
}

}  // namespace cio
