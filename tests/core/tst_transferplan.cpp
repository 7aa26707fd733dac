// Transfer planning: data extents of real sparse files, frames, resume bookkeeping, and the
// host's replies.
#include "images/transferplan.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace Corral;
using TransferPlan::Extent;
using TransferPlan::Reply;

class tst_TransferPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extentsOfSparseFile();
    void extentsOfAllHoleFile();
    void framesMergeShortHolesAndSplit();
    void replies_data();
    void replies();
    void linesKeepTheUnfinishedRest();
    void shellQuoting();
    void hostErrorsInPlainWords();
};

void tst_TransferPlan::extentsOfSparseFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sparse.raw"));
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT, 0644);
    QVERIFY(fd >= 0);
    const quint64 size = 64ULL * 1024 * 1024;
    QCOMPARE(::ftruncate(fd, off_t(size)), 0);
    const QByteArray data(1024 * 1024, 'x');
    QCOMPARE(::pwrite(fd, data.constData(), size_t(data.size()), 8 * 1024 * 1024), data.size());
    QCOMPARE(::pwrite(fd, data.constData(), size_t(data.size()), 40 * 1024 * 1024), data.size());
    ::fsync(fd);
    auto extents = TransferPlan::dataExtents(fd, size);
    ::close(fd);
    QVERIFY(extents);
    if (extents->size() == 1 && extents->first() == Extent{0, size})
        QSKIP("this file system does not report holes (SEEK_DATA)");
    // File systems allocate in blocks: the data is inside what is reported, and little else is.
    QCOMPARE(extents->size(), 2);
    QVERIFY(extents->at(0).offset <= 8 * 1024 * 1024 && extents->at(0).end() >= 9 * 1024 * 1024);
    QVERIFY(extents->at(1).offset <= 40 * 1024 * 1024 && extents->at(1).end() >= 41 * 1024 * 1024);
    QVERIFY(TransferPlan::dataBytes(*extents) < 4 * 1024 * 1024);
}

void tst_TransferPlan::extentsOfAllHoleFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hole.raw"));
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT, 0644);
    QVERIFY(fd >= 0);
    QCOMPARE(::ftruncate(fd, 16 * 1024 * 1024), 0);
    auto extents = TransferPlan::dataExtents(fd, 16 * 1024 * 1024);
    ::close(fd);
    QVERIFY(extents);
    if (extents->size() == 1)
        QSKIP("this file system does not report holes (SEEK_DATA)");
    QVERIFY(extents->isEmpty());
    QVERIFY(TransferPlan::frames(*extents).isEmpty());
}

void tst_TransferPlan::framesMergeShortHolesAndSplit()
{
    const quint64 MiB = 1024 * 1024;
    // Two extents 512 KiB apart merge; one 10 MiB away stays apart; a long one is split.
    const QList<Extent> extents{{0, MiB}, {MiB + MiB / 2, MiB}, {20 * MiB, 150 * MiB}};
    const QList<Extent> frames = TransferPlan::frames(extents, MiB, 64 * MiB);
    const QList<Extent> expected{
        {0, MiB / 2 * 5}, {20 * MiB, 64 * MiB}, {84 * MiB, 64 * MiB}, {148 * MiB, 22 * MiB}};
    QCOMPARE(frames, expected);
    QCOMPARE(TransferPlan::dataBytes(frames), MiB / 2 * 5 + 150 * MiB);
    // Overlapping or touching extents and empty ones.
    QCOMPARE(TransferPlan::frames({{0, 10}, {5, 10}, {15, 0}, {15, 5}}, 0, 100),
             (QList<Extent>{{0, 20}}));
}

void tst_TransferPlan::replies_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("kind");
    QTest::addColumn<quint64>("a");
    QTest::addColumn<quint64>("b");
    QTest::addColumn<QString>("text");
    const QString hex(64, u'a');
    QTest::newRow("ready") << QByteArray("ready 4096") << int(Reply::Kind::Ready) << 4096ULL << 0ULL
                           << u"ready 4096"_qs;
    QTest::newRow("ok") << QByteArray("ok 67108864 1048576") << int(Reply::Kind::Ok) << 67108864ULL
                        << 1048576ULL << u"ok 67108864 1048576"_qs;
    QTest::newRow("size") << QByteArray("size 10") << int(Reply::Kind::Size) << 10ULL << 0ULL
                          << u"size 10"_qs;
    QTest::newRow("sha256") << ("sha256 " + hex.toLatin1()) << int(Reply::Kind::Sha256) << 0ULL
                            << 0ULL << hex;
    QTest::newRow("empty sha256 (no tool)")
        << QByteArray("sha256 ") << int(Reply::Kind::Error) << 0ULL << 0ULL << QString();
    QTest::newRow("bad sha256") << QByteArray("sha256 xyz") << int(Reply::Kind::Error) << 0ULL
                                << 0ULL << QString();
    QTest::newRow("dd progress") << QByteArray(
        "1048576 bytes (1.0 MB, 1.0 MiB) copied, 1 s, 1.0 MB/s")
                                 << int(Reply::Kind::Progress) << 1048576ULL << 0ULL
                                 << u"1048576 bytes (1.0 MB, 1.0 MiB) copied, 1 s, 1.0 MB/s"_qs;
    QTest::newRow("error") << QByteArray("error write failed at 0") << int(Reply::Kind::Error)
                           << 0ULL << 0ULL << u"write failed at 0"_qs;
    QTest::newRow("dd message") << QByteArray("dd: error writing 'x': No space left on device")
                                << int(Reply::Kind::Other) << 0ULL << 0ULL
                                << u"dd: error writing 'x': No space left on device"_qs;
    QTest::newRow("ok with garbage")
        << QByteArray("ok 12 x") << int(Reply::Kind::Other) << 12ULL << 0ULL << u"ok 12 x"_qs;
    QTest::newRow("moved") << QByteArray("moved") << int(Reply::Kind::Moved) << 0ULL << 0ULL
                           << u"moved"_qs;
}

void tst_TransferPlan::replies()
{
    QFETCH(QByteArray, line);
    QFETCH(int, kind);
    QFETCH(quint64, a);
    QFETCH(quint64, b);
    QFETCH(QString, text);
    const Reply r = TransferPlan::parseReply(line);
    QCOMPARE(int(r.kind), kind);
    if (kind != int(Reply::Kind::Other)) {
        QCOMPARE(r.a, a);
        QCOMPARE(r.b, b);
    }
    if (!text.isEmpty())
        QCOMPARE(r.text, text);
}

void tst_TransferPlan::linesKeepTheUnfinishedRest()
{
    QByteArray buffer("ok 0 10\nok 10 10\r\n12 bytes copied\rpart");
    QList<QByteArray> lines;
    while (const auto line = TransferPlan::takeLine(buffer))
        lines.append(*line);
    QCOMPARE(lines, (QList<QByteArray>{"ok 0 10", "ok 10 10", "12 bytes copied"}));
    QCOMPARE(buffer, QByteArray("part"));
    QVERIFY(!TransferPlan::takeLine(buffer));
}

void tst_TransferPlan::shellQuoting()
{
    QCOMPARE(TransferPlan::shellQuote(QStringLiteral("a b")), QStringLiteral("'a b'"));
    QCOMPARE(TransferPlan::shellQuote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
    QCOMPARE(TransferPlan::shellQuote(QStringLiteral("$(rm -rf /)")),
             QStringLiteral("'$(rm -rf /)'"));
}

void tst_TransferPlan::hostErrorsInPlainWords()
{
    const QString space = TransferPlan::explainHostError(
        QStringLiteral("lab1"), QStringLiteral("tee: x: No space left on device"));
    QVERIFY2(space.contains(QStringLiteral("No space left"))
                 && space.contains(QStringLiteral("lab1")),
             qPrintable(space));
    const QString perm = TransferPlan::explainHostError(
        QStringLiteral("lab2"), QStringLiteral("cannot create x: Permission denied"));
    QVERIFY2(perm.contains(QStringLiteral("write access")), qPrintable(perm));
}

QTEST_GUILESS_MAIN(tst_TransferPlan)
#include "tst_transferplan.moc"
