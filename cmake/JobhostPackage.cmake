# The Debian package (CPack DEB): scripts/package → jobhost_<version>_amd64.deb.
# Service files go below the install prefix too (lib/systemd/system,
# share/jobhost/jobhost.env.example, share/doc/jobhost), so `cmake --install`
# and the package share one layout; /etc/jobhost, /var/lib/jobhost and the
# jobhost user are made by the maintainer scripts (packaging/debian).

# jobhost.service names the installed binary: written at install time, when
# CMAKE_INSTALL_PREFIX is the final one (/usr for the package).
install(CODE "
  set(JOBHOST_EXECUTABLE \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/jobhost\")
  configure_file(\"${PROJECT_SOURCE_DIR}/packaging/systemd/jobhost.service.in\"
                 \"${PROJECT_BINARY_DIR}/packaging/jobhost.service\" @ONLY)
  file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/lib/systemd/system\"
       TYPE FILE PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
       FILES \"${PROJECT_BINARY_DIR}/packaging/jobhost.service\")")
install(FILES packaging/jobhost.env.example DESTINATION ${CMAKE_INSTALL_DATADIR}/jobhost)

# Debian wants copyright and a gzip -9n changelog in share/doc/<package>.
configure_file(packaging/debian/changelog.in ${PROJECT_BINARY_DIR}/packaging/changelog @ONLY)
execute_process(COMMAND gzip -9n -c ${PROJECT_BINARY_DIR}/packaging/changelog
                OUTPUT_FILE ${PROJECT_BINARY_DIR}/packaging/changelog.gz)
install(FILES packaging/debian/copyright ${PROJECT_BINARY_DIR}/packaging/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME jobhost)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The jobhost authors")
set(CPACK_PACKAGE_CONTACT "jobhost maintainers <jobhost-maintainers@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "integration job host with connector plugins")
# CPack uses the summary as the synopsis and indents these lines itself (an
# empty line becomes the " ." paragraph break).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "jobhost runs import and export jobs of connector plugins (such as the
bundled PostUp email platform connector), builds profiles and audiences
from the imported data and serves an admin console with a REST API.

This package holds the jobhost executable, its systemd service, the PostUp
plugin and manifests, the console web UI, and the plugin SDK (C++ headers
and the jobhostSdk CMake package) for building connectors out of tree.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Runtime libraries: dpkg-shlibdeps over the binaries and plugins as linked,
# plus what the maintainer scripts call.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# deb-systemd-helper/-invoke: init-system-helpers is essential, but the
# version with them must be named (as debhelper does).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, init-system-helpers (>= 1.54~)")
# Building a connector against the installed SDK needs these too.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cmake, g++, libboost-dev")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
  ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
  ${PROJECT_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/package)
include(CPack)
