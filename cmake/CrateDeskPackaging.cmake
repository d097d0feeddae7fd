# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package: what `cmake --install` puts under /usr, the files Debian wants beside
# every package (copyright, changelog), and CPack's DEB generator around them. Built with
# `cpack --preset package` (packaging/buildroot.sh package); runtime dependencies come from
# dpkg-shlibdeps on the stripped executable, plus the Qt plugins it loads by name.
include(GNUInstallDirs)

set(CRATEDESK_PACKAGE_MAINTAINER "The CrateDesk developers <developers@cratedesk.org>"
    CACHE STRING "Maintainer field of the Debian package and its changelog")

set(doc_dir ${CMAKE_INSTALL_DATADIR}/doc/cratedesk)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright DESTINATION ${doc_dir})

# A native package's changelog: one entry for this version, dated like the release, so that
# two builds of one version are the same bytes.
execute_process(COMMAND date -u -R -d "${CRATEDESK_RELEASE_DATE} 00:00:00"
    OUTPUT_VARIABLE CRATEDESK_RELEASE_DATE_RFC2822 OUTPUT_STRIP_TRAILING_WHITESPACE
    COMMAND_ERROR_IS_FATAL ANY)
configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/changelog.in ${CMAKE_BINARY_DIR}/packaging/changelog @ONLY)
execute_process(COMMAND gzip -9nc ${CMAKE_BINARY_DIR}/packaging/changelog
    OUTPUT_FILE ${CMAKE_BINARY_DIR}/packaging/changelog.gz COMMAND_ERROR_IS_FATAL ANY)
install(FILES ${CMAKE_BINARY_DIR}/packaging/changelog.gz DESTINATION ${doc_dir})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cratedesk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The CrateDesk developers")
set(CPACK_PACKAGE_CONTACT "${CRATEDESK_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION [=[
CrateDesk is a desktop app for Cargo (Rust) package feeds: private
registries such as ProGet, Artifactory, Gitea and kellnr, and crates.io
itself. It browses any sparse feed, publishes .crate files by drag and
drop with the exact metadata cargo publish sends, yanks and manages
owners, and keeps tokens in the system keychain.
.
The same executable runs headless as a command line, and serves an
embedded local feed on 127.0.0.1 that cargo can publish to and build
from.]=])
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CRATEDESK_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://cratedesk.org/)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded as plugins, so dpkg-shlibdeps cannot see them: the X11/Wayland platform and the
# SQLite driver of the index cache and the local feed.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite")
# QtKeychain talks to a Secret Service; without one, secrets cannot be kept.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cargo")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
