#include "remoteaccess.h"

#include "ssh/sshsession.h"
#include "ssh/sshshellstream.h"
#include "util/logging.h"
#include "util/mailbox.h"
#include "virt/serialconsole.h"

#include <unistd.h>

namespace Corral {

namespace {
constexpr quint16 VncConsole = 0;
const QString DefaultGuestUser = QStringLiteral("admin"); // Orka's default login
} // namespace

QString PortForward::targetLabel() const
{
    for (const auto &preset : RemoteAccess::presets()) {
        if (preset.guestPort == guestPort)
            return preset.label;
    }
    return QString::number(guestPort);
}

QList<RemoteAccess::Preset> RemoteAccess::presets()
{
    return {
        {22, Tr::tr("SSH (22)")},
        {VncConsole, Tr::tr("VNC Console")},
        {5900, Tr::tr("Screen Sharing (5900)")},
    };
}

RemoteAccess::RemoteAccess(Fleet *fleet)
    : QObject(nullptr) // owned by the Fleet's unique_ptr
    , m_fleet(fleet)
{
    qRegisterMetaType<PortForward>();
    connect(fleet, &Fleet::vmsChanged, this, &RemoteAccess::onVmsChanged);
    connect(fleet, &Fleet::vmsRemoved, this, [this](const QList<VmKey> &keys) {
        for (const VmKey &key : keys)
            m_running.remove(key);
    });
    connect(fleet, &Fleet::hostRemoved, this, [this](qint64 hostId) {
        dropHostSessions(hostId);
        for (auto it = m_forwards.begin(); it != m_forwards.end();) {
            if (it->second.vm.hostId == hostId)
                it = m_forwards.erase(it);
            else
                ++it;
        }
        Q_EMIT forwardsChanged();
    });
    connect(fleet, &Fleet::hostChanged, this, [this](const HostInfo &info) {
        auto it = m_hostSessions.find(info.config.id);
        if (it == m_hostSessions.end())
            return;
        auto endpoint = SshEndpoint::fromHostUri(info.config.uri, info.config.name);
        const SshEndpoint &current = it->second->endpoint();
        if (endpoint && endpoint->host == current.host && endpoint->port == current.port
            && endpoint->user == current.user && endpoint->keyFile == current.keyFile)
            return;
        // The host's address or login changed: new sessions, forwards restarted on them.
        dropHostSessions(info.config.id);
        for (auto &[id, f] : m_forwards) {
            if (f.vm.hostId == info.config.id)
                startForward(id);
        }
    });
}

RemoteAccess::~RemoteAccess()
{
    m_guestSessions.clear();
    m_hostSessions.clear();
}

void RemoteAccess::relayCredentials(SshSession *session, qint64 hostId)
{
    QPointer<SshSession> guard(session);
    connect(session, &SshSession::credentialRequested, this,
            [this, guard, hostId](CredentialRequest request) {
                request.hostId = hostId;
                m_fleet->relayCredential(request, [guard](quint64 id, std::optional<QString> a) {
                    if (guard)
                        guard->answerCredential(id, std::move(a));
                });
            });
}

void RemoteAccess::dropHostSessions(qint64 hostId)
{
    m_hostSessions.erase(hostId);
    for (auto it = m_guestSessions.begin(); it != m_guestSessions.end();) {
        if (it->first.first == hostId)
            it = m_guestSessions.erase(it);
        else
            ++it;
    }
}

Result<SshSession *> RemoteAccess::hostSession(qint64 hostId)
{
    if (auto it = m_hostSessions.find(hostId); it != m_hostSessions.end())
        return it->second.get();
    const auto host = m_fleet->host(hostId);
    if (!host)
        return fail(ErrorCode::NotFound, Tr::tr("That host is no longer configured."));
    auto endpoint = SshEndpoint::fromHostUri(host->config.uri, host->config.name);
    if (!endpoint)
        return std::unexpected(endpoint.error());
    auto session = std::make_unique<SshSession>(*endpoint);
    relayCredentials(session.get(), hostId);
    connect(session.get(), &SshSession::forwardError, this,
            [this](quint64 listener, const QString &error) {
                for (auto &[id, f] : m_forwards) {
                    if (f.listenerId != listener)
                        continue;
                    qCWarning(lcSsh).noquote() << "forward" << id << error;
                    updateForward(id, [&](PortForward &p) { p.error = error; });
                }
            });
    SshSession *raw = session.get();
    m_hostSessions.emplace(hostId, std::move(session));
    return raw;
}

void RemoteAccess::resolveGuestPort(const VmKey &vm, quint16 guestPort, QObject *context,
                                    std::function<void(Result<GuestRoute>)> done)
{
    auto reply = Mailbox::replyTo(context);
    m_fleet->runOnHost(
        vm.hostId, [reply, uuid = vm.uuid, guestPort, done = std::move(done)](virConnectPtr conn) {
            auto route = guestPort == VncConsole ? GuestRoutes::resolveVnc(conn, uuid)
                                                 : GuestRoutes::resolvePort(conn, uuid, guestPort);
            reply->post([done, route] { done(route); });
        });
}

void RemoteAccess::guestSession(const VmKey &vm, QObject *context,
                                std::function<void(Result<SshSession *>)> done)
{
    const auto key = std::make_pair(vm.hostId, vm.uuid);
    if (auto it = m_guestSessions.find(key); it != m_guestSessions.end()) {
        // A guest session cannot reconnect by itself (its tunnel is gone with the connection).
        if (it->second->state() != SshSession::State::Failed)
            return done(it->second.get());
        m_guestSessions.erase(it);
    }
    const auto info = m_fleet->vm(vm);
    if (!info)
        return done(fail(ErrorCode::NotFound, Tr::tr("That VM no longer exists.")));
    auto host = hostSession(vm.hostId);
    if (!host)
        return done(std::unexpected(host.error()));
    const SshEndpoint hostEndpoint = (*host)->endpoint();
    const QString label = info->hostName + u'/' + info->name;
    QPointer<SshSession> hostSsh(*host);
    QPointer<QObject> ctx(context);
    resolveGuestPort(vm, 22, this, [=, this](Result<GuestRoute> route) {
        if (!ctx)
            return;
        if (!route)
            return done(std::unexpected(route.error()));
        if (!hostSsh)
            return done(fail(ErrorCode::Offline, Tr::tr("The host's session is gone.")));
        hostSsh->openTunnel(route->address, route->port, this, [=, this](Result<int> fd) {
            if (!ctx) {
                if (fd)
                    ::close(*fd);
                return;
            }
            if (!fd)
                return done(std::unexpected(fd.error()));
            SshEndpoint ep;
            ep.label = label;
            ep.host = route->address;
            ep.port = route->port;
            ep.user = route->user.isEmpty() ? DefaultGuestUser : route->user;
            ep.keyFile = hostEndpoint.keyFile;
            ep.knownHostsFile = hostEndpoint.knownHostsFile;
            ep.verifyHostKey = hostEndpoint.verifyHostKey;
            ep.useSshConfig = false;
            ep.tunnelFd = *fd;
            auto session = std::make_unique<SshSession>(ep);
            relayCredentials(session.get(), vm.hostId);
            SshSession *raw = session.get();
            m_guestSessions[key] = std::move(session);
            done(raw);
        });
    });
}

std::unique_ptr<ConsoleStream> RemoteAccess::hostShell(qint64 hostId)
{
    const auto host = m_fleet->host(hostId);
    const QString name = host ? host->config.name : tr("host");
    QPointer<RemoteAccess> self(this);
    return std::make_unique<SshShellStream>(
        tr("%1 — shell").arg(name), [self, hostId](QObject *, auto done) {
            if (!self)
                return done(fail(ErrorCode::Cancelled, Tr::tr("Corral is shutting down.")));
            done(self->hostSession(hostId));
        });
}

std::unique_ptr<ConsoleStream> RemoteAccess::vmShell(const VmKey &vm)
{
    const auto info = m_fleet->vm(vm);
    const QString name = info ? info->name : tr("VM");
    QPointer<RemoteAccess> self(this);
    return std::make_unique<SshShellStream>(
        tr("%1 — SSH").arg(name), [self, vm](QObject *context, auto done) {
            if (!self)
                return done(fail(ErrorCode::Cancelled, Tr::tr("Corral is shutting down.")));
            self->guestSession(vm, context, done);
        });
}

std::unique_ptr<ConsoleStream> RemoteAccess::serialConsole(const VmKey &vm)
{
    const auto info = m_fleet->vm(vm);
    const QString name = info ? info->name : tr("VM");
    QPointer<Fleet> fleet(m_fleet);
    const qint64 hostId = vm.hostId;
    auto stream = std::make_unique<SerialConsoleStream>(
        tr("%1 — serial").arg(name), name, vm.uuid,
        [fleet, hostId](std::function<void(virConnectPtr)> job) {
            if (fleet)
                fleet->runOnHost(hostId, std::move(job));
        });
    SerialConsoleStream *raw = stream.get();
    m_consoles.append(raw);
    m_consoleVms.insert(raw, vm);
    connect(raw, &QObject::destroyed, this, [this, raw] {
        m_consoleVms.remove(raw);
        m_consoles.removeAll(nullptr);
    });
    return stream;
}

void RemoteAccess::onVmsChanged(const QList<VmInfo> &vms)
{
    for (const VmInfo &vm : vms) {
        const VmKey key{vm.hostId, vm.uuid};
        // Only a VM that starts running matters here: batches repeat running VMs on every
        // change and relisting, and re-resolving a route costs a trip to the host.
        if (vm.state != VmState::Running) {
            m_running.remove(key);
            continue;
        }
        if (m_running.contains(key))
            continue;
        m_running.insert(key);
        for (const auto &console : std::as_const(m_consoles)) {
            if (console && m_consoleVms.value(console.data()) == key)
                console->setVmRunning(true);
        }
        // A VM that (re)started may have a new VNC port; forwards re-resolve their route.
        for (auto &[id, f] : m_forwards) {
            if (f.vm == key)
                startForward(id);
        }
        Q_EMIT vmStarted(key);
    }
}

std::function<void(QObject *, std::function<void(Result<int>)>)>
RemoteAccess::vncOpener(const VmKey &vm)
{
    return guestPortOpener(vm, VncConsole);
}

std::function<void(QObject *, std::function<void(Result<int>)>)>
RemoteAccess::guestPortOpener(const VmKey &vm, quint16 guestPort)
{
    QPointer<RemoteAccess> self(this);
    return [self, vm, guestPort](QObject *context, std::function<void(Result<int>)> done) {
        if (!self)
            return done(fail(ErrorCode::Cancelled, Tr::tr("Corral is shutting down.")));
        QPointer<QObject> ctx(context);
        self->resolveGuestPort(vm, guestPort, context, [self, vm, ctx, done](Result<GuestRoute> route) {
            if (!self || !ctx)
                return;
            if (!route)
                return done(std::unexpected(route.error()));
            auto host = self->hostSession(vm.hostId);
            if (!host)
                return done(std::unexpected(host.error()));
            (*host)->openTunnel(route->address, route->port, ctx.data(),
                                [ctx, done](Result<int> fd) {
                                    if (!ctx) {
                                        if (fd)
                                            ::close(*fd);
                                        return;
                                    }
                                    done(fd);
                                });
        });
    };
}

quint64 RemoteAccess::addForward(const VmKey &vm, quint16 localPort, quint16 guestPort,
                                 const QHostAddress &bindAddress)
{
    PortForward f;
    f.id = m_nextForwardId++;
    f.vm = vm;
    f.localPort = localPort;
    f.guestPort = guestPort;
    f.bindAddress = bindAddress;
    if (const auto info = m_fleet->vm(vm)) {
        f.vmName = info->name;
        f.hostName = info->hostName;
    }
    m_forwards.emplace(f.id, f);
    Q_EMIT forwardsChanged();
    startForward(f.id);
    return f.id;
}

void RemoteAccess::updateForward(quint64 forwardId,
                                 const std::function<void(PortForward &)> &change)
{
    auto it = m_forwards.find(forwardId);
    if (it == m_forwards.end())
        return;
    change(it->second);
    Q_EMIT forwardChanged(it->second);
}

// Resolves the forward's route and starts its listener, or points the running listener at
// the current route.
void RemoteAccess::startForward(quint64 forwardId)
{
    auto it = m_forwards.find(forwardId);
    if (it == m_forwards.end())
        return;
    const PortForward f = it->second;
    auto host = hostSession(f.vm.hostId);
    if (!host) {
        return updateForward(forwardId, [&](PortForward &p) {
            p.status = PortForward::Status::Failed;
            p.error = host.error().message;
        });
    }
    QPointer<SshSession> ssh(*host);
    resolveGuestPort(f.vm, f.guestPort, this, [this, forwardId, ssh](Result<GuestRoute> route) {
        auto it = m_forwards.find(forwardId);
        if (it == m_forwards.end() || !ssh)
            return;
        if (!route) {
            // A listener that exists keeps its last route (the VM may be rebooting).
            if (it->second.status != PortForward::Status::Active) {
                updateForward(forwardId, [&](PortForward &p) {
                    p.status = PortForward::Status::Failed;
                    p.error = route.error().message;
                });
            }
            return;
        }
        const QString routeText
            = QStringLiteral("%1:%2 (%3)").arg(route->address).arg(route->port).arg(route->source);
        if (it->second.listenerId && it->second.status == PortForward::Status::Active) {
            ssh->setForwardTarget(it->second.listenerId, route->address, route->port);
            return updateForward(forwardId, [&](PortForward &p) { p.route = routeText; });
        }
        const PortForward &f = it->second;
        const quint64 listener
            = ssh->addForward(f.bindAddress, f.localPort, route->address, route->port, this,
                              [this, forwardId, routeText](Result<quint16> bound) {
                                  updateForward(forwardId, [&](PortForward &p) {
                                      if (bound) {
                                          p.status = PortForward::Status::Active;
                                          p.localPort = *bound;
                                          p.route = routeText;
                                          p.error.clear();
                                      } else {
                                          p.status = PortForward::Status::Failed;
                                          p.error = bound.error().message;
                                      }
                                  });
                              });
        it->second.listenerId = listener;
    });
}

void RemoteAccess::removeForward(quint64 forwardId)
{
    auto it = m_forwards.find(forwardId);
    if (it == m_forwards.end())
        return;
    if (it->second.listenerId) {
        if (auto session = m_hostSessions.find(it->second.vm.hostId);
            session != m_hostSessions.end())
            session->second->removeForward(it->second.listenerId);
    }
    m_forwards.erase(it);
    Q_EMIT forwardsChanged();
}

QList<PortForward> RemoteAccess::forwards() const
{
    QList<PortForward> list;
    for (const auto &[id, f] : m_forwards)
        list.append(f);
    return list;
}

std::optional<PortForward> RemoteAccess::forward(quint64 forwardId) const
{
    auto it = m_forwards.find(forwardId);
    if (it == m_forwards.end())
        return std::nullopt;
    return it->second;
}

} // namespace Corral
