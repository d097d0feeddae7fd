// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuscolours.h"

#include <QPalette>

bool StatusColours::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor StatusColours::text(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Negative:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
    case Tone::Neutral:
        return dark ? QColor(0xf6, 0xa6, 0x4a) : QColor(0xa8, 0x54, 0x00);
    case Tone::Positive:
        return dark ? QColor(0x8a, 0xe2, 0x8a) : QColor(0x1b, 0x7a, 0x2e);
    case Tone::Information:
        break;
    }
    return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x1d, 0x6f, 0xb8);
}

QColor StatusColours::tint(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Negative:
        return dark ? QColor(0x40, 0x1f, 0x1f) : QColor(0xfb, 0xe9, 0xe9);
    case Tone::Neutral:
        return dark ? QColor(0x3d, 0x2e, 0x14) : QColor(0xfd, 0xf1, 0xe1);
    case Tone::Positive:
        return dark ? QColor(0x1e, 0x3a, 0x24) : QColor(0xe6, 0xf6, 0xe9);
    case Tone::Information:
        break;
    }
    return dark ? QColor(0x1a, 0x2e, 0x40) : QColor(0xe3, 0xf0, 0xfb);
}
