#pragma once

#include "sessiontab.h"

#include "rfb/vncsession.h"

#include <QFutureSynchronizer>
#include <QPointer>
#include <QTimer>

#include <array>
#include <functional>
#include <memory>

class QAction;
class QFrame;
class QLabel;
class QMenu;
class QStackedWidget;
class QToolBar;
class QToolButton;
class QVBoxLayout;

namespace Corral {

class CredentialDialog;
class VncView;

// A VM's screen in a ConsoleWindow tab: a VncView under a small tool bar — Fit / 1:1, Full
// Screen (F11), Grab Keyboard (Ctrl+Alt+G), Send Key ▾, Type Clipboard, Screenshot…
// (Ctrl+Shift+S), Refresh — and a status area (Caps/Num/Scroll Lock of the guest, the
// resolution, messages).
//
// Thread: the GUI thread. Owns its VncSession (a child, disconnected and deleted with the
// tab). The tab connects it with the Connector at construction and again on reconnect() after
// a failure; a session waiting to reconnect by itself is told reconnectNow() instead.
// Credential requests open a CredentialDialog (a user name first when the server wants one);
// the answer goes back with answerCredentials() or cancelCredentials(). Full screen moves the
// view into a window of its own and back, leaving the session alone, as does moving the tab
// between console windows. Screenshots are written on a worker thread.
class VncTab final : public SessionTab
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VncTab)

public:
    // Starts a connection of the session, e.g. connectVia(opener, "lab1/vm1").
    using Connector = std::function<void(VncSession *)>;

    enum class Action : quint8 {
        FitToWindow,
        ActualSize,
        FullScreen,
        GrabKeyboard,
        SendKey, // opens the Send Key menu
        TypeClipboard,
        Screenshot,
        Refresh,
        ActionCount
    };

    // `title` names the tab ("lab1/vm1 — screen"); `fileName` starts screenshot file names.
    VncTab(std::unique_ptr<VncSession> session, Connector connector, const QString &title,
           const QString &fileName, QWidget *parent = nullptr);
    ~VncTab() override;

    VncSession *session() const { return m_session; }
    VncView *view() const { return m_view; }
    QAction *action(Action action) const { return m_actions[size_t(action)]; }
    QMenu *sendKeyMenu() const { return m_sendKeyMenu; }

    QString title() const override { return m_title; }
    State sessionState() const override;
    QString errorText() const override;
    QString stateText() const override;
    bool canReconnect() const override;
    void closeSession() override;
    void reconnect() override;

    bool isFullScreen() const { return m_fullScreenWindow != nullptr; }
    void setFullScreen(bool fullScreen);
    QWidget *fullScreenWindow() const { return m_fullScreenWindow; }
    // See VncView::setWaitingText.
    void setWaitingText(const QString &text);

    // "~/Pictures/vm1-20240501-142230.png".
    QString defaultScreenshotPath() const;
    // Writes the screen as it is now to `path` (PNG) in the background; screenshotSaved()
    // reports the outcome.
    void saveScreenshotTo(const QString &path);
    void typeClipboard();
    // The status area's transient message, for tests.
    QString statusMessage() const;

Q_SIGNALS:
    void screenshotSaved(const QString &path, const QString &error);

private:
    void createActions();
    QToolBar *createToolBar();
    QWidget *createStatusArea(QWidget *parent);
    void buildSendKeyMenu();
    void showSendKeyMenu();
    void askForScreenshotFile();
    void saveImage(const QImage &image, const QString &path);
    void onStateChanged(VncSession::State state);
    void onCredentialsRequested(Rfb::CredentialKind kind, const QString &prompt);
    void askPassword(const QString &username);
    void onLedState(int leds);
    void updateActions();
    void showMessage(const QString &text);
    void showFullScreenBar();
    void placeFullScreenBar();
    bool eventFilter(QObject *watched, QEvent *event) override;

    VncSession *m_session = nullptr;
    Connector m_connector;
    QString m_title;
    QString m_fileName;
    VncView *m_view = nullptr;
    std::array<QAction *, size_t(Action::ActionCount)> m_actions{};
    QMenu *m_sendKeyMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QVBoxLayout *m_viewLayout = nullptr;
    QWidget *m_viewPage = nullptr;
    QLabel *m_resolution = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_grabIndicator = nullptr;
    QWidget *m_leds = nullptr;
    std::array<QLabel *, 3> m_ledLabels{}; // Scroll, Num, Caps: the bits of ledStateChanged
    QTimer m_messageTimer;
    QPointer<QWidget> m_fullScreenWindow;
    QFrame *m_fullScreenBar = nullptr;
    QTimer m_barTimer;
    QPointer<CredentialDialog> m_credentialDialog;
    QFutureSynchronizer<QString> m_saves;
    bool m_closed = false;
};

} // namespace Corral
