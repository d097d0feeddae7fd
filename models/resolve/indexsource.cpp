// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexsource.h"

IndexSource::IndexSource(QObject *parent)
    : QObject(parent)
{
}

// Out of line so that the vtable and the moc output live in one object file.
IndexSource::~IndexSource() = default;
