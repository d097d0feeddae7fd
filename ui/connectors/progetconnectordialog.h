// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "proget/progetconnector.h"

#include <QDialog>

class FilterListEditor;
class QLabel;
class QLineEdit;
class QSpinBox;

// Creates or edits one ProGet connector: name, upstream URL (ProGet wants the plain
// registry URL, e.g. https://crates.io), Basic credentials for third-party registries,
// timeout and filters. Says plainly when the server's edition ignores filters.
class ProGetConnectorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProGetConnectorDialog)

public:
    explicit ProGetConnectorDialog(const ProGetEdition &edition, QWidget *parent = nullptr);
    ~ProGetConnectorDialog() override;

    void setConnector(const ProGetConnector &connector); // editing
    ProGetConnector connector() const;
    void accept() override;

private:
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QSpinBox *m_timeout;
    FilterListEditor *m_filters;
    QLabel *m_error;
    bool m_editing = false;
};
