// The domain XML of every guest profile: the elements each profile depends on are pinned, and
// every option combination is checked against libvirt's own schema (virt-xml-validate).
#include "virt/domainbuilder.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

const QString QemuNs = u"http://libvirt.org/schemas/domain/qemu/1.0"_s;

// Obviously not Apple's key: the real one is never in the source tree.
const QString FakeOsk = u"not-a-real-apple-smc-key-corral-tests-only-"_s.leftJustified(64, u'x');

// A parsed element: enough of a DOM to pin paths of the generated XML (QtXml is not linked).
struct Element
{
    QString ns;
    QString name;
    QXmlStreamAttributes attrs;
    QString text;
    QList<Element> children;

    QString attr(const QString &attribute) const { return attrs.value(attribute).toString(); }
    bool has(const QString &attribute) const { return attrs.hasAttribute(attribute); }

    // The descendants along a path of local names ("devices/disk/target").
    QList<const Element *> all(const QString &path) const
    {
        QList<const Element *> level{this};
        for (const QString &step : path.split(u'/')) {
            QList<const Element *> next;
            for (const Element *e : std::as_const(level)) {
                for (const Element &child : e->children) {
                    if (child.name == step)
                        next.append(&child);
                }
            }
            level = next;
        }
        return level;
    }
    const Element *first(const QString &path) const
    {
        const auto found = all(path);
        return found.isEmpty() ? nullptr : found.first();
    }
    QString textAt(const QString &path) const
    {
        const Element *e = first(path);
        return e ? e->text : QString();
    }
    QString attrAt(const QString &path, const QString &attribute) const
    {
        const Element *e = first(path);
        return e ? e->attr(attribute) : QString();
    }
};

Element readElement(QXmlStreamReader &reader)
{
    Element e;
    e.ns = reader.namespaceUri().toString();
    e.name = reader.name().toString();
    e.attrs = reader.attributes();
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement)
            e.children.append(readElement(reader));
        else if (token == QXmlStreamReader::Characters)
            e.text += reader.text();
        else if (token == QXmlStreamReader::EndElement)
            break;
    }
    e.text = e.text.trimmed();
    return e;
}

// The root element, or a null name with the parse error in *error.
Element parse(const QString &xml, QString *error)
{
    QXmlStreamReader reader(xml);
    Element root;
    if (reader.readNextStartElement())
        root = readElement(reader);
    while (!reader.atEnd())
        reader.readNext();
    if (reader.hasError()) {
        *error = reader.errorString();
        return {};
    }
    return root;
}

// The <qemu:arg> values in order.
QStringList qemuArgs(const Element &domain)
{
    QStringList args;
    for (const Element *arg : domain.all(u"commandline/arg"_s))
        args << arg->attr(u"value"_s);
    return args;
}

// The value following `option` on QEMU's command line ("-netdev" -> "user,...").
QStringList qemuOptionValues(const Element &domain, const QString &option)
{
    const QStringList args = qemuArgs(domain);
    QStringList values;
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == option)
            values << args[i + 1];
    }
    return values;
}

DomainSpec makeSpec(GuestProfile profile)
{
    DomainSpec spec;
    const QString key = guestProfileKey(profile);
    spec.name = u"corral-test-"_s + key;
    spec.uuid = QUuid(u"{6f1f7ad2-7d3c-4b47-9f1e-3c1c2b5f0a11}"_s);
    spec.config.name = u"ci-runner"_s;
    spec.config.image = u"sonoma.qcow2"_s;
    spec.config.profile = profile;
    spec.config.vcpus = 4;
    spec.config.memoryMiB = 8192;
    spec.domainType = u"kvm"_s;
    spec.systemDisk = u"/srv/pools/vms/"_s + spec.name + u".qcow2"_s;
    if (profile == GuestProfile::MacOS) {
        spec.config.openCoreImage = u"opencore.qcow2"_s;
        spec.openCoreDisk = u"/srv/pools/vms/"_s + spec.name + u"-opencore.qcow2"_s;
        spec.smcOsk = FakeOsk;
    }
    spec.metadata.ns = u"team-a"_s;
    spec.metadata.config = spec.config.name;
    spec.metadata.image = spec.config.image;
    spec.metadata.owner = u"alice"_s;
    spec.metadata.created = QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
    spec.metadata.profile = key;
    spec.metadata.user = u"admin"_s;
    spec.metadata.ports = {{22, u"127.0.0.11"_s, 2323}};
    return spec;
}

const QString HostileText = u"a\"b'c<d>e&f;g,h=i"_s;

// One option of the matrix, "key=value" or a flag, applied to a profile's spec.
void applyOption(DomainSpec &spec, const QString &option)
{
    const QString key = option.section(u'=', 0, 0);
    const QString value = option.section(u'=', 1);
    VmConfig &c = spec.config;
    if (key == u"firmware") {
        parseFirmware(value, &c.firmware);
    } else if (key == u"nic") {
        parseNicModel(value, &c.nic);
    } else if (key == u"video") {
        parseVideoModel(value, &c.video);
    } else if (key == u"network") {
        c.network = value;
    } else if (key == u"serial") {
        c.systemSerial = u"C02XK0AAJGH5"_s;
    } else if (key == u"gpu") {
        c.gpuPciAddress = u"0000:03:00.0"_s;
    } else if (key == u"ports") {
        spec.metadata.ports.clear();
        for (int i = 0; i < value.toInt(); ++i)
            spec.metadata.ports.append({quint16(22 + i), u"127.0.0.11"_s, quint16(2323 + i)});
    } else if (key == u"type") {
        spec.domainType = value;
    } else if (key == u"cpu") {
        c.cpuModel = value;
    } else if (key == u"display") {
        c.displayWidth = value.section(u'x', 0, 0).toInt();
        c.displayHeight = value.section(u'x', 1).toInt();
    } else if (key == u"hostile") {
        spec.name = u"vm-"_s + HostileText;
        c.name = HostileText;
        c.systemSerial = HostileText;
        spec.smcOsk = HostileText;
        spec.systemDisk = u"/srv/pools/vms/"_s + HostileText + u".qcow2"_s;
        spec.metadata.owner = HostileText;
        spec.metadata.user = HostileText;
        c.network = u"network:"_s + HostileText;
    }
}

} // namespace

class tst_DomainBuilder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    // Runs virt-xml-validate on the XML; empty when libvirt's domain schema accepts it.
    QString schemaProblem(const QString &xml)
    {
        const QString path = m_dir.filePath(u"domain-%1.xml"_s.arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(xml.toUtf8()) < 0)
            return u"cannot write "_s + path;
        file.close();
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(u"virt-xml-validate"_s, {path, u"domain"_s});
        if (!p.waitForFinished(60000))
            return u"virt-xml-validate did not run: "_s + p.errorString();
        if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return {};
        return u"virt-xml-validate failed:\n"_s + QString::fromUtf8(p.readAll()) + u"\n"_s + xml;
    }

    // Builds the spec's XML and parses it back; the XML in *xml for messages.
    static Element built(const DomainSpec &spec, QString *xml = nullptr)
    {
        const QString text = DomainBuilder::build(spec);
        if (xml)
            *xml = text;
        QString error;
        const Element root = parse(text, &error);
        if (!error.isEmpty())
            qWarning().noquote() << "not well-formed:" << error << "\n" << text;
        return root;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void common()
    {
        const DomainSpec spec = makeSpec(GuestProfile::Linux);
        const Element d = built(spec);
        QCOMPARE(d.name, u"domain"_s);
        QCOMPARE(d.attr(u"type"_s), u"kvm"_s);
        QCOMPARE(d.textAt(u"name"_s), spec.name);
        QCOMPARE(d.textAt(u"uuid"_s), u"6f1f7ad2-7d3c-4b47-9f1e-3c1c2b5f0a11"_s);
        QCOMPARE(d.textAt(u"title"_s), u"Corral VM from config ci-runner"_s);
        QCOMPARE(d.attrAt(u"memory"_s, u"unit"_s), u"MiB"_s);
        QCOMPARE(d.textAt(u"memory"_s), u"8192"_s);
        QCOMPARE(d.textAt(u"vcpu"_s), u"4"_s);
        QCOMPARE(d.attrAt(u"os/type"_s, u"arch"_s), u"x86_64"_s);
        QCOMPARE(d.textAt(u"os/type"_s), u"hvm"_s);
        QVERIFY(d.first(u"features/acpi"_s));
        QVERIFY(d.first(u"features/apic"_s));
        QCOMPARE(d.attrAt(u"clock"_s, u"offset"_s), u"utc"_s);
        QCOMPARE(d.textAt(u"on_poweroff"_s), u"destroy"_s);
        QCOMPARE(d.textAt(u"on_reboot"_s), u"restart"_s);
        QCOMPARE(d.textAt(u"on_crash"_s), u"destroy"_s);

        const Element *vnc = d.first(u"devices/graphics"_s);
        QVERIFY(vnc);
        QCOMPARE(vnc->attr(u"type"_s), u"vnc"_s);
        QCOMPARE(vnc->attr(u"listen"_s), u"127.0.0.1"_s);
        QCOMPARE(vnc->attr(u"autoport"_s), u"yes"_s);
        QCOMPARE(d.attrAt(u"devices/serial"_s, u"type"_s), u"pty"_s);
        QCOMPARE(d.attrAt(u"devices/console"_s, u"type"_s), u"pty"_s);
        QCOMPARE(d.attrAt(u"devices/console/target"_s, u"type"_s), u"serial"_s);

        // The metadata is Corral's element in its namespace, as the host will return it.
        const Element *vm = d.first(u"metadata/vm"_s);
        QVERIFY(vm);
        QCOMPARE(vm->ns, QString::fromLatin1(VmMetadataXml::NamespaceUri));
        const auto metadata = VmMetadataXml::parse(DomainBuilder::build(spec));
        QVERIFY(metadata);
        QCOMPARE(*metadata, spec.metadata);
    }

    void titleAndUuid()
    {
        DomainSpec spec = makeSpec(GuestProfile::Generic);
        spec.uuid = QUuid();
        spec.config.name.clear();
        Element d = built(spec);
        QVERIFY(!d.first(u"uuid"_s));
        QCOMPARE(d.textAt(u"title"_s), u"Corral VM from image sonoma.qcow2"_s);
        spec.config.name = u"line\nbreak"_s;
        d = built(spec);
        QCOMPARE(d.textAt(u"title"_s), u"Corral VM from config line break"_s);
    }

    void macOS()
    {
        QString xml;
        const DomainSpec spec = makeSpec(GuestProfile::MacOS);
        const Element d = built(spec, &xml);
        QCOMPARE(d.attrAt(u"os/type"_s, u"machine"_s), u"q35"_s);
        QCOMPARE(d.attrAt(u"os"_s, u"firmware"_s), u"efi"_s);
        QCOMPARE(d.attrAt(u"os/firmware/feature"_s, u"name"_s), u"secure-boot"_s);
        QCOMPARE(d.attrAt(u"os/firmware/feature"_s, u"enabled"_s), u"no"_s);
        QVERIFY2(!d.first(u"os/boot"_s), "boot order per disk excludes <os><boot>");

        const auto disks = d.all(u"devices/disk"_s);
        QCOMPARE(disks.size(), 2);
        QCOMPARE(disks[0]->attrAt(u"source"_s, u"file"_s), spec.openCoreDisk);
        QCOMPARE(disks[0]->attrAt(u"target"_s, u"dev"_s), u"sda"_s);
        QCOMPARE(disks[0]->attrAt(u"target"_s, u"bus"_s), u"sata"_s);
        QCOMPARE(disks[0]->attrAt(u"boot"_s, u"order"_s), u"1"_s);
        QCOMPARE(disks[1]->attrAt(u"source"_s, u"file"_s), spec.systemDisk);
        QCOMPARE(disks[1]->attrAt(u"target"_s, u"dev"_s), u"sdb"_s);
        QCOMPARE(disks[1]->attrAt(u"target"_s, u"bus"_s), u"sata"_s);
        QCOMPARE(disks[1]->attrAt(u"boot"_s, u"order"_s), u"2"_s);
        for (const Element *disk : disks) {
            QCOMPARE(disk->attr(u"type"_s), u"file"_s);
            QCOMPARE(disk->attrAt(u"driver"_s, u"type"_s), u"qcow2"_s);
        }

        QCOMPARE(d.attrAt(u"cpu"_s, u"mode"_s), u"custom"_s);
        QCOMPARE(d.textAt(u"cpu/model"_s), u"Haswell-noTSX"_s);
        QCOMPARE(d.attrAt(u"cpu/model"_s, u"vendor_id"_s), u"GenuineIntel"_s);
        QStringList required;
        for (const Element *f : d.all(u"cpu/feature"_s)) {
            if (f->attr(u"policy"_s) == u"require")
                required << f->attr(u"name"_s);
        }
        QVERIFY2(required.contains(u"invtsc"_s), qPrintable(required.join(u' ')));

        const QStringList args = qemuArgs(d);
        QVERIFY2(args.contains(u"isa-applesmc,osk="_s + FakeOsk), qPrintable(args.join(u' ')));
        QCOMPARE(qemuOptionValues(d, u"-smbios"_s), QStringList{u"type=2"_s});
        QCOMPARE(d.first(u"commandline"_s)->ns, QemuNs);

        QCOMPARE(d.attrAt(u"devices/controller"_s, u"type"_s), u"usb"_s);
        QCOMPARE(d.attrAt(u"devices/controller"_s, u"model"_s), u"qemu-xhci"_s);
        QStringList inputs;
        for (const Element *input : d.all(u"devices/input"_s))
            inputs << input->attr(u"type"_s) + u'/' + input->attr(u"bus"_s);
        QCOMPARE(inputs, (QStringList{u"tablet/usb"_s, u"keyboard/usb"_s}));
        QCOMPARE(d.attrAt(u"devices/memballoon"_s, u"model"_s), u"none"_s);
        QCOMPARE(d.attrAt(u"devices/video/model"_s, u"type"_s), u"vga"_s);
        QCOMPARE(d.attrAt(u"devices/video/model"_s, u"vram"_s), u"65536"_s);

        const QStringList devices = qemuOptionValues(d, u"-device"_s);
        QCOMPARE(devices.size(), 2);
        QVERIFY2(devices[1].startsWith(u"e1000-82545em,netdev=corral-net0,mac=52:54:00:"_s),
                 qPrintable(devices[1]));
        QVERIFY2(devices[1].contains(u",bus=pcie.0,addr=0x10"_s), qPrintable(devices[1]));
        QVERIFY(!d.first(u"devices/interface"_s));
        QVERIFY(!d.first(u"devices/channel"_s));
        QVERIFY(!d.first(u"devices/rng"_s));
        QCOMPARE(schemaProblem(xml), QString());
    }

    void macOSCpuModel_data()
    {
        QTest::addColumn<QString>("cpuModel");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default") << QString() << u"Haswell-noTSX"_s;
        QTest::newRow("Penryn") << u"Penryn"_s << u"Penryn"_s;
        QTest::newRow("Skylake") << u"Skylake-Client-noTSX-IBRS"_s
                                 << u"Skylake-Client-noTSX-IBRS"_s;
    }
    void macOSCpuModel()
    {
        QFETCH(QString, cpuModel);
        QFETCH(QString, expected);
        DomainSpec spec = makeSpec(GuestProfile::MacOS);
        spec.config.cpuModel = cpuModel;
        QCOMPARE(built(spec).textAt(u"cpu/model"_s), expected);
    }

    void macOSWithoutKey()
    {
        DomainSpec spec = makeSpec(GuestProfile::MacOS);
        spec.smcOsk.clear();
        const Element d = built(spec);
        QVERIFY(qemuArgs(d).contains(u"isa-applesmc"_s));
    }

    void linuxProfile()
    {
        QString xml;
        const DomainSpec spec = makeSpec(GuestProfile::Linux);
        const Element d = built(spec, &xml);
        QCOMPARE(d.attrAt(u"os/type"_s, u"machine"_s), u"q35"_s);
        QVERIFY(!d.first(u"os"_s)->has(u"firmware"_s));
        QVERIFY(!d.first(u"os/firmware"_s));
        QCOMPARE(d.attrAt(u"os/boot"_s, u"dev"_s), u"hd"_s);

        const auto disks = d.all(u"devices/disk"_s);
        QCOMPARE(disks.size(), 1);
        QCOMPARE(disks[0]->attrAt(u"target"_s, u"dev"_s), u"vda"_s);
        QCOMPARE(disks[0]->attrAt(u"target"_s, u"bus"_s), u"virtio"_s);
        QCOMPARE(disks[0]->attrAt(u"source"_s, u"file"_s), spec.systemDisk);
        QCOMPARE(disks[0]->attrAt(u"driver"_s, u"type"_s), u"qcow2"_s);

        const QStringList devices = qemuOptionValues(d, u"-device"_s);
        QCOMPARE(devices.size(), 1);
        QVERIFY2(devices[0].startsWith(u"virtio-net-pci,netdev=corral-net0,"_s),
                 qPrintable(devices[0]));
        QVERIFY2(devices[0].contains(u",bus=pcie.0,addr=0x10"_s), qPrintable(devices[0]));
        QVERIFY(!qemuArgs(d).join(u' ').contains(u"applesmc"_s));

        QCOMPARE(d.attrAt(u"devices/video/model"_s, u"type"_s), u"virtio"_s);
        QCOMPARE(d.attrAt(u"devices/controller"_s, u"model"_s), u"qemu-xhci"_s);
        QCOMPARE(d.all(u"devices/input"_s).size(), 1);
        QCOMPARE(d.attrAt(u"devices/input"_s, u"type"_s), u"tablet"_s);
        QCOMPARE(d.attrAt(u"devices/rng"_s, u"model"_s), u"virtio"_s);
        QCOMPARE(d.textAt(u"devices/rng/backend"_s), u"/dev/urandom"_s);
        QVERIFY(!d.first(u"devices/channel"_s)); // user network: ports say how to reach it
        QCOMPARE(d.attrAt(u"devices/memballoon"_s, u"model"_s), u"virtio"_s);
        QCOMPARE(d.attrAt(u"cpu"_s, u"mode"_s), u"host-passthrough"_s);
        QCOMPARE(schemaProblem(xml), QString());
    }

    void linuxOnABridgeHasTheGuestAgent()
    {
        DomainSpec spec = makeSpec(GuestProfile::Linux);
        spec.config.network = u"bridge:br0"_s;
        QString xml;
        const Element d = built(spec, &xml);
        QCOMPARE(d.attrAt(u"devices/channel"_s, u"type"_s), u"unix"_s);
        QCOMPARE(d.attrAt(u"devices/channel/target"_s, u"type"_s), u"virtio"_s);
        QCOMPARE(d.attrAt(u"devices/channel/target"_s, u"name"_s), u"org.qemu.guest_agent.0"_s);
        QCOMPARE(schemaProblem(xml), QString());
    }

    void linuxUnderTcg()
    {
        DomainSpec spec = makeSpec(GuestProfile::Linux);
        spec.domainType = u"qemu"_s;
        const Element d = built(spec);
        QCOMPARE(d.attr(u"type"_s), u"qemu"_s);
        QVERIFY2(!d.first(u"cpu"_s), "TCG has no host CPU to pass through");
    }

    void linuxUefi()
    {
        DomainSpec spec = makeSpec(GuestProfile::Linux);
        spec.config.firmware = Firmware::Uefi;
        const Element d = built(spec);
        QCOMPARE(d.attrAt(u"os"_s, u"firmware"_s), u"efi"_s);
        QCOMPARE(d.attrAt(u"os/firmware/feature"_s, u"enabled"_s), u"no"_s);
        QCOMPARE(d.attrAt(u"os/boot"_s, u"dev"_s), u"hd"_s);
    }

    void generic()
    {
        QString xml;
        const DomainSpec spec = makeSpec(GuestProfile::Generic);
        const Element d = built(spec, &xml);
        QCOMPARE(d.attrAt(u"os/type"_s, u"machine"_s), u"pc"_s);
        QVERIFY(!d.first(u"os"_s)->has(u"firmware"_s));
        const auto disks = d.all(u"devices/disk"_s);
        QCOMPARE(disks.size(), 1);
        QCOMPARE(disks[0]->attrAt(u"target"_s, u"dev"_s), u"hda"_s);
        QCOMPARE(disks[0]->attrAt(u"target"_s, u"bus"_s), u"ide"_s);
        const QStringList devices = qemuOptionValues(d, u"-device"_s);
        QCOMPARE(devices.size(), 1);
        QVERIFY2(devices[0].startsWith(u"e1000,netdev=corral-net0,"_s), qPrintable(devices[0]));
        QVERIFY2(devices[0].contains(u",bus=pci.0,addr=0x10"_s), qPrintable(devices[0]));
        QCOMPARE(d.attrAt(u"devices/video/model"_s, u"type"_s), u"vga"_s);
        QCOMPARE(d.attrAt(u"devices/controller"_s, u"model"_s), u"piix3-uhci"_s);
        QCOMPARE(d.attrAt(u"devices/input"_s, u"type"_s), u"tablet"_s);
        QCOMPARE(d.attrAt(u"devices/memballoon"_s, u"model"_s), u"none"_s);
        QVERIFY(!d.first(u"cpu"_s));
        QVERIFY(!d.first(u"devices/channel"_s));
        QCOMPARE(schemaProblem(xml), QString());
    }

    void nicModels_data()
    {
        QTest::addColumn<QString>("nic");
        QTest::addColumn<QString>("qemuDevice");
        QTest::addColumn<QString>("libvirtModel");
        QTest::newRow("virtio") << u"virtio"_s << u"virtio-net-pci"_s << u"virtio"_s;
        QTest::newRow("e1000") << u"e1000"_s << u"e1000"_s << u"e1000"_s;
        QTest::newRow("e1000-82545em")
            << u"e1000-82545em"_s << u"e1000-82545em"_s << u"e1000-82545em"_s;
        QTest::newRow("vmxnet3") << u"vmxnet3"_s << u"vmxnet3"_s << u"vmxnet3"_s;
    }
    void nicModels()
    {
        QFETCH(QString, nic);
        QFETCH(QString, qemuDevice);
        QFETCH(QString, libvirtModel);
        for (GuestProfile profile :
             {GuestProfile::MacOS, GuestProfile::Linux, GuestProfile::Generic}) {
            DomainSpec spec = makeSpec(profile);
            applyOption(spec, u"nic="_s + nic);
            const QStringList devices = qemuOptionValues(built(spec), u"-device"_s);
            QVERIFY(!devices.isEmpty());
            QCOMPARE(devices.last().section(u',', 0, 0), qemuDevice);

            applyOption(spec, u"network=network:default"_s);
            const Element d = built(spec);
            QCOMPARE(d.attrAt(u"devices/interface/model"_s, u"type"_s), libvirtModel);
        }
    }

    void videoModels_data()
    {
        QTest::addColumn<QString>("video");
        QTest::addColumn<QString>("libvirtModel");
        QTest::addColumn<bool>("resolution");
        QTest::newRow("vga") << u"vga"_s << u"vga"_s << true;
        QTest::newRow("vmware-svga") << u"vmware-svga"_s << u"vmvga"_s << false;
        QTest::newRow("virtio") << u"virtio"_s << u"virtio"_s << true;
    }
    void videoModels()
    {
        QFETCH(QString, video);
        QFETCH(QString, libvirtModel);
        QFETCH(bool, resolution);
        DomainSpec spec = makeSpec(GuestProfile::MacOS);
        applyOption(spec, u"video="_s + video);
        applyOption(spec, u"display=2560x1440"_s);
        const Element d = built(spec);
        QCOMPARE(d.attrAt(u"devices/video/model"_s, u"type"_s), libvirtModel);
        if (libvirtModel != u"virtio")
            QCOMPARE(d.attrAt(u"devices/video/model"_s, u"vram"_s), u"65536"_s);
        const Element *res = d.first(u"devices/video/model/resolution"_s);
        QCOMPARE(res != nullptr, resolution);
        if (res) {
            QCOMPARE(res->attr(u"x"_s), u"2560"_s);
            QCOMPARE(res->attr(u"y"_s), u"1440"_s);
        }
    }

    // 8K needs more than the usual 64 MiB of video memory.
    void videoMemory()
    {
        DomainSpec spec = makeSpec(GuestProfile::Generic);
        applyOption(spec, u"display=7680x4320"_s);
        QCOMPARE(built(spec).attrAt(u"devices/video/model"_s, u"vram"_s), u"131072"_s);
        applyOption(spec, u"display=3840x2160"_s);
        QCOMPARE(built(spec).attrAt(u"devices/video/model"_s, u"vram"_s), u"65536"_s);
    }

    void networks_data()
    {
        QTest::addColumn<QString>("network");
        QTest::addColumn<QString>("interfaceType");
        QTest::addColumn<QString>("sourceAttribute");
        QTest::addColumn<bool>("restricted");
        QTest::newRow("user") << u"user"_s << QString() << QString() << false;
        QTest::newRow("user-isolated") << u"user-isolated"_s << QString() << QString() << true;
        QTest::newRow("network") << u"network:corral_lan-1.x"_s << u"network"_s << u"network"_s
                                 << false;
        QTest::newRow("bridge") << u"bridge:br0"_s << u"bridge"_s << u"bridge"_s << false;
    }
    void networks()
    {
        QFETCH(QString, network);
        QFETCH(QString, interfaceType);
        QFETCH(QString, sourceAttribute);
        QFETCH(bool, restricted);
        DomainSpec spec = makeSpec(GuestProfile::Linux);
        spec.config.network = network;
        QString xml;
        const Element d = built(spec, &xml);
        const QStringList netdevs = qemuOptionValues(d, u"-netdev"_s);
        if (interfaceType.isEmpty()) {
            QCOMPARE(netdevs.size(), 1);
            QVERIFY(netdevs[0].startsWith(u"user,id=corral-net0,"_s));
            QCOMPARE(netdevs[0].contains(u",restrict=on,"_s), restricted);
            QVERIFY(netdevs[0].contains(u",ipv6=off,net=169.254.169.0/24"_s));
            QVERIFY(!d.first(u"devices/interface"_s));
        } else {
            // Libvirt networks and bridges: the NIC is libvirt's, nothing for QEMU directly.
            QVERIFY(netdevs.isEmpty());
            QVERIFY(!d.first(u"commandline"_s));
            QVERIFY2(!xml.contains(QemuNs), "no qemu namespace without qemu:commandline");
            const Element *nic = d.first(u"devices/interface"_s);
            QVERIFY(nic);
            QCOMPARE(nic->attr(u"type"_s), interfaceType);
            QCOMPARE(nic->attrAt(u"source"_s, sourceAttribute), network.section(u':', 1));
            QCOMPARE(nic->attrAt(u"mac"_s, u"address"_s), DomainBuilder::macAddressFor(spec.name));
            QCOMPARE(nic->attrAt(u"model"_s, u"type"_s), u"virtio"_s);
        }
        QCOMPARE(schemaProblem(xml), QString());
    }

    void ports_data()
    {
        QTest::addColumn<QList<PortMapping>>("ports");
        QTest::addColumn<QStringList>("forwards");
        QTest::newRow("none") << QList<PortMapping>{} << QStringList{};
        QTest::newRow("one") << QList<PortMapping>{{22, u"127.0.0.11"_s, 2323}}
                             << QStringList{u"tcp:127.0.0.11:2323-169.254.169.15:22"_s};
        QTest::newRow("three") << QList<PortMapping>{{22, u"127.0.0.11"_s, 2323},
                                                     {5900, u"127.0.0.11"_s, 2324},
                                                     {8080, u"127.0.0.12"_s, 80}}
                               << QStringList{u"tcp:127.0.0.11:2323-169.254.169.15:22"_s,
                                              u"tcp:127.0.0.11:2324-169.254.169.15:5900"_s,
                                              u"tcp:127.0.0.12:80-169.254.169.15:8080"_s};
        QTest::newRow("no address: loopback")
            << QList<PortMapping>{{22, QString(), 2323}}
            << QStringList{u"tcp:127.0.0.1:2323-169.254.169.15:22"_s};
        // Nothing that QEMU could read as more options, no IPv6 (hostfwd cannot), no port 0,
        // no second listener on the same address and port.
        QTest::newRow("unusable skipped")
            << QList<PortMapping>{{22, u"127.0.0.1,hostfwd=tcp::1-:2"_s, 2323},
                                  {23, u"::1"_s, 2324},
                                  {24, u"127.0.0.11"_s, 0},
                                  {0, u"127.0.0.11"_s, 2325},
                                  {25, u"127.0.0.11"_s, 2326},
                                  {26, u"127.0.0.11"_s, 2326}}
            << QStringList{u"tcp:127.0.0.11:2326-169.254.169.15:25"_s};
    }
    void ports()
    {
        QFETCH(QList<PortMapping>, ports);
        QFETCH(QStringList, forwards);
        for (GuestProfile profile :
             {GuestProfile::MacOS, GuestProfile::Linux, GuestProfile::Generic}) {
            DomainSpec spec = makeSpec(profile);
            spec.metadata.ports = ports;
            const Element d = built(spec);
            const QStringList netdevs = qemuOptionValues(d, u"-netdev"_s);
            QCOMPARE(netdevs.size(), 1);
            QStringList found;
            for (const QString &option : netdevs[0].split(u',')) {
                if (option.startsWith(u"hostfwd="))
                    found << option.mid(8);
            }
            QCOMPARE(found, forwards);

            // Ports are never forwarded from a bridged VM (it has an address of its own).
            spec.config.network = u"bridge:br0"_s;
            QVERIFY(qemuOptionValues(built(spec), u"-netdev"_s).isEmpty());
        }
    }

    void serial()
    {
        DomainSpec spec = makeSpec(GuestProfile::Generic);
        Element d = built(spec);
        QVERIFY(!d.first(u"sysinfo"_s));
        QVERIFY(!d.first(u"os/smbios"_s));
        spec.config.systemSerial = u"C02XK0AAJGH5"_s;
        d = built(spec);
        QCOMPARE(d.attrAt(u"sysinfo"_s, u"type"_s), u"smbios"_s);
        QCOMPARE(d.attrAt(u"sysinfo/system/entry"_s, u"name"_s), u"serial"_s);
        QCOMPARE(d.textAt(u"sysinfo/system/entry"_s), u"C02XK0AAJGH5"_s);
        QCOMPARE(d.attrAt(u"os/smbios"_s, u"mode"_s), u"sysinfo"_s);
    }

    void gpu()
    {
        DomainSpec spec = makeSpec(GuestProfile::MacOS);
        QVERIFY(!built(spec).first(u"devices/hostdev"_s));
        spec.config.gpuPciAddress = u"0000:0A:1f.7"_s;
        const Element d = built(spec);
        const Element *hostdev = d.first(u"devices/hostdev"_s);
        QVERIFY(hostdev);
        QCOMPARE(hostdev->attr(u"mode"_s), u"subsystem"_s);
        QCOMPARE(hostdev->attr(u"type"_s), u"pci"_s);
        QCOMPARE(hostdev->attr(u"managed"_s), u"yes"_s);
        const Element *address = hostdev->first(u"source/address"_s);
        QVERIFY(address);
        QCOMPARE(address->attr(u"domain"_s), u"0x0000"_s);
        QCOMPARE(address->attr(u"bus"_s), u"0x0a"_s);
        QCOMPARE(address->attr(u"slot"_s), u"0x1f"_s);
        QCOMPARE(address->attr(u"function"_s), u"0x7"_s);

        spec.config.gpuPciAddress = u"03:00.0"_s; // not a full address: nothing passed through
        QVERIFY(!built(spec).first(u"devices/hostdev"_s));
    }

    void macAddress()
    {
        const QRegularExpression format(u"^52:54:00(:[0-9a-f]{2}){3}$"_s);
        const QString a = DomainBuilder::macAddressFor(u"vm-a"_s);
        QVERIFY2(format.match(a).hasMatch(), qPrintable(a));
        QCOMPARE(DomainBuilder::macAddressFor(u"vm-a"_s), a);
        QVERIFY(DomainBuilder::macAddressFor(u"vm-b"_s) != a);
        QCOMPARE(DomainBuilder::userNetworkGuestAddress(), u"169.254.169.15"_s);

        DomainSpec spec = makeSpec(GuestProfile::Linux);
        spec.macAddress = u"52:54:00:AB:cd:01"_s;
        QVERIFY(qemuOptionValues(built(spec), u"-device"_s)
                    .constFirst()
                    .contains(u",mac=52:54:00:ab:cd:01,"_s));
        spec.macAddress = u"52:54:00:ab:cd:01,romfile=/x"_s; // not a MAC: the derived one
        QVERIFY(qemuOptionValues(built(spec), u"-device"_s)
                    .constFirst()
                    .contains(u",mac="_s + DomainBuilder::macAddressFor(spec.name) + u','));
    }

    // Quotes, '<', '&' from users come out escaped (the parsed values are the originals) and
    // commas cannot add QEMU options.
    void hostile()
    {
        for (GuestProfile profile :
             {GuestProfile::MacOS, GuestProfile::Linux, GuestProfile::Generic}) {
            DomainSpec spec = makeSpec(profile);
            applyOption(spec, u"hostile"_s);
            QString xml;
            const Element d = built(spec, &xml);
            QCOMPARE(d.textAt(u"name"_s), spec.name);
            QCOMPARE(d.textAt(u"title"_s), u"Corral VM from config "_s + HostileText);
            QCOMPARE(d.textAt(u"sysinfo/system/entry"_s), HostileText);
            QCOMPARE(d.all(u"devices/disk/source"_s).last()->attr(u"file"_s), spec.systemDisk);
            QCOMPARE(d.attrAt(u"devices/interface/source"_s, u"network"_s), HostileText);
            const auto metadata = VmMetadataXml::parse(xml);
            QVERIFY(metadata);
            QCOMPARE(*metadata, spec.metadata);
            if (profile == GuestProfile::MacOS) {
                QString osk = HostileText;
                osk.replace(u',', u",,"_s);
                QVERIFY2(qemuArgs(d).contains(u"isa-applesmc,osk="_s + osk),
                         qPrintable(qemuArgs(d).join(u'\n')));
            }
            QCOMPARE(schemaProblem(xml), QString());
        }
    }

    // Every profile with every option (one at a time) validates against libvirt's schema.
    void validates_data()
    {
        QTest::addColumn<GuestProfile>("profile");
        QTest::addColumn<QStringList>("options");
        const QStringList single = {
            u"firmware=auto"_s,
            u"firmware=bios"_s,
            u"firmware=uefi"_s,
            u"nic=virtio"_s,
            u"nic=e1000"_s,
            u"nic=e1000-82545em"_s,
            u"nic=vmxnet3"_s,
            u"video=vga"_s,
            u"video=vmware-svga"_s,
            u"video=virtio"_s,
            u"network=user"_s,
            u"network=user-isolated"_s,
            u"network=network:default"_s,
            u"network=bridge:br0"_s,
            u"serial"_s,
            u"gpu"_s,
            u"ports=0"_s,
            u"ports=1"_s,
            u"ports=3"_s,
            u"type=qemu"_s,
            u"display=7680x4320"_s,
            u"hostile"_s,
        };
        for (GuestProfile profile :
             {GuestProfile::MacOS, GuestProfile::Linux, GuestProfile::Generic}) {
            const QString key = guestProfileKey(profile);
            for (const QString &option : single) {
                if (profile == GuestProfile::MacOS && option == u"firmware=bios")
                    continue; // refused by validateVmConfig
                QTest::addRow("%s %s", qPrintable(key), qPrintable(option))
                    << profile << QStringList{option};
            }
            QTest::addRow("%s all", qPrintable(key))
                << profile << QStringList{u"firmware=uefi"_s,
                                          u"nic=vmxnet3"_s,
                                          u"video=vmware-svga"_s,
                                          u"serial"_s,
                                          u"gpu"_s,
                                          u"ports=3"_s,
                                          u"type=qemu"_s,
                                          u"network=user-isolated"_s};
        }
        QTest::newRow("macos Penryn") << GuestProfile::MacOS << QStringList{u"cpu=Penryn"_s};
    }
    void validates()
    {
        QFETCH(GuestProfile, profile);
        QFETCH(QStringList, options);
        DomainSpec spec = makeSpec(profile);
        for (const QString &option : options)
            applyOption(spec, option);
        const QString xml = DomainBuilder::build(spec);
        QString error;
        const Element d = parse(xml, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(d.name, u"domain"_s);
        QCOMPARE(VmMetadataXml::parse(xml), std::optional<VmMetadata>(spec.metadata));
        const QString problem = schemaProblem(xml);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(tst_DomainBuilder)
#include "tst_domainbuilder.moc"
