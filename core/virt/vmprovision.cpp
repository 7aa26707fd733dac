#include "vmprovision.h"

#include "domainoperation.h"
#include "imagepool.h"
#include "util/logging.h"
#include "virthandles.h"
#include "vmmetadata.h"

#include <QDateTime>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <QXmlStreamReader>

namespace Corral::VmProvision {

using namespace Virt;

namespace {

// The <timestamps><ctime> (else mtime) of a volume's XML, seconds since the epoch.
qint64 volumeTime(const QString &xml)
{
    QXmlStreamReader reader(xml);
    qint64 ctime = 0, mtime = 0;
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == u"ctime")
            ctime = qint64(reader.readElementText().toDouble());
        else if (reader.name() == u"mtime")
            mtime = qint64(reader.readElementText().toDouble());
    }
    return ctime > 0 ? ctime : mtime;
}

Error notConnected(const QString &hostLabel)
{
    return Error{ErrorCode::Offline,
                 Tr::tr("Host %1 is not connected: wait for it to come back.").arg(hostLabel),
                 {}};
}

} // namespace

std::optional<VmMetadata> readMetadata(virDomainPtr dom)
{
    CString text(virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT,
                                      VmMetadataXml::NamespaceUri, VIR_DOMAIN_AFFECT_CURRENT));
    if (!text)
        return std::nullopt; // none (VIR_ERR_NO_DOMAIN_METADATA), or the domain went away
    // "<vm><namespace>..." comes back bare: put it into Corral's namespace for the parser.
    QString xml = QString::fromUtf8(text.get()).trimmed();
    if (xml.startsWith(u"<vm") && !xml.startsWith(u"<vm:")) {
        xml.insert(3, QStringLiteral(" xmlns=\"%1\"")
                          .arg(QLatin1StringView(VmMetadataXml::NamespaceUri)));
    }
    return VmMetadataXml::parse(xml);
}

QString domainType(virConnectPtr conn)
{
    CString caps(virConnectGetDomainCapabilities(conn, nullptr, "x86_64", nullptr, "kvm", 0));
    return caps ? QStringLiteral("kvm") : QStringLiteral("qemu");
}

Result<bool> tryLock(virConnectPtr conn, const QString &hostLabel)
{
    if (!conn)
        return std::unexpected(notConnected(hostLabel));
    StoragePoolPtr pool(virStoragePoolLookupByName(conn, VmPool));
    if (!pool || virStoragePoolIsActive(pool.get()) != 1) {
        return fail(ErrorCode::NotFound,
                    Tr::tr("Host %1 has no active storage pool %2 for VM disks: create it like "
                           "corral-images (see the README).")
                        .arg(hostLabel, QLatin1StringView(VmPool)),
                    lastVirtError());
    }
    const QByteArray xml = QByteArrayLiteral("<volume><name>") + LockVolume
        + QByteArrayLiteral("</name><capacity unit='bytes'>0</capacity>"
                            "<target><format type='raw'/></target></volume>");
    StorageVolPtr vol(virStorageVolCreateXML(pool.get(), xml.constData(), 0));
    if (vol)
        return true;
    if (lastVirtErrorCode() != VIR_ERR_STORAGE_VOL_EXIST) {
        return fail(ErrorCode::OperationFailed,
                    Tr::tr("Cannot take the deploy lock on %1.").arg(hostLabel), lastVirtError());
    }
    StorageVolPtr held(virStorageVolLookupByName(pool.get(), LockVolume));
    CString heldXml(held ? virStorageVolGetXMLDesc(held.get(), 0) : nullptr);
    const qint64 since = heldXml ? volumeTime(QString::fromUtf8(heldXml.get())) : 0;
    const qint64 age = QDateTime::currentSecsSinceEpoch() - since;
    if (held && since > 0 && age > LockStaleSeconds) {
        qCWarning(lcVirt).noquote() << hostLabel << "breaking a deploy lock left" << age
                                    << "s ago by a console that is gone";
        virStorageVolDelete(held.get(), 0);
    }
    return false;
}

void unlock(virConnectPtr conn)
{
    if (!conn)
        return;
    StoragePoolPtr pool(virStoragePoolLookupByName(conn, VmPool));
    StorageVolPtr vol(pool ? virStorageVolLookupByName(pool.get(), LockVolume) : nullptr);
    if (vol && virStorageVolDelete(vol.get(), 0) < 0)
        qCWarning(lcVirt) << "cannot release the deploy lock:" << lastVirtError();
}

Result<HostLoad> load(virConnectPtr conn, const QString &portAddress, const QString &hostLabel)
{
    if (!conn)
        return std::unexpected(notConnected(hostLabel));
    virDomainPtr *raw = nullptr;
    const int n = virConnectListAllDomains(conn, &raw, 0);
    if (n < 0) {
        return fail(ErrorCode::Connection, Tr::tr("Cannot list the VMs of %1.").arg(hostLabel),
                    lastVirtError());
    }
    DomainList doms(raw, n);
    HostLoad load;
    for (int i = 0; i < doms.size(); ++i) {
        virDomainPtr d = doms[i];
        load.names.insert(QString::fromUtf8(virDomainGetName(d)));
        if (virDomainIsActive(d) == 1) {
            virDomainInfo info{};
            if (virDomainGetInfo(d, &info) == 0) {
                load.vcpus += info.nrVirtCpu;
                load.memoryMiB += qint64(info.maxMem / 1024);
            }
        }
        if (const auto m = readMetadata(d)) {
            for (const PortMapping &p : std::as_const(m->ports)) {
                if (p.address == portAddress)
                    load.usedPorts.insert(p.hostPort);
            }
        }
    }
    return load;
}

Result<QUuid> defineAndStart(virConnectPtr conn, const QString &xml, const QString &vmName,
                             const QString &hostLabel)
{
    return defineAndStartAll(conn, {xml}, {vmName}, hostLabel).first();
}

QList<Result<QUuid>> defineAndStartAll(virConnectPtr conn, const QStringList &xmls,
                                       const QStringList &vmNames, const QString &hostLabel)
{
    QList<Result<QUuid>> results;
    std::vector<DomainPtr> doms(xmls.size());
    for (qsizetype i = 0; i < xmls.size(); ++i) {
        if (!conn) {
            results.append(std::unexpected(notConnected(hostLabel)));
            continue;
        }
        doms[i].reset(virDomainDefineXML(conn, xmls[i].toUtf8().constData()));
        if (!doms[i]) {
            results.append(fail(ErrorCode::OperationFailed,
                                Tr::tr("%1 refused the definition of %2: %3")
                                    .arg(hostLabel, vmNames[i], lastVirtError())));
            continue;
        }
        char uuid[VIR_UUID_STRING_BUFLEN];
        virDomainGetUUIDString(doms[i].get(), uuid);
        results.append(QUuid::fromString(QLatin1StringView(uuid)));
    }
    // libvirt connections take calls from several threads at once; the daemon starts the
    // QEMUs side by side.
    QList<int> defined;
    for (int i = 0; i < int(doms.size()); ++i) {
        if (doms[i])
            defined.append(i);
    }
    QList<QString> startErrors(xmls.size());
    auto start = [&](int i) {
        if (virDomainCreate(doms[i].get()) < 0)
            startErrors[i] = lastVirtError(); // libvirt's last error is per thread
    };
    if (defined.size() > 1) {
        static QThreadPool *pool = [] {
            auto *p = new QThreadPool; // for the process' life: hosts may start VMs until exit
            p->setMaxThreadCount(8);
            return p;
        }();
        QtConcurrent::blockingMap(pool, defined, start);
    } else {
        for (int i : std::as_const(defined))
            start(i);
    }
    for (int i : std::as_const(defined)) {
        if (startErrors[i].isEmpty())
            continue;
        if (auto removed = Virt::DomainOperation::destroyAndUndefine(doms[i].get(), vmNames[i]);
            !removed) {
            qCWarning(lcVirt).noquote() << removed.error().fullText();
        }
        results[i] = fail(ErrorCode::OperationFailed,
                          Tr::tr("%1 could not start %2: %3")
                              .arg(hostLabel, vmNames[i], startErrors[i]),
                          startErrors[i]);
    }
    return results;
}

Result<void> remove(virConnectPtr conn, const QUuid &uuid, const QStringList &volumes,
                    const QString &hostLabel)
{
    if (!conn)
        return std::unexpected(notConnected(hostLabel));
    if (!uuid.isNull()) {
        const QByteArray text = uuid.toByteArray(QUuid::WithoutBraces);
        DomainPtr dom(virDomainLookupByUUIDString(conn, text.constData()));
        if (dom) {
            const QString name = QString::fromUtf8(virDomainGetName(dom.get()));
            if (auto removed = Virt::DomainOperation::destroyAndUndefine(dom.get(), name);
                !removed) {
                return removed;
            }
        } else if (lastVirtErrorCode() != VIR_ERR_NO_DOMAIN) {
            return fail(ErrorCode::Connection,
                        Tr::tr("Cannot look up a VM on %1.").arg(hostLabel), lastVirtError());
        }
    }
    for (const QString &volume : volumes) {
        if (auto deleted = ImagePool::deleteVolume(conn, QLatin1StringView(VmPool), volume,
                                                   hostLabel);
            !deleted) {
            return deleted;
        }
    }
    return {};
}

} // namespace Corral::VmProvision
