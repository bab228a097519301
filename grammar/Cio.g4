// The grammar of the .cio language: the single source of truth for its syntax.
// The generated parser is only ever used by compiler/syntax, which turns the
// parse tree into the compiler's own AST. Words that only mean something inside
// a norm or a schema body are contextual (see `name`), so they stay usable as
// field names; only the words of the expression language and of the top-level
// declarations are reserved.
grammar Cio;

file : topItem* EOF ;

topItem
    : useDecl
    | libraryDecl
    | kindDecl
    | enumDecl
    | constantDecl
    | articleDecl
    | normDecl
    | entity
    ;

useDecl      : GEBRUIK qualifiedName ';' ;
libraryDecl  : BIBLIOTHEEK name '{' fieldAssign* '}' ;
constantDecl : CONSTANTE name '=' expr ';' ;
articleDecl  : ARTIKEL ARTREF STRING ';' ;

// ---- schema ---------------------------------------------------------------
kindDecl   : SOORT name (IS name)? annotation* '{' kindMember* '}' ;
kindMember : fieldDecl | containsDecl ;
fieldDecl  : VELD name ':' typeRef annotation* ';' ;
containsDecl : BEVAT name cardinality? ';' ;
cardinality : '[' (NUMBER | '*') ('..' (NUMBER | '*'))? ']' ;
typeRef    : ( '[' typeRef ']' | name ) optional='?'? ;
annotation : '@' name ('(' annotationArg (',' annotationArg)* ')')? ;
annotationArg : name ('=' name)? ;
enumDecl   : KEUZE name '{' (name (',' name)* ','?)? '}' ;

// ---- norms ----------------------------------------------------------------
normDecl   : NORM name '{' normClause* '}' ;
normClause
    : ARTIKEL ARTREF ';'                       # normArticle
    | ERNST name ';'                           # normSeverity
    | VOOR ELK name IN expr ';'                # normBinding
    | WAARBIJ expr ';'                         # normFilter
    | EIS expr ';'                             # normRequirement
    | MELDING STRING ';'                       # normMessage
    | HULP STRING ';'                          # normHelp
    ;

// ---- entities -------------------------------------------------------------
// `dienstonderdeel FIN.BD "…" { … }` at the top of a file declares BD inside FIN,
// which another file declares: one ministry over several files.
entity : kind=name (owners+=name '.')* entityName=name? STRING? ( ';' | '{' member* '}' ) ;
member : fieldAssign | entity ;
fieldAssign : name '=' value ';' ;

value
    : '[' (value (',' value)* ','?)? ']'      # listValue
    | literal                                  # literalValue
    | qualifiedName                            # referenceValue
    ;

literal
    : NUMBER '..' NUMBER                       # yearPeriod
    | DATE '..' DATE                           # datePeriod
    | NUMBER unit=name?                        # numberLiteral
    | DATE                                     # dateLiteral
    | STRING                                   # textLiteral
    | (JA | NEE)                               # boolLiteral
    | ARTREF                                   # articleLiteral
    ;

qualifiedName : name ('.' name)* ;

// ---- expressions (precedence from loose to tight) ------------------------
expr
    : ALS expr DAN expr                        # implication
    | orExpr                                   # plainExpr
    ;
orExpr  : andExpr (OF andExpr)* ;
andExpr : notExpr (EN notExpr)* ;
notExpr : NIET notExpr | compareExpr ;
// `x binnen y`: entity x is y or lies inside it; article x is y or one of its leden/onderdelen.
compareExpr : addExpr ( (op=('=' | '!=' | '<' | '<=' | '>' | '>=') | op=IN | op=BINNEN) addExpr )? ;
addExpr : pathExpr ( op+=('+' | '-') pathExpr )* ;
pathExpr : primary ('.' name)* ;
primary
    : literal                                  # literalExpr
    | name '(' (expr (',' expr)*)? ')'         # callExpr
    | name                                     # nameExpr
    | PEILDATUM                                # referenceDateExpr
    | '(' expr ')'                             # parenExpr
    | '[' (expr (',' expr)*)? ']'              # listExpr
    | HEEFT pathExpr                           # hasExpr
    | ELK name IN addExpr ':' expr             # forAllExpr
    | ER IS EEN name IN addExpr MET expr       # existsExpr
    | GEEN name IN addExpr MET expr            # noneExpr
    ;

// Contextual words are names everywhere a name may stand.
name
    : IDENT | ARTIKEL | ERNST | MELDING | HULP | WAARBIJ | EIS | VELD | BEVAT
    ;

// ---- lexer ----------------------------------------------------------------
GEBRUIK : 'gebruik' ;  BIBLIOTHEEK : 'bibliotheek' ; SOORT : 'soort' ; KEUZE : 'keuze' ;
CONSTANTE : 'constante' ; NORM : 'norm' ; IS : 'is' ;
ARTIKEL : 'artikel' ; ERNST : 'ernst' ; MELDING : 'melding' ; HULP : 'hulp' ;
WAARBIJ : 'waarbij' ; EIS : 'eis' ; VELD : 'veld' ; BEVAT : 'bevat' ;
VOOR : 'voor' ; ELK : 'elk' ; IN : 'in' ; ER : 'er' ; EEN : 'een' ; MET : 'met' ; GEEN : 'geen' ;
EN : 'en' ; OF : 'of' ; NIET : 'niet' ; ALS : 'als' ; DAN : 'dan' ; HEEFT : 'heeft' ;
PEILDATUM : 'peildatum' ; JA : 'ja' ; NEE : 'nee' ; BINNEN : 'binnen' ;

ARTREF : 'art' [0-9]+ ('.' [0-9a-z]+)* ;
// Besides the forms the language has (`2025-03-01`, `12_500_000`, `12.5`), DATE
// and NUMBER take the forms people write by habit (`1-3-2025`, `2025-3-1`,
// `12,5 mln`, `€ 12`, `12.000.000`): sema rejects them with the form to write
// instead, as one error, rather than the parser losing its way in them.
DATE   : [0-9] [0-9] [0-9] [0-9] '-' [0-9] [0-9]? '-' [0-9] [0-9]?
       | [0-9] [0-9]? '-' [0-9] [0-9]? '-' [0-9] [0-9] [0-9] [0-9] ;
NUMBER : [0-9] [0-9_]* ('.' [0-9] [0-9_]*)?
       | '\u20AC' [ \t]* [0-9] [0-9_]* ([.,] [0-9]+)*
       | [0-9] [0-9_]* ',' [0-9]+ [ \t]* ('mln' | 'mld' | 'EUR')
       | [0-9] [0-9_]* ('.' [0-9] [0-9_]*) ('.' [0-9] [0-9_]*)+ (',' [0-9]+)? ;
IDENT  : [\p{L}_] [\p{L}\p{N}_]* ;
STRING : '"' ( '\\' . | ~["\\\r\n] )* '"'
       // Curly quotes pasted from a word processor: read as text, reported once by the parser.
       | [\u201C\u201D\u201E] ( '\\' . | ~["\\\r\n\u201C\u201D] )* [\u201C\u201D"] ;
UNTERMINATED_STRING : '"' ( '\\' . | ~["\\\r\n] )* ;

DOC_COMMENT : '///' ~[\r\n]* -> channel(2) ;
LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
// `#` is no comment sign here; read as one, it is reported once (write `//`).
HASH_COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
// Only text without `*/`: else this longer match would swallow every later comment.
UNTERMINATED_COMMENT : '/*' ( ~[*] | '*'+ ~[*/] )* '*'* EOF ;
WS : [ \t\r\n\u000C\uFEFF]+ -> channel(HIDDEN) ;

ERROR_CHAR : . ;
