#include "syntax/SyntaxErrorListener.h"

#include "CioParser.h"

namespace cio {

using P = gen::CioParser;

namespace {

bool dutch(const DiagnosticEngine &d) { return d.language() == Language::Dutch; }

/// A word for token classes that have no fixed spelling.
std::string tokenClassName(size_t type, bool nl) {
  switch (type) {
    case P::IDENT:
      return nl ? "een naam" : "a name";
    case P::STRING:
      return nl ? "een tekst" : "a text";
    case P::NUMBER:
      return nl ? "een getal" : "a number";
    case P::DATE:
      return nl ? "een datum" : "a date";
    case P::ARTREF:
      return nl ? "een artikelverwijzing" : "an article reference";
    case antlr4::Token::EOF:
      return nl ? "het einde van het bestand" : "end of file";
    default:
      return "";
  }
}

/// What the parser was reading, for when too many tokens would fit.
std::string ruleDescription(size_t rule, bool nl) {
  switch (rule) {
    case P::RuleFile:
    case P::RuleTopItem:
      return nl ? "een declaratie" : "a declaration";
    case P::RuleMember:
    case P::RuleEntity:
      return nl ? "een veld of entiteit" : "a field or entity";
    case P::RuleValue:
    case P::RuleLiteral:
      return nl ? "een waarde" : "a value";
    case P::RuleKindMember:
      return nl ? "`veld` of `bevat`" : "`veld` or `bevat`";
    case P::RuleNormClause:
      return nl ? "een normclausule" : "a norm clause";
    case P::RuleTypeRef:
      return nl ? "een type" : "a type";
    default:
      return nl ? "een expressie" : "an expression";
  }
}

/// Where the error sits, to say "after the field value" and the like.
std::string ruleSuffix(antlr4::ParserRuleContext *ctx, bool nl) {
  if (!ctx) return "";
  switch (ctx->getRuleIndex()) {
    case P::RuleFieldAssign:
      return nl ? " na de veldwaarde" : " after the field value";
    case P::RuleUseDecl:
      return nl ? " na `gebruik`" : " after `gebruik`";
    case P::RuleFieldDecl:
      return nl ? " na de velddeclaratie" : " after the field declaration";
    case P::RuleNormClause:
      return nl ? " na de normclausule" : " after the norm clause";
    default:
      return "";
  }
}

}  // namespace

std::string SyntaxErrorListener::describeToken(antlr4::Token *tok, const antlr4::dfa::Vocabulary &vocab) const {
  bool nl = dutch(diags_);
  if (!tok) return nl ? "niets" : "nothing";
  std::string cls = tokenClassName(tok->getType(), nl);
  if (tok->getType() == antlr4::Token::EOF) return cls;
  std::string text = tok->getText();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  for (char &c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return "`" + text + "`";
}

std::string SyntaxErrorListener::describeExpected(antlr4::Parser *parser) const {
  bool nl = dutch(diags_);
  antlr4::misc::IntervalSet expected;
  try {
    expected = parser->getExpectedTokens();
  } catch (...) {
    return ruleDescription(parser->getContext() ? parser->getContext()->getRuleIndex() : 0, nl);
  }
  std::vector<std::string> words;
  for (ssize_t t : expected.toList()) {
    std::string w = tokenClassName(static_cast<size_t>(t), nl);
    if (w.empty()) w = std::string(parser->getVocabulary().getLiteralName(t));
    if (w.size() >= 2 && w.front() == '\'') w = "`" + w.substr(1, w.size() - 2) + "`";
    if (!w.empty() && std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
  }
  if (words.empty() || words.size() > 3)
    return ruleDescription(parser->getContext() ? parser->getContext()->getRuleIndex() : 0, nl);
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += i + 1 == words.size() ? (nl ? " of " : " or ") : ", ";
    out += words[i];
  }
  return out + ruleSuffix(parser->getContext(), nl);
}

void SyntaxErrorListener::syntaxError(antlr4::Recognizer *recognizer, antlr4::Token *offendingSymbol, size_t, size_t,
                                      const std::string &, std::exception_ptr) {
  ++count_;
  if (count_ > maxErrors_) return;
  auto *parser = dynamic_cast<antlr4::Parser *>(recognizer);
  if (!parser) return;
  SourceRange r = rangeOf_(offendingSymbol);
  if (count_ == maxErrors_) {
    diags_.report(DiagId::too_many_errors, r);
    return;
  }
  diags_.report(DiagId::syntax_error, r,
                {describeExpected(parser), describeToken(offendingSymbol, parser->getVocabulary())});
}

}  // namespace cio
