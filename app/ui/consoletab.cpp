#include "consoletab.h"

#include "icons.h"
#include "terminalwidget.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Corral {

ConsoleTab::ConsoleTab(std::unique_ptr<ConsoleStream> stream, QWidget *parent)
    : SessionTab(parent)
    , m_stream(stream.release())
{
    Q_ASSERT(m_stream);
    setObjectName(u"consoleTab"_s);
    m_stream->setParent(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *banner = new QFrame(this);
    banner->setObjectName(u"consoleBanner"_s);
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setAutoFillBackground(true);
    auto *bannerLayout = new QHBoxLayout(banner);
    bannerLayout->setContentsMargins(8, 4, 6, 4);
    bannerLayout->setSpacing(8);
    m_bannerIcon = new QLabel(banner);
    m_bannerIcon->setObjectName(u"bannerIcon"_s);
    bannerLayout->addWidget(m_bannerIcon);
    m_busy = new QProgressBar(banner);
    m_busy->setObjectName(u"bannerBusy"_s);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedSize(64, 10);
    bannerLayout->addWidget(m_busy);
    m_bannerText = new QLabel(banner);
    m_bannerText->setObjectName(u"bannerText"_s);
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerText->setWordWrap(true);
    bannerLayout->addWidget(m_bannerText, 1);
    m_reconnect = new QPushButton(Icons::symbolic(u"reboot"_s), tr("&Reconnect"), banner);
    m_reconnect->setObjectName(u"reconnectButton"_s);
    m_reconnect->setFocusPolicy(Qt::TabFocus);
    bannerLayout->addWidget(m_reconnect);
    m_banner = banner;
    layout->addWidget(banner);

    m_terminal = new TerminalWidget(this);
    layout->addWidget(m_terminal, 1);
    setFocusProxy(m_terminal);

    connect(m_stream, &ConsoleStream::dataReceived, this, &ConsoleTab::onData);
    connect(m_stream, &ConsoleStream::stateChanged, this, &ConsoleTab::onStateChanged);
    connect(m_terminal, &TerminalWidget::sendBytes, m_stream, &ConsoleStream::write);
    connect(m_terminal, &TerminalWidget::terminalSizeChanged, m_stream, &ConsoleStream::resize);
    connect(m_terminal, &TerminalWidget::titleChanged, this, [this](const QString &title) {
        if (title == m_terminalTitle)
            return;
        m_terminalTitle = title;
        Q_EMIT titleChanged();
    });
    connect(m_terminal, &TerminalWidget::bellRang, this, &ConsoleTab::noteBell);
    connect(m_reconnect, &QPushButton::clicked, this, &ConsoleTab::reconnect);

    updateBanner();
    const Terminal *term = m_terminal->terminal();
    m_stream->resize(term->cols(), term->rows());
    m_stream->open();
}

ConsoleTab::~ConsoleTab()
{
    // The stream must not call back into the half-destroyed tab while it closes.
    m_stream->disconnect(this);
    closeSession();
}

ConsoleStream::State ConsoleTab::state() const
{
    return m_stream->state();
}

SessionTab::State ConsoleTab::sessionState() const
{
    switch (m_stream->state()) {
    case ConsoleStream::State::Connecting:
        return State::Connecting;
    case ConsoleStream::State::Connected:
        return State::Connected;
    case ConsoleStream::State::Closed:
        return State::Closed;
    case ConsoleStream::State::Failed:
        break;
    }
    return State::Failed;
}

QString ConsoleTab::errorText() const
{
    return m_stream->errorText();
}

QString ConsoleTab::title() const
{
    const QString base = m_stream->title();
    if (m_terminalTitle.isEmpty() || m_terminalTitle == base)
        return base;
    //: Console tab title: the session (host, kind) and the title the remote program set
    return tr("%1: %2").arg(base, m_terminalTitle);
}

void ConsoleTab::closeSession()
{
    if (m_closed)
        return;
    m_closed = true;
    m_stream->close();
}

void ConsoleTab::reconnect()
{
    m_closed = false;
    m_stream->reconnect();
    m_terminal->setFocus();
}

void ConsoleTab::onData(const QByteArray &bytes)
{
    m_terminal->feed(bytes);
    noteActivity();
}

void ConsoleTab::onStateChanged(ConsoleStream::State state, const QString &)
{
    if (state == ConsoleStream::State::Connected || state == ConsoleStream::State::Connecting)
        m_closed = false;
    updateBanner();
    Q_EMIT stateChanged();
}

void ConsoleTab::updateBanner()
{
    const ConsoleStream::State state = m_stream->state();
    QPalette pal = palette();
    const QColor base = pal.color(QPalette::Window);
    auto tinted = [&base](const QColor &tint) {
        return QColor::fromRgbF(base.redF() * 0.85 + tint.redF() * 0.15,
                                base.greenF() * 0.85 + tint.greenF() * 0.15,
                                base.blueF() * 0.85 + tint.blueF() * 0.15);
    };
    const int iconSize = m_bannerText->fontMetrics().height();
    switch (state) {
    case ConsoleStream::State::Connected:
        m_banner->hide();
        return;
    case ConsoleStream::State::Connecting:
        m_bannerIcon->hide();
        m_busy->show();
        // A stream may say what it waits for ("Waiting for vm1 to start…").
        m_bannerText->setText(m_stream->errorText().isEmpty() ? tr("Connecting…")
                                                              : m_stream->errorText());
        m_reconnect->hide();
        pal.setColor(QPalette::Window, tinted(pal.color(QPalette::Highlight)));
        break;
    case ConsoleStream::State::Failed:
        m_busy->hide();
        m_bannerIcon->setPixmap(Icons::colored(u"state-error"_s).pixmap(iconSize));
        m_bannerIcon->show();
        m_bannerText->setText(tr("Failed: %1").arg(m_stream->errorText()));
        m_reconnect->show();
        pal.setColor(QPalette::Window, tinted(Theme::errorColor(pal)));
        break;
    case ConsoleStream::State::Closed:
        m_busy->hide();
        m_bannerIcon->setPixmap(Icons::colored(u"state-offline"_s).pixmap(iconSize));
        m_bannerIcon->show();
        m_bannerText->setText(m_stream->errorText().isEmpty() ? tr("Session ended.")
                                                              : m_stream->errorText());
        m_reconnect->show();
        break;
    }
    m_banner->setPalette(pal);
    m_banner->show();
}

} // namespace Corral
