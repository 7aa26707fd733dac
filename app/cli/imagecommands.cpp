// corralctl image ...: the image library, driven the way the GUI drives it.
#include "clirunner.h"

#include "images/imagelibrary.h"
#include "store/database.h"
#include "store/storeservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimer>

#include <csignal>
#include <unistd.h>

namespace Corral {

namespace {

QString bytesText(quint64 bytes)
{
    return QLocale::system().formattedDataSize(qint64(bytes), 1,
                                               QLocale::DataSizeTraditionalFormat);
}

QString replicaText(const ImageRecord &image, Fleet *fleet)
{
    QStringList parts;
    for (const ImageReplica &r : image.replicas) {
        const auto host = fleet->host(r.hostId);
        parts.append((host ? host->config.name : QString::number(r.hostId)) + u':'
                     + ImageReplica::stateName(r.state));
    }
    return parts.join(u' ');
}

QJsonObject jobJson(const TransferJob &job)
{
    QJsonObject o{{QStringLiteral("id"), job.id},
                  {QStringLiteral("kind"), TransferJob::kindName(job.kind)},
                  {QStringLiteral("state"), TransferJob::stateName(job.state)},
                  {QStringLiteral("image"), job.imageName},
                  {QStringLiteral("host"), job.hostName},
                  {QStringLiteral("total"), qint64(job.total)},
                  {QStringLiteral("confirmed"), qint64(job.confirmed)},
                  {QStringLiteral("sha256"), job.sha256},
                  {QStringLiteral("error"), job.error}};
    if (job.sourceHostId)
        o.insert(QStringLiteral("from"), job.sourceHostName);
    if (!job.localPath.isEmpty())
        o.insert(QStringLiteral("file"), job.localPath);
    return o;
}

} // namespace

// "64G", "512M", "1.5T", "1048576" -> bytes (binary units).
std::optional<quint64> CliRunner::parseSize(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGTkmgt]?)(?:i?[Bb])?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    const int shift = unit == u"K" ? 10
        : unit == u"M"             ? 20
        : unit == u"G"             ? 30
        : unit == u"T"             ? 40
                                   : 0;
    const double bytes = value * double(1ULL << shift);
    if (bytes < 1 || bytes > 1e17)
        return std::nullopt;
    return (quint64(bytes) + 511) / 512 * 512;
}

std::optional<qint64> CliRunner::hostIdByName(const QString &name)
{
    const auto host = m_fleet->hostByName(name);
    if (!host) {
        error(tr("there is no host named %1; `corralctl host list` shows them").arg(name));
        return std::nullopt;
    }
    return host->config.id;
}

void CliRunner::withImages(const QStringList &hosts, std::function<void()> then)
{
    openFleet();
    m_fleet->load(false);
    connect(
        m_fleet.get(), &Fleet::loaded, this,
        [this, hosts, then] {
            QList<qint64> ids;
            for (const QString &name : hosts) {
                const auto id = hostIdByName(name);
                if (!id)
                    return finish(Exit::Failure);
                ids.append(*id);
            }
            connectAndWait(ids, [this, then] {
                m_fleet->images()->whenLoaded(
                    [this, then] { m_fleet->images()->reconcileAll(then); });
            });
        },
        Qt::SingleShotConnection);
}

void CliRunner::imageCommand(QStringList args)
{
    if (args.isEmpty()) {
        error(tr(
            "image takes a sub-command: list, jobs, upload, download, copy, create-empty, verify, "
            "rename, describe, delete, resume, cancel"));
        return finish(Exit::Usage);
    }
    const QString verb = args.takeFirst();
    if (verb == u"list") {
        if (!args.isEmpty()) {
            error(tr("image list takes no arguments"));
            return finish(Exit::Usage);
        }
        return withImages({}, [this] { imageList(); });
    }
    if (verb == u"upload")
        return imageUpload(args);
    if (verb == u"download" || verb == u"copy" || verb == u"verify" || verb == u"create-empty")
        return imageTransfer(verb, args);
    if (verb == u"rename" || verb == u"describe" || verb == u"delete")
        return imageEdit(verb, args);
    if (verb == u"jobs" || verb == u"resume" || verb == u"cancel")
        return imageJobs(verb, args);
    error(tr("unknown image command \"%1\"; see corralctl --help").arg(verb));
    finish(Exit::Usage);
}

void CliRunner::imageList()
{
    const QList<ImageRecord> images = m_fleet->images()->images();
    if (m_json) {
        QJsonArray list;
        for (const ImageRecord &image : images) {
            QJsonArray replicas;
            for (const ImageReplica &r : image.replicas) {
                const auto host = m_fleet->host(r.hostId);
                replicas.append(
                    QJsonObject{{QStringLiteral("host"), host ? host->config.name : QString()},
                                {QStringLiteral("state"), ImageReplica::stateName(r.state)}});
            }
            list.append(QJsonObject{{QStringLiteral("name"), image.name},
                                    {QStringLiteral("kind"), image.kind},
                                    {QStringLiteral("format"), image.format},
                                    {QStringLiteral("virtualSize"), qint64(image.virtualSize)},
                                    {QStringLiteral("actualSize"), qint64(image.actualSize)},
                                    {QStringLiteral("sha256"), image.sha256},
                                    {QStringLiteral("description"), image.description},
                                    {QStringLiteral("replicas"), replicas}});
        }
        printJson(list);
    } else {
        QList<QStringList> rows;
        for (const ImageRecord &image : images) {
            rows.append({image.name, image.kind, image.format, bytesText(image.virtualSize),
                         bytesText(image.actualSize),
                         image.sha256.isEmpty() ? tr("-") : image.sha256.left(12),
                         replicaText(image, m_fleet.get())});
        }
        printTable({tr("NAME"), tr("KIND"), tr("FORMAT"), tr("VIRTUAL"), tr("ACTUAL"), tr("SHA256"),
                    tr("REPLICAS")},
                   rows);
    }
    finish(Exit::Ok);
}

void CliRunner::imageUpload(QStringList args)
{
    ImageLibrary::UploadRequest request;
    QString value;
    if (takeOption(args, QStringLiteral("--name"), &value))
        request.name = value;
    if (takeOption(args, QStringLiteral("--description"), &value))
        request.description = value;
    const QStringList hosts = takeRepeated(args, QStringLiteral("--host"));
    if (args.size() != 1 || hosts.isEmpty()) {
        error(tr("image upload takes FILE and at least one --host, e.g. corralctl image upload "
                 "sonoma.qcow2 --host mac1 --host mac2"));
        return finish(Exit::Usage);
    }
    request.path = args.first();
    withImages(hosts, [this, request, hosts]() mutable {
        for (const QString &name : hosts)
            request.hostIds.append(m_fleet->hostByName(name)->config.id);
        m_fleet->images()->upload(request, this, [this](Result<QList<qint64>> ids) {
            if (!ids) {
                error(ids.error().message);
                return finish(Exit::Failure);
            }
            followJobs(*ids);
        });
    });
}

void CliRunner::imageTransfer(const QString &verb, QStringList args)
{
    QString host;
    QString from;
    QString to;
    QString description;
    takeOption(args, QStringLiteral("--host"), &host);
    takeOption(args, QStringLiteral("--from"), &from);
    takeOption(args, QStringLiteral("--to"), &to);
    takeOption(args, QStringLiteral("--description"), &description);
    const bool copy = verb == u"copy";
    const int positional = verb == u"download" || verb == u"create-empty" ? 2 : 1;
    if (args.size() != positional || (copy ? (from.isEmpty() || to.isEmpty()) : host.isEmpty())) {
        error(verb == u"download" ? tr("image download takes NAME --host H OUT")
                  : copy          ? tr("image copy takes NAME --from H1 --to H2")
                  : verb == u"create-empty"
                  ? tr("image create-empty takes NAME SIZE --host H, e.g. 64G")
                  : tr("image verify takes NAME --host H"));
        return finish(Exit::Usage);
    }
    std::optional<quint64> size;
    if (verb == u"create-empty") {
        size = parseSize(args.at(1));
        if (!size) {
            error(tr("\"%1\" is not a size; write e.g. 64G, 512M or a number of bytes")
                      .arg(args.at(1)));
            return finish(Exit::Usage);
        }
    }
    const QStringList hosts = copy ? QStringList{from, to} : QStringList{host};
    withImages(hosts, [=, this] {
        ImageLibrary *lib = m_fleet->images();
        auto started = [this](Result<qint64> id) {
            if (!id) {
                error(id.error().message);
                return finish(Exit::Failure);
            }
            followJobs({*id});
        };
        const QString name = args.first();
        if (copy)
            return lib->copy(name, *hostIdByName(from), *hostIdByName(to), this, started);
        const qint64 hostId = *hostIdByName(host);
        if (verb == u"download")
            return lib->download(name, hostId, args.at(1), this, started);
        if (verb == u"verify")
            return lib->verify(name, hostId, this, started);
        lib->createEmpty(name, *size, hostId, description, this, started);
    });
}

void CliRunner::imageEdit(const QString &verb, QStringList args)
{
    QString host;
    takeOption(args, QStringLiteral("--host"), &host);
    const int expected = verb == u"delete" ? 1 : 2;
    if (args.size() != expected) {
        error(verb == u"rename"         ? tr("image rename takes NAME NEWNAME")
                  : verb == u"describe" ? tr("image describe takes NAME TEXT")
                                        : tr("image delete takes NAME [--host H]"));
        return finish(Exit::Usage);
    }
    // Deleting asks the hosts which VMs use the image: connect them all.
    withImages({}, [=, this] {
        auto done = [this, verb, args](Result<void> ok) {
            if (!ok) {
                error(ok.error().message);
                return finish(Exit::Failure);
            }
            if (!m_json)
                m_out << (verb == u"delete" ? tr("Deleted %1").arg(args.first())
                              : verb == u"rename"
                              ? tr("Renamed %1 to %2").arg(args.first(), args.at(1))
                              : tr("Updated the description of %1").arg(args.first()))
                      << '\n';
            finish(Exit::Ok);
        };
        ImageLibrary *lib = m_fleet->images();
        if (verb == u"rename")
            return lib->rename(args.first(), args.at(1), this, done);
        if (verb == u"describe")
            return lib->describe(args.first(), args.at(1), this, done);
        qint64 hostId = 0;
        if (!host.isEmpty()) {
            const auto id = hostIdByName(host);
            if (!id)
                return finish(Exit::Failure);
            hostId = *id;
        }
        lib->remove(args.first(), this, done, hostId);
    });
}

void CliRunner::imageJobs(const QString &verb, QStringList args)
{
    if (verb == u"jobs" ? !args.isEmpty() : args.size() != 1) {
        error(verb == u"jobs" ? tr("image jobs takes no arguments")
                              : tr("image %1 takes a JOB number").arg(verb));
        return finish(Exit::Usage);
    }
    bool ok = true;
    const qint64 id = verb == u"jobs" ? 0 : args.first().toLongLong(&ok);
    if (!ok) {
        error(
            tr("\"%1\" is not a job number; `corralctl image jobs` lists them").arg(args.first()));
        return finish(Exit::Usage);
    }
    withImages({}, [this, verb, id] {
        ImageLibrary *lib = m_fleet->images();
        if (verb == u"jobs") {
            const QList<TransferJob> jobs = lib->jobs();
            if (m_json) {
                QJsonArray list;
                for (const TransferJob &job : jobs)
                    list.append(jobJson(job));
                printJson(list);
            } else {
                QList<QStringList> rows;
                for (const TransferJob &job : jobs) {
                    rows.append(
                        {QString::number(job.id), TransferJob::kindName(job.kind), job.imageName,
                         job.sourceHostId ? job.sourceHostName + u" → " + job.hostName
                                          : job.hostName,
                         TransferJob::stateName(job.state),
                         QString::number(job.total ? job.confirmed * 100 / job.total : 0) + u'%',
                         job.error});
                }
                printTable({tr("JOB"), tr("KIND"), tr("IMAGE"), tr("HOST"), tr("STATE"), tr("DONE"),
                            tr("MESSAGE")},
                           rows);
            }
            return finish(Exit::Ok);
        }
        const auto job = lib->job(id);
        if (!job) {
            error(tr("there is no transfer %1; `corralctl image jobs` lists them").arg(id));
            return finish(Exit::Failure);
        }
        if (verb == u"cancel") {
            if (job->isFinished()) {
                error(tr("transfer %1 is already %2")
                          .arg(id)
                          .arg(TransferJob::stateName(job->state)));
                return finish(Exit::Failure);
            }
            connect(lib, &ImageLibrary::jobStopped, this, [this, id](const TransferJob &stopped) {
                if (stopped.id != id)
                    return;
                if (!m_json)
                    m_out << tr("Cancelled transfer %1 (%2 on %3); its partial data was removed.")
                                 .arg(id)
                                 .arg(stopped.imageName, stopped.hostName)
                          << '\n';
                finish(stopped.state == TransferJob::State::Cancelled ? Exit::Ok : Exit::Failure);
            });
            return lib->cancel(id);
        }
        if (!job->isResumable()) {
            error(tr("transfer %1 is %2, not paused or interrupted")
                      .arg(id)
                      .arg(TransferJob::stateName(job->state)));
            return finish(Exit::Failure);
        }
        lib->resume(id);
        followJobs({id});
    });
}

void CliRunner::followJobs(const QList<qint64> &jobIds)
{
    ImageLibrary *lib = m_fleet->images();
    const bool tty = ::isatty(STDERR_FILENO);
    auto lastPercent = std::make_shared<QHash<qint64, int>>();
    auto report = [this, lib, jobIds] {
        for (qint64 id : jobIds) {
            if (const auto job = lib->job(id); job && !job->isFinished() && !job->isResumable())
                return; // still going
        }
        bool allDone = true;
        QJsonArray list;
        for (qint64 id : jobIds) {
            const auto job = lib->job(id);
            if (!job)
                continue;
            list.append(jobJson(*job));
            if (job->state != TransferJob::State::Done) {
                allDone = false;
                error(job->error.isEmpty() ? tr("%1 on %2: %3")
                                                 .arg(job->imageName, job->hostName,
                                                      TransferJob::stateName(job->state))
                                           : job->error);
                if (job->isResumable())
                    error(tr("resume with: corralctl image resume %1").arg(id));
            } else if (!m_json) {
                const auto image = lib->image(job->imageName);
                if (job->kind == TransferJob::Kind::Upload && image && image->sha256.isEmpty()) {
                    m_out << tr("%1 %2 on %3: verified (SHA-256 of its data extents %4); record "
                                "the whole "
                                "file's SHA-256 with: corralctl image verify %2 --host %3")
                                 .arg(TransferJob::kindName(job->kind), job->imageName,
                                      job->hostName, job->sha256)
                          << '\n';
                } else {
                    m_out << tr("%1 %2 on %3: verified, sha256 %4")
                                 .arg(TransferJob::kindName(job->kind), job->imageName,
                                      job->hostName, job->sha256)
                          << '\n';
                }
            }
        }
        if (m_json)
            printJson(list);
        finish(allDone ? Exit::Ok : Exit::Failure);
    };
    connect(lib, &ImageLibrary::jobChanged, this,
            [this, jobIds, tty, lastPercent](const TransferJob &job) {
                if (!jobIds.contains(job.id) || job.total == 0)
                    return;
                const int percent = int(qMin<quint64>(job.sent, job.total) * 100 / job.total);
                const int step = tty ? 1 : 10;
                if (lastPercent->value(job.id, -1) / step == percent / step
                    && job.state != TransferJob::State::Verifying)
                    return;
                lastPercent->insert(job.id, percent);
                const QString line
                    = tr("%1 %2 → %3: %4% %5/s %6")
                          .arg(TransferJob::kindName(job.kind), job.imageName, job.hostName)
                          .arg(percent)
                          .arg(bytesText(quint64(job.bytesPerSecond)))
                          .arg(job.state == TransferJob::State::Verifying ? tr("verifying")
                                                                          : QString());
                m_err << line << (tty ? "\r" : "\n");
                m_err.flush();
            });
    connect(lib, &ImageLibrary::jobStopped, this, [jobIds, report](const TransferJob &job) {
        if (jobIds.contains(job.id))
            report();
    });
    // Ctrl+C leaves the transfers resumable (the library records them as interrupted).
    watchSignals([this, lib, jobIds](int sig) {
        if (sig != SIGINT && sig != SIGTERM)
            return;
        for (qint64 id : jobIds)
            lib->pause(id);
        error(tr(
            "stopped; resume with corralctl image resume JOB (corralctl image jobs lists them)"));
        QTimer::singleShot(2000, this, [this] { finish(Exit::Failure); });
    });
    report();
}

} // namespace Corral
