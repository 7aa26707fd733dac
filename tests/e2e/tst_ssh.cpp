// End-to-end tests of terminals, serial consoles, tunnels and port forwards against the lab
// (real sshd, libvirtd, QEMU and the tiny guest's dropbear). scripts/test starts the lab and
// sets CORRAL_LAB_DIR; the tests work on a copy of the lab's catalog.
#include "fleet/fleet.h"
#include "fleet/remoteaccess.h"
#include "labsupport.h"
#include "ssh/sshsession.h"
#include "store/storeservice.h"
#include "term/consolestream.h"
#include "term/terminal.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Corral;

namespace {

using LabSupport::lab;
using LabSupport::labDir;

struct Output
{
    int code = -1;
    QByteArray out;
};

Output run(const QString &program, const QStringList &args, int timeoutMs = 30000)
{
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, args);
    Output o;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return o;
    }
    o.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    o.out = p.readAllStandardOutput() + p.readAllStandardError();
    return o;
}

// Established TCP connections from this process to addr:port (from ss).
int connectionsTo(const QString &address, int port)
{
    const Output o
        = run(QStringLiteral("ss"),
              {QStringLiteral("-Htnp"), QStringLiteral("state"), QStringLiteral("established"),
               QStringLiteral("dst"), QStringLiteral("%1:%2").arg(address).arg(port)});
    const QByteArray me = "pid=" + QByteArray::number(::getpid()) + ',';
    int count = 0;
    for (const QByteArray &line : o.out.split('\n'))
        count += line.contains(me) ? 1 : 0;
    return count;
}

// A console tab without widgets: a stream wired to an emulator, as ConsoleTab wires them.
struct Tab
{
    std::unique_ptr<ConsoleStream> stream;
    Terminal term{24, 100};
    QByteArray raw;

    explicit Tab(std::unique_ptr<ConsoleStream> s)
        : stream(std::move(s))
    {
        QObject::connect(stream.get(), &ConsoleStream::dataReceived, &term,
                         [this](const QByteArray &bytes) {
                             raw += bytes;
                             term.feed(bytes);
                         });
        QObject::connect(&term, &Terminal::outputReady, stream.get(), &ConsoleStream::write);
        stream->resize(100, 24);
        stream->open();
    }
    QString screen() const { return term.screenText().join(u'\n'); }
    void type(const QString &line)
    {
        term.sendText(line);
        term.sendKey(Terminal::Key::Enter);
    }
};

} // namespace

class tst_Ssh : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<Fleet> m_fleet;

    RemoteAccess *remote() { return m_fleet->remote(); }
    qint64 hostId(const QString &name) const { return m_fleet->hostByName(name)->config.id; }
    VmKey vmKey(const QString &ref) const
    {
        const VmInfo v = *m_fleet->resolveVm(ref);
        return VmKey{v.hostId, v.uuid};
    }
    VmState vmState(const QString &ref) const { return m_fleet->resolveVm(ref)->state; }
    bool runOp(VmOperation op, const QString &ref)
    {
        const quint64 id = m_fleet->runOperation(op, vmKey(ref));
        return QTest::qWaitFor([&] { return m_fleet->tasks()->task(id).isFinished(); }, 90000)
            && m_fleet->tasks()->task(id).state == Task::State::Succeeded;
    }
    QString keyFile() const { return labDir() + QStringLiteral("/ssh/id_ed25519"); }
    QString knownHosts() const { return labDir() + QStringLiteral("/ssh/known_hosts"); }

private Q_SLOTS:
    void initTestCase()
    {
        if (labDir().isEmpty())
            QSKIP("CORRAL_LAB_DIR is not set: run through scripts/test, which starts the lab");
        const QString failure = LabSupport::openLabFleet(m_dir, m_store, m_fleet, 0);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void cleanupTestCase()
    {
        m_fleet.reset();
        m_store.reset();
    }

    // A host shell runs a command and the emulator's screen shows its output; three tabs
    // and a tunnel share the one SSH connection Corral opened to the host.
    void hostShellRunsACommand()
    {
        QElapsedTimer timer;
        timer.start();
        Tab tab(remote()->hostShell(hostId(QStringLiteral("lab2"))));
        QTRY_COMPARE_WITH_TIMEOUT(tab.stream->state(), ConsoleStream::State::Connected, 20000);
        qInfo() << "host shell connected in" << timer.elapsed() << "ms";
        tab.type(QStringLiteral("echo corral-$((6*7)) $((100+23))"));
        QTRY_VERIFY_WITH_TIMEOUT(tab.screen().contains(u"corral-42 123"), 10000);

        const int before = connectionsTo(QStringLiteral("127.0.0.12"), 2222);
        Tab second(remote()->hostShell(hostId(QStringLiteral("lab2"))));
        Tab third(remote()->hostShell(hostId(QStringLiteral("lab2"))));
        QTRY_COMPARE_WITH_TIMEOUT(second.stream->state(), ConsoleStream::State::Connected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(third.stream->state(), ConsoleStream::State::Connected, 20000);
        third.type(QStringLiteral("echo third-$((2+2))"));
        QTRY_VERIFY_WITH_TIMEOUT(third.screen().contains(u"third-4"), 10000);
        // libvirt's own connection plus Corral's one session: more tabs add no connection.
        QCOMPARE(connectionsTo(QStringLiteral("127.0.0.12"), 2222), before);
        QCOMPARE(before, 2);

        // The shell's exit ends the tab as Closed (not Failed).
        tab.type(QStringLiteral("exit 0"));
        QTRY_COMPARE_WITH_TIMEOUT(tab.stream->state(), ConsoleStream::State::Closed, 10000);
    }

    void windowChangeReachesThePty()
    {
        Tab tab(remote()->hostShell(hostId(QStringLiteral("lab2"))));
        QTRY_COMPARE_WITH_TIMEOUT(tab.stream->state(), ConsoleStream::State::Connected, 20000);
        tab.term.resize(30, 120);
        tab.stream->resize(120, 30);
        tab.type(QStringLiteral("echo size=$(stty size)"));
        QTRY_VERIFY_WITH_TIMEOUT(tab.screen().contains(u"size=30 120"), 10000);
    }

    // Watch a VM boot: the console waits for the VM, then shows the guest's boot marker.
    void serialConsoleShowsTheBootMarker()
    {
        const QString vm = QStringLiteral("lab2/lab2-vm2");
        if (vmState(vm) != VmState::Shutoff)
            QVERIFY(runOp(VmOperation::PowerOff, vm));
        Tab tab(remote()->serialConsole(vmKey(vm)));
        QTRY_VERIFY_WITH_TIMEOUT(tab.stream->errorText().contains(u"Waiting"), 10000);
        QCOMPARE(tab.stream->state(), ConsoleStream::State::Connecting);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(runOp(VmOperation::Start, vm));
        QTRY_COMPARE_WITH_TIMEOUT(tab.stream->state(), ConsoleStream::State::Connected, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(tab.raw.contains("CORRAL-GUEST-BOOTED lab2-vm2"), 90000);
        qInfo() << "boot marker on the serial console" << timer.elapsed() << "ms after start";

        // The serial shell answers through the same stream.
        QTRY_VERIFY_WITH_TIMEOUT(tab.screen().contains(u"lab2-vm2:/#"), 30000);
        tab.type(QStringLiteral("echo serial-$((40+2))"));
        QTRY_VERIFY_WITH_TIMEOUT(tab.screen().contains(u"serial-42"), 10000);

        QVERIFY(runOp(VmOperation::PowerOff, vm));
        QTRY_COMPARE_WITH_TIMEOUT(tab.stream->state(), ConsoleStream::State::Closed, 20000);
    }

    // A VM shell: the guest's sshd reached through the host's session (direct-tcpip).
    void vmShellGoesThroughTheHost()
    {
        Tab tab(remote()->vmShell(vmKey(QStringLiteral("lab2/lab2-vm1"))));
        QTRY_COMPARE_WITH_TIMEOUT(tab.stream->state(), ConsoleStream::State::Connected, 30000);
        tab.type(QStringLiteral("echo guest=$(hostname)"));
        QTRY_VERIFY_WITH_TIMEOUT(tab.screen().contains(u"guest=lab2-vm1"), 10000);
    }

    // Forwards carry standard clients: OpenSSH to the guest's port 22, nc to QEMU's VNC.
    void forwardsCarryStandardClients()
    {
        const VmKey key = vmKey(QStringLiteral("lab2/lab2-vm1"));
        const quint64 ssh = remote()->addForward(key, 0, 22);
        const quint64 vnc = remote()->addForward(key, 0, 0);
        auto active = [this](quint64 id) {
            const auto f = remote()->forward(id);
            return f && f->status == PortForward::Status::Active;
        };
        QTRY_VERIFY_WITH_TIMEOUT(active(ssh) && active(vnc), 20000);
        const PortForward f = *remote()->forward(ssh);
        QCOMPARE(f.bindAddress, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(f.route.contains(u"port mapping"));

        // The guest's host key is recorded under its mapped address; the alias finds it.
        const QString alias = f.route.section(u' ', 0, 0);
        const QString host = alias.section(u':', 0, 0);
        const QString port = alias.section(u':', 1, 1);
        const Output out = run(
            QStringLiteral("ssh"),
            {QStringLiteral("-i"), keyFile(), QStringLiteral("-o"),
             QStringLiteral("UserKnownHostsFile=") + knownHosts(), QStringLiteral("-o"),
             QStringLiteral("HostKeyAlias=[%1]:%2").arg(host, port), QStringLiteral("-o"),
             QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"),
             QStringLiteral("BatchMode=yes"), QStringLiteral("-p"), QString::number(f.localPort),
             QStringLiteral("root@127.0.0.1"), QStringLiteral("echo forwarded-$(hostname)")});
        QVERIFY2(out.code == 0, out.out.constData());
        QVERIFY2(out.out.contains("forwarded-lab2-vm1"), out.out.constData());

        const Output banner
            = run(QStringLiteral("nc"),
                  {QStringLiteral("-w"), QStringLiteral("5"), QStringLiteral("127.0.0.1"),
                   QString::number(remote()->forward(vnc)->localPort)});
        QVERIFY2(banner.out.startsWith("RFB 003.008"), banner.out.constData());

        const quint16 port2 = remote()->forward(vnc)->localPort;
        remote()->removeForward(vnc);
        remote()->removeForward(ssh);
        QVERIFY(!remote()->forward(vnc));
        // The listener is gone.
        QTRY_VERIFY_WITH_TIMEOUT(
            run(QStringLiteral("nc"),
                {QStringLiteral("-z"), QStringLiteral("127.0.0.1"), QString::number(port2)})
                    .code
                != 0,
            5000);
    }

    // Killing the host's sshd mid-session fails the tab with a clear message; Reconnect works,
    // and a forward's listener survives to carry the next connection over the new session.
    void killedSshdAndReconnect()
    {
        const qint64 lab3 = hostId(QStringLiteral("lab3"));
        Tab tab(remote()->hostShell(lab3));
        QTRY_COMPARE_WITH_TIMEOUT(tab.stream->state(), ConsoleStream::State::Connected, 20000);
        const quint64 vnc = remote()->addForward(vmKey(QStringLiteral("lab3/lab3-vm1")), 0, 0);
        QTRY_VERIFY_WITH_TIMEOUT(remote()->forward(vnc)->status == PortForward::Status::Active,
                                 20000);
        const QString port = QString::number(remote()->forward(vnc)->localPort);

        QVERIFY(lab({QStringLiteral("ctl"), QStringLiteral("lab3"), QStringLiteral("sshd"),
                     QStringLiteral("kill")}));
        QTRY_COMPARE_WITH_TIMEOUT(tab.stream->state(), ConsoleStream::State::Failed, 30000);
        qInfo() << "tab says:" << tab.stream->errorText();
        QVERIFY(tab.stream->errorText().contains(u"lab3"));

        QVERIFY(lab({QStringLiteral("ctl"), QStringLiteral("lab3"), QStringLiteral("sshd"),
                     QStringLiteral("start")}));
        tab.stream->reconnect();
        QTRY_COMPARE_WITH_TIMEOUT(tab.stream->state(), ConsoleStream::State::Connected, 30000);
        tab.type(QStringLiteral("echo back-$((5*5))"));
        QTRY_VERIFY_WITH_TIMEOUT(tab.screen().contains(u"back-25"), 10000);

        QTRY_VERIFY_WITH_TIMEOUT(
            run(QStringLiteral("nc"),
                {QStringLiteral("-w"), QStringLiteral("5"), QStringLiteral("127.0.0.1"), port})
                .out.startsWith("RFB 003.008"),
            20000);
        remote()->removeForward(vnc);
        // The fleet's own libvirt connection comes back too.
        QTRY_COMPARE_WITH_TIMEOUT(m_fleet->host(lab3)->state, HostState::Connected, 40000);
    }

    // ~/.ssh/config completes an endpoint: an alias becomes address, port, user and key.
    void sshConfigAliasIsHonoured()
    {
        QTemporaryDir dir;
        QFile config(dir.filePath(QStringLiteral("config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("Host corral-alias\n"
                     "    HostName 127.0.0.12\n"
                     "    Port 2222\n"
                     "    User corral-lab\n"
                     "    IdentityFile "
                     + QFile::encodeName(keyFile()) + "\n");
        config.close();
        SshEndpoint endpoint;
        endpoint.label = QStringLiteral("alias");
        endpoint.host = QStringLiteral("corral-alias");
        endpoint.knownHostsFile = knownHosts();
        endpoint.sshConfigFile = config.fileName();
        SshSession session(endpoint);
        SshChannel *channel = session.openExec(QStringLiteral("echo via-alias"), &session);
        QByteArray out;
        connect(channel, &SshChannel::dataReceived, this,
                [&out](const QByteArray &bytes) { out += bytes; });
        QSignalSpy closed(channel, &SshChannel::closed);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 20000);
        QVERIFY2(closed.first().at(1).toString().isEmpty(),
                 qPrintable(closed.first().at(1).toString()));
        QCOMPARE(closed.first().at(0).toInt(), 0);
        QCOMPARE(out, QByteArray("via-alias\n"));
    }

    // A host key that changed is refused with both fingerprints, never asked.
    void changedHostKeyIsRefused()
    {
        QTemporaryDir dir;
        const QString known = dir.filePath(QStringLiteral("known_hosts"));
        // Another key recorded for the lab host's address.
        const QString other = dir.filePath(QStringLiteral("other"));
        QCOMPARE(run(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                      QStringLiteral("-N"), QString(), QStringLiteral("-f"), other})
                     .code,
                 0);
        QFile pub(other + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QByteArray key = pub.readAll().split(' ').mid(0, 2).join(' ');
        QFile file(known);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[127.0.0.11]:2222 " + key + '\n');
        file.close();
        auto endpoint = SshEndpoint::fromHostUri(
            m_fleet->host(hostId(QStringLiteral("lab1")))->config.uri, QStringLiteral("lab1"));
        QVERIFY(endpoint);
        endpoint->knownHostsFile = known;
        SshSession session(*endpoint);
        QSignalSpy asked(&session, &SshSession::credentialRequested);
        SshChannel *channel = session.openExec(QStringLiteral("true"), &session);
        QSignalSpy closed(channel, &SshChannel::closed);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 20000);
        const QString error = closed.first().at(1).toString();
        QVERIFY2(error.contains(u"CHANGED"), qPrintable(error));
        QVERIFY(error.contains(u"SHA256:"));
        QCOMPARE(asked.size(), 0);
        QCOMPARE(session.state(), SshSession::State::Failed);
    }
};

QTEST_GUILESS_MAIN(tst_Ssh)
#include "tst_ssh.moc"
