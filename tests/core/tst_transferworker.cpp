// The transfer worker against the real host-side scripts, run by a local sh with coreutils and
// openssl (the same commands a host runs, minus SSH): dense and sparse uploads to several
// receivers, resume from a confirmed offset, checksum mismatch, downloads, verification,
// cancel.
#include "images/transferplan.h"
#include "images/transferworker.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

using namespace Corral;
using namespace Corral::ImageDetail;

extern char **environ;

namespace {

// Runs `command` under /bin/sh with stdin/stdout/stderr on one end of a socket pair; returns
// the other end and the child's pid.
std::pair<int, pid_t> spawnPeer(const QString &command)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return {-1, -1};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    for (int fd = 0; fd <= 2; ++fd)
        posix_spawn_file_actions_adddup2(&actions, pair[1], fd);
    const QByteArray cmd = command.toUtf8();
    char sh[] = "/bin/sh";
    char dashC[] = "-c";
    char *argv[] = {sh, dashC, const_cast<char *>(cmd.constData()), nullptr};
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, "/bin/sh", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pair[1]);
    if (rc != 0) {
        ::close(pair[0]);
        return {-1, -1};
    }
    return {pair[0], pid};
}

QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

qint64 allocatedBytes(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? qint64(st.st_blocks) * 512 : -1;
}

qint64 mtimeOf(const QString &path)
{
    struct stat st
    {
    };
    ::stat(QFile::encodeName(path).constData(), &st);
    return qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
}

} // namespace

class tst_TransferWorker : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::vector<pid_t> m_children;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    std::unique_ptr<Peer> receiver(const QString &host, quint64 startAt = 0)
    {
        auto p = std::make_unique<Peer>();
        const auto [fd, pid]
            = spawnPeer(TransferPlan::receiveCommand(path(host + QStringLiteral(".part"))));
        p->fd = fd;
        p->hostLabel = host;
        p->finalPath = path(host + QStringLiteral(".img"));
        p->startAt = startAt;
        m_children.push_back(pid);
        return p;
    }
    std::unique_ptr<Peer> sender(const QString &command)
    {
        auto p = std::make_unique<Peer>();
        const auto [fd, pid] = spawnPeer(command);
        p->fd = fd;
        p->hostLabel = QStringLiteral("src");
        m_children.push_back(pid);
        return p;
    }
    void reap()
    {
        for (pid_t pid : m_children)
            ::waitpid(pid, nullptr, 0);
        m_children.clear();
    }
    QString randomFile(const QString &name, qsizetype bytes)
    {
        QByteArray data(bytes, Qt::Uninitialized);
        QRandomGenerator gen(42);
        gen.fillRange(reinterpret_cast<quint32 *>(data.data()), bytes / 4);
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != bytes)
            return {};
        return f.fileName();
    }
    void uploadSpec(RunSpec &spec, const QString &file)
    {
        spec.mode = RunSpec::Mode::Upload;
        spec.localPath = file;
        spec.total = quint64(QFileInfo(file).size());
        spec.sourceMtime = mtimeOf(file);
    }

private Q_SLOTS:
    // Every test runs against both receivers a host may run: the Python one (where python3
    // is installed) and the POSIX shell one.
    void initTestCase_data()
    {
        QTest::addColumn<bool>("shellOnly");
        QTest::newRow("python") << false;
        QTest::newRow("shell") << true;
    }
    void init()
    {
        QFETCH_GLOBAL(bool, shellOnly);
        if (!shellOnly && QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is not installed: only the shell receiver can be tested here");
        if (shellOnly)
            qputenv("CORRAL_SHELL_RECEIVER", "1");
        else
            qunsetenv("CORRAL_SHELL_RECEIVER");
        // Each test starts from its own files.
        for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden))
            QFile::remove(m_dir.filePath(name));
    }
    void cleanup() { reap(); }
    void denseUploadToTwoReceivers();
    void sparseUploadStaysSparse();
    void resumeFromConfirmedOffset();
    void resumeBehindTheHost();
    void changedSourceIsRefused();
    void checksumMismatchDiscards();
    void cancelledReceiverStops();
    void downloadWritesSparseAndVerifies();
    void verifyReportsTheHash();
};

void tst_TransferWorker::denseUploadToTwoReceivers()
{
    const QString file = randomFile(QStringLiteral("dense.bin"), 9 * 1024 * 1024 + 123);
    RunSpec spec;
    uploadSpec(spec, file);
    spec.peers.push_back(receiver(QStringLiteral("h1")));
    spec.peers.push_back(receiver(QStringLiteral("h2")));
    runTransfer(spec);
    const QString expected = sha256Of(file);
    QCOMPARE(spec.localSha256, expected);
    QCOMPARE(spec.fileSha256, expected); // a dense file: the data is the whole file
    for (const auto &p : spec.peers) {
        QVERIFY2(p->state == TransferJob::State::Done, qPrintable(p->error));
        QCOMPARE(p->sha256, expected);
        QCOMPARE(sha256Of(p->finalPath), expected);
        QVERIFY(!QFile::exists(path(p->hostLabel + QStringLiteral(".part"))));
        QCOMPARE(p->confirmed.load(), spec.total);
    }
}

void tst_TransferWorker::sparseUploadStaysSparse()
{
    const QString file = path(QStringLiteral("sparse.raw"));
    {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDWR | O_CREAT, 0644);
        QVERIFY(::ftruncate(fd, 256 * 1024 * 1024) == 0);
        const QByteArray data(2 * 1024 * 1024, 'z');
        QVERIFY(::pwrite(fd, data.constData(), size_t(data.size()), 100 * 1024 * 1024)
                == data.size());
        QVERIFY(::pwrite(fd, data.constData(), size_t(data.size()), 3 * 1024 * 1024)
                == data.size());
        ::close(fd);
    }
    RunSpec spec;
    uploadSpec(spec, file);
    spec.peers.push_back(receiver(QStringLiteral("s1")));
    runTransfer(spec);
    const auto &p = spec.peers.front();
    QVERIFY2(p->state == TransferJob::State::Done, qPrintable(p->error));
    QCOMPARE(sha256Of(p->finalPath), sha256Of(file));
    QCOMPARE(QFileInfo(p->finalPath).size(), 256 * 1024 * 1024);
    // Verified over the data frames; the whole file's hash is left to a verify job.
    QVERIFY(spec.fileSha256.isEmpty());
    QCOMPARE(p->sha256, spec.localSha256);
    QVERIFY(!QFile::exists(path(QStringLiteral("s1.part.frames"))));
    // Only the data went over the wire, and the copy keeps its holes.
    QVERIFY2(p->sent.load() <= 102 * 1024 * 1024, qPrintable(QString::number(p->sent.load())));
    QVERIFY2(allocatedBytes(p->finalPath) < 16 * 1024 * 1024,
             qPrintable(QString::number(allocatedBytes(p->finalPath))));
}

void tst_TransferWorker::resumeFromConfirmedOffset()
{
    const QString file = randomFile(QStringLiteral("resume.bin"), 6 * 1024 * 1024);
    // A first run left the first 4 MiB (and some garbage after it) in the temporary file.
    QFile part(path(QStringLiteral("r1.part")));
    QVERIFY(part.open(QIODevice::WriteOnly));
    QFile src(file);
    QVERIFY(src.open(QIODevice::ReadOnly));
    part.write(src.read(4 * 1024 * 1024));
    part.write(QByteArray(1000, 'G'));
    part.close();
    // ...and recorded the frame the host acknowledged.
    QFile frames(path(QStringLiteral("r1.part.frames")));
    QVERIFY(frames.open(QIODevice::WriteOnly));
    frames.write("0 4194304\n");
    frames.close();
    RunSpec spec;
    uploadSpec(spec, file);
    spec.peers.push_back(receiver(QStringLiteral("r1"), 4 * 1024 * 1024));
    runTransfer(spec);
    const auto &p = spec.peers.front();
    QVERIFY2(p->state == TransferJob::State::Done, qPrintable(p->error));
    QCOMPARE(sha256Of(p->finalPath), sha256Of(file));
    // What was confirmed before was not sent again.
    QCOMPARE(spec.localSha256, sha256Of(file));
}

void tst_TransferWorker::resumeBehindTheHost()
{
    // The host acknowledged two frames, but the app recorded only the first before it died:
    // the second is sent again and must count once.
    const QString file = randomFile(QStringLiteral("behind.bin"), 6 * 1024 * 1024);
    QFile src(file);
    QVERIFY(src.open(QIODevice::ReadOnly));
    QFile part(path(QStringLiteral("b1.part")));
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(src.read(4 * 1024 * 1024));
    part.close();
    QFile frames(path(QStringLiteral("b1.part.frames")));
    QVERIFY(frames.open(QIODevice::WriteOnly));
    frames.write("0 2097152\n2097152 2097152\n");
    frames.close();
    RunSpec spec;
    uploadSpec(spec, file);
    spec.peers.push_back(receiver(QStringLiteral("b1"), 2 * 1024 * 1024));
    runTransfer(spec);
    const auto &p = spec.peers.front();
    QVERIFY2(p->state == TransferJob::State::Done, qPrintable(p->error));
    QCOMPARE(sha256Of(p->finalPath), sha256Of(file));
}

void tst_TransferWorker::changedSourceIsRefused()
{
    const QString file = randomFile(QStringLiteral("changed.bin"), 1024 * 1024);
    RunSpec spec;
    uploadSpec(spec, file);
    spec.sourceMtime -= 5000;
    spec.peers.push_back(receiver(QStringLiteral("c1")));
    runTransfer(spec);
    QCOMPARE(int(spec.peers.front()->state), int(TransferJob::State::Failed));
    QVERIFY2(spec.peers.front()->error.contains(QStringLiteral("changed")),
             qPrintable(spec.peers.front()->error));
    spec.peers.clear(); // closes the pipe: the receiver ends
}

void tst_TransferWorker::checksumMismatchDiscards()
{
    const QString file = randomFile(QStringLiteral("mismatch.bin"), 3 * 1024 * 1024);
    RunSpec spec;
    uploadSpec(spec, file);
    // The receiver claims to have the first MiB already, but its temporary file holds zeros
    // there: the host's hash cannot match, and the file must not be committed.
    QFile part(path(QStringLiteral("m1.part")));
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(QByteArray(1024 * 1024, '\0'));
    part.close();
    QFile frames(path(QStringLiteral("m1.part.frames")));
    QVERIFY(frames.open(QIODevice::WriteOnly));
    frames.write("0 1048576\n");
    frames.close();
    spec.peers.push_back(receiver(QStringLiteral("m1"), 1024 * 1024));
    runTransfer(spec);
    const auto &p = spec.peers.front();
    QCOMPARE(int(p->state), int(TransferJob::State::Failed));
    QVERIFY2(p->error.contains(QStringLiteral("Checksum mismatch")), qPrintable(p->error));
    QVERIFY(!QFile::exists(p->finalPath));
    spec.peers.clear();
    reap();
    QVERIFY2(!QFile::exists(path(QStringLiteral("m1.part"))),
             "the mismatching temporary file was removed");
    QVERIFY(!QFile::exists(path(QStringLiteral("m1.part.frames"))));
}

void tst_TransferWorker::cancelledReceiverStops()
{
    const QString file = randomFile(QStringLiteral("cancel.bin"), 192 * 1024 * 1024);
    RunSpec spec;
    uploadSpec(spec, file);
    spec.peers.push_back(receiver(QStringLiteral("x1")));
    Peer *p = spec.peers.front().get();
    std::thread worker([&] { runTransfer(spec); });
    QTRY_VERIFY_WITH_TIMEOUT(p->sent.load() > 0, 20000);
    p->stopState = int(TransferJob::State::Cancelled);
    p->interrupt();
    worker.join();
    if (p->state == TransferJob::State::Done)
        QSKIP("the upload finished before it could be cancelled");
    QCOMPARE(int(p->state), int(TransferJob::State::Cancelled));
    QVERIFY(!QFile::exists(p->finalPath));
}

void tst_TransferWorker::downloadWritesSparseAndVerifies()
{
    const QString source = path(QStringLiteral("remote.raw"));
    {
        const int fd = ::open(QFile::encodeName(source).constData(), O_RDWR | O_CREAT, 0644);
        QVERIFY(::ftruncate(fd, 64 * 1024 * 1024) == 0);
        const QByteArray data(1024 * 1024, 'q');
        QVERIFY(::pwrite(fd, data.constData(), size_t(data.size()), 10 * 1024 * 1024)
                == data.size());
        ::close(fd);
    }
    const QString out = path(QStringLiteral("downloaded.raw"));
    // Resume: a partial download of the first 8 MiB exists.
    QFile part(out + QStringLiteral(".corral-part"));
    QVERIFY(part.open(QIODevice::WriteOnly));
    QVERIFY(part.resize(8 * 1024 * 1024));
    part.close();
    RunSpec spec;
    spec.mode = RunSpec::Mode::Download;
    spec.localPath = out;
    auto peer = sender(TransferPlan::sendCommand(source, 8 * 1024 * 1024));
    peer->startAt = 8 * 1024 * 1024;
    spec.peers.push_back(std::move(peer));
    runTransfer(spec);
    const auto &p = spec.peers.front();
    QVERIFY2(p->state == TransferJob::State::Done, qPrintable(p->error));
    QCOMPARE(sha256Of(out), sha256Of(source));
    QVERIFY(!QFile::exists(out + QStringLiteral(".corral-part")));
    QVERIFY2(allocatedBytes(out) < 8 * 1024 * 1024, "holes stay holes");
}

void tst_TransferWorker::verifyReportsTheHash()
{
    const QString file = randomFile(QStringLiteral("verify.bin"), 2 * 1024 * 1024);
    RunSpec good;
    good.mode = RunSpec::Mode::Verify;
    good.total = 2 * 1024 * 1024;
    good.expectedSha256 = sha256Of(file);
    good.peers.push_back(sender(TransferPlan::hashCommand(file)));
    runTransfer(good);
    QVERIFY2(good.peers.front()->state == TransferJob::State::Done,
             qPrintable(good.peers.front()->error));
    QCOMPARE(good.localSha256, sha256Of(file));

    RunSpec bad;
    bad.mode = RunSpec::Mode::Verify;
    bad.total = 2 * 1024 * 1024;
    bad.expectedSha256 = QString(64, u'0');
    bad.peers.push_back(sender(TransferPlan::hashCommand(file)));
    runTransfer(bad);
    QCOMPARE(int(bad.peers.front()->state), int(TransferJob::State::Failed));
    QVERIFY2(bad.peers.front()->error.contains(QStringLiteral("damaged")),
             qPrintable(bad.peers.front()->error));

    RunSpec missing;
    missing.mode = RunSpec::Mode::Verify;
    missing.peers.push_back(sender(TransferPlan::hashCommand(path(QStringLiteral("nope")))));
    runTransfer(missing);
    QCOMPARE(int(missing.peers.front()->state), int(TransferJob::State::Failed));
    QVERIFY2(missing.peers.front()->error.contains(QStringLiteral("cannot read")),
             qPrintable(missing.peers.front()->error));
}

QTEST_GUILESS_MAIN(tst_TransferWorker)
#include "tst_transferworker.moc"
