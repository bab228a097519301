# Generates the ANTLR parser from grammar/Cio.g4 into the build tree at build
# time. The generated sources are never committed. The 4.7.2 tool emits u8""
# literals that C++20 rejects, so the generated code is built with -fno-char8_t.
find_program(ANTLR4_TOOL antlr4 REQUIRED)

set(CIOC_GRAMMAR ${CMAKE_SOURCE_DIR}/grammar/Cio.g4)
set(CIOC_GEN_DIR ${CMAKE_BINARY_DIR}/generated/cio)
set(CIOC_GEN_SOURCES
  ${CIOC_GEN_DIR}/CioLexer.cpp ${CIOC_GEN_DIR}/CioParser.cpp
  ${CIOC_GEN_DIR}/CioVisitor.cpp ${CIOC_GEN_DIR}/CioBaseVisitor.cpp)

add_custom_command(
  OUTPUT ${CIOC_GEN_SOURCES}
  COMMAND ${ANTLR4_TOOL} -Dlanguage=Cpp -no-listener -visitor -package cio::gen
          -Xexact-output-dir -o ${CIOC_GEN_DIR} ${CIOC_GRAMMAR}
  DEPENDS ${CIOC_GRAMMAR}
  COMMENT "Generating the .cio parser with ANTLR")

add_library(cioc_generated STATIC ${CIOC_GEN_SOURCES})
target_include_directories(cioc_generated SYSTEM PUBLIC ${CIOC_GEN_DIR})
target_link_libraries(cioc_generated PUBLIC cioc_antlr)
target_compile_options(cioc_generated PRIVATE -fno-char8_t -w)

# The tables of the hand-written lexer (compiler/syntax/Lexer.cpp), read from
# the generated lexer so that the grammar stays the source of truth.
add_executable(cioc_lexer_tables_gen ${CMAKE_SOURCE_DIR}/compiler/syntax/tablegen/LexerTablesGen.cpp)
target_link_libraries(cioc_lexer_tables_gen PRIVATE cioc_generated)
set(CIOC_LEXER_TABLES ${CIOC_GEN_DIR}/LexerTables.inc)
add_custom_command(
  OUTPUT ${CIOC_LEXER_TABLES}
  # Leak checking off: the ANTLR runtime's static tables are never freed (sanitizer builds).
  COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0 $<TARGET_FILE:cioc_lexer_tables_gen> ${CIOC_LEXER_TABLES}
  DEPENDS cioc_lexer_tables_gen
  COMMENT "Reading the lexer tables from the grammar")
add_custom_target(cioc_lexer_tables DEPENDS ${CIOC_LEXER_TABLES})
