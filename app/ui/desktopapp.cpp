#include "desktopapp.h"

#include "images/imagelibrary.h"

#include "fleet/fleet.h"
#include "icons.h"
#include "mainwindow.h"
#include "store/database.h"
#include "store/storeservice.h"
#include "theme.h"
#include "uisettings.h"
#include "util/logging.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

namespace Corral {

DesktopApp::DesktopApp(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<StoreService>(databasePath))
    , m_fleet(std::make_unique<Fleet>(m_store.get()))
{
    // The desktop records a sparse upload's whole-file SHA-256 right after it (a verify job
    // in the Transfers dock).
    m_fleet->images()->setVerifyAfterSparseUpload(true);
}

DesktopApp::~DesktopApp()
{
    // Window first (it posts its settings on close), then the fleet (closes the sessions),
    // then the store (runs what was posted, then stops its thread).
    m_window.reset();
    m_fleet.reset();
    m_store.reset();
}

QString DesktopApp::defaultDatabasePath()
{
    return Database::defaultPath();
}

void DesktopApp::start()
{
    UiSettings::load(m_store.get(), this, [this](const UiSettings &settings) {
        m_window = std::make_unique<MainWindow>(m_fleet.get(), settings);
        connect(qApp, &QCoreApplication::aboutToQuit, m_window.get(), &MainWindow::saveSettings);
        m_window->show();
        m_fleet->load();
        Q_EMIT started();
    });
}

bool DesktopApp::installTranslators(QCoreApplication *app, const QLocale &locale)
{
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    auto *corral = new QTranslator(app);
    const QString dir = QStringLiteral(":/i18n");
    if (corral->load(locale, QStringLiteral("corral"), QStringLiteral("_"), dir)) {
        QCoreApplication::installTranslator(corral);
        return corral->language() != u"en";
    }
    // No translation for this language: English, whose plural forms ("1 VM", "2 VMs") live in
    // corral_en.
    if (corral->load(QStringLiteral("corral_en"), dir))
        QCoreApplication::installTranslator(corral);
    else
        delete corral;
    return false;
}

void DesktopApp::applyPaletteOverride(QApplication *app)
{
    const QByteArray mode = qgetenv("CORRAL_PALETTE").toLower();
    if (mode.isEmpty())
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (mode == "dark")
        QApplication::setPalette(Theme::darkPalette());
    else if (mode == "light")
        QApplication::setPalette(QApplication::style()->standardPalette());
    else
        qCWarning(lcUi) << "CORRAL_PALETTE must be dark or light, not" << mode;
    Q_UNUSED(app)
}

} // namespace Corral
