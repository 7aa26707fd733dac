#pragma once

#include <QtGlobal>

#include <optional>

namespace Corral::Bench {

// One reading of a process's accounting from /proc/PID: CPU time of all its threads (user +
// system) and its resident set now and at its peak. The same reading is taken of Corral
// (itself) and of virt-manager (by the driver), so both are measured the same way.
struct ProcSample
{
    qint64 cpuMs = 0; // utime + stime, clock-tick resolution (10 ms)
    qint64 rssKiB = 0; // VmRSS
    qint64 hwmKiB = 0; // VmHWM: peak RSS since the process started
};

// Reads /proc/PID/stat and /proc/PID/status; 0 means this process. Nothing if the process is
// gone or its files cannot be read.
std::optional<ProcSample> sampleProcess(qint64 pid = 0);

// The calling thread's scheduler accounting (/proc/thread-self/schedstat and status): time on
// a CPU, time runnable but waiting for a CPU, and how often the kernel took the CPU away. A
// GUI thread that is late while it waited rather than worked was held up by a busy machine.
struct ThreadSched
{
    double cpuMs = 0;
    double runDelayMs = 0;
    qint64 preemptions = 0; // nonvoluntary_ctxt_switches
};
std::optional<ThreadSched> sampleThisThread();

// CPU use between two readings `wallMs` apart, in percent of one core.
double cpuPercent(const ProcSample &from, const ProcSample &to, qint64 wallMs);

} // namespace Corral::Bench
