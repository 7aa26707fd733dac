#include "vmdisks.h"

#include "domainxml.h"
#include "imagepool.h"
#include "virthandles.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace Corral::VmDisks {

using namespace Virt;

namespace {

Result<DomainPtr> lookup(virConnectPtr conn, const QUuid &uuid, const QString &hostLabel)
{
    if (!conn) {
        return fail(ErrorCode::Offline,
                    Tr::tr("Host %1 is not connected: wait for it to come back.").arg(hostLabel));
    }
    const QByteArray text = uuid.toByteArray(QUuid::WithoutBraces);
    DomainPtr dom(virDomainLookupByUUIDString(conn, text.constData()));
    if (!dom) {
        return fail(ErrorCode::NotFound, Tr::tr("The VM no longer exists on %1.").arg(hostLabel),
                    lastVirtError());
    }
    return dom;
}

QString nameOf(virDomainPtr dom)
{
    return QString::fromUtf8(virDomainGetName(dom));
}

// One of the VM's own disks that is a volume, with what revert and resize need.
struct Overlay
{
    QString target; // "vda", "sdb"
    QString path;
    QString volume;
    QString pool;
    QString backingPath;
    QString backingFormat;
    quint64 capacity = 0;
};

Result<QList<Overlay>> overlays(virConnectPtr conn, virDomainPtr dom)
{
    CString xml(virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    if (!xml) {
        return fail(ErrorCode::OperationFailed,
                    Tr::tr("Cannot read the definition of %1.").arg(nameOf(dom)), lastVirtError());
    }
    QList<Overlay> found;
    const auto disks = DomainXml::ownedDisks(QString::fromUtf8(xml.get()));
    for (const DomainXml::DiskSource &disk : disks) {
        StorageVolPtr vol;
        if (!disk.volume.isEmpty()) {
            StoragePoolPtr pool(virStoragePoolLookupByName(conn, disk.pool.toUtf8().constData()));
            if (pool)
                vol.reset(virStorageVolLookupByName(pool.get(), disk.volume.toUtf8().constData()));
        } else {
            vol.reset(virStorageVolLookupByPath(conn, QFile::encodeName(disk.file).constData()));
        }
        if (!vol)
            continue; // not a pool volume: Corral leaves it alone
        Overlay o;
        o.target = disk.target;
        CString path(virStorageVolGetPath(vol.get()));
        o.path = path ? QString::fromUtf8(path.get()) : disk.file;
        o.volume = QString::fromUtf8(virStorageVolGetName(vol.get()));
        StoragePoolPtr pool(virStoragePoolLookupByVolume(vol.get()));
        o.pool = pool ? QString::fromUtf8(virStoragePoolGetName(pool.get())) : QString();
        CString volXml(virStorageVolGetXMLDesc(vol.get(), 0));
        if (volXml) {
            const QString text = QString::fromUtf8(volXml.get());
            o.backingPath = ImagePool::backingPath(text);
            o.backingFormat = ImagePool::backingFormat(text);
        }
        virStorageVolInfo info{};
        if (virStorageVolGetInfo(vol.get(), &info) == 0)
            o.capacity = info.capacity;
        found.append(o);
    }
    return found;
}

// The system disk: the volume named after the VM (as deploy names it), else the largest.
Result<Overlay> systemDisk(virConnectPtr conn, virDomainPtr dom, const QString &hostLabel)
{
    auto all = overlays(conn, dom);
    if (!all)
        return std::unexpected(all.error());
    if (all->isEmpty()) {
        return fail(ErrorCode::Unsupported,
                    Tr::tr("%1 on %2 has no disk in a storage pool; Corral works on pool "
                           "volumes only.")
                        .arg(nameOf(dom), hostLabel));
    }
    const QString own = nameOf(dom) + QStringLiteral(".qcow2");
    const Overlay *best = &all->first();
    for (const Overlay &o : std::as_const(*all)) {
        if (o.volume == own)
            return o;
        if (o.capacity > best->capacity)
            best = &o;
    }
    return *best;
}

Result<SnapshotPtr> snapshotByName(virDomainPtr dom, const QString &name)
{
    SnapshotPtr snap(virDomainSnapshotLookupByName(dom, name.toUtf8().constData(), 0));
    if (!snap) {
        return fail(ErrorCode::NotFound,
                    Tr::tr("%1 has no snapshot named %2.").arg(nameOf(dom), name),
                    lastVirtError());
    }
    return snap;
}

// <domainsnapshot> facts: description, creationTime, state.
VmSnapshot parseSnapshot(const QString &name, const QString &xml)
{
    VmSnapshot s;
    s.name = name;
    QXmlStreamReader reader(xml);
    int depth = 0;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::EndElement) {
            --depth;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        ++depth;
        if (depth != 2)
            continue;
        if (reader.name() == u"description") {
            s.description = reader.readElementText();
            --depth;
        } else if (reader.name() == u"creationTime") {
            s.created = QDateTime::fromSecsSinceEpoch(reader.readElementText().toLongLong(),
                                                      Qt::UTC);
            --depth;
        } else if (reader.name() == u"state") {
            s.state = reader.readElementText();
            --depth;
        } else {
            reader.skipCurrentElement();
            --depth;
        }
    }
    return s;
}

} // namespace

QString validateSnapshotName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!valid.match(name).hasMatch()) {
        return Tr::tr("Snapshot name \"%1\" is not valid: use 1 to 64 letters, digits, '.', '-' "
                      "or '_'.")
            .arg(name);
    }
    return {};
}

Result<void> revert(virConnectPtr conn, const QUuid &uuid, const QString &hostLabel)
{
    auto dom = lookup(conn, uuid, hostLabel);
    if (!dom)
        return std::unexpected(dom.error());
    const QString vm = nameOf(dom->get());
    auto disks = overlays(conn, dom->get());
    if (!disks)
        return std::unexpected(disks.error());
    disks->removeIf([](const Overlay &o) { return o.backingPath.isEmpty() || o.pool.isEmpty(); });
    if (disks->isEmpty()) {
        return fail(ErrorCode::Unsupported,
                    Tr::tr("%1 has no overlay disk on a base image, so there is nothing to "
                           "revert to.")
                        .arg(vm));
    }
    const bool wasActive = virDomainIsActive(dom->get()) == 1;
    if (wasActive && virDomainDestroy(dom->get()) < 0) {
        return fail(ErrorCode::OperationFailed,
                    Tr::tr("Cannot power off %1 to revert it.").arg(vm), lastVirtError());
    }
    // The snapshots live inside the overlays that are about to go.
    virDomainSnapshotPtr *snaps = nullptr;
    const int n = virDomainListAllSnapshots(dom->get(), &snaps, 0);
    for (int i = 0; i < n; ++i) {
        SnapshotPtr snap(snaps[i]);
        virDomainSnapshotDelete(snap.get(), VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY);
    }
    std::free(snaps);
    for (const Overlay &o : std::as_const(*disks)) {
        if (auto deleted = ImagePool::deleteVolume(conn, o.pool, o.volume, hostLabel); !deleted)
            return deleted;
        auto made = ImagePool::createQcow2(conn, o.pool, o.volume, o.capacity, hostLabel,
                                           o.backingPath,
                                           o.backingFormat.isEmpty() ? QStringLiteral("qcow2")
                                                                     : o.backingFormat);
        if (!made) {
            return fail(ErrorCode::OperationFailed,
                        Tr::tr("%1 lost its disk %2 while reverting and could not get a new "
                               "one: %3. Revert again once the host is fine.")
                            .arg(vm, o.volume, made.error().message),
                        made.error().detail);
        }
    }
    if (wasActive && virDomainCreate(dom->get()) < 0) {
        return fail(ErrorCode::OperationFailed,
                    Tr::tr("%1 was reverted but did not start again.").arg(vm), lastVirtError());
    }
    return {};
}

Result<QString> flatten(virConnectPtr conn, const QUuid &uuid, const QString &imagePool,
                        const QString &imageName, const QString &hostLabel)
{
    auto dom = lookup(conn, uuid, hostLabel);
    if (!dom)
        return std::unexpected(dom.error());
    const QString vm = nameOf(dom->get());
    if (virDomainIsActive(dom->get()) == 1) {
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("%1 is running: shut it down first, so that its disk is consistent.")
                        .arg(vm));
    }
    auto disk = systemDisk(conn, dom->get(), hostLabel);
    if (!disk)
        return std::unexpected(disk.error());
    StoragePoolPtr source(virStoragePoolLookupByName(conn, disk->pool.toUtf8().constData()));
    StorageVolPtr input(
        source ? virStorageVolLookupByName(source.get(), disk->volume.toUtf8().constData())
               : nullptr);
    StoragePoolPtr target(virStoragePoolLookupByName(conn, imagePool.toUtf8().constData()));
    if (!input || !target) {
        return fail(ErrorCode::NotFound,
                    Tr::tr("Cannot find the disk of %1 or the pool %2 on %3.")
                        .arg(vm, imagePool, hostLabel),
                    lastVirtError());
    }
    // No backingStore in the new volume: libvirt converts through the whole chain.
    const QString xml = QStringLiteral("<volume><name>%1</name><capacity unit='bytes'>%2"
                                       "</capacity><target><format type='qcow2'/></target>"
                                       "</volume>")
                            .arg(imageName.toHtmlEscaped())
                            .arg(disk->capacity);
    StorageVolPtr made(
        virStorageVolCreateXMLFrom(target.get(), xml.toUtf8().constData(), input.get(), 0));
    if (!made) {
        return fail(ErrorCode::OperationFailed,
                    Tr::tr("Cannot write %1 from the disk of %2 on %3.").arg(imageName, vm, hostLabel),
                    lastVirtError());
    }
    CString path(virStorageVolGetPath(made.get()));
    return path ? QString::fromUtf8(path.get()) : QString();
}

Result<void> resize(virConnectPtr conn, const QUuid &uuid, quint64 bytes, const QString &hostLabel)
{
    auto dom = lookup(conn, uuid, hostLabel);
    if (!dom)
        return std::unexpected(dom.error());
    const QString vm = nameOf(dom->get());
    auto disk = systemDisk(conn, dom->get(), hostLabel);
    if (!disk)
        return std::unexpected(disk.error());
    if (bytes <= disk->capacity) {
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("The disk of %1 is %2 bytes already; it can only grow.")
                        .arg(vm)
                        .arg(disk->capacity));
    }
    int rc = 0;
    if (virDomainIsActive(dom->get()) == 1) {
        rc = virDomainBlockResize(dom->get(), disk->target.toUtf8().constData(), bytes,
                                  VIR_DOMAIN_BLOCK_RESIZE_BYTES);
    } else {
        StoragePoolPtr pool(virStoragePoolLookupByName(conn, disk->pool.toUtf8().constData()));
        StorageVolPtr vol(
            pool ? virStorageVolLookupByName(pool.get(), disk->volume.toUtf8().constData())
                 : nullptr);
        rc = vol ? virStorageVolResize(vol.get(), bytes, 0) : -1;
    }
    if (rc < 0) {
        return fail(ErrorCode::OperationFailed,
                    Tr::tr("Cannot resize the disk of %1: %2").arg(vm, lastVirtError()));
    }
    return {};
}

Result<QList<VmSnapshot>> snapshots(virConnectPtr conn, const QUuid &uuid,
                                    const QString &hostLabel)
{
    auto dom = lookup(conn, uuid, hostLabel);
    if (!dom)
        return std::unexpected(dom.error());
    virDomainSnapshotPtr *snaps = nullptr;
    const int n = virDomainListAllSnapshots(dom->get(), &snaps, 0);
    if (n < 0) {
        return fail(ErrorCode::OperationFailed,
                    Tr::tr("Cannot list the snapshots of %1.").arg(nameOf(dom->get())),
                    lastVirtError());
    }
    QList<VmSnapshot> list;
    for (int i = 0; i < n; ++i) {
        SnapshotPtr snap(snaps[i]);
        CString xml(virDomainSnapshotGetXMLDesc(snap.get(), 0));
        VmSnapshot s = parseSnapshot(QString::fromUtf8(virDomainSnapshotGetName(snap.get())),
                                     xml ? QString::fromUtf8(xml.get()) : QString());
        s.current = virDomainSnapshotIsCurrent(snap.get(), 0) == 1;
        list.append(s);
    }
    std::free(snaps);
    std::sort(list.begin(), list.end(),
              [](const VmSnapshot &a, const VmSnapshot &b) { return a.created < b.created; });
    return list;
}

Result<void> createSnapshot(virConnectPtr conn, const QUuid &uuid, const QString &name,
                            const QString &description, const QString &hostLabel)
{
    if (const QString problem = validateSnapshotName(name); !problem.isEmpty())
        return fail(ErrorCode::InvalidArgument, problem);
    auto dom = lookup(conn, uuid, hostLabel);
    if (!dom)
        return std::unexpected(dom.error());
    const QString xml = QStringLiteral("<domainsnapshot><name>%1</name><description>%2"
                                       "</description></domainsnapshot>")
                            .arg(name.toHtmlEscaped(), description.toHtmlEscaped());
    SnapshotPtr snap(virDomainSnapshotCreateXML(dom->get(), xml.toUtf8().constData(), 0));
    if (!snap) {
        return fail(ErrorCode::OperationFailed,
                    Tr::tr("Cannot take snapshot %1 of %2: %3")
                        .arg(name, nameOf(dom->get()), lastVirtError()));
    }
    return {};
}

namespace {
// Runs `act` on the VM's snapshot `name`; a negative result fails with `what` (a message
// with %1 = VM, %2 = snapshot, %3 = libvirt's reason).
Result<void> onSnapshot(virConnectPtr conn, const QUuid &uuid, const QString &name,
                        const QString &hostLabel, int (*act)(virDomainSnapshotPtr, unsigned),
                        const QString &what)
{
    auto dom = lookup(conn, uuid, hostLabel);
    if (!dom)
        return std::unexpected(dom.error());
    auto snap = snapshotByName(dom->get(), name);
    if (!snap)
        return std::unexpected(snap.error());
    if (act(snap->get(), 0) < 0)
        return fail(ErrorCode::OperationFailed, what.arg(nameOf(dom->get()), name, lastVirtError()));
    return {};
}
} // namespace

Result<void> revertSnapshot(virConnectPtr conn, const QUuid &uuid, const QString &name,
                            const QString &hostLabel)
{
    return onSnapshot(conn, uuid, name, hostLabel, &virDomainRevertToSnapshot,
                      Tr::tr("Cannot revert %1 to snapshot %2: %3"));
}

Result<void> deleteSnapshot(virConnectPtr conn, const QUuid &uuid, const QString &name,
                            const QString &hostLabel)
{
    return onSnapshot(conn, uuid, name, hostLabel, &virDomainSnapshotDelete,
                      Tr::tr("Cannot delete snapshot %2 of %1: %3"));
}

} // namespace Corral::VmDisks
