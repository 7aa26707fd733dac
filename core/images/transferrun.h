#pragma once

#include "transferworker.h"

#include "ssh/sshendpoint.h"

#include <QObject>

#include <map>
#include <memory>
#include <thread>

namespace Corral {

class Fleet;
class SshSession;

namespace ImageDetail {

// One pass of a transfer: an SSH connection of its own per host involved (bulk ciphers), a
// command pipe per peer, and a worker thread that runs the RunSpec. Lives on the library's
// thread; the worker touches only the spec.
class TransferRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferRun)

public:
    struct Target
    {
        qint64 jobId = 0;
        qint64 hostId = 0;
        QString hostLabel;
        QString hostUri;
        QString command; // what runs on the host (TransferPlan::*Command)
        QString finalPath;
        quint64 startAt = 0;
    };

    TransferRun(Fleet *fleet, RunSpec::Mode mode, QObject *parent = nullptr);
    ~TransferRun() override; // interrupts and joins the worker; jobs stay resumable

    RunSpec &spec() { return m_spec; }
    const RunSpec &spec() const { return m_spec; }
    void addPeer(const Target &target);
    void setSource(const Target &target);
    // Connects and opens every pipe, then starts the worker; finished() follows.
    void start();

    bool hasJob(qint64 jobId) const;
    QList<qint64> jobIds() const;
    Peer *peer(qint64 jobId) const;
    // Stops one job's part: Paused (kept for resume) or Cancelled.
    void stopJob(qint64 jobId, TransferJob::State how);
    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void finished();

private:
    SshSession *sessionFor(const Target &target, QString *error);
    void opened();

    Fleet *m_fleet;
    RunSpec m_spec;
    std::vector<Target> m_targets; // peers, then the source (if any)
    std::map<qint64, std::unique_ptr<SshSession>> m_sessions; // by host id
    int m_pending = 0;
    bool m_started = false;
    bool m_finished = false;
    std::thread m_thread;
};

} // namespace ImageDetail

} // namespace Corral
