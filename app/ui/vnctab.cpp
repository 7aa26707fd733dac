#include "vnctab.h"

#include "credentialdialog.h"
#include "icons.h"
#include "rfb/keymap.h"
#include "vncview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

// Typing is one key press per character; more than this is what a clipboard is for.
constexpr int MaxTypedCharacters = 4096;
constexpr int MessageMs = 6000;
constexpr int FullScreenBarMs = 3000;

QString withShortcut(const QString &tip, const QKeySequence &key)
{
    //: Tool tip: what an action does and its keyboard shortcut
    return key.isEmpty() ? tip
                         : VncTab::tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText));
}

} // namespace

VncTab::VncTab(std::unique_ptr<VncSession> session, Connector connector, const QString &title,
               const QString &fileName, QWidget *parent)
    : SessionTab(parent)
    , m_session(session.release())
    , m_connector(std::move(connector))
    , m_title(title)
    , m_fileName(fileName)
{
    Q_ASSERT(m_session);
    setObjectName(u"vncTab"_s);
    m_session->setParent(this);

    m_view = new VncView;
    m_view->setSession(m_session);
    createActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_toolBar = createToolBar();
    layout->addWidget(m_toolBar);

    m_stack = new QStackedWidget(this);
    m_viewPage = new QWidget(m_stack);
    m_viewLayout = new QVBoxLayout(m_viewPage);
    m_viewLayout->setContentsMargins(0, 0, 0, 0);
    m_viewLayout->addWidget(m_view);
    m_stack->addWidget(m_viewPage);
    auto *placeholder = new QWidget(m_stack);
    placeholder->setObjectName(u"fullScreenPlaceholder"_s);
    auto *placeholderLayout = new QVBoxLayout(placeholder);
    placeholderLayout->addStretch();
    auto *placeholderText = new QLabel(tr("The screen is shown full screen."), placeholder);
    placeholderText->setAlignment(Qt::AlignCenter);
    placeholderLayout->addWidget(placeholderText);
    auto *leave = new QPushButton(tr("Leave Full Screen"), placeholder);
    leave->setObjectName(u"leaveFullScreenButton"_s);
    connect(leave, &QPushButton::clicked, this, [this] { setFullScreen(false); });
    placeholderLayout->addWidget(leave, 0, Qt::AlignHCenter);
    placeholderLayout->addStretch();
    m_stack->addWidget(placeholder);
    layout->addWidget(m_stack, 1);
    setFocusProxy(m_view);

    m_messageTimer.setSingleShot(true);
    m_messageTimer.setInterval(MessageMs);
    connect(&m_messageTimer, &QTimer::timeout, m_message, &QLabel::clear);
    m_barTimer.setSingleShot(true);
    m_barTimer.setInterval(FullScreenBarMs);
    connect(&m_barTimer, &QTimer::timeout, this, [this] {
        if (m_fullScreenBar && !m_fullScreenBar->underMouse())
            m_fullScreenBar->hide();
        else if (m_fullScreenBar)
            m_barTimer.start();
    });

    connect(m_session, &VncSession::stateChanged, this, &VncTab::onStateChanged);
    connect(m_session, &VncSession::credentialsRequested, this, &VncTab::onCredentialsRequested);
    connect(m_session, &VncSession::framebufferResized, this, [this](const QSize &size) {
        m_resolution->setText(tr("%1 × %2").arg(size.width()).arg(size.height()));
    });
    connect(m_session, &VncSession::frameUpdated, this, &VncTab::noteActivity);
    connect(m_session, &VncSession::bell, this, &VncTab::noteBell);
    connect(m_session, &VncSession::ledStateChanged, this, &VncTab::onLedState);
    connect(m_session, &VncSession::firstFrame, this, &VncTab::updateActions);
    connect(m_view, &VncView::reconnectRequested, this, &VncTab::reconnect);
    connect(m_view, &VncView::keyboardGrabChanged, this, [this](bool grabbed) {
        action(Action::GrabKeyboard)->setChecked(grabbed);
        m_grabIndicator->setVisible(grabbed);
    });
    connect(m_view, &VncView::scaleModeChanged, this, [this](VncView::ScaleMode mode) {
        action(mode == VncView::ScaleMode::Fit ? Action::FitToWindow : Action::ActualSize)
            ->setChecked(true);
    });
    connect(m_view, &VncView::pointerAtTopEdge, this, [this] {
        if (isFullScreen())
            showFullScreenBar();
    });

    updateActions();
    if (m_connector)
        m_connector(m_session);
}

VncTab::~VncTab()
{
    // The session must not call back into the half-destroyed tab while it closes.
    m_session->disconnect(this);
    if (m_credentialDialog)
        m_credentialDialog->disconnect(this);
    closeSession();
}

void VncTab::createActions()
{
    auto make = [this](Action id, const QString &name, const QString &icon, const QString &text,
                       const QString &tip, const QKeySequence &key) {
        auto *action = new QAction(Icons::symbolic(icon), text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(withShortcut(tip, key));
        addAction(action);
        m_actions[size_t(id)] = action;
        return action;
    };
    QAction *fit = make(Action::FitToWindow, u"vnc.fit"_s, u"vnc-fit"_s, tr("&Fit to Window"),
                        tr("Scale the screen to the window, keeping its proportions"),
                        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0));
    QAction *actual
        = make(Action::ActualSize, u"vnc.actualSize"_s, u"vnc-actual-size"_s,
               tr("&Actual Size (1:1)"), tr("One screen pixel per display pixel, with scroll bars"),
               QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_1));
    auto *scaling = new QActionGroup(this);
    for (QAction *a : {fit, actual}) {
        a->setCheckable(true);
        scaling->addAction(a);
    }
    fit->setChecked(true);
    connect(fit, &QAction::triggered, this,
            [this] { m_view->setScaleMode(VncView::ScaleMode::Fit); });
    connect(actual, &QAction::triggered, this,
            [this] { m_view->setScaleMode(VncView::ScaleMode::Actual); });

    QAction *full
        = make(Action::FullScreen, u"vnc.fullScreen"_s, u"vnc-fullscreen"_s, tr("F&ull Screen"),
               tr("Show the screen on the whole display; F11 or the bar at the top "
                  "edge leaves (Esc goes to the VM)"),
               QKeySequence(Qt::Key_F11));
    full->setCheckable(true);
    connect(full, &QAction::triggered, this, [this](bool on) { setFullScreen(on); });

    QAction *grab
        = make(Action::GrabKeyboard, u"vnc.grabKeyboard"_s, u"vnc-keyboard"_s, tr("&Grab Keyboard"),
               tr("Send every key to the VM, including Tab, Alt+Tab and the Super "
                  "key; Ctrl+Alt+G releases"),
               QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G));
    grab->setCheckable(true);
    connect(grab, &QAction::triggered, this, [this](bool on) {
        m_view->setKeyboardGrabbed(on);
        m_view->setFocus();
    });

    QAction *sendKey = make(Action::SendKey, u"vnc.sendKey"_s, u"vnc-send-key"_s, tr("Send &Key"),
                            tr("Send a key combination the desktop would not pass on "
                               "(Ctrl+Alt+Del, Ctrl+Alt+F1…, Cmd+Tab)"),
                            QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_K));
    m_sendKeyMenu = new QMenu(this);
    m_sendKeyMenu->setObjectName(u"sendKeyMenu"_s);
    buildSendKeyMenu();
    sendKey->setMenu(m_sendKeyMenu);
    connect(sendKey, &QAction::triggered, this, &VncTab::showSendKeyMenu);

    QAction *type = make(Action::TypeClipboard, u"vnc.typeClipboard"_s, u"vnc-type-text"_s,
                         tr("&Type Clipboard"),
                         tr("Type the clipboard's text into the VM as key presses, for guests "
                            "without clipboard sharing"),
                         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_V));
    connect(type, &QAction::triggered, this, &VncTab::typeClipboard);

    QAction *shot = make(Action::Screenshot, u"vnc.screenshot"_s, u"vnc-screenshot"_s,
                         tr("&Screenshot…"), tr("Save the screen as a PNG image"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(shot, &QAction::triggered, this, &VncTab::askForScreenshotFile);

    QAction *refresh = make(Action::Refresh, u"vnc.refresh"_s, u"reboot"_s, tr("&Refresh"),
                            tr("Ask the VM for the whole screen again"),
                            QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    connect(refresh, &QAction::triggered, this, [this] { m_session->requestRefresh(); });
}

void VncTab::buildSendKeyMenu()
{
    QMenu *consoles = nullptr;
    QMenu *mac = nullptr;
    const QList<Rfb::KeyCombo> combos = Rfb::sendKeyCombos();
    for (const Rfb::KeyCombo &combo : combos) {
        QMenu *menu = m_sendKeyMenu;
        if (combo.group == Rfb::KeyCombo::Group::Console) {
            if (!consoles) {
                consoles = m_sendKeyMenu->addMenu(tr("Virtual &Console"));
                consoles->setToolTipsVisible(true);
            }
            menu = consoles;
        } else if (combo.group == Rfb::KeyCombo::Group::Mac) {
            if (!mac) {
                m_sendKeyMenu->addSeparator();
                mac = m_sendKeyMenu->addMenu(tr("&macOS"));
                mac->setToolTipsVisible(true);
            }
            menu = mac;
        }
        QAction *action = menu->addAction(combo.label);
        action->setObjectName(u"sendKey."_s + combo.id);
        action->setToolTip(tr("Send %1 to the VM").arg(combo.label));
        connect(action, &QAction::triggered, this, [this, keys = combo.keys] {
            m_view->sendKeys(keys);
            m_view->setFocus();
        });
    }
    m_sendKeyMenu->setToolTipsVisible(true);
}

void VncTab::showSendKeyMenu()
{
    QWidget *anchor = m_toolBar->widgetForAction(action(Action::SendKey));
    if (m_fullScreenBar && m_fullScreenBar->isVisible())
        anchor = m_fullScreenBar;
    const QPoint at = anchor && anchor->isVisible()
        ? anchor->mapToGlobal(QPoint(0, anchor->height()))
        : m_view->mapToGlobal(QPoint(8, 8));
    m_sendKeyMenu->popup(at);
}

QToolBar *VncTab::createToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(u"vncToolBar"_s);
    bar->setIconSize(QSize(16, 16));
    bar->setFocusPolicy(Qt::NoFocus);
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    bar->addAction(action(Action::FitToWindow));
    bar->addAction(action(Action::ActualSize));
    bar->addAction(action(Action::FullScreen));
    bar->addSeparator();
    bar->addAction(action(Action::GrabKeyboard));
    bar->addAction(action(Action::SendKey));
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action(Action::SendKey)))) {
        button->setPopupMode(QToolButton::InstantPopup);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    }
    bar->addAction(action(Action::TypeClipboard));
    bar->addSeparator();
    bar->addAction(action(Action::Screenshot));
    bar->addAction(action(Action::Refresh));
    const QList<QWidget *> buttons = bar->findChildren<QWidget *>();
    for (QWidget *button : buttons)
        button->setFocusPolicy(Qt::NoFocus);
    bar->addWidget(createStatusArea(bar));
    return bar;
}

QWidget *VncTab::createStatusArea(QWidget *parent)
{
    auto *area = new QWidget(parent);
    area->setObjectName(u"vncStatus"_s);
    area->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *layout = new QHBoxLayout(area);
    layout->setContentsMargins(8, 0, 6, 0);
    layout->setSpacing(10);
    m_message = new QLabel(area);
    m_message->setObjectName(u"vncMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_message, 1);

    m_grabIndicator = new QLabel(tr("Keyboard grabbed — Ctrl+Alt+G releases"), area);
    m_grabIndicator->setObjectName(u"grabIndicator"_s);
    QFont bold = m_grabIndicator->font();
    bold.setBold(true);
    m_grabIndicator->setFont(bold);
    m_grabIndicator->hide();
    layout->addWidget(m_grabIndicator);

    m_leds = new QWidget(area);
    m_leds->setObjectName(u"ledIndicators"_s);
    auto *ledLayout = new QHBoxLayout(m_leds);
    ledLayout->setContentsMargins(0, 0, 0, 0);
    ledLayout->setSpacing(6);
    const QString names[] = {tr("Scroll"), tr("Num"), tr("Caps")};
    const QString objectNames[] = {u"ledScroll"_s, u"ledNum"_s, u"ledCaps"_s};
    // Shown Caps, Num, Scroll from the left, as on a keyboard.
    for (int bit = 2; bit >= 0; --bit) {
        auto *led = new QLabel(names[bit], m_leds);
        led->setObjectName(objectNames[bit]);
        led->setEnabled(false);
        m_ledLabels[size_t(bit)] = led;
        ledLayout->addWidget(led);
    }
    m_leds->hide(); // until the server reports its LEDs
    layout->addWidget(m_leds);

    m_resolution = new QLabel(area);
    m_resolution->setObjectName(u"vncResolution"_s);
    m_resolution->setToolTip(tr("The VM's screen resolution"));
    layout->addWidget(m_resolution);
    return area;
}

SessionTab::State VncTab::sessionState() const
{
    switch (m_session->state()) {
    case VncSession::State::Connected:
        return State::Connected;
    case VncSession::State::Closed:
        return State::Closed;
    case VncSession::State::Failed:
        return State::Failed;
    case VncSession::State::Idle:
    case VncSession::State::Connecting:
    case VncSession::State::Authenticating:
    case VncSession::State::Reconnecting:
        break;
    }
    return State::Connecting;
}

QString VncTab::errorText() const
{
    return m_session->errorText();
}

QString VncTab::stateText() const
{
    switch (m_session->state()) {
    case VncSession::State::Authenticating:
        return tr("Waiting for the password");
    case VncSession::State::Reconnecting:
        return errorText().isEmpty() ? tr("Reconnecting…")
                                     : tr("Reconnecting: %1").arg(errorText());
    case VncSession::State::Closed:
        return tr("Disconnected");
    default:
        return SessionTab::stateText();
    }
}

bool VncTab::canReconnect() const
{
    return SessionTab::canReconnect() || m_session->state() == VncSession::State::Reconnecting;
}

void VncTab::closeSession()
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_credentialDialog)
        m_credentialDialog->close();
    m_session->disconnectFromHost();
}

void VncTab::reconnect()
{
    if (m_session->state() == VncSession::State::Reconnecting) {
        m_session->reconnectNow();
    } else if (m_connector) {
        m_closed = false;
        m_connector(m_session);
    }
    m_view->setFocus();
}

void VncTab::setWaitingText(const QString &text)
{
    m_view->setWaitingText(text);
}

void VncTab::onStateChanged(VncSession::State state)
{
    if (state == VncSession::State::Connected || state == VncSession::State::Connecting)
        m_closed = false;
    if (state != VncSession::State::Authenticating && m_credentialDialog) {
        m_credentialDialog->disconnect(this);
        m_credentialDialog->close();
    }
    if (state == VncSession::State::Connected && m_view->isKeyboardGrabbed())
        m_view->setFocus();
    if (state != VncSession::State::Connected)
        m_leds->hide(); // the next connection reports them again
    updateActions();
    Q_EMIT stateChanged();
}

void VncTab::updateActions()
{
    const bool connected = m_session->state() == VncSession::State::Connected;
    const bool input = connected && !m_view->isViewOnly();
    action(Action::SendKey)->setEnabled(input);
    action(Action::TypeClipboard)->setEnabled(input);
    action(Action::Refresh)->setEnabled(connected);
    action(Action::Screenshot)->setEnabled(connected || m_session->frameCount() > 0);
}

void VncTab::onCredentialsRequested(Rfb::CredentialKind kind, const QString &prompt)
{
    if (m_credentialDialog)
        m_credentialDialog->close();
    if (kind == Rfb::CredentialKind::Password) {
        askPassword(QString());
        return;
    }
    CredentialRequest request;
    request.hostName = prompt;
    request.kind = CredentialRequest::Kind::Username;
    request.prompt = tr("User name for the screen of %1:").arg(prompt);
    auto *dialog = new CredentialDialog(request, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_credentialDialog = dialog;
    connect(dialog, &CredentialDialog::answered, this,
            [this](quint64, const std::optional<QString> &answer) {
                if (m_session->state() != VncSession::State::Authenticating)
                    return;
                if (!answer)
                    return m_session->cancelCredentials();
                // Asked once the user-name dialog is gone.
                QTimer::singleShot(0, this, [this, user = *answer] { askPassword(user); });
            });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void VncTab::askPassword(const QString &username)
{
    if (m_session->state() != VncSession::State::Authenticating)
        return;
    CredentialRequest request;
    request.hostName = m_session->label();
    request.kind = CredentialRequest::Kind::Password;
    request.echo = false;
    request.prompt = username.isEmpty()
        ? tr("VNC password for the screen of %1:").arg(m_session->label())
        : tr("Password of %1 for the screen of %2:").arg(username, m_session->label());
    auto *dialog = new CredentialDialog(request, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_credentialDialog = dialog;
    connect(dialog, &CredentialDialog::answered, this,
            [this, username](quint64, const std::optional<QString> &answer) {
                if (m_session->state() != VncSession::State::Authenticating)
                    return;
                if (!answer)
                    return m_session->cancelCredentials();
                m_session->answerCredentials({username, *answer});
                m_view->setFocus();
            });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void VncTab::onLedState(int leds)
{
    static const char *const keys[]
        = {QT_TR_NOOP("Scroll Lock"), QT_TR_NOOP("Num Lock"), QT_TR_NOOP("Caps Lock")};
    for (size_t bit = 0; bit < m_ledLabels.size(); ++bit) {
        const bool on = leds & (1 << bit);
        m_ledLabels[bit]->setEnabled(on);
        const QString key = tr(keys[bit]);
        m_ledLabels[bit]->setToolTip(on ? tr("%1 is on in the VM").arg(key)
                                        : tr("%1 is off in the VM").arg(key));
    }
    m_leds->show();
}

void VncTab::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setToolTip(text);
    m_messageTimer.start();
}

QString VncTab::statusMessage() const
{
    return m_message->text();
}

void VncTab::typeClipboard()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (text.isEmpty()) {
        showMessage(tr("The clipboard holds no text to type."));
        return;
    }
    if (text.size() > MaxTypedCharacters) {
        showMessage(tr("The clipboard holds %1 characters; at most %2 are typed.")
                        .arg(text.size())
                        .arg(MaxTypedCharacters));
        return;
    }
    m_session->typeText(text);
    showMessage(tr("Typing %n character(s)…", nullptr, int(text.size())));
    m_view->setFocus();
}

QString VncTab::defaultScreenshotPath() const
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    QString stem = m_fileName;
    static const QString unsafe = u"/\\:*?\"<>|"_s;
    for (QChar &c : stem) {
        if (unsafe.contains(c) || c.isSpace())
            c = u'-';
    }
    if (stem.isEmpty())
        stem = u"screen"_s;
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    return QDir(dir).filePath(stem + u'-' + stamp + u".png"_s);
}

void VncTab::askForScreenshotFile()
{
    // The picture of the moment the user asked, not of when the dialog closes.
    const QImage image = m_view->snapshot();
    if (image.isNull()) {
        showMessage(tr("There is no screen to save yet."));
        return;
    }
    auto *dialog
        = new QFileDialog(m_fullScreenWindow ? m_fullScreenWindow.data() : this,
                          tr("Save Screenshot"), defaultScreenshotPath(), tr("PNG images (*.png)"));
    dialog->setObjectName(u"screenshotDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"png"_s);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, image](const QString &path) { saveImage(image, path); });
    dialog->open();
}

void VncTab::saveScreenshotTo(const QString &path)
{
    saveImage(m_view->snapshot(), path);
}

void VncTab::saveImage(const QImage &image, const QString &path)
{
    if (image.isNull()) {
        showMessage(tr("There is no screen to save yet."));
        Q_EMIT screenshotSaved(path, tr("There is no screen to save yet."));
        return;
    }
    QFuture<QString> future = QtConcurrent::run([image, path] {
        QImageWriter writer(path, "png");
        return writer.write(image) ? QString() : writer.errorString();
    });
    m_saves.addFuture(future);
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (error.isEmpty())
            showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
        else
            showMessage(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error));
        Q_EMIT screenshotSaved(path, error);
    });
    watcher->setFuture(future);
}

void VncTab::setFullScreen(bool fullScreen)
{
    action(Action::FullScreen)->setChecked(fullScreen);
    if (fullScreen == isFullScreen())
        return;
    if (fullScreen) {
        // A window of its own, owned by the tab; the view moves in and the session stays.
        auto *window = new QWidget(this, Qt::Window);
        window->setObjectName(u"vncFullScreenWindow"_s);
        window->setWindowTitle(m_title);
        window->setWindowIcon(Icons::application());
        auto *layout = new QVBoxLayout(window);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_view);
        window->addActions(actions());

        m_fullScreenBar = new QFrame(window);
        m_fullScreenBar->setObjectName(u"fullScreenBar"_s);
        m_fullScreenBar->setFrameShape(QFrame::StyledPanel);
        m_fullScreenBar->setAutoFillBackground(true);
        auto *barLayout = new QHBoxLayout(m_fullScreenBar);
        barLayout->setContentsMargins(8, 2, 4, 2);
        auto *title = new QLabel(m_title, m_fullScreenBar);
        title->setTextFormat(Qt::PlainText);
        barLayout->addWidget(title);
        for (Action id : {Action::GrabKeyboard, Action::SendKey, Action::TypeClipboard,
                          Action::Screenshot, Action::FullScreen}) {
            auto *button = new QToolButton(m_fullScreenBar);
            button->setDefaultAction(action(id));
            button->setAutoRaise(true);
            button->setFocusPolicy(Qt::NoFocus);
            if (id == Action::SendKey)
                button->setPopupMode(QToolButton::InstantPopup);
            barLayout->addWidget(button);
        }
        window->installEventFilter(this);
        m_fullScreenWindow = window;
        m_stack->setCurrentIndex(1);
        // The screen the tab is on; also covers it where no window manager honours full screen.
        if (const QScreen *screen = this->screen())
            window->setGeometry(screen->geometry());
        window->showFullScreen();
        m_view->setFocus();
        showFullScreenBar();
    } else {
        QWidget *window = m_fullScreenWindow;
        m_fullScreenWindow = nullptr;
        m_fullScreenBar = nullptr;
        m_barTimer.stop();
        window->removeEventFilter(this);
        m_viewLayout->addWidget(m_view);
        m_stack->setCurrentIndex(0);
        window->hide();
        window->deleteLater();
        if (QWidget *top = this->window(); top && top != this) {
            top->raise();
            top->activateWindow();
        }
        m_view->setFocus();
    }
}

void VncTab::showFullScreenBar()
{
    if (!m_fullScreenBar)
        return;
    placeFullScreenBar();
    m_fullScreenBar->show();
    m_fullScreenBar->raise();
    m_barTimer.start();
}

void VncTab::placeFullScreenBar()
{
    if (!m_fullScreenBar || !m_fullScreenWindow)
        return;
    m_fullScreenBar->adjustSize();
    const int x = (m_fullScreenWindow->width() - m_fullScreenBar->width()) / 2;
    m_fullScreenBar->move(std::max(0, x), 0);
}

bool VncTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_fullScreenWindow) {
        if (event->type() == QEvent::Close) {
            // Closing the full-screen window (the window manager's close) only leaves it.
            event->ignore();
            QTimer::singleShot(0, this, [this] { setFullScreen(false); });
            return true;
        }
        if (event->type() == QEvent::Resize)
            placeFullScreenBar();
    }
    return SessionTab::eventFilter(watched, event);
}

} // namespace Corral
