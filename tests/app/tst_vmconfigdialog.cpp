#include "vmconfigdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

const QStringList diskImages{u"debian-12.qcow2"_s, u"macos-14.qcow2"_s};
const QStringList allImages{u"debian-12.qcow2"_s, u"macos-14.qcow2"_s, u"opencore.qcow2"_s,
                            u"installer.iso"_s};

VmConfig macConfig()
{
    VmConfig c;
    c.name = u"macos-14"_s;
    c.description = u"Xcode 15 builds"_s;
    c.image = u"macos-14.qcow2"_s;
    c.vcpus = 8;
    c.memoryMiB = 16384;
    c.diskGiB = 120;
    c.displayWidth = 2560;
    c.displayHeight = 1440;
    c.profile = GuestProfile::MacOS;
    c.firmware = Firmware::Auto;
    c.hostTag = u"m2"_s;
    c.tagRequired = true;
    c.ports = {22, 5900};
    c.guestUser = u"admin"_s;
    c.systemSerial = u"C02XK0ABJG5J"_s;
    c.gpuPciAddress = u"0000:03:00.0"_s;
    c.nic = NicModel::Vmxnet3;
    c.video = VideoModel::Vmware;
    c.network = u"network:lab-net"_s;
    c.openCoreImage = u"opencore.qcow2"_s;
    c.cpuModel = u"Penryn"_s;
    c.created = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    c.modified = QDateTime(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC);
    return c;
}

VmConfig linuxConfig()
{
    VmConfig c;
    c.name = u"runner"_s;
    c.image = u"debian-12.qcow2"_s;
    c.vcpus = 4;
    c.memoryMiB = 8192;
    c.profile = GuestProfile::Linux;
    c.firmware = Firmware::Uefi;
    c.nic = NicModel::E1000;
    c.video = VideoModel::Virtio;
    c.network = u"bridge:br0"_s;
    c.hostTag = u"fast"_s;
    return c;
}

} // namespace

class TestVmConfigDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void profileSwitchesFields();
    void invalidFieldsAreMarked();
    void roundTripsEveryField_data();
    void roundTripsEveryField();
    void widgetsMakeTheConfig();
    void parsesPorts();
    void savesWithoutFleet();

private:
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(dir + u'/' + name + u".png"_s));
    }
    template<typename T> static T *field(QWidget &dialog, const QString &name)
    {
        auto *widget = dialog.findChild<T *>(name);
        if (!widget)
            qFatal("no field %s", qPrintable(name));
        return widget;
    }
};

void TestVmConfigDialog::profileSwitchesFields()
{
    VmConfigDialog dialog(nullptr, VmConfigDialog::Mode::Create);
    dialog.setImageChoices(diskImages, allImages);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *profile = field<QComboBox>(dialog, u"profileCombo"_s);
    auto *openCore = field<QComboBox>(dialog, u"openCoreCombo"_s);
    auto *cpuModel = field<QComboBox>(dialog, u"cpuModelCombo"_s);
    auto *smcNote = field<QLabel>(dialog, u"smcNote"_s);
    auto *firmware = field<QComboBox>(dialog, u"firmwareCombo"_s);
    auto *nic = field<QComboBox>(dialog, u"nicCombo"_s);

    // Linux (the default): firmware, no macOS fields; "Automatic" names Linux's devices.
    QCOMPARE(GuestProfile(profile->currentData().toInt()), GuestProfile::Linux);
    QVERIFY(firmware->isVisible());
    QVERIFY(!openCore->isVisible());
    QVERIFY(!cpuModel->isVisible());
    QVERIFY(!smcNote->isVisible());
    QCOMPARE(nic->itemText(0), u"Automatic (virtio)");
    QCOMPARE(firmware->itemText(0), u"Automatic (BIOS)");

    profile->setCurrentIndex(profile->findData(int(GuestProfile::MacOS)));
    QVERIFY(openCore->isVisible());
    QVERIFY(cpuModel->isVisible());
    QVERIFY(smcNote->isVisible());
    QVERIFY(smcNote->text().contains(u"SMC"));
    QVERIFY(!firmware->isVisible());
    QCOMPARE(nic->itemText(0), u"Automatic (e1000-82545em)");
    saveScreenshot(&dialog, u"vmconfig-macos"_s);

    profile->setCurrentIndex(profile->findData(int(GuestProfile::Generic)));
    QVERIFY(firmware->isVisible());
    QVERIFY(!openCore->isVisible());
    QCOMPARE(nic->itemText(0), u"Automatic (e1000)");

    // The hidden profile's fields do not end up in the config.
    openCore->setCurrentIndex(openCore->findData(u"opencore.qcow2"_s));
    cpuModel->setCurrentIndex(cpuModel->findData(u"Penryn"_s));
    QVERIFY(dialog.config().openCoreImage.isEmpty());
    QVERIFY(dialog.config().cpuModel.isEmpty());
    profile->setCurrentIndex(profile->findData(int(GuestProfile::MacOS)));
    QCOMPARE(dialog.config().openCoreImage, u"opencore.qcow2");
    QCOMPARE(dialog.config().cpuModel, u"Penryn");
    QCOMPARE(dialog.config().firmware, Firmware::Auto);
}

void TestVmConfigDialog::invalidFieldsAreMarked()
{
    VmConfigDialog dialog(nullptr, VmConfigDialog::Mode::Create);
    dialog.setImageChoices(diskImages, allImages);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *name = field<QLineEdit>(dialog, u"nameEdit"_s);
    QPushButton *ok = dialog.okButton();

    // Just opened: the empty name keeps OK disabled without scolding anyone.
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.markedFields().isEmpty());
    QVERIFY(dialog.problemLabel()->isHidden());

    QTest::keyClicks(name, u"Bad Name"_s);
    QCOMPARE(dialog.markedFields(), QStringList{u"name"_s});
    QVERIFY(dialog.problemLabel()->isVisible());
    QCOMPARE(dialog.problemLabel()->text(), dialog.problems().constFirst().message);
    auto *nameMark = field<QLabel>(dialog, u"mark.name"_s);
    QVERIFY(nameMark->isVisible());
    QCOMPARE(nameMark->toolTip(), dialog.problems().constFirst().message);
    QVERIFY(!ok->isEnabled());
    name->setText(u"ci-runner"_s);
    QVERIFY(dialog.markedFields().isEmpty());
    QVERIFY(ok->isEnabled());

    // Fields on other tabs: marked, and their tab gets an error icon.
    field<QSpinBox>(dialog, u"displayWidthSpin"_s)->setValue(320);
    field<QLineEdit>(dialog, u"portsEdit"_s)->setText(u"22, ssh"_s);
    field<QLineEdit>(dialog, u"gpuEdit"_s)->setText(u"slot 3"_s);
    auto *network = field<QComboBox>(dialog, u"networkKindCombo"_s);
    network->setCurrentIndex(network->findData(u"network"_s));
    field<QCheckBox>(dialog, u"tagRequiredCheck"_s)->setChecked(true);
    QCOMPARE(
        dialog.markedFields(),
        (QStringList{u"display"_s, u"gpuPciAddress"_s, u"hostTag"_s, u"network"_s, u"ports"_s}));
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.problemLabel()->text().contains(u"ssh")); // the ports' parse error first
    QVERIFY(dialog.tabs()->tabIcon(0).isNull());
    QVERIFY(!dialog.tabs()->tabIcon(1).isNull());
    QVERIFY(!dialog.tabs()->tabIcon(2).isNull());
    dialog.tabs()->setCurrentIndex(1);
    QVERIFY(field<QLabel>(dialog, u"mark.ports"_s)->isVisible());
    QVERIFY(field<QLabel>(dialog, u"mark.ports"_s)->toolTip().contains(u"ssh"));
    saveScreenshot(&dialog, u"vmconfig-invalid"_s);

    // macOS needs an OpenCore image.
    auto *profile = field<QComboBox>(dialog, u"profileCombo"_s);
    profile->setCurrentIndex(profile->findData(int(GuestProfile::MacOS)));
    QVERIFY(dialog.markedFields().contains(u"openCoreImage"));
    QVERIFY(!dialog.tabs()->tabIcon(0).isNull());

    // Fixing each problem clears its mark; with none left, OK is enabled.
    auto *openCore = field<QComboBox>(dialog, u"openCoreCombo"_s);
    openCore->setCurrentIndex(openCore->findData(u"opencore.qcow2"_s));
    field<QSpinBox>(dialog, u"displayWidthSpin"_s)->setValue(1920);
    field<QLineEdit>(dialog, u"portsEdit"_s)->setText(u"22 5900"_s);
    field<QLineEdit>(dialog, u"gpuEdit"_s)->clear();
    field<QLineEdit>(dialog, u"networkNameEdit"_s)->setText(u"default"_s);
    field<QLineEdit>(dialog, u"hostTagEdit"_s)->setText(u"m2"_s);
    QVERIFY2(dialog.markedFields().isEmpty(), qPrintable(dialog.markedFields().join(u',')));
    QVERIFY(dialog.problemLabel()->isHidden());
    QVERIFY(ok->isEnabled());
    for (int tab = 0; tab < dialog.tabs()->count(); ++tab)
        QVERIFY(dialog.tabs()->tabIcon(tab).isNull());
    QCOMPARE(dialog.config().ports, (QList<quint16>{22, 5900}));
    QCOMPARE(dialog.config().network, u"network:default");
}

void TestVmConfigDialog::roundTripsEveryField_data()
{
    QTest::addColumn<VmConfig>("config");
    QTest::newRow("macOS") << macConfig();
    QTest::newRow("Linux") << linuxConfig();
    VmConfig isolated = linuxConfig();
    isolated.network = u"user-isolated"_s;
    isolated.profile = GuestProfile::Generic;
    isolated.firmware = Firmware::Bios;
    isolated.diskGiB = 0;
    isolated.displayWidth = 1024;
    isolated.displayHeight = 768;
    QTest::newRow("generic, isolated") << isolated;
    // An image the library no longer has stays the config's image.
    VmConfig missing = linuxConfig();
    missing.image = u"gone.qcow2"_s;
    QTest::newRow("missing image") << missing;
}

void TestVmConfigDialog::roundTripsEveryField()
{
    QFETCH(VmConfig, config);
    VmConfigDialog dialog(nullptr, VmConfigDialog::Mode::Edit, config);
    dialog.setImageChoices(diskImages, allImages);
    const VmConfig result = dialog.config();
    QCOMPARE(result.name, config.name);
    QCOMPARE(result.description, config.description);
    QCOMPARE(result.image, config.image);
    QCOMPARE(result.vcpus, config.vcpus);
    QCOMPARE(result.memoryMiB, config.memoryMiB);
    QCOMPARE(result.diskGiB, config.diskGiB);
    QCOMPARE(result.displayWidth, config.displayWidth);
    QCOMPARE(result.displayHeight, config.displayHeight);
    QCOMPARE(result.profile, config.profile);
    QCOMPARE(result.firmware, config.firmware);
    QCOMPARE(result.hostTag, config.hostTag);
    QCOMPARE(result.tagRequired, config.tagRequired);
    QCOMPARE(result.ports, config.ports);
    QCOMPARE(result.guestUser, config.guestUser);
    QCOMPARE(result.systemSerial, config.systemSerial);
    QCOMPARE(result.gpuPciAddress, config.gpuPciAddress);
    QCOMPARE(result.nic, config.nic);
    QCOMPARE(result.video, config.video);
    QCOMPARE(result.network, config.network);
    QCOMPARE(result.openCoreImage, config.openCoreImage);
    QCOMPARE(result.cpuModel, config.cpuModel);
    QCOMPARE(result.created, config.created);
    QCOMPARE(result.modified, config.modified);
    QVERIFY(result == config);
    // The name of an existing config is its identity.
    QVERIFY(field<QLineEdit>(dialog, u"nameEdit"_s)->isReadOnly());
    QCOMPARE(dialog.isInputValid(), validateVmConfig(config).isEmpty());
}

void TestVmConfigDialog::widgetsMakeTheConfig()
{
    VmConfigDialog dialog(nullptr, VmConfigDialog::Mode::Create);
    dialog.setImageChoices(diskImages, allImages);
    QVERIFY(!field<QLineEdit>(dialog, u"nameEdit"_s)->isReadOnly());
    // A new config starts on the first disk image, with the defaults of VmConfig.
    QCOMPARE(dialog.config().image, u"debian-12.qcow2");
    QCOMPARE(dialog.config().vcpus, VmConfig{}.vcpus);
    QCOMPARE(dialog.config().network, u"user");

    field<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"mac-ci"_s);
    field<QLineEdit>(dialog, u"descriptionEdit"_s)->setText(u" CI "_s);
    auto *image = field<QComboBox>(dialog, u"imageCombo"_s);
    image->setCurrentIndex(image->findData(u"macos-14.qcow2"_s));
    auto *profile = field<QComboBox>(dialog, u"profileCombo"_s);
    profile->setCurrentIndex(profile->findData(int(GuestProfile::MacOS)));
    auto *openCore = field<QComboBox>(dialog, u"openCoreCombo"_s);
    openCore->setCurrentIndex(openCore->findData(u"opencore.qcow2"_s));
    field<QLineEdit>(dialog, u"guestUserEdit"_s)->setText(u"admin"_s);
    field<QSpinBox>(dialog, u"vcpusSpin"_s)->setValue(6);
    field<QSpinBox>(dialog, u"memorySpin"_s)->setValue(12288);
    field<QSpinBox>(dialog, u"diskSpin"_s)->setValue(90);
    field<QSpinBox>(dialog, u"displayWidthSpin"_s)->setValue(1280);
    field<QSpinBox>(dialog, u"displayHeightSpin"_s)->setValue(800);
    field<QLineEdit>(dialog, u"hostTagEdit"_s)->setText(u"m2"_s);
    field<QLineEdit>(dialog, u"portsEdit"_s)->setText(u"22,5900 8080"_s);
    auto *video = field<QComboBox>(dialog, u"videoCombo"_s);
    video->setCurrentIndex(video->findData(int(VideoModel::Vga)));
    auto *network = field<QComboBox>(dialog, u"networkKindCombo"_s);
    network->setCurrentIndex(network->findData(u"bridge"_s));
    auto *networkName = field<QLineEdit>(dialog, u"networkNameEdit"_s);
    QVERIFY(networkName->isEnabled());
    networkName->setText(u"br0"_s);
    field<QLineEdit>(dialog, u"systemSerialEdit"_s)->setText(u"ABC-123"_s);

    const VmConfig c = dialog.config();
    QCOMPARE(c.name, u"mac-ci");
    QCOMPARE(c.description, u"CI");
    QCOMPARE(c.image, u"macos-14.qcow2");
    QCOMPARE(c.profile, GuestProfile::MacOS);
    QCOMPARE(c.openCoreImage, u"opencore.qcow2");
    QVERIFY(c.cpuModel.isEmpty()); // the default
    QCOMPARE(c.guestUser, u"admin");
    QCOMPARE(c.vcpus, 6);
    QCOMPARE(c.memoryMiB, 12288);
    QCOMPARE(c.diskGiB, 90);
    QCOMPARE(c.displayWidth, 1280);
    QCOMPARE(c.displayHeight, 800);
    QCOMPARE(c.hostTag, u"m2");
    QVERIFY(!c.tagRequired);
    QCOMPARE(c.ports, (QList<quint16>{22, 5900, 8080}));
    QCOMPARE(c.video, VideoModel::Vga);
    QCOMPARE(c.nic, NicModel::Auto);
    QCOMPARE(c.network, u"bridge:br0");
    QCOMPARE(c.systemSerial, u"ABC-123");
    QVERIFY(dialog.isInputValid());

    // Back to user-mode: the name field is off and does not count.
    network->setCurrentIndex(network->findData(u"user"_s));
    QVERIFY(!networkName->isEnabled());
    QCOMPARE(dialog.config().network, u"user");
    // 0 GiB is the image's size.
    auto *disk = field<QSpinBox>(dialog, u"diskSpin"_s);
    disk->setValue(0);
    QCOMPARE(disk->text(), u"Image size");
}

void TestVmConfigDialog::parsesPorts()
{
    QString error;
    QCOMPARE(VmConfigDialog::parsePorts(u" 22, 5900;8080 "_s, &error),
             (QList<quint16>{22, 5900, 8080}));
    QVERIFY(error.isEmpty());
    QCOMPARE(VmConfigDialog::parsePorts(QString(), &error), QList<quint16>());
    QVERIFY(error.isEmpty());
    QCOMPARE(VmConfigDialog::parsePorts(u"22, 70000, x"_s, &error), QList<quint16>{22});
    QVERIFY(error.contains(u"70000"));
}

void TestVmConfigDialog::savesWithoutFleet()
{
    VmConfigDialog dialog(nullptr, VmConfigDialog::Mode::Create, linuxConfig());
    dialog.setImageChoices(diskImages, allImages);
    QVERIFY(dialog.isInputValid());
    QSignalSpy saved(&dialog, &VmConfigDialog::saved);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.okButton()->click();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(saved.at(0).at(0).value<VmConfig>().name, u"runner");
}

QTEST_MAIN(TestVmConfigDialog)
#include "tst_vmconfigdialog.moc"
