# `cpack -G DEB` in the build directory (or `cmake --build build --target package`) makes
# tlr-wall_<version>-<release>_<arch>.deb from the install rules. The Qt 6 libraries come from
# Debian: dpkg-shlibdeps reads them off the binaries; the plugins it cannot see are named here.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tlr-wall)
set(CPACK_PACKAGE_VENDOR "Diskominfo Kota Tangerang")
set(CPACK_PACKAGE_CONTACT "Diskominfo Kota Tangerang <diskominfo@tangerangkota.go.id>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "video wall of the Tangerang Live Room control room")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"The desktop application behind the video wall of the Tangerang Live Room, the
control room of Kota Tangerang's Diskominfo. The feeds of the traffic, health,
water and environment agencies and of the 112 call centre come in over
WebSocket or HTTP; one picture goes out across the room's monitors: a map,
charts and key figures, feed health, alerts and incidents.
.
The package holds tlr-wall, tlr-feedsim (a simulator of the five agency feeds),
manual pages and systemd user units that run the wall in kiosk mode at login
and restart it when it fails or hangs.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY tlr-wall)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# The unit files and the conffile name absolute paths, so the build must be configured for
# the prefix the package installs to; cpack stops otherwise (PackageChecks.cmake).
configure_file(${CMAKE_CURRENT_LIST_DIR}/PackageChecks.cmake.in
               ${CMAKE_BINARY_DIR}/packaging/PackageChecks.cmake @ONLY)
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_BINARY_DIR}/packaging/PackageChecks.cmake)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://tangerangkota.go.id/")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded as plugins, so invisible to dpkg-shlibdeps: the SQLite driver under the store, and the
# QML modules the briefing view imports (qml/*.qml).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, qml6-module-qtquick, qml6-module-qtquick-layouts, qml6-module-qtqml-workerscript")
# Qt finds no font without one; an X or Wayland session brings its own.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core, qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg keeps an administrator's edits of the system configuration across upgrades.
file(WRITE ${CMAKE_BINARY_DIR}/packaging/debian-control/conffiles
     "${CMAKE_INSTALL_FULL_SYSCONFDIR}/xdg/tlr-wall/tlr-wall.conf\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_BINARY_DIR}/packaging/debian-control/conffiles)

include(CPack)
