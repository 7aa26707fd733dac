// Decoding of what virDomainScreenshot streams: QEMU's PPM and PNG, scaled to fit keeping the
// aspect ratio. The capture itself needs a host: see tests/e2e/tst_thumbnails.cpp.
#include "virt/domainscreenshot.h"

#include <QBuffer>
#include <QTest>

using namespace Corral;

namespace {

// A binary PPM (P6) as QEMU's screendump writes it: a header, then RGB triplets.
QByteArray ppm(int width, int height, QRgb color)
{
    QByteArray data
        = "P6\n" + QByteArray::number(width) + ' ' + QByteArray::number(height) + "\n255\n";
    const char rgb[3] = {char(qRed(color)), char(qGreen(color)), char(qBlue(color))};
    for (int i = 0; i < width * height; ++i)
        data.append(rgb, 3);
    return data;
}

QByteArray png(int width, int height, QRgb color)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return data;
}

} // namespace

class tst_DomainScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<QSize>("maxSize");
        QTest::addColumn<QSize>("expected");

        const QRgb teal = qRgb(0, 128, 128);
        QTest::newRow("ppm, fits") << ppm(64, 40, teal) << QStringLiteral("image/x-portable-pixmap")
                                   << QSize(320, 240) << QSize(64, 40);
        QTest::newRow("ppm, 720x400 text mode scaled")
            << ppm(720, 400, teal) << QStringLiteral("image/x-portable-pixmap") << QSize(320, 240)
            << QSize(320, 177);
        QTest::newRow("ppm, tall")
            << ppm(300, 600, teal) << QStringLiteral("image/x-portable-pixmap") << QSize(320, 240)
            << QSize(120, 240);
        QTest::newRow("png") << png(1024, 768, teal) << QStringLiteral("image/png")
                             << QSize(320, 240) << QSize(320, 240);
        QTest::newRow("wrong type named")
            << png(200, 100, teal) << QStringLiteral("image/x-portable-pixmap") << QSize(100, 100)
            << QSize(100, 50);
        QTest::newRow("no limit") << ppm(800, 600, teal)
                                  << QStringLiteral("image/x-portable-pixmap") << QSize()
                                  << QSize(800, 600);
    }

    void decode()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, mime);
        QFETCH(QSize, maxSize);
        QFETCH(QSize, expected);
        const auto image = DomainScreenshot::decode(data, mime, maxSize);
        QVERIFY2(image, qPrintable(image ? QString() : image.error().fullText()));
        QCOMPARE(image->size(), expected);
        QCOMPARE(QColor(image->pixel(image->width() / 2, image->height() / 2)),
                 QColor(0, 128, 128));
    }

    void garbageIsAnError()
    {
        const auto image
            = DomainScreenshot::decode(QByteArray("P6\n12 nonsense"),
                                       QStringLiteral("image/x-portable-pixmap"), QSize(320, 240));
        QVERIFY(!image);
        QCOMPARE(image.error().code, ErrorCode::OperationFailed);
        QVERIFY(!image.error().message.isEmpty());
    }

    void noConnectionIsOffline()
    {
        const auto image = DomainScreenshot::capture(nullptr, QUuid::createUuid(), {320, 240});
        QVERIFY(!image);
        QCOMPARE(image.error().code, ErrorCode::Offline);
    }
};

QTEST_GUILESS_MAIN(tst_DomainScreenshot)
#include "tst_domainscreenshot.moc"
