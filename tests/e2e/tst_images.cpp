// End-to-end: the image library against the lab hosts (real sshd, libvirtd, storage pools),
// driven through corralctl: uploads verified on two hosts, a dropped connection resumed, a full
// pool refused before anything is sent, a base image in use refused for deletion, downloads,
// host-to-host copies and verification.
#include "labsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace Corral;
using LabSupport::lab;
using LabSupport::labDir;
using LabSupport::Output;
using LabSupport::run;

class tst_Images : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    Output ctl(const QStringList &args, int timeoutMs = 120000)
    {
        return LabSupport::corralctl(m_db, args, timeoutMs);
    }
    static QString poolDir(const QString &host)
    {
        return labDir() + QStringLiteral("/hosts/") + host + QStringLiteral("/pools/images");
    }
    // The SHA-256 of a file on a host, computed there (over SSH).
    QString remoteSha(const QString &host, const QString &path)
    {
        const Output o = ctl(
            {QStringLiteral("ssh"), host, QStringLiteral("--"), QStringLiteral("sha256sum"), path});
        return o.code == 0 ? QString::fromLatin1(o.out.left(64))
                           : QStringLiteral("(ssh failed: %1)").arg(QString::fromUtf8(o.err));
    }
    qint64 remoteAllocated(const QString &host, const QString &path)
    {
        const Output o
            = ctl({QStringLiteral("ssh"), host, QStringLiteral("--"), QStringLiteral("stat"),
                   QStringLiteral("-c"), QStringLiteral("%b"), path});
        return o.code == 0 ? o.out.trimmed().toLongLong() * 512 : -1;
    }
    static QString localSha(const QString &path)
    {
        const Output o = run(QStringLiteral("sha256sum"), {path});
        return QString::fromLatin1(o.out.left(64));
    }
    QString randomFile(const QString &name, qint64 bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        QByteArray block(4 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator gen{quint32(bytes)};
        for (qint64 left = bytes; left > 0; left -= block.size()) {
            gen.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            f.write(block.constData(), qMin<qint64>(left, block.size()));
        }
        return path;
    }
    QJsonObject imageJson(const QString &name)
    {
        const Output o
            = ctl({QStringLiteral("--json"), QStringLiteral("image"), QStringLiteral("list")});
        for (const QJsonValue &v : QJsonDocument::fromJson(o.out).array()) {
            if (v[QStringLiteral("name")].toString() == name)
                return v.toObject();
        }
        return {};
    }
    static QString replicaState(const QJsonObject &image, const QString &host)
    {
        for (const QJsonValue &r : image[QStringLiteral("replicas")].toArray()) {
            if (r[QStringLiteral("host")].toString() == host)
                return r[QStringLiteral("state")].toString();
        }
        return QStringLiteral("(none)");
    }
    // What an earlier, failed run may have left in the lab's pools.
    static void removeLeftovers()
    {
        for (const QString &host :
             {QStringLiteral("lab1"), QStringLiteral("lab2"), QStringLiteral("lab3")}) {
            QDir dir(poolDir(host));
            for (const QString &name :
                 dir.entryList({QStringLiteral(".corral-*"), QStringLiteral("e2e-*")},
                               QDir::Files | QDir::Hidden))
                QFile::remove(dir.filePath(name));
        }
    }
    static QStringList leftovers(const QString &host)
    {
        return QDir(poolDir(host))
            .entryList({QStringLiteral(".corral-*")}, QDir::Files | QDir::Hidden);
    }

private Q_SLOTS:
    void initTestCase();
    void labRegisteredTheTinyImage();
    void uploadToTwoHostsMatchesTheSource();
    void sparseUploadSendsOnlyData();
    void droppedConnectionResumes();
    void fullPoolIsRefusedBeforeSending();
    void imageInUseIsNotDeleted();
    void downloadCopyAndVerify();
    void deleteRemovesEveryReplica();
    void cleanupTestCase() { removeLeftovers(); }
};

void tst_Images::initTestCase()
{
    if (labDir().isEmpty())
        QSKIP("needs the lab: run scripts/test, or set CORRAL_LAB_DIR");
    QVERIFY(m_dir.isValid());
    removeLeftovers();
    m_db = m_dir.filePath(QStringLiteral("corral.sqlite"));
    QVERIFY(QFile::copy(labDir() + QStringLiteral("/corral.sqlite"), m_db));
}

void tst_Images::labRegisteredTheTinyImage()
{
    const QJsonObject tiny = imageJson(QStringLiteral("corral-tiny.qcow2"));
    QVERIFY2(!tiny.isEmpty(), "the lab registers its guest image");
    QCOMPARE(tiny[QStringLiteral("format")].toString(), QStringLiteral("qcow2"));
    QCOMPARE(tiny[QStringLiteral("kind")].toString(), QStringLiteral("disk"));
    QCOMPARE(tiny[QStringLiteral("sha256")].toString(),
             localSha(labDir() + QStringLiteral("/image/corral-tiny.qcow2")));
    for (const QString &host :
         {QStringLiteral("lab1"), QStringLiteral("lab2"), QStringLiteral("lab3")})
        QCOMPARE(replicaState(tiny, host), QStringLiteral("present"));
}

void tst_Images::uploadToTwoHostsMatchesTheSource()
{
    const QString file = randomFile(QStringLiteral("dense.raw"), 40LL * 1024 * 1024);
    const Output up
        = ctl({QStringLiteral("image"), QStringLiteral("upload"), file, QStringLiteral("--name"),
               QStringLiteral("e2e-dense.raw"), QStringLiteral("--host"), QStringLiteral("lab1"),
               QStringLiteral("--host"), QStringLiteral("lab2"), QStringLiteral("--description"),
               QStringLiteral("from tst_images")});
    QVERIFY2(up.code == 0, up.err.constData());
    const QString sha = localSha(file);
    for (const QString &host : {QStringLiteral("lab1"), QStringLiteral("lab2")}) {
        QCOMPARE(remoteSha(host, poolDir(host) + QStringLiteral("/e2e-dense.raw")), sha);
        QVERIFY2(leftovers(host).isEmpty(), qPrintable(leftovers(host).join(u' ')));
    }
    const QJsonObject image = imageJson(QStringLiteral("e2e-dense.raw"));
    QCOMPARE(image[QStringLiteral("sha256")].toString(), sha);
    QCOMPARE(image[QStringLiteral("format")].toString(), QStringLiteral("raw"));
    QCOMPARE(image[QStringLiteral("actualSize")].toInteger(), 40LL * 1024 * 1024);
    QCOMPARE(replicaState(image, QStringLiteral("lab1")), QStringLiteral("present"));
    QCOMPARE(replicaState(image, QStringLiteral("lab2")), QStringLiteral("present"));
    QCOMPARE(replicaState(image, QStringLiteral("lab3")), QStringLiteral("(none)"));

    // The same name again is refused, naming the way to put it on more hosts.
    const Output again
        = ctl({QStringLiteral("image"), QStringLiteral("upload"), file, QStringLiteral("--name"),
               QStringLiteral("e2e-dense.raw"), QStringLiteral("--host"), QStringLiteral("lab3")});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains("already in the library"), again.err.constData());
    // A non-image is refused before anything is sent.
    QFile text(m_dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not a disk image\n");
    text.close();
    const Output bad = ctl({QStringLiteral("image"), QStringLiteral("upload"), text.fileName(),
                            QStringLiteral("--host"), QStringLiteral("lab1")});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains("notes.txt"), bad.err.constData());
}

void tst_Images::sparseUploadSendsOnlyData()
{
    const QString file = m_dir.filePath(QStringLiteral("e2e-sparse.raw"));
    {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDWR | O_CREAT, 0644);
        QVERIFY(fd >= 0);
        QVERIFY(::ftruncate(fd, 512LL * 1024 * 1024) == 0);
        QByteArray data(4 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator gen{7};
        for (qint64 at : {0LL, 200LL * 1024 * 1024, 508LL * 1024 * 1024}) {
            gen.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
            QVERIFY(::pwrite(fd, data.constData(), size_t(data.size()), off_t(at)) == data.size());
        }
        ::close(fd);
    }
    const Output up = ctl({QStringLiteral("image"), QStringLiteral("upload"), file,
                           QStringLiteral("--host"), QStringLiteral("lab1")});
    QVERIFY2(up.code == 0, up.err.constData());
    const QString remote = poolDir(QStringLiteral("lab1")) + QStringLiteral("/e2e-sparse.raw");
    QCOMPARE(remoteSha(QStringLiteral("lab1"), remote), localSha(file));
    const qint64 allocated = remoteAllocated(QStringLiteral("lab1"), remote);
    QVERIFY2(
        allocated >= 0 && allocated < 64LL * 1024 * 1024,
        qPrintable(
            QStringLiteral("the host's copy keeps the holes: %1 bytes allocated").arg(allocated)));
}

void tst_Images::droppedConnectionResumes()
{
    const QString file = randomFile(QStringLiteral("big.raw"), 640LL * 1024 * 1024);
    const QStringList upload{
        QStringLiteral("image"),  QStringLiteral("upload"),      file,
        QStringLiteral("--name"), QStringLiteral("e2e-big.raw"), QStringLiteral("--host"),
        QStringLiteral("lab2")};
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CORRAL_DB"), m_db);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CORRALCTL), upload);
    QVERIFY(p.waitForStarted());
    const auto restartSshd = qScopeGuard([] {
        lab({QStringLiteral("ctl"), QStringLiteral("lab2"), QStringLiteral("sshd"),
             QStringLiteral("start")});
    });
    // Progress lines ("upload e2e-big.raw → lab2: 40% ...") on stderr; cut the host off midway.
    QByteArray err;
    static const QRegularExpression percent(QStringLiteral("lab2: (\\d+)%"));
    int seen = 0;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     err += p.readAllStandardError();
                     for (const auto &m : percent.globalMatch(QString::fromUtf8(err)))
                         seen = qMax(seen, m.captured(1).toInt());
                     return seen >= 30 || p.state() == QProcess::NotRunning;
                 },
                 120000),
             err.constData());
    QVERIFY2(p.state() == QProcess::Running, "the upload ended before the connection could be cut");
    QVERIFY(lab({QStringLiteral("ctl"), QStringLiteral("lab2"), QStringLiteral("sshd"),
                 QStringLiteral("kill")}));
    QVERIFY(p.waitForFinished(90000));
    err += p.readAllStandardError();
    qInfo().noquote() << "cut at" << seen << "%:" << err.right(300);
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.contains("resume"), err.constData());

    // The job waits, resumable, with what the host confirmed; the partial file is still there.
    const Output jobs
        = ctl({QStringLiteral("--json"), QStringLiteral("image"), QStringLiteral("jobs")});
    QJsonObject job;
    for (const QJsonValue &v : QJsonDocument::fromJson(jobs.out).array()) {
        if (v[QStringLiteral("image")].toString() == u"e2e-big.raw")
            job = v.toObject();
    }
    QCOMPARE(job[QStringLiteral("state")].toString(), QStringLiteral("interrupted"));
    const qint64 confirmed = job[QStringLiteral("confirmed")].toInteger();
    QVERIFY2(confirmed > 0 && confirmed < 640LL * 1024 * 1024,
             qPrintable(QString::number(confirmed)));
    // The partial file and the host's record of the frames it acknowledged.
    QCOMPARE(leftovers(QStringLiteral("lab2"))
                 .filter(QRegularExpression(QStringLiteral("\\.part$")))
                 .size(),
             1);
    QVERIFY(imageJson(QStringLiteral("e2e-big.raw")).isEmpty()); // never half-registered

    QVERIFY(lab({QStringLiteral("ctl"), QStringLiteral("lab2"), QStringLiteral("sshd"),
                 QStringLiteral("start")}));
    // The same command again resumes the job from the confirmed offset.
    const Output resumed = ctl(upload);
    QVERIFY2(resumed.code == 0, resumed.err.constData());
    QVERIFY2(!resumed.err.contains("lab2: 0%"), resumed.err.constData());
    QCOMPARE(remoteSha(QStringLiteral("lab2"),
                       poolDir(QStringLiteral("lab2")) + QStringLiteral("/e2e-big.raw")),
             localSha(file));
    QVERIFY2(leftovers(QStringLiteral("lab2")).isEmpty(),
             qPrintable(leftovers(QStringLiteral("lab2")).join(u' ')));
    QCOMPARE(replicaState(imageJson(QStringLiteral("e2e-big.raw")), QStringLiteral("lab2")),
             QStringLiteral("present"));
    QFile::remove(file);
}

void tst_Images::fullPoolIsRefusedBeforeSending()
{
    // A pool with 24 MiB of room: a tmpfs over lab3's pool directory, for this test only.
    const QString dir = poolDir(QStringLiteral("lab3"));
    const QFileInfo info(dir);
    const Output mounted = run(
        QStringLiteral("mount"),
        {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
         QStringLiteral("size=24m,mode=0755,uid=%1,gid=%2").arg(info.ownerId()).arg(info.groupId()),
         QStringLiteral("corral-e2e-full"), dir});
    if (mounted.code != 0)
        QSKIP(qPrintable(QStringLiteral("cannot mount a small tmpfs here (needs root): %1")
                             .arg(QString::fromUtf8(mounted.err))));
    const auto unmount = qScopeGuard([dir] { run(QStringLiteral("umount"), {dir}); });
    const QString file = randomFile(QStringLiteral("toolarge.raw"), 64LL * 1024 * 1024);
    const Output up = ctl({QStringLiteral("image"), QStringLiteral("upload"), file,
                           QStringLiteral("--host"), QStringLiteral("lab3")});
    qInfo().noquote() << up.err.trimmed();
    QCOMPARE(up.code, 1);
    QVERIFY2(up.err.contains("Not enough space on lab3"), up.err.constData());
    QVERIFY2(QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty(),
             "nothing was written to the full pool");
}

void tst_Images::imageInUseIsNotDeleted()
{
    const Output del = ctl(
        {QStringLiteral("image"), QStringLiteral("delete"), QStringLiteral("corral-tiny.qcow2")});
    QCOMPARE(del.code, 1);
    QVERIFY2(del.err.contains("in use by") && del.err.contains("lab1/lab1-vm1"),
             del.err.constData());
    for (const QString &host :
         {QStringLiteral("lab1"), QStringLiteral("lab2"), QStringLiteral("lab3")})
        QVERIFY(QFile::exists(poolDir(host) + QStringLiteral("/corral-tiny.qcow2")));
    QCOMPARE(replicaState(imageJson(QStringLiteral("corral-tiny.qcow2")), QStringLiteral("lab1")),
             QStringLiteral("present"));
}

void tst_Images::downloadCopyAndVerify()
{
    const QString sha
        = imageJson(QStringLiteral("e2e-dense.raw"))[QStringLiteral("sha256")].toString();
    QVERIFY(!sha.isEmpty());
    const QString out = m_dir.filePath(QStringLiteral("downloaded.raw"));
    const Output down
        = ctl({QStringLiteral("image"), QStringLiteral("download"), QStringLiteral("e2e-dense.raw"),
               QStringLiteral("--host"), QStringLiteral("lab2"), out});
    QVERIFY2(down.code == 0, down.err.constData());
    QCOMPARE(localSha(out), sha);

    const Output copy
        = ctl({QStringLiteral("image"), QStringLiteral("copy"), QStringLiteral("e2e-dense.raw"),
               QStringLiteral("--from"), QStringLiteral("lab1"), QStringLiteral("--to"),
               QStringLiteral("lab3")});
    QVERIFY2(copy.code == 0, copy.err.constData());
    const QString onLab3 = poolDir(QStringLiteral("lab3")) + QStringLiteral("/e2e-dense.raw");
    QCOMPARE(remoteSha(QStringLiteral("lab3"), onLab3), sha);
    QCOMPARE(replicaState(imageJson(QStringLiteral("e2e-dense.raw")), QStringLiteral("lab3")),
             QStringLiteral("present"));

    // A replica damaged on the host is found by verify and marked failed.
    const Output damage
        = ctl({QStringLiteral("ssh"), QStringLiteral("lab3"), QStringLiteral("--"),
               QStringLiteral("printf X | dd of=%1 bs=1 seek=1000 conv=notrunc status=none")
                   .arg(onLab3)});
    QVERIFY2(damage.code == 0, damage.err.constData());
    const Output verify
        = ctl({QStringLiteral("image"), QStringLiteral("verify"), QStringLiteral("e2e-dense.raw"),
               QStringLiteral("--host"), QStringLiteral("lab3")});
    QCOMPARE(verify.code, 1);
    QVERIFY2(verify.err.contains("damaged"), verify.err.constData());
    QCOMPARE(replicaState(imageJson(QStringLiteral("e2e-dense.raw")), QStringLiteral("lab3")),
             QStringLiteral("failed"));
    const Output good
        = ctl({QStringLiteral("image"), QStringLiteral("verify"), QStringLiteral("e2e-dense.raw"),
               QStringLiteral("--host"), QStringLiteral("lab1")});
    QVERIFY2(good.code == 0, good.err.constData());
}

void tst_Images::deleteRemovesEveryReplica()
{
    for (const QString &name : {QStringLiteral("e2e-dense.raw"), QStringLiteral("e2e-big.raw"),
                               QStringLiteral("e2e-sparse.raw")}) {
        const Output del = ctl({QStringLiteral("image"), QStringLiteral("delete"), name});
        QVERIFY2(del.code == 0, del.err.constData());
        QVERIFY(imageJson(name).isEmpty());
        for (const QString &host :
             {QStringLiteral("lab1"), QStringLiteral("lab2"), QStringLiteral("lab3")})
            QVERIFY2(!QFile::exists(poolDir(host) + u'/' + name), qPrintable(host + u'/' + name));
    }
}

QTEST_GUILESS_MAIN(tst_Images)
#include "tst_images.moc"
