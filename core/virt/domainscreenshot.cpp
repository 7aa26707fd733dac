#include "domainscreenshot.h"

#include "virthandles.h"

#include <memory>

namespace Corral::DomainScreenshot {

using namespace Virt;

namespace {

constexpr size_t ChunkBytes = 256 * 1024;

// Owns a stream; a stream that did not reach its end is aborted before it is freed, so the
// host stops sending.
class Stream final
{
public:
    explicit Stream(virConnectPtr conn)
        : m_stream(virStreamNew(conn, 0))
    { }
    ~Stream()
    {
        if (!m_stream)
            return;
        if (m_started && !m_finished)
            virStreamAbort(m_stream);
        virStreamFree(m_stream);
    }
    Q_DISABLE_COPY_MOVE(Stream)

    virStreamPtr get() const { return m_stream; }
    void setStarted() { m_started = true; }
    bool finish()
    {
        m_finished = true;
        return virStreamFinish(m_stream) == 0;
    }

private:
    virStreamPtr m_stream = nullptr;
    bool m_started = false;
    bool m_finished = false;
};

const char *formatFor(const QString &mimeType)
{
    if (mimeType == u"image/png")
        return "PNG";
    if (mimeType == u"image/x-portable-pixmap" || mimeType == u"image/x-portable-anymap")
        return "PPM";
    return nullptr; // let Qt look at the bytes
}

} // namespace

Result<QImage> decode(const QByteArray &data, const QString &mimeType, QSize maxSize)
{
    QImage image;
    const char *format = formatFor(mimeType);
    // A host that names the wrong type still sends an image Qt may recognise.
    if (!image.loadFromData(data, format) && (!format || !image.loadFromData(data))) {
        return fail(ErrorCode::OperationFailed, Tr::tr("The VM's screen could not be decoded."),
                    QStringLiteral("%1, %2 bytes").arg(mimeType).arg(data.size()));
    }
    if (maxSize.isValid() && !maxSize.isEmpty()
        && (image.width() > maxSize.width() || image.height() > maxSize.height())) {
        image = image.scaled(maxSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    if (image.format() != QImage::Format_RGB32 && !image.hasAlphaChannel())
        image.convertTo(QImage::Format_RGB32);
    return image;
}

Result<QImage> capture(virConnectPtr conn, const QUuid &uuid, QSize maxSize)
{
    auto encoded = fetch(conn, uuid);
    if (!encoded)
        return std::unexpected(encoded.error());
    return decode(encoded->data, encoded->mimeType, maxSize);
}

Result<Encoded> fetch(virConnectPtr conn, const QUuid &uuid)
{
    if (!conn) {
        return fail(ErrorCode::Offline,
                    Tr::tr("The VM's host is not connected: wait for it to come back."));
    }
    const QByteArray id = uuid.toByteArray(QUuid::WithoutBraces);
    DomainPtr dom(virDomainLookupByUUIDString(conn, id.constData()));
    if (!dom) {
        return fail(ErrorCode::NotFound, Tr::tr("The VM no longer exists on its host."),
                    lastVirtError());
    }
    const QString name = QString::fromUtf8(virDomainGetName(dom.get()));
    if (virDomainIsActive(dom.get()) != 1)
        return fail(ErrorCode::Unsupported, Tr::tr("%1 is not running.").arg(name));

    Stream stream(conn);
    if (!stream.get()) {
        return fail(ErrorCode::OperationFailed, Tr::tr("Cannot read the screen of %1.").arg(name),
                    lastVirtError());
    }
    CString mime(virDomainScreenshot(dom.get(), stream.get(), 0, 0));
    if (!mime) {
        // Typically a domain without graphics or video device.
        return fail(ErrorCode::OperationFailed, Tr::tr("%1 has no display.").arg(name),
                    lastVirtError());
    }
    stream.setStarted();

    QByteArray data;
    const auto buffer = std::make_unique<char[]>(ChunkBytes);
    for (;;) {
        const int n = virStreamRecv(stream.get(), buffer.get(), ChunkBytes);
        if (n == 0)
            break;
        if (n < 0) {
            return fail(ErrorCode::OperationFailed,
                        Tr::tr("Reading the screen of %1 failed.").arg(name), lastVirtError());
        }
        if (data.size() + n > MaxBytes) {
            return fail(ErrorCode::OperationFailed,
                        Tr::tr("The screen of %1 is too large to show.").arg(name),
                        QStringLiteral("more than %1 bytes").arg(MaxBytes));
        }
        data.append(buffer.get(), n);
    }
    if (!stream.finish()) {
        return fail(ErrorCode::OperationFailed,
                    Tr::tr("Reading the screen of %1 failed.").arg(name), lastVirtError());
    }
    return Encoded{std::move(data), QString::fromUtf8(mime.get())};
}

} // namespace Corral::DomainScreenshot
