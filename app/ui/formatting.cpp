#include "formatting.h"

#include <QLocale>

#include <cmath>

namespace Corral {

namespace {

// `value` in units of 1024^unit, shown in the largest unit below 1024 (up to TiB). "512 MiB",
// "1.5 GiB", "16 GiB": a decimal only where it says something.
QString binarySize(double value, int unit)
{
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    const bool whole = value == std::floor(value) || value >= 100;
    const QString number = QLocale().toString(value, 'f', whole ? 0 : 1);
    switch (unit) {
    case 0:
        return Format::tr("%1 B").arg(number);
    case 1:
        return Format::tr("%1 KiB").arg(number);
    case 2:
        return Format::tr("%1 MiB").arg(number);
    case 3:
        return Format::tr("%1 GiB").arg(number);
    default:
        return Format::tr("%1 TiB").arg(number);
    }
}

} // namespace

QString Format::kibibytes(qint64 kib)
{
    if (kib < 0)
        return {};
    return binarySize(double(kib), 1);
}

QString Format::bytes(quint64 bytes)
{
    return binarySize(double(bytes), 0);
}

QString Format::rate(double bytesPerSecond)
{
    if (bytesPerSecond < 0)
        return {};
    double value = bytesPerSecond;
    int unit = 0;
    while (value >= 999.5 && unit < 3) {
        value /= 1000;
        ++unit;
    }
    const QString number = QLocale().toString(value, 'f', unit == 0 || value >= 99.95 ? 0 : 1);
    switch (unit) {
    case 0:
        return tr("%1 B/s").arg(number);
    case 1:
        return tr("%1 kB/s").arg(number);
    case 2:
        return tr("%1 MB/s").arg(number);
    default:
        return tr("%1 GB/s").arg(number);
    }
}

int Format::naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            // Compare the numbers by value: without leading zeros, the longer is larger.
            qsizetype si = i;
            qsizetype sj = j;
            while (si < a.size() && a[si] == u'0')
                ++si;
            while (sj < b.size() && b[sj] == u'0')
                ++sj;
            qsizetype ei = si;
            qsizetype ej = sj;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            if (ei - si != ej - sj)
                return ei - si < ej - sj ? -1 : 1;
            for (qsizetype k = 0; k < ei - si; ++k) {
                if (a[si + k] != b[sj + k])
                    return a[si + k] < b[sj + k] ? -1 : 1;
            }
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded();
        const QChar cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return 0;
}

QString Format::percent(double value)
{
    if (value < 0)
        return {};
    //: Percentage, e.g. "12.5 %"
    return tr("%1 %").arg(QLocale().toString(value, 'f', value < 10 ? 1 : 0));
}

QString Format::duration(qint64 msec)
{
    const qint64 seconds = std::max<qint64>(0, msec / 1000);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString Format::timestamp(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

} // namespace Corral
