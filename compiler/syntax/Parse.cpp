#include "syntax/Parse.h"

#include "CioLexer.h"
#include "CioParser.h"
#include "antlr4-runtime.h"
#include "syntax/AstBuilder.h"
#include "syntax/CodePointMap.h"
#include "syntax/SyntaxErrorListener.h"

namespace cio {

namespace {

/// How deeply the AST will nest at each token, so that input nested past the
/// limit is refused before anything recurses over it. Brackets nest; prefix
/// operators (`niet`, `heeft`, `als`, quantifiers) nest until the statement
/// ends; the steps of one path `a.b.c` nest. Operand lists (`en`, `of`, `+`,
/// list items) are flat in the AST and do not count.
struct NestingMeter {
  unsigned brackets = 0, prefixes = 0, pathSteps = 0;
  unsigned depth() const { return brackets + prefixes + pathSteps; }
  /// True when the token ends a top-level item: a `;` or `}` outside all brackets.
  bool feed(size_t type, char punct) {
    using L = gen::CioLexer;
    if (punct == '(' || punct == '[' || punct == '{')
      ++brackets;
    else if (punct == ')' || punct == ']' || punct == '}')
      brackets = brackets ? brackets - 1 : 0;
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
/// token (a one-letter name is not punctuation). Read from the source bytes:
/// much cheaper than Token::getText(), which decodes and allocates.
struct PunctuationReader {
  std::string_view text;
  const CodePointMap &positions;
  char operator()(const antlr4::Token &tok) const {
    if (tok.getStartIndex() != tok.getStopIndex()) return 0;
    uint32_t at = positions.byteOffset(tok.getStartIndex());
    char c = at < text.size() ? text[at] : 0;
    return c != 0 && std::string_view("()[]{};,.+-=<>:@?*!").find(c) != std::string_view::npos ? c : 0;
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
      cut = meter.feed(type, punctOf(*tok));
      if (meter.depth() > limits.maxNesting) {
        // Parsing would recurse past any safe stack depth: stop here.
        diags.report(DiagId::nesting_too_deep, rangeOf(tok.get()), {std::to_string(limits.maxNesting)});
        return file;
      }
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
