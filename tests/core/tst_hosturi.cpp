#include "virt/hosturi.h"

#include <QTest>

using namespace Corral;

class tst_HostUri : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("sshPort");
        QTest::addColumn<QString>("knownHosts");

        QTest::newRow("libssh system") << "qemu+libssh://admin@mac1.example.com/system"
                                       << "libssh"
                                       << "admin"
                                       << "mac1.example.com" << 22 << QString();
        QTest::newRow("port and params")
            << "qemu+libssh://lab@127.0.0.11:2222/session?socket=/run/x/sock&known_hosts=/k/kh"
               "&keyfile=/k/id"
            << "libssh"
            << "lab"
            << "127.0.0.11" << 2222 << "/k/kh";
        QTest::newRow("openssh") << "qemu+ssh://root@host/system"
                                 << "ssh"
                                 << "root"
                                 << "host" << 22 << QString();
        QTest::newRow("local") << "qemu:///system"
                               << ""
                               << ""
                               << "" << 22 << QString();
        QTest::newRow("test driver") << "test+libssh://u@127.0.1.1:2222/tmp/s.xml"
                                     << "libssh"
                                     << "u"
                                     << "127.0.1.1" << 2222 << QString();
    }
    void valid()
    {
        QFETCH(QString, uri);
        auto parsed = HostUri::parse(uri);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QTEST(parsed->transport, "transport");
        QTEST(parsed->user, "user");
        QTEST(parsed->host, "host");
        QTEST(parsed->sshPort(), "sshPort");
        QFETCH(QString, knownHosts);
        if (!knownHosts.isEmpty())
            QCOMPARE(parsed->knownHostsFile(), knownHosts);
        else
            QVERIFY(parsed->knownHostsFile().endsWith(u"/.ssh/known_hosts"));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("no scheme") << "mac1.example.com"
                                   << "not a libvirt URI";
        QTest::newRow("http") << "http://host/system"
                              << "qemu+";
        QTest::newRow("xen") << "xen+ssh://host/system"
                             << "qemu+";
        QTest::newRow("bad transport") << "qemu+ftp://host/system"
                                       << "transport";
        QTest::newRow("no host") << "qemu+libssh:///system"
                                 << "no host";
        QTest::newRow("bad path") << "qemu+libssh://host/sytsem"
                                  << "/system or /session";
    }
    void invalid()
    {
        QFETCH(QString, uri);
        QFETCH(QString, messagePart);
        auto parsed = HostUri::parse(uri);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(parsed.error().message.contains(messagePart), qPrintable(parsed.error().message));
    }

    void verification()
    {
        QVERIFY(HostUri::parse(QStringLiteral("qemu+libssh://h/system"))->verifiesHostKey());
        QVERIFY(!HostUri::parse(QStringLiteral("qemu+libssh://h/system?known_hosts_verify=ignore"))
                     ->verifiesHostKey());
        QVERIFY(
            !HostUri::parse(QStringLiteral("qemu+ssh://h/system?no_verify=1"))->verifiesHostKey());
    }
};

QTEST_GUILESS_MAIN(tst_HostUri)
#include "tst_hosturi.moc"
