#include "transferjob.h"

#include "util/tr.h"

#include <array>

namespace Corral {

namespace {

// The JSON/CLI words, in enum order.
constexpr std::array<const char *, 5> kindNames{"upload", "download", "copy", "create", "verify"};
constexpr std::array<const char *, 8> stateNames{
    "queued", "running", "verifying", "paused", "interrupted", "done", "failed", "cancelled"};

template<typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<const char *, N> &names, const QString &name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1StringView(names[i]))
            return Enum(i);
    }
    return std::nullopt;
}

} // namespace

QString TransferJob::kindName(Kind kind)
{
    return QString::fromLatin1(kindNames.at(std::size_t(kind)));
}

QString TransferJob::stateName(State state)
{
    return QString::fromLatin1(stateNames.at(std::size_t(state)));
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
    return fromName<Kind>(kindNames, name);
}

std::optional<TransferJob::State> TransferJob::stateFromName(const QString &name)
{
    return fromName<State>(stateNames, name);
}

} // namespace Corral
