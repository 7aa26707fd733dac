// Namespaces, quotas, the scheduler and deploy against the lab's three hosts, through corralctl
// as scripts use it; the guests are checked on their serial consoles (real boots, a real file
// written to the VM's own disk and gone after a revert).
#include "labsupport.h"

#include "fleet/remoteaccess.h"
#include "term/consolestream.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <csignal>

using namespace LabSupport;
using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

const QStringList labHosts{u"lab1"_s, u"lab2"_s, u"lab3"_s};

QString vmPoolDir(const QString &host)
{
    return labDir() + u"/hosts/"_s + host + u"/pools/vms"_s;
}

QString imagePoolDir(const QString &host)
{
    return labDir() + u"/hosts/"_s + host + u"/pools/images"_s;
}

QByteArray describe(const Output &o)
{
    return "exit " + QByteArray::number(o.code) + "\nstdout: " + o.out + "\nstderr: " + o.err;
}

} // namespace

class tst_Deploy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<Fleet> m_fleet;

    Output ctl(const QStringList &args, int timeoutMs = 180000)
    {
        return corralctl(m_db, args, timeoutMs);
    }

    QJsonArray ctlJson(const QStringList &args, Output *raw = nullptr)
    {
        const Output o = ctl(QStringList{u"--json"_s} + args);
        if (raw)
            *raw = o;
        return QJsonDocument::fromJson(o.out).array();
    }

    // Every VM the lab's hosts run, as `vm list --json` gives them.
    QJsonArray vmList(const QString &ns = {})
    {
        QStringList args{u"vm"_s, u"list"_s};
        if (!ns.isEmpty())
            args << u"--namespace"_s << ns;
        return ctlJson(args);
    }

    // Deletes every VM (and its disks) whose namespace starts with e2e-, and those namespaces.
    void removeLeftovers()
    {
        for (const QJsonValue &vm : vmList()) {
            const QString ns = vm[u"namespace"_s].toString();
            if (ns.startsWith(u"e2e-") || vm[u"name"_s].toString().startsWith(u"e2e-")) {
                ctl({u"vm"_s, u"delete"_s,
                     vm[u"host"_s].toString() + u'/' + vm[u"name"_s].toString(),
                     u"--with-storage"_s});
            }
        }
        for (const QString &host : labHosts) {
            QDir vms(vmPoolDir(host));
            for (const QString &name : vms.entryList({u"e2e-*"_s}, QDir::Files))
                QFile::remove(vms.filePath(name));
            QDir images(imagePoolDir(host));
            for (const QString &name : images.entryList({u"e2e-*"_s}, QDir::Files))
                QFile::remove(images.filePath(name));
        }
    }

    // The VM as the in-process fleet sees it, once its host has reported it.
    std::optional<VmInfo> waitForVm(const QString &name)
    {
        std::optional<VmInfo> found;
        static_cast<void>(QTest::qWaitFor(
            [&] {
                for (const VmInfo &vm : m_fleet->vms()) {
                    if (vm.name == name)
                        found = vm;
                }
                return found.has_value();
            },
            30000));
        return found;
    }

    // Sends `input` to the VM's serial console (again every few seconds: the guest may still
    // be booting) until `expect` shows up. Returns what the console printed.
    QByteArray console(const QString &vmName, const QByteArray &input, const QByteArray &expect,
                       int timeoutMs = 120000)
    {
        const auto vm = waitForVm(vmName);
        if (!vm)
            return "(no such VM in the inventory)";
        auto stream = m_fleet->remote()->serialConsole({vm->hostId, vm->uuid});
        QByteArray seen;
        bool connected = false;
        connect(stream.get(), &ConsoleStream::dataReceived, this,
                [&seen](const QByteArray &bytes) { seen += bytes; });
        connect(stream.get(), &ConsoleStream::stateChanged, this,
                [&connected](ConsoleStream::State state, const QString &) {
                    connected = state == ConsoleStream::State::Connected;
                });
        stream->open();
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs && !seen.contains(expect)) {
            if (!QTest::qWaitFor([&] { return connected; }, 10000))
                continue;
            stream->write(input);
            static_cast<void>(QTest::qWaitFor([&] { return seen.contains(expect); }, 4000));
        }
        stream->close();
        return seen;
    }

    bool booted(const QString &vmName)
    {
        // The boot marker when we attach early enough, else the shell's prompt on ttyS0.
        const QByteArray seen = console(vmName, "\r", ":/# ");
        return seen.contains(":/# ") || seen.contains("CORRAL-GUEST-BOOTED");
    }

    QSet<QString> hostsOf(const QJsonArray &vms)
    {
        QSet<QString> hosts;
        for (const QJsonValue &vm : vms)
            hosts.insert(vm[u"host"_s].toString());
        return hosts;
    }

private Q_SLOTS:
    void initTestCase();
    void spreadPlacesOnePerHostAndTheQuotaHolds();
    void packFillsOneHostFirst();
    void revertResetsTheDisk();
    void savedImageDeploysElsewhere();
    void snapshotsResizeAndClone();
    void racingDeploysDoNotOverbook();
    void hostLostMidDeployLeavesNoOrphans();
    void cleanupTestCase();
};

void tst_Deploy::initTestCase()
{
    if (labDir().isEmpty())
        QSKIP("needs the lab: run scripts/test, or set CORRAL_LAB_DIR");
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"corral.sqlite"_s);
    const QString problem = openLabFleet(m_dir, m_store, m_fleet, 0);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    removeLeftovers();
}

void tst_Deploy::cleanupTestCase()
{
    if (labDir().isEmpty())
        return;
    removeLeftovers();
    m_fleet.reset();
    m_store.reset();
}

void tst_Deploy::spreadPlacesOnePerHostAndTheQuotaHolds()
{
    Output o = ctl({u"ns"_s, u"create"_s, u"e2e-quota"_s, u"--max-vms"_s, u"4"_s});
    QVERIFY2(o.code == 0, describe(o).constData());

    const QStringList tiny{u"--image"_s,     u"corral-tiny.qcow2"_s, u"--cpu"_s,  u"1"_s,
                           u"--memory-mib"_s, u"128"_s,              u"--port"_s, u"22"_s,
                           u"--network"_s,    u"user-isolated"_s};
    const QJsonArray three = ctlJson(
        QStringList{u"vm"_s, u"deploy"_s, u"--namespace"_s, u"e2e-quota"_s, u"--count"_s, u"3"_s,
                    u"--name"_s, u"e2e-s"_s}
            + tiny,
        &o);
    QVERIFY2(o.code == 0, describe(o).constData());
    QCOMPARE(three.size(), 3);
    QCOMPARE(hostsOf(three), QSet<QString>(labHosts.begin(), labHosts.end()));
    for (const QJsonValue &vm : three) {
        QCOMPARE(vm[u"state"_s].toString(), u"running"_s);
        QCOMPARE(vm[u"namespace"_s].toString(), u"e2e-quota"_s);
        QVERIFY(vm[u"ports"_s].toArray().first().toString().startsWith(u"22 -> "));
    }
    for (const QJsonValue &vm : three)
        QVERIFY2(booted(vm[u"name"_s].toString()), qPrintable(vm[u"name"_s].toString()));

    // The namespace's VMs carry it in their metadata: any console lists them.
    QCOMPARE(vmList(u"e2e-quota"_s).size(), 3);

    o = ctl(QStringList{u"vm"_s, u"deploy"_s, u"--namespace"_s, u"e2e-quota"_s} + tiny);
    QVERIFY2(o.code == 0, describe(o).constData()); // the 4th fits the quota
    o = ctl(QStringList{u"vm"_s, u"deploy"_s, u"--namespace"_s, u"e2e-quota"_s} + tiny);
    QVERIFY2(o.code != 0, describe(o).constData()); // the 5th does not
    QVERIFY2(o.err.contains("e2e-quota") && o.err.contains("4"), describe(o).constData());
    QVERIFY2(o.err.contains("--max-vms"), describe(o).constData()); // says what to do
    QCOMPARE(vmList(u"e2e-quota"_s).size(), 4);

    // Deleting a namespace with VMs needs --cascade; then the VMs and disks go with it.
    o = ctl({u"ns"_s, u"delete"_s, u"e2e-quota"_s});
    QVERIFY2(o.code != 0 && o.err.contains("4 VM"), describe(o).constData());
    o = ctl({u"ns"_s, u"delete"_s, u"e2e-quota"_s, u"--cascade"_s, u"--yes"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    QCOMPARE(vmList(u"e2e-quota"_s).size(), 0);
    for (const QString &host : labHosts)
        QVERIFY(QDir(vmPoolDir(host)).entryList({u"e2e-s*"_s}, QDir::Files).isEmpty());
}

void tst_Deploy::packFillsOneHostFirst()
{
    Output o = ctl({u"ns"_s, u"create"_s, u"e2e-pack"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    // 2 host CPUs x 2 = 4 vCPUs per lab host; each already runs its labN-vm1 (1 vCPU).
    o = ctl({u"scheduler"_s, u"set"_s, u"--cpu-overcommit"_s, u"2"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    const QStringList tiny{u"--image"_s, u"corral-tiny.qcow2"_s, u"--cpu"_s, u"1"_s,
                           u"--memory-mib"_s, u"128"_s};
    const QJsonArray plan = ctlJson(QStringList{u"vm"_s, u"deploy"_s, u"--namespace"_s,
                                                u"e2e-pack"_s, u"--count"_s, u"4"_s,
                                                u"--strategy"_s, u"pack"_s, u"--dry-run"_s}
                                        + tiny,
                                    &o);
    QVERIFY2(o.code == 0, describe(o).constData());
    QCOMPARE(plan.size(), 4);
    const QString first = plan[0][u"host"_s].toString();
    QCOMPARE(plan[1][u"host"_s].toString(), first);
    QCOMPARE(plan[2][u"host"_s].toString(), first);
    QVERIFY(plan[3][u"host"_s].toString() != first); // full: the next host

    const QJsonArray two = ctlJson(QStringList{u"vm"_s, u"deploy"_s, u"--namespace"_s,
                                               u"e2e-pack"_s, u"--count"_s, u"2"_s,
                                               u"--strategy"_s, u"pack"_s}
                                       + tiny,
                                   &o);
    QVERIFY2(o.code == 0, describe(o).constData());
    QCOMPARE(hostsOf(two).size(), 1);

    o = ctl({u"ns"_s, u"delete"_s, u"e2e-pack"_s, u"--cascade"_s, u"--yes"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    o = ctl({u"scheduler"_s, u"set"_s, u"--cpu-overcommit"_s, u"4"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
}

void tst_Deploy::revertResetsTheDisk()
{
    Output o = ctl({u"ns"_s, u"create"_s, u"e2e-life"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    o = ctl({u"vm"_s, u"deploy"_s, u"--namespace"_s, u"e2e-life"_s, u"--image"_s,
             u"corral-tiny.qcow2"_s, u"--cpu"_s, u"1"_s, u"--memory-mib"_s, u"128"_s, u"--name"_s,
             u"e2e-rev"_s, u"--host"_s, u"lab1"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    QVERIFY(booted(u"e2e-rev"_s));

    // $((1+1)) keeps the echoed command line from matching what we wait for.
    QByteArray seen = console(u"e2e-rev"_s,
                              "echo corral-was-here > /mnt/disk/MARK.TXT && sync && "
                              "echo WROTE-$((1+1))\r",
                              "WROTE-2");
    QVERIFY2(seen.contains("WROTE-2"), seen.right(400).constData());

    o = ctl({u"vm"_s, u"revert"_s, u"e2e-rev"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    QVERIFY(booted(u"e2e-rev"_s)); // it ran before, so it runs again
    seen = console(u"e2e-rev"_s, "ls /mnt/disk/MARK.TXT; echo GONE-$((1+1))-$?\r", "GONE-2-");
    QVERIFY2(seen.contains("GONE-2-1"), seen.right(400).constData()); // ls failed: no file
}

void tst_Deploy::savedImageDeploysElsewhere()
{
    // What the VM wrote becomes part of the new image, which deploys on another host (the
    // deploy copies it there first).
    QByteArray seen = console(u"e2e-rev"_s,
                              "echo saved > /mnt/disk/SAVED.TXT && sync && echo OK-$((2+2))\r",
                              "OK-4");
    QVERIFY2(seen.contains("OK-4"), seen.right(400).constData());
    Output o = ctl({u"vm"_s, u"poweroff"_s, u"e2e-rev"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    o = ctl({u"vm"_s, u"save-image"_s, u"e2e-rev"_s, u"e2e-saved.qcow2"_s, u"--description"_s,
             u"tiny guest with SAVED.TXT"_s});
    QVERIFY2(o.code == 0, describe(o).constData());

    const QJsonArray vms = ctlJson({u"vm"_s, u"deploy"_s, u"--namespace"_s, u"e2e-life"_s,
                                    u"--image"_s, u"e2e-saved.qcow2"_s, u"--cpu"_s, u"1"_s,
                                    u"--memory-mib"_s, u"128"_s, u"--name"_s, u"e2e-from-saved"_s,
                                    u"--host"_s, u"lab2"_s},
                                   &o);
    QVERIFY2(o.code == 0, describe(o).constData());
    QCOMPARE(vms.first()[u"host"_s].toString(), u"lab2"_s);
    QVERIFY(QFile::exists(imagePoolDir(u"lab2"_s) + u"/e2e-saved.qcow2"_s));
    QVERIFY(booted(u"e2e-from-saved"_s));
    seen = console(u"e2e-from-saved"_s, "cat /mnt/disk/SAVED.TXT; echo CAT-$((1+1))-$?\r",
                   "CAT-2-");
    QVERIFY2(seen.contains("saved") && seen.contains("CAT-2-0"), seen.right(400).constData());

    o = ctl({u"ns"_s, u"delete"_s, u"e2e-life"_s, u"--cascade"_s, u"--yes"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    o = ctl({u"image"_s, u"delete"_s, u"e2e-saved.qcow2"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
}

void tst_Deploy::snapshotsResizeAndClone()
{
    Output o = ctl({u"ns"_s, u"create"_s, u"e2e-snap"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    o = ctl({u"vm"_s, u"deploy"_s, u"--namespace"_s, u"e2e-snap"_s, u"--image"_s,
             u"corral-tiny.qcow2"_s, u"--cpu"_s, u"1"_s, u"--memory-mib"_s, u"128"_s, u"--name"_s,
             u"e2e-snap"_s, u"--host"_s, u"lab3"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    QVERIFY(booted(u"e2e-snap"_s));
    QByteArray seen = console(u"e2e-snap"_s,
                              "echo one > /mnt/disk/BEFORE.TXT && sync && echo W-$((3+3))\r",
                              "W-6");
    QVERIFY2(seen.contains("W-6"), seen.right(400).constData());

    // A snapshot of the shut-off VM, a file written after it, a revert: the file is gone,
    // the one from before is there.
    o = ctl({u"vm"_s, u"poweroff"_s, u"e2e-snap"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    o = ctl({u"vm"_s, u"snapshot"_s, u"e2e-snap"_s, u"create"_s, u"s1"_s, u"--description"_s,
             u"before AFTER.TXT"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    QJsonArray snaps = ctlJson({u"vm"_s, u"snapshot"_s, u"e2e-snap"_s, u"list"_s}, &o);
    QVERIFY2(o.code == 0, describe(o).constData());
    QCOMPARE(snaps.size(), 1);
    QCOMPARE(snaps[0][u"name"_s].toString(), u"s1"_s);
    QCOMPARE(snaps[0][u"description"_s].toString(), u"before AFTER.TXT"_s);
    QCOMPARE(snaps[0][u"state"_s].toString(), u"shutoff"_s);

    o = ctl({u"vm"_s, u"start"_s, u"e2e-snap"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    QVERIFY(booted(u"e2e-snap"_s));
    seen = console(u"e2e-snap"_s, "echo two > /mnt/disk/AFTER.TXT && sync && echo W-$((4+4))\r",
                   "W-8");
    QVERIFY2(seen.contains("W-8"), seen.right(400).constData());
    o = ctl({u"vm"_s, u"poweroff"_s, u"e2e-snap"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    o = ctl({u"vm"_s, u"snapshot"_s, u"e2e-snap"_s, u"revert"_s, u"s1"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    o = ctl({u"vm"_s, u"start"_s, u"e2e-snap"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    QVERIFY(booted(u"e2e-snap"_s));
    seen = console(u"e2e-snap"_s,
                   "ls /mnt/disk/AFTER.TXT; cat /mnt/disk/BEFORE.TXT; echo R-$((5+5))-$?\r",
                   "R-10-");
    QVERIFY2(seen.contains("No such file") && seen.contains("R-10-0"),
             seen.right(400).constData());

    o = ctl({u"vm"_s, u"snapshot"_s, u"e2e-snap"_s, u"delete"_s, u"s1"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    QCOMPARE(ctlJson({u"vm"_s, u"snapshot"_s, u"e2e-snap"_s, u"list"_s}).size(), 0);
    o = ctl({u"vm"_s, u"snapshot"_s, u"e2e-snap"_s, u"revert"_s, u"s1"_s});
    QVERIFY2(o.code != 0 && o.err.contains("s1"), describe(o).constData());

    // Grow the disk (live: the VM runs); shrinking is refused.
    o = ctl({u"vm"_s, u"resize"_s, u"e2e-snap"_s, u"64M"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    QProcess info;
    info.start(u"qemu-img"_s, {u"info"_s, u"-U"_s, u"--output=json"_s,
                               vmPoolDir(u"lab3"_s) + u"/e2e-snap.qcow2"_s});
    QVERIFY(info.waitForFinished(30000));
    QCOMPARE(QJsonDocument::fromJson(info.readAllStandardOutput())[u"virtual-size"_s].toInteger(),
             64LL << 20);
    o = ctl({u"vm"_s, u"resize"_s, u"e2e-snap"_s, u"32M"_s});
    QVERIFY2(o.code != 0 && o.err.contains("only grow"), describe(o).constData());

    // A clone of the shut-off VM has its disk, under a new name, in the same namespace.
    o = ctl({u"vm"_s, u"clone"_s, u"e2e-snap"_s, u"e2e-snap-copy"_s});
    QVERIFY2(o.code != 0 && o.err.contains("shut it down"), describe(o).constData());
    o = ctl({u"vm"_s, u"poweroff"_s, u"e2e-snap"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    o = ctl({u"vm"_s, u"clone"_s, u"e2e-snap"_s, u"e2e-snap-copy"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    QCOMPARE(vmList(u"e2e-snap"_s).size(), 2);
    QVERIFY(booted(u"e2e-snap-copy"_s));
    seen = console(u"e2e-snap-copy"_s, "cat /mnt/disk/BEFORE.TXT; echo C-$((6+6))-$?\r",
                   "C-12-");
    QVERIFY2(seen.contains("one") && seen.contains("C-12-0"), seen.right(400).constData());

    o = ctl({u"ns"_s, u"delete"_s, u"e2e-snap"_s, u"--cascade"_s, u"--yes"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
}

void tst_Deploy::racingDeploysDoNotOverbook()
{
    Output o = ctl({u"ns"_s, u"create"_s, u"e2e-race"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    // lab3 takes 4 vCPUs (2 CPUs x 2) and runs lab3-vm1: room for 3 more. Two consoles ask
    // for 2 each at once; both see room for all of theirs.
    o = ctl({u"scheduler"_s, u"set"_s, u"--cpu-overcommit"_s, u"2"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    const QStringList args{u"--json"_s,      u"vm"_s,     u"deploy"_s,      u"--namespace"_s,
                           u"e2e-race"_s,    u"--image"_s, u"corral-tiny.qcow2"_s,
                           u"--cpu"_s,       u"1"_s,      u"--memory-mib"_s, u"128"_s,
                           u"--count"_s,     u"2"_s,      u"--host"_s,       u"lab3"_s};
    QProcess a, b;
    for (QProcess *p : {&a, &b}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CORRAL_DB"_s, m_db);
        p->setProcessEnvironment(env);
    }
    a.start(QStringLiteral(CORRALCTL), args + QStringList{u"--name"_s, u"e2e-ra"_s});
    b.start(QStringLiteral(CORRALCTL), args + QStringList{u"--name"_s, u"e2e-rb"_s});
    QVERIFY(a.waitForFinished(180000) && b.waitForFinished(180000));
    const QByteArray errors = a.readAllStandardError() + b.readAllStandardError();

    int running = 0;
    int vcpus = 0;
    for (const QJsonValue &vm : vmList()) {
        if (vm[u"host"_s].toString() != u"lab3" || vm[u"state"_s].toString() != u"running")
            continue;
        vcpus += vm[u"vcpus"_s].toInt();
        if (vm[u"namespace"_s].toString() == u"e2e-race")
            ++running;
    }
    QVERIFY2(vcpus <= 4, errors.constData()); // never beyond the host's limit
    QCOMPARE(running, 3); // every VM that fitted runs
    QVERIFY2(a.exitCode() != 0 || b.exitCode() != 0, errors.constData());
    QVERIFY2(errors.contains("lab3"), errors.constData()); // the loser says why
    // The refused VM left nothing behind.
    QCOMPARE(QDir(vmPoolDir(u"lab3"_s)).entryList({u"e2e-r*"_s}, QDir::Files).size(), 3);

    o = ctl({u"ns"_s, u"delete"_s, u"e2e-race"_s, u"--cascade"_s, u"--yes"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    o = ctl({u"scheduler"_s, u"set"_s, u"--cpu-overcommit"_s, u"4"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
}

void tst_Deploy::hostLostMidDeployLeavesNoOrphans()
{
    Output o = ctl({u"ns"_s, u"create"_s, u"e2e-kill"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
    QProcess deploy;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CORRAL_DB"_s, m_db);
    deploy.setProcessEnvironment(env);
    deploy.start(QStringLiteral(CORRALCTL),
                 {u"vm"_s, u"deploy"_s, u"--namespace"_s, u"e2e-kill"_s, u"--image"_s,
                  u"corral-tiny.qcow2"_s, u"--cpu"_s, u"1"_s, u"--memory-mib"_s, u"128"_s,
                  u"--name"_s, u"e2e-kill"_s, u"--host"_s, u"lab2"_s});
    // Its overlay exists once it says "starting": freeze it there, take the host's libvirtd
    // away, let it go on.
    QByteArray progress;
    QVERIFY(QTest::qWaitFor(
        [&] {
            progress += deploy.readAllStandardError();
            return progress.contains("lab2/e2e-kill: starting")
                || deploy.state() == QProcess::NotRunning;
        },
        120000));
    QVERIFY2(deploy.state() == QProcess::Running, progress.constData());
    ::kill(pid_t(deploy.processId()), SIGSTOP);
    QVERIFY(QFile::exists(vmPoolDir(u"lab2"_s) + u"/e2e-kill.qcow2"_s));
    QVERIFY(lab({u"ctl"_s, u"lab2"_s, u"libvirtd"_s, u"kill"_s}));
    ::kill(pid_t(deploy.processId()), SIGCONT);
    QVERIFY(deploy.waitForFinished(120000));
    progress += deploy.readAllStandardError();
    QVERIFY2(deploy.exitCode() != 0, progress.constData());
    // It could not undo anything on a host without libvirtd: the journal has it now.
    QVERIFY2(QFile::exists(vmPoolDir(u"lab2"_s) + u"/e2e-kill.qcow2"_s), progress.constData());

    QVERIFY(lab({u"ctl"_s, u"lab2"_s, u"libvirtd"_s, u"start"_s}));
    // The next console that sees lab2 (here: a listing) undoes what the deploy left there.
    const QJsonArray vms = ctlJson({u"vm"_s, u"list"_s, u"--host"_s, u"lab2"_s}, &o);
    QVERIFY2(o.code == 0, describe(o).constData());
    for (const QJsonValue &vm : vms)
        QVERIFY2(vm[u"name"_s].toString() != u"e2e-kill", describe(o).constData());
    QVERIFY2(QDir(vmPoolDir(u"lab2"_s)).entryList({u"e2e-kill*"_s}, QDir::Files).isEmpty(),
             progress.constData());

    o = ctl({u"ns"_s, u"delete"_s, u"e2e-kill"_s});
    QVERIFY2(o.code == 0, describe(o).constData());
}

QTEST_GUILESS_MAIN(tst_Deploy)
#include "tst_deploy.moc"
