// corralctl ssh / console / forward: the CLI side of RemoteAccess.
#include "clirunner.h"

#include "fleet/remoteaccess.h"
#include "ssh/sshsession.h"
#include "term/consolestream.h"

#include <QSize>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace Corral {

namespace {
int signalPipe[2] = {-1, -1};

void onPosixSignal(int signo)
{
    const char byte = char(signo);
    [[maybe_unused]] auto n = ::write(signalPipe[1], &byte, 1);
}

// Writes all of `bytes` to a file descriptor (stdout, stderr), unbuffered: remote output is
// bytes, not text, and interactive output must not wait in a buffer.
void writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            return;
        }
        done += n;
    }
}

QSize terminalSize()
{
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0)
        return QSize(ws.ws_col, ws.ws_row);
    return QSize(80, 24);
}

constexpr char EscapeByte = 0x1d; // Ctrl+] leaves an interactive console
} // namespace

void CliRunner::watchSignals(std::function<void(int)> onSignal)
{
    if (signalPipe[0] < 0) {
        if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
        struct sigaction action
        {
        };
        action.sa_handler = &onPosixSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        for (int signo : {SIGINT, SIGTERM, SIGHUP, SIGWINCH})
            ::sigaction(signo, &action, nullptr);
    }
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [onSignal] {
        char byte = 0;
        while (::read(signalPipe[0], &byte, 1) == 1)
            onSignal(int(byte));
    });
}

void CliRunner::enterRawMode()
{
    if (m_savedTermios || !isatty(STDIN_FILENO))
        return;
    auto saved = std::make_unique<termios>();
    if (::tcgetattr(STDIN_FILENO, saved.get()) != 0)
        return;
    termios raw = *saved;
    ::cfmakeraw(&raw);
    ::tcsetattr(STDIN_FILENO, TCSADRAIN, &raw);
    m_savedTermios = std::move(saved);
}

void CliRunner::leaveRawMode()
{
    if (m_savedTermios) {
        ::tcsetattr(STDIN_FILENO, TCSADRAIN, m_savedTermios.get());
        m_savedTermios.reset();
    }
}

void CliRunner::resolveTarget(const QString &name, bool vmOnly, std::function<void(Target)> then)
{
    openFleet();
    auto lookup = [this, name, vmOnly, then] {
        Target target;
        if (!vmOnly) {
            if (auto host = m_fleet->hostByName(name)) {
                target.isHost = true;
                target.host = *host;
                return then(target);
            }
        }
        // A VM: its host's inventory is needed first.
        const QString hostName = name.section(u'/', 0, 0, QString::SectionSkipEmpty);
        QList<qint64> ids;
        if (name.contains(u'/')) {
            auto host = m_fleet->hostByName(hostName);
            if (!host) {
                error(tr("no host named \"%1\" (see: corralctl host list)").arg(hostName));
                return finish(Exit::Failure);
            }
            ids.append(host->config.id);
        }
        connectAndWait(ids, [this, name, then] {
            auto vm = m_fleet->resolveVm(name);
            if (!vm) {
                error(vm.error().message);
                return finish(Exit::Failure);
            }
            Target target;
            target.vm = *vm;
            then(target);
        });
    };
    if (m_fleet->isLoaded()) {
        lookup();
    } else {
        connect(m_fleet.get(), &Fleet::loaded, this, lookup, Qt::SingleShotConnection);
        m_fleet->load(false);
    }
}

void CliRunner::sshCommand(QStringList args)
{
    QStringList command;
    if (const qsizetype dashes = args.indexOf(QStringLiteral("--")); dashes >= 0) {
        command = args.mid(dashes + 1);
        args = args.mid(0, dashes);
    }
    if (args.size() != 1) {
        error(tr("ssh takes one HOST or VM, e.g. corralctl ssh mac1 -- uname -a"));
        return finish(Exit::Usage);
    }
    if (command.isEmpty() && !isatty(STDIN_FILENO)) {
        error(tr("an interactive shell needs a terminal; give a command after --, e.g. "
                 "corralctl ssh %1 -- uptime")
                  .arg(args.first()));
        return finish(Exit::Usage);
    }
    const QString commandLine = command.join(u' ');
    resolveTarget(args.first(), false, [this, commandLine](Target target) {
        auto run = [this, commandLine](Result<SshSession *> session) {
            if (!session) {
                error(session.error().message);
                return finishWith(255);
            }
            if (commandLine.isEmpty())
                runShell(*session);
            else
                runExec(*session, commandLine);
        };
        if (target.isHost)
            run(m_fleet->remote()->hostSession(target.host.config.id));
        else
            m_fleet->remote()->guestSession(VmKey{target.vm.hostId, target.vm.uuid}, this, run);
    });
}

void CliRunner::forwardStdin(SshChannel *channel)
{
    auto *input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(input, &QSocketNotifier::activated, this, [input, channel] {
        char buffer[16384];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n > 0) {
            channel->write(QByteArray(buffer, n));
        } else if (n == 0 || errno != EAGAIN) {
            input->setEnabled(false);
            channel->sendEof();
        }
    });
}

void CliRunner::runExec(SshSession *session, const QString &command)
{
    SshChannel *channel = session->openExec(command, this);
    connect(channel, &SshChannel::dataReceived, this, [](const QByteArray &bytes, bool isStderr) {
        writeAll(isStderr ? STDERR_FILENO : STDOUT_FILENO, bytes);
    });
    connect(channel, &SshChannel::closed, this, [this](int exitStatus, const QString &message) {
        if (!message.isEmpty()) {
            error(message);
            return finishWith(255); // like ssh: 255 is a connection problem
        }
        finishWith(exitStatus < 0 ? 255 : exitStatus);
    });
    // The command's stdin is ours; end of input becomes EOF on the channel.
    connect(channel, &SshChannel::opened, this, [this, channel] { forwardStdin(channel); });
    watchSignals([this, channel](int signo) {
        if (signo != SIGWINCH) {
            channel->close();
            finishWith(128 + signo);
        }
    });
}

void CliRunner::runShell(SshSession *session)
{
    const QSize size = terminalSize();
    QByteArray term = qgetenv("TERM");
    if (term.isEmpty())
        term = QByteArrayLiteral("xterm-256color");
    SshChannel *channel = session->openShell(size.width(), size.height(), this, term);
    connect(channel, &SshChannel::dataReceived, this,
            [](const QByteArray &bytes, bool) { writeAll(STDOUT_FILENO, bytes); });
    connect(channel, &SshChannel::closed, this, [this](int exitStatus, const QString &message) {
        leaveRawMode();
        if (!message.isEmpty()) {
            error(message);
            return finishWith(255);
        }
        finishWith(exitStatus < 0 ? 0 : exitStatus);
    });
    connect(channel, &SshChannel::opened, this, [this, channel] {
        enterRawMode();
        forwardStdin(channel);
    });
    watchSignals([this, channel](int signo) {
        if (signo == SIGWINCH) {
            const QSize now = terminalSize();
            channel->resize(now.width(), now.height());
            return;
        }
        channel->close();
        finishWith(128 + signo);
    });
}

void CliRunner::consoleCommand(QStringList args)
{
    QString seconds;
    int logSeconds = 0;
    if (takeOption(args, QStringLiteral("--log-seconds"), &seconds)) {
        bool ok = false;
        logSeconds = seconds.toInt(&ok);
        if (!ok || logSeconds <= 0) {
            error(tr("--log-seconds takes a number of seconds, not \"%1\".").arg(seconds));
            return finish(Exit::Usage);
        }
    }
    if (args.size() != 1) {
        error(tr("console takes one VM, e.g. corralctl console mac1/ventura-01"));
        return finish(Exit::Usage);
    }
    if (!logSeconds && !isatty(STDIN_FILENO)) {
        error(tr("an interactive console needs a terminal; use --log-seconds N to print what "
                 "it shows for N seconds"));
        return finish(Exit::Usage);
    }
    resolveTarget(args.first(), true, [this, logSeconds](Target target) {
        const VmKey key{target.vm.hostId, target.vm.uuid};
        ConsoleStream *stream = m_fleet->remote()->serialConsole(key).release();
        stream->setParent(this);
        const QString name = target.vm.qualifiedName();
        connect(stream, &ConsoleStream::dataReceived, this,
                [](const QByteArray &bytes) { writeAll(STDOUT_FILENO, bytes); });
        connect(
            stream, &ConsoleStream::stateChanged, this,
            [this, name, logSeconds](ConsoleStream::State state, const QString &text) {
                if (state == ConsoleStream::State::Failed) {
                    error(text);
                    finish(Exit::Failure);
                } else if (!logSeconds && state == ConsoleStream::State::Connected) {
                    m_err << tr("Connected to the serial console of %1. Ctrl+] leaves.").arg(name)
                          << "\r\n";
                    m_err.flush();
                } else if (!text.isEmpty()) {
                    m_err << text << (m_savedTermios ? "\r\n" : "\n");
                    m_err.flush();
                }
            });
        if (logSeconds) {
            QTimer::singleShot(logSeconds * 1000, this, [this] { finish(Exit::Ok); });
        } else {
            enterRawMode();
            auto *input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
            connect(input, &QSocketNotifier::activated, this, [this, input, stream] {
                char buffer[4096];
                const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
                if (n <= 0) {
                    input->setEnabled(false);
                    return;
                }
                QByteArray bytes(buffer, n);
                if (const qsizetype escape = bytes.indexOf(EscapeByte); escape >= 0) {
                    stream->write(bytes.left(escape));
                    stream->close();
                    return finish(Exit::Ok);
                }
                stream->write(bytes);
            });
        }
        watchSignals([this, stream](int signo) {
            if (signo == SIGWINCH)
                return;
            stream->close();
            finishWith(signo == SIGINT || signo == SIGTERM ? 0 : 128 + signo);
        });
        stream->open();
    });
}

void CliRunner::forwardCommand(QStringList args)
{
    QString bind = QStringLiteral("127.0.0.1");
    takeOption(args, QStringLiteral("--bind"), &bind);
    const QHostAddress bindAddress(bind);
    if (bindAddress.isNull()) {
        error(tr("--bind takes an IP address such as 127.0.0.1, not \"%1\".").arg(bind));
        return finish(Exit::Usage);
    }
    const QStringList ports = args.size() == 2 ? args[1].split(u':') : QStringList();
    bool okLocal = false;
    bool okGuest = true;
    const quint16 local = ports.size() == 2 ? ports[0].toUShort(&okLocal) : 0;
    quint16 guest = 0;
    if (ports.size() == 2 && ports[1] != u"vnc")
        guest = ports[1].toUShort(&okGuest);
    if (ports.size() != 2 || !okLocal || !okGuest || (guest == 0 && ports[1] != u"vnc")) {
        error(tr("forward takes a VM and LOCALPORT:GUESTPORT, e.g. corralctl forward "
                 "ventura-01 2222:22 (LOCALPORT 0 picks a free port; GUESTPORT \"vnc\" is the "
                 "VM's VNC console)"));
        return finish(Exit::Usage);
    }
    resolveTarget(args.first(), true, [this, local, guest, bindAddress](Target target) {
        RemoteAccess *remote = m_fleet->remote();
        const quint64 id = remote->addForward(VmKey{target.vm.hostId, target.vm.uuid}, local, guest,
                                              bindAddress);
        auto reported = std::make_shared<bool>(false);
        connect(remote, &RemoteAccess::forwardChanged, this,
                [this, id, reported](const PortForward &f) {
                    if (f.id != id)
                        return;
                    if (f.status == PortForward::Status::Failed && !*reported) {
                        error(f.error);
                        return finish(Exit::Failure);
                    }
                    if (f.status == PortForward::Status::Active && !*reported) {
                        *reported = true;
                        m_out << tr("Forwarding %1:%2 to %3 port %4 through %5 (%6). Ctrl+C "
                                    "stops.")
                                     .arg(f.bindAddress.toString())
                                     .arg(f.localPort)
                                     .arg(f.vmName, f.targetLabel(), f.hostName, f.route)
                              << '\n';
                        m_out.flush();
                    } else if (!f.error.isEmpty()) {
                        m_err << "corralctl: " << f.error << '\n';
                        m_err.flush();
                    }
                });
        watchSignals([this, remote, id](int signo) {
            if (signo == SIGWINCH)
                return;
            remote->removeForward(id);
            finish(Exit::Ok);
        });
    });
}

} // namespace Corral
