#include "hostsession.h"

#include "domainoperation.h"
#include "hosturi.h"
#include "ssh/hostkeyprobe.h"
#include "util/logging.h"
#include "virteventloop.h"
#include "virthandles.h"
#include "vmprovision.h"

#include <QFile>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <chrono>
#include <cstring>
#include <numeric>

namespace Corral {

using namespace Virt;

namespace {

constexpr int KeepAliveIntervalSec = 3; // dead after ~3 * (3 + 1) s of silence
constexpr unsigned KeepAliveCount = 3;
constexpr int MaxRetryDelayMs = 15000;
constexpr int FlushDelayMs = 25; // coalesces event bursts into one batch
constexpr int FullRelistThreshold = 64; // more dirty VMs than this: one listing is cheaper
constexpr int MetadataInParallelFrom = 16;

// Threads that read VM metadata during a listing, shared by all hosts' sessions.
QThreadPool *metadataPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool; // lives as long as the process: sessions may list until exit
        p->setMaxThreadCount(8);
        p->setExpiryTimeout(10000);
        return p;
    }();
    return pool;
}

// The URI libvirt is given. libvirt 9.0's libssh transport leaves replies larger than a few
// KiB in libssh's buffer until the client's I/O loop next wakes (the keepalive timer), and
// the keepalive ping that wakes it can race into a use-after-free in the RPC client (virsh
// shows the same GLib-CRITICAL and crashes). Its libssh2 transport takes the same URI
// parameters (keyfile, known_hosts, known_hosts_verify, sshauth) without the stall, so
// libssh URIs are opened through it. Host keys are still checked first with libssh.
QString libvirtTransportUri(const QString &uri)
{
    const qsizetype colon = uri.indexOf(u':');
    if (colon > 0 && uri.left(colon).endsWith(u"+libssh"))
        return uri.left(colon) + u'2' + uri.mid(colon);
    return uri;
}

VmState toVmState(int state)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
        return VmState::Running;
    case VIR_DOMAIN_BLOCKED:
        return VmState::Blocked;
    case VIR_DOMAIN_PAUSED:
        return VmState::Paused;
    case VIR_DOMAIN_SHUTDOWN:
        return VmState::ShuttingDown;
    case VIR_DOMAIN_SHUTOFF:
        return VmState::Shutoff;
    case VIR_DOMAIN_CRASHED:
        return VmState::Crashed;
    case VIR_DOMAIN_PMSUSPENDED:
        return VmState::PmSuspended;
    default:
        return VmState::NoState;
    }
}

// Namespace, config and image from the domain's Corral metadata: one small round trip (the
// <corral:vm> element only, not the whole definition).
void readCorralMetadata(virDomainPtr dom, VmInfo *vm)
{
    const auto metadata = VmProvision::readMetadata(dom);
    if (!metadata)
        return;
    vm->managed = true;
    if (!metadata->ns.isEmpty())
        vm->ns = metadata->ns;
    vm->config = metadata->config;
    vm->image = metadata->image;
}

QUuid domainUuid(virDomainPtr dom)
{
    char buf[VIR_UUID_STRING_BUFLEN];
    if (virDomainGetUUIDString(dom, buf) < 0)
        return {};
    return QUuid::fromString(QLatin1StringView(buf));
}

// Typed access to one virDomainStatsRecord's parameters.
class StatsRecord
{
public:
    explicit StatsRecord(virDomainStatsRecordPtr rec)
        : m_rec(rec)
    { }

    qint64 number(const char *name, qint64 fallback = -1) const
    {
        for (int i = 0; i < m_rec->nparams; ++i) {
            const virTypedParameter &p = m_rec->params[i];
            if (qstrcmp(p.field, name) != 0)
                continue;
            switch (p.type) {
            case VIR_TYPED_PARAM_INT:
                return p.value.i;
            case VIR_TYPED_PARAM_UINT:
                return p.value.ui;
            case VIR_TYPED_PARAM_LLONG:
                return p.value.l;
            case VIR_TYPED_PARAM_ULLONG:
                return qint64(p.value.ul);
            default:
                return fallback;
            }
        }
        return fallback;
    }

    // Sum of "<prefix>.<i>.<field>" over "<prefix>.count" devices.
    qint64 sum(const char *prefix, const char *field) const
    {
        const qint64 count = number(QByteArray(prefix).append(".count").constData(), 0);
        qint64 total = 0;
        for (qint64 i = 0; i < count; ++i) {
            const QByteArray key = QByteArray(prefix) + '.' + QByteArray::number(i) + '.' + field;
            total += std::max<qint64>(0, number(key.constData(), 0));
        }
        return total;
    }

    virDomainPtr domain() const { return m_rec->dom; }

private:
    virDomainStatsRecordPtr m_rec;
};

} // namespace

// Connection state owned by the session thread. Callbacks from the libvirt event thread
// reach the session through a relay that is cut when the connection goes away, so a late
// callback can never touch a dead session or confuse a newer connection.
struct CallbackRelay
{
    std::mutex mutex;
    HostSession *session = nullptr;
    int generation = 0;
};

struct HostSession::Connection
{
    ConnectPtr conn;
    std::shared_ptr<CallbackRelay> relay;
    int lifecycleCallback = -1;
    int metadataCallback = -1;
    bool closeCallback = false;

    ~Connection()
    {
        {
            std::lock_guard lock(relay->mutex);
            relay->session = nullptr;
        }
        if (conn) {
            if (lifecycleCallback >= 0)
                virConnectDomainEventDeregisterAny(conn.get(), lifecycleCallback);
            if (metadataCallback >= 0)
                virConnectDomainEventDeregisterAny(conn.get(), metadataCallback);
            if (closeCallback)
                virConnectUnregisterCloseCallback(conn.get(), closeCallbackFn);
        }
    }

    static void freeRelay(void *opaque)
    {
        delete static_cast<std::shared_ptr<CallbackRelay> *>(opaque);
    }

    static void closeCallbackFn(virConnectPtr, int reason, void *opaque)
    {
        auto relay = *static_cast<std::shared_ptr<CallbackRelay> *>(opaque);
        std::lock_guard lock(relay->mutex);
        if (HostSession *s = relay->session) {
            const int generation = relay->generation;
            QMetaObject::invokeMethod(
                s, [s, generation, reason] { s->onConnectionClosed(generation, reason); },
                Qt::QueuedConnection);
        }
    }

    static int lifecycleCallbackFn(virConnectPtr, virDomainPtr dom, int, int, void *opaque)
    {
        const QUuid uuid = domainUuid(dom);
        auto relay = *static_cast<std::shared_ptr<CallbackRelay> *>(opaque);
        std::lock_guard lock(relay->mutex);
        if (HostSession *s = relay->session)
            QMetaObject::invokeMethod(
                s, [s, uuid] { s->markDirty(uuid); }, Qt::QueuedConnection);
        return 0;
    }

    static void metadataCallbackFn(virConnectPtr conn, virDomainPtr dom, int, const char *,
                                   void *opaque)
    {
        lifecycleCallbackFn(conn, dom, 0, 0, opaque);
    }
};

struct HostSession::AuthPrompt
{
    static int callback(virConnectCredentialPtr creds, unsigned int ncreds, void *cbdata)
    {
        auto *session = static_cast<HostSession *>(cbdata);
        for (unsigned int i = 0; i < ncreds; ++i) {
            virConnectCredential &c = creds[i];
            CredentialRequest req;
            req.prompt = QString::fromUtf8(c.prompt ? c.prompt : "");
            switch (c.type) {
            case VIR_CRED_AUTHNAME:
                req.kind = CredentialRequest::Kind::Username;
                break;
            case VIR_CRED_PASSPHRASE:
            case VIR_CRED_NOECHOPROMPT:
                req.kind = CredentialRequest::Kind::Password;
                req.echo = false;
                break;
            default:
                req.kind = CredentialRequest::Kind::Question;
                break;
            }
            const auto answer = session->ask(req);
            if (!answer)
                return -1;
            const QByteArray bytes = answer->toUtf8();
            c.result = static_cast<char *>(std::malloc(size_t(bytes.size()) + 1));
            std::memcpy(c.result, bytes.constData(), size_t(bytes.size()) + 1);
            c.resultlen = unsigned(bytes.size());
        }
        return 0;
    }
};

HostSession::HostSession(const HostConfig &config, std::shared_ptr<VirtEventLoop> eventLoop)
    : m_eventLoop(std::move(eventLoop))
{
    m_info.config = config;
    m_clock.start();
    m_retryTimer.setSingleShot(true);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushDelayMs);
    m_statsTimer.setInterval(3000);
    for (QTimer *t : {&m_retryTimer, &m_flushTimer, &m_statsTimer})
        t->setParent(this); // moves to the session thread with us
    connect(&m_retryTimer, &QTimer::timeout, this, &HostSession::connectNow);
    connect(&m_flushTimer, &QTimer::timeout, this, &HostSession::flushDirty);
    connect(&m_statsTimer, &QTimer::timeout, this, &HostSession::sweepStats);
}

HostSession::~HostSession()
{
    cancelCredentials();
    m_conn.reset();
}

void HostSession::open()
{
    m_wantConnected = true;
    m_prompts.reset();
    if (!m_conn && m_info.state != HostState::Connecting) {
        m_retryDelayMs = 1000;
        connectNow();
    }
}

void HostSession::close()
{
    m_wantConnected = false;
    m_retryTimer.stop();
    if (m_conn)
        dropConnection(tr("Disconnected."), false);
    else if (m_info.state != HostState::Offline || m_info.nextRetry.isValid()) {
        m_info.nextRetry = {};
        setState(HostState::Offline, tr("Disconnected."));
    }
}

void HostSession::updateConfig(const HostConfig &config)
{
    const bool uriChanged = config.uri != m_info.config.uri;
    m_info.config = config;
    if (uriChanged && m_wantConnected) {
        if (m_conn)
            dropConnection(tr("Reconnecting with the new address."), false);
        m_retryDelayMs = 1000;
        connectNow();
    } else {
        publishHostInfo();
    }
}

void HostSession::setStatsInterval(int msec)
{
    if (msec <= 0) {
        m_statsTimer.stop();
        m_statsTimer.setInterval(0);
        return;
    }
    m_statsTimer.setInterval(msec);
    if (m_conn)
        m_statsTimer.start();
}

void HostSession::setState(HostState state, const QString &error)
{
    m_info.state = state;
    m_info.error = error;
    if (state != HostState::Offline)
        m_info.nextRetry = {};
    publishHostInfo();
}

void HostSession::publishHostInfo()
{
    int running = 0, vcpus = 0;
    qint64 memory = 0;
    for (const VmInfo &vm : std::as_const(m_vms)) {
        if (vmStateIsActive(vm.state)) {
            ++running;
            vcpus += vm.vcpus;
            memory += vm.memoryKiB;
        }
    }
    m_info.vmCount = int(m_vms.size());
    m_info.runningCount = running;
    m_info.allocatedVcpus = vcpus;
    m_info.allocatedMemoryKiB = memory;
    Q_EMIT hostInfoChanged(m_info);
}

void HostSession::connectNow()
{
    if (!m_wantConnected || m_conn)
        return;
    setState(HostState::Connecting);
    if (auto verified = verifyHostKey(); !verified) {
        const bool transient = verified.error().code == ErrorCode::Connection
            || verified.error().code == ErrorCode::Timeout;
        qCWarning(lcVirt).noquote() << m_info.config.name << verified.error().fullText();
        setState(HostState::Offline, verified.error().message);
        if (transient)
            scheduleReconnect();
        return;
    }
    if (auto opened = openConnection(); !opened) {
        const auto code = opened.error().code;
        qCWarning(lcVirt).noquote() << m_info.config.name << opened.error().fullText();
        setState(HostState::Offline, opened.error().message);
        if (code != ErrorCode::Authentication && code != ErrorCode::InvalidArgument)
            scheduleReconnect();
        return;
    }
    m_retryDelayMs = 1000;
    readHostFacts();
    relistInventory(true);
    if (!m_conn)
        return; // the listing found the connection dead; a reconnect is scheduled
    if (m_statsTimer.interval() > 0) {
        m_statsTimer.start();
        sweepStats();
    }
}

Result<void> HostSession::verifyHostKey()
{
    auto uri = HostUri::parse(m_info.config.uri);
    if (!uri)
        return std::unexpected(uri.error());
    if (!uri->usesSsh() || !uri->verifiesHostKey())
        return {};

    HostKeyProbe probe(uri->host, uri->sshPort(), uri->user, uri->knownHostsFile());
    return probe.verify([this](CredentialRequest req) { return ask(std::move(req)); });
}

Result<void> HostSession::openConnection()
{
    int credTypes[]
        = {VIR_CRED_AUTHNAME, VIR_CRED_PASSPHRASE, VIR_CRED_ECHOPROMPT, VIR_CRED_NOECHOPROMPT};
    virConnectAuth auth{credTypes, int(std::size(credTypes)), &AuthPrompt::callback, this};
    const QByteArray uri = libvirtTransportUri(m_info.config.uri).toUtf8();

    ConnectPtr conn(virConnectOpenAuth(uri.constData(), &auth, 0));
    if (!conn) {
        const int code = lastVirtErrorCode();
        const QString detail = lastVirtError();
        // The libssh transport reports a refused key as a plain transport error.
        const bool refused
            = detail.contains(u"failed to authenticate") || detail.contains(u"Access denied");
        if (code == VIR_ERR_AUTH_FAILED || code == VIR_ERR_AUTH_CANCELLED || refused) {
            return fail(ErrorCode::Authentication,
                        tr("%1 refused the login: check the user name and that your SSH key is "
                           "in the agent or authorized on the host.")
                            .arg(m_info.config.name),
                        detail);
        }
        return fail(ErrorCode::Connection,
                    tr("Cannot connect to %1: %2").arg(m_info.config.name, detail), detail);
    }

    auto c = std::make_unique<Connection>();
    c->conn = std::move(conn);
    c->relay = std::make_shared<CallbackRelay>();
    c->relay->session = this;
    c->relay->generation = ++m_generation;

    if (virConnectSetKeepAlive(c->conn.get(), KeepAliveIntervalSec, KeepAliveCount) < 0)
        qCWarning(lcVirt) << m_info.config.name << "keepalive not supported:" << lastVirtError();
    if (virConnectRegisterCloseCallback(c->conn.get(), Connection::closeCallbackFn,
                                        new std::shared_ptr<CallbackRelay>(c->relay),
                                        Connection::freeRelay)
        == 0) {
        c->closeCallback = true;
    }
    c->lifecycleCallback = virConnectDomainEventRegisterAny(
        c->conn.get(), nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIR_DOMAIN_EVENT_CALLBACK(Connection::lifecycleCallbackFn),
        new std::shared_ptr<CallbackRelay>(c->relay), Connection::freeRelay);
    if (c->lifecycleCallback < 0) {
        qCWarning(lcVirt) << m_info.config.name
                          << "lifecycle events unavailable:" << lastVirtError();
    }
    // Namespace moves and other metadata edits (virsh metadata, a second console) re-read
    // the VM; older servers without the event still report redefinitions as lifecycle events.
    c->metadataCallback = virConnectDomainEventRegisterAny(
        c->conn.get(), nullptr, VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
        VIR_DOMAIN_EVENT_CALLBACK(Connection::metadataCallbackFn),
        new std::shared_ptr<CallbackRelay>(c->relay), Connection::freeRelay);
    m_conn = std::move(c);
    m_statsSupported = true; // probed again on every connection
    m_sweepsWithoutCpu = 0;
    qCInfo(lcVirt).noquote() << "connected to" << m_info.config.name;
    return {};
}

void HostSession::readHostFacts()
{
    virConnectPtr c = m_conn->conn.get();
    virNodeInfo node{};
    if (virNodeGetInfo(c, &node) == 0) {
        m_info.cpus = int(node.cpus);
        m_info.memoryKiB = qint64(node.memory);
    }
    if (CString name{virConnectGetHostname(c)})
        m_info.hostname = QString::fromUtf8(name.get());
    unsigned long version = 0;
    const char *type = virConnectGetType(c);
    // libvirt 9.0's client crashes on the reply when the remote test driver is asked for the
    // stats of active domains only (virsh domstats --list-active does too); for that driver
    // the sweep asks for all and filters here.
    m_serverFiltersActive
        = QByteArrayView(type ? type : "").compare("test", Qt::CaseInsensitive) != 0;
    if (virConnectGetVersion(c, &version) == 0) {
        m_info.hypervisor = QStringLiteral("%1 %2.%3.%4")
                                .arg(QString::fromUtf8(type ? type : "?"))
                                .arg(version / 1000000)
                                .arg(version / 1000 % 1000)
                                .arg(version % 1000);
    }
    unsigned long lib = 0;
    if (virConnectGetLibVersion(c, &lib) == 0) {
        m_info.libvirtVersion
            = QStringLiteral("%1.%2.%3").arg(lib / 1000000).arg(lib / 1000 % 1000).arg(lib % 1000);
    }
}

VmInfo HostSession::makeVm(const QUuid &uuid, const QString &name) const
{
    VmInfo vm;
    vm.hostId = m_info.config.id;
    vm.hostName = m_info.config.name;
    vm.uuid = uuid;
    vm.name = name;
    vm.stats = m_lastStats.value(uuid);
    return vm;
}

Result<QList<VmInfo>> HostSession::listInventory()
{
    virConnectPtr c = m_conn->conn.get();
    virDomainPtr *raw = nullptr;
    const int n = virConnectListAllDomains(c, &raw, 0);
    if (n < 0)
        return fail(ErrorCode::Connection, tr("Cannot list the VMs of %1.").arg(m_info.config.name),
                    lastVirtError());
    DomainList doms(raw, n);

    // The metadata is one round trip per VM; several in flight at once hide the latency
    // (the connection is thread-safe, and the daemon answers them in parallel).
    QList<VmInfo> vms(doms.size());
    for (int i = 0; i < doms.size(); ++i)
        vms[i] = makeVm(domainUuid(doms[i]), QString::fromUtf8(virDomainGetName(doms[i])));
    QList<int> indexes(doms.size());
    std::iota(indexes.begin(), indexes.end(), 0);
    if (doms.size() > MetadataInParallelFrom) {
        QtConcurrent::blockingMap(metadataPool(), indexes,
                                  [&](int i) { readCorralMetadata(doms[i], &vms[i]); });
    } else {
        for (int i : std::as_const(indexes))
            readCorralMetadata(doms[i], &vms[i]);
    }
    QHash<QUuid, VmInfo> byUuid;
    byUuid.reserve(n);
    for (const VmInfo &vm : std::as_const(vms))
        byUuid.insert(vm.uuid, vm);

    // One round trip for the state, vCPUs and memory of every VM, instead of one per VM.
    bool filled = false;
    if (m_statsSupported && n > 0) {
        virDomainStatsRecordPtr *records = nullptr;
        const unsigned stats
            = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_VCPU | VIR_DOMAIN_STATS_BALLOON;
        const int count = virConnectGetAllDomainStats(c, stats, &records,
                                                      VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT);
        StatsList guard(records);
        if (count >= 0) {
            filled = true;
            for (int i = 0; i < count; ++i) {
                const StatsRecord rec(records[i]);
                auto it = byUuid.find(domainUuid(rec.domain()));
                if (it == byUuid.end())
                    continue;
                it->state = toVmState(int(rec.number("state.state", VIR_DOMAIN_NOSTATE)));
                it->vcpus
                    = int(std::max(rec.number("vcpu.current", 0), rec.number("vcpu.maximum", 0)));
                it->memoryKiB = rec.number("balloon.maximum", 0);
            }
        } else if (lastVirtErrorCode() == VIR_ERR_NO_SUPPORT) {
            m_statsSupported = false;
        } else {
            return fail(ErrorCode::Connection,
                        tr("Cannot read the VMs of %1.").arg(m_info.config.name), lastVirtError());
        }
    }
    // Drivers whose stats lack vCPU or balloon figures (the test driver) are asked per VM.
    for (int i = 0; i < doms.size(); ++i) {
        auto it = byUuid.find(domainUuid(doms[i]));
        if (!filled || it->vcpus == 0 || it->memoryKiB == 0) {
            virDomainInfo info{};
            if (virDomainGetInfo(doms[i], &info) < 0)
                continue;
            it->state = toVmState(info.state);
            it->vcpus = info.nrVirtCpu;
            it->memoryKiB = qint64(info.maxMem);
        }
    }

    // Transient VMs vanish when they stop; the UI says so.
    virDomainPtr *transientRaw = nullptr;
    const int t = virConnectListAllDomains(c, &transientRaw, VIR_CONNECT_LIST_DOMAINS_TRANSIENT);
    DomainList transient(transientRaw, t);
    for (int i = 0; i < transient.size(); ++i) {
        auto it = byUuid.find(domainUuid(transient[i]));
        if (it != byUuid.end())
            it->persistent = false;
    }
    return byUuid.values();
}

void HostSession::relistInventory(bool complete)
{
    if (!m_conn)
        return;
    auto listed = listInventory();
    if (!listed) {
        if (!checkAlive())
            return;
        qCWarning(lcVirt).noquote() << listed.error().fullText();
        return;
    }
    QList<VmInfo> changed;
    QSet<QUuid> seen;
    seen.reserve(listed->size());
    for (VmInfo &vm : *listed) {
        seen.insert(vm.uuid);
        auto it = m_vms.find(vm.uuid);
        if (it == m_vms.end() || !(*it == vm)) {
            m_vms.insert(vm.uuid, vm);
            changed.append(vm);
        }
    }
    QList<QUuid> removed;
    for (auto it = m_vms.begin(); it != m_vms.end();) {
        if (!seen.contains(it.key())) {
            removed.append(it.key());
            m_samples.remove(it.key());
            m_lastStats.remove(it.key());
            it = m_vms.erase(it);
        } else {
            ++it;
        }
    }
    m_dirty.clear();
    // Receivers see the host connected (with its counts) before the batch that completes
    // its inventory, so "inventory complete" always finds a connected host.
    if (complete) {
        m_info.state = HostState::Connected;
        m_info.error.clear();
        m_info.nextRetry = {};
    }
    publishHostInfo();
    if (!removed.isEmpty())
        Q_EMIT vmsRemoved(m_info.config.id, removed);
    if (!changed.isEmpty() || complete)
        Q_EMIT vmsChanged(m_info.config.id, changed, complete);
}

void HostSession::markDirty(const QUuid &uuid)
{
    m_dirty.insert(uuid);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

std::optional<VmInfo> HostSession::readDomain(const QUuid &uuid, bool *gone)
{
    *gone = false;
    const QByteArray text = uuid.toString(QUuid::WithoutBraces).toLatin1();
    DomainPtr dom(virDomainLookupByUUIDString(m_conn->conn.get(), text.constData()));
    if (!dom) {
        *gone = lastVirtErrorCode() == VIR_ERR_NO_DOMAIN;
        return std::nullopt;
    }
    virDomainInfo info{};
    if (virDomainGetInfo(dom.get(), &info) < 0) {
        *gone = lastVirtErrorCode() == VIR_ERR_NO_DOMAIN;
        return std::nullopt;
    }
    VmInfo vm = makeVm(uuid, QString::fromUtf8(virDomainGetName(dom.get())));
    vm.state = toVmState(info.state);
    vm.vcpus = info.nrVirtCpu;
    vm.memoryKiB = qint64(info.maxMem);
    vm.persistent = virDomainIsPersistent(dom.get()) != 0;
    readCorralMetadata(dom.get(), &vm);
    return vm;
}

void HostSession::flushDirty()
{
    if (!m_conn || m_dirty.isEmpty())
        return;
    if (m_dirty.size() > FullRelistThreshold) {
        relistInventory(false);
        return;
    }
    const QSet<QUuid> dirty = std::exchange(m_dirty, {});
    QList<VmInfo> changed;
    QList<QUuid> removed;
    for (const QUuid &uuid : dirty) {
        bool gone = false;
        auto vm = readDomain(uuid, &gone);
        if (vm) {
            auto it = m_vms.find(uuid);
            if (it == m_vms.end() || !(*it == *vm)) {
                m_vms.insert(uuid, *vm);
                changed.append(*vm);
            }
        } else if (gone) {
            if (m_vms.remove(uuid)) {
                m_samples.remove(uuid);
                m_lastStats.remove(uuid);
                removed.append(uuid);
            }
        } else if (!checkAlive()) {
            return;
        }
    }
    if (!removed.isEmpty())
        Q_EMIT vmsRemoved(m_info.config.id, removed);
    if (!changed.isEmpty())
        Q_EMIT vmsChanged(m_info.config.id, changed, false);
    if (!removed.isEmpty() || !changed.isEmpty())
        publishHostInfo();
}

void HostSession::sweepStats()
{
    if (!m_conn || !m_statsSupported)
        return;
    virDomainStatsRecordPtr *records = nullptr;
    const unsigned stats = VIR_DOMAIN_STATS_CPU_TOTAL | VIR_DOMAIN_STATS_BALLOON
        | VIR_DOMAIN_STATS_INTERFACE | VIR_DOMAIN_STATS_BLOCK;
    unsigned flags = VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT;
    if (m_serverFiltersActive)
        flags |= VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE;
    const int count = virConnectGetAllDomainStats(m_conn->conn.get(), stats, &records, flags);
    StatsList guard(records);
    if (count < 0) {
        if (lastVirtErrorCode() == VIR_ERR_NO_SUPPORT)
            m_statsSupported = false;
        else
            checkAlive();
        return;
    }
    // A driver whose records never carry CPU time (libvirt's test driver) has nothing for
    // this sweep to report; after a few sweeps that say so, stop asking it rather than
    // decode empty records forever. Active QEMU domains always report cpu.time.
    if (count > 0) {
        bool anyCpu = false;
        for (int i = 0; i < count && !anyCpu; ++i)
            anyCpu = StatsRecord(records[i]).number("cpu.time") >= 0;
        m_sweepsWithoutCpu = anyCpu ? 0 : m_sweepsWithoutCpu + 1;
        if (m_sweepsWithoutCpu >= 3) {
            qCInfo(lcVirt).noquote()
                << m_info.config.name << "reports no CPU statistics; stats sweep off";
            m_statsSupported = false;
            m_statsTimer.stop();
            return;
        }
    }
    const qint64 now = m_clock.elapsed();
    QHash<QUuid, VmStats> changed;
    QSet<QUuid> active;
    for (int i = 0; i < count; ++i) {
        const StatsRecord rec(records[i]);
        const QUuid uuid = domainUuid(rec.domain());
        if (!m_serverFiltersActive) {
            const auto vm = m_vms.constFind(uuid);
            if (vm == m_vms.cend() || !vmStateIsActive(vm->state))
                continue;
        }
        active.insert(uuid);
        StatsSample sample;
        sample.atMs = now;
        sample.cpuTimeNs = rec.number("cpu.time");
        sample.rdBytes = rec.sum("block", "rd.bytes");
        sample.wrBytes = rec.sum("block", "wr.bytes");
        sample.rxBytes = rec.sum("net", "rx.bytes");
        sample.txBytes = rec.sum("net", "tx.bytes");

        VmStats st;
        st.memoryUsedKiB = rec.number("balloon.current");
        if (st.memoryUsedKiB < 0)
            st.memoryUsedKiB = rec.number("balloon.rss");
        const auto prev = m_samples.constFind(uuid);
        if (prev != m_samples.cend() && now > prev->atMs && prev->cpuTimeNs >= 0
            && sample.cpuTimeNs >= prev->cpuTimeNs) {
            const double seconds = double(now - prev->atMs) / 1000.0;
            const auto rate = [seconds](qint64 a, qint64 b) {
                return b >= a ? double(b - a) / seconds : 0.0;
            };
            st.cpuPercent = double(sample.cpuTimeNs - prev->cpuTimeNs) / 1e7 / seconds;
            st.diskReadBps = rate(prev->rdBytes, sample.rdBytes);
            st.diskWriteBps = rate(prev->wrBytes, sample.wrBytes);
            st.netRxBps = rate(prev->rxBytes, sample.rxBytes);
            st.netTxBps = rate(prev->txBytes, sample.txBytes);
        }
        m_samples.insert(uuid, sample);
        if (m_lastStats.value(uuid) != st) {
            m_lastStats.insert(uuid, st);
            changed.insert(uuid, st);
        }
    }
    // VMs that stopped since the last sweep lose their figures.
    for (auto it = m_lastStats.begin(); it != m_lastStats.end();) {
        if (!active.contains(it.key())) {
            m_samples.remove(it.key());
            changed.insert(it.key(), VmStats{});
            it = m_lastStats.erase(it);
        } else {
            ++it;
        }
    }
    if (!changed.isEmpty())
        Q_EMIT statsUpdated(m_info.config.id, changed);
}

bool HostSession::checkAlive()
{
    if (m_conn && virConnectIsAlive(m_conn->conn.get()) == 1)
        return true;
    if (m_conn)
        dropConnection(tr("Connection to %1 lost.").arg(m_info.config.name), true);
    return false;
}

void HostSession::onConnectionClosed(int generation, int reason)
{
    if (!m_conn || generation != m_generation)
        return;
    QString why;
    switch (reason) {
    case VIR_CONNECT_CLOSE_REASON_KEEPALIVE:
        why = tr("%1 stopped answering (keepalive timed out).").arg(m_info.config.name);
        break;
    case VIR_CONNECT_CLOSE_REASON_EOF:
        why = tr("%1 closed the connection.").arg(m_info.config.name);
        break;
    default:
        why = tr("Connection to %1 lost.").arg(m_info.config.name);
        break;
    }
    dropConnection(why, true);
}

void HostSession::dropConnection(const QString &reason, bool retry)
{
    m_statsTimer.stop();
    m_flushTimer.stop();
    m_dirty.clear();
    m_samples.clear();
    m_conn.reset();
    qCInfo(lcVirt).noquote() << m_info.config.name << "offline:" << reason;
    // VMs stay listed with their last known state; the host's state tells they are stale.
    if (!m_lastStats.isEmpty()) {
        QHash<QUuid, VmStats> cleared;
        for (auto it = m_lastStats.cbegin(); it != m_lastStats.cend(); ++it)
            cleared.insert(it.key(), VmStats{});
        m_lastStats.clear();
        Q_EMIT statsUpdated(m_info.config.id, cleared);
    }
    setState(HostState::Offline, reason);
    if (retry && m_wantConnected)
        scheduleReconnect();
}

void HostSession::scheduleReconnect()
{
    if (!m_wantConnected)
        return;
    m_retryTimer.start(m_retryDelayMs);
    m_info.nextRetry = QDateTime::currentDateTimeUtc().addMSecs(m_retryDelayMs);
    m_retryDelayMs = std::min(m_retryDelayMs * 2, MaxRetryDelayMs);
    publishHostInfo();
}

void HostSession::runOperation(quint64 taskId, VmOperation op, const QUuid &uuid, bool withStorage)
{
    QString name;
    Result<void> result = executeOperation(op, uuid, withStorage, &name);
    if (!result && m_conn)
        checkAlive();
    // Events bring the new state too; reading it now keeps the UI right even where a
    // driver sends no event.
    if (m_conn)
        markDirty(uuid);
    Q_EMIT operationFinished(taskId, result);
}

Result<void> HostSession::executeOperation(VmOperation op, const QUuid &uuid, bool withStorage,
                                           QString *vmName)
{
    if (!m_conn) {
        return fail(ErrorCode::Offline,
                    tr("%1 is not connected: wait for it to come back or reconnect it.")
                        .arg(m_info.config.name));
    }
    return DomainOperation::run(m_conn->conn.get(), m_info.config.name, op, uuid, withStorage,
                                vmName);
}

void HostSession::runWithConnection(const std::function<void(virConnectPtr)> &job)
{
    job(m_conn ? m_conn->conn.get() : nullptr);
}

std::optional<QString> HostSession::ask(CredentialRequest request)
{
    request.id = PromptGate::nextId();
    request.hostId = m_info.config.id;
    request.hostName = m_info.config.name;
    return m_prompts.ask(request.id, [&] { Q_EMIT credentialRequested(request); });
}

void HostSession::answerCredential(quint64 requestId, std::optional<QString> answer)
{
    m_prompts.answer(requestId, std::move(answer));
}

void HostSession::cancelCredentials()
{
    m_prompts.cancel();
}

} // namespace Corral
