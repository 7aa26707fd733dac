#include "eventlooplag.h"

#include <algorithm>
#include <cmath>

namespace Corral::Bench {

EventLoopLag::EventLoopLag(int phaseCount, QObject *parent)
    : QObject(parent)
    , m_lateMs(size_t(std::max(phaseCount, 1)))
{
    // Precise: a coarse timer may fire up to 5% early or late by design, which is noise here.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopLag::tick);
}

void EventLoopLag::start()
{
    // The first interval runs from now, so a stall right after start() is measured too.
    m_clock.start();
    m_lastNs = 0;
    m_lastPhase = m_phase;
    m_timer.start();
}

void EventLoopLag::setPhase(int phase)
{
    m_phase = std::clamp(phase, 0, int(m_lateMs.size()) - 1);
}

void EventLoopLag::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double late = double(now - m_lastNs) / 1e6 - IntervalMs;
    m_lateMs[size_t(m_lastPhase)].push_back(std::max(late, 0.0));
    m_lastNs = now;
    m_lastPhase = m_phase;
}

EventLoopLag::Summary EventLoopLag::summary(int phase) const
{
    Summary s;
    if (phase < 0 || size_t(phase) >= m_lateMs.size() || m_lateMs[size_t(phase)].empty())
        return s;
    std::vector<double> sorted = m_lateMs[size_t(phase)];
    std::sort(sorted.begin(), sorted.end());
    s.samples = qsizetype(sorted.size());
    s.maxMs = sorted.back();
    // Nearest-rank percentile.
    const auto rank = size_t(std::ceil(0.99 * double(sorted.size())));
    s.p99Ms = sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
    s.over50Ms = qsizetype(sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), 50.0));
    return s;
}

} // namespace Corral::Bench
