#include "transferrun.h"

#include "fleet/fleet.h"
#include "ssh/sshsession.h"
#include "util/logging.h"

#include <QPointer>

namespace Corral::ImageDetail {

TransferRun::TransferRun(Fleet *fleet, RunSpec::Mode mode, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
{
    m_spec.mode = mode;
}

TransferRun::~TransferRun()
{
    for (auto &p : m_spec.peers)
        p->interrupt();
    if (m_spec.source)
        m_spec.source->interrupt();
    if (m_thread.joinable())
        m_thread.join();
}

namespace {

std::unique_ptr<Peer> makePeer(const TransferRun::Target &t)
{
    auto p = std::make_unique<Peer>();
    p->jobId = t.jobId;
    p->hostLabel = t.hostLabel;
    p->finalPath = t.finalPath;
    p->startAt = t.startAt;
    p->confirmed = t.startAt;
    return p;
}

} // namespace

void TransferRun::addPeer(const Target &target)
{
    m_targets.push_back(target);
    m_spec.peers.push_back(makePeer(target));
}

void TransferRun::setSource(const Target &target)
{
    m_targets.push_back(target);
    m_spec.source = makePeer(target);
}

bool TransferRun::hasJob(qint64 jobId) const
{
    return peer(jobId) != nullptr;
}

QList<qint64> TransferRun::jobIds() const
{
    QList<qint64> ids;
    for (const auto &p : m_spec.peers)
        ids.append(p->jobId);
    return ids;
}

Peer *TransferRun::peer(qint64 jobId) const
{
    for (const auto &p : m_spec.peers) {
        if (p->jobId == jobId)
            return p.get();
    }
    return nullptr;
}

void TransferRun::stopJob(qint64 jobId, TransferJob::State how)
{
    Peer *p = peer(jobId);
    if (!p)
        return;
    p->stopState = int(how);
    p->interrupt();
    // A copy or download has one receiver: stopping it stops the source too.
    if (m_spec.source && m_spec.peers.size() == 1)
        m_spec.source->interrupt();
}

SshSession *TransferRun::sessionFor(const Target &target, QString *error)
{
    if (auto it = m_sessions.find(target.hostId); it != m_sessions.end())
        return it->second.get();
    auto endpoint = SshEndpoint::fromHostUri(target.hostUri, target.hostLabel);
    if (!endpoint) {
        *error = endpoint.error().message;
        return nullptr;
    }
    endpoint->bulk = true;
    auto session = std::make_unique<SshSession>(*endpoint);
    QPointer<SshSession> guard(session.get());
    const qint64 hostId = target.hostId;
    connect(session.get(), &SshSession::credentialRequested, this,
            [this, guard, hostId](CredentialRequest request) {
                request.hostId = hostId;
                m_fleet->relayCredential(request,
                                         [guard](quint64 id, std::optional<QString> answer) {
                                             if (guard)
                                                 guard->answerCredential(id, std::move(answer));
                                         });
            });
    SshSession *raw = session.get();
    m_sessions.emplace(target.hostId, std::move(session));
    return raw;
}

void TransferRun::start()
{
    m_started = true;
    m_pending = int(m_targets.size());
    for (std::size_t i = 0; i < m_targets.size(); ++i) {
        const Target &t = m_targets[i];
        Peer *p = i < m_spec.peers.size() ? m_spec.peers[i].get() : m_spec.source.get();
        QString error;
        SshSession *session = sessionFor(t, &error);
        if (!session) {
            p->alive = false;
            p->state = TransferJob::State::Failed;
            p->error = error;
            --m_pending;
            continue;
        }
        session->openCommandPipe(t.command, this, [this, p](Result<int> fd) {
            if (fd) {
                p->fd = *fd;
            } else {
                p->alive = false;
                p->state = TransferJob::State::Interrupted;
                p->error = fd.error().message;
            }
            if (--m_pending == 0)
                opened();
        });
    }
    if (m_pending == 0)
        QMetaObject::invokeMethod(this, &TransferRun::opened, Qt::QueuedConnection);
}

void TransferRun::opened()
{
    if (m_thread.joinable() || m_finished)
        return;
    m_thread = std::thread([this] {
        runTransfer(m_spec);
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_thread.joinable())
                    m_thread.join();
                m_finished = true;
                Q_EMIT finished();
            },
            Qt::QueuedConnection);
    });
}

} // namespace Corral::ImageDetail
