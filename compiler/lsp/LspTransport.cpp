// The base protocol of LSP over stdin and stdout: header blocks with a
// Content-Length, then a JSON body. A client that breaks the framing gets an
// error response, and the session ends; nothing it sends is buffered without
// bound.
#include <iostream>
#include <string>

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include "lsp/LanguageServer.h"

namespace cio {

using llvm::json::Object;
using llvm::json::Value;

namespace {

/// Reads one header block of the base protocol. Each line is read up to a
/// bound (a client that sends a 600 MiB header line is not buffered), and the
/// block must name a Content-Length of digits only. Returns false at the end
/// of input; `error` is set when the block is malformed.
bool readHeader(std::istream &in, size_t &length, std::string &error) {
  constexpr size_t kLongestHeaderLine = 8192;
  bool any = false, haveLength = false;
  for (;;) {
    std::string line;
    bool tooLong = false;
    int c;
    while ((c = in.get()) != EOF && c != '\n') {
      any = true;
      if (line.size() < kLongestHeaderLine)
        line += static_cast<char>(c);
      else
        tooLong = true;
    }
    if (c == EOF) return false;
    any = true;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (tooLong) error = "header line too long";
    if (line.empty()) break;
    if (line.rfind("Content-Length:", 0) == 0) {
      std::string digits = line.substr(15);
      digits.erase(0, digits.find_first_not_of(" \t"));
      digits.erase(digits.find_last_not_of(" \t") + 1);
      bool valid =
          !digits.empty() && digits.size() <= 12 && digits.find_first_not_of("0123456789") == std::string::npos;
      if (valid) {
        length = std::stoull(digits);
        haveLength = true;
      } else {
        error = "invalid Content-Length: " + digits.substr(0, 40);
      }
    }
  }
  if (!any) return false;
  if (error.empty() && !haveLength) error = "missing Content-Length";
  return true;
}

void send(const Value &reply) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << reply;
  os.flush();
  std::cout << "Content-Length: " << out.size() << "\r\n\r\n" << out;
}

}  // namespace

int runLsp(const std::string &stdlibDir) {
  LanguageServer server(stdlibDir);
  std::ios::sync_with_stdio(false);
  constexpr size_t kLargestMessage = 256u << 20;  // no message of an editor is that large
  while (!server.exited()) {
    size_t length = 0;
    std::string error;
    if (!readHeader(std::cin, length, error)) return server.exitCode();
    if (error.empty() && length > kLargestMessage) error = "message larger than 256 MiB";
    if (!error.empty()) {
      // The stream cannot be followed past a header it does not understand:
      // say why, then end the session.
      send(Object{{"jsonrpc", "2.0"}, {"id", nullptr}, {"error", Object{{"code", -32700}, {"message", error}}}});
      std::cout.flush();
      return 1;
    }
    std::string body(length, '\0');
    std::cin.read(body.data(), static_cast<std::streamsize>(length));
    if (static_cast<size_t>(std::cin.gcount()) != length) return server.exitCode();  // the client went away
    llvm::Expected<Value> message = llvm::json::parse(body);
    std::vector<Value> replies;
    if (!message) {
      llvm::consumeError(message.takeError());
      replies.push_back(
          Object{{"jsonrpc", "2.0"}, {"id", nullptr}, {"error", Object{{"code", -32700}, {"message", "parse error"}}}});
    } else {
      replies = server.handle(*message);
    }
    for (Value &reply : replies) send(reply);
    std::cout.flush();
    server.releaseRetired();  // after the reply: the editor need not wait for it
  }
  return server.exitCode();
}

}  // namespace cio
