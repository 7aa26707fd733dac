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
#include <QRegularExpression>
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

QString formatBytes(quint64 bytes)
{
    return QLocale::system().formattedDataSize(qint64(bytes), 1,
                                               QLocale::DataSizeTraditionalFormat);
}

template<typename T> void deliver(const std::function<void(Result<T>)> &done, Result<T> result)
{
    if (done)
        done(std::move(result));
}

} // namespace

ImageLibrary::ImageLibrary(Fleet *fleet, StoreService *store, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_store(store)
    , m_progressTimer(new QTimer(this))
{
    qRegisterMetaType<TransferJob>();
    m_progressTimer->setInterval(ProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &ImageLibrary::pollRuns);
    connect(m_fleet, &Fleet::hostChanged, this, &ImageLibrary::onHostChanged);
    connect(m_fleet, &Fleet::hostAdded, this, &ImageLibrary::onHostChanged);
    connect(m_fleet, &Fleet::hostRemoved, this,
            [this](qint64 hostId) { m_hostStates.remove(hostId); });
}

ImageLibrary::~ImageLibrary()
{
    // Running jobs stay resumable: the catalog says interrupted, with the last confirmed offset.
    for (auto &run : m_runs) {
        for (qint64 id : run->jobIds()) {
            auto it = m_jobs.find(id);
            if (it == m_jobs.end() || it->second.isFinished())
                continue;
            TransferJob job = it->second;
            if (const auto *peer = run->peer(id))
                job.confirmed = peer->confirmed;
            job.state = TransferJob::State::Interrupted;
            job.error = tr("Corral was closed during the transfer: resume it.");
            if (m_store)
                m_store->post(
                    [job](Database &db) { return TransferJobRepository(db).update(job); });
        }
    }
    m_runs.clear();
}

std::optional<ImageRecord> ImageLibrary::image(const QString &name) const
{
    for (const ImageRecord &image : m_images) {
        if (image.name.compare(name, Qt::CaseInsensitive) == 0)
            return image;
    }
    return std::nullopt;
}

QList<TransferJob> ImageLibrary::jobs() const
{
    QList<TransferJob> list;
    for (const auto &[id, job] : m_jobs)
        list.append(job);
    return list;
}

std::optional<TransferJob> ImageLibrary::job(qint64 id) const
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return std::nullopt;
    return it->second;
}

QString ImageLibrary::hostName(qint64 hostId) const
{
    const auto host = m_fleet->host(hostId);
    return host ? host->config.name : tr("host %1").arg(hostId);
}

QString ImageLibrary::suggestedName(const QString &path)
{
    QString name = QFileInfo(path).fileName();
    static const QRegularExpression bad(u"[^A-Za-z0-9._-]+"_s);
    name.replace(bad, u"_"_s);
    while (name.startsWith(u'.'))
        name.remove(0, 1);
    name = name.left(64);
    return name.isEmpty() ? u"image"_s : name;
}

// ---- loading and reconciling ---------------------------------------------------------------

void ImageLibrary::load(std::function<void(Result<void>)> done)
{
    if (!m_store)
        return deliver(done, Result<void>(fail(ErrorCode::Storage, tr("No catalog."))));
    struct Loaded
    {
        QList<ImageRecord> images;
        QList<TransferJob> jobs;
    };
    m_store->post(
        [](Database &db) -> Result<Loaded> {
            Loaded loaded;
            auto images = ImageRepository(db).list();
            if (!images)
                return std::unexpected(images.error());
            loaded.images = *images;
            TransferJobRepository jobs(db);
            auto all = jobs.list();
            if (!all)
                return std::unexpected(all.error());
            for (TransferJob job : std::as_const(*all)) {
                if (job.isActive()) { // the app ended while it ran
                    job.state = TransferJob::State::Interrupted;
                    job.error = Tr::tr("Corral was closed during the transfer: resume it.");
                    (void)jobs.update(job);
                }
                loaded.jobs.append(job);
            }
            return loaded;
        },
        this,
        [this, done](Result<Loaded> loaded) {
            if (!loaded) {
                qCWarning(lcStore).noquote()
                    << "cannot load the image library:" << loaded.error().fullText();
                return deliver(done, Result<void>(std::unexpected(loaded.error())));
            }
            m_images = loaded->images;
            for (TransferJob job : std::as_const(loaded->jobs)) {
                job.hostName = hostName(job.hostId);
                if (job.sourceHostId)
                    job.sourceHostName = hostName(job.sourceHostId);
                m_jobs[job.id] = job;
                Q_EMIT jobAdded(job);
            }
            m_loaded = true;
            Q_EMIT imagesChanged();
            m_hostStates.clear(); // hosts that connected while loading are reconciled now
            for (const HostInfo &host : m_fleet->hosts())
                onHostChanged(host);
            deliver(done, Result<void>());
            for (auto &then : std::exchange(m_whenLoaded, {}))
                then();
        });
}

void ImageLibrary::whenLoaded(std::function<void()> then)
{
    if (m_loaded)
        then();
    else
        m_whenLoaded.push_back(std::move(then));
}

void ImageLibrary::onHostChanged(const HostInfo &host)
{
    const HostState before = m_hostStates.value(host.config.id, HostState::Offline);
    m_hostStates.insert(host.config.id, host.state);
    if (m_loaded && host.state == HostState::Connected && before != HostState::Connected)
        reconcile(host.config.id);
}

void ImageLibrary::reconcileAll(std::function<void()> done)
{
    QList<qint64> connected;
    for (const HostInfo &host : m_fleet->hosts()) {
        if (host.state == HostState::Connected)
            connected.append(host.config.id);
    }
    auto finishOne = afterAll(int(connected.size()) + 1, [done] {
        if (done)
            done();
    });
    for (qint64 id : std::as_const(connected))
        reconcile(id, finishOne);
    finishOne();
}

void ImageLibrary::reconcile(qint64 hostId, std::function<void()> done)
{
    poolOf(hostId, [this, hostId, done](Result<PoolState> pool) {
        if (!pool) {
            qCWarning(lcFleet).noquote()
                << "image pool of" << hostName(hostId) << ":" << pool.error().fullText();
            if (done)
                done();
            return;
        }
        m_store->post(
            [hostId, volumes = pool->volumes](Database &db) {
                return ImageRepository(db).reconcileHost(hostId, volumes);
            },
            this,
            [this, done](Result<bool> changed) {
                if (changed && *changed)
                    return reloadImages(done);
                if (done)
                    done();
            });
    });
}

void ImageLibrary::reloadImages(std::function<void()> done)
{
    m_store->post([](Database &db) { return ImageRepository(db).list(); }, this,
                  [this, done](Result<QList<ImageRecord>> images) {
                      if (images) {
                          m_images = *images;
                          Q_EMIT imagesChanged();
                      }
                      if (done)
                          done();
                  });
}

void ImageLibrary::poolOf(qint64 hostId, PoolDone done)
{
    onHost(
        m_fleet, this, hostId,
        [label = hostName(hostId)](virConnectPtr conn) {
            return ImagePool::read(conn, QString::fromLatin1(PoolName), label);
        },
        std::move(done));
}

Result<void> ImageLibrary::checkHostUsable(qint64 hostId) const
{
    const auto host = m_fleet->host(hostId);
    if (!host)
        return fail(ErrorCode::NotFound, tr("There is no host with id %1.").arg(hostId));
    if (host->state != HostState::Connected) {
        return fail(ErrorCode::Offline,
                    tr("Host %1 is not connected%2: connect it first.")
                        .arg(host->config.name,
                             host->error.isEmpty() ? QString() : u" ("_s + host->error + u')'));
    }
    return {};
}

QString ImageLibrary::tempPath(const PoolState &pool, const TransferJob &job) const
{
    return pool.path + u'/' + QLatin1StringView(ImagePool::TempPrefix)
        + TransferJob::kindName(job.kind) + u'-' + QString::number(job.id) + u'-' + job.imageName
        + u".part"_s;
}

void ImageLibrary::checkTargets(const QList<qint64> &hostIds, const QString &volume,
                                quint64 needBytes,
                                std::function<void(Result<QHash<qint64, PoolState>>)> done)
{
    for (qint64 id : hostIds) {
        if (auto usable = checkHostUsable(id); !usable)
            return done(std::unexpected(usable.error()));
    }
    auto pools = std::make_shared<QHash<qint64, PoolState>>();
    auto errors = std::make_shared<QStringList>();
    auto checked = afterAll(int(hostIds.size()), [pools, errors, done] {
        if (!errors->isEmpty())
            done(fail(ErrorCode::InvalidArgument, errors->join(u' ')));
        else
            done(*pools);
    });
    for (qint64 id : hostIds) {
        poolOf(id, [=, this](Result<PoolState> pool) {
            const QString label = hostName(id);
            if (!pool) {
                errors->append(pool.error().message);
            } else if (std::any_of(pool->volumes.cbegin(), pool->volumes.cend(),
                                   [&](const PoolVolume &v) { return v.name == volume; })) {
                errors->append(
                    tr("%1 already has a volume named %2 in %3: choose another name, or delete "
                       "that volume.")
                        .arg(label, volume, QString::fromLatin1(PoolName)));
            } else if (pool->available < needBytes + SpaceReserve) {
                errors->append(
                    tr("Not enough space on %1: the image needs %2 but the pool %3 has %4 free. "
                       "Free space there or choose another host.")
                        .arg(label, formatBytes(needBytes), QString::fromLatin1(PoolName),
                             formatBytes(pool->available)));
            } else if (pool->path.isEmpty()) {
                errors->append(
                    tr("The pool %1 on %2 is not a directory pool: Corral stores images as files.")
                        .arg(QString::fromLatin1(PoolName), label));
            } else {
                pools->insert(id, *pool);
            }
            checked();
        });
    }
}

void ImageLibrary::addJobs(QList<TransferJob> jobs,
                           std::function<void(Result<QList<TransferJob>>)> done)
{
    m_store->post(
        [jobs](Database &db) -> Result<QList<TransferJob>> {
            QList<TransferJob> added;
            TransferJobRepository repo(db);
            for (const TransferJob &job : jobs) {
                auto a = repo.add(job);
                if (!a)
                    return std::unexpected(a.error());
                added.append(*a);
            }
            return added;
        },
        this,
        [this, done](Result<QList<TransferJob>> added) {
            if (added) {
                for (TransferJob &job : *added) {
                    job.hostName = hostName(job.hostId);
                    if (job.sourceHostId)
                        job.sourceHostName = hostName(job.sourceHostId);
                    m_jobs[job.id] = job;
                    Q_EMIT jobAdded(job);
                }
            }
            done(std::move(added));
        });
}

void ImageLibrary::updateJob(const TransferJob &job, bool persist)
{
    m_jobs[job.id] = job;
    Q_EMIT jobChanged(job);
    if (persist && m_store)
        m_store->post([job](Database &db) { return TransferJobRepository(db).update(job); });
}

void ImageLibrary::probe(const QString &path, QObject *context,
                         std::function<void(Result<ImageProbe>)> done)
{
    auto reply = Mailbox::replyTo(context);
    QThreadPool::globalInstance()->start([reply, path, done] {
        auto probed = ImageProbes::probeFile(path);
        reply->post([done, probed] { done(probed); });
    });
}

} // namespace Corral
