#include "thumbnailschedule.h"

#include <limits>

namespace Corral {

bool ThumbnailSchedule::setVisible(const QList<VmKey> &keys)
{
    QSet<VmKey> set(keys.cbegin(), keys.cend());
    if (keys == m_visible)
        return false;
    const bool changed = set != m_visibleSet;
    m_visible = keys;
    m_visibleSet = std::move(set);
    return changed;
}

qint64 ThumbnailSchedule::dueAt(const VmKey &key) const
{
    return m_due.value(key, std::numeric_limits<qint64>::min());
}

QList<VmKey> ThumbnailSchedule::takeDue(qint64 nowMs, const Eligible &eligible)
{
    // Per free host, the visible VM that has waited longest; a stable first-wins on ties
    // keeps the view's order among VMs never captured.
    QHash<qint64, VmKey> best;
    for (const VmKey &key : std::as_const(m_visible)) {
        if (m_inFlight.contains(key.hostId))
            continue;
        const qint64 due = dueAt(key);
        if (due > nowMs)
            continue;
        auto it = best.find(key.hostId);
        if (it != best.end() && dueAt(*it) <= due)
            continue;
        if (!eligible(key))
            continue;
        best.insert(key.hostId, key);
    }
    QList<VmKey> started;
    started.reserve(best.size());
    // In view order, so the first visible VMs are asked for first.
    for (const VmKey &key : std::as_const(m_visible)) {
        auto it = best.find(key.hostId);
        if (it == best.end() || !(*it == key))
            continue;
        m_inFlight.insert(key.hostId, key);
        started.append(key);
        best.erase(it);
    }
    return started;
}

void ThumbnailSchedule::finished(const VmKey &key, qint64 nowMs, bool ok)
{
    auto it = m_inFlight.find(key.hostId);
    if (it != m_inFlight.end() && *it == key)
        m_inFlight.erase(it);
    m_due.insert(key, nowMs + (ok ? m_periodMs : m_failurePeriodMs));
}

void ThumbnailSchedule::abandonHost(qint64 hostId)
{
    m_inFlight.remove(hostId);
}

void ThumbnailSchedule::forget(const VmKey &key)
{
    m_due.remove(key);
}

std::optional<qint64> ThumbnailSchedule::nextDue(const Eligible &eligible) const
{
    std::optional<qint64> next;
    for (const VmKey &key : std::as_const(m_visible)) {
        if (m_inFlight.contains(key.hostId))
            continue;
        const qint64 due = dueAt(key);
        if (next && *next <= due)
            continue;
        if (eligible(key))
            next = due;
    }
    return next;
}

std::optional<VmKey> ThumbnailSchedule::inFlightOn(qint64 hostId) const
{
    auto it = m_inFlight.constFind(hostId);
    if (it == m_inFlight.cend())
        return std::nullopt;
    return *it;
}

} // namespace Corral
