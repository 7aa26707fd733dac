#pragma once

#include "util/result.h"

#include <QByteArrayView>
#include <QString>

namespace Corral {

// What a disk image or installer file is, found from its content (never its extension).
struct ImageProbe
{
    enum class Format : quint8 { Qcow2, Raw, Iso };
    enum class Kind : quint8 { Disk, Iso };

    Format format = Format::Raw;
    Kind kind = Kind::Disk;
    quint64 virtualSize = 0; // what the guest sees
    quint64 fileSize = 0;    // bytes in the file

    static QString formatName(Format format); // "qcow2", "raw", "iso"
};

namespace ImageProbes {

// How many bytes from the start of a file probeHeader() needs (the ISO 9660 primary volume
// descriptor ends there).
inline constexpr qsizetype HeaderBytes = 0x8800;

// Identifies an image from its first bytes (up to HeaderBytes) and its size: a qcow2 header
// (version 2 or 3), an ISO 9660 primary volume descriptor at 32 KiB, else a raw disk whose size
// is a whole number of 512-byte sectors. Truncated images, other formats (VMDK, VDI, VHD/VHDX)
// and files that are plainly not disks are refused with what to do.
Result<ImageProbe> probeHeader(QByteArrayView head, quint64 fileSize);
// Same, reading the file's first bytes. Blocking: call it off the GUI thread.
Result<ImageProbe> probeFile(const QString &path);

// Empty when `name` is a valid image name (letters, digits, ".", "-", "_"; 1–64 characters,
// not "." or ".."), else the rule, for the error message.
QString validateName(const QString &name);

} // namespace ImageProbes

} // namespace Corral
