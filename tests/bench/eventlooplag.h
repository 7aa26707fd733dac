#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace Corral::Bench {

// Measures how late the event loop of its thread serves a 10 ms repeating timer: each tick
// records (time since the previous tick) - 10 ms. A GUI stall of 80 ms shows as one sample of
// about 70 ms; an idle loop gives samples near 0. A sample belongs to the phase that was
// current at the previous tick, where the stall began, so load and steady state are reported
// apart. Lives on the thread whose loop it measures.
class EventLoopLag final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLoopLag)

public:
    static constexpr int IntervalMs = 10;

    struct Summary
    {
        qsizetype samples = 0;
        double maxMs = 0;
        double p99Ms = 0;
        qsizetype over50Ms = 0; // samples later than the 50 ms stall budget
    };

    explicit EventLoopLag(int phaseCount, QObject *parent = nullptr);

    void start();
    // Samples from now on belong to `phase` (0 .. phaseCount - 1).
    void setPhase(int phase);
    Summary summary(int phase) const;

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    int m_phase = 0;
    int m_lastPhase = 0; // the phase at the previous tick
    std::vector<std::vector<double>> m_lateMs; // per phase
};

} // namespace Corral::Bench
