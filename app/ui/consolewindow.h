#pragma once

#include <QList>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QTabWidget;

namespace Corral {

class SessionTab;
class StoreService;

// A window of console tabs (SSH shells and serial consoles in ConsoleTabs, VM screens in
// VncTabs — any SessionTab): closable, movable tabs whose icon shows the session state
// (connecting, failed, ended) and unseen output or bells.
//
// One *primary* window per application: construct it once (the MainWindow keeps it, e.g. a
// member created on the first "Open SSH" and deleted with the MainWindow) and addTab() every
// new session to it. "Move to New Window" (Ctrl+Shift+D) moves a tab, with its live session,
// into a new *detached* window; "Move Tab to Main Console" moves it back into the primary.
// Detached windows delete themselves when closed; the primary only hides, and deletes its
// detached windows when it is deleted. Closing a tab closes its session; a window closes
// when its last tab is closed or moved away.
//
// Thread: the GUI thread. Owns its tabs. With a StoreService, the primary remembers its
// geometry (ui/console/geometry in the settings table) and saves it when it closes.
class ConsoleWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleWindow)

public:
    // A primary window.
    explicit ConsoleWindow(StoreService *store = nullptr, QWidget *parent = nullptr);
    ~ConsoleWindow() override;

    bool isPrimary() const { return m_isPrimary; }
    // This window for a primary one; the primary a detached window came from (null once it
    // is gone).
    ConsoleWindow *primaryWindow() const;
    QList<ConsoleWindow *> detachedWindows() const;

    // Takes ownership of `tab`, selects it, shows, raises and activates the window.
    void addTab(SessionTab *tab);
    int count() const;
    SessionTab *tab(int index) const;
    SessionTab *currentTab() const;
    int indexOf(SessionTab *tab) const;
    QTabWidget *tabWidget() const { return m_tabs; }

    // Closes the tab's session and deletes it.
    void closeTab(int index);
    // Moves the tab (session untouched) into a new detached window, which it returns.
    ConsoleWindow *detachTab(int index);
    // Moves the tab of a detached window back into its primary window.
    void moveTabToPrimary(int index);

    // Posts the geometry of a primary window to the store (also done on close).
    void saveSettings();

    static QString geometryKey();

Q_SIGNALS:
    void countChanged(int count);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    ConsoleWindow(ConsoleWindow *primary, QWidget *parent);

    void init();
    void createActions();
    void loadSettings();
    void showAndRaise();
    SessionTab *takeTab(int index);
    void insertTab(SessionTab *tab);
    void updateTab(SessionTab *tab);
    void updateWindowTitle();
    void updateActions();
    void onCurrentChanged(int index);
    void onBell(SessionTab *tab);
    void showTabMenu(const QPoint &pos);
    void stepTab(int delta);

    bool m_isPrimary = true;
    QPointer<ConsoleWindow> m_primary; // detached windows only
    QList<QPointer<ConsoleWindow>> m_detached; // primary only
    StoreService *m_store = nullptr;
    bool m_settingsPending = false;
    bool m_showWhenLoaded = false;
    bool m_hasGeometry = false;
    QTabWidget *m_tabs = nullptr;
    QAction *m_closeTabAction = nullptr;
    QAction *m_previousTabAction = nullptr;
    QAction *m_nextTabAction = nullptr;
    QAction *m_detachAction = nullptr;
    QAction *m_attachAction = nullptr;
    QAction *m_reconnectAction = nullptr;
};

} // namespace Corral
