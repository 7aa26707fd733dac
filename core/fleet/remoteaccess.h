#pragma once

#include "fleet.h"

#include "virt/guestroute.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <map>
#include <memory>

namespace Corral {

class ConsoleStream;
class SerialConsoleStream;
class SshSession;

// A local listener that carries connections to a VM's port through its host's SSH session.
struct PortForward
{
    enum class Status : quint8 { Starting, Active, Failed };

    quint64 id = 0;
    VmKey vm;
    QString vmName;
    QString hostName;
    QHostAddress bindAddress = QHostAddress::LocalHost;
    quint16 localPort = 0; // the port asked for (0 = any); the bound port once Active
    quint16 guestPort = 0; // 0: the VM's VNC console (QEMU's VNC server on the host)
    Status status = Status::Starting;
    QString error;
    QString route; // "127.0.0.11:2323 (port mapping)"
    quint64 listenerId = 0;

    QString targetLabel() const; // "SSH (22)", "VNC console", "Screen Sharing (5900)", "8080"
};

// Terminals, consoles, guest routes and port forwards, for the GUI and corralctl. Owned by the
// Fleet and on its thread. One SshSession per host, created on first use and shared by every
// shell, command, tunnel and forward to that host; one per VM for guest shells, reached
// through a direct-tcpip tunnel of the host's session. Credential prompts of all of them go
// out through Fleet::credentialRequested.
class RemoteAccess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteAccess)

public:
    explicit RemoteAccess(Fleet *fleet);
    ~RemoteAccess() override;

    // The host's shared session (created now if needed); an error for hosts without SSH.
    Result<SshSession *> hostSession(qint64 hostId);
    // The VM's guest session (its port 22 reached through the host); asynchronous.
    void guestSession(const VmKey &vm, QObject *context,
                      std::function<void(Result<SshSession *>)> done);

    // Console streams for tabs; the caller owns them and calls open().
    std::unique_ptr<ConsoleStream> hostShell(qint64 hostId);
    std::unique_ptr<ConsoleStream> vmShell(const VmKey &vm);
    std::unique_ptr<ConsoleStream> serialConsole(const VmKey &vm);

    // Opens the VM's VNC console (QEMU's VNC server on the host's loopback, or whatever its
    // graphics element says) as a socket through the host's SSH session: the Opener of a
    // VncSession (VncSession::connectVia). Each call resolves the route again, so a VM that
    // restarted on another port is found.
    std::function<void(QObject *, std::function<void(Result<int>)>)> vncOpener(const VmKey &vm);
    // Same, for any guest port (e.g. 5900, macOS Screen Sharing) reached through the host.
    std::function<void(QObject *, std::function<void(Result<int>)>)>
    guestPortOpener(const VmKey &vm, quint16 guestPort);

    void resolveGuestPort(const VmKey &vm, quint16 guestPort, QObject *context,
                          std::function<void(Result<GuestRoute>)> done);

    // Port forwards (for this run of the application).
    quint64 addForward(const VmKey &vm, quint16 localPort, quint16 guestPort,
                       const QHostAddress &bindAddress = QHostAddress::LocalHost);
    void removeForward(quint64 forwardId);
    QList<PortForward> forwards() const;
    std::optional<PortForward> forward(quint64 forwardId) const;

    // Orka's defaults offered in "Forward ports…": guest port and label.
    struct Preset
    {
        quint16 guestPort;
        QString label;
    };
    static QList<Preset> presets();

Q_SIGNALS:
    // A VM went from not running to running (consoles reconnect now instead of waiting).
    void vmStarted(const Corral::VmKey &vm);
    void forwardsChanged();
    void forwardChanged(const Corral::PortForward &forward);

private:
    void startForward(quint64 forwardId);
    void updateForward(quint64 forwardId, const std::function<void(PortForward &)> &change);
    void onVmsChanged(const QList<VmInfo> &vms);
    void dropHostSessions(qint64 hostId);
    void relayCredentials(SshSession *session, qint64 hostId);

    Fleet *m_fleet;
    std::map<qint64, std::unique_ptr<SshSession>> m_hostSessions;
    std::map<std::pair<qint64, QUuid>, std::unique_ptr<SshSession>> m_guestSessions;
    std::map<quint64, PortForward> m_forwards;
    QList<QPointer<SerialConsoleStream>> m_consoles;
    QHash<SerialConsoleStream *, VmKey> m_consoleVms;
    QSet<VmKey> m_running; // VMs last seen running, to act on starts only
    quint64 m_nextForwardId = 1;
};

} // namespace Corral

Q_DECLARE_METATYPE(Corral::PortForward)
