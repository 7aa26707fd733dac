#pragma once

#include "util/result.h"

#include <QImage>
#include <QSize>
#include <QUuid>

typedef struct _virConnect *virConnectPtr;

namespace Corral::DomainScreenshot {

// The largest screen dump accepted from a host (a 5K display as PPM is ~44 MiB).
inline constexpr qsizetype MaxBytes = 64 * 1024 * 1024;

// The encoded image a host sent, as it sent it.
struct Encoded
{
    QByteArray data;
    QString mimeType; // "image/x-portable-pixmap" (QEMU), "image/png"
};

// Captures the first screen of a running domain (virDomainScreenshot), reading the image
// through a blocking libvirt stream, and scales it down to fit `maxSize` keeping its aspect
// ratio (an invalid `maxSize` keeps the full size). Blocks on the network: call it on the
// host session's thread only (Fleet::runOnHost). QEMU sends PPM, newer versions PNG.
// Errors: Offline (no connection), NotFound (no such domain), Unsupported (not running),
// OperationFailed (no display, the stream failed, or data that is not an image).
Result<QImage> capture(virConnectPtr conn, const QUuid &uuid, QSize maxSize);

// The two halves of capture(): fetch() talks to the host (its thread only); decode() is pure
// and may run on any thread, so that a large screen is not decoded on the host's thread.
Result<Encoded> fetch(virConnectPtr conn, const QUuid &uuid);
Result<QImage> decode(const QByteArray &data, const QString &mimeType, QSize maxSize);

} // namespace Corral::DomainScreenshot
