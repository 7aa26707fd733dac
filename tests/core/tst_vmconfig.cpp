// VM config rules: every validation rule with a passing and a failing row, RFC 1123 labels,
// the profile defaults and the enum keys.
#include "fleet/vmconfig.h"

#include <QTest>

#include <array>
#include <functional>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

VmConfig validConfig(GuestProfile profile = GuestProfile::Linux)
{
    VmConfig c;
    c.name = u"ci-runner"_s;
    c.image = u"debian-12.qcow2"_s;
    c.profile = profile;
    if (profile == GuestProfile::MacOS)
        c.openCoreImage = u"opencore.qcow2"_s;
    return c;
}

QStringList fieldsOf(const QList<ConfigProblem> &problems)
{
    QStringList fields;
    for (const ConfigProblem &p : problems)
        fields << p.field;
    return fields;
}

using Change = std::function<void(VmConfig &)>;

} // namespace

Q_DECLARE_METATYPE(Change)

class tst_VmConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labels_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << u"team-a"_s << true;
        QTest::newRow("one char") << u"a"_s << true;
        QTest::newRow("digit first and last") << u"1-a-2"_s << true;
        QTest::newRow("63 chars") << QString(63, u'a') << true;
        QTest::newRow("64 chars") << QString(64, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("upper case") << u"Team"_s << false;
        QTest::newRow("leading dash") << u"-team"_s << false;
        QTest::newRow("trailing dash") << u"team-"_s << false;
        QTest::newRow("underscore") << u"team_a"_s << false;
        QTest::newRow("dot") << u"team.a"_s << false;
        QTest::newRow("space") << u"team a"_s << false;
        QTest::newRow("non-ascii") << u"t\u00e9am"_s << false;
    }
    void labels()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const QString problem = validateLabel(name, u"namespace"_s);
        QCOMPARE(problem.isEmpty(), valid);
        if (!valid) {
            // The message names what is being named and states the rule.
            QVERIFY2(problem.contains(u"namespace"_s), qPrintable(problem));
            QVERIFY2(problem.contains(u"63"_s), qPrintable(problem));
            QVERIFY2(problem.contains(u"a-z"_s), qPrintable(problem));
        }
    }

    void defaultConfigsAreValid()
    {
        for (GuestProfile profile :
             {GuestProfile::MacOS, GuestProfile::Linux, GuestProfile::Generic}) {
            const auto problems = validateVmConfig(validConfig(profile));
            QVERIFY2(problems.isEmpty(), qPrintable(fieldsOf(problems).join(u' ')));
        }
    }

    void rules_data()
    {
        QTest::addColumn<GuestProfile>("profile");
        QTest::addColumn<Change>("change");
        QTest::addColumn<QString>("field"); // empty: the change is valid

        // row(name, field with the problem or empty when valid, change to a valid config)
        const auto rowFor = [](GuestProfile profile) {
            return [profile](const char *name, const QString &field, Change change) {
                QTest::newRow(name) << profile << change << field;
            };
        };
        const auto row = rowFor(GuestProfile::Linux);
        const auto macRow = rowFor(GuestProfile::MacOS);
        const QString ok;
        row("name ok", ok, [](VmConfig &c) { c.name = u"a1"_s; });
        row("name bad", u"name"_s, [](VmConfig &c) { c.name = u"CI Runner"_s; });
        row("name empty", u"name"_s, [](VmConfig &c) { c.name.clear(); });
        row("image bad", u"image"_s, [](VmConfig &c) { c.image = u"  "_s; });
        row("vcpus 1", ok, [](VmConfig &c) { c.vcpus = 1; });
        row("vcpus 512", ok, [](VmConfig &c) { c.vcpus = 512; });
        row("vcpus 0", u"vcpus"_s, [](VmConfig &c) { c.vcpus = 0; });
        row("vcpus 513", u"vcpus"_s, [](VmConfig &c) { c.vcpus = 513; });
        row("memory 128", ok, [](VmConfig &c) { c.memoryMiB = 128; });
        row("memory 4 TiB", ok, [](VmConfig &c) { c.memoryMiB = 4194304; });
        row("memory 127", u"memoryMiB"_s, [](VmConfig &c) { c.memoryMiB = 127; });
        row("memory over", u"memoryMiB"_s, [](VmConfig &c) { c.memoryMiB = 4194305; });
        row("disk 0", ok, [](VmConfig &c) { c.diskGiB = 0; });
        row("disk 65536", ok, [](VmConfig &c) { c.diskGiB = 65536; });
        row("disk negative", u"diskGiB"_s, [](VmConfig &c) { c.diskGiB = -1; });
        row("disk over", u"diskGiB"_s, [](VmConfig &c) { c.diskGiB = 65537; });
        row("display min", ok, [](VmConfig &c) {
            c.displayWidth = 640;
            c.displayHeight = 480;
        });
        row("display max", ok, [](VmConfig &c) {
            c.displayWidth = 7680;
            c.displayHeight = 4320;
        });
        row("display narrow", u"display"_s, [](VmConfig &c) { c.displayWidth = 639; });
        row("display wide", u"display"_s, [](VmConfig &c) { c.displayWidth = 7681; });
        row("display low", u"display"_s, [](VmConfig &c) { c.displayHeight = 479; });
        row("display high", u"display"_s, [](VmConfig &c) { c.displayHeight = 4321; });
        row("ports ok", ok, [](VmConfig &c) { c.ports = {22, 5900, 65535}; });
        row("port 0", u"ports"_s, [](VmConfig &c) { c.ports = {0}; });
        row("ports duplicate", u"ports"_s, [](VmConfig &c) { c.ports = {22, 22}; });
        row("ports 32", ok, [](VmConfig &c) {
            for (int i = 1; i <= 32; ++i)
                c.ports.append(quint16(i));
        });
        row("ports 33", u"ports"_s, [](VmConfig &c) {
            for (int i = 1; i <= 33; ++i)
                c.ports.append(quint16(i));
        });
        row("serial ok", ok, [](VmConfig &c) { c.systemSerial = u"C02XK0AA-JGH5"_s; });
        row("serial 64", ok, [](VmConfig &c) { c.systemSerial = QString(64, u'A'); });
        row("serial 65", u"systemSerial"_s,
            [](VmConfig &c) { c.systemSerial = QString(65, u'A'); });
        row("serial quote", u"systemSerial"_s, [](VmConfig &c) { c.systemSerial = u"ab\"c"_s; });
        row("serial space", u"systemSerial"_s, [](VmConfig &c) { c.systemSerial = u"ab c"_s; });
        row("gpu ok", ok, [](VmConfig &c) { c.gpuPciAddress = u"0000:03:00.0"_s; });
        row("gpu hex", ok, [](VmConfig &c) { c.gpuPciAddress = u"000a:0B:1f.7"_s; });
        row("gpu short", u"gpuPciAddress"_s, [](VmConfig &c) { c.gpuPciAddress = u"03:00.0"_s; });
        row("gpu function 8", u"gpuPciAddress"_s,
            [](VmConfig &c) { c.gpuPciAddress = u"0000:03:00.8"_s; });
        row("gpu slot 20", u"gpuPciAddress"_s,
            [](VmConfig &c) { c.gpuPciAddress = u"0000:03:20.0"_s; });
        row("gpu not hex", u"gpuPciAddress"_s,
            [](VmConfig &c) { c.gpuPciAddress = u"0000:0g:00.0"_s; });
        row("network user", ok, [](VmConfig &c) { c.network = u"user"_s; });
        row("network isolated", ok, [](VmConfig &c) { c.network = u"user-isolated"_s; });
        row("network libvirt", ok, [](VmConfig &c) { c.network = u"network:lan_1.x-y"_s; });
        row("network bridge", ok, [](VmConfig &c) { c.network = u"bridge:br0"_s; });
        row("network empty", u"network"_s, [](VmConfig &c) { c.network.clear(); });
        row("network unknown", u"network"_s, [](VmConfig &c) { c.network = u"nat"_s; });
        row("network no name", u"network"_s, [](VmConfig &c) { c.network = u"bridge:"_s; });
        row("network bad name", u"network"_s, [](VmConfig &c) { c.network = u"network:a/b"_s; });
        row("host tag ok", ok, [](VmConfig &c) { c.hostTag = u"gpu_a.1-x"_s; });
        row("host tag bad", u"hostTag"_s, [](VmConfig &c) { c.hostTag = u"gpu a"_s; });
        row("tag required ok", ok, [](VmConfig &c) {
            c.hostTag = u"gpu"_s;
            c.tagRequired = true;
        });
        row("tag required without tag", u"hostTag"_s, [](VmConfig &c) { c.tagRequired = true; });
        row("guest user ok", ok, [](VmConfig &c) { c.guestUser = u"ci.user_1-x"_s; });
        row("guest user 32", ok, [](VmConfig &c) { c.guestUser = QString(32, u'u'); });
        row("guest user 33", u"guestUser"_s, [](VmConfig &c) { c.guestUser = QString(33, u'u'); });
        row("guest user bad", u"guestUser"_s, [](VmConfig &c) { c.guestUser = u"root;id"_s; });

        macRow("macos opencore missing", u"openCoreImage"_s,
               [](VmConfig &c) { c.openCoreImage.clear(); });
        row("linux needs no opencore", ok, [](VmConfig &c) { c.openCoreImage.clear(); });
        macRow("macos cpu Penryn", ok, [](VmConfig &c) { c.cpuModel = u"Penryn"_s; });
        macRow("macos cpu Haswell", ok, [](VmConfig &c) { c.cpuModel = u"Haswell-noTSX"_s; });
        macRow("macos cpu Skylake", ok,
               [](VmConfig &c) { c.cpuModel = u"Skylake-Client-noTSX-IBRS"_s; });
        macRow("macos cpu Cascadelake", ok,
               [](VmConfig &c) { c.cpuModel = u"Cascadelake-Server-noTSX"_s; });
        macRow("macos cpu other", u"cpuModel"_s, [](VmConfig &c) { c.cpuModel = u"host"_s; });
        macRow("macos uefi", ok, [](VmConfig &c) { c.firmware = Firmware::Uefi; });
        macRow("macos bios", u"firmware"_s, [](VmConfig &c) { c.firmware = Firmware::Bios; });
        row("linux bios", ok, [](VmConfig &c) { c.firmware = Firmware::Bios; });
    }
    void rules()
    {
        QFETCH(GuestProfile, profile);
        QFETCH(Change, change);
        QFETCH(QString, field);
        VmConfig c = validConfig(profile);
        change(c);
        const auto problems = validateVmConfig(c);
        if (field.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(fieldsOf(problems).join(u' ')));
            return;
        }
        QCOMPARE(fieldsOf(problems), QStringList{field});
        QVERIFY(!problems.first().message.isEmpty());
    }

    // Messages say what is allowed, not just that something is wrong.
    void messagesStateTheRule()
    {
        VmConfig c = validConfig(GuestProfile::MacOS);
        c.vcpus = 0;
        c.cpuModel = u"host"_s;
        c.network = u"nat"_s;
        const auto problems = validateVmConfig(c);
        QCOMPARE(problems.size(), 3);
        for (const ConfigProblem &p : problems) {
            if (p.field == u"vcpus")
                QVERIFY2(p.message.contains(u"512"_s), qPrintable(p.message));
            else if (p.field == u"cpuModel")
                QVERIFY2(p.message.contains(u"Penryn"_s), qPrintable(p.message));
            else
                QVERIFY2(p.message.contains(u"bridge:NAME"_s), qPrintable(p.message));
        }
    }

    void effectiveDefaults_data()
    {
        QTest::addColumn<GuestProfile>("profile");
        QTest::addColumn<Firmware>("firmware");
        QTest::addColumn<NicModel>("nic");
        QTest::addColumn<VideoModel>("video");
        QTest::newRow("macos") << GuestProfile::MacOS << Firmware::Uefi << NicModel::E1000_82545em
                               << VideoModel::Vga;
        QTest::newRow("linux") << GuestProfile::Linux << Firmware::Bios << NicModel::Virtio
                               << VideoModel::Virtio;
        QTest::newRow("generic") << GuestProfile::Generic << Firmware::Bios << NicModel::E1000
                                 << VideoModel::Vga;
    }
    void effectiveDefaults()
    {
        QFETCH(GuestProfile, profile);
        QFETCH(Firmware, firmware);
        QFETCH(NicModel, nic);
        QFETCH(VideoModel, video);
        VmConfig c = validConfig(profile);
        QCOMPARE(c.effectiveFirmware(), firmware);
        QCOMPARE(c.effectiveNic(), nic);
        QCOMPARE(c.effectiveVideo(), video);
        // An explicit choice wins over the profile's.
        c.firmware = Firmware::Uefi;
        c.nic = NicModel::Vmxnet3;
        c.video = VideoModel::Vmware;
        QCOMPARE(c.effectiveFirmware(), Firmware::Uefi);
        QCOMPARE(c.effectiveNic(), NicModel::Vmxnet3);
        QCOMPARE(c.effectiveVideo(), VideoModel::Vmware);
    }

    void enumKeys()
    {
        const auto check = [](auto values, auto key, auto parse, const QStringList &expected) {
            QStringList keys;
            for (auto value : values) {
                const QString k = key(value);
                keys << k;
                decltype(value) parsed{};
                QVERIFY2(parse(k, &parsed), qPrintable(k));
                QCOMPARE(parsed, value);
                QVERIFY2(parse(k.toUpper(), &parsed), qPrintable(k)); // typed by people
                QCOMPARE(parsed, value);
            }
            QCOMPARE(keys, expected);
            auto unchanged = *std::begin(values);
            QVERIFY(!parse(u"bogus"_s, &unchanged));
            QVERIFY(!parse(QString(), &unchanged));
            QCOMPARE(unchanged, *std::begin(values));
        };
        check(std::array{GuestProfile::MacOS, GuestProfile::Linux, GuestProfile::Generic},
              &guestProfileKey, &parseGuestProfile,
              QStringList{u"macos"_s, u"linux"_s, u"generic"_s});
        check(std::array{Firmware::Auto, Firmware::Bios, Firmware::Uefi}, &firmwareKey,
              &parseFirmware, QStringList{u"auto"_s, u"bios"_s, u"uefi"_s});
        check(std::array{NicModel::Auto, NicModel::Virtio, NicModel::E1000, NicModel::E1000_82545em,
                         NicModel::Vmxnet3},
              &nicModelKey, &parseNicModel,
              QStringList{u"auto"_s, u"virtio"_s, u"e1000"_s, u"e1000-82545em"_s, u"vmxnet3"_s});
        check(std::array{VideoModel::Auto, VideoModel::Vga, VideoModel::Vmware, VideoModel::Virtio},
              &videoModelKey, &parseVideoModel,
              QStringList{u"auto"_s, u"vga"_s, u"vmware-svga"_s, u"virtio"_s});
    }

    void profileLabels()
    {
        QCOMPARE(guestProfileLabel(GuestProfile::MacOS), u"macOS"_s);
        QCOMPARE(guestProfileLabel(GuestProfile::Linux), u"Linux"_s);
        QCOMPARE(guestProfileLabel(GuestProfile::Generic), u"Generic"_s);
    }
};

QTEST_GUILESS_MAIN(tst_VmConfig)
#include "tst_vmconfig.moc"
