# Installing cioc: the binary, the standard library under share/cioc/stdlib
# (found relative to the binary, see driver/main.cpp), the man pages and the
# bash and zsh completions. The last three are generated at build time by the
# built binary from its own option tables (driver/CommandLine.h), so they
# cannot drift from `--help`. `cpack` turns the install tree into a .deb.
include(GNUInstallDirs)

set(CIOC_GENERATED_DOCS ${CMAKE_BINARY_DIR}/generated)
set(CIOC_MAN_NL ${CIOC_GENERATED_DOCS}/nl/cioc.1)
set(CIOC_MAN_EN ${CIOC_GENERATED_DOCS}/en/cioc.1)
set(CIOC_BASH_COMPLETION ${CIOC_GENERATED_DOCS}/cioc.bash)
set(CIOC_ZSH_COMPLETION ${CIOC_GENERATED_DOCS}/_cioc)
add_custom_command(
  OUTPUT ${CIOC_MAN_NL} ${CIOC_MAN_EN} ${CIOC_BASH_COMPLETION} ${CIOC_ZSH_COMPLETION}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CIOC_GENERATED_DOCS}/nl ${CIOC_GENERATED_DOCS}/en
  COMMAND $<TARGET_FILE:cioc> __man > ${CIOC_MAN_NL}
  COMMAND $<TARGET_FILE:cioc> __man_en > ${CIOC_MAN_EN}
  COMMAND $<TARGET_FILE:cioc> __bash > ${CIOC_BASH_COMPLETION}
  COMMAND $<TARGET_FILE:cioc> __zsh > ${CIOC_ZSH_COMPLETION}
  DEPENDS cioc
  COMMENT "Generating the man pages and shell completions from cioc's option tables")
add_custom_target(cioc_generated_docs ALL
                  DEPENDS ${CIOC_MAN_NL} ${CIOC_MAN_EN} ${CIOC_BASH_COMPLETION} ${CIOC_ZSH_COMPLETION})

install(TARGETS cioc RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/stdlib/ DESTINATION ${CMAKE_INSTALL_DATADIR}/cioc/stdlib)
install(FILES ${CIOC_MAN_EN} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CIOC_MAN_NL} DESTINATION ${CMAKE_INSTALL_MANDIR}/nl/man1)
install(FILES ${CIOC_BASH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME cioc)
install(FILES ${CIOC_ZSH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cioc)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "policy-as-code compiler for the CIO system of the Dutch central government")
set(CPACK_PACKAGE_DESCRIPTION
    "cioc checks .cio files, in which a ministry declares its CIO system, against the Besluit CIO-stelsel\n Rijksdienst, citing the article for every finding, and draws org charts and compliance reports.")
set(CPACK_PACKAGE_CONTACT "cioc <cioc@rijksoverheid.invalid>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY cioc)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The shared libraries' packages (libgvc6, libantlr4-runtime, libfmt…), read off the binary.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_BINARY_DIR}/package)
include(CPack)
