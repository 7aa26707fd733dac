#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Corral {

class Database;
struct PoolVolume;

// One host's copy of a catalog image: a volume in that host's corral-images pool.
struct ImageReplica
{
    enum class State : quint8 { Present, Transferring, Failed, Missing };

    qint64 hostId = 0;
    QString volume;
    State state = State::Missing;
    QDateTime updated;

    static QString stateName(State state); // "present", "transferring", "failed", "missing"
};

// An image of the library as the catalog records it.
struct ImageRecord
{
    qint64 id = 0;
    QString name;
    QString kind;   // "disk" or "iso"
    QString format; // "qcow2", "raw" or "iso"
    quint64 virtualSize = 0;
    quint64 actualSize = 0;
    QString sha256; // lower-case hex; empty until verified
    QString description;
    QDateTime created;
    QList<ImageReplica> replicas; // by host id
};

// The images and image_replicas tables.
//
// Thread: the thread of its Database (in the apps, the StoreService worker thread).
// Owner: a short-lived value on the caller's stack; the Database must outlive it.
class ImageRepository final
{
public:
    explicit ImageRepository(Database &db)
        : m_db(db)
    { }
    Q_DISABLE_COPY_MOVE(ImageRepository)

    // Every image with its replicas, by name.
    Result<QList<ImageRecord>> list();
    Result<ImageRecord> byName(const QString &name);
    // Validates the name (ImageProbes::validateName) and that it is free; replicas are ignored.
    Result<ImageRecord> add(ImageRecord image);
    Result<void> rename(const QString &name, const QString &newName);
    Result<void> describe(const QString &name, const QString &description);
    Result<void> setSha256(const QString &name, const QString &sha256);
    // Removes the image and its replica records (not the volumes on the hosts).
    Result<void> remove(const QString &name);

    // Records (or updates) what one host holds of an image.
    Result<void> setReplica(const QString &name, const ImageReplica &replica);
    Result<void> removeReplica(const QString &name, qint64 hostId);

    // Brings one host's replicas in line with the volumes its pool holds now: replicas whose
    // volume is gone become missing, missing ones that are back become present, and volumes
    // no image knows become images (named after the volume; checksum unknown). Returns
    // whether anything changed.
    Result<bool> reconcileHost(qint64 hostId, const QList<PoolVolume> &volumes);

private:
    Result<qint64> idOf(const QString &name);

    Database &m_db;
};

} // namespace Corral
