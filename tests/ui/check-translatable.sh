#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every string a user reads in ui/ goes through tr(): a literal handed straight to a text,
# tooltip, title, placeholder, accessible name, button, form row or message is a defect.
set -euo pipefail
ui=${1:?usage: check-translatable.sh UI-FOLDER}
pattern='(setText|setToolTip|setWindowTitle|setPlaceholderText|setAccessibleName|setStatusTip|setWhatsThis|addRow|addButton|addItem|addAction|addMenu|showMessage|setHeaderLabels|QPushButton|QLabel|QCheckBox|QGroupBox)\((u?"|QStringLiteral\()'
# Allowed: examples of what to type (names, URLs, SPDX ids) and a bare "%1 %2", not sentences.
allowed='my-company|sparse\+https://|https://|"%1 %2"|MIT, Apache-2.0|GPL-3.0-only, AGPL'
found=$(grep -rnE "$pattern" "$ui" --include='*.cpp' | grep -vE "$allowed" || true)
if [ -n "$found" ]; then
    printf 'user-visible strings without tr():\n%s\n' "$found" >&2
    exit 1
fi
echo "every user-visible literal in $ui goes through tr()"
