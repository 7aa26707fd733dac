#include "sshshellstream.h"

#include "sshsession.h"

namespace Corral {

SshShellStream::SshShellStream(QString title, SessionProvider provider, QObject *parent)
    : ConsoleStream(parent)
    , m_title(std::move(title))
    , m_provider(std::move(provider))
{ }

SshShellStream::~SshShellStream()
{
    dropChannel();
}

void SshShellStream::open()
{
    dropChannel();
    setState(State::Connecting);
    const quint64 attempt = ++m_attempt;
    m_provider(this, [this, attempt](Result<SshSession *> session) {
        if (attempt != m_attempt)
            return; // superseded by a reconnect or close
        if (!session) {
            setState(State::Failed, session.error().message);
            return;
        }
        SshChannel *channel = (*session)->openShell(m_cols, m_rows, this);
        m_channel = channel;
        connect(channel, &SshChannel::opened, this, [this] { setState(State::Connected); });
        connect(channel, &SshChannel::dataReceived, this,
                [this](const QByteArray &bytes, bool) { Q_EMIT dataReceived(bytes); });
        connect(channel, &SshChannel::closed, this,
                [this, channel](int exitStatus, const QString &error) {
                    if (m_channel != channel)
                        return;
                    if (!error.isEmpty()) {
                        setState(State::Failed, error);
                    } else if (exitStatus >= 0) {
                        setState(State::Closed,
                                 tr("The shell ended (exit status %1).").arg(exitStatus));
                    } else {
                        setState(State::Closed, tr("The shell ended."));
                    }
                });
    });
}

void SshShellStream::write(const QByteArray &bytes)
{
    if (m_channel && state() == State::Connected)
        m_channel->write(bytes);
}

void SshShellStream::resize(int cols, int rows)
{
    if (cols <= 0 || rows <= 0 || (cols == m_cols && rows == m_rows))
        return;
    m_cols = cols;
    m_rows = rows;
    if (m_channel)
        m_channel->resize(cols, rows);
}

void SshShellStream::reconnect()
{
    open();
}

void SshShellStream::close()
{
    ++m_attempt;
    dropChannel();
    setState(State::Closed);
}

void SshShellStream::dropChannel()
{
    if (SshChannel *channel = m_channel.data()) {
        m_channel.clear();
        delete channel; // closes it on the session thread
    }
}

} // namespace Corral
