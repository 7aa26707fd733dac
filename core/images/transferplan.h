#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Corral {

// The pure parts of an image transfer: which bytes to send, in which frames, what runs on the
// host, and what its replies mean. No I/O except dataExtents().
namespace TransferPlan {

struct Extent
{
    quint64 offset = 0;
    quint64 length = 0;
    quint64 end() const { return offset + length; }
    friend bool operator==(const Extent &, const Extent &) = default;
};

// Holes shorter than this inside data are sent as data: a frame costs the host a process.
inline constexpr quint64 MergeGap = 1024 * 1024;
// The host acknowledges every frame; a dropped connection resumes at the last acknowledged one.
inline constexpr quint64 MaxFrame = 64 * 1024 * 1024;

// The data extents of an open file (SEEK_DATA/SEEK_HOLE); the whole file when the file system
// cannot tell.
Result<QList<Extent>> dataExtents(int fd, quint64 size);

// Frames to send: extents with short holes merged, split at MaxFrame. Empty for an all-hole file.
QList<Extent> frames(const QList<Extent> &extents, quint64 mergeGap = MergeGap,
                     quint64 maxFrame = MaxFrame);

// Bytes of data in the frames.
quint64 dataBytes(const QList<Extent> &frames);

// ---- the host's side: POSIX sh and coreutils (dd, truncate, mv, stat), openssl or sha256sum

QString shellQuote(const QString &word);

// Receives frames into `tempPath` and answers each:   -> "W <offset> <length>\n" + bytes
//   "ready <size-of-temp-file>"                          <- "ok <offset> <length>"
//   -> "E <total>\n": truncate; hash the frames' bytes    <- "sha256 <hex>"
//   -> "M <final path>\n": rename, refusing to overwrite <- "moved"
//   -> "X\n": remove the temporary file                  <- "removed"
// Errors come back as "error <text>" (the command's own messages as other lines).
QString receiveCommand(const QString &tempPath);
// Sends `path` from `offset` on:  "size <bytes>\n", the bytes, then "sha256 <hex>\n" (the hash
// of the whole file, computed meanwhile).
QString sendCommand(const QString &path, quint64 offset);
// Hashes `path`, reporting dd's progress lines ("<n> bytes ...") and then "sha256 <hex>".
QString hashCommand(const QString &path);
// Removes a file (a cancelled upload's temporary file).
QString removeCommand(const QString &path);

// One line from the host.
struct Reply
{
    enum class Kind : quint8 { Ready, Ok, Sha256, Moved, Removed, Size, Progress, Error, Other };
    Kind kind = Kind::Other;
    quint64 a = 0; // ready: size; ok: offset; size: bytes; progress: bytes
    quint64 b = 0; // ok: length
    QString text; // sha256: hex; error/other: the line
};
Reply parseReply(const QByteArray &line);

// Takes the next non-empty line (ended by a newline or dd's carriage return) off the front of
// `buffer`; nothing while only an unfinished line is left.
std::optional<QByteArray> takeLine(QByteArray &buffer);

// A host's error text in words an admin can act on ("No space left on device" -> no space).
QString explainHostError(const QString &hostLabel, const QString &text);

} // namespace TransferPlan

} // namespace Corral
