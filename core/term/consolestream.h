#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Corral {

// A byte stream behind one console tab: an SSH shell (a pty channel of a host's shared SSH
// session) or a VM's serial console (a libvirt stream). Lives on the GUI thread; the
// transport work happens on the owning session's thread and arrives as signals. Every
// implementation starts in Connecting; open() is called once by the owner.
class ConsoleStream : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleStream)

public:
    enum class State : quint8 {
        Connecting,
        Connected,
        Closed, // the remote side ended it (shell exited, VM powered off); reconnect() allowed
        Failed, // a connection problem; errorText() says what, reconnect() tries again
    };
    Q_ENUM(State)

    using QObject::QObject;
    ~ConsoleStream() override = default;

    State state() const { return m_state; }
    QString errorText() const { return m_errorText; }
    virtual QString title() const = 0; // "lab1 — shell", "lab1/vm1 — serial"

    virtual void open() = 0;
    virtual void write(const QByteArray &bytes) = 0; // ignored unless Connected
    virtual void resize(int cols, int rows) = 0; // window-change; remembered for reconnect
    virtual void reconnect() = 0;
    virtual void close() = 0; // no further signals except stateChanged(Closed)

Q_SIGNALS:
    void dataReceived(const QByteArray &bytes);
    void stateChanged(Corral::ConsoleStream::State state, const QString &errorText);

protected:
    void setState(State state, const QString &errorText = {})
    {
        if (state == m_state && errorText == m_errorText)
            return;
        m_state = state;
        m_errorText = errorText;
        Q_EMIT stateChanged(state, errorText);
    }

private:
    State m_state = State::Connecting;
    QString m_errorText;
};

} // namespace Corral
