#include "consolewindow.h"

#include "icons.h"
#include "sessiontab.h"
#include "store/settingsrepository.h"
#include "store/storeservice.h"
#include "util/logging.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Corral {

ConsoleWindow::ConsoleWindow(StoreService *store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
{
    init();
    loadSettings();
}

ConsoleWindow::ConsoleWindow(ConsoleWindow *primary, QWidget *parent)
    : QMainWindow(parent)
    , m_isPrimary(false)
    , m_primary(primary)
{
    setAttribute(Qt::WA_DeleteOnClose);
    init();
}

ConsoleWindow::~ConsoleWindow()
{
    for (const QPointer<ConsoleWindow> &window : std::as_const(m_detached))
        delete window.data();
    // Tabs close their sessions as they are deleted with the tab widget; no signal of theirs
    // (or of the tab widget, which reports its current tab going away) may reach this
    // half-destroyed window.
    m_tabs->disconnect(this);
    m_tabs->tabBar()->disconnect(this);
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->widget(i)->disconnect(this);
}

void ConsoleWindow::init()
{
    setObjectName(m_isPrimary ? u"consoleWindow"_s : u"detachedConsoleWindow"_s);
    setWindowIcon(Icons::application());
    setWindowTitle(tr("Console — Corral"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"consoleTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setUsesScrollButtons(true);
    m_tabs->setElideMode(Qt::ElideRight);
    m_tabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tabs->tabBar()->setFocusPolicy(Qt::NoFocus);
    m_tabs->tabBar()->setExpanding(false);
    setCentralWidget(m_tabs);

    createActions();

    auto *corner = new QToolButton(m_tabs);
    corner->setObjectName(u"consoleMenuButton"_s);
    corner->setIcon(Icons::symbolic(u"menu"_s));
    corner->setToolTip(tr("Console menu"));
    corner->setAutoRaise(true);
    corner->setPopupMode(QToolButton::InstantPopup);
    corner->setFocusPolicy(Qt::NoFocus);
    auto *menu = new QMenu(corner);
    menu->addAction(m_reconnectAction);
    menu->addSeparator();
    menu->addAction(m_detachAction);
    menu->addAction(m_attachAction);
    menu->addSeparator();
    menu->addAction(m_previousTabAction);
    menu->addAction(m_nextTabAction);
    menu->addSeparator();
    menu->addAction(m_closeTabAction);
    corner->setMenu(menu);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);

    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &ConsoleWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ConsoleWindow::onCurrentChanged);
    connect(m_tabs->tabBar(), &QTabBar::customContextMenuRequested, this,
            &ConsoleWindow::showTabMenu);
    updateActions();
}

void ConsoleWindow::createActions()
{
    auto make
        = [this](const QString &name, const QString &text, const QKeySequence &key, auto slot) {
              auto *action = new QAction(text, this);
              action->setObjectName(name);
              if (!key.isEmpty())
                  action->setShortcut(key);
              action->setShortcutContext(Qt::WindowShortcut);
              connect(action, &QAction::triggered, this, slot);
              addAction(action);
              return action;
          };
    m_closeTabAction = make(u"console.closeTab"_s, tr("&Close Tab"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
                            [this] { closeTab(m_tabs->currentIndex()); });
    m_closeTabAction->setIcon(Icons::symbolic(u"close"_s));
    m_previousTabAction = make(u"console.previousTab"_s, tr("&Previous Tab"),
                               QKeySequence(Qt::CTRL | Qt::Key_PageUp), [this] { stepTab(-1); });
    m_nextTabAction = make(u"console.nextTab"_s, tr("&Next Tab"),
                           QKeySequence(Qt::CTRL | Qt::Key_PageDown), [this] { stepTab(1); });
    m_detachAction = make(u"console.detachTab"_s, tr("&Move to New Window"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                          [this] { detachTab(m_tabs->currentIndex()); });
    m_attachAction = make(u"console.attachTab"_s, tr("Move Tab to Main &Console"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
                          [this] { moveTabToPrimary(m_tabs->currentIndex()); });
    m_reconnectAction = make(u"console.reconnect"_s, tr("&Reconnect"), QKeySequence(), [this] {
        if (SessionTab *t = currentTab())
            t->reconnect();
    });
    m_reconnectAction->setIcon(Icons::symbolic(u"reboot"_s));
}

QString ConsoleWindow::geometryKey()
{
    return u"ui/console/geometry"_s;
}

void ConsoleWindow::loadSettings()
{
    if (!m_store)
        return;
    m_settingsPending = true;
    m_store->post(
        [](Database &db) -> Result<QByteArray> {
            return SettingsRepository(db).value(geometryKey());
        },
        this,
        [this](Result<QByteArray> geometry) {
            m_settingsPending = false;
            if (!geometry)
                qCWarning(lcUi).noquote()
                    << "cannot read the console window geometry:" << geometry.error().fullText();
            else if (!geometry->isEmpty())
                m_hasGeometry = restoreGeometry(*geometry);
            if (m_showWhenLoaded) {
                m_showWhenLoaded = false;
                showAndRaise();
            }
        });
}

void ConsoleWindow::saveSettings()
{
    if (!m_store || !m_isPrimary || m_settingsPending || !m_hasGeometry)
        return;
    m_store->post([geometry = saveGeometry()](Database &db) -> Result<void> {
        return SettingsRepository(db).setValue(geometryKey(), geometry);
    });
}

void ConsoleWindow::showAndRaise()
{
    if (m_settingsPending) {
        // Show at the remembered place, not somewhere first and there a moment later.
        m_showWhenLoaded = true;
        return;
    }
    if (!m_hasGeometry) {
        // First time: a classic 80x24 terminal (plus chrome) and remembered from now on.
        resize(sizeHint().expandedTo(QSize(480, 320)));
        m_hasGeometry = true;
    }
    if (isMinimized())
        setWindowState(windowState() & ~Qt::WindowMinimized);
    show();
    raise();
    activateWindow();
}

ConsoleWindow *ConsoleWindow::primaryWindow() const
{
    return m_isPrimary ? const_cast<ConsoleWindow *>(this) : m_primary.data();
}

QList<ConsoleWindow *> ConsoleWindow::detachedWindows() const
{
    QList<ConsoleWindow *> windows;
    for (const QPointer<ConsoleWindow> &window : m_detached) {
        if (window)
            windows.append(window);
    }
    return windows;
}

int ConsoleWindow::count() const
{
    return m_tabs->count();
}

SessionTab *ConsoleWindow::tab(int index) const
{
    return qobject_cast<SessionTab *>(m_tabs->widget(index));
}

SessionTab *ConsoleWindow::currentTab() const
{
    return qobject_cast<SessionTab *>(m_tabs->currentWidget());
}

int ConsoleWindow::indexOf(SessionTab *tab) const
{
    return m_tabs->indexOf(tab);
}

void ConsoleWindow::addTab(SessionTab *tab)
{
    if (!tab)
        return;
    insertTab(tab);
    showAndRaise();
    tab->setFocus(Qt::OtherFocusReason);
}

void ConsoleWindow::insertTab(SessionTab *tab)
{
    const int index = m_tabs->addTab(tab, tab->title());
    connect(tab, &SessionTab::titleChanged, this, [this, tab] { updateTab(tab); });
    connect(tab, &SessionTab::stateChanged, this, [this, tab] {
        updateTab(tab);
        updateActions();
    });
    connect(tab, &SessionTab::activity, this, [this, tab] { updateTab(tab); });
    connect(tab, &SessionTab::bellRang, this, [this, tab] { onBell(tab); });
    m_tabs->setCurrentIndex(index);
    updateTab(tab);
    updateActions();
    Q_EMIT countChanged(count());
}

SessionTab *ConsoleWindow::takeTab(int index)
{
    SessionTab *t = tab(index);
    if (!t)
        return nullptr;
    t->disconnect(this);
    m_tabs->removeTab(index);
    t->setParent(nullptr);
    updateActions();
    Q_EMIT countChanged(count());
    return t;
}

void ConsoleWindow::closeTab(int index)
{
    SessionTab *t = takeTab(index);
    if (!t)
        return;
    t->closeSession();
    delete t;
    if (count() == 0)
        close();
}

ConsoleWindow *ConsoleWindow::detachTab(int index)
{
    SessionTab *t = tab(index);
    if (!t)
        return nullptr;
    ConsoleWindow *primary = primaryWindow();
    auto *window = new ConsoleWindow(primary, nullptr);
    if (primary) {
        primary->m_detached.removeAll(nullptr);
        primary->m_detached.append(window);
    }
    const QRect source = geometry();
    window->resize(size());
    window->move(source.topLeft() + QPoint(32, 32));
    window->m_hasGeometry = true;

    takeTab(index);
    window->addTab(t);
    t->markSeen();
    if (count() == 0)
        close();
    return window;
}

void ConsoleWindow::moveTabToPrimary(int index)
{
    ConsoleWindow *primary = m_primary.data();
    if (m_isPrimary || !primary)
        return;
    SessionTab *t = takeTab(index);
    if (!t)
        return;
    primary->addTab(t);
    if (count() == 0)
        close();
}

void ConsoleWindow::stepTab(int delta)
{
    const int n = count();
    if (n < 2)
        return;
    m_tabs->setCurrentIndex((m_tabs->currentIndex() + delta + n) % n);
}

void ConsoleWindow::onCurrentChanged(int index)
{
    if (SessionTab *t = tab(index)) {
        t->markSeen();
        updateTab(t);
        t->setFocus(Qt::TabFocusReason);
    }
    updateWindowTitle();
    updateActions();
}

void ConsoleWindow::onBell(SessionTab *tab)
{
    if (tab == currentTab() && isActiveWindow())
        return; // the terminal flashed where the user is looking
    updateTab(tab);
    QApplication::alert(this);
}

void ConsoleWindow::updateTab(SessionTab *tab)
{
    const int index = m_tabs->indexOf(tab);
    if (index < 0)
        return;
    const QString title = tab->title();
    m_tabs->setTabText(index, QString(title).replace(u'&', u"&&"_s));

    QString state = tab->stateText();
    QIcon icon;
    switch (tab->sessionState()) {
    case SessionTab::State::Connecting:
        icon = Icons::colored(u"state-transition"_s);
        break;
    case SessionTab::State::Connected:
        break;
    case SessionTab::State::Closed:
        icon = Icons::colored(u"state-offline"_s);
        break;
    case SessionTab::State::Failed:
        icon = Icons::colored(u"state-error"_s);
        break;
    }
    const bool current = index == m_tabs->currentIndex();
    if (!current && tab->hasUnseenBell()) {
        icon = Icons::symbolic(u"bell"_s);
        state = tr("%1 (bell)").arg(state);
    } else if (!current && tab->hasUnseenActivity() && icon.isNull()) {
        icon = Icons::colored(u"activity"_s);
        state = tr("%1 (new output)").arg(state);
    }
    m_tabs->setTabIcon(index, icon);
    //: Tool tip of a console tab: its title and its state
    m_tabs->setTabToolTip(index, tr("%1\n%2").arg(title, state));
    if (current)
        updateWindowTitle();
}

void ConsoleWindow::updateWindowTitle()
{
    if (SessionTab *t = currentTab())
        setWindowTitle(tr("%1 — Corral").arg(t->title()));
    else
        setWindowTitle(tr("Console — Corral"));
}

void ConsoleWindow::updateActions()
{
    const int n = count();
    SessionTab *t = currentTab();
    m_closeTabAction->setEnabled(n > 0);
    m_previousTabAction->setEnabled(n > 1);
    m_nextTabAction->setEnabled(n > 1);
    m_detachAction->setEnabled(n > 1);
    m_attachAction->setEnabled(!m_isPrimary && m_primary && n > 0);
    m_attachAction->setVisible(!m_isPrimary);
    m_reconnectAction->setEnabled(t && t->canReconnect());
}

void ConsoleWindow::showTabMenu(const QPoint &pos)
{
    const int index = m_tabs->tabBar()->tabAt(pos);
    if (index < 0)
        return;
    m_tabs->setCurrentIndex(index);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (m_reconnectAction->isEnabled()) {
        menu->addAction(m_reconnectAction);
        menu->addSeparator();
    }
    menu->addAction(m_detachAction);
    if (!m_isPrimary)
        menu->addAction(m_attachAction);
    menu->addSeparator();
    menu->addAction(m_closeTabAction);
    menu->popup(m_tabs->tabBar()->mapToGlobal(pos));
}

void ConsoleWindow::closeEvent(QCloseEvent *event)
{
    int connected = 0;
    for (int i = 0; i < count(); ++i) {
        if (tab(i)->sessionState() == SessionTab::State::Connected)
            ++connected;
    }
    if (connected > 1) {
        QMessageBox box(QMessageBox::Question, tr("Close Console Window"),
                        tr("Close %n open session(s)?", nullptr, connected), QMessageBox::NoButton,
                        this);
        box.setObjectName(u"closeSessionsBox"_s);
        box.setInformativeText(tr("Programs running in them are ended."));
        box.addButton(tr("Close Sessions"), QMessageBox::AcceptRole);
        QAbstractButton *cancel = box.addButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() == cancel) {
            event->ignore();
            return;
        }
    }
    saveSettings();
    while (count() > 0) {
        SessionTab *t = takeTab(count() - 1);
        t->closeSession();
        delete t;
    }
    QMainWindow::closeEvent(event);
}

void ConsoleWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange && isActiveWindow()) {
        if (SessionTab *t = currentTab()) {
            t->markSeen();
            updateTab(t);
        }
    }
}

} // namespace Corral
