// End-to-end: the domain XML of every guest profile, defined on a real lab host (libvirtd 9.0
// with QEMU), read back and undefined again. Nothing runs a guest: the macOS and Linux domains
// are only defined (the lab's TCG has no invariant TSC for macOS, and a Linux guest agent
// socket under the lab's state dir is longer than a UNIX socket path may be); a generic UEFI
// domain is started paused, because libvirt 9.0 picks the UEFI firmware only at start.
#include "labsupport.h"
#include "virt/domainbuilder.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Corral;
using namespace Qt::StringLiterals;
using LabSupport::labDir;

namespace {

// Obviously not Apple's key: the real one is never in the source tree.
const QString FakeOsk = u"not-a-real-apple-smc-key-corral-tests-only-"_s.leftJustified(64, u'x');
const QString NamePrefix = u"corral-profile-test-"_s;

// One element of a document, by its path of local names from the root ("domain/os/type").
struct Node
{
    QString path;
    QXmlStreamAttributes attrs;
    QString text;
    QString attr(const QString &name) const { return attrs.value(name).toString(); }
};

// Every element in document order; empty if the XML is not well-formed.
QList<Node> flatten(const QString &xml)
{
    QList<Node> nodes;
    QList<qsizetype> open; // indexes into nodes of the enclosing elements
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            const QString parent = open.isEmpty() ? QString() : nodes[open.last()].path + u'/';
            nodes.append({parent + reader.name().toString(), reader.attributes(), {}});
            open.append(nodes.size() - 1);
            break;
        }
        case QXmlStreamReader::Characters:
            if (!open.isEmpty())
                nodes[open.last()].text += reader.text().trimmed();
            break;
        case QXmlStreamReader::EndElement:
            open.removeLast();
            break;
        default:
            break;
        }
    }
    return reader.hasError() ? QList<Node>() : nodes;
}

QList<Node> select(const QList<Node> &nodes, const QString &path)
{
    QList<Node> found;
    for (const Node &n : nodes) {
        if (n.path == path)
            found.append(n);
    }
    return found;
}

QString attrOf(const QList<Node> &nodes, const QString &path, const QString &attribute)
{
    const QList<Node> found = select(nodes, path);
    return found.isEmpty() ? QString() : found.first().attr(attribute);
}

QStringList valuesOf(const QList<Node> &nodes, const QString &path, const QString &attribute)
{
    QStringList values;
    for (const Node &n : select(nodes, path))
        values << n.attr(attribute);
    return values;
}

struct Virsh
{
    int code = -1;
    QString out;
    QString err;
    QString text() const { return out + err; }
};

} // namespace

class tst_GuestProfiles : public QObject
{
    Q_OBJECT

private:
    QString m_uri;
    QString m_poolDir;
    QString m_domainType;
    QTemporaryDir m_dir;

    // virsh on lab1. libvirt 9.0's libssh transport crashes the client on the call after a
    // reply larger than a few KiB (these domains' XML is); Corral opens qemu+libssh URIs
    // through libssh2 for the same reason (HostSession), and so does this test.
    Virsh virsh(const QStringList &args) const
    {
        QProcess p;
        p.start(u"virsh"_s, QStringList{u"-q"_s, u"-c"_s, m_uri} + args);
        Virsh r;
        if (!p.waitForFinished(90000)) {
            p.kill();
            p.waitForFinished();
            r.err = u"virsh timed out: "_s + args.join(u' ');
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // Removes a test domain and its NVRAM, whatever state an earlier run left it in.
    void removeDomain(const QString &name) const
    {
        if (virsh({u"domstate"_s, name}).code != 0)
            return;
        virsh({u"destroy"_s, name});
        const Virsh r = virsh({u"undefine"_s, u"--nvram"_s, name});
        if (r.code != 0)
            qWarning().noquote() << "cannot undefine" << name << r.text();
    }

    void removeVolume(const QString &volume) const
    {
        if (virsh({u"vol-info"_s, u"--pool"_s, u"corral-vms"_s, volume}).code == 0)
            virsh({u"vol-delete"_s, u"--pool"_s, u"corral-vms"_s, volume});
    }

    DomainSpec makeSpec(const QString &suffix, GuestProfile profile) const
    {
        DomainSpec spec;
        spec.name = NamePrefix + suffix;
        spec.domainType = m_domainType;
        spec.config.name = u"profile-test"_s;
        spec.config.image = u"corral-tiny"_s;
        spec.config.profile = profile;
        spec.config.vcpus = 1;
        spec.config.memoryMiB = 256;
        spec.systemDisk = m_poolDir + u'/' + spec.name + u".qcow2"_s;
        if (profile == GuestProfile::MacOS) {
            spec.config.openCoreImage = u"opencore.qcow2"_s;
            spec.openCoreDisk = m_poolDir + u'/' + spec.name + u"-opencore.qcow2"_s;
            spec.smcOsk = FakeOsk;
        }
        spec.metadata.ns = u"default"_s;
        spec.metadata.config = spec.config.name;
        spec.metadata.image = spec.config.image;
        spec.metadata.owner = u"e2e"_s;
        spec.metadata.created = QDateTime::currentDateTimeUtc();
        spec.metadata.profile = guestProfileKey(profile);
        spec.metadata.user = u"admin"_s;
        return spec;
    }

    // Defines the domain; its inactive XML as the host stores it in *xml.
    bool define(const DomainSpec &spec, QString *xml)
    {
        const QString path = m_dir.filePath(spec.name + u".xml"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(DomainBuilder::build(spec).toUtf8());
        file.close();
        const Virsh defined = virsh({u"define"_s, path});
        if (defined.code != 0) {
            qWarning().noquote() << "define refused:" << defined.text() << "\n"
                                 << DomainBuilder::build(spec);
            return false;
        }
        const Virsh dumped = virsh({u"dumpxml"_s, u"--inactive"_s, spec.name});
        *xml = dumped.out;
        return dumped.code == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (labDir().isEmpty())
            QSKIP("CORRAL_LAB_DIR is not set: run through scripts/test, which starts the lab");
        QVERIFY(m_dir.isValid());
        QFile hosts(labDir() + u"/hosts.txt"_s);
        QVERIFY2(hosts.open(QIODevice::ReadOnly), qPrintable(hosts.fileName()));
        for (const QString &line : QString::fromUtf8(hosts.readAll()).split(u'\n')) {
            if (line.section(u'\t', 0, 0) == u"lab1")
                m_uri = line.section(u'\t', 1).trimmed();
        }
        QVERIFY2(!m_uri.isEmpty(), "lab1 is not in the lab's hosts.txt");
        m_uri.replace(u"+libssh:"_s, u"+libssh2:"_s);

        QFile accel(labDir() + u"/accel"_s);
        m_domainType = accel.open(QIODevice::ReadOnly) && accel.readAll().startsWith("kvm")
            ? u"kvm"_s
            : u"qemu"_s;

        const Virsh pool = virsh({u"pool-dumpxml"_s, u"corral-vms"_s});
        QVERIFY2(pool.code == 0, qPrintable(pool.text()));
        const auto poolPaths = select(flatten(pool.out), u"pool/target/path"_s);
        QCOMPARE(poolPaths.size(), 1);
        m_poolDir = poolPaths.first().text;
        QVERIFY(m_poolDir.startsWith(u'/'));

        // Leftovers of an interrupted run.
        const Virsh list = virsh({u"list"_s, u"--all"_s, u"--name"_s});
        for (const QString &name : list.out.split(u'\n', Qt::SkipEmptyParts)) {
            if (name.trimmed().startsWith(NamePrefix))
                removeDomain(name.trimmed());
        }
        removeVolume(NamePrefix + u"generic-started.qcow2"_s);
    }

    void defineProfile_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<GuestProfile>("profile");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("macos") << u"macos"_s << GuestProfile::MacOS << QStringList{u"port"_s};
        QTest::newRow("macos bridged vmxnet3 vmware-svga")
            << u"macos-bridged"_s << GuestProfile::MacOS
            << QStringList{u"nic=vmxnet3"_s, u"video=vmware-svga"_s, u"network=bridge:br0"_s};
        QTest::newRow("macos network e1000-82545em")
            << u"macos-network"_s << GuestProfile::MacOS
            << QStringList{u"network=network:default"_s, u"cpu=Penryn"_s};
        QTest::newRow("linux bios")
            << u"linux-bios"_s << GuestProfile::Linux << QStringList{u"serial"_s, u"port"_s};
        QTest::newRow("linux uefi") << u"linux-uefi"_s << GuestProfile::Linux
                                    << QStringList{u"firmware=uefi"_s, u"network=user-isolated"_s};
        QTest::newRow("generic") << u"generic"_s << GuestProfile::Generic << QStringList{};
        QTest::newRow("generic uefi vga")
            << u"generic-uefi"_s << GuestProfile::Generic
            << QStringList{u"firmware=uefi"_s, u"network=network:default"_s};
    }
    void defineProfile()
    {
        QFETCH(QString, suffix);
        QFETCH(GuestProfile, profile);
        QFETCH(QStringList, options);
        DomainSpec spec = makeSpec(suffix, profile);
        for (const QString &option : options) {
            const QString value = option.section(u'=', 1);
            if (option.startsWith(u"nic="))
                QVERIFY(parseNicModel(value, &spec.config.nic));
            else if (option.startsWith(u"video="))
                QVERIFY(parseVideoModel(value, &spec.config.video));
            else if (option.startsWith(u"firmware="))
                QVERIFY(parseFirmware(value, &spec.config.firmware));
            else if (option.startsWith(u"network="))
                spec.config.network = value;
            else if (option.startsWith(u"cpu="))
                spec.config.cpuModel = value;
            else if (option == u"serial")
                spec.config.systemSerial = u"CORRAL0E2E01"_s;
            else if (option == u"port")
                spec.metadata.ports = {{22, u"127.0.0.11"_s, 2999}};
        }
        const auto problems = validateVmConfig(spec.config);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).message));

        const auto cleanup = qScopeGuard([&] { removeDomain(spec.name); });
        QString xml;
        QVERIFY2(define(spec, &xml), qPrintable(spec.name));
        const QList<Node> d = flatten(xml);
        QVERIFY2(!d.isEmpty(), qPrintable(xml));

        // The host keeps Corral's metadata as written.
        QCOMPARE(VmMetadataXml::parse(xml), std::optional<VmMetadata>(spec.metadata));
        QCOMPARE(attrOf(d, u"domain"_s, u"type"_s), m_domainType);
        const QString machine = attrOf(d, u"domain/os/type"_s, u"machine"_s);
        QVERIFY2(
            machine.startsWith(profile == GuestProfile::Generic ? u"pc-i440fx"_s : u"pc-q35"_s),
            qPrintable(machine));

        if (spec.config.effectiveFirmware() == Firmware::Uefi) {
            QCOMPARE(attrOf(d, u"domain/os"_s, u"firmware"_s), u"efi"_s);
            QCOMPARE(attrOf(d, u"domain/os/firmware/feature"_s, u"name"_s), u"secure-boot"_s);
            QCOMPARE(attrOf(d, u"domain/os/firmware/feature"_s, u"enabled"_s), u"no"_s);
        } else {
            QCOMPARE(attrOf(d, u"domain/os"_s, u"firmware"_s), QString());
        }

        const QStringList args = valuesOf(d, u"domain/commandline/arg"_s, u"value"_s);
        const QString network = spec.config.network;
        const bool userNetwork = network == u"user" || network == u"user-isolated";
        QCOMPARE(args.contains(u"-netdev"_s), userNetwork);
        if (!userNetwork) {
            QCOMPARE(attrOf(d, u"domain/devices/interface"_s, u"type"_s),
                     network.section(u':', 0, 0));
            QCOMPARE(attrOf(d, u"domain/devices/interface/model"_s, u"type"_s),
                     profile == GuestProfile::MacOS && spec.config.nic == NicModel::Auto
                         ? u"e1000-82545em"_s
                         : (spec.config.nic == NicModel::Vmxnet3 ? u"vmxnet3"_s : u"e1000"_s));
        }

        const QStringList buses = valuesOf(d, u"domain/devices/disk/target"_s, u"bus"_s);
        const QStringList sources = valuesOf(d, u"domain/devices/disk/source"_s, u"file"_s);
        switch (profile) {
        case GuestProfile::MacOS: {
            QCOMPARE(buses, (QStringList{u"sata"_s, u"sata"_s}));
            QCOMPARE(sources, (QStringList{spec.openCoreDisk, spec.systemDisk}));
            QCOMPARE(valuesOf(d, u"domain/devices/disk/boot"_s, u"order"_s),
                     (QStringList{u"1"_s, u"2"_s}));
            QVERIFY2(args.contains(u"isa-applesmc,osk="_s + FakeOsk), qPrintable(args.join(u' ')));
            QVERIFY(args.contains(u"type=2"_s));
            const QString model
                = spec.config.cpuModel.isEmpty() ? u"Haswell-noTSX"_s : spec.config.cpuModel;
            QCOMPARE(select(d, u"domain/cpu/model"_s).value(0).text, model);
            QVERIFY(valuesOf(d, u"domain/cpu/feature"_s, u"name"_s).contains(u"invtsc"_s));
            QVERIFY(valuesOf(d, u"domain/devices/input"_s, u"bus"_s).contains(u"usb"_s));
            QCOMPARE(attrOf(d, u"domain/devices/memballoon"_s, u"model"_s), u"none"_s);
            if (userNetwork) {
                QVERIFY2(args.join(u' ').contains(u"e1000-82545em,netdev=corral-net0"_s),
                         qPrintable(args.join(u' ')));
            }
            break;
        }
        case GuestProfile::Linux:
            QCOMPARE(buses, QStringList{u"virtio"_s});
            QCOMPARE(attrOf(d, u"domain/devices/channel/target"_s, u"name"_s),
                     userNetwork ? QString() : u"org.qemu.guest_agent.0"_s);
            QCOMPARE(attrOf(d, u"domain/devices/rng"_s, u"model"_s), u"virtio"_s);
            QCOMPARE(attrOf(d, u"domain/devices/video/model"_s, u"type"_s), u"virtio"_s);
            if (!spec.config.systemSerial.isEmpty()) {
                QCOMPARE(select(d, u"domain/sysinfo/system/entry"_s).value(0).text,
                         spec.config.systemSerial);
            }
            break;
        case GuestProfile::Generic:
            QCOMPARE(buses, QStringList{u"ide"_s});
            QCOMPARE(attrOf(d, u"domain/devices/video/model"_s, u"type"_s), u"vga"_s);
            break;
        }
        if (spec.config.effectiveVideo() != VideoModel::Vmware) {
            QCOMPARE(attrOf(d, u"domain/devices/video/model/resolution"_s, u"x"_s), u"1920"_s);
        }

        // Undefined with its NVRAM, nothing is left behind.
        QVERIFY(virsh({u"undefine"_s, u"--nvram"_s, spec.name}).code == 0);
        QVERIFY(virsh({u"domstate"_s, spec.name}).code != 0);
    }

    // libvirt 9.0 resolves <os firmware='efi'> when the domain starts (later versions at
    // define): OVMF as read-only pflash from the host's firmware descriptors, and a VARS copy
    // of the VM's own. A paused generic guest on real (empty) disks shows it.
    void uefiFirmwareOnStart()
    {
        DomainSpec spec = makeSpec(u"generic-started"_s, GuestProfile::Generic);
        spec.config.firmware = Firmware::Uefi;
        const QString volume = spec.name + u".qcow2"_s;
        const auto cleanup = qScopeGuard([&] {
            removeDomain(spec.name);
            removeVolume(volume);
        });
        const Virsh created = virsh(
            {u"vol-create-as"_s, u"corral-vms"_s, volume, u"16M"_s, u"--format"_s, u"qcow2"_s});
        QVERIFY2(created.code == 0, qPrintable(created.text()));
        QString xml;
        QVERIFY(define(spec, &xml));
        const Virsh started = virsh({u"start"_s, u"--paused"_s, spec.name});
        QVERIFY2(started.code == 0, qPrintable(started.text()));
        const Virsh live = virsh({u"dumpxml"_s, spec.name});
        QVERIFY2(live.code == 0, qPrintable(live.text()));
        const QList<Node> d = flatten(live.out);
        const QList<Node> loader = select(d, u"domain/os/loader"_s);
        QCOMPARE(loader.size(), 1);
        QCOMPARE(loader.first().attr(u"type"_s), u"pflash"_s);
        QCOMPARE(loader.first().attr(u"readonly"_s), u"yes"_s);
        QVERIFY2(loader.first().text.contains(u"OVMF"_s), qPrintable(loader.first().text));
        const QList<Node> nvram = select(d, u"domain/os/nvram"_s);
        QCOMPARE(nvram.size(), 1);
        QVERIFY2(nvram.first().text.contains(spec.name), qPrintable(nvram.first().text));
        QVERIFY(!nvram.first().attr(u"template"_s).isEmpty());
        // The user network came up with it: QEMU took the NIC and netdev past libvirt.
        QCOMPARE(virsh({u"domstate"_s, spec.name}).out.trimmed(), u"paused"_s);

        QVERIFY(virsh({u"destroy"_s, spec.name}).code == 0);
        const Virsh undefined = virsh({u"undefine"_s, u"--nvram"_s, spec.name});
        QVERIFY2(undefined.code == 0, qPrintable(undefined.text()));
    }
};

QTEST_GUILESS_MAIN(tst_GuestProfiles)
#include "tst_guestprofiles.moc"
