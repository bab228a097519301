#include "syntax/Parse.h"

#include "CioLexer.h"
#include "CioParser.h"
#include "antlr4-runtime.h"
#include "syntax/AstBuilder.h"
#include "syntax/CodePointMap.h"
#include "syntax/SyntaxErrorListener.h"

namespace cio {

namespace {

/// How deeply a token opens structure: brackets, and prefix or chaining operators
/// that the AST nests (`niet niet …`, `a.b.c…`). Reset at each statement end.
struct NestingMeter {
  unsigned brackets = 0, chain = 0;
  unsigned depth() const { return brackets + chain; }
  void feed(size_t type, char punct) {
    using L = gen::CioLexer;
    if (punct == '(' || punct == '[' || punct == '{') ++brackets;
    else if (punct == ')' || punct == ']' || punct == '}') brackets = brackets ? brackets - 1 : 0;
    if (punct == ';' || punct == '{' || punct == '}') chain = 0;
    else if (type == L::NIET || type == L::HEEFT || type == L::ALS || type == L::ELK || type == L::GEEN ||
             type == L::ER || punct == '.' || punct == '+' || punct == '-')
      ++chain;
  }
};

/// The character of a one-character token, read from the source bytes: much
/// cheaper than Token::getText(), which decodes and allocates.
struct PunctuationReader {
  std::string_view text;
  const CodePointMap &positions;
  char operator()(const antlr4::Token &tok) const {
    if (tok.getStartIndex() != tok.getStopIndex()) return 0;
    uint32_t at = positions.byteOffset(tok.getStartIndex());
    return at < text.size() ? text[at] : 0;
  }
};

/// Tracks bracket depth to find where a top-level item ends: after a `;` or
/// `}` at depth 0. Unbalanced brackets never reach such a point, so a broken
/// file simply stays in one chunk, which is the unchunked behaviour.
struct TopLevelBoundary {
  long depth = 0;
  bool after(char c) {
    if (c == '(' || c == '[' || c == '{') ++depth;
    else if (c == ')' || c == ']' || c == '}') depth = depth > 0 ? depth - 1 : 0;
    return depth == 0 && (c == ';' || c == '}');
  }
};

/// Parses one chunk, SLL first with bail-out and full LL only when SLL fails,
/// and appends its declarations to `file`. The parse tree dies with the chunk.
void parseChunk(std::vector<std::unique_ptr<antlr4::Token>> tokens, const CodePointMap &positions,
                SyntaxErrorListener &listener, DiagnosticEngine &diags, ast::File &file) {
  antlr4::ListTokenSource source(std::move(tokens));
  antlr4::CommonTokenStream stream(&source);
  gen::CioParser parser(&stream);
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
    stream.seek(0);
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
  if (tree) AstBuilder(positions, stream, diags).build(tree, file);
}

}  // namespace

ast::File parseFile(std::string_view text, unsigned buffer, DiagnosticEngine &diags, const ParseLimits &limits) {
  ast::File file;
  file.buffer = buffer;

  size_t bad = findInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    diags.report(DiagId::invalid_utf8, {buffer, uint32_t(bad), uint32_t(bad + 1)});
    return file;
  }
  CodePointMap positions(text, buffer);
  PunctuationReader punctOf{text, positions};
  auto rangeOf = [&](antlr4::Token *t) { return positions.range(t); };

  antlr4::ANTLRInputStream input(text.data(), text.size());
  gen::CioLexer lexer(&input);
  lexer.removeErrorListeners();

  // Lex and parse as one stream, in chunks cut between top-level items, so
  // that only one chunk's tokens and parse tree are alive at a time: the
  // ANTLR tree costs ~100 bytes per input byte, and allocating it for a whole
  // large file dominated the run time. Each chunk is a sequence of `topItem`s,
  // so the grammar is unchanged. Lexical errors are reported here once, and
  // the parser sees a clean stream (an unterminated text becomes a text).
  SyntaxErrorListener listener(diags, rangeOf, limits.maxSyntaxErrors);
  std::vector<std::unique_ptr<antlr4::Token>> chunk;
  NestingMeter meter;
  TopLevelBoundary boundary;
  for (std::unique_ptr<antlr4::Token> tok = lexer.nextToken(); tok->getType() != antlr4::Token::EOF;
       tok = lexer.nextToken()) {
    size_t type = tok->getType();
    if (type == gen::CioLexer::ERROR_CHAR) {
      std::string shown = tok->getText();
      if (shown.size() == 1 && (static_cast<unsigned char>(shown[0]) < 0x20 || shown[0] == 0x7F)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned char>(shown[0]));
        shown = buf;  // control characters would garble the terminal
      }
      diags.report(DiagId::unexpected_character, rangeOf(tok.get()), {shown});
      continue;
    }
    if (type == gen::CioLexer::UNTERMINATED_COMMENT) {
      SourceRange r = rangeOf(tok.get());
      diags.report(DiagId::unterminated_comment, {buffer, r.begin, r.begin + 2});
      continue;
    }
    if (type == gen::CioLexer::UNTERMINATED_STRING) {
      diags.report(DiagId::unterminated_string, rangeOf(tok.get()));
      if (auto *common = dynamic_cast<antlr4::CommonToken *>(tok.get())) common->setType(gen::CioLexer::STRING);
    }
    bool cut = false;
    if (tok->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
      char punct = punctOf(*tok);
      meter.feed(type, punct);
      if (meter.depth() > limits.maxNesting) {
        // Parsing would recurse past any safe stack depth: stop here.
        diags.report(DiagId::nesting_too_deep, rangeOf(tok.get()), {std::to_string(limits.maxNesting)});
        return file;
      }
      cut = boundary.after(punct);
    }
    chunk.push_back(std::move(tok));
    if (cut && chunk.size() >= limits.chunkTokens) {
      parseChunk(std::move(chunk), positions, listener, diags, file);
      chunk.clear();
    }
  }
  // ListTokenSource refuses an empty list (a file of only comments or errors).
  if (!chunk.empty()) parseChunk(std::move(chunk), positions, listener, diags, file);
  return file;
}

}  // namespace cio
