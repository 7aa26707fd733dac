#pragma once

#include "sessiontab.h"

#include "term/consolestream.h"

#include <QString>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Corral {

class TerminalWidget;

// One console session in a ConsoleWindow tab: a ConsoleStream (SSH shell or serial console)
// rendered by a TerminalWidget, with an inline status banner (Connecting…, Failed + Reconnect,
// Session ended + Reconnect) above it.
//
// Thread: the GUI thread. Owns the stream (a child QObject, deleted with the tab; the tab's
// destructor close()s it if it is still open). The tab wires the stream and the widget, sends
// the widget's size, then calls stream->open(). Moving the tab to another window (reparenting)
// leaves the session untouched.
// Emits titleChanged() when title() changes, activity() for output while the tab is hidden
// (once until it is shown again), bellRang() for every bell, stateChanged() with the stream.
class ConsoleTab final : public SessionTab
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleTab)

public:
    explicit ConsoleTab(std::unique_ptr<ConsoleStream> stream, QWidget *parent = nullptr);
    ~ConsoleTab() override;

    ConsoleStream *stream() const { return m_stream; }
    TerminalWidget *terminalWidget() const { return m_terminal; }
    ConsoleStream::State state() const;
    // "lab1 — shell", or "lab1 — shell: vim notes.txt" when the remote set a title.
    QString title() const override;
    State sessionState() const override;
    QString errorText() const override;

    // Closes the stream (once); the tab stays until its owner deletes it.
    void closeSession() override;
    void reconnect() override;

private:
    void onData(const QByteArray &bytes);
    void onStateChanged(ConsoleStream::State state, const QString &errorText);
    void updateBanner();

    ConsoleStream *m_stream = nullptr;
    TerminalWidget *m_terminal = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_reconnect = nullptr;
    QString m_terminalTitle;
    bool m_closed = false;
};

} // namespace Corral
