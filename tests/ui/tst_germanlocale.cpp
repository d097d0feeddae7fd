// SPDX-License-Identifier: GPL-3.0-or-later
// Runs under tests/support/with-keyring.sh. The window and its dialogs under a German locale,
// as Translations::install sets them up for a German user: menus, tabs, labels, buttons and
// plurals read German, no English source text that has a translation is left showing, and no
// two keyboard accelerators of one menu or window clash. Pictures land under
// build/ci/screenshots/german-*.png to look at.
#include "browse/cratebrowser.h"
#include "cargotypes/cratename.h"
#include "cargotypes/versionreq.h"
#include "crate/cratearchive.h"
#include "cargo/cargosetupdialog.h"
#include "connectors/localconnectordialog.h"
#include "cratedetailsview.h"
#include "feeddialog.h"
#include "itemmodels/cratefilterproxymodel.h"
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/featuremodel.h"
#include "itemmodels/feedlistmodel.h"
#include "itemmodels/versionlistmodel.h"
#include "localfeed/localfeed.h"
#include "localtestfeed.h"
#include "mainwindow.h"
#include "net/httpclient.h"
#include "publishpanel.h"
#include "registry/feedsessions.h"
#include "registry/feedsettings.h"
#include "registry/registryclient.h"
#include "screenshot.h"
#include "secrets/keychainsecretstore.h"
#include "testcrate.h"
#include "translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QXmlStreamReader>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

// English source texts whose German translation differs or is missing: seeing one of them in
// a German window means a string that skipped tr(), or a translation missing or not loaded.
QSet<QString> translatedSources()
{
    QFile file(QStringLiteral(CRATEDESK_TRANSLATIONS_DIR "/cratedesk_de.ts"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QSet<QString> sources;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "source"_L1)
            source = xml.readElementText();
        else if (xml.name() == "translation"_L1) { // unfinished ones too: those would show in English
            const QString german = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (german != source && source.size() > 2)
                sources.insert(source);
        }
    }
    return sources;
}

struct ShownText
{
    QString text;
    QString where;
};

// Every text a user reads on the visible parts of `window`: its title, labels, buttons, group
// boxes, tabs, placeholders, column headers and actions (menus included).
QList<ShownText> shownTexts(QWidget *window)
{
    QList<ShownText> texts {{window->windowTitle(), u"window title"_s}};
    const auto visible = [](QWidget *w) { return w->isVisible(); };
    for (QLabel *label : window->findChildren<QLabel *>())
        if (visible(label))
            texts.append({label->text(), label->objectName() + u" (label)"_s});
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>())
        if (visible(button))
            texts.append({button->text(), button->objectName() + u" (button)"_s});
    for (QGroupBox *box : window->findChildren<QGroupBox *>())
        if (visible(box))
            texts.append({box->title(), box->objectName() + u" (group)"_s});
    for (QLineEdit *edit : window->findChildren<QLineEdit *>())
        if (visible(edit))
            texts.append({edit->placeholderText(), edit->objectName() + u" (placeholder)"_s});
    for (QTabWidget *tabs : window->findChildren<QTabWidget *>()) {
        if (!visible(tabs))
            continue;
        for (int i = 0; i < tabs->count(); ++i)
            texts.append({tabs->tabText(i), tabs->objectName() + u" (tab)"_s});
    }
    for (QHeaderView *header : window->findChildren<QHeaderView *>()) {
        if (!visible(header) || !header->model())
            continue;
        for (int i = 0; i < header->count(); ++i)
            texts.append(
                {header->model()->headerData(i, header->orientation()).toString(), header->objectName() + u" (column)"_s});
    }
    for (QAction *action : window->findChildren<QAction *>()) {
        texts.append({action->text(), u"action"_s});
        texts.append({action->toolTip() == action->text() ? QString() : action->toolTip(), u"action tooltip"_s});
    }
    return texts;
}

// The letter after a single '&', lower-cased; none for "&&" or no mnemonic.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Accelerators that two texts of one group share, as "x: A, B".
QStringList clashes(const QStringList &texts)
{
    QHash<QChar, QStringList> byKey;
    for (const QString &text : texts) {
        if (const QChar key = mnemonic(text); !key.isNull())
            byKey[key].append(text);
    }
    QStringList found;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        if (it.value().size() > 1)
            found << QString(it.key()) + u": "_s + it.value().join(u", "_s);
    }
    return found;
}

// The accelerators active at once in `window`: its menu bar titles, and the visible buttons,
// labels with a buddy, group boxes and tabs (a hidden widget's accelerator does nothing).
QStringList windowAccelerators(QWidget *window)
{
    QStringList texts;
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        for (QAction *menu : main->menuBar()->actions())
            texts << menu->text();
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>())
        if (button->isVisible())
            texts << button->text();
    for (QLabel *label : window->findChildren<QLabel *>())
        if (label->isVisible() && label->buddy())
            texts << label->text();
    for (QGroupBox *box : window->findChildren<QGroupBox *>())
        if (box->isVisible())
            texts << box->title();
    for (QTabWidget *tabs : window->findChildren<QTabWidget *>()) {
        if (!tabs->isVisible())
            continue;
        for (int i = 0; i < tabs->count(); ++i)
            texts << tabs->tabText(i);
    }
    return texts;
}

} // namespace

class TestGermanLocale : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSet<QString> m_english;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<LocalFeed> m_feed;
    std::unique_ptr<FeedSessions> m_sessions;
    std::unique_ptr<CrateBrowser> m_browser;
    std::unique_ptr<FeedListModel> m_feeds;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<FeedSettings> m_settings;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    Feed m_local;

    void publish(const QList<TestCrate> &crates)
    {
        QList<QByteArray> files;
        for (const TestCrate &crate : crates)
            files << crate.crateBytes();
        const QString error = TestSupport::publishCrates(m_sessions->client(m_local), files);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Fails naming every English text left in `window`, then saves its picture.
    void checkGerman(QWidget *window, const QString &picture)
    {
        QStringList english;
        for (const ShownText &shown : shownTexts(window)) {
            if (m_english.contains(shown.text))
                english << shown.where + u": "_s + shown.text;
        }
        QVERIFY2(english.isEmpty(), qPrintable(english.join(u'\n')));
        const QStringList clashing = clashes(windowAccelerators(window));
        QVERIFY2(clashing.isEmpty(), qPrintable(picture + u": "_s + clashing.join(u"; "_s)));
        QVERIFY(saveScreenshot(window, u"german-"_s + picture));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through with-keyring.sh");
        QStandardPaths::setTestModeEnabled(true);
        // As for a user with LANG=de_DE.UTF-8: the app's default locale, then its translators.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QApplication::setApplicationDisplayName(u"CrateDesk"_s);
        Translations::install(qApp);
        m_english = translatedSources();
        QVERIFY2(m_english.size() > 400, "cratedesk_de.ts was not found or holds few translations");
        QVERIFY(m_dir.isValid());

        m_http = std::make_unique<HttpClient>(&m_nam);
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed"_s);
        TestSupport::StartedFeed started = TestSupport::startLocalFeed(options, u"tester"_s);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        m_feed = std::move(started.feed);
        m_local.name = QApplication::translate("CrateDesk", "Local feed"); // as guiapp.cpp names it
        m_local.origin = Feed::Origin::Local;
        m_local.auth = Feed::AuthKind::Token;
        m_local.indexUrl = m_feed->indexUrl();
        m_sessions = std::make_unique<FeedSessions>(m_http.get(), nullptr, nullptr);
        m_sessions->setCredential(m_local.name, started.token);

        TestCrate core(u"acme-core"_s, u"1.2.0"_s);
        core.description = u"Core types of the acme suite"_s;
        core.extraManifest = "[features]\ndefault = [\"std\"]\nstd = []\nserde = []\n";
        TestCrate cli(u"acme-cli"_s, u"0.3.0"_s);
        cli.description = u"Command line for acme"_s;
        cli.extraManifest = "[dependencies.acme-core]\nversion = \"1.2\"\nregistry-index = \"sparse+"
            + m_feed->indexUrl().toString().toUtf8() + "\"\n";
        publish({core, cli});

        m_browser = std::make_unique<CrateBrowser>(m_dir.filePath(u"cache"_s));
        m_feeds = std::make_unique<FeedListModel>();
        m_feeds->setFeeds({m_local});
        m_window = std::make_unique<MainWindow>(MainWindowContext {m_feeds.get(), nullptr, m_sessions.get(), m_browser.get()});
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        m_qsettings = std::make_unique<QSettings>(m_dir.filePath(u"cratedesk.ini"_s), QSettings::IniFormat);
        m_settings = std::make_unique<FeedSettings>(m_qsettings.get());
        m_secrets = std::make_unique<KeychainSecretStore>(u"CrateDeskGermanTest"_s);
    }

    void menusAreGermanAndTheirAcceleratorsDistinct()
    {
        QStringList titles;
        for (QAction *menu : m_window->menuBar()->actions())
            titles << menu->text();
        QCOMPARE(titles, (QStringList {u"&Datei"_s, u"&Feed"_s, u"&Crate"_s, u"&Hilfe"_s}));
        for (QAction *title : m_window->menuBar()->actions()) {
            QStringList items;
            for (QAction *item : title->menu()->actions())
                items << item->text();
            QVERIFY2(clashes(items).isEmpty(), qPrintable(title->text() + u": "_s + clashes(items).join(u"; "_s)));
        }
        QAction *yank = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>())
            if (action->text() == u"Version &zurückziehen …"_s)
                yank = action;
        QVERIFY2(yank, "the Crate menu has no German \"Yank Version…\"");
    }

    void theWindowWithACrateOpenIsGerman()
    {
        QTRY_COMPARE(m_window->crateCountLabel()->text(), u"2 Crates"_s); // the German plural
        const int core = m_browser->crates()->index(0, 0).data().toString() == u"acme-core"_s ? 0 : 1;
        m_window->crateView()->setCurrentIndex(m_browser->filteredCrates()->mapFromSource(m_browser->crates()->index(core, 0)));
        QTRY_COMPARE(m_browser->versions()->rowCount(), 1);
        QTRY_VERIFY(m_window->details()->headerText().startsWith(u"acme-core 1.2.0"_s));
        QTRY_VERIFY(m_browser->features()->rowCount() >= 3);
        checkGerman(m_window.get(), u"mainwindow"_s);
        m_window->setPalette(darkPalette());
        QVERIFY(saveScreenshot(m_window.get(), u"german-mainwindow-dark"_s));
        m_window->setPalette(QPalette());
    }

    void theFeedDialogIsGerman()
    {
        FeedDialog dialog(m_settings.get(), m_secrets.get(), m_http.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QCOMPARE(buttons->button(QDialogButtonBox::Cancel)->text(), u"Abbrechen"_s);
        checkGerman(&dialog, u"feeddialog"_s);
    }

    void theConnectorDialogIsGerman_data()
    {
        QTest::addColumn<int>("page");
        QTest::newRow("upstream") << 0;
        QTest::newRow("filters") << 1;
        QTest::newRow("licenses") << 2;
        QTest::newRow("safety") << 3;
    }

    void theConnectorDialogIsGerman()
    {
        QFETCH(int, page);
        LocalConnectorDialog dialog(m_http.get());
        dialog.resize(dialog.sizeHint());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *tabs = dialog.findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentIndex(page);
        checkGerman(&dialog, u"connectordialog-"_s + QString::number(page));
    }

    void theCargoSetupDialogIsGerman()
    {
        QTemporaryDir home;
        CargoSetupDialog dialog(
            Feed {u"acme"_s, QUrl(u"https://crates.acme.test/index/"_s), Feed::AuthKind::Token, {}, Feed::Origin::Remote},
            m_secrets.get());
        dialog.setProviderCommand({u"/usr/bin/cratedesk"_s, u"credential"_s, u"--feed"_s, u"acme"_s});
        dialog.setCargoHome(home.path());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        checkGerman(&dialog, u"cargosetupdialog"_s);
    }

    void thePublishPanelIsGerman()
    {
        PublishPanel panel(m_sessions->client(m_local));
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        checkGerman(&panel, u"publishpanel"_s);
    }

    // Messages the core composes (a crate name's problem, an archive's, a feed's refusal, a
    // version requirement's) read German in a German session: whole sentences through tr(),
    // never English from the layers below the widgets.
    void messagesMadeInTheCoreAreGerman_data()
    {
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QString>("english"); // a part of the English message
        QTest::addColumn<QString>("german");  // the same part in German
        QTest::newRow("crate name") << CrateName::validationError(u"../x"_s) << u"must be an ASCII letter"_s
                                    << u"ungültiger Crate-Name „../x“: das erste Zeichen muss ein ASCII-Buchstabe sein"_s;
        QTest::newRow("crate file") << CrateArchive::fromBytes(QByteArray(), u"leer.crate"_s).error.message << u"the file is empty"_s
                                    << u"leer.crate: die Datei ist leer"_s;
        QString why;
        VersionReq::parse(u">=1.0 <2"_s, &why);
        QTest::newRow("version requirement") << why << u"expected a comma"_s << u"ein Komma erwartet"_s;
    }

    void messagesMadeInTheCoreAreGerman()
    {
        QFETCH(QString, shown);
        QFETCH(QString, english);
        QFETCH(QString, german);
        QVERIFY2(!shown.contains(english), qPrintable(shown));
        QVERIFY2(shown.contains(german), qPrintable(shown));
    }

    // A feed's refusal, as the registry client words it for the window's banner.
    void aFeedsRefusalIsGerman()
    {
        FeedSessions anonymous(m_http.get(), nullptr, nullptr); // no token for the feed
        RegistryReply *reply = anonymous.client(m_local)->setYanked(u"acme-core"_s, u"1.2.0"_s, true);
        std::optional<RegistryError> error; // the reply deletes itself once it has finished
        connect(reply, &RegistryReply::finished, this, [reply, &error] { error = reply->error(); });
        QTRY_VERIFY(error);
        QCOMPARE(error->kind, RegistryError::Kind::AuthRequired);
        const QString message = error->message;
        QVERIFY2(message.startsWith(u"der Feed %1 braucht ein Token: Fügen Sie dem Feed eines hinzu"_s.arg(m_local.name)), qPrintable(message));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_browser.reset();
    }
};

QTEST_MAIN(TestGermanLocale)
#include "tst_germanlocale.moc"
