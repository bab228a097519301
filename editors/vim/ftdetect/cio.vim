" .cio files: the CIO-stelsel as code (cioc).
autocmd BufRead,BufNewFile *.cio setfiletype cio
