#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Corral {

// One host's part of an image transfer, as the Transfers dock, corralctl and the catalog's
// transfer_jobs table see it. An upload to three hosts is three jobs that read the file once.
struct TransferJob
{
    enum class Kind : quint8 { Upload, Download, Copy, CreateEmpty, Verify };
    enum class State : quint8 {
        Queued, // waiting for its turn or for its connection
        Running, // bytes are moving
        Verifying, // all sent; the host computes its checksum
        Paused, // stopped by the user; resumes from `confirmed`
        Interrupted, // the connection dropped; resumes from `confirmed`
        Done, // verified and registered
        Failed, // will not resume (checksum mismatch, no space, source changed, ...)
        Cancelled, // stopped for good; its temporary volume is removed
    };

    qint64 id = 0;
    Kind kind = Kind::Upload;
    State state = State::Queued;
    QString imageName;
    QString description;
    QString localPath; // upload: the source file; download: the target file
    qint64 hostId = 0; // the host written to (upload, copy, create) or read (download)
    qint64 sourceHostId = 0; // copy: the host read from
    QString hostName; // for display; filled in from the fleet
    QString sourceHostName;
    QString tempVolume; // upload/copy: the hidden file in the pool until verified
    qint64 sourceMtime = 0; // upload: ms since the epoch; a changed file does not resume
    quint64 total = 0; // bytes of the image
    quint64 confirmed = 0; // bytes the receiving side has written and acknowledged
    quint64 sent = 0; // bytes read and sent so far in this run (>= confirmed)
    double bytesPerSecond = 0;
    qint64 etaSeconds = -1;
    QString sha256; // once verified
    QString error;
    QDateTime created;

    bool isFinished() const
    {
        return state == State::Done || state == State::Failed || state == State::Cancelled;
    }
    bool isResumable() const { return state == State::Paused || state == State::Interrupted; }
    bool isActive() const
    {
        return state == State::Queued || state == State::Running || state == State::Verifying;
    }

    static QString kindName(Kind kind); // "upload", "download", "copy", "create", "verify"
    static QString stateName(State state); // "queued", "running", ..., for JSON and the table
    static QString stateLabel(State state); // translated
    static std::optional<Kind> kindFromName(const QString &name);
    static std::optional<State> stateFromName(const QString &name);
};

} // namespace Corral

Q_DECLARE_METATYPE(Corral::TransferJob)
