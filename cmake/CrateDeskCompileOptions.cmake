# SPDX-License-Identifier: GPL-3.0-or-later
# Compile hygiene shared by every CrateDesk target (style.md rule 13). Targets opt in by
# linking cratedesk_compile_options, so nothing leaks into third-party code.
add_library(cratedesk_compile_options INTERFACE)
target_compile_options(cratedesk_compile_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    $<$<BOOL:${CRATEDESK_WERROR}>:-Werror>)
target_compile_definitions(cratedesk_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060800
    CRATEDESK_VERSION="${PROJECT_VERSION}")
