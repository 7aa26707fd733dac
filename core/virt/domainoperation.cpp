#include "domainoperation.h"

#include "domainxml.h"

#include <QFile>

namespace Corral::Virt {

Result<void> DomainOperation::run(virConnectPtr conn, const QString &hostName, VmOperation op,
                                  const QUuid &uuid, bool withStorage, QString *vmName)
{
    const QByteArray text = uuid.toString(QUuid::WithoutBraces).toLatin1();
    DomainPtr dom(virDomainLookupByUUIDString(conn, text.constData()));
    if (!dom) {
        return fail(ErrorCode::NotFound, tr("The VM no longer exists on %1.").arg(hostName),
                    lastVirtError());
    }
    *vmName = QString::fromUtf8(virDomainGetName(dom.get()));
    virDomainPtr d = dom.get();

    int rc = 0;
    switch (op) {
    case VmOperation::Start:
        rc = virDomainCreate(d);
        break;
    case VmOperation::Shutdown:
        rc = virDomainShutdown(d);
        break;
    case VmOperation::PowerOff:
        rc = virDomainDestroy(d);
        break;
    case VmOperation::Reboot:
        rc = virDomainReboot(d, 0);
        break;
    case VmOperation::Suspend:
        rc = virDomainSuspend(d);
        break;
    case VmOperation::Resume:
        rc = virDomainResume(d);
        break;
    case VmOperation::Delete: {
        QList<DomainXml::DiskSource> disks;
        if (withStorage) {
            CString xml(virDomainGetXMLDesc(d, VIR_DOMAIN_XML_INACTIVE));
            if (!xml) {
                return fail(ErrorCode::OperationFailed,
                            tr("Cannot read the disks of %1.").arg(*vmName), lastVirtError());
            }
            disks = DomainXml::ownedDisks(QString::fromUtf8(xml.get()));
        }
        if (auto removed = destroyAndUndefine(d, *vmName); !removed)
            return removed;
        QStringList failed;
        for (const auto &disk : std::as_const(disks)) {
            StorageVolPtr vol;
            if (!disk.volume.isEmpty()) {
                StoragePoolPtr pool(
                    virStoragePoolLookupByName(conn, disk.pool.toUtf8().constData()));
                if (pool)
                    vol.reset(
                        virStorageVolLookupByName(pool.get(), disk.volume.toUtf8().constData()));
            } else {
                vol.reset(
                    virStorageVolLookupByPath(conn, QFile::encodeName(disk.file).constData()));
            }
            const QString what = disk.volume.isEmpty() ? disk.file : disk.pool + u'/' + disk.volume;
            if (!vol || virStorageVolDelete(vol.get(), 0) < 0)
                failed.append(what + QStringLiteral(" (") + lastVirtError() + u')');
        }
        if (!failed.isEmpty()) {
            return fail(ErrorCode::OperationFailed,
                        tr("%1 was deleted, but %n of its disks could not be: delete them "
                           "on the host.",
                           nullptr, int(failed.size()))
                            .arg(*vmName),
                        failed.join(QStringLiteral("; ")));
        }
        return {};
    }
    }
    if (rc < 0) {
        return fail(ErrorCode::OperationFailed,
                    tr("%1 %2 failed: %3").arg(vmOperationLabel(op), *vmName, lastVirtError()));
    }
    return {};
}

Result<void> DomainOperation::destroyAndUndefine(virDomainPtr d, const QString &vmName)
{
    if (virDomainIsActive(d) == 1 && virDomainDestroy(d) < 0) {
        return fail(ErrorCode::OperationFailed,
                    tr("Cannot power off %1 before deleting it.").arg(vmName), lastVirtError());
    }
    const unsigned flags = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE
        | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA | VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA
        | VIR_DOMAIN_UNDEFINE_NVRAM;
    if (virDomainIsPersistent(d) == 1 && virDomainUndefineFlags(d, flags) < 0) {
        // Drivers without NVRAM or checkpoints refuse those flags; ask for less.
        const unsigned basic
            = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA;
        if (lastVirtErrorCode() != VIR_ERR_INVALID_ARG || virDomainUndefineFlags(d, basic) < 0) {
            return fail(ErrorCode::OperationFailed,
                        tr("Cannot delete %1: %2").arg(vmName, lastVirtError()));
        }
    }
    return {};
}

} // namespace Corral::Virt
