#include "transferworker.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <openssl/evp.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;
using Corral::TransferPlan::Reply;

namespace Corral::ImageDetail {

namespace {

constexpr qsizetype Chunk = 1024 * 1024;
constexpr int ReadyTimeoutMs = 30000;
constexpr int CommitTimeoutMs = 60000;

// A host hashes at several hundred MB/s; allow for slow disks on top.
int hashTimeoutMs(quint64 bytes)
{
    return int(qMin<quint64>(120000 + bytes / (20 * 1024 * 1024) * 1000, 24ULL * 3600 * 1000));
}

class Sha256
{
public:
    Sha256() { EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr); }
    ~Sha256() { EVP_MD_CTX_free(m_ctx); }
    Q_DISABLE_COPY_MOVE(Sha256)
    void add(const char *data, size_t len) { EVP_DigestUpdate(m_ctx, data, len); }
    QString hex()
    {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        EVP_DigestFinal_ex(m_ctx, md, &len);
        return QString::fromLatin1(QByteArray(reinterpret_cast<char *>(md), int(len)).toHex());
    }

private:
    EVP_MD_CTX *m_ctx = EVP_MD_CTX_new();
};

QString percentOf(quint64 done, quint64 total)
{
    return QString::number(total ? done * 100 / total : 0) + u'%';
}

void onReply(Peer &p, const Reply &r)
{
    switch (r.kind) {
    case Reply::Kind::Ready:
        p.ready = true;
        p.startAt = qMin<quint64>(p.startAt, r.a); // frames are written in order
        p.confirmed = p.startAt;
        break;
    case Reply::Kind::Ok:
        p.confirmed = r.a + r.b;
        break;
    case Reply::Kind::Progress:
        p.confirmed = r.a;
        break;
    case Reply::Kind::Sha256:
        p.sha256 = r.text;
        break;
    case Reply::Kind::Moved:
        p.moved = true;
        break;
    case Reply::Kind::Removed:
        break;
    case Reply::Kind::Size:
        p.sized = true;
        p.size = r.a;
        break;
    case Reply::Kind::Error:
        if (p.error.isEmpty())
            p.error = r.text;
        break;
    case Reply::Kind::Other:
        if (!r.text.isEmpty())
            p.diagnostics = r.text;
        break;
    }
}

// Acts on the complete lines in the buffer; a sender's raw data stays there once its "size"
// line is seen.
void parseLines(Peer &p)
{
    while (!p.sized) {
        const auto line = TransferPlan::takeLine(p.buffer);
        if (!line)
            break;
        onReply(p, TransferPlan::parseReply(*line));
    }
}

// Reads what the peer has sent (waiting up to timeoutMs for something) and acts on its lines.
void pump(Peer &p, int timeoutMs)
{
    parseLines(p);
    if (!p.alive)
        return;
    pollfd pfd{p.fd, POLLIN, 0};
    if (::poll(&pfd, 1, timeoutMs) <= 0)
        return;
    char buf[64 * 1024];
    for (;;) {
        const ssize_t n = ::recv(p.fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n > 0) {
            p.buffer.append(buf, n);
            if (p.buffer.size() > 4 * Chunk)
                break;
            continue;
        }
        if (n == 0 || (errno != EAGAIN && errno != EINTR))
            p.alive = false;
        break;
    }
    parseLines(p);
}

template<typename Pred> bool waitFor(Peer &p, int timeoutMs, Pred done)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        parseLines(p); // a closed peer may still have lines to read
        if (done())
            return true;
        if (!p.alive || p.stop || clock.elapsed() >= timeoutMs)
            return false;
        pump(p, 200);
    }
}

bool sendAll(Peer &p, const char *data, qsizetype len)
{
    while (len > 0 && p.alive && !p.stop) {
        const ssize_t n = ::send(p.fd, data, size_t(len), MSG_NOSIGNAL);
        if (n > 0) {
            data += n;
            len -= n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        p.alive = false;
    }
    return len == 0;
}

bool sendLine(Peer &p, const QByteArray &line)
{
    const QByteArray bytes = line + '\n';
    return sendAll(p, bytes.constData(), bytes.size());
}

// Ends a peer whose connection broke, that was stopped, or that reported an error.
void settle(Peer &p, quint64 total)
{
    if (p.state != TransferJob::State::Running)
        return; // already decided (e.g. its connection never opened)
    if (p.stop) {
        p.state = TransferJob::State(p.stopState.load());
        return;
    }
    pump(p, 300); // the host may have said why before it closed
    const QString reason
        = !p.diagnostics.isEmpty() && p.diagnostics.contains(u"dd:"_s) ? p.diagnostics : p.error;
    if (!reason.isEmpty()) {
        p.state = TransferJob::State::Failed;
        p.error = TransferPlan::explainHostError(p.hostLabel, reason);
        return;
    }
    p.state = TransferJob::State::Interrupted;
    p.error
        = Tr::tr("The connection to %1 was lost at %2: resume the transfer when the host is back.")
              .arg(p.hostLabel, percentOf(p.confirmed, total));
}

bool usable(const Peer &p)
{
    return p.alive && !p.stop && p.error.isEmpty() && p.state == TransferJob::State::Running;
}

// Every receiver says "ready" first (its temporary file exists and is writable).
void awaitReady(std::vector<std::unique_ptr<Peer>> &peers, quint64 total)
{
    for (auto &p : peers) {
        if (!waitFor(*p, ReadyTimeoutMs, [&] { return p->ready || !p->error.isEmpty(); })
            || !p->error.isEmpty())
            settle(*p, total);
    }
}

// Sends E, compares the host's hash with ours, then commits (M) or discards (X).
void finishReceiver(Peer &p, quint64 total, const QString &localSha)
{
    if (!usable(p))
        return settle(p, total);
    p.verifying = true;
    p.sha256.clear();
    if (!sendLine(p, "E " + QByteArray::number(total))
        || !waitFor(p, hashTimeoutMs(total),
                    [&] { return !p.sha256.isEmpty() || !p.error.isEmpty(); })
        || !p.error.isEmpty()) {
        return settle(p, total);
    }
    if (p.sha256 != localSha) {
        sendLine(p, "X");
        waitFor(p, CommitTimeoutMs,
                [] { return false; }); // until the host has removed it and closed
        p.state = TransferJob::State::Failed;
        p.error
            = Tr::tr("Checksum mismatch on %1: the host wrote SHA-256 %2… but the source has %3…. "
                     "The partial copy was removed; start the transfer again.")
                  .arg(p.hostLabel, p.sha256.left(16), localSha.left(16));
        return;
    }
    if (!sendLine(p, "M " + p.finalPath.toUtf8())
        || !waitFor(p, CommitTimeoutMs, [&] { return p.moved || !p.error.isEmpty(); })
        || !p.error.isEmpty()) {
        return settle(p, total);
    }
    sendLine(p, "Q");
    p.state = TransferJob::State::Done;
}

void failAll(std::vector<std::unique_ptr<Peer>> &peers, const QString &error)
{
    for (auto &p : peers) {
        if (p->state == TransferJob::State::Running) {
            p->state = TransferJob::State::Failed;
            p->error = error;
        }
    }
}

// Streams `frames` of data (read by `read(offset, buffer, length)`) to every usable receiver,
// each from where it stands, hashing the frames' bytes once, in order. Holes are neither sent
// nor hashed: a fresh temporary file has them by construction, and the host hashes the same
// frames it wrote. When the frames cover the whole image that hash is the file's SHA-256.
template<typename Read>
bool streamFrames(RunSpec &spec, const QList<TransferPlan::Extent> &frames, Sha256 &sha, Read read)
{
    QByteArray buffer(Chunk, Qt::Uninitialized);
    quint64 pos = 0;
    for (const TransferPlan::Extent &frame : frames) {
        pos = frame.offset;
        for (auto &p : spec.peers) {
            if (usable(*p) && p->startAt < frame.end()) {
                const quint64 from = qMax(frame.offset, p->startAt);
                sendLine(*p,
                         "W " + QByteArray::number(from) + ' '
                             + QByteArray::number(frame.end() - from));
            }
        }
        while (pos < frame.end()) {
            const qsizetype n = qsizetype(qMin<quint64>(Chunk, frame.end() - pos));
            if (!read(pos, buffer.data(), n))
                return false;
            sha.add(buffer.constData(), size_t(n));
            bool anyone = false;
            for (auto &p : spec.peers) {
                if (!usable(*p))
                    continue;
                anyone = true;
                if (pos + quint64(n) <= p->startAt)
                    continue;
                const quint64 skip = p->startAt > pos ? p->startAt - pos : 0;
                if (sendAll(*p, buffer.constData() + skip, n - qsizetype(skip)))
                    p->sent = pos + quint64(n);
                pump(*p, 0);
            }
            if (!anyone)
                return false;
            pos += quint64(n);
        }
    }
    return true;
}

bool coversAll(const QList<TransferPlan::Extent> &frames, quint64 total)
{
    quint64 pos = 0;
    for (const TransferPlan::Extent &f : frames) {
        if (f.offset != pos)
            return false;
        pos = f.end();
    }
    return pos == total;
}

void runUpload(RunSpec &spec)
{
    const QByteArray path = QFile::encodeName(spec.localPath);
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    struct stat st
    {
    };
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        failAll(spec.peers,
                Tr::tr("Cannot read %1: %2").arg(spec.localPath, qt_error_string(errno)));
        if (fd >= 0)
            ::close(fd);
        return;
    }
    const auto closeFile = qScopeGuard([fd] { ::close(fd); });
    const qint64 mtime = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    if (quint64(st.st_size) != spec.total || (spec.sourceMtime && mtime != spec.sourceMtime)) {
        failAll(spec.peers,
                Tr::tr("%1 changed since the upload began: start the upload again.")
                    .arg(spec.localPath));
        return;
    }
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    auto extents = TransferPlan::dataExtents(fd, spec.total);
    if (!extents) {
        failAll(spec.peers, extents.error().message);
        return;
    }
    awaitReady(spec.peers, spec.total);
    Sha256 sha;
    QString readError;
    const QList<TransferPlan::Extent> frames = TransferPlan::frames(*extents);
    const bool complete
        = streamFrames(spec, frames, sha, [&](quint64 offset, char *buf, qsizetype len) {
              qsizetype got = 0;
              while (got < len) {
                  const ssize_t n = ::pread(fd, buf + got, size_t(len - got), off_t(offset) + got);
                  if (n <= 0) {
                      readError = n < 0 ? qt_error_string(errno) : Tr::tr("the file got shorter");
                      return false;
                  }
                  got += n;
              }
              return true;
          });
    if (!readError.isEmpty()) {
        failAll(spec.peers, Tr::tr("Cannot read %1: %2").arg(spec.localPath, readError));
        return;
    }
    if (!complete) {
        for (auto &p : spec.peers)
            settle(*p, spec.total);
        return;
    }
    spec.localSha256 = sha.hex();
    if (coversAll(frames, spec.total))
        spec.fileSha256 = spec.localSha256;
    for (auto &p : spec.peers)
        finishReceiver(*p, spec.total, spec.localSha256);
}

// Host to host: the source host's bytes pass through memory only.
void runCopy(RunSpec &spec)
{
    Peer &src = *spec.source;
    if (!waitFor(src, ReadyTimeoutMs, [&] { return src.sized || !src.error.isEmpty(); })
        || !src.error.isEmpty()) {
        failAll(spec.peers,
                TransferPlan::explainHostError(
                    src.hostLabel, src.error.isEmpty() ? Tr::tr("no reply") : src.error));
        return;
    }
    spec.total = src.size;
    awaitReady(spec.peers, spec.total);
    QList<TransferPlan::Extent> frames;
    for (quint64 at = 0; at < spec.total; at += TransferPlan::MaxFrame)
        frames.append({at, qMin(TransferPlan::MaxFrame, spec.total - at)});
    Sha256 sha;
    const bool complete = streamFrames(spec, frames, sha, [&](quint64, char *buf, qsizetype len) {
        while (src.buffer.size() < len && src.alive && !src.stop)
            pump(src, 1000);
        if (src.buffer.size() < len)
            return false;
        std::memcpy(buf, src.buffer.constData(), size_t(len));
        src.buffer.remove(0, len);
        return true;
    });
    if (!complete) {
        for (auto &p : spec.peers) {
            if (!src.alive && !src.stop && usable(*p)) {
                p->state = TransferJob::State::Interrupted;
                p->error = Tr::tr("The connection to %1 (the source) was lost: resume the copy "
                                  "when it is back.")
                               .arg(src.hostLabel);
            } else if (p->state == TransferJob::State::Running) {
                settle(*p, spec.total);
            }
        }
        return;
    }
    spec.localSha256 = sha.hex();
    spec.fileSha256 = spec.localSha256; // every byte went through, holes as zeros
    src.sized = false; // the rest are lines again
    waitFor(src, hashTimeoutMs(spec.total), [&] { return !src.sha256.isEmpty(); });
    if (src.sha256 != spec.localSha256) {
        failAll(spec.peers,
                Tr::tr("%1 computed SHA-256 %2… for its copy but %3… arrived: the copy was not "
                       "registered.")
                    .arg(src.hostLabel, src.sha256.left(16), spec.localSha256.left(16)));
        for (auto &p : spec.peers)
            sendLine(*p, "X");
        return;
    }
    for (auto &p : spec.peers)
        finishReceiver(*p, spec.total, spec.localSha256);
}

bool isZero(const char *data, qsizetype len)
{
    return len > 0 && data[0] == 0 && std::memcmp(data, data + 1, size_t(len - 1)) == 0;
}

// Host to local file: written sparse into "<target>.corral-part", renamed once verified.
void runDownload(RunSpec &spec)
{
    Peer &src = *spec.peers.front();
    const QString partPath = spec.localPath + u".corral-part"_s;
    const int fd
        = ::open(QFile::encodeName(partPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        src.state = TransferJob::State::Failed;
        src.error = Tr::tr("Cannot write %1: %2").arg(partPath, qt_error_string(errno));
        return;
    }
    const auto closeFile = qScopeGuard([fd] { ::close(fd); });
    if (!waitFor(src, ReadyTimeoutMs, [&] { return src.sized || !src.error.isEmpty(); })
        || !src.error.isEmpty())
        return settle(src, spec.total);
    spec.total = src.size;
    // What is already here is hashed again (the hash state does not survive a restart). A part
    // file shorter than the job believes (or gone) cannot continue where the host now sends
    // from: the job is left resumable from what the file really holds.
    struct stat st
    {
    };
    if (::fstat(fd, &st) == 0 && quint64(st.st_size) < src.startAt) {
        src.state = TransferJob::State::Interrupted;
        src.confirmed = quint64(st.st_size);
        src.error = Tr::tr("%1 is shorter than recorded: resume the download to continue from what "
                           "it holds.")
                        .arg(partPath);
        return;
    }
    Sha256 sha;
    QByteArray buffer(Chunk, Qt::Uninitialized);
    quint64 pos = 0;
    if (::ftruncate(fd, off_t(src.startAt)) != 0) {
        src.state = TransferJob::State::Failed;
        src.error = Tr::tr("Cannot write %1: %2").arg(partPath, qt_error_string(errno));
        return;
    }
    while (pos < src.startAt) {
        const ssize_t n = ::pread(fd, buffer.data(),
                                  size_t(qMin<quint64>(Chunk, src.startAt - pos)), off_t(pos));
        if (n <= 0)
            break;
        sha.add(buffer.constData(), size_t(n));
        pos += quint64(n);
    }
    constexpr qsizetype Block = 64 * 1024;
    while (pos < spec.total) {
        if (src.buffer.isEmpty())
            pump(src, 1000);
        if (src.buffer.isEmpty()) {
            if (!src.alive || src.stop)
                return settle(src, spec.total);
            continue;
        }
        const qsizetype n = qsizetype(qMin<quint64>(quint64(src.buffer.size()), spec.total - pos));
        sha.add(src.buffer.constData(), size_t(n));
        bool endsInHole = false;
        for (qsizetype at = 0; at < n; at += Block) {
            const qsizetype len = qMin(Block, n - at);
            const char *data = src.buffer.constData() + at;
            endsInHole = isZero(data, len);
            if (endsInHole)
                continue; // a hole: not written
            if (::pwrite(fd, data, size_t(len), off_t(pos + quint64(at))) != len) {
                src.state = TransferJob::State::Failed;
                src.error = Tr::tr("Cannot write %1: %2").arg(partPath, qt_error_string(errno));
                return;
            }
        }
        // The part file's size is what a resume continues from: a hole at the end counts too.
        if (endsInHole && ::ftruncate(fd, off_t(pos + quint64(n))) != 0) {
            src.state = TransferJob::State::Failed;
            src.error = Tr::tr("Cannot write %1: %2").arg(partPath, qt_error_string(errno));
            return;
        }
        src.buffer.remove(0, n);
        pos += quint64(n);
        src.confirmed = pos;
        src.sent = pos;
    }
    if (::ftruncate(fd, off_t(spec.total)) != 0 || ::fdatasync(fd) != 0) {
        src.state = TransferJob::State::Failed;
        src.error = Tr::tr("Cannot write %1: %2").arg(partPath, qt_error_string(errno));
        return;
    }
    spec.localSha256 = sha.hex();
    spec.fileSha256 = spec.localSha256;
    src.sized = false;
    src.verifying = true;
    if (!waitFor(src, hashTimeoutMs(spec.total), [&] { return !src.sha256.isEmpty(); }))
        return settle(src, spec.total);
    if (src.sha256 != spec.localSha256) {
        QFile::remove(partPath);
        src.state = TransferJob::State::Failed;
        src.error = Tr::tr("Checksum mismatch: %1 has SHA-256 %2… but %3… arrived. The partial "
                           "file was removed; "
                           "download again.")
                        .arg(src.hostLabel, src.sha256.left(16), spec.localSha256.left(16));
        return;
    }
    QFile::remove(spec.localPath);
    if (!QFile::rename(partPath, spec.localPath)) {
        src.state = TransferJob::State::Failed;
        src.error = Tr::tr("Cannot rename %1 to %2.").arg(partPath, spec.localPath);
        return;
    }
    src.state = TransferJob::State::Done;
}

void runVerify(RunSpec &spec)
{
    Peer &src = *spec.peers.front();
    src.verifying = true;
    if (!waitFor(src, hashTimeoutMs(spec.total),
                 [&] { return !src.sha256.isEmpty() || !src.error.isEmpty(); })
        || !src.error.isEmpty()) {
        return settle(src, spec.total);
    }
    spec.localSha256 = spec.fileSha256 = src.sha256;
    if (!spec.expectedSha256.isEmpty() && src.sha256 != spec.expectedSha256) {
        src.state = TransferJob::State::Failed;
        src.error
            = Tr::tr(
                  "The replica on %1 is damaged: its SHA-256 is %2… but the image's is %3…. Delete "
                  "it there and copy it again from a good host.")
                  .arg(src.hostLabel, src.sha256.left(16), spec.expectedSha256.left(16));
        return;
    }
    src.confirmed = spec.total;
    src.state = TransferJob::State::Done;
}

} // namespace

Peer::~Peer()
{
    if (fd >= 0)
        ::close(fd);
}

void Peer::interrupt()
{
    stop = true;
    if (fd >= 0)
        ::shutdown(fd, SHUT_RDWR);
}

void runTransfer(RunSpec &spec)
{
    switch (spec.mode) {
    case RunSpec::Mode::Upload:
        return runUpload(spec);
    case RunSpec::Mode::Copy:
        return runCopy(spec);
    case RunSpec::Mode::Download:
        return runDownload(spec);
    case RunSpec::Mode::Verify:
        return runVerify(spec);
    }
}

} // namespace Corral::ImageDetail
