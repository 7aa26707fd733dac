#pragma once

#include "fleet.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <functional>
#include <optional>

namespace Corral {

// When to capture which VM's screen: the pure bookkeeping behind VmThumbnails, with time
// passed in (milliseconds of any monotonic clock), so it is tested without hosts or timers.
//
// Rules: only VMs in the visible list are captured, each at most once per period (counted
// from the end of its last capture); at most one capture per host is in flight; a host with
// several due VMs takes the one that waited longest (ties: the one shown first). A failed
// capture is retried after the longer failure period. Which VMs can be captured at all
// (running, host connected) is asked of the `eligible` predicate at every decision.
//
// Not thread-safe, not a QObject: a value owned by VmThumbnails, on its thread.
class ThumbnailSchedule final
{
public:
    using Eligible = std::function<bool(const VmKey &)>;

    void setPeriod(qint64 msec) { m_periodMs = msec; }
    qint64 period() const { return m_periodMs; }
    void setFailurePeriod(qint64 msec) { m_failurePeriodMs = msec; }
    qint64 failurePeriod() const { return m_failurePeriodMs; }

    // The VMs shown now, in view order. Returns true if the set changed.
    bool setVisible(const QList<VmKey> &keys);
    const QList<VmKey> &visible() const { return m_visible; }
    bool isVisible(const VmKey &key) const { return m_visibleSet.contains(key); }

    // The captures to start now (marked in flight), at most one per host.
    QList<VmKey> takeDue(qint64 nowMs, const Eligible &eligible);
    // A capture ended; `ok` false schedules the retry after the failure period.
    void finished(const VmKey &key, qint64 nowMs, bool ok);
    // A capture that will never report (its host went away): frees the host's slot.
    void abandonHost(qint64 hostId);
    // The VM's history is dropped: when it is eligible again it is captured at once.
    void forget(const VmKey &key);

    // When the next capture becomes due (may be <= now), or nothing while no visible,
    // eligible VM waits on a free host.
    std::optional<qint64> nextDue(const Eligible &eligible) const;

    int inFlight() const { return int(m_inFlight.size()); }
    bool isInFlight(qint64 hostId) const { return m_inFlight.contains(hostId); }
    std::optional<VmKey> inFlightOn(qint64 hostId) const;

private:
    qint64 dueAt(const VmKey &key) const;

    QList<VmKey> m_visible;
    QSet<VmKey> m_visibleSet;
    QHash<VmKey, qint64> m_due; // absent: due at once
    QHash<qint64, VmKey> m_inFlight; // host -> the VM being captured
    qint64 m_periodMs = 5000;
    qint64 m_failurePeriodMs = 60000;
};

} // namespace Corral
