-- Neovim: start `cioc lsp` for .cio files (Neovim 0.8 or later; no plugin needed).
-- Put editors/vim on the runtimepath for the filetype and syntax, then source this file.
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'cio',
  callback = function(args)
    local root = vim.fs.dirname(vim.fs.find({ '.git' }, { upward = true, path = args.file })[1] or args.file)
    vim.lsp.start({
      name = 'cioc',
      cmd = { 'cioc', 'lsp' },
      root_dir = root,
    })
  end,
})
