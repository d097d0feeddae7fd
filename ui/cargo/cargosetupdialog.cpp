// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargosetupdialog.h"

#include "diffhighlighter.h"
#include "secrets/secretstore.h"
#include "statuscolours.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

// Preview only: the real token is read from the keychain at Apply, never for a preview.
const QByteArray PreviewToken = "<token from the keychain>";

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setContentsMargins(24, 0, 0, 0); // under the option it explains
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

QPlainTextEdit *codeView(QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    // A caret, so that focus shows and lines can be selected from the keyboard.
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

// A code view with a Copy button under it.
QWidget *copyable(QPlainTextEdit *view, const QString &what, QWidget *parent)
{
    auto *page = new QWidget(parent);
    auto *layout = new QVBoxLayout(page);
    auto *copy = new QPushButton(QIcon::fromTheme(u"edit-copy"_s), QCoreApplication::translate("CargoSetupDialog", "Copy %1").arg(what), page);
    QObject::connect(copy, &QPushButton::clicked, view, [view] { QApplication::clipboard()->setText(view->toPlainText()); });
    layout->addWidget(view);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(copy);
    layout->addLayout(row);
    return page;
}

} // namespace

CargoSetupDialog::CargoSetupDialog(const Feed &feed, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_feed(feed)
    , m_secrets(secrets)
    , m_providerCommand(CargoSetupOptions::providerCommandFor(feed.commandLineName()))
{
    const QString home = qEnvironmentVariable("CARGO_HOME");
    m_cargoHome = home.isEmpty() ? QDir::homePath() + u"/.cargo"_s : home;
    setWindowTitle(tr("Use “%1” with Cargo").arg(feed.name));

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<b>Register “%1” with cargo</b><br>%2").arg(feed.name.toHtmlEscaped(), feed.cargoIndexUrl().toHtmlEscaped()), this);
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(title);
    auto *columns = new QHBoxLayout;
    columns->addWidget(buildChoices(), 2);
    columns->addWidget(buildPreview(), 3);
    layout->addLayout(columns, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::ApplyRole);
    m_apply->setIcon(QIcon::fromTheme(u"dialog-ok-apply"_s));
    m_undo = buttons->addButton(tr("&Undo Last Change"), QDialogButtonBox::ResetRole);
    m_undo->setIcon(QIcon::fromTheme(u"edit-undo"_s));
    m_undo->setToolTip(tr("Restore the config files from the backup CrateDesk kept"));
    connect(m_apply, &QPushButton::clicked, this, &CargoSetupDialog::apply);
    connect(m_undo, &QPushButton::clicked, this, &CargoSetupDialog::undo);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    resize(980, 640);
    refresh();
}

CargoSetupDialog::~CargoSetupDialog() = default;

QWidget *CargoSetupDialog::buildChoices()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *what = new QGroupBox(tr("Cargo"), panel);
    auto *whatLayout = new QVBoxLayout(what);
    // The name projects use (`registry = "NAME"`, `--registry NAME`): the feed's own by default.
    m_registryName = new QLineEdit(m_feed.registryName(), what);
    m_registryName->setObjectName(u"registryName"_s);
    m_registryName->setToolTip(
        tr("How Cargo.toml files and cargo commands name this feed; cargo accepts letters, digits, '-' and '_'"));
    auto *nameLabel = new QLabel(tr("Registry &name:"), what);
    nameLabel->setBuddy(m_registryName);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(nameLabel);
    nameRow->addWidget(m_registryName, 1);
    m_default = new QCheckBox(tr("Make it the default registry"), what);
    m_default->setToolTip(tr("cargo publish, yank, owner and search use it without --registry"));
    m_proxy = new QCheckBox(tr("Fetch crates.io dependencies through this feed"), what);
    m_proxy->setToolTip(tr("[source.crates-io] replace-with: the feed must hold every crate your projects take from crates.io"));
    whatLayout->addLayout(nameRow);
    whatLayout->addWidget(m_default);
    whatLayout->addWidget(m_proxy);
    layout->addWidget(what);

    auto *token = new QGroupBox(tr("Token"), panel);
    auto *tokenLayout = new QVBoxLayout(token);
    m_keychain = new QRadioButton(tr("Keep it in the keychain (recommended)"), token);
    m_keychain->setChecked(true);
    m_plainFile = new QRadioButton(tr("Copy it into credentials.toml (cargo:token)"), token);
    m_plainWarning = new QLabel(token);
    m_plainWarning->setObjectName(u"plainTokenWarning"_s);
    m_plainWarning->setWordWrap(true);
    m_plainWarning->setContentsMargins(24, 0, 0, 0);
    m_plainWarning->setText(tr("⚠ The token is then stored in plain text: anyone who can read the file can publish as you."));
    showWarningColour();
    tokenLayout->addWidget(m_keychain);
    tokenLayout->addWidget(note(tr("cargo asks CrateDesk for the token each time; it exists only in the keychain."), token));
    tokenLayout->addWidget(m_plainFile);
    tokenLayout->addWidget(m_plainWarning);
    layout->addWidget(token);

    auto *where = new QGroupBox(tr("Configuration"), panel);
    auto *whereLayout = new QVBoxLayout(where);
    m_global = new QRadioButton(tr("For all projects"), where);
    m_global->setChecked(true);
    m_globalPath = note({}, where);
    m_project = new QRadioButton(tr("For one project:"), where);
    m_projectDir = new QLineEdit(where);
    m_projectDir->setPlaceholderText(tr("Project folder"));
    m_projectDir->setClearButtonEnabled(true);
    m_browse = new QPushButton(QIcon::fromTheme(u"document-open-folder"_s), tr("Browse…"), where);
    auto *projectRow = new QHBoxLayout;
    projectRow->setContentsMargins(24, 0, 0, 0);
    projectRow->addWidget(m_projectDir, 1);
    projectRow->addWidget(m_browse);
    whereLayout->addWidget(m_global);
    whereLayout->addWidget(m_globalPath);
    whereLayout->addWidget(m_project);
    whereLayout->addLayout(projectRow);
    layout->addWidget(where);
    layout->addStretch();

    for (QAbstractButton *button : {static_cast<QAbstractButton *>(m_default), static_cast<QAbstractButton *>(m_proxy),
                                    static_cast<QAbstractButton *>(m_keychain), static_cast<QAbstractButton *>(m_plainFile),
                                    static_cast<QAbstractButton *>(m_global), static_cast<QAbstractButton *>(m_project)})
        connect(button, &QAbstractButton::toggled, this, &CargoSetupDialog::refresh);
    connect(m_registryName, &QLineEdit::textChanged, this, &CargoSetupDialog::refresh);
    connect(m_projectDir, &QLineEdit::textChanged, this, [this] {
        if (!m_projectDir->text().isEmpty())
            m_project->setChecked(true);
        refresh();
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Project Folder"), m_projectDir->text());
        if (!dir.isEmpty())
            m_projectDir->setText(dir);
    });
    return panel;
}

QWidget *CargoSetupDialog::buildPreview()
{
    m_tabs = new QTabWidget(this);
    m_diff = codeView(m_tabs);
    new DiffHighlighter(m_diff->document());
    m_snippet = codeView(m_tabs);
    m_environment = codeView(m_tabs);
    m_diff->setAccessibleName(tr("Changes to the Cargo configuration"));
    m_snippet->setAccessibleName(tr("Lines for config.toml"));
    m_environment->setAccessibleName(tr("Environment variables"));
    m_tabs->addTab(m_diff, tr("Changes"));
    m_tabs->addTab(copyable(m_snippet, tr("Lines"), m_tabs), tr("config.toml"));
    m_tabs->addTab(copyable(m_environment, tr("Variables"), m_tabs), tr("Environment"));
    return m_tabs;
}

void CargoSetupDialog::setCargoHome(const QString &dir)
{
    m_cargoHome = dir;
    refresh();
}

void CargoSetupDialog::setProviderCommand(const QStringList &command)
{
    m_providerCommand = command;
    refresh();
}

void CargoSetupDialog::setRegistryName(const QString &name)
{
    m_registryName->setText(name);
}
QString CargoSetupDialog::registryName() const
{
    return m_registryName->text();
}
void CargoSetupDialog::setMakeDefault(bool on) { m_default->setChecked(on); }
void CargoSetupDialog::setProxyCratesIo(bool on) { m_proxy->setChecked(on); }
void CargoSetupDialog::setPlainTokenFile(bool on) { (on ? m_plainFile : m_keychain)->setChecked(true); }

void CargoSetupDialog::setProjectDir(const QString &dir)
{
    m_projectDir->setText(dir);
    (dir.isEmpty() ? m_global : m_project)->setChecked(true);
}

QString CargoSetupDialog::diffText() const { return m_diff->toPlainText(); }
QString CargoSetupDialog::statusText() const { return m_status->text(); }
bool CargoSetupDialog::canApply() const { return m_apply->isEnabled(); }
bool CargoSetupDialog::canUndo() const { return m_undo->isEnabled(); }

CargoSetupOptions CargoSetupDialog::currentOptions() const
{
    CargoSetupOptions options;
    options.registryName = registryName();
    options.cargoIndexUrl = m_feed.cargoIndexUrl();
    options.makeDefault = m_default->isChecked();
    options.proxyCratesIo = m_proxy->isChecked();
    options.tokenHandling = m_plainFile->isChecked() ? CargoSetupOptions::TokenHandling::CargoToken : CargoSetupOptions::TokenHandling::Keychain;
    options.providerCommand = m_providerCommand;
    options.cargoHome = m_cargoHome;
    if (m_project->isChecked())
        options.projectDir = m_projectDir->text().trimmed();
    if (options.tokenHandling == CargoSetupOptions::TokenHandling::CargoToken)
        options.token = PreviewToken;
    return options;
}

void CargoSetupDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_statusIsProblem = problem;
    showWarningColour();
}

void CargoSetupDialog::refresh()
{
    if (!m_default || !m_registryName) // still building the widgets
        return;
    m_plainWarning->setVisible(m_plainFile->isChecked());
    m_globalPath->setText(CargoSetupPlan::configFileIn(m_cargoHome));
    m_projectDir->setEnabled(m_project->isChecked() || !m_projectDir->text().isEmpty());

    const CargoSetupOptions options = currentOptions();
    const bool projectMissing = m_project->isChecked() && options.projectDir.isEmpty();
    m_plan = CargoSetupPlan::make(options);
    m_snippet->setPlainText(m_plan.configSnippet());
    m_environment->setPlainText(m_plan.environmentLines().join(u'\n') + u'\n');
    m_undo->setEnabled(!m_busy && CargoSetupPlan::canUndo(options.configDir()));
    if (projectMissing) {
        m_diff->setPlainText({});
        m_apply->setEnabled(false);
        setStatus(tr("Choose the project folder."), false);
        return;
    }
    if (!m_plan.isValid()) {
        m_diff->setPlainText({});
        m_apply->setEnabled(false);
        setStatus(m_plan.errorString(), true);
        return;
    }
    m_apply->setEnabled(!m_busy && m_plan.hasChanges());
    m_diff->setPlainText(
        m_plan.hasChanges() ? m_plan.diff() : tr("%1 already registers “%2” this way.").arg(m_plan.configFile(), registryName()));
    setStatus(m_plan.warnings().join(u'\n'), false);
}

void CargoSetupDialog::apply()
{
    if (!m_plan.isValid() || m_busy)
        return;
    CargoSetupOptions options = m_plan.options();
    if (options.tokenHandling == CargoSetupOptions::TokenHandling::Keychain || m_feed.auth == Feed::AuthKind::None) {
        finishApply(m_plan);
        return;
    }
    // Only now, and only because the user asked for the plain file, is the secret read.
    m_busy = true;
    m_apply->setEnabled(false);
    setStatus(tr("Reading the token from the keychain…"), false);
    m_secrets->readSecret(m_feed.secretKey(), this, [this, options](const SecretStore::Result &result) mutable {
        m_busy = false;
        if (!result.ok()) {
            refresh();
            setStatus(result.message, true);
            return;
        }
        options.token = m_feed.authorization(result.secret);
        finishApply(CargoSetupPlan::make(options));
    });
}

void CargoSetupDialog::finishApply(CargoSetupPlan plan)
{
    QString error;
    if (!plan.apply(&error)) {
        refresh();
        setStatus(error, true);
        return;
    }
    refresh();
    QStringList written;
    for (const CargoSetupPlan::FileChange &change : plan.changes())
        written.append(change.existed ? tr("Updated %1 (backup: %2).").arg(change.path, CargoSetupPlan::backupPath(change.path))
                                      : tr("Created %1.").arg(change.path));
    setStatus(written.join(u'\n'), false);
    Q_EMIT applied(plan.configFile());
}

void CargoSetupDialog::undo()
{
    QStringList restored;
    QString error;
    const bool ok = CargoSetupPlan::undo(currentOptions().configDir(), &restored, &error);
    refresh();
    if (!ok) {
        setStatus(error, true);
        return;
    }
    setStatus(tr("Restored %1.").arg(restored.join(u", "_s)), false);
}

void CargoSetupDialog::showWarningColour()
{
    // From the dialog's own palette each time: a fixed colour would be unreadable in the
    // other of light and dark.
    QPalette warning = palette();
    warning.setColor(QPalette::WindowText, StatusColours::text(StatusColours::Tone::Neutral, warning));
    m_plainWarning->setPalette(warning);
    if (!m_status)
        return;
    QPalette status = palette();
    if (m_statusIsProblem)
        status.setColor(QPalette::WindowText, StatusColours::text(StatusColours::Tone::Negative, status));
    m_status->setPalette(status);
}

void CargoSetupDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_plainWarning)
        showWarningColour();
}
