#pragma once

// Shared by deployer.cpp, deployer_start.cpp and deployer_journal.cpp only.

#include "deployer.h"

#include "virt/vmmetadata.h"

#include <QPointer>
#include <QUuid>

namespace Corral::DeployDetail {

constexpr qint64 GiB = 1024LL * 1024 * 1024;
constexpr int LeaseSeconds = 60;
constexpr int LeaseRenewMs = 20000;
constexpr int LockRetryMs = 300;
constexpr int LockAttempts = 200; // about a minute of another console's deploys
constexpr int MaxReplacements = 3;
constexpr int RemovalWaitMs = 5000; // for a host's event after a cleanup removed a VM
// Forwarded VM ports are picked from this range on each host (fixed per VM once deployed).
constexpr quint16 FirstForwardPort = 30000;
constexpr quint16 LastForwardPort = 32767;

inline bool forwardsPorts(const VmConfig &shape)
{
    return shape.network == u"user" || shape.network == u"user-isolated";
}

// What the host-side start step reports back.
struct Started
{
    QUuid uuid;
    QList<PortMapping> ports;
};

// Why a start under the lock did not happen: the lock is busy, or the host is full by now.
enum class Refusal { None, Busy, Full };

struct StartOutcome
{
    Refusal refusal = Refusal::None;
    QString why;
    Result<Started> started = fail(ErrorCode::Generic, {});
};

} // namespace Corral::DeployDetail

namespace Corral {

struct Deployer::VmJob
{
    DeployedVm vm;
    qint64 hostId = 0;
    QString hostName;
    DeployRecord record;
    QString domainType;
    QString systemDisk;
    QString openCoreDisk;
    int replacements = 0;
    bool finished = false;
    QSet<qint64> refusedBy; // hosts that turned out full under the lock
};

struct Deployer::Run
{
    quint64 id = 0;
    VmConfig shape;
    DeployRequest request;
    QString owner;
    QPointer<QObject> context;
    std::function<void(Result<QList<DeployedVm>>)> done;
    std::vector<VmJob> vms;
    int unfinished = 0;
};

} // namespace Corral
