// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QLabel;
class QWidget;

// The names a screen reader says for controls whose visible label Qt cannot find by itself:
// Qt looks for a buddy label only among a control's siblings, so a field wrapped in a row
// widget, or a view that is a tab's page, would otherwise be announced without a name.
namespace AccessibleNames {

// `text` as said, not as drawn: without mnemonic ampersands, trailing colon or ellipsis.
QString spoken(const QString &text);
// Alt+letter of `label` focuses `field`, and `field` is announced by the label's text.
void setLabel(QLabel *label, QWidget *field);

} // namespace AccessibleNames
