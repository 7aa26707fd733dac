// ImageLibrary: the operations that start transfers, their runs, and what a finished job
// changes in the catalog.
#include "imagelibrary.h"

#include "imagelibrary_p.h"
#include "transferrun.h"

#include "fleet/fleet.h"
#include "fleet/remoteaccess.h"
#include "ssh/sshsession.h"
#include "store/storeservice.h"
#include "store/transferjobrepository.h"
#include "util/logging.h"
#include "util/mailbox.h"

#include <QDateTime>
#include <QFileInfo>
#include <QThreadPool>
#include <QTimer>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Corral {

using ImageDetail::RunSpec;
using ImageDetail::TransferRun;
using namespace ImageDetail;

namespace {

QString volumePath(const PoolState &pool, const QString &volume)
{
    for (const PoolVolume &v : pool.volumes) {
        if (v.name == volume)
            return v.path;
    }
    return {};
}

const PoolVolume *findVolume(const PoolState &pool, const QString &volume)
{
    for (const PoolVolume &v : pool.volumes) {
        if (v.name == volume)
            return &v;
    }
    return nullptr;
}

std::optional<ImageReplica> replicaOn(const ImageRecord &image, qint64 hostId)
{
    for (const ImageReplica &r : image.replicas) {
        if (r.hostId == hostId)
            return r;
    }
    return std::nullopt;
}

} // namespace

// ---- upload -------------------------------------------------------------------------------

void ImageLibrary::upload(const UploadRequest &request, QObject *context,
                          std::function<void(Result<QList<qint64>>)> done)
{
    const auto answer = replyOn(context, std::move(done));
    const QString name = request.name.isEmpty() ? suggestedName(request.path) : request.name;
    if (const QString rule = ImageProbes::validateName(name); !rule.isEmpty())
        return answer(fail(ErrorCode::InvalidArgument,
                           tr("\"%1\" is not a valid image name. %2").arg(name, rule)));
    if (request.hostIds.isEmpty())
        return answer(fail(ErrorCode::InvalidArgument,
                           tr("Choose at least one host to upload %1 to.").arg(name)));
    const QString path = QFileInfo(request.path).absoluteFilePath();

    // An interrupted upload of the same file and image resumes on the hosts it was going to.
    QList<qint64> resumed;
    QList<qint64> fresh;
    for (qint64 hostId : request.hostIds) {
        const auto it = std::find_if(m_jobs.cbegin(), m_jobs.cend(), [&](const auto &entry) {
            const TransferJob &j = entry.second;
            return j.kind == TransferJob::Kind::Upload && j.isResumable() && j.hostId == hostId
                && j.localPath == path && j.imageName.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (it != m_jobs.cend())
            resumed.append(it->first);
        else
            fresh.append(hostId);
    }
    if (fresh.isEmpty()) {
        for (qint64 id : resumed)
            resume(id);
        return answer(resumed);
    }
    if (image(name)) {
        return answer(
            fail(ErrorCode::AlreadyExists,
                 tr("An image named %1 is already in the library: choose another name, or use "
                    "\"Copy to Host\" (corralctl image copy) to put it on more hosts.")
                     .arg(name)));
    }

    // Probing and mapping the file's extents read the disk: off this thread.
    offThread(
        this, [path] { return fileFacts(path); },
        [this, answer, request, path, name, fresh, resumed](Result<FileFacts> facts) {
            if (!facts) {
                return answer(
                    fail(facts.error().code, tr("%1: %2").arg(path, facts.error().message)));
            }
            checkTargets(
                fresh, name, facts->dataBytes, [=, this](Result<QHash<qint64, PoolState>> pools) {
                    if (!pools)
                        return answer(std::unexpected(pools.error()));
                    startUpload(request.description, path, name, *facts, *pools, resumed, answer);
                });
        });
}

void ImageLibrary::startUpload(const QString &description, const QString &path, const QString &name,
                               const ImageDetail::FileFacts &facts,
                               const QHash<qint64, PoolState> &pools, const QList<qint64> &resumed,
                               std::function<void(Result<QList<qint64>>)> answer)
{
    QList<TransferJob> jobs;
    for (qint64 hostId : pools.keys()) {
        TransferJob job;
        job.kind = TransferJob::Kind::Upload;
        job.state = TransferJob::State::Queued;
        job.imageName = name;
        job.description = description;
        job.localPath = path;
        job.hostId = hostId;
        job.sourceMtime = facts.mtime;
        job.total = facts.probe.fileSize;
        jobs.append(job);
    }
    addJobs(jobs, [=, this](Result<QList<TransferJob>> added) {
        if (!added)
            return answer(std::unexpected(added.error()));
        QList<qint64> ids = resumed;
        for (const TransferJob &job : std::as_const(*added)) {
            m_pending[job.id] = pendingImage(job, facts.probe);
            ids.append(job.id);
        }
        startUploadRun(path, facts.probe.fileSize, facts.mtime, *added, pools);
        for (qint64 id : resumed)
            resume(id);
        answer(ids);
    });
}

void ImageLibrary::startUploadRun(const QString &path, quint64 total, qint64 mtime,
                                  const QList<TransferJob> &jobs,
                                  const QHash<qint64, PoolState> &pools)
{
    auto run = std::make_unique<TransferRun>(m_fleet, RunSpec::Mode::Upload);
    run->spec().localPath = path;
    run->spec().total = total;
    run->spec().sourceMtime = mtime;
    for (TransferJob job : jobs) {
        const PoolState &pool = pools[job.hostId];
        const auto host = m_fleet->host(job.hostId);
        job.tempVolume = tempPath(pool, job);
        job.state = TransferJob::State::Running;
        job.error.clear();
        updateJob(job, true);
        run->addPeer({job.id, job.hostId, job.hostName, host ? host->config.uri : QString(),
                      TransferPlan::receiveCommand(job.tempVolume),
                      pool.path + u'/' + job.imageName, job.confirmed});
    }
    startRun(std::move(run));
}

void ImageLibrary::startRun(std::unique_ptr<TransferRun> run)
{
    TransferRun *raw = run.get();
    connect(raw, &TransferRun::finished, this, [this, raw] { onRunFinished(raw); });
    m_runs.push_back(std::move(run));
    raw->start();
    if (!m_progressTimer->isActive())
        m_progressTimer->start();
}

// ---- host to local, host to host, create, verify --------------------------------------------

void ImageLibrary::download(const QString &name, qint64 hostId, const QString &outPath,
                            QObject *context, std::function<void(Result<qint64>)> done)
{
    const auto answer = replyOn(context, std::move(done));
    const auto img = image(name);
    if (!img)
        return answer(fail(ErrorCode::NotFound, tr("There is no image named %1.").arg(name)));
    const auto replica = replicaOn(*img, hostId);
    if (!replica || replica->state != ImageReplica::State::Present)
        return answer(
            fail(ErrorCode::NotFound, tr("%1 has no copy of %2.").arg(hostName(hostId), name)));
    if (auto usable = checkHostUsable(hostId); !usable)
        return answer(std::unexpected(usable.error()));
    const QString out = QFileInfo(outPath).absoluteFilePath();
    for (const auto &[id, j] : m_jobs) {
        if (j.kind == TransferJob::Kind::Download && j.localPath == out && j.isResumable()) {
            resume(id);
            return answer(id);
        }
    }
    TransferJob job;
    job.kind = TransferJob::Kind::Download;
    job.imageName = img->name;
    job.localPath = out;
    job.hostId = hostId;
    job.total = img->actualSize;
    job.tempVolume = replica->volume;
    offThread(
        this, [out] { return QFileInfo::exists(out); },
        [this, job, answer](bool exists) {
            if (exists) {
                return answer(fail(
                    ErrorCode::AlreadyExists,
                    tr("%1 exists: choose another file name or delete it.").arg(job.localPath)));
            }
            addAndStart(job, {}, answer);
        });
}

void ImageLibrary::copy(const QString &name, qint64 fromHostId, qint64 toHostId, QObject *context,
                        std::function<void(Result<qint64>)> done)
{
    const auto answer = replyOn(context, std::move(done));
    const auto img = image(name);
    if (!img)
        return answer(fail(ErrorCode::NotFound, tr("There is no image named %1.").arg(name)));
    const auto source = replicaOn(*img, fromHostId);
    if (!source || source->state != ImageReplica::State::Present)
        return answer(
            fail(ErrorCode::NotFound,
                 tr("%1 has no copy of %2 to copy from.").arg(hostName(fromHostId), name)));
    if (const auto target = replicaOn(*img, toHostId);
        target && target->state == ImageReplica::State::Present)
        return answer(
            fail(ErrorCode::AlreadyExists, tr("%1 already has %2.").arg(hostName(toHostId), name)));
    if (fromHostId == toHostId)
        return answer(fail(ErrorCode::InvalidArgument, tr("Choose two different hosts.")));
    if (auto usable = checkHostUsable(fromHostId); !usable)
        return answer(std::unexpected(usable.error()));
    checkTargets(
        {toHostId}, source->volume, img->actualSize,
        [this, answer, img, fromHostId, toHostId, source](Result<QHash<qint64, PoolState>> pools) {
            if (!pools)
                return answer(std::unexpected(pools.error()));
            TransferJob job;
            job.kind = TransferJob::Kind::Copy;
            job.imageName = img->name;
            job.hostId = toHostId;
            job.sourceHostId = fromHostId;
            job.total = img->actualSize;
            addAndStart(job, {}, answer);
        });
}

void ImageLibrary::createEmpty(const QString &name, quint64 size, qint64 hostId,
                               const QString &description, QObject *context,
                               std::function<void(Result<qint64>)> done)
{
    const auto answer = replyOn(context, std::move(done));
    if (const QString rule = ImageProbes::validateName(name); !rule.isEmpty())
        return answer(fail(ErrorCode::InvalidArgument,
                           tr("\"%1\" is not a valid image name. %2").arg(name, rule)));
    if (size == 0 || size % 512 != 0)
        return answer(fail(ErrorCode::InvalidArgument,
                           tr("The size must be a positive multiple of 512 bytes.")));
    if (image(name))
        return answer(fail(ErrorCode::AlreadyExists,
                           tr("An image named %1 is already in the library.").arg(name)));
    checkTargets(
        {hostId}, name, 1024 * 1024,
        [this, answer, name, size, hostId, description](Result<QHash<qint64, PoolState>> pools) {
            if (!pools)
                return answer(std::unexpected(pools.error()));
            onHost(
                m_fleet, this, hostId,
                [name, size, label = hostName(hostId)](virConnectPtr conn) {
                    return ImagePool::createQcow2(conn, QString::fromLatin1(PoolName), name, size,
                                                  label);
                },
                [=, this](Result<PoolVolume> created) {
                    if (!created)
                        return answer(std::unexpected(created.error()));
                    TransferJob job;
                    job.kind = TransferJob::Kind::CreateEmpty;
                    job.imageName = name;
                    job.description = description;
                    job.hostId = hostId;
                    job.total = created->allocation;
                    job.tempVolume = name;
                    auto pending = std::make_shared<Pending>();
                    pending->image.name = created->name;
                    pending->image.kind = u"disk"_s;
                    pending->image.format = u"qcow2"_s;
                    pending->image.virtualSize = created->capacity;
                    pending->image.description = description;
                    addAndStart(job, pending, answer);
                });
        });
}

void ImageLibrary::verify(const QString &name, qint64 hostId, QObject *context,
                          std::function<void(Result<qint64>)> done)
{
    const auto answer = replyOn(context, std::move(done));
    const auto img = image(name);
    if (!img)
        return answer(fail(ErrorCode::NotFound, tr("There is no image named %1.").arg(name)));
    const auto replica = replicaOn(*img, hostId);
    if (!replica || replica->state == ImageReplica::State::Missing)
        return answer(
            fail(ErrorCode::NotFound, tr("%1 has no copy of %2.").arg(hostName(hostId), name)));
    if (auto usable = checkHostUsable(hostId); !usable)
        return answer(std::unexpected(usable.error()));
    TransferJob job;
    job.kind = TransferJob::Kind::Verify;
    job.imageName = img->name;
    job.hostId = hostId;
    job.total = img->actualSize;
    job.tempVolume = replica->volume;
    addAndStart(job, {}, answer);
}

void ImageLibrary::addAndStart(const TransferJob &job, std::shared_ptr<Pending> pending,
                               std::function<void(Result<qint64>)> answer)
{
    addJobs({job}, [this, pending, answer](Result<QList<TransferJob>> added) {
        if (!added)
            return answer(std::unexpected(added.error()));
        const qint64 id = added->first().id;
        if (pending)
            m_pending[id] = pending;
        resume(id);
        answer(id);
    });
}

// ---- job control --------------------------------------------------------------------------

void ImageLibrary::pause(qint64 jobId)
{
    for (auto &run : m_runs) {
        if (run->hasJob(jobId) && run->isRunning())
            return run->stopJob(jobId, TransferJob::State::Paused);
    }
    auto it = m_jobs.find(jobId);
    if (it != m_jobs.end() && it->second.state == TransferJob::State::Queued) {
        TransferJob job = it->second;
        job.state = TransferJob::State::Paused;
        updateJob(job, true);
        Q_EMIT jobStopped(job);
    }
}

void ImageLibrary::cancel(qint64 jobId)
{
    for (auto &run : m_runs) {
        if (run->hasJob(jobId) && !run->isFinished())
            return run->stopJob(jobId, TransferJob::State::Cancelled);
    }
    auto it = m_jobs.find(jobId);
    if (it == m_jobs.end() || it->second.isFinished())
        return;
    TransferJob job = it->second;
    if (job.kind == TransferJob::Kind::Upload || job.kind == TransferJob::Kind::Copy) {
        if (!job.tempVolume.isEmpty())
            removeRemoteFile(job.hostId, job.tempVolume);
    } else if (job.kind == TransferJob::Kind::Download) {
        removeLocalPart(job.localPath);
    }
    job.state = TransferJob::State::Cancelled;
    job.error.clear();
    updateJob(job, true);
    Q_EMIT jobStopped(job);
}

void ImageLibrary::clearFinished()
{
    QList<qint64> gone;
    for (const auto &[id, job] : m_jobs) {
        if (job.isFinished())
            gone.append(id);
    }
    for (qint64 id : gone) {
        m_jobs.erase(id);
        m_pending.erase(id);
        Q_EMIT jobRemoved(id);
        m_store->post([id](Database &db) { return TransferJobRepository(db).remove(id); });
    }
}

void ImageLibrary::removeLocalPart(const QString &target)
{
    QThreadPool::globalInstance()->start(
        [part = target + u".corral-part"_s] { QFile::remove(part); });
}

void ImageLibrary::removeRemoteFile(qint64 hostId, const QString &path)
{
    auto session = m_fleet->remote()->hostSession(hostId);
    if (!session) {
        qCWarning(lcFleet).noquote() << "cannot remove" << path << "on" << hostName(hostId) << ":"
                                     << session.error().message;
        return;
    }
    SshChannel *channel = (*session)->openExec(TransferPlan::removeCommand(path), this);
    connect(channel, &SshChannel::closed, channel, &QObject::deleteLater);
}

void ImageLibrary::resume(qint64 jobId)
{
    auto it = m_jobs.find(jobId);
    if (it == m_jobs.end()
        || !(it->second.isResumable() || it->second.state == TransferJob::State::Queued))
        return;
    for (auto &run : m_runs) {
        if (run->hasJob(jobId) && !run->isFinished())
            return;
    }
    TransferJob job = it->second;
    const auto host = m_fleet->host(job.hostId);
    if (auto usable = checkHostUsable(job.hostId); !usable) {
        job.state = TransferJob::State::Interrupted;
        job.error = usable.error().message;
        updateJob(job, true);
        Q_EMIT jobStopped(job);
        return;
    }
    job.state = TransferJob::State::Queued;
    job.error.clear();
    updateJob(job, false);

    auto failJob = [this, jobId](const QString &error) {
        auto j = m_jobs.find(jobId);
        if (j == m_jobs.end())
            return;
        TransferJob failed = j->second;
        failed.state = TransferJob::State::Interrupted;
        failed.error = error;
        updateJob(failed, true);
        Q_EMIT jobStopped(failed);
    };

    switch (job.kind) {
    case TransferJob::Kind::Upload: {
        // The worker refuses a file that changed since the job began; what the catalog will
        // record about it is read again after a restart.
        auto start = [this, jobId, failJob] {
            poolOf(m_jobs[jobId].hostId, [this, jobId, failJob](Result<PoolState> pool) {
                if (!pool)
                    return failJob(pool.error().message);
                const TransferJob j = m_jobs[jobId];
                startUploadRun(j.localPath, j.total, j.sourceMtime, {j}, {{j.hostId, *pool}});
            });
        };
        if (m_pending.contains(jobId))
            return start();
        offThread(
            this, [path = job.localPath] { return ImageProbes::probeFile(path); },
            [this, jobId, start](Result<ImageProbe> probed) {
                m_pending[jobId] = pendingImage(m_jobs[jobId], probed.value_or(ImageProbe{}));
                start();
            });
        return;
    }
    case TransferJob::Kind::Copy: {
        const auto img = image(job.imageName);
        const auto source = img ? replicaOn(*img, job.sourceHostId) : std::nullopt;
        if (!source)
            return failJob(
                tr("%1 no longer has %2.").arg(hostName(job.sourceHostId), job.imageName));
        if (!m_pending.contains(jobId)) {
            auto pending = std::make_shared<Pending>();
            pending->image = *img;
            m_pending[jobId] = pending;
        }
        poolOf(job.sourceHostId,
               [this, jobId, failJob, volume = source->volume](Result<PoolState> from) {
                   if (!from)
                       return failJob(from.error().message);
                   poolOf(
                       m_jobs[jobId].hostId,
                       [this, jobId, failJob, volume, from](Result<PoolState> to) {
                           if (!to)
                               return failJob(to.error().message);
                           TransferJob j = m_jobs[jobId];
                           j.tempVolume = tempPath(*to, j);
                           j.state = TransferJob::State::Running;
                           updateJob(j, true);
                           auto run = std::make_unique<TransferRun>(m_fleet, RunSpec::Mode::Copy);
                           const auto src = m_fleet->host(j.sourceHostId);
                           const auto dst = m_fleet->host(j.hostId);
                           run->addPeer({j.id, j.hostId, j.hostName,
                                         dst ? dst->config.uri : QString(),
                                         TransferPlan::receiveCommand(j.tempVolume),
                                         to->path + u'/' + volume, j.confirmed});
                           run->setSource({j.id,
                                           j.sourceHostId,
                                           j.sourceHostName,
                                           src ? src->config.uri : QString(),
                                           TransferPlan::sendCommand(volumePath(*from, volume), 0),
                                           {},
                                           0});
                           startRun(std::move(run));
                       });
               });
        return;
    }
    case TransferJob::Kind::Download:
    case TransferJob::Kind::Verify:
    case TransferJob::Kind::CreateEmpty: {
        poolOf(job.hostId, [this, jobId, failJob](Result<PoolState> pool) {
            if (!pool)
                return failJob(pool.error().message);
            TransferJob j = m_jobs[jobId];
            const PoolVolume *vol = findVolume(*pool, j.tempVolume);
            if (!vol)
                return failJob(tr("%1 no longer has the volume %2.").arg(j.hostName, j.tempVolume));
            const bool download = j.kind == TransferJob::Kind::Download;
            if (!download) // a download resumes; the worker checks what its part file holds
                j.confirmed = 0;
            j.state = TransferJob::State::Running;
            updateJob(j, true);
            auto run = std::make_unique<TransferRun>(
                m_fleet, download ? RunSpec::Mode::Download : RunSpec::Mode::Verify);
            run->spec().localPath = j.localPath;
            run->spec().total = vol->allocation;
            const auto img = image(j.imageName);
            if (j.kind == TransferJob::Kind::Verify && img)
                run->spec().expectedSha256 = img->sha256;
            const auto host = m_fleet->host(j.hostId);
            run->addPeer({j.id,
                          j.hostId,
                          j.hostName,
                          host ? host->config.uri : QString(),
                          download ? TransferPlan::sendCommand(vol->path, j.confirmed)
                                   : TransferPlan::hashCommand(vol->path),
                          {},
                          j.confirmed});
            startRun(std::move(run));
        });
        return;
    }
    }
}

// ---- progress and completion ----------------------------------------------------------------

void ImageLibrary::pollRuns()
{
    const bool persist = ++m_ticks % PersistEveryTicks == 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto &run : m_runs) {
        if (!run->isRunning())
            continue;
        for (qint64 id : run->jobIds()) {
            auto it = m_jobs.find(id);
            const ImageDetail::Peer *peer = run->peer(id);
            if (it == m_jobs.end() || !peer || it->second.isFinished())
                continue;
            TransferJob job = it->second;
            job.confirmed = peer->confirmed;
            const bool verifying = peer->verifying;
            job.sent = verifying && job.kind != TransferJob::Kind::Verify
                ? job.total
                : qMax<quint64>(peer->sent, job.confirmed);
            if (run->spec().total && job.total != run->spec().total)
                job.total = run->spec().total;
            job.state = verifying && job.kind != TransferJob::Kind::Verify
                    && job.kind != TransferJob::Kind::CreateEmpty
                ? TransferJob::State::Verifying
                : TransferJob::State::Running;
            Speed &speed = m_speeds[id];
            if (speed.atMs == 0) {
                speed = {job.sent, now, 0};
            } else if (now - speed.atMs >= 500) {
                const double rate = double(job.sent - qMin(job.sent, speed.bytes)) * 1000.0
                    / double(now - speed.atMs);
                speed.rate = speed.rate > 0 ? 0.6 * speed.rate + 0.4 * rate : rate;
                speed.bytes = job.sent;
                speed.atMs = now;
            }
            job.bytesPerSecond = speed.rate;
            job.etaSeconds = speed.rate > 1 && job.total > job.sent
                ? qint64(double(job.total - job.sent) / speed.rate)
                : -1;
            updateJob(job, persist);
        }
    }
}

void ImageLibrary::onRunFinished(TransferRun *run)
{
    pollRuns();
    for (qint64 id : run->jobIds()) {
        auto it = m_jobs.find(id);
        if (it != m_jobs.end())
            settleJob(it->second, *run);
    }
    auto pos = std::find_if(m_runs.begin(), m_runs.end(),
                            [run](const auto &r) { return r.get() == run; });
    if (pos != m_runs.end()) {
        std::unique_ptr<TransferRun> done = std::move(*pos);
        m_runs.erase(pos);
        done.release()->deleteLater();
    }
    if (m_runs.empty())
        m_progressTimer->stop();
}

void ImageLibrary::settleJob(TransferJob job, const TransferRun &run)
{
    const ImageDetail::Peer *peer = run.peer(job.id);
    if (!peer)
        return;
    m_speeds.erase(job.id);
    job.state = peer->state;
    job.error = peer->error;
    job.confirmed = peer->confirmed;
    job.bytesPerSecond = 0;
    job.etaSeconds = -1;
    const bool receiving
        = job.kind == TransferJob::Kind::Upload || job.kind == TransferJob::Kind::Copy;
    if (job.state
        == TransferJob::State::Running) { // should not happen: the worker decides every peer
        job.state = TransferJob::State::Interrupted;
        job.error = tr("The transfer stopped without a result: resume it.");
    }
    if (job.state == TransferJob::State::Done) {
        job.sha256 = run.spec().localSha256;
        job.confirmed = job.total;
        job.sent = job.total;
        updateJob(job, true);
        const QString fileSha = run.spec().fileSha256;
        return registerReplica(job, fileSha, [this, job, fileSha] {
            m_pending.erase(job.id);
            Q_EMIT jobStopped(m_jobs[job.id]);
            // A sparse upload was verified over its data; the whole file's SHA-256 (what the
            // catalog records) is computed on the host afterwards, once per image.
            if (fileSha.isEmpty() && m_verifyAfterSparseUpload
                && job.kind == TransferJob::Kind::Upload) {
                const auto img = image(job.imageName);
                const bool pending
                    = std::any_of(m_jobs.cbegin(), m_jobs.cend(), [&](const auto &e) {
                          return e.second.kind == TransferJob::Kind::Verify
                              && e.second.imageName == job.imageName && !e.second.isFinished();
                      });
                if (img && img->sha256.isEmpty() && !pending)
                    verify(job.imageName, job.hostId, this, [](Result<qint64>) {});
            }
        });
    }
    if ((job.state == TransferJob::State::Failed || job.state == TransferJob::State::Cancelled)
        && receiving && !job.tempVolume.isEmpty()) {
        removeRemoteFile(job.hostId, job.tempVolume);
    }
    if (job.state == TransferJob::State::Cancelled && job.kind == TransferJob::Kind::Download)
        removeLocalPart(job.localPath);
    if (job.kind == TransferJob::Kind::Verify && job.state == TransferJob::State::Failed
        && !peer->sha256.isEmpty()) {
        // A damaged replica: the catalog says so until it is copied again.
        if (const auto img = image(job.imageName)) {
            if (auto replica = replicaOn(*img, job.hostId)) {
                replica->state = ImageReplica::State::Failed;
                m_store->post([name = job.imageName, r = *replica](
                                  Database &db) { return ImageRepository(db).setReplica(name, r); },
                              this, [this](Result<void>) { reloadImages(); });
            }
        }
    }
    if (job.isFinished())
        m_pending.erase(job.id);
    updateJob(job, true);
    Q_EMIT jobStopped(job);
}

void ImageLibrary::registerReplica(const TransferJob &job, const QString &sha256,
                                   std::function<void()> done)
{
    if (job.kind == TransferJob::Kind::Download)
        return done();
    ImageRecord image;
    if (auto it = m_pending.find(job.id); it != m_pending.end())
        image = it->second->image;
    image.name = job.imageName;
    const qint64 hostId = job.hostId;
    const TransferJob::Kind kind = job.kind;
    // The pool is refreshed so libvirt sees the new volume; then the catalog records it.
    poolOf(hostId, [this, image, hostId, kind, sha256, done](Result<PoolState> pool) mutable {
        QString volume = image.name;
        if (kind == TransferJob::Kind::Copy || kind == TransferJob::Kind::Verify) {
            if (const auto known = this->image(image.name)) {
                if (const auto r = replicaOn(*known, hostId))
                    volume = r->volume;
                else if (!known->replicas.isEmpty())
                    volume = known->replicas.first().volume;
            }
        }
        if (pool) {
            if (const PoolVolume *v = findVolume(*pool, volume); v && image.actualSize == 0)
                image.actualSize = v->allocation;
        }
        m_store->post(
            [image, hostId, volume, sha256](Database &db) -> Result<void> {
                ImageRepository repo(db);
                auto existing = repo.byName(image.name);
                if (!existing) {
                    ImageRecord fresh = image;
                    fresh.sha256 = sha256;
                    if (auto added = repo.add(fresh); !added)
                        return std::unexpected(added.error());
                } else if (existing->sha256.isEmpty() && !sha256.isEmpty()) {
                    if (auto ok = repo.setSha256(image.name, sha256); !ok)
                        return ok;
                }
                ImageReplica replica;
                replica.hostId = hostId;
                replica.volume = volume;
                replica.state = ImageReplica::State::Present;
                return repo.setReplica(image.name, replica);
            },
            this,
            [this, done](Result<void> ok) {
                if (!ok)
                    qCWarning(lcStore).noquote()
                        << "cannot register an image replica:" << ok.error().fullText();
                reloadImages(done);
            });
    });
}

// ---- catalog edits ------------------------------------------------------------------------

void ImageLibrary::rename(const QString &name, const QString &newName, QObject *context,
                          std::function<void(Result<void>)> done)
{
    const auto answer = replyOn(context, std::move(done));
    m_store->post(
        [name, newName](Database &db) { return ImageRepository(db).rename(name, newName); }, this,
        [this, answer](Result<void> ok) { reloadImages([answer, ok] { answer(ok); }); });
}

void ImageLibrary::describe(const QString &name, const QString &description, QObject *context,
                            std::function<void(Result<void>)> done)
{
    const auto answer = replyOn(context, std::move(done));
    m_store->post([name, description](
                      Database &db) { return ImageRepository(db).describe(name, description); },
                  this,
                  [this, answer](Result<void> ok) { reloadImages([answer, ok] { answer(ok); }); });
}

void ImageLibrary::remove(const QString &name, QObject *context,
                          std::function<void(Result<void>)> done, qint64 onlyHostId)
{
    const auto answer = replyOn(context, std::move(done));
    const auto img = image(name);
    if (!img)
        return answer(fail(ErrorCode::NotFound, tr("There is no image named %1.").arg(name)));
    QList<ImageReplica> replicas;
    for (const ImageReplica &r : img->replicas) {
        if (onlyHostId && r.hostId != onlyHostId)
            continue;
        if (r.state == ImageReplica::State::Missing)
            continue; // nothing there to delete
        if (auto usable = checkHostUsable(r.hostId); !usable) {
            return answer(fail(ErrorCode::Offline,
                               tr("Cannot check whether VMs on %1 use %2: %3")
                                   .arg(hostName(r.hostId), name, usable.error().message)));
        }
        replicas.append(r);
    }
    // First every host says which VMs use its replica; nothing is deleted if any does.
    auto users = std::make_shared<QStringList>();
    auto errors = std::make_shared<QStringList>();
    auto deleteAll = [this, answer, replicas, name, onlyHostId, img] {
        auto failures = std::make_shared<QStringList>();
        auto finish
            = afterAll(int(replicas.size()) + 1, [this, answer, failures, name, onlyHostId, img] {
                  if (!failures->isEmpty())
                      return answer(fail(ErrorCode::Generic, failures->join(u' ')));
                  const bool whole = onlyHostId == 0 || img->replicas.size() <= 1;
                  m_store->post(
                      [name, whole, onlyHostId](Database &db) {
                          ImageRepository repo(db);
                          return whole ? repo.remove(name) : repo.removeReplica(name, onlyHostId);
                      },
                      this,
                      [this, answer](Result<void> ok) {
                          reloadImages([answer, ok] { answer(ok); });
                      });
              });
        for (const ImageReplica &r : replicas) {
            onHost(
                m_fleet, this, r.hostId,
                [label = hostName(r.hostId), volume = r.volume](virConnectPtr conn) {
                    return ImagePool::deleteVolume(conn, QString::fromLatin1(PoolName), volume,
                                                   label);
                },
                [failures, finish](Result<void> ok) {
                    if (!ok)
                        failures->append(ok.error().message);
                    finish();
                });
        }
        finish();
    };
    auto checked = afterAll(int(replicas.size()) + 1, [=, this] {
        if (!errors->isEmpty())
            return answer(fail(ErrorCode::Generic, errors->join(u' ')));
        if (!users->isEmpty()) {
            return answer(fail(ErrorCode::InvalidArgument,
                               tr("%1 is in use by %2: delete those VMs (or their disks) first.")
                                   .arg(name, users->join(u", "_s))));
        }
        deleteAll();
    });
    for (const ImageReplica &r : replicas) {
        const qint64 hostId = r.hostId;
        const QString label = hostName(hostId);
        poolOf(hostId, [=, this](Result<PoolState> pool) {
            if (!pool) {
                errors->append(pool.error().message);
                return checked();
            }
            const QString path = volumePath(*pool, r.volume);
            if (path.isEmpty())
                return checked();
            onHost(
                m_fleet, this, hostId,
                [path](virConnectPtr conn) { return ImagePool::vmsUsing(conn, path); },
                [label, users, errors, checked](Result<QStringList> using_) {
                    if (!using_)
                        errors->append(using_.error().message);
                    else
                        for (const QString &vm : *using_)
                            users->append(label + u'/' + vm);
                    checked();
                });
        });
    }
    checked();
}

} // namespace Corral
