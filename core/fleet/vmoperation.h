#pragma once

#include <QMetaType>
#include <QString>

namespace Corral {

// The lifecycle operations Corral runs on a VM.
enum class VmOperation : quint8 {
    Start,
    Shutdown, // graceful: ACPI power button; the task ends when the guest is off
    PowerOff, // force: pull the plug
    Reboot,
    Suspend, // pause the vCPUs
    Resume,
    Delete, // undefine; with storage also deletes the VM's own disk volumes
};

QString vmOperationKey(VmOperation op); // "start", "shutdown", "poweroff", ...
QString vmOperationLabel(VmOperation op); // translated verb: "Start", "Shut Down", ...
bool parseVmOperation(const QString &key, VmOperation *op);

} // namespace Corral

Q_DECLARE_METATYPE(Corral::VmOperation)
