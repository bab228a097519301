" Syntax of .cio files (grammar/Cio.g4 is the source of truth).
if exists('b:current_syntax')
  finish
endif

syntax keyword cioDeclaration gebruik bibliotheek soort keuze constante norm veld bevat is
syntax keyword cioClause artikel ernst melding hulp waarbij eis
syntax keyword cioOperator voor elk in er een met geen en of niet als dan heeft binnen
syntax keyword cioConstant ja nee peildatum
syntax keyword cioSeverity fout waarschuwing advies
syntax match cioArticle /\<art\d\+\(\.[0-9a-z]\+\)*\>/
syntax match cioDate /\<\d\{4}-\d\{2}-\d\{2}\>/
syntax match cioNumber /\<\d[0-9_]*\(\.\d[0-9_]*\)\?\>/
syntax match cioUnit /\<\(EUR\|mln\|mld\|jaar\|jaren\|maand\|maanden\|week\|weken\|dag\|dagen\)\>/
syntax match cioAnnotation /@\h\w*/
syntax region cioString start=/"/ skip=/\\./ end=/"/ oneline contains=cioEscape,cioHole
syntax match cioEscape /\\\(["\\nt]\|u{\x\{1,6}}\)/ contained
syntax match cioHole /{\h\w*}/ contained
" Later matches win at the same position: the doc comment comes after the line comment.
syntax match cioComment "//.*$" contains=@Spell
syntax match cioDocComment "///.*$" contains=@Spell
syntax region cioComment start="/\*" end="\*/" contains=@Spell

highlight default link cioDeclaration Keyword
highlight default link cioClause Statement
highlight default link cioOperator Operator
highlight default link cioConstant Constant
highlight default link cioSeverity Type
highlight default link cioArticle Special
highlight default link cioDate Number
highlight default link cioNumber Number
highlight default link cioUnit Type
highlight default link cioAnnotation PreProc
highlight default link cioString String
highlight default link cioEscape SpecialChar
highlight default link cioHole Identifier
highlight default link cioDocComment SpecialComment
highlight default link cioComment Comment

let b:current_syntax = 'cio'
