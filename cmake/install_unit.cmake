# Installed at `cmake --install` / cpack time: the systemd unit from contrib/ with ExecStart
# pointing at the binary where this install puts it (/usr/bin from the .deb).
set(dest "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/lib/systemd/system")
file(READ "${UNIT}" text)
string(REPLACE "/usr/local/bin/faultline" "${CMAKE_INSTALL_PREFIX}/${BINDIR}/faultline" text "${text}")
get_filename_component(name "${UNIT}" NAME)
file(MAKE_DIRECTORY "${dest}")
file(WRITE "${dest}/${name}" "${text}")
message(STATUS "Installing: ${dest}/${name}")
