-- Neovim headless as a real LSP client of `cioc lsp` (Neovim 0.7 API): attach
-- to a .cio buffer, wait for the diagnostics, ask for a hover and a completion,
-- and write what came back to $RESULT for tests/cli/nvim_lsp_test.sh to check.
local file, result = os.getenv('CIO_FILE'), os.getenv('RESULT')
local lines = {}
vim.cmd('edit ' .. file)
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'cioc',
  cmd = { os.getenv('CIOC'), 'lsp', '--stdlib', os.getenv('CIOC_STDLIB') },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
vim.lsp.buf_attach_client(buf, client)
vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(lines, 'diag ' .. d.lnum .. ' ' .. d.message:gsub('\n', ' '))
end
local uri = vim.uri_from_bufnr(buf)
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
  { textDocument = { uri = uri }, position = { line = 3, character = 9 } }, 10000)
for _, r in pairs(hover or {}) do
  if r.result then table.insert(lines, 'hover ' .. r.result.contents.value:gsub('\n', ' ')) end
end
local completion = vim.lsp.buf_request_sync(buf, 'textDocument/completion',
  { textDocument = { uri = uri }, position = { line = 4, character = 4 } }, 10000)
for _, r in pairs(completion or {}) do
  for _, item in ipairs(r.result or {}) do table.insert(lines, 'completion ' .. item.label) end
end
vim.fn.writefile(lines, result)
vim.lsp.stop_client(client)
vim.cmd('qa!')
