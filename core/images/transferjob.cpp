#include "transferjob.h"

#include "util/tr.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

constexpr std::array kinds{TransferJob::Kind::Upload, TransferJob::Kind::Download,
                           TransferJob::Kind::Copy, TransferJob::Kind::CreateEmpty,
                           TransferJob::Kind::Verify};
constexpr std::array states{TransferJob::State::Queued,      TransferJob::State::Running,
                            TransferJob::State::Verifying,   TransferJob::State::Paused,
                            TransferJob::State::Interrupted, TransferJob::State::Done,
                            TransferJob::State::Failed,      TransferJob::State::Cancelled};

} // namespace

QString TransferJob::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Upload:
        return u"upload"_s;
    case Kind::Download:
        return u"download"_s;
    case Kind::Copy:
        return u"copy"_s;
    case Kind::CreateEmpty:
        return u"create"_s;
    case Kind::Verify:
        return u"verify"_s;
    }
    return {};
}

QString TransferJob::stateName(State state)
{
    switch (state) {
    case State::Queued:
        return u"queued"_s;
    case State::Running:
        return u"running"_s;
    case State::Verifying:
        return u"verifying"_s;
    case State::Paused:
        return u"paused"_s;
    case State::Interrupted:
        return u"interrupted"_s;
    case State::Done:
        return u"done"_s;
    case State::Failed:
        return u"failed"_s;
    case State::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

QString TransferJob::stateLabel(State state)
{
    switch (state) {
    case State::Queued:
        return Tr::tr("Queued");
    case State::Running:
        return Tr::tr("Transferring");
    case State::Verifying:
        return Tr::tr("Verifying");
    case State::Paused:
        return Tr::tr("Paused");
    case State::Interrupted:
        return Tr::tr("Interrupted (resumable)");
    case State::Done:
        return Tr::tr("Verified");
    case State::Failed:
        return Tr::tr("Failed");
    case State::Cancelled:
        return Tr::tr("Cancelled");
    }
    return {};
}

std::optional<TransferJob::Kind> TransferJob::kindFromName(const QString &name)
{
    for (Kind k : kinds) {
        if (kindName(k) == name)
            return k;
    }
    return std::nullopt;
}

std::optional<TransferJob::State> TransferJob::stateFromName(const QString &name)
{
    for (State s : states) {
        if (stateName(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace Corral
