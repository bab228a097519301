// Starts `cioc lsp` for .cio files; everything else comes from the server.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('cioc');
  const args = ['lsp'];
  if (config.get('stdlib')) args.push('--stdlib', config.get('stdlib'));
  client = new LanguageClient(
    'cioc',
    'cioc',
    { command: config.get('path') || 'cioc', args },
    { documentSelector: [{ scheme: 'file', language: 'cio' }] }
  );
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
