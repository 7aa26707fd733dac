// Image format probing on real files made by qemu-img and xorriso, and image name rules.
#include "images/imageprobe.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Corral;

class tst_ImageProbe : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool tool(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        const bool ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit
                     && p.exitCode() == 0;
        if (!ok)
            qWarning().noquote() << program << args << p.readAll();
        return ok;
    }
    // A copy of `source` cut to its first `bytes` bytes.
    QString truncated(const QString &source, qint64 bytes)
    {
        QFile in(source);
        if (!in.open(QIODevice::ReadOnly))
            return {};
        const QString out = source + QStringLiteral(".cut");
        QFile o(out);
        if (!o.open(QIODevice::WriteOnly))
            return {};
        o.write(in.read(bytes));
        return out;
    }

private Q_SLOTS:
    void qcow2()
    {
        QVERIFY(tool(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"),
                                                  QStringLiteral("-f"), QStringLiteral("qcow2"),
                                                  path(QStringLiteral("disk.img")), QStringLiteral("3G")}));
        auto p = ImageProbes::probeFile(path(QStringLiteral("disk.img")));
        QVERIFY2(p.has_value(), p ? "" : qPrintable(p.error().message));
        QCOMPARE(p->format, ImageProbe::Format::Qcow2);
        QCOMPARE(p->kind, ImageProbe::Kind::Disk);
        QCOMPARE(p->virtualSize, quint64(3) << 30);
        QCOMPARE(p->fileSize, quint64(QFile(path(QStringLiteral("disk.img"))).size()));

        // Version 2 (compat 0.10), named .iso on purpose: the content decides.
        QVERIFY(tool(QStringLiteral("qemu-img"),
                     {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                      QStringLiteral("qcow2"), QStringLiteral("-o"), QStringLiteral("compat=0.10"),
                      path(QStringLiteral("old.iso")), QStringLiteral("1M")}));
        p = ImageProbes::probeFile(path(QStringLiteral("old.iso")));
        QVERIFY(p.has_value());
        QCOMPARE(p->format, ImageProbe::Format::Qcow2);
        QCOMPARE(p->virtualSize, quint64(1) << 20);
    }

    void qcow2Truncated()
    {
        QVERIFY(tool(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"),
                                                  QStringLiteral("-f"), QStringLiteral("qcow2"),
                                                  path(QStringLiteral("t.qcow2")), QStringLiteral("1G")}));
        for (qint64 bytes : {4, 50, 4096}) {
            const auto p = ImageProbes::probeFile(truncated(path(QStringLiteral("t.qcow2")), bytes));
            QVERIFY2(!p.has_value(), qPrintable(QString::number(bytes)));
            QVERIFY2(p.error().message.contains(u"qcow2"), qPrintable(p.error().message));
        }
    }

    void iso()
    {
        QDir().mkpath(path(QStringLiteral("tree")));
        QFile f(path(QStringLiteral("tree/README")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100000, 'x'));
        f.close();
        QVERIFY(tool(QStringLiteral("xorriso"),
                     {QStringLiteral("-as"), QStringLiteral("mkisofs"), QStringLiteral("-quiet"),
                      QStringLiteral("-V"), QStringLiteral("CORRAL"), QStringLiteral("-o"),
                      path(QStringLiteral("installer.img")), path(QStringLiteral("tree"))}));
        const QString iso = path(QStringLiteral("installer.img"));
        auto p = ImageProbes::probeFile(iso);
        QVERIFY2(p.has_value(), p ? "" : qPrintable(p.error().message));
        QCOMPARE(p->format, ImageProbe::Format::Iso);
        QCOMPARE(p->kind, ImageProbe::Kind::Iso);
        QCOMPARE(p->fileSize, quint64(QFile(iso).size()));

        const qint64 size = QFile(iso).size();
        p = ImageProbes::probeFile(truncated(iso, size - 4096));
        QVERIFY(!p.has_value());
        QVERIFY2(p.error().message.contains(u"truncated"), qPrintable(p.error().message));
    }

    void raw()
    {
        QVERIFY(tool(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"),
                                                  QStringLiteral("-f"), QStringLiteral("raw"),
                                                  path(QStringLiteral("disk.qcow2")), QStringLiteral("8M")}));
        auto p = ImageProbes::probeFile(path(QStringLiteral("disk.qcow2")));
        QVERIFY(p.has_value());
        QCOMPARE(p->format, ImageProbe::Format::Raw);
        QCOMPARE(p->virtualSize, quint64(8) << 20);
        // A raw disk cut mid-sector is not taken.
        p = ImageProbes::probeFile(truncated(path(QStringLiteral("disk.qcow2")), 1000));
        QVERIFY(!p.has_value());
        QVERIFY2(p.error().message.contains(u"512"), qPrintable(p.error().message));
    }

    void notImages()
    {
        QVERIFY(tool(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"),
                                                  QStringLiteral("-f"), QStringLiteral("vmdk"),
                                                  path(QStringLiteral("v.vmdk")), QStringLiteral("1M")}));
        auto p = ImageProbes::probeFile(path(QStringLiteral("v.vmdk")));
        QVERIFY(!p.has_value());
        QVERIFY2(p.error().message.contains(u"VMDK") && p.error().message.contains(u"qemu-img convert"),
                 qPrintable(p.error().message));

        QFile text(path(QStringLiteral("notes.iso")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray("not an image\n").repeated(512));
        text.close();
        p = ImageProbes::probeFile(text.fileName());
        QVERIFY(!p.has_value());
        QVERIFY2(p.error().message.contains(u"text"), qPrintable(p.error().message));

        QFile empty(path(QStringLiteral("empty.raw")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QVERIFY(!ImageProbes::probeFile(empty.fileName()).has_value());
        QVERIFY(!ImageProbes::probeFile(path(QStringLiteral("missing"))).has_value());
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("ventura-13.6") << true;
        QTest::newRow("underscore") << QStringLiteral("base_image_2") << true;
        QTest::newRow("64") << QString(64, u'a') << true;
        QTest::newRow("65") << QString(65, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dot") << QStringLiteral(".") << false;
        QTest::newRow("dotdot") << QStringLiteral("..") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("space") << QStringLiteral("my image") << false;
        QTest::newRow("umlaut") << QStringLiteral("b\u00e4se") << false;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const QString why = ImageProbes::validateName(name);
        QCOMPARE(why.isEmpty(), valid);
        if (!valid)
            QVERIFY(why.contains(u"64"));
    }
};

QTEST_GUILESS_MAIN(tst_ImageProbe)
#include "tst_imageprobe.moc"
