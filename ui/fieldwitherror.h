// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QLabel;
class QWidget;

// A form field with the line under it that says what is wrong with it (hidden until then),
// in the error colour of MessageBanner: problems show next to the field they concern, the
// way every dialog of the app shows them. `extra` goes between the two. The box is a child
// of `parent`; *error is set to the label, named after the field ("<name>Error").
QWidget *fieldWithError(QWidget *parent, QWidget *field, QLabel **error, QWidget *extra = nullptr);
