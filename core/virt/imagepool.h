#pragma once

#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

typedef struct _virConnect *virConnectPtr;

namespace Corral {

// A volume of a storage pool as the image library sees it.
struct PoolVolume
{
    QString name;
    QString path;
    QString format; // libvirt's probe: "qcow2", "raw", "iso", ...
    quint64 capacity = 0; // virtual size
    quint64 allocation = 0; // bytes used on the host
};

// A pool's directory, free space and volumes (Corral's temporary files left out).
struct PoolState
{
    QString name;
    QString path;
    quint64 available = 0;
    QList<PoolVolume> volumes;
};

// Storage-pool work for the image library, run on a host session's thread with its
// connection (Fleet::runOnHost). Plain values out; no libvirt type leaves core/virt.
namespace ImagePool {

// Transfers write hidden files with this prefix into the pool; they are not volumes until
// verified and renamed.
inline constexpr char TempPrefix[] = ".corral-";

// Refreshes the pool (so files written over SSH are seen) and reads it. A missing or inactive
// pool is an error that says how to create it.
Result<PoolState> read(virConnectPtr conn, const QString &pool, const QString &hostLabel);

// The VMs (names) whose disks use `path`: directly (a disk or CD-ROM source) or as the backing
// file of a disk's volume, anywhere in the chain.
Result<QStringList> vmsUsing(virConnectPtr conn, const QString &path);

// Deletes a volume of the pool by name.
Result<void> deleteVolume(virConnectPtr conn, const QString &pool, const QString &volume,
                          const QString &hostLabel);

// Creates a qcow2 volume of `capacity` bytes and returns it: empty, or an overlay on
// `backingPath` (a file of format `backingFormat`) when given.
Result<PoolVolume> createQcow2(virConnectPtr conn, const QString &pool, const QString &volume,
                               quint64 capacity, const QString &hostLabel,
                               const QString &backingPath = {},
                               const QString &backingFormat = QStringLiteral("qcow2"));
// The path of a volume of the pool; NotFound (naming host, pool and volume) when missing.
Result<QString> volumePath(virConnectPtr conn, const QString &pool, const QString &volume,
                           const QString &hostLabel);

// Pure XML helpers (unit-tested): the <target><path> of a pool or volume, the volume's
// <target><format type>, its <backingStore><path>, and every file a domain's disks refer to
// (sources and their backing chains).
QString targetPath(const QString &xml);
QString volumeFormat(const QString &xml);
QString backingPath(const QString &volumeXml);
QString backingFormat(const QString &volumeXml); // <backingStore><format type>
QStringList domainFiles(const QString &domainXml);

} // namespace ImagePool

} // namespace Corral
