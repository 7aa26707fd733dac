#pragma once

// Shared by imagelibrary.cpp and imagelibrary_jobs.cpp only.

#include "imagelibrary.h"
#include "transferplan.h"

#include "fleet/fleet.h"
#include "fleet/hostcall.h"
#include "util/mailbox.h"

#include <QFile>
#include <QThreadPool>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Corral {

// What a finished upload, copy or create registers in the catalog.
struct ImageLibrary::Pending
{
    ImageRecord image;
};

namespace ImageDetail {

// Runs `work` on the global thread pool (file system access stays off the library's thread),
// then `then(result)` on `context`'s thread unless it is gone by then.
template<typename Work, typename Then> void offThread(QObject *context, Work work, Then then)
{
    auto reply = Mailbox::replyTo(context);
    QThreadPool::globalInstance()->start(
        [reply, work = std::move(work), then = std::move(then)]() mutable {
            auto result = work();
            reply->post([then = std::move(then), result = std::move(result)]() mutable {
                then(std::move(result));
            });
        });
}

// `done` wrapped to run on `context`'s thread (queued), and not at all once it is gone.
template<typename T>
std::function<void(Result<T>)> replyOn(QObject *context, std::function<void(Result<T>)> done)
{
    auto reply = Mailbox::replyTo(context);
    return [reply, done = std::move(done)](Result<T> r) {
        reply->post([done, r] { done(r); });
    };
}

constexpr int ProgressIntervalMs = 250;
constexpr int PersistEveryTicks = 8; // confirmed offsets reach the catalog every 2 s
constexpr quint64 SpaceReserve = 64ULL * 1024 * 1024;

struct FileFacts
{
    ImageProbe probe;
    quint64 dataBytes = 0;
    qint64 mtime = 0;
};

inline Result<FileFacts> fileFacts(const QString &path)
{
    auto probe = ImageProbes::probeFile(path);
    if (!probe)
        return std::unexpected(probe.error());
    FileFacts facts;
    facts.probe = *probe;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    struct stat st
    {
    };
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        if (fd >= 0)
            ::close(fd);
        return fail(ErrorCode::Storage,
                    Tr::tr("Cannot read %1: %2").arg(path, qt_error_string(errno)));
    }
    facts.mtime = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    auto extents = TransferPlan::dataExtents(fd, quint64(st.st_size));
    ::close(fd);
    if (!extents)
        return std::unexpected(extents.error());
    facts.dataBytes = TransferPlan::dataBytes(TransferPlan::frames(*extents));
    return facts;
}

// What an upload job registers once done: the job's name and description, the file's facts.
inline std::shared_ptr<ImageLibrary::Pending> pendingImage(const TransferJob &job,
                                                           const ImageProbe &probe)
{
    auto pending = std::make_shared<ImageLibrary::Pending>();
    pending->image.name = job.imageName;
    pending->image.description = job.description;
    pending->image.kind
        = probe.kind == ImageProbe::Kind::Iso ? QStringLiteral("iso") : QStringLiteral("disk");
    pending->image.format = ImageProbe::formatName(probe.format);
    pending->image.virtualSize = probe.virtualSize;
    pending->image.actualSize = probe.fileSize;
    return pending;
}

} // namespace ImageDetail

} // namespace Corral
