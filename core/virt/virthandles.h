#pragma once

#include <QString>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <cstdlib>
#include <memory>

namespace Corral::Virt {

// RAII owners for libvirt handles. Only core/virt includes this header: nothing above the
// virt layer ever sees a libvirt type.
struct ConnectDeleter
{
    void operator()(virConnectPtr c) const { virConnectClose(c); }
};
struct DomainDeleter
{
    void operator()(virDomainPtr d) const { virDomainFree(d); }
};
struct StorageVolDeleter
{
    void operator()(virStorageVolPtr v) const { virStorageVolFree(v); }
};
struct StoragePoolDeleter
{
    void operator()(virStoragePoolPtr p) const { virStoragePoolFree(p); }
};
struct SnapshotDeleter
{
    void operator()(virDomainSnapshotPtr s) const { virDomainSnapshotFree(s); }
};
struct FreeDeleter
{
    void operator()(void *p) const { std::free(p); }
};
struct StatsListDeleter
{
    void operator()(virDomainStatsRecordPtr *list) const { virDomainStatsRecordListFree(list); }
};

using ConnectPtr = std::unique_ptr<virConnect, ConnectDeleter>;
using DomainPtr = std::unique_ptr<virDomain, DomainDeleter>;
using StorageVolPtr = std::unique_ptr<virStorageVol, StorageVolDeleter>;
using StoragePoolPtr = std::unique_ptr<virStoragePool, StoragePoolDeleter>;
using SnapshotPtr = std::unique_ptr<virDomainSnapshot, SnapshotDeleter>;
using CString = std::unique_ptr<char, FreeDeleter>;
using StatsList = std::unique_ptr<virDomainStatsRecordPtr, StatsListDeleter>;

// An array of domains from virConnectListAllDomains, each freed with it.
class DomainList final
{
public:
    DomainList() = default;
    DomainList(virDomainPtr *doms, int count)
        : m_doms(doms)
        , m_count(count < 0 ? 0 : count)
    { }
    ~DomainList()
    {
        for (int i = 0; i < m_count; ++i)
            virDomainFree(m_doms[i]);
        std::free(m_doms);
    }
    DomainList(const DomainList &) = delete;
    DomainList &operator=(const DomainList &) = delete;

    int size() const { return m_count; }
    virDomainPtr operator[](int i) const { return m_doms[i]; }

private:
    virDomainPtr *m_doms = nullptr;
    int m_count = 0;
};

// The last libvirt error of this thread, as text for logs and error details.
inline QString lastVirtError()
{
    virErrorPtr err = virGetLastError();
    if (!err || !err->message)
        return QStringLiteral("unknown libvirt error");
    return QString::fromUtf8(err->message);
}

inline int lastVirtErrorCode()
{
    virErrorPtr err = virGetLastError();
    return err ? err->code : VIR_ERR_OK;
}

} // namespace Corral::Virt
