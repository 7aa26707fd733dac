#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QApplication;
class QCoreApplication;
class QLocale;

namespace Corral {

class Fleet;
class MainWindow;
class StoreService;

// The GUI's startup sequence, so that main() stays a few lines: opens the catalog
// (StoreService), creates the Fleet, reads the window settings on the store thread, and only
// then creates and shows the MainWindow and loads (connects) the fleet. Owns all three and
// destroys them in reverse order, so the settings posted on close are written before the
// store thread stops. Lives on the GUI thread.
class DesktopApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopApp)

public:
    explicit DesktopApp(const QString &databasePath, QObject *parent = nullptr);
    ~DesktopApp() override;

    // $CORRAL_DB, else the catalog in the XDG data folder.
    static QString defaultDatabasePath();

    // Asynchronous: the window appears once the settings are read.
    void start();

    Fleet *fleet() const { return m_fleet.get(); }
    StoreService *store() const { return m_store.get(); }
    MainWindow *window() const { return m_window.get(); }

    // Installs Corral's translation for `locale` (and Qt's own, when installed); English,
    // with its plural forms, for languages Corral has no translation for. Returns whether a
    // translation other than English was installed.
    static bool installTranslators(QCoreApplication *app, const QLocale &locale);
    // Applies CORRAL_PALETTE=dark|light, for desktops without a platform theme (and for
    // screenshots of both).
    static void applyPaletteOverride(QApplication *app);

Q_SIGNALS:
    // The window is shown.
    void started();

private:
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<Fleet> m_fleet;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace Corral
