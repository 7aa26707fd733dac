#pragma once

#include "term/consolestream.h"
#include "util/result.h"

#include <QPointer>

#include <functional>

namespace Corral {

class SshChannel;
class SshSession;

// An interactive shell (a pty channel, xterm-256color) on an SSH session, as a console tab's
// byte stream. The session comes from a provider because reaching it may take a while (a
// guest's session needs its route and a tunnel through the host first) and may fail; every
// reconnect() asks the provider again, so a lost guest tunnel is rebuilt.
class SshShellStream final : public ConsoleStream
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshShellStream)

public:
    using SessionProvider
        = std::function<void(QObject *context, std::function<void(Result<SshSession *>)>)>;

    SshShellStream(QString title, SessionProvider provider, QObject *parent = nullptr);
    ~SshShellStream() override;

    QString title() const override { return m_title; }
    void open() override;
    void write(const QByteArray &bytes) override;
    void resize(int cols, int rows) override;
    void reconnect() override;
    void close() override;

private:
    void dropChannel();

    QString m_title;
    SessionProvider m_provider;
    QPointer<SshChannel> m_channel;
    int m_cols = 80;
    int m_rows = 24;
    quint64 m_attempt = 0;
};

} // namespace Corral
