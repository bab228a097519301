" Editing .cio files: four spaces and `//` comments; formatting comes from `cioc lsp` (or `cioc fmt`).
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1
setlocal expandtab shiftwidth=4 softtabstop=4 tabstop=4
setlocal commentstring=//\ %s
setlocal comments=:///,://
setlocal textwidth=100
