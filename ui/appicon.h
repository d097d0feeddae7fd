// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

// CrateDesk's identity on the desktop, in one place: the application id that names the
// .desktop file, the AppStream component and the icon, and the icon itself.
namespace AppIcon {

// "org.cratedesk.CrateDesk": pass to QGuiApplication::setDesktopFileName().
QString applicationId();
// The application icon from the built-in resources (:/icons/…), every PNG size plus the
// SVG, so it looks right in title bars, task switchers and the about box without an
// installed icon theme. Prefers the theme's icon of the same name when one is installed.
QIcon icon();

} // namespace AppIcon
