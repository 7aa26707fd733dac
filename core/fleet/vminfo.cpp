#include "vminfo.h"

#include "util/result.h"

namespace Corral {

QString vmStateKey(VmState state)
{
    switch (state) {
    case VmState::NoState:
        return QStringLiteral("nostate");
    case VmState::Running:
        return QStringLiteral("running");
    case VmState::Blocked:
        return QStringLiteral("blocked");
    case VmState::Paused:
        return QStringLiteral("paused");
    case VmState::ShuttingDown:
        return QStringLiteral("shutdown");
    case VmState::Shutoff:
        return QStringLiteral("shutoff");
    case VmState::Crashed:
        return QStringLiteral("crashed");
    case VmState::PmSuspended:
        return QStringLiteral("pmsuspended");
    }
    return QStringLiteral("nostate");
}

QString vmStateLabel(VmState state)
{
    switch (state) {
    case VmState::NoState:
        return Tr::tr("Unknown");
    case VmState::Running:
        return Tr::tr("Running");
    case VmState::Blocked:
        return Tr::tr("Blocked");
    case VmState::Paused:
        return Tr::tr("Paused");
    case VmState::ShuttingDown:
        return Tr::tr("Shutting down");
    case VmState::Shutoff:
        return Tr::tr("Shut off");
    case VmState::Crashed:
        return Tr::tr("Crashed");
    case VmState::PmSuspended:
        return Tr::tr("Suspended (guest)");
    }
    return Tr::tr("Unknown");
}

bool vmStateIsActive(VmState state)
{
    switch (state) {
    case VmState::Running:
    case VmState::Blocked:
    case VmState::Paused:
    case VmState::ShuttingDown:
    case VmState::PmSuspended:
        return true;
    case VmState::NoState:
    case VmState::Shutoff:
    case VmState::Crashed:
        return false;
    }
    return false;
}

} // namespace Corral
