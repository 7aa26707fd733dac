#pragma once

#include "transferjob.h"
#include "transferplan.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace Corral::ImageDetail {

// One host's end of a transfer run: the socket of its command pipe (receiveCommand,
// sendCommand or hashCommand) and what the run learns about it. The counters are read by the
// library's thread while the run goes; the rest once the run has ended.
struct Peer
{
    qint64 jobId = 0;
    int fd = -1; // owned: closed by the run's end
    QString hostLabel;
    QString finalPath; // receiving: where the verified file goes
    quint64 startAt = 0; // receiving: what the host already confirmed

    std::atomic<quint64> confirmed{0}; // acknowledged by the host
    std::atomic<quint64> sent{0}; // handed to the connection
    std::atomic<bool> verifying{false};
    std::atomic<bool> stop{false}; // pause or cancel this peer (see stopState)
    std::atomic<int> stopState{int(TransferJob::State::Paused)};

    // Outcome.
    TransferJob::State state = TransferJob::State::Running;
    QString error;
    QString sha256; // what the host computed
    QByteArray buffer; // unparsed reply bytes
    bool alive = true;
    bool ready = false; // "ready" seen
    bool moved = false; // "moved" seen
    bool sized = false; // "size" seen (a sender)
    quint64 size = 0;
    QString diagnostics; // the last line the host printed that was not part of the protocol

    ~Peer();
    // Ends this peer's part: stops its I/O at once (a blocked write returns).
    void interrupt();
};

// Everything a run needs; filled by the library, then handed to a worker thread.
struct RunSpec
{
    enum class Mode : quint8 { Upload, Copy, Download, Verify };
    Mode mode = Mode::Upload;
    QString localPath; // upload: source file; download: target file (".corral-part" while running)
    qint64 sourceMtime = 0; // upload: the mtime the job was created with
    quint64 total = 0;
    std::vector<std::unique_ptr<Peer>> peers; // upload/copy: receivers; download/verify: one sender
    std::unique_ptr<Peer> source; // copy: the host read from
    QString expectedSha256; // verify: the catalog's, when known

    // The SHA-256 of the bytes that went over the wire, compared with the host's: for a
    // sparse upload only the data frames, in order.
    QString localSha256;
    // The SHA-256 of the whole image, when the run saw every byte of it (not for a sparse
    // upload: holes are not hashed; a verify job records it later).
    QString fileSha256;
};

// Runs the spec to its end on the calling thread (a worker thread): reads, hashes, streams,
// verifies, commits. Every peer ends Done, Failed, Paused, Interrupted or Cancelled with an
// error text that names the file, the host and the reason.
void runTransfer(RunSpec &spec);

} // namespace Corral::ImageDetail
