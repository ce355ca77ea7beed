# Install layout and the Debian package (issue 18): `cpack -G DEB` in a build tree, or
# `cmake --build BUILD --target package`, makes faultline_VERSION_ARCH.deb with the binary, man
# page, rules, shell completions, systemd units (not enabled) and the bundled example incident.
# Included from CMakeLists.txt after the faultline target and GNUInstallDirs.

# The installed binary finds its rules as <bindir>/<this>, wherever the tree is installed.
file(RELATIVE_PATH FAULTLINE_RULES_FROM_BINDIR ${CMAKE_INSTALL_FULL_BINDIR}
     ${CMAKE_INSTALL_FULL_DATADIR}/faultline/rules)
set_source_files_properties(${PROJECT_SOURCE_DIR}/src/base/install_dirs.cc PROPERTIES
  COMPILE_DEFINITIONS
  "FAULTLINE_RULES_FROM_BINDIR=\"${FAULTLINE_RULES_FROM_BINDIR}\";FAULTLINE_INSTALL_RULES_DIR=\"${CMAKE_INSTALL_FULL_DATADIR}/faultline/rules\";FAULTLINE_BUILD_DIR=\"${CMAKE_BINARY_DIR}\"")

# `faultline --version` names the commit the tree was configured at.
find_package(Git QUIET)
set(FAULTLINE_GIT_COMMIT unknown)
if(GIT_FOUND)
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short HEAD
                  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} OUTPUT_VARIABLE commit
                  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE status)
  if(status EQUAL 0 AND NOT commit STREQUAL "")
    set(FAULTLINE_GIT_COMMIT ${commit})
  endif()
endif()
target_compile_definitions(faultline PRIVATE FAULTLINE_GIT_COMMIT="${FAULTLINE_GIT_COMMIT}")

# Completion scripts, written by the built binary from its own command line.
set(COMPLETIONS_DIR ${CMAKE_BINARY_DIR}/completions)
add_custom_command(
  OUTPUT ${COMPLETIONS_DIR}/faultline ${COMPLETIONS_DIR}/_faultline ${COMPLETIONS_DIR}/faultline.fish
  COMMAND ${CMAKE_COMMAND} -DFAULTLINE=$<TARGET_FILE:faultline> -DDIR=${COMPLETIONS_DIR}
          -P ${PROJECT_SOURCE_DIR}/cmake/write_completions.cmake
  DEPENDS faultline ${PROJECT_SOURCE_DIR}/cmake/write_completions.cmake
  COMMENT "Generating shell completions (faultline completion bash|zsh|fish)"
  VERBATIM)
add_custom_target(completions ALL DEPENDS ${COMPLETIONS_DIR}/faultline)

# The man page compressed, as Debian policy and man-db expect (-n: no time stamp, reproducible).
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/faultline.1.gz
  COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/man/faultline.1 > ${CMAKE_BINARY_DIR}/faultline.1.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/man/faultline.1
  COMMENT "Compressing man/faultline.1")
add_custom_target(manpage ALL DEPENDS ${CMAKE_BINARY_DIR}/faultline.1.gz)
install(FILES ${CMAKE_BINARY_DIR}/faultline.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

install(FILES ${COMPLETIONS_DIR}/faultline
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${COMPLETIONS_DIR}/_faultline DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${COMPLETIONS_DIR}/faultline.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
# Units under <prefix>/lib/systemd/system (systemd reads /usr/lib and /usr/local/lib), ExecStart
# rewritten to the installed binary; installing does not enable them.
foreach(unit faultline-scan.service faultline-scan.timer faultline-ship.service faultline-ship.timer)
  install(CODE "set(UNIT \"${PROJECT_SOURCE_DIR}/contrib/${unit}\")
                set(BINDIR \"${CMAKE_INSTALL_BINDIR}\")
                include(\"${PROJECT_SOURCE_DIR}/cmake/install_unit.cmake\")")
endforeach()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/testdata/incidents/zkfc-connectionloss
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(FILES ${PROJECT_SOURCE_DIR}/contrib/debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME faultline)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "line up ZooKeeper, HDFS-HA and kazoo logs on one clock and find what broke first")
set(CPACK_PACKAGE_DESCRIPTION
    "faultline reads ZooKeeper, HDFS-HA failover controller (ZKFC), NameNode, JournalNode and\nkazoo logs, merges them on one UTC timeline and explains incidents with declarative rules:\nroot cause, causal chain, evidence and remedy. Includes a cron/systemd scan mode.")
set(CPACK_PACKAGE_CONTACT "faultline maintainers <faultline@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # the RelWithDebInfo binary is ~60 MB with its debug information
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # faultline_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends from the binary's libraries (dpkg-shlibdeps)
# The zone database is read at run time; libcurl is opened at run time by `ship` and `analyze
# --engine` (src/warehouse/curl_library.h), so dpkg-shlibdeps does not see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata, libcurl4")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, man-db")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
include(CPack)

# Builds the .deb and checks its contents; as root also installs, uses and purges it on this
# machine (testdata/package/deb.sh). RUN_SERIAL: cpack first brings the build tree up to date
# (its preinstall step builds `all`), which must not relink the binary under other tests; a
# lock file in the script keeps runs from different build trees off dpkg at the same time.
add_test(NAME package.deb COMMAND bash ${PROJECT_SOURCE_DIR}/testdata/package/deb.sh)
set_tests_properties(package.deb PROPERTIES
  ENVIRONMENT "BUILD_DIR=${CMAKE_BINARY_DIR};SOURCE_DIR=${PROJECT_SOURCE_DIR}"
  TIMEOUT 600 LABELS package SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
