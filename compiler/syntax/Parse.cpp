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
  void feed(size_t type, const std::string &text) {
    using L = gen::CioLexer;
    if (text == "(" || text == "[" || text == "{") ++brackets;
    else if (text == ")" || text == "]" || text == "}") brackets = brackets ? brackets - 1 : 0;
    if (text == ";" || text == "{" || text == "}") chain = 0;
    else if (type == L::NIET || type == L::HEEFT || type == L::ALS || type == L::ELK || type == L::GEEN ||
             type == L::ER || text == "." || text == "+" || text == "-")
      ++chain;
  }
};

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
  auto rangeOf = [&](antlr4::Token *t) { return positions.range(t); };

  antlr4::ANTLRInputStream input(text.data(), text.size());
  gen::CioLexer lexer(&input);
  lexer.removeErrorListeners();

  // Lex everything first: lexical errors are reported here once, and the
  // parser sees a clean stream (an unterminated text becomes a text).
  std::vector<std::unique_ptr<antlr4::Token>> tokens;
  NestingMeter meter;
  bool tooDeep = false;
  for (auto &tok : lexer.getAllTokens()) {
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
    if (tok->getChannel() == antlr4::Token::DEFAULT_CHANNEL && !tooDeep) {
      meter.feed(tok->getType(), tok->getText());
      if (meter.depth() > limits.maxNesting) {
        diags.report(DiagId::nesting_too_deep, rangeOf(tok.get()), {std::to_string(limits.maxNesting)});
        tooDeep = true;
      }
    }
    tokens.push_back(std::move(tok));
  }
  if (tooDeep) return file;  // parsing would recurse past any safe stack depth
  if (tokens.empty()) return file;  // only comments or errors; ListTokenSource refuses an empty list

  antlr4::ListTokenSource source(std::move(tokens));
  antlr4::CommonTokenStream stream(&source);
  gen::CioParser parser(&stream);
  parser.removeErrorListeners();

  // SLL with bail-out first: it is much faster and right for almost every input.
  gen::CioParser::FileContext *tree = nullptr;
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    tree = parser.file();
  } catch (const antlr4::ParseCancellationException &) {
    tree = nullptr;
  }
  SyntaxErrorListener listener(diags, rangeOf, limits.maxSyntaxErrors);
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
  if (tree) {
    AstBuilder builder(positions, stream, diags);
    builder.build(tree, file);
  }
  return file;
}

}  // namespace cio
