#pragma once

#include "imageprobe.h"
#include "transferjob.h"

#include "fleet/hostinfo.h"
#include "store/imagerepository.h"
#include "util/result.h"
#include "virt/imagepool.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QTimer;

namespace Corral {

class Fleet;
class StoreService;

namespace ImageDetail {
class TransferRun;
struct FileFacts;
} // namespace ImageDetail

// The image library: the catalog of base images and ISOs (SQLite), their replicas in each
// host's corral-images pool, and the transfers that fill them. Lives on the Fleet's thread and
// never blocks it: catalog work runs on the StoreService thread, libvirt work on the host
// sessions, file reading, hashing and streaming on one thread per transfer run, over an SSH
// connection of its own per host (AES-GCM, so the host's console session stays responsive).
//
// Uploads stream the file's data extents (holes are not sent) into a hidden temporary file in
// the pool, acknowledged frame by frame; the job remembers the last acknowledged offset, so a
// dropped connection or a restart of the app resumes there. The volume is registered only after
// the SHA-256 computed while reading matches the one the host computes over what it wrote.
// Several hosts in one upload read the file once.
//
// The catalog is reconciled with every host's pool when the host connects: volumes found there
// appear as images (checksum unknown until verified), replicas gone from a host are marked
// missing.
class ImageLibrary final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageLibrary)

public:
    static constexpr char PoolName[] = "corral-images";
    struct Pending; // what a job registers once it is done (imagelibrary_p.h)

    ImageLibrary(Fleet *fleet, StoreService *store, QObject *parent = nullptr);
    ~ImageLibrary() override; // stops running transfers; they stay resumable

    // Reads the catalog and the unfinished jobs (a job that was running when the app ended is
    // interrupted now) and reconciles hosts as they connect. `done` runs once loaded.
    void load(std::function<void(Result<void>)> done = {});
    bool isLoaded() const { return m_loaded; }
    // Reconciles every connected host with its pool now; `done` runs when all have answered.
    void reconcileAll(std::function<void()> done);
    // Runs `then` once the catalog is loaded (now, if it is).
    void whenLoaded(std::function<void()> then);

    QList<ImageRecord> images() const { return m_images; }
    std::optional<ImageRecord> image(const QString &name) const;
    QList<TransferJob> jobs() const;
    std::optional<TransferJob> job(qint64 id) const;

    // Reads the file's header off this thread: what Corral would upload it as.
    void probe(const QString &path, QObject *context, std::function<void(Result<ImageProbe>)> done);
    // A valid image name made from a file name ("macOS 14.iso" -> "macOS_14.iso").
    static QString suggestedName(const QString &path);

    struct UploadRequest
    {
        QString path;
        QString name; // empty: suggestedName(path)
        QString description;
        QList<qint64> hostIds;
    };
    // Checks the file, the name and every host (pool present, name free there, enough free
    // space) before anything is sent, then starts one job per host; `done` gets their ids.
    // An unfinished job for the same file, image and host is resumed instead of started anew.
    void upload(const UploadRequest &request, QObject *context,
                std::function<void(Result<QList<qint64>>)> done);
    // Host -> local file (resumable; written sparse; verified against the host's SHA-256).
    void download(const QString &name, qint64 hostId, const QString &outPath, QObject *context,
                  std::function<void(Result<qint64>)> done);
    // Host -> host, streamed through this app's memory (nothing touches the local disk).
    void copy(const QString &name, qint64 fromHostId, qint64 toHostId, QObject *context,
              std::function<void(Result<qint64>)> done);
    // An empty qcow2 disk of `size` bytes in the host's pool, registered in the catalog.
    void createEmpty(const QString &name, quint64 size, qint64 hostId, const QString &description,
                     QObject *context, std::function<void(Result<qint64>)> done);
    // Computes the replica's SHA-256 on the host and compares it with the catalog's (or
    // records it when the catalog has none yet). Failed on a mismatch.
    void verify(const QString &name, qint64 hostId, QObject *context,
                std::function<void(Result<qint64>)> done);

    void rename(const QString &name, const QString &newName, QObject *context,
                std::function<void(Result<void>)> done);
    void describe(const QString &name, const QString &description, QObject *context,
                  std::function<void(Result<void>)> done);
    // Deletes every replica and the catalog entry; refused while a VM on any connected host
    // uses a replica (as its disk or as the backing file of its disk), naming those VMs.
    // With hostId > 0, deletes only that host's replica.
    void remove(const QString &name, QObject *context, std::function<void(Result<void>)> done,
                qint64 hostId = 0);

    // A sparse upload is verified over its data extents (holes are not hashed); with this on,
    // a verify job then records the whole file's SHA-256 in the catalog. The GUI turns it on;
    // corralctl leaves it to `image verify`.
    void setVerifyAfterSparseUpload(bool on) { m_verifyAfterSparseUpload = on; }

    // Transfer control. pause() keeps the temporary volume for resume(); cancel() removes it.
    void pause(qint64 jobId);
    void resume(qint64 jobId);
    void cancel(qint64 jobId);
    void clearFinished(); // forgets Done, Failed and Cancelled jobs

Q_SIGNALS:
    void imagesChanged();
    void jobAdded(const Corral::TransferJob &job);
    void jobChanged(const Corral::TransferJob &job); // progress at most 4 times a second
    void jobRemoved(qint64 jobId);
    // A job reached Done, Failed, Cancelled, Paused or Interrupted.
    void jobStopped(const Corral::TransferJob &job);

private:
    struct Speed
    {
        quint64 bytes = 0;
        qint64 atMs = 0;
        double rate = 0;
    };

    void onHostChanged(const HostInfo &host);
    void reconcile(qint64 hostId, std::function<void()> done = {});
    void reloadImages(std::function<void()> done = {});
    using PoolDone = std::function<void(Result<PoolState>)>;
    void poolOf(qint64 hostId, PoolDone done);
    void checkTargets(const QList<qint64> &hostIds, const QString &volume, quint64 needBytes,
                      std::function<void(Result<QHash<qint64, PoolState>>)> done);
    Result<void> checkHostUsable(qint64 hostId) const;
    void addJobs(QList<TransferJob> jobs, std::function<void(Result<QList<TransferJob>>)> done);
    // Records one job, then starts it; `answer` gets its id.
    void addAndStart(const TransferJob &job, std::shared_ptr<Pending> pending,
                     std::function<void(Result<qint64>)> answer);
    void startUpload(const QString &description, const QString &path, const QString &name,
                     const ImageDetail::FileFacts &facts, const QHash<qint64, PoolState> &pools,
                     const QList<qint64> &resumed,
                     std::function<void(Result<QList<qint64>>)> answer);
    void startUploadRun(const QString &path, quint64 total, qint64 mtime,
                        const QList<TransferJob> &jobs, const QHash<qint64, PoolState> &pools);
    void startRun(std::unique_ptr<ImageDetail::TransferRun> run);
    void pollRuns();
    void onRunFinished(ImageDetail::TransferRun *run);
    void settleJob(TransferJob job, const ImageDetail::TransferRun &run);
    void registerReplica(const TransferJob &job, const QString &sha256, std::function<void()> done);
    void removeRemoteFile(qint64 hostId, const QString &path);
    void removeLocalPart(const QString &target); // a download's <target>.corral-part
    void updateJob(const TransferJob &job, bool persist);
    QString hostName(qint64 hostId) const;
    QString tempPath(const PoolState &pool, const TransferJob &job) const;

    Fleet *m_fleet;
    StoreService *m_store;
    bool m_loaded = false;
    QList<ImageRecord> m_images;
    std::map<qint64, TransferJob> m_jobs;
    std::map<qint64, std::shared_ptr<Pending>> m_pending;
    std::map<qint64, Speed> m_speeds;
    std::vector<std::unique_ptr<ImageDetail::TransferRun>> m_runs;
    QHash<qint64, HostState> m_hostStates;
    QTimer *m_progressTimer = nullptr;
    std::vector<std::function<void()>> m_whenLoaded;
    int m_ticks = 0;
    bool m_verifyAfterSparseUpload = false;
};

} // namespace Corral
