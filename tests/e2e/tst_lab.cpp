// End-to-end tests against the lab hosts scripts/lab starts (real sshd, libvirtd and QEMU).
// scripts/test starts the lab and sets CORRAL_LAB_DIR; each test works on a copy of the
// lab's catalog so it can add hosts with broken URIs without touching the lab.
#include "fleet/fleet.h"
#include "labsupport.h"
#include "store/storeservice.h"
#include "virt/virteventloop.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace Corral;

namespace {

using LabSupport::lab;
using LabSupport::labDir;

QString withParam(const QString &uri, const QString &key, const QString &value)
{
    QUrl url(uri);
    QUrlQuery query(url);
    query.removeAllQueryItems(key);
    query.addQueryItem(key, value);
    url.setQuery(query);
    return url.toString();
}

// Runs virsh against a lab host's URI; returns its exit code (output to *out if given).
int virsh(const QString &uri, const QStringList &args, QString *out = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("virsh"),
            QStringList{QStringLiteral("-q"), QStringLiteral("-k"), QStringLiteral("1"),
                        QStringLiteral("-c"), uri}
                + args);
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString sshKeygen(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
             QStringLiteral("-N"), QString(), QStringLiteral("-f"), path});
    p.waitForFinished();
    QFile pub(path + QStringLiteral(".pub"));
    if (!pub.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(pub.readAll()).trimmed();
}

} // namespace

static Corral::HostConfig hostNamed(const QString &name, const QString &uri)
{
    Corral::HostConfig config;
    config.name = name;
    config.uri = uri;
    return config;
}

class tst_Lab : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<Fleet> m_fleet;

    HostInfo host(const QString &name) const { return *m_fleet->hostByName(name); }
    VmInfo vm(const QString &ref) const { return *m_fleet->resolveVm(ref); }
    bool connected(const QString &name) const
    {
        const auto h = m_fleet->hostByName(name);
        return h && h->state == HostState::Connected;
    }

    Task runAndWait(VmOperation op, const QString &ref, int timeoutMs = 60000)
    {
        const VmInfo v = vm(ref);
        const quint64 id = m_fleet->runOperation(op, VmKey{v.hostId, v.uuid});
        if (!QTest::qWaitFor([&] { return m_fleet->tasks()->task(id).isFinished(); }, timeoutMs))
            qWarning() << "task did not finish:" << m_fleet->tasks()->task(id).title;
        return m_fleet->tasks()->task(id);
    }

    // A second fleet on a scratch catalog with one host, for URI-level failure cases.
    struct Scratch
    {
        QTemporaryDir dir;
        StoreService store{dir.filePath(QStringLiteral("s.sqlite"))};
        Fleet fleet{&store};
        qint64 add(const QString &name, const QString &uri)
        {
            std::optional<Result<HostConfig>> r;
            fleet.addHost(hostNamed(name, uri), [&](Result<HostConfig> x) { r = x; });
            if (!QTest::qWaitFor([&] { return r.has_value(); }, 5000) || !*r)
                return 0;
            return (*r)->id;
        }
        HostInfo info(qint64 id) const { return *fleet.host(id); }
    };

private Q_SLOTS:
    void initTestCase()
    {
        if (labDir().isEmpty())
            QSKIP("CORRAL_LAB_DIR is not set: run through scripts/test, which starts the lab");
        qint64 elapsed = 0;
        const QString failure = LabSupport::openLabFleet(m_dir, m_store, m_fleet, 1000, &elapsed);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_fleet->setShutdownTimeout(90000);
        qInfo() << "3 lab hosts connected with complete inventory in" << elapsed << "ms";
    }

    void cleanupTestCase()
    {
        m_fleet.reset();
        m_store.reset();
    }

    void listsThreeHosts()
    {
        const QList<HostInfo> hosts = m_fleet->hosts();
        QCOMPARE(hosts.size(), 3);
        for (const HostInfo &h : hosts) {
            QCOMPARE(h.state, HostState::Connected);
            QCOMPARE(h.vmCount, 2);
            QVERIFY(h.cpus > 0);
            QVERIFY(h.memoryKiB > 0);
            QVERIFY2(h.hypervisor.startsWith(u"QEMU"), qPrintable(h.hypervisor));
            const QString vm1
                = h.config.name + QStringLiteral("/") + h.config.name + QStringLiteral("-vm1");
            QCOMPARE(vm(vm1).state, VmState::Running);
            QCOMPARE(vm(vm1).memoryKiB, 128 * 1024);
        }
    }

    void statsOfRunningVms()
    {
        const VmInfo v = vm(QStringLiteral("lab1-vm1"));
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet->vm({v.hostId, v.uuid})->stats.isValid(), 10000);
        const VmStats st = m_fleet->vm({v.hostId, v.uuid})->stats;
        QVERIFY(st.cpuPercent >= 0);
        QVERIFY(st.memoryUsedKiB > 0);
    }

    void startArrivesByEvent()
    {
        const VmInfo v = vm(QStringLiteral("lab2-vm2"));
        QCOMPARE(v.state, VmState::Shutoff);
        // No stats sweep may help: the state must come from the lifecycle event.
        m_fleet->setStatsInterval(0);
        QElapsedTimer timer;
        timer.start();
        const quint64 id = m_fleet->runOperation(VmOperation::Start, VmKey{v.hostId, v.uuid});
        QTRY_COMPARE_WITH_TIMEOUT(m_fleet->vm({v.hostId, v.uuid})->state, VmState::Running, 2000);
        qInfo() << "start -> running state seen after" << timer.elapsed() << "ms";
        QTRY_VERIFY(m_fleet->tasks()->task(id).isFinished());
        QCOMPARE(m_fleet->tasks()->task(id).state, Task::State::Succeeded);
        QCOMPARE(host(QStringLiteral("lab2")).runningCount, 2);

        QCOMPARE(runAndWait(VmOperation::Suspend, QStringLiteral("lab2-vm2")).state,
                 Task::State::Succeeded);
        QTRY_COMPARE(vm(QStringLiteral("lab2-vm2")).state, VmState::Paused);
        QCOMPARE(runAndWait(VmOperation::Resume, QStringLiteral("lab2-vm2")).state,
                 Task::State::Succeeded);
        QTRY_COMPARE(vm(QStringLiteral("lab2-vm2")).state, VmState::Running);

        QCOMPARE(runAndWait(VmOperation::PowerOff, QStringLiteral("lab2-vm2")).state,
                 Task::State::Succeeded);
        QTRY_COMPARE_WITH_TIMEOUT(vm(QStringLiteral("lab2-vm2")).state, VmState::Shutoff, 2000);
        m_fleet->setStatsInterval(1000);
    }

    void gracefulShutdown()
    {
        // The tiny guest powers off on the ACPI power button; the task ends when it is off.
        const Task t = runAndWait(VmOperation::Shutdown, QStringLiteral("lab3-vm1"), 100000);
        QVERIFY2(t.state == Task::State::Succeeded, qPrintable(t.message));
        QCOMPARE(vm(QStringLiteral("lab3-vm1")).state, VmState::Shutoff);
        QCOMPARE(runAndWait(VmOperation::Start, QStringLiteral("lab3-vm1")).state,
                 Task::State::Succeeded);
    }

    void definedVmAppearsAndDeletesWithStorage()
    {
        const HostInfo h = host(QStringLiteral("lab1"));
        const QString uri = h.config.uri;
        QCOMPARE(virsh(uri,
                       {QStringLiteral("vol-create-as"), QStringLiteral("corral-vms"),
                        QStringLiteral("e2e-del.qcow2"), QStringLiteral("16M"),
                        QStringLiteral("--format"), QStringLiteral("qcow2")}),
                 0);
        QTemporaryDir tmp;
        const QString xmlPath = tmp.filePath(QStringLiteral("e2e-del.xml"));
        QFile xml(xmlPath);
        QVERIFY(xml.open(QIODevice::WriteOnly));
        xml.write(R"(<domain type='qemu'><name>e2e-del</name>
  <memory unit='MiB'>64</memory><vcpu>1</vcpu>
  <os><type arch='x86_64'>hvm</type></os>
  <devices><disk type='volume' device='disk'>
    <driver name='qemu' type='qcow2'/>
    <source pool='corral-vms' volume='e2e-del.qcow2'/><target dev='vda' bus='virtio'/>
  </disk></devices></domain>)");
        xml.close();
        // Defined behind Corral's back: the DEFINED event brings it into the inventory.
        QCOMPARE(virsh(uri, {QStringLiteral("define"), xmlPath}), 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet->resolveVm(QStringLiteral("lab1/e2e-del")).has_value(),
                                 3000);
        QCOMPARE(vm(QStringLiteral("lab1/e2e-del")).state, VmState::Shutoff);
        QCOMPARE(host(QStringLiteral("lab1")).vmCount, 3);

        const VmInfo v = vm(QStringLiteral("lab1/e2e-del"));
        const quint64 id
            = m_fleet->runOperation(VmOperation::Delete, VmKey{v.hostId, v.uuid}, true);
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet->tasks()->task(id).isFinished(), 20000);
        QVERIFY2(m_fleet->tasks()->task(id).state == Task::State::Succeeded,
                 qPrintable(m_fleet->tasks()->task(id).message));
        QTRY_VERIFY(!m_fleet->resolveVm(QStringLiteral("lab1/e2e-del")));
        QCOMPARE(host(QStringLiteral("lab1")).vmCount, 2);
        // The VM's own volume is gone; the shared base image is not.
        QVERIFY(virsh(uri,
                      {QStringLiteral("vol-info"), QStringLiteral("--pool"),
                       QStringLiteral("corral-vms"), QStringLiteral("e2e-del.qcow2")})
                != 0);
        QCOMPARE(virsh(uri,
                       {QStringLiteral("vol-info"), QStringLiteral("--pool"),
                        QStringLiteral("corral-images"), QStringLiteral("corral-tiny.qcow2")}),
                 0);
    }

    void killedLibvirtdGoesOfflineAndComesBack()
    {
        QVERIFY(lab({QStringLiteral("ctl"), QStringLiteral("lab2"), QStringLiteral("libvirtd"),
                     QStringLiteral("kill")}));
        QElapsedTimer timer;
        timer.start();
        QTRY_COMPARE_WITH_TIMEOUT(host(QStringLiteral("lab2")).state, HostState::Offline, 15000);
        qInfo() << "killed libvirtd: offline after" << timer.elapsed() << "ms";
        QVERIFY(!host(QStringLiteral("lab2")).error.isEmpty());
        QVERIFY(connected(QStringLiteral("lab1")));
        QVERIFY(connected(QStringLiteral("lab3")));
        // Last known VMs stay listed while the host is away.
        QCOMPARE(host(QStringLiteral("lab2")).vmCount, 2);

        QVERIFY(lab({QStringLiteral("ctl"), QStringLiteral("lab2"), QStringLiteral("libvirtd"),
                     QStringLiteral("start")}));
        QTRY_VERIFY_WITH_TIMEOUT(connected(QStringLiteral("lab2")), 40000);
        QCOMPARE(host(QStringLiteral("lab2")).vmCount, 2);
        QVERIFY(m_fleet->resolveVm(QStringLiteral("lab2/lab2-vm1")));
        // Events flow again after the reconnect.
        QCOMPARE(runAndWait(VmOperation::Start, QStringLiteral("lab2-vm2")).state,
                 Task::State::Succeeded);
        QTRY_COMPARE_WITH_TIMEOUT(vm(QStringLiteral("lab2-vm2")).state, VmState::Running, 2000);
        QCOMPARE(runAndWait(VmOperation::PowerOff, QStringLiteral("lab2-vm2")).state,
                 Task::State::Succeeded);
    }

    void frozenLibvirtdGoesOffline()
    {
        QVERIFY(lab({QStringLiteral("ctl"), QStringLiteral("lab3"), QStringLiteral("libvirtd"),
                     QStringLiteral("freeze")}));
        QElapsedTimer timer;
        timer.start();
        const bool offline = QTest::qWaitFor(
            [&] { return host(QStringLiteral("lab3")).state == HostState::Offline; }, 15000);
        const qint64 took = timer.elapsed();

        // A console that opens the frozen host waits inside libvirt's open (no timeout
        // there); closing that console must still be quick.
        qint64 closeMs = -1;
        {
            auto scratch = std::make_unique<Scratch>();
            const qint64 id
                = scratch->add(QStringLiteral("frozen"), host(QStringLiteral("lab3")).config.uri);
            (void)QTest::qWaitFor([&] { return scratch->info(id).state == HostState::Connecting; },
                                  5000);
            QElapsedTimer closing;
            closing.start();
            scratch.reset();
            closeMs = closing.elapsed();
        }
        QVERIFY(lab({QStringLiteral("ctl"), QStringLiteral("lab3"), QStringLiteral("libvirtd"),
                     QStringLiteral("thaw")}));
        qInfo() << "closing a fleet stuck on a frozen host took" << closeMs << "ms";
        QVERIFY(closeMs >= 0 && closeMs < 8000);
        QVERIFY2(offline, "a frozen libvirtd was not noticed within 15 s");
        qInfo() << "frozen libvirtd: offline after" << took << "ms";
        QVERIFY(connected(QStringLiteral("lab1")));
        QTRY_VERIFY_WITH_TIMEOUT(connected(QStringLiteral("lab3")), 40000);
        QCOMPARE(host(QStringLiteral("lab3")).vmCount, 2);
    }

    void killedSshdDropsTheConnection()
    {
        QVERIFY(lab({QStringLiteral("ctl"), QStringLiteral("lab1"), QStringLiteral("sshd"),
                     QStringLiteral("kill")}));
        QTRY_COMPARE_WITH_TIMEOUT(host(QStringLiteral("lab1")).state, HostState::Offline, 15000);
        QVERIFY(lab({QStringLiteral("ctl"), QStringLiteral("lab1"), QStringLiteral("sshd"),
                     QStringLiteral("start")}));
        QTRY_VERIFY_WITH_TIMEOUT(connected(QStringLiteral("lab1")), 40000);
    }

    void badUriIsRefused()
    {
        Scratch s;
        std::optional<Result<HostConfig>> r;
        s.fleet.addHost(
            hostNamed(QStringLiteral("x"), QStringLiteral("qemu+libssh://127.0.0.11/sytem")),
            [&](Result<HostConfig> x) { r = x; });
        QTRY_VERIFY(r.has_value());
        QVERIFY(!*r);
        QVERIFY2(r->error().message.contains(u"/system or /session"),
                 qPrintable(r->error().message));
    }

    void wrongKeyIsRefused()
    {
        Scratch s;
        const QString key = s.dir.filePath(QStringLiteral("stranger"));
        QVERIFY(!sshKeygen(key).isEmpty());
        const QString uri
            = withParam(host(QStringLiteral("lab1")).config.uri, QStringLiteral("keyfile"), key);
        const qint64 id = s.add(QStringLiteral("wrongkey"), uri);
        QVERIFY(id);
        QTRY_VERIFY_WITH_TIMEOUT(
            s.info(id).state == HostState::Offline && !s.info(id).error.isEmpty(), 20000);
        qInfo() << "wrong key:" << s.info(id).error;
        QVERIFY2(s.info(id).error.contains(u"refused the login"), qPrintable(s.info(id).error));
        QVERIFY(!s.info(id).nextRetry.isValid()); // a refused key is not retried
    }

    void changedHostKeyIsRefused()
    {
        Scratch s;
        const QString other = sshKeygen(s.dir.filePath(QStringLiteral("impostor")));
        const QString knownHosts = s.dir.filePath(QStringLiteral("known_hosts"));
        QFile f(knownHosts);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // The impostor's key recorded for lab1's endpoint: lab1's real key is then "changed".
        f.write(QStringLiteral("[127.0.0.11]:2222 %1\n").arg(other.section(u' ', 0, 1)).toUtf8());
        f.close();
        const QString uri = withParam(host(QStringLiteral("lab1")).config.uri,
                                      QStringLiteral("known_hosts"), knownHosts);
        QSignalSpy asked(&s.fleet, &Fleet::credentialRequested);
        const qint64 id = s.add(QStringLiteral("changed"), uri);
        QTRY_VERIFY_WITH_TIMEOUT(
            s.info(id).state == HostState::Offline && !s.info(id).error.isEmpty(), 20000);
        QVERIFY2(s.info(id).error.contains(u"CHANGED"), qPrintable(s.info(id).error));
        QVERIFY2(s.info(id).error.contains(u"SHA256:"), qPrintable(s.info(id).error));
        QVERIFY(asked.isEmpty()); // never offered to accept a changed key
        QVERIFY(!s.info(id).nextRetry.isValid()); // and never retried behind the user's back
    }

    void unknownHostKeyIsAQuestion()
    {
        Scratch s;
        const QString knownHosts = s.dir.filePath(QStringLiteral("known_hosts"));
        const QString uri = withParam(host(QStringLiteral("lab2")).config.uri,
                                      QStringLiteral("known_hosts"), knownHosts);
        QSignalSpy asked(&s.fleet, &Fleet::credentialRequested);

        // First answer "no": refused, with the fingerprint in the message.
        const qint64 id = s.add(QStringLiteral("unknown"), uri);
        QVERIFY(asked.wait(15000));
        auto req = asked.takeFirst().first().value<CredentialRequest>();
        QCOMPARE(req.kind, CredentialRequest::Kind::HostKey);
        QVERIFY(req.fingerprint.startsWith(u"SHA256:"));
        s.fleet.answerCredential(req.id, std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(s.info(id).state == HostState::Offline
                                     && s.info(id).error.contains(req.fingerprint),
                                 10000);
        QVERIFY(!QFile::exists(knownHosts) || QFile(knownHosts).size() == 0);

        // Then "yes": remembered, and connected.
        s.fleet.connectHost(id);
        QVERIFY(asked.wait(15000));
        req = asked.takeFirst().first().value<CredentialRequest>();
        s.fleet.answerCredential(req.id, QStringLiteral("yes"));
        QTRY_COMPARE_WITH_TIMEOUT(s.info(id).state, HostState::Connected, 20000);
        QFile f(knownHosts);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("[127.0.0.12]:2222"));
    }
};

int main(int argc, char *argv[])
{
    VirtEventLoop::prepareProcess();
    QCoreApplication app(argc, argv);
    tst_Lab test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_lab.moc"
