#include "imageprobe.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace Corral {

namespace {

constexpr quint32 Qcow2Magic = 0x514649fb; // "QFI\xfb"
constexpr qsizetype IsoDescriptor = 0x8000;  // sector 16 of 2048-byte sectors
constexpr quint64 SectorSize = 512;

quint32 be32(QByteArrayView b, qsizetype at)
{
    return qFromBigEndian<quint32>(b.data() + at);
}
quint64 be64(QByteArrayView b, qsizetype at)
{
    return qFromBigEndian<quint64>(b.data() + at);
}

Result<ImageProbe> probeQcow2(QByteArrayView head, quint64 fileSize)
{
    // Version 2 headers are 72 bytes; version 3 says its length at offset 100.
    if (head.size() < 72 || fileSize < 72)
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("The file starts like a qcow2 image but is cut off inside its header. "
                           "Copy it again from the original."));
    const quint32 version = be32(head, 4);
    if (version != 2 && version != 3)
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("The file is a qcow2 image of version %1; only versions 2 and 3 are "
                           "supported. Convert it with: qemu-img convert -O qcow2 IN OUT")
                        .arg(version));
    const quint32 clusterBits = be32(head, 20);
    if (clusterBits < 9 || clusterBits > 21)
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("The qcow2 header is damaged (cluster size 2^%1). Check the file with "
                           "qemu-img check.")
                        .arg(clusterBits));
    const quint64 headerLength = version == 3 && head.size() >= 104 ? be32(head, 100) : 72;
    // A qcow2 image holds at least its header cluster; less means the copy was cut short.
    if (fileSize < qMax<quint64>(headerLength, quint64(1) << clusterBits))
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("The qcow2 image is truncated (%1 bytes, less than one cluster). Copy "
                           "it again from the original.")
                        .arg(fileSize));
    ImageProbe p;
    p.format = ImageProbe::Format::Qcow2;
    p.kind = ImageProbe::Kind::Disk;
    p.virtualSize = be64(head, 24);
    p.fileSize = fileSize;
    return p;
}

std::optional<Result<ImageProbe>> probeIso(QByteArrayView head, quint64 fileSize)
{
    if (head.size() < IsoDescriptor + 0x90)
        return std::nullopt;
    const QByteArrayView pvd = head.sliced(IsoDescriptor);
    if (pvd.at(0) != 1 || pvd.sliced(1, 5) != QByteArrayView("CD001") || pvd.at(6) != 1)
        return std::nullopt;
    const quint64 blocks = qFromLittleEndian<quint32>(pvd.data() + 0x50);
    const quint64 blockSize = qFromLittleEndian<quint16>(pvd.data() + 0x80);
    const quint64 size = blocks * blockSize;
    if (blockSize == 0 || size == 0)
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("The ISO 9660 volume descriptor is damaged (no size). Download the "
                           "installer again."));
    if (fileSize < size)
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("The ISO image is truncated: its volume is %1 bytes but the file has "
                           "%2. Download it again.")
                        .arg(size)
                        .arg(fileSize));
    ImageProbe p;
    p.format = ImageProbe::Format::Iso;
    p.kind = ImageProbe::Kind::Iso;
    p.virtualSize = fileSize;
    p.fileSize = fileSize;
    return p;
}

// Formats that are disk images but not ones Corral stores as they are.
QString foreignFormat(QByteArrayView head)
{
    if (head.startsWith("KDMV") || head.startsWith("# Disk DescriptorFile"))
        return QStringLiteral("VMDK");
    if (head.startsWith("vhdxfile"))
        return QStringLiteral("VHDX");
    if (head.startsWith("conectix"))
        return QStringLiteral("VHD");
    if (head.size() >= 68 && qFromLittleEndian<quint32>(head.data() + 64) == 0xbeda107f)
        return QStringLiteral("VDI");
    return {};
}

bool looksLikeText(QByteArrayView head)
{
    const QByteArrayView start = head.first(qMin<qsizetype>(head.size(), 512));
    if (start.isEmpty())
        return false;
    for (char c : start) {
        const auto u = uchar(c);
        if (u == 0 || (u < 0x20 && u != '\n' && u != '\r' && u != '\t'))
            return false;
    }
    return true;
}

} // namespace

QString ImageProbe::formatName(Format format)
{
    switch (format) {
    case Format::Qcow2: return QStringLiteral("qcow2");
    case Format::Raw: return QStringLiteral("raw");
    case Format::Iso: return QStringLiteral("iso");
    }
    return {};
}

namespace ImageProbes {

Result<ImageProbe> probeHeader(QByteArrayView head, quint64 fileSize)
{
    if (fileSize == 0)
        return fail(ErrorCode::InvalidArgument, Tr::tr("The file is empty."));
    if (head.size() >= 4 && be32(head, 0) == Qcow2Magic)
        return probeQcow2(head, fileSize);
    if (auto iso = probeIso(head, fileSize))
        return *iso;
    if (const QString other = foreignFormat(head); !other.isEmpty())
        return fail(ErrorCode::Unsupported,
                    Tr::tr("The file is a %1 image. Convert it first: qemu-img convert -O qcow2 "
                           "IN OUT.qcow2")
                        .arg(other));
    if (looksLikeText(head))
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("The file is text, not a disk image or ISO. Choose the image file."));
    if (fileSize % SectorSize != 0)
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("The file is neither qcow2 nor ISO, and as a raw disk its size (%1 "
                           "bytes) is not a whole number of 512-byte sectors. It may be "
                           "truncated or not an image.")
                        .arg(fileSize));
    ImageProbe p;
    p.format = ImageProbe::Format::Raw;
    p.kind = ImageProbe::Kind::Disk;
    p.virtualSize = fileSize;
    p.fileSize = fileSize;
    return p;
}

Result<ImageProbe> probeFile(const QString &path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return fail(ErrorCode::NotFound, Tr::tr("%1 is not a file.").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Generic,
                    Tr::tr("Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray head = file.read(HeaderBytes);
    return probeHeader(head, quint64(file.size()));
}

QString validateName(const QString &name)
{
    static const QString rule = Tr::tr("An image name is 1 to 64 characters: letters, digits, "
                                       "\".\", \"-\" and \"_\" (not \".\" or \"..\").");
    if (name.isEmpty() || name.size() > 64 || name == u"." || name == u"..")
        return rule;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                     || (u >= u'0' && u <= u'9') || u == u'.' || u == u'-' || u == u'_';
        if (!ok)
            return rule;
    }
    return {};
}

} // namespace ImageProbes

} // namespace Corral
