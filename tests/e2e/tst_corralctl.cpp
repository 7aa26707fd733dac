// corralctl's contract against the lab: tables and JSON, exit codes, one-line errors.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
QStringList words(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *w : list)
        out.append(QString::fromUtf8(w));
    return out;
}
} // namespace

class tst_Corralctl : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    Run ctl(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CORRAL_DB"), m_db);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CORRALCTL), args);
        p.write(input);
        p.closeWriteChannel();
        Run r;
        if (!p.waitForFinished(90000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QJsonArray jsonArray(const Run &r) { return QJsonDocument::fromJson(r.out).array(); }

    QJsonObject findVm(const QJsonArray &vms, const QString &name)
    {
        for (const auto &v : vms) {
            if (v.toObject().value(u"name").toString() == name)
                return v.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString lab = qEnvironmentVariable("CORRAL_LAB_DIR");
        if (lab.isEmpty())
            QSKIP("CORRAL_LAB_DIR is not set: run through scripts/test, which starts the lab");
        m_db = m_dir.filePath(QStringLiteral("corral.sqlite"));
        QVERIFY(QFile::copy(lab + QStringLiteral("/corral.sqlite"), m_db));
    }

    void hostList()
    {
        const Run r
            = ctl({QStringLiteral("--json"), QStringLiteral("host"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        const QJsonArray hosts = jsonArray(r);
        QCOMPARE(hosts.size(), 3);
        for (const auto &h : hosts) {
            const QJsonObject o = h.toObject();
            QVERIFY(o.value(u"name").toString().startsWith(u"lab"));
            QVERIFY(o.value(u"uri").toString().startsWith(u"qemu+libssh://"));
            QCOMPARE(o.value(u"state").toString(), QStringLiteral("connected"));
            QCOMPARE(o.value(u"vmCount").toInt(), 2);
        }
        const Run table = ctl({QStringLiteral("host"), QStringLiteral("list")});
        QCOMPARE(table.code, 0);
        QVERIFY(table.out.startsWith("NAME"));
        QCOMPARE(table.out.count('\n'), 4);
    }

    void vmListAndLifecycle()
    {
        Run r = ctl({QStringLiteral("--json"), QStringLiteral("vm"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QJsonArray vms = jsonArray(r);
        QCOMPARE(vms.size(), 6);
        QJsonObject vm1 = findVm(vms, QStringLiteral("lab1-vm1"));
        QCOMPARE(vm1.value(u"host").toString(), QStringLiteral("lab1"));
        QCOMPARE(vm1.value(u"state").toString(), QStringLiteral("running"));
        QCOMPARE(vm1.value(u"vcpus").toInt(), 1);
        QCOMPARE(vm1.value(u"memoryMiB").toInt(), 128);

        r = ctl({QStringLiteral("--json"), QStringLiteral("vm"), QStringLiteral("list"),
                 QStringLiteral("--host"), QStringLiteral("lab2")});
        QCOMPARE(r.code, 0);
        QCOMPARE(jsonArray(r).size(), 2);

        r = ctl({QStringLiteral("vm"), QStringLiteral("start"), QStringLiteral("lab3/lab3-vm2")});
        QVERIFY2(r.code == 0, r.err.constData());
        r = ctl({QStringLiteral("--json"), QStringLiteral("vm"), QStringLiteral("list"),
                 QStringLiteral("--host"), QStringLiteral("lab3")});
        QCOMPARE(findVm(jsonArray(r), QStringLiteral("lab3-vm2")).value(u"state").toString(),
                 QStringLiteral("running"));
        r = ctl({QStringLiteral("vm"), QStringLiteral("suspend"), QStringLiteral("lab3-vm2")});
        QVERIFY2(r.code == 0, r.err.constData());
        r = ctl({QStringLiteral("vm"), QStringLiteral("resume"), QStringLiteral("lab3-vm2")});
        QVERIFY2(r.code == 0, r.err.constData());
        r = ctl({QStringLiteral("vm"), QStringLiteral("poweroff"), QStringLiteral("lab3-vm2")});
        QVERIFY2(r.code == 0, r.err.constData());
        r = ctl({QStringLiteral("--json"), QStringLiteral("vm"), QStringLiteral("list")});
        QCOMPARE(findVm(jsonArray(r), QStringLiteral("lab3-vm2")).value(u"state").toString(),
                 QStringLiteral("shutoff"));
    }

    // ssh: the remote command's output, stderr and exit status; stdin goes to the command.
    void sshRunsCommands()
    {
        Run r = ctl(words({"ssh", "lab1", "--", "sh", "-c", "'echo out; echo err >&2; exit 7'"}));
        QCOMPARE(r.code, 7);
        QCOMPARE(r.out, QByteArray("out\n"));
        QVERIFY(r.err.contains("err\n"));

        r = ctl(words({"ssh", "lab1", "--", "tr", "a-z", "A-Z"}), "corral\n");
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("CORRAL\n"));

        // Into a guest, through its host's SSH session and the VM's port mapping.
        r = ctl(words({"ssh", "lab2/lab2-vm1", "--", "hostname"}));
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("lab2-vm1\n"));

        // Without a terminal there is no interactive shell: a usage error that says what to do.
        r = ctl(words({"ssh", "lab1"}));
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.startsWith("corralctl: "));
        QVERIFY(r.err.contains("--"));

        r = ctl(words({"ssh", "nosuchhost", "--", "true"}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith("corralctl: ") && r.err.contains("nosuchhost"),
                 r.err.constData());
    }

    // term render: bytes through Corral's emulator, the final screen as text.
    void termRender()
    {
        Run r = ctl(words({"term", "render", "--cols", "20", "--rows", "4"}),
                    "hello \x1b[31mred\x1b[0m\r\nsecond line\r\n\x1b[2;3Hx\x1b[?1049h"
                    "alt\x1b[?1049l");
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("hello red\nsexond line\n\n\n"));
        r = ctl(words({"term", "render", "--cols", "0"}));
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.startsWith("corralctl: --cols"));
    }

    // console --log-seconds: what the serial console shows while the VM boots.
    void consoleLogsTheBoot()
    {
        QProcess console;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CORRAL_DB"), m_db);
        console.setProcessEnvironment(env);
        console.start(QStringLiteral(CORRALCTL),
                      words({"console", "lab3/lab3-vm2", "--log-seconds", "45"}));
        QVERIFY(console.waitForStarted());
        // The console waits for the VM; start it.
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += console.readAllStandardError()).contains("Waiting"),
                                 20000);
        Run r = ctl(words({"vm", "start", "lab3/lab3-vm2"}));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(console.waitForFinished(90000));
        QCOMPARE(console.exitCode(), 0);
        const QByteArray shown = console.readAllStandardOutput();
        QVERIFY2(shown.contains("CORRAL-GUEST-BOOTED lab3-vm2"), shown.constData());
        r = ctl(words({"vm", "poweroff", "lab3/lab3-vm2"}));
        QVERIFY2(r.code == 0, r.err.constData());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown vm")
            << words({"vm", "start", "nope"}) << 1 << QStringLiteral("No VM named \"nope\"");
        QTest::newRow("unknown host") << words({"vm", "start", "mars/lab1-vm1"}) << 1
                                      << QStringLiteral("No host named \"mars\"");
        QTest::newRow("resume a stopped vm")
            << words({"vm", "resume", "lab1-vm2"}) << 1 << QStringLiteral("Resume lab1/lab1-vm2");
        QTest::newRow("bad host name") << words({"host", "add", "a b", "qemu:///system"}) << 1
                                       << QStringLiteral("is not valid");
        QTest::newRow("bad uri") << words({"host", "add", "x", "ftp://h/"}) << 1
                                 << QStringLiteral("qemu+");
        QTest::newRow("duplicate host") << words({"host", "add", "LAB1", "qemu:///system"}) << 1
                                        << QStringLiteral("already exists");
        QTest::newRow("usage") << words({"vm", "frobnicate", "x"}) << 2
                               << QStringLiteral("unknown command");
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Run r = ctl(args);
        QCOMPARE(r.code, code);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.startsWith(u"corralctl: "), qPrintable(err));
        QVERIFY2(err.contains(message), qPrintable(err));
    }

    void addAndRemoveHost()
    {
        Run r = ctl({QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("extra"),
                     QStringLiteral("qemu+libssh://nobody@127.0.0.1:1/system"),
                     QStringLiteral("--tag"), QStringLiteral("x")});
        QCOMPARE(r.code, 0);
        r = ctl({QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("20"),
                 QStringLiteral("host"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        bool seen = false;
        for (const auto &h : jsonArray(r)) {
            if (h.toObject().value(u"name").toString() == u"extra") {
                seen = true;
                QCOMPARE(h.toObject().value(u"state").toString(), QStringLiteral("offline"));
                QVERIFY(!h.toObject().value(u"error").toString().isEmpty());
            }
        }
        QVERIFY(seen);
        r = ctl({QStringLiteral("host"), QStringLiteral("remove"), QStringLiteral("extra")});
        QCOMPARE(r.code, 0);
        r = ctl({QStringLiteral("host"), QStringLiteral("remove"), QStringLiteral("extra")});
        QCOMPARE(r.code, 1);
    }
};

QTEST_GUILESS_MAIN(tst_Corralctl)
#include "tst_corralctl.moc"
