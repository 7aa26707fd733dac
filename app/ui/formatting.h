#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Corral {

// Human-readable numbers for the views: sizes, rates, durations. Locale-aware.
class Format
{
    Q_DECLARE_TR_FUNCTIONS(Corral::Format)

public:
    // "4.0 GiB" from KiB; empty for a negative (unknown) value.
    static QString kibibytes(qint64 kib);
    // "512 B", "3.1 GiB" from bytes (binary units, as kibibytes()).
    static QString bytes(quint64 bytes);
    // "1.2 MB/s" (decimal units); empty for a negative (unknown) rate.
    static QString rate(double bytesPerSecond);
    // "12.5 %"; empty for a negative (unknown) value.
    static QString percent(double value);
    // "45 s", "3 min 4 s", "2 h 5 min".
    static QString duration(qint64 msec);
    // Case-insensitive comparison that orders digit runs by value: "vm2" < "vm10".
    static int naturalCompare(QStringView a, QStringView b);
    // Local wall-clock time of a UTC timestamp, with the date when it is not today.
    static QString timestamp(const QDateTime &utc);
};

} // namespace Corral
