#include "procsample.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <unistd.h>

namespace Corral::Bench {

namespace {

// pid > 0: that process; 0: this process; < 0: the calling thread.
std::optional<QByteArray> readProcFile(qint64 pid, const char *name)
{
    const QString path = pid > 0
        ? QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1StringView(name))
        : pid == 0 ? QStringLiteral("/proc/self/") + QLatin1StringView(name)
                   : QStringLiteral("/proc/thread-self/") + QLatin1StringView(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    // /proc files report size 0: read until EOF.
    QByteArray data = file.readAll();
    if (data.isEmpty())
        return std::nullopt;
    return data;
}

// A number from a /proc status file: "VmRSS:	  123456 kB" -> 123456.
qint64 statusValue(const QByteArray &status, QByteArrayView key)
{
    for (const QByteArray &line : status.split('\n')) {
        if (!line.startsWith(key))
            continue;
        const QList<QByteArray> parts = line.mid(key.size()).simplified().split(' ');
        bool ok = false;
        const qint64 value = parts.value(0).toLongLong(&ok);
        return ok ? value : 0;
    }
    return 0;
}

// utime + stime of a /proc stat line, in milliseconds.
std::optional<qint64> cpuMsFromStat(const QByteArray &stat)
{
    // The command name (field 2) may hold spaces and parentheses: fields are counted from
    // the last ')'. After it come field 3 (state) ... field 14 (utime), 15 (stime).
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return std::nullopt;
    static const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    return ticks * 1000 / (ticksPerSecond > 0 ? ticksPerSecond : 100);
}

} // namespace

std::optional<ProcSample> sampleProcess(qint64 pid)
{
    const auto stat = readProcFile(pid, "stat");
    const auto status = readProcFile(pid, "status");
    if (!stat || !status)
        return std::nullopt;
    const auto cpu = cpuMsFromStat(*stat);
    if (!cpu)
        return std::nullopt;
    ProcSample sample;
    sample.cpuMs = *cpu;
    sample.rssKiB = statusValue(*status, "VmRSS:");
    sample.hwmKiB = statusValue(*status, "VmHWM:");
    return sample;
}

std::optional<ThreadSched> sampleThisThread()
{
    const auto schedstat = readProcFile(-1, "schedstat");
    const auto status = readProcFile(-1, "status");
    if (!schedstat || !status)
        return std::nullopt;
    // "<ns on cpu> <ns waiting on a runqueue> <timeslices>"
    const QList<QByteArray> fields = schedstat->simplified().split(' ');
    if (fields.size() < 2)
        return std::nullopt;
    return ThreadSched{fields.at(0).toDouble() / 1e6, fields.at(1).toDouble() / 1e6,
                       statusValue(*status, "nonvoluntary_ctxt_switches:")};
}

double cpuPercent(const ProcSample &from, const ProcSample &to, qint64 wallMs)
{
    if (wallMs <= 0)
        return 0;
    return 100.0 * double(to.cpuMs - from.cpuMs) / double(wallMs);
}

} // namespace Corral::Bench
