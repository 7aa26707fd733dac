// Corral's domain metadata: round trips, the forms libvirt hands it back in (the element
// alone, a whole domain XML, any prefix), and malformed or hostile XML.
#include "virt/guestroute.h"
#include "virt/vmmetadata.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

VmMetadata fullMetadata()
{
    VmMetadata m;
    m.ns = u"team-a"_s;
    m.config = u"ci-runner"_s;
    m.image = u"sonoma.qcow2"_s;
    m.owner = u"alice"_s;
    m.created = QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
    m.profile = u"macos"_s;
    m.user = u"admin"_s;
    m.ports = {{22, u"127.0.0.11"_s, 2323}, {5900, u"127.0.0.11"_s, 2324}};
    return m;
}

// The metadata block of scripts/lab.d/domain.xml.in, placeholders filled in as the lab does.
const QString LabMetadata = uR"(
  <metadata>
    <corral:vm xmlns:corral="urn:x-corral:vm:1">
      <corral:namespace>default</corral:namespace>
      <corral:image>corral-tiny</corral:image>
      <corral:owner>lab</corral:owner>
      <corral:created>2026-11-24T10:00:00Z</corral:created>
      <corral:user>root</corral:user>
      <corral:ports>
        <corral:port proto='tcp' guest='22' address='127.0.0.11' host='2323'/>
      </corral:ports>
    </corral:vm>
  </metadata>)"_s;

QString domainWith(const QString &metadataBlock)
{
    return u"<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n"
           "  <name>lab1-vm1</name>\n  <title>Corral lab tiny guest</title>"_s
        + metadataBlock
        + u"\n  <memory unit='MiB'>128</memory>\n  <devices><disk type='file'/></devices>\n"
          "</domain>\n"_s;
}

} // namespace

class tst_VmMetadata : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<VmMetadata>("metadata");
        QTest::newRow("full") << fullMetadata();
        QTest::newRow("empty") << VmMetadata{};
        VmMetadata partial;
        partial.ns = u"default"_s;
        partial.ports = {{22, QString(), 0}, {80, u"127.0.0.1"_s, 8080}};
        QTest::newRow("ports without address or host") << partial;
        VmMetadata precise = fullMetadata();
        precise.created = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        QTest::newRow("milliseconds") << precise;
        VmMetadata hostile = fullMetadata();
        hostile.owner = u"a\"b'c<d>e&f]]>g"_s;
        hostile.config = u"<corral:ports><corral:port guest='1' host='2'/></corral:ports>"_s;
        hostile.user = u"\u00e9l\u00e8ve \U0001F600"_s;
        QTest::newRow("hostile text") << hostile;
    }
    void roundTrip()
    {
        QFETCH(VmMetadata, metadata);
        const QString xml = VmMetadataXml::toXml(metadata);
        const auto parsed = VmMetadataXml::parse(xml);
        QVERIFY2(parsed, qPrintable(xml));
        QCOMPARE(*parsed, metadata);
        // The same inside a whole domain, as virDomainGetXMLDesc returns it.
        const auto inDomain
            = VmMetadataXml::parse(domainWith(u"<metadata>"_s + xml + u"</metadata>"_s));
        QVERIFY(inDomain);
        QCOMPARE(*inDomain, metadata);
    }

    void toXmlShape()
    {
        const QString xml = VmMetadataXml::toXml(fullMetadata());
        QVERIFY2(xml.startsWith(u"<corral:vm xmlns:corral=\"urn:x-corral:vm:1\">"_s),
                 qPrintable(xml));
        QVERIFY(xml.endsWith(u"</corral:vm>"_s));
        QVERIFY(xml.contains(u"<corral:created>2026-11-24T10:00:00Z</corral:created>"_s));
        QVERIFY(xml.contains(
            u"<corral:port proto=\"tcp\" guest=\"22\" address=\"127.0.0.11\" host=\"2323\"/>"_s));

        // Empty fields are left out.
        VmMetadata sparse;
        sparse.ns = u"default"_s;
        const QString small = VmMetadataXml::toXml(sparse);
        QVERIFY(small.contains(u"<corral:namespace>default</corral:namespace>"_s));
        for (const QString &absent : {u"config"_s, u"image"_s, u"owner"_s, u"created"_s,
                                      u"profile"_s, u"user"_s, u"ports"_s})
            QVERIFY2(!small.contains(u"corral:"_s + absent), qPrintable(small));

        // A local time is written in UTC.
        VmMetadata local;
        local.created = QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone(7200));
        QVERIFY(VmMetadataXml::toXml(local).contains(u">2026-06-01T10:00:00Z<"_s));
    }

    void labDomain()
    {
        const auto m = VmMetadataXml::parse(domainWith(LabMetadata));
        QVERIFY(m);
        QCOMPARE(m->ns, u"default"_s);
        QCOMPARE(m->image, u"corral-tiny"_s);
        QCOMPARE(m->owner, u"lab"_s);
        QCOMPARE(m->user, u"root"_s);
        QCOMPARE(m->config, QString());
        QCOMPARE(m->created, QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC));
        QCOMPARE(m->ports, (QList<PortMapping>{{22, u"127.0.0.11"_s, 2323}}));
    }

    // The lab's own template, as scripts/lab fills it in.
    void labTemplate()
    {
        const QString path = QFINDTESTDATA("../../scripts/lab.d/domain.xml.in");
        QFile file(path);
        if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
            QSKIP("scripts/lab.d/domain.xml.in not found");
        QString xml = QString::fromUtf8(file.readAll());
        xml.replace(u"@SSH_ADDRESS@"_s, u"127.0.0.12"_s)
            .replace(u"@SSH_PORT@"_s, u"2424"_s)
            .replace(u"@CREATED@"_s, u"2026-11-24T10:00:00Z"_s);
        const auto m = VmMetadataXml::parse(xml);
        QVERIFY(m);
        QCOMPARE(m->ns, u"default"_s);
        QCOMPARE(m->user, u"root"_s);
        QCOMPARE(m->ports, (QList<PortMapping>{{22, u"127.0.0.12"_s, 2424}}));
    }

    void prefixes_data()
    {
        QTest::addColumn<QString>("xml");
        QTest::addColumn<bool>("found");
        QTest::newRow("other prefix")
            << u"<x:vm xmlns:x='urn:x-corral:vm:1'><x:namespace>team-a</x:namespace></x:vm>"_s
            << true;
        QTest::newRow("default namespace")
            << u"<vm xmlns='urn:x-corral:vm:1'><namespace>team-a</namespace></vm>"_s << true;
        QTest::newRow("declared on metadata")
            << domainWith(u"<metadata xmlns:c='urn:x-corral:vm:1'><c:vm>"
                          "<c:namespace>team-a</c:namespace></c:vm></metadata>"_s)
            << true;
        QTest::newRow("wrong uri") << u"<corral:vm xmlns:corral='urn:x-corral:vm:2'>"
                                      "<corral:namespace>team-a</corral:namespace></corral:vm>"_s
                                   << false;
        QTest::newRow("no namespace") << u"<vm><namespace>team-a</namespace></vm>"_s << false;
        QTest::newRow("undeclared prefix")
            << u"<corral:vm><corral:namespace>team-a</corral:namespace></corral:vm>"_s << false;
        QTest::newRow("other metadata only")
            << domainWith(u"<metadata><app:x xmlns:app='urn:other'/></metadata>"_s) << false;
        QTest::newRow("no metadata") << domainWith(QString()) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("not xml") << u"corral:vm urn:x-corral:vm:1"_s << false;
    }
    void prefixes()
    {
        QFETCH(QString, xml);
        QFETCH(bool, found);
        const auto m = VmMetadataXml::parse(xml);
        QCOMPARE(m.has_value(), found);
        if (found)
            QCOMPARE(m->ns, u"team-a"_s);
    }

    // Children of another namespace (a look-alike in the right element) are not Corral's.
    void foreignChildrenIgnored()
    {
        const auto m = VmMetadataXml::parse(
            u"<corral:vm xmlns:corral='urn:x-corral:vm:1' xmlns:o='urn:other'>"
            "<o:namespace>evil</o:namespace><corral:namespace>good</corral:namespace>"
            "<corral:unknown><corral:namespace>nested</corral:namespace></corral:unknown>"
            "<corral:owner>bob<b>extra</b></corral:owner>"
            "<corral:ports><o:port guest='1' host='2'/><corral:port guest='3' host='4'/>"
            "</corral:ports></corral:vm>"_s);
        QVERIFY(m);
        QCOMPARE(m->ns, u"good"_s);
        QCOMPARE(m->owner, u"bob"_s);
        QCOMPARE(m->ports, (QList<PortMapping>{{3, QString(), 4}}));
    }

    void ports_data()
    {
        QTest::addColumn<QString>("port");
        QTest::addColumn<QList<PortMapping>>("expected");
        const QList<PortMapping> none;
        QTest::newRow("ok") << u"guest='22' address='127.0.0.11' host='2323'"_s
                            << QList<PortMapping>{{22, u"127.0.0.11"_s, 2323}};
        QTest::newRow("no proto") << u"guest='22' host='2323'"_s
                                  << QList<PortMapping>{{22, QString(), 2323}};
        QTest::newRow("no host") << u"proto='tcp' guest='22'"_s
                                 << QList<PortMapping>{{22, QString(), 0}};
        QTest::newRow("max") << u"guest='65535' host='65535'"_s
                             << QList<PortMapping>{{65535, QString(), 65535}};
        QTest::newRow("udp") << u"proto='udp' guest='53' host='53'"_s << none;
        QTest::newRow("guest 0") << u"guest='0' host='2323'"_s << none;
        QTest::newRow("guest 65536") << u"guest='65536' host='2323'"_s << none;
        QTest::newRow("host 65536") << u"guest='22' host='65536'"_s << none;
        QTest::newRow("huge") << u"guest='99999999999999999999999999' host='1'"_s << none;
        QTest::newRow("negative") << u"guest='-22' host='1'"_s << none;
        QTest::newRow("text") << u"guest='ssh' host='1'"_s << none;
        QTest::newRow("no guest") << u"host='2323'"_s << none;
        QTest::newRow("host empty") << u"guest='22' host=''"_s << none;
    }
    void ports()
    {
        QFETCH(QString, port);
        QFETCH(QList<PortMapping>, expected);
        const QString xml = u"<corral:vm xmlns:corral='urn:x-corral:vm:1'><corral:ports>"
                            "<corral:port "_s
            + port + u"/><corral:port guest='1' host='1'/></corral:ports></corral:vm>"_s;
        const auto m = VmMetadataXml::parse(xml);
        QVERIFY(m);
        // The bad one is skipped, the good one after it still read.
        QCOMPARE(m->ports, (expected + QList<PortMapping>{{1, QString(), 1}}));
    }

    void created_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime ten(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
        QTest::newRow("utc") << u"2026-11-24T10:00:00Z"_s << ten;
        QTest::newRow("offset") << u"2026-11-24T12:00:00+02:00"_s << ten;
        QTest::newRow("milliseconds") << u"2026-11-24T10:00:00.000Z"_s << ten;
        QTest::newRow("garbage") << u"yesterday"_s << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
    }
    void created()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QString xml
            = u"<vm xmlns='urn:x-corral:vm:1'><created>"_s + text + u"</created></vm>"_s;
        const auto m = VmMetadataXml::parse(xml);
        QVERIFY(m);
        QCOMPARE(m->created, expected);
        if (expected.isValid())
            QCOMPARE(m->created.timeSpec(), Qt::UTC);
    }

    // Every truncation of a valid document: no crash, and what came before the cut is kept.
    void truncated()
    {
        const QString xml
            = domainWith(u"<metadata>"_s + VmMetadataXml::toXml(fullMetadata()) + u"</metadata>"_s);
        const qsizetype nsEnd = xml.indexOf(u"</corral:namespace>"_s);
        QVERIFY(nsEnd > 0);
        for (qsizetype n = 0; n <= xml.size(); ++n) {
            const auto m = VmMetadataXml::parse(QStringView(xml).left(n));
            if (n > nsEnd + 20) {
                QVERIFY2(m, qPrintable(QString::number(n)));
                QCOMPARE(m->ns, u"team-a"_s);
            }
        }
    }

    void hostile_data()
    {
        QTest::addColumn<QString>("xml");
        const QString vm = u"<corral:vm xmlns:corral='urn:x-corral:vm:1'>"_s;
        // Each entity ten of the one before: 40 * 10^8 characters if all were expanded.
        QString laughs = u"<!DOCTYPE vm [<!ENTITY e0 '"_s + QString(40, u'a') + u"'>"_s;
        for (int i = 1; i <= 8; ++i)
            laughs += u"<!ENTITY e%1 '%2'>"_s.arg(i).arg(u"&e%1;"_s.arg(i - 1).repeated(10));
        QTest::newRow("billion laughs")
            << laughs + u"]>"_s + vm + u"<corral:owner>&e8;</corral:owner></corral:vm>"_s;
        QTest::newRow("external entity")
            << u"<!DOCTYPE vm [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"_s + vm
                + u"<corral:owner>&x;</corral:owner></corral:vm>"_s;
        QTest::newRow("undeclared entity")
            << vm + u"<corral:owner>&nope;</corral:owner></corral:vm>"_s;
        QTest::newRow("deep nesting")
            << vm + QString(u"<corral:x>"_s).repeated(10000) + u"</corral:vm>"_s;
        QTest::newRow("mismatched tags") << vm + u"<corral:owner>bob</corral:user></corral:vm>"_s;
        QTest::newRow("two roots") << vm + u"</corral:vm>"_s + vm + u"</corral:vm>"_s;
        QTest::newRow("nul and control") << vm + u"<corral:owner>\u0001\u0000</corral:owner>"_s;
        QTest::newRow("cdata") << vm
                + u"<corral:owner><![CDATA[<b>&]]></corral:owner></corral:vm>"_s;
    }
    void hostile()
    {
        QFETCH(QString, xml);
        const auto m = VmMetadataXml::parse(xml);
        if (m) {
            QVERIFY2(m->owner.size() < 100000, "entity expansion is bounded");
            QVERIFY(!m->owner.contains(u"root:"_s));
        }
    }

    // The route resolver's view: forwarded ports only, loopback when no address is given.
    void guestRoutePortMappings()
    {
        QString user;
        QCOMPARE(GuestRoutes::portMappings(domainWith(LabMetadata), &user),
                 (QList<PortMapping>{{22, u"127.0.0.11"_s, 2323}}));
        QCOMPARE(user, u"root"_s);

        VmMetadata m;
        m.ports = {{22, QString(), 2323}, {5900, u"127.0.0.12"_s, 0}};
        QCOMPARE(GuestRoutes::portMappings(VmMetadataXml::toXml(m)),
                 (QList<PortMapping>{{22, u"127.0.0.1"_s, 2323}}));
        QCOMPARE(GuestRoutes::portMappings(domainWith(QString()), &user), QList<PortMapping>());
    }
};

QTEST_GUILESS_MAIN(tst_VmMetadata)
#include "tst_vmmetadata.moc"
