#include "imagepool.h"

#include "virthandles.h"

#include <QXmlStreamReader>

namespace Corral::ImagePool {

namespace {

// The first <outer><inner attr=...> (or its text when attr is empty) directly below the root.
QString childValue(const QString &xml, QStringView outer, QStringView inner, QStringView attr = {})
{
    QXmlStreamReader reader(xml);
    int depth = 0;
    bool inOuter = false;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth == 2 && reader.name() == outer)
                inOuter = true;
            else if (inOuter && depth == 3 && reader.name() == inner) {
                if (!attr.isEmpty())
                    return reader.attributes().value(attr.toString()).toString();
                return reader.readElementText().trimmed();
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == 2)
                inOuter = false;
            --depth;
        }
    }
    return {};
}

Error poolError(const QString &pool, const QString &hostLabel)
{
    return Error{
        ErrorCode::NotFound,
        Tr::tr("Host %1 has no active storage pool %2: create it with `virsh pool-define-as "
               "%2 dir --target /var/lib/libvirt/images/%2 && virsh pool-build %2 && virsh "
               "pool-start %2 && virsh pool-autostart %2` on the host.")
            .arg(hostLabel, pool),
        Virt::lastVirtError()};
}

// The pool, when the host is connected and the pool active; else why not, and what to do.
Result<Virt::StoragePoolPtr> activePool(virConnectPtr conn, const QString &pool,
                                        const QString &hostLabel)
{
    if (!conn) {
        return fail(ErrorCode::Connection,
                    Tr::tr("Host %1 is not connected: connect it first.").arg(hostLabel));
    }
    Virt::StoragePoolPtr p(virStoragePoolLookupByName(conn, pool.toUtf8().constData()));
    if (!p || virStoragePoolIsActive(p.get()) != 1)
        return std::unexpected(poolError(pool, hostLabel));
    return p;
}

} // namespace

QString targetPath(const QString &xml)
{
    return childValue(xml, u"target", u"path");
}

QString volumeFormat(const QString &xml)
{
    return childValue(xml, u"target", u"format", u"type");
}

QString backingPath(const QString &volumeXml)
{
    return childValue(volumeXml, u"backingStore", u"path");
}

QString backingFormat(const QString &volumeXml)
{
    return childValue(volumeXml, u"backingStore", u"format", u"type");
}

QStringList domainFiles(const QString &domainXml)
{
    QStringList files;
    QXmlStreamReader reader(domainXml);
    bool inDisk = false;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (reader.name() == u"metadata") {
                reader.skipCurrentElement();
            } else if (reader.name() == u"disk") {
                inDisk = true;
            } else if (inDisk && reader.name() == u"source") {
                const auto a = reader.attributes();
                QString file = a.value(QLatin1StringView("file")).toString();
                if (file.isEmpty())
                    file = a.value(QLatin1StringView("dev")).toString();
                if (!file.isEmpty() && !files.contains(file))
                    files.append(file);
            }
        } else if (token == QXmlStreamReader::EndElement && reader.name() == u"disk") {
            inDisk = false;
        }
    }
    return files;
}

Result<PoolState> read(virConnectPtr conn, const QString &pool, const QString &hostLabel)
{
    auto found = activePool(conn, pool, hostLabel);
    if (!found)
        return std::unexpected(found.error());
    Virt::StoragePoolPtr p = std::move(*found);
    if (virStoragePoolRefresh(p.get(), 0) != 0) {
        return fail(ErrorCode::Generic,
                    Tr::tr("Cannot refresh the pool %1 on %2.").arg(pool, hostLabel),
                    Virt::lastVirtError());
    }
    PoolState state;
    state.name = pool;
    Virt::CString xml(virStoragePoolGetXMLDesc(p.get(), 0));
    if (xml)
        state.path = targetPath(QString::fromUtf8(xml.get()));
    virStoragePoolInfo info{};
    if (virStoragePoolGetInfo(p.get(), &info) == 0)
        state.available = info.available;
    virStorageVolPtr *vols = nullptr;
    const int count = virStoragePoolListAllVolumes(p.get(), &vols, 0);
    if (count < 0) {
        return fail(ErrorCode::Generic,
                    Tr::tr("Cannot list the volumes of %1 on %2.").arg(pool, hostLabel),
                    Virt::lastVirtError());
    }
    for (int i = 0; i < count; ++i) {
        Virt::StorageVolPtr vol(vols[i]);
        PoolVolume v;
        v.name = QString::fromUtf8(virStorageVolGetName(vol.get()));
        if (v.name.startsWith(QLatin1StringView(TempPrefix)))
            continue; // a transfer in progress, not a volume yet
        Virt::CString path(virStorageVolGetPath(vol.get()));
        v.path = path ? QString::fromUtf8(path.get()) : QString();
        virStorageVolInfo vi{};
        if (virStorageVolGetInfo(vol.get(), &vi) == 0) {
            v.capacity = vi.capacity;
            v.allocation = vi.allocation;
        }
        Virt::CString volXml(virStorageVolGetXMLDesc(vol.get(), 0));
        if (volXml)
            v.format = volumeFormat(QString::fromUtf8(volXml.get()));
        state.volumes.append(v);
    }
    std::free(vols);
    return state;
}

Result<QStringList> vmsUsing(virConnectPtr conn, const QString &path)
{
    if (!conn)
        return fail(ErrorCode::Connection, Tr::tr("The host is not connected."));
    virDomainPtr *doms = nullptr;
    const int count = virConnectListAllDomains(conn, &doms, 0);
    if (count < 0)
        return fail(ErrorCode::Generic, Tr::tr("Cannot list the VMs."), Virt::lastVirtError());
    Virt::DomainList list(doms, count);
    QStringList users;
    for (int i = 0; i < list.size(); ++i) {
        Virt::CString xml(virDomainGetXMLDesc(list[i], VIR_DOMAIN_XML_INACTIVE));
        if (!xml)
            continue;
        bool uses = false;
        for (QString file : domainFiles(QString::fromUtf8(xml.get()))) {
            // Follow the volume's backing chain (a qcow2 overlay in corral-vms on a base image).
            for (int hop = 0; hop < 16 && !file.isEmpty() && !uses; ++hop) {
                if (file == path) {
                    uses = true;
                    break;
                }
                Virt::StorageVolPtr vol(virStorageVolLookupByPath(conn, file.toUtf8().constData()));
                if (!vol)
                    break;
                Virt::CString volXml(virStorageVolGetXMLDesc(vol.get(), 0));
                file = volXml ? backingPath(QString::fromUtf8(volXml.get())) : QString();
            }
            if (uses)
                break;
        }
        virResetLastError();
        if (uses)
            users.append(QString::fromUtf8(virDomainGetName(list[i])));
    }
    users.sort();
    return users;
}

Result<void> deleteVolume(virConnectPtr conn, const QString &pool, const QString &volume,
                          const QString &hostLabel)
{
    auto found = activePool(conn, pool, hostLabel);
    if (!found)
        return std::unexpected(found.error());
    Virt::StoragePoolPtr p = std::move(*found);
    Virt::StorageVolPtr vol(virStorageVolLookupByName(p.get(), volume.toUtf8().constData()));
    if (!vol)
        return {}; // already gone
    if (virStorageVolDelete(vol.get(), 0) != 0) {
        return fail(ErrorCode::Generic,
                    Tr::tr("Cannot delete %1 from the pool %2 on %3.").arg(volume, pool, hostLabel),
                    Virt::lastVirtError());
    }
    return {};
}

Result<QString> volumePath(virConnectPtr conn, const QString &pool, const QString &volume,
                           const QString &hostLabel)
{
    auto found = activePool(conn, pool, hostLabel);
    if (!found)
        return std::unexpected(found.error());
    Virt::StoragePoolPtr p = std::move(*found);
    Virt::StorageVolPtr vol(virStorageVolLookupByName(p.get(), volume.toUtf8().constData()));
    Virt::CString path(vol ? virStorageVolGetPath(vol.get()) : nullptr);
    if (!path) {
        return fail(ErrorCode::NotFound,
                    Tr::tr("Host %1 has no volume %2 in its pool %3.").arg(hostLabel, volume, pool),
                    Virt::lastVirtError());
    }
    return QString::fromUtf8(path.get());
}

Result<PoolVolume> createQcow2(virConnectPtr conn, const QString &pool, const QString &volume,
                               quint64 capacity, const QString &hostLabel,
                               const QString &backingPath, const QString &backingFormat)
{
    auto found = activePool(conn, pool, hostLabel);
    if (!found)
        return std::unexpected(found.error());
    Virt::StoragePoolPtr p = std::move(*found);
    const QString backing = backingPath.isEmpty()
        ? QString()
        : QStringLiteral("<backingStore><path>%1</path><format type='%2'/></backingStore>")
              .arg(backingPath.toHtmlEscaped(), backingFormat.toHtmlEscaped());
    const QString xml = QStringLiteral("<volume><name>%1</name><capacity unit='bytes'>%2</capacity>"
                                       "<target><format type='qcow2'/></target>%3</volume>")
                            .arg(volume.toHtmlEscaped())
                            .arg(capacity)
                            .arg(backing);
    Virt::StorageVolPtr vol(virStorageVolCreateXML(p.get(), xml.toUtf8().constData(), 0));
    if (!vol) {
        return fail(
            ErrorCode::Generic,
            Tr::tr("Cannot create the disk %1 in the pool %2 on %3.").arg(volume, pool, hostLabel),
            Virt::lastVirtError());
    }
    PoolVolume v;
    v.name = volume;
    Virt::CString path(virStorageVolGetPath(vol.get()));
    v.path = path ? QString::fromUtf8(path.get()) : QString();
    v.format = QStringLiteral("qcow2");
    v.capacity = capacity;
    virStorageVolInfo vi{};
    if (virStorageVolGetInfo(vol.get(), &vi) == 0)
        v.allocation = vi.allocation;
    return v;
}

} // namespace Corral::ImagePool
