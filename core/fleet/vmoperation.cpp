#include "vmoperation.h"

#include "util/result.h"

#include <array>

namespace Corral {

namespace {
struct OpName
{
    VmOperation op;
    const char16_t *key;
};
constexpr std::array opNames{
    OpName{VmOperation::Start, u"start"},       OpName{VmOperation::Shutdown, u"shutdown"},
    OpName{VmOperation::PowerOff, u"poweroff"}, OpName{VmOperation::Reboot, u"reboot"},
    OpName{VmOperation::Suspend, u"suspend"},   OpName{VmOperation::Resume, u"resume"},
    OpName{VmOperation::Delete, u"delete"},
};
} // namespace

QString vmOperationKey(VmOperation op)
{
    for (const auto &n : opNames) {
        if (n.op == op)
            return QString::fromUtf16(n.key);
    }
    return {};
}

bool parseVmOperation(const QString &key, VmOperation *op)
{
    for (const auto &n : opNames) {
        if (key == QStringView(n.key)) {
            *op = n.op;
            return true;
        }
    }
    return false;
}

QString vmOperationLabel(VmOperation op)
{
    switch (op) {
    case VmOperation::Start:
        return Tr::tr("Start");
    case VmOperation::Shutdown:
        return Tr::tr("Shut Down");
    case VmOperation::PowerOff:
        return Tr::tr("Power Off");
    case VmOperation::Reboot:
        return Tr::tr("Reboot");
    case VmOperation::Suspend:
        return Tr::tr("Suspend");
    case VmOperation::Resume:
        return Tr::tr("Resume");
    case VmOperation::Delete:
        return Tr::tr("Delete");
    }
    return {};
}

} // namespace Corral
