#pragma once

#include "fleet/credentialrequest.h"
#include "fleet/hostinfo.h"
#include "fleet/vminfo.h"
#include "fleet/vmoperation.h"
#include "util/promptgate.h"
#include "util/result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

typedef struct _virConnect *virConnectPtr;

namespace Corral {

class VirtEventLoop;

// The live connection to one host: a libvirt connection (qemu+libssh:// usually) with
// keepalive, a close callback that drives reconnects with backoff, lifecycle events that
// drive VM state (no polling), one virConnectGetAllDomainStats sweep per stats interval, and
// the lifecycle operations. Created by Fleet, moved to a thread of its own; every slot runs
// there, in order, and may block on the network — never call them directly from another
// thread, post them (QMetaObject::invokeMethod). answerCredential()/cancelCredentials() are
// the thread-safe exceptions. Emits value types only; no libvirt type leaves this class.
class HostSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostSession)

public:
    HostSession(const HostConfig &config, std::shared_ptr<VirtEventLoop> eventLoop);
    ~HostSession() override;

    // --- slots: run on the session thread ---
    void open(); // connect, and keep reconnecting with backoff until close()
    void close(); // disconnect; no reconnect
    void updateConfig(const HostConfig &config); // reconnects if the URI changed
    void runOperation(quint64 taskId, VmOperation op, const QUuid &uuid, bool withStorage);
    void setStatsInterval(int msec);
    // Runs `job` on the session thread with the live connection (nullptr while offline), for
    // work outside the inventory: consoles, guest addresses.
    void runWithConnection(const std::function<void(virConnectPtr)> &job);

    // --- thread-safe ---
    void answerCredential(quint64 requestId, std::optional<QString> answer);
    void cancelCredentials();

    // The auth prompt bridge libvirt calls into (public for the C callback only).
    struct AuthPrompt;
    std::optional<QString> ask(CredentialRequest request);

Q_SIGNALS:
    void hostInfoChanged(const Corral::HostInfo &info);
    // complete: this batch ends a full (re)listing of the host's inventory.
    void vmsChanged(qint64 hostId, const QList<Corral::VmInfo> &vms, bool complete);
    void vmsRemoved(qint64 hostId, const QList<QUuid> &uuids);
    void statsUpdated(qint64 hostId, const QHash<QUuid, Corral::VmStats> &stats);
    void operationFinished(quint64 taskId, const Corral::Result<void> &result);
    void credentialRequested(const Corral::CredentialRequest &request);

private:
    struct Connection;
    struct StatsSample
    {
        qint64 cpuTimeNs = -1;
        qint64 rdBytes = 0, wrBytes = 0, rxBytes = 0, txBytes = 0;
        qint64 atMs = 0;
    };

    void connectNow();
    Result<void> verifyHostKey();
    Result<void> openConnection();
    void dropConnection(const QString &reason, bool retry);
    void scheduleReconnect();
    void setState(HostState state, const QString &error = {});
    void readHostFacts();
    Result<QList<VmInfo>> listInventory();
    void relistInventory(bool complete);
    void markDirty(const QUuid &uuid);
    void flushDirty();
    std::optional<VmInfo> readDomain(const QUuid &uuid, bool *gone);
    void sweepStats();
    void onConnectionClosed(int generation, int reason);
    bool checkAlive();
    Result<void> executeOperation(VmOperation op, const QUuid &uuid, bool withStorage,
                                  QString *vmName);
    void publishHostInfo();
    VmInfo makeVm(const QUuid &uuid, const QString &name) const;

    HostInfo m_info;
    std::shared_ptr<VirtEventLoop> m_eventLoop;
    std::unique_ptr<Connection> m_conn;
    int m_generation = 0;
    bool m_wantConnected = false;
    int m_retryDelayMs = 1000;
    QTimer m_retryTimer;
    QTimer m_flushTimer;
    QTimer m_statsTimer;
    QHash<QUuid, VmInfo> m_vms;
    QSet<QUuid> m_dirty;
    QHash<QUuid, StatsSample> m_samples;
    QHash<QUuid, VmStats> m_lastStats;
    QElapsedTimer m_clock;
    bool m_statsSupported = true;
    bool m_serverFiltersActive = true;
    int m_sweepsWithoutCpu = 0;

    // Credential prompts: the session thread waits inside libvirt's auth callback while the
    // question travels to the user and back.
    PromptGate m_prompts;
};

} // namespace Corral
