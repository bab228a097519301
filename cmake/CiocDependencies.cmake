# Finds the system libraries cioc builds on (Debian packages; see scripts/setup.sh).
# LLVM's CMake package drags in optional dependencies (CURL…); link the two
# static Support archives directly instead.
set(LLVM_ROOT_DIR /usr/lib/llvm-16)
find_path(LLVM_INCLUDE_DIR llvm/Support/SourceMgr.h HINTS ${LLVM_ROOT_DIR}/include REQUIRED)
find_library(LLVM_SUPPORT_LIB libLLVMSupport.a HINTS ${LLVM_ROOT_DIR}/lib REQUIRED)
find_library(LLVM_DEMANGLE_LIB libLLVMDemangle.a HINTS ${LLVM_ROOT_DIR}/lib REQUIRED)
find_package(fmt REQUIRED)
find_package(Threads REQUIRED)

find_path(ANTLR4_INCLUDE_DIR antlr4-runtime.h PATH_SUFFIXES antlr4-runtime REQUIRED)
find_library(ANTLR4_RUNTIME_LIB NAMES libantlr4-runtime.a antlr4-runtime REQUIRED)
find_library(TINFO_LIB tinfo REQUIRED)
# toml++ (libtomlplusplus-dev) reads cioc.toml; used header-only, so nothing to link.
find_path(TOMLPLUSPLUS_INCLUDE_DIR toml++/toml.h REQUIRED)

add_library(cioc_llvm INTERFACE)
target_include_directories(cioc_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIR})
target_compile_definitions(cioc_llvm INTERFACE _GNU_SOURCE __STDC_CONSTANT_MACROS __STDC_FORMAT_MACROS __STDC_LIMIT_MACROS)
target_link_libraries(cioc_llvm INTERFACE ${LLVM_SUPPORT_LIB} ${LLVM_DEMANGLE_LIB} ${TINFO_LIB} Threads::Threads z zstd)

add_library(cioc_antlr INTERFACE)
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  # The ANTLR 4.9 umbrella header pulls in misc/InterpreterDataReader.h, which
  # clang rejects (a defaulted constructor of a class with const members); cioc
  # never uses it. Clang builds (the fuzzers) get a copy of the umbrella without it.
  file(READ ${ANTLR4_INCLUDE_DIR}/antlr4-runtime.h umbrella)
  string(REPLACE "#include \"misc/InterpreterDataReader.h\"" "" umbrella "${umbrella}")
  file(WRITE ${CMAKE_BINARY_DIR}/antlr-clang/antlr4-runtime.h "${umbrella}")
  target_include_directories(cioc_antlr SYSTEM BEFORE INTERFACE ${CMAKE_BINARY_DIR}/antlr-clang)
endif()
target_include_directories(cioc_antlr SYSTEM INTERFACE ${ANTLR4_INCLUDE_DIR})
target_link_libraries(cioc_antlr INTERFACE ${ANTLR4_RUNTIME_LIB})

# Graphviz (libgvc) renders org charts to SVG and PNG in-process.
find_package(PkgConfig REQUIRED)
pkg_check_modules(GVC REQUIRED IMPORTED_TARGET libgvc)
add_library(cioc_graphviz INTERFACE)
target_link_libraries(cioc_graphviz INTERFACE PkgConfig::GVC)

# mimalloc replaces malloc in the cioc executable: building the AST and the
# model is allocation-bound, and glibc's allocator, fragmented by the parse
# trees freed after each chunk, made a large check ~25% slower (docs/performance.md).
# Off in the sanitizer and fuzzing builds, whose runtimes bring their own allocator.
option(CIOC_MIMALLOC "Link the cioc executable with mimalloc" ON)
if(CIOC_MIMALLOC)
  find_library(MIMALLOC_LIB NAMES mimalloc REQUIRED)
endif()
