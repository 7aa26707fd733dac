#include "deploydialog.h"
#include "deploymodel.h"
#include "desktopapp.h"
#include "testfleet.h"

#include "fleet/deployer.h"
#include "virt/virteventloop.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTreeWidget>

using namespace Corral;
using namespace Qt::StringLiterals;

class TestDeployDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noHostsExplainsTheFailure();
    void offlineHostsAreListedWithTheirReason();
    void formMakesTheRequest();
    void presetsFromThePages();
    void planFollowsEveryChange();
    void rejectedHostsAreListed();
    void previewAndProgress();

private:
    template<typename T> static T *field(QWidget &dialog, const QString &name)
    {
        auto *widget = dialog.findChild<T *>(name);
        if (!widget)
            qFatal("no field %s", qPrintable(name));
        return widget;
    }
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(dir + u'/' + name + u".png"_s));
    }

    TestFleet m_empty; // no hosts
    TestFleet m_offline; // hosts that never connect
};

void TestDeployDialog::initTestCase()
{
    QVERIFY(m_empty.start({}, {TestFleet::image(u"debian-12.qcow2"_s)}));
    QVERIFY(m_offline.start({TestFleet::host(1, {u"m2"_s}), TestFleet::host(2)},
                            {TestFleet::image(u"debian-12.qcow2"_s),
                             TestFleet::image(u"macos-14.qcow2"_s),
                             TestFleet::image(u"installer.iso"_s, u"iso"_s)}));
    VmConfig runner;
    runner.name = u"runner"_s;
    runner.image = u"debian-12.qcow2"_s;
    runner.vcpus = 4;
    runner.memoryMiB = 8192;
    QVERIFY(m_offline.wait([&](QObject *context, auto done) {
        m_offline.catalog()->createConfig(runner, context, done);
    }));
    NamespaceConfig ci;
    ci.name = u"ci"_s;
    QVERIFY(m_offline.wait([&](QObject *context, auto done) {
        m_offline.catalog()->createNamespace(ci, context, done);
    }));
}

void TestDeployDialog::noHostsExplainsTheFailure()
{
    DeployDialog dialog(m_empty.fleet());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // No configs: ad hoc, from the library's disk image.
    QVERIFY(field<QRadioButton>(dialog, u"adHocRadio"_s)->isChecked());
    QVERIFY(!field<QRadioButton>(dialog, u"fromConfigRadio"_s)->isEnabled());
    QCOMPARE(field<QComboBox>(dialog, u"imageCombo"_s)->currentData().toString(),
             u"debian-12.qcow2");

    // The dialog shows the Deployer's own verdict.
    const DeployPlan expected = m_empty.fleet()->deployer()->plan(dialog.request());
    QVERIFY(!expected.ok());
    QVERIFY(!dialog.plan().ok());
    QCOMPARE(dialog.plan().error, expected.error);
    QVERIFY(dialog.planErrorLabel()->isVisible());
    QCOMPARE(dialog.planErrorLabel()->text(), expected.error);
    QVERIFY(!dialog.deployButton()->isEnabled());
    QCOMPARE(dialog.deployButton()->toolTip(), expected.error);
    QCOMPARE(dialog.previewModel()->rowCount(), 0);
    // Without hosts there is nobody to list as rejected.
    QCOMPARE(dialog.rejectionList()->isVisible(), !expected.schedule.rejections.isEmpty());
    QCOMPARE(dialog.deployButton()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    saveScreenshot(&dialog, u"deploy-nohosts"_s);

    // Deploying what cannot be planned does nothing.
    QSignalSpy started(&dialog, &DeployDialog::deployStarted);
    dialog.accept();
    QCOMPARE(started.size(), 0);
    QVERIFY(!dialog.isDeploying());
    QVERIFY(dialog.isVisible());
}

void TestDeployDialog::offlineHostsAreListedWithTheirReason()
{
    DeployDialog dialog(m_offline.fleet());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const DeployPlan expected = m_offline.fleet()->deployer()->plan(dialog.request());
    QVERIFY(!expected.ok());
    QCOMPARE(dialog.planErrorLabel()->text(), expected.error);
    QVERIFY(!dialog.deployButton()->isEnabled());

    QTreeWidget *rejections = dialog.rejectionList();
    QCOMPARE(rejections->topLevelItemCount(), int(expected.schedule.rejections.size()));
    QCOMPARE(rejections->isVisible(), !expected.schedule.rejections.isEmpty());
    for (int i = 0; i < rejections->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = rejections->topLevelItem(i);
        QCOMPARE(item->text(0), expected.schedule.rejections.at(i).hostName);
        QCOMPARE(item->text(1), expected.schedule.rejections.at(i).reason);
        QVERIFY(!item->text(1).isEmpty());
    }
    saveScreenshot(&dialog, u"deploy-offline"_s);
}

void TestDeployDialog::formMakesTheRequest()
{
    DeployDialog dialog(m_offline.fleet());
    // The config is there: deploying from it is the default.
    QVERIFY(field<QRadioButton>(dialog, u"fromConfigRadio"_s)->isChecked());
    QCOMPARE(dialog.request().configName, u"runner");
    QCOMPARE(dialog.request().ns, u"default");
    QCOMPARE(dialog.request().count, 1);
    QVERIFY(dialog.request().host.isEmpty());
    QVERIFY(dialog.request().tag.isEmpty());
    QCOMPARE(dialog.request().strategy, PlacementStrategy::Spread);

    // Only disk images are offered ad hoc.
    auto *image = field<QComboBox>(dialog, u"imageCombo"_s);
    QCOMPARE(image->count(), 2);
    QVERIFY(image->findData(u"installer.iso"_s) < 0);
    QVERIFY(!image->isEnabled());
    field<QRadioButton>(dialog, u"adHocRadio"_s)->setChecked(true);
    QVERIFY(image->isEnabled());
    QVERIFY(!field<QComboBox>(dialog, u"configCombo"_s)->isEnabled());
    image->setCurrentIndex(image->findData(u"macos-14.qcow2"_s));
    auto *profile = field<QComboBox>(dialog, u"profileCombo"_s);
    profile->setCurrentIndex(profile->findData(int(GuestProfile::MacOS)));
    field<QSpinBox>(dialog, u"vcpusSpin"_s)->setValue(6);
    field<QSpinBox>(dialog, u"memorySpin"_s)->setValue(12288);
    auto *ns = field<QComboBox>(dialog, u"namespaceCombo"_s);
    ns->setCurrentIndex(ns->findData(u"ci"_s));
    field<QSpinBox>(dialog, u"countSpin"_s)->setValue(3);
    field<QLineEdit>(dialog, u"nameEdit"_s)->setText(u" build "_s);
    auto *host = field<QComboBox>(dialog, u"hostCombo"_s);
    QCOMPARE(host->count(), 2);
    QVERIFY(!host->isEnabled());
    field<QRadioButton>(dialog, u"pinnedRadio"_s)->setChecked(true);
    QVERIFY(host->isEnabled());
    host->setCurrentIndex(host->findData(u"mac2"_s));
    auto *strategy = field<QComboBox>(dialog, u"strategyCombo"_s);
    strategy->setCurrentIndex(strategy->findData(int(PlacementStrategy::Pack)));

    DeployRequest request = dialog.request();
    QVERIFY(request.configName.isEmpty());
    QCOMPARE(request.adHoc.image, u"macos-14.qcow2");
    QCOMPARE(request.adHoc.profile, GuestProfile::MacOS);
    QCOMPARE(request.adHoc.vcpus, 6);
    QCOMPARE(request.adHoc.memoryMiB, 12288);
    QCOMPARE(request.ns, u"ci");
    QCOMPARE(request.count, 3);
    QCOMPARE(request.name, u"build");
    QCOMPARE(request.host, u"mac2");
    QVERIFY(request.tag.isEmpty());
    QCOMPARE(request.strategy, PlacementStrategy::Pack);

    // Tags come from the hosts.
    auto *tag = field<QComboBox>(dialog, u"tagCombo"_s);
    QCOMPARE(tag->count(), 1);
    QCOMPARE(tag->itemText(0), u"m2");
    field<QRadioButton>(dialog, u"taggedRadio"_s)->setChecked(true);
    tag->setCurrentIndex(0);
    request = dialog.request();
    QVERIFY(request.host.isEmpty());
    QCOMPARE(request.tag, u"m2");
}

void TestDeployDialog::presetsFromThePages()
{
    DeployDialog fromNamespace(m_offline.fleet(), {u"ci"_s, {}});
    QCOMPARE(fromNamespace.request().ns, u"ci");
    DeployDialog fromConfig(m_offline.fleet(), {{}, u"runner"_s});
    QCOMPARE(fromConfig.request().configName, u"runner");
    QCOMPARE(fromConfig.request().ns, u"default");
    // A namespace only another console knows is offered when asked for.
    DeployDialog foreign(m_offline.fleet(), {u"elsewhere"_s, {}});
    QCOMPARE(foreign.request().ns, u"elsewhere");
}

void TestDeployDialog::planFollowsEveryChange()
{
    DeployDialog dialog(m_offline.fleet());
    dialog.show();
    // Pinning a host and asking for 100 VMs: the dialog follows the Deployer on its own.
    field<QRadioButton>(dialog, u"pinnedRadio"_s)->setChecked(true);
    field<QSpinBox>(dialog, u"countSpin"_s)->setValue(100);
    QTRY_COMPARE(dialog.plan().error, m_offline.fleet()->deployer()->plan(dialog.request()).error);
    QCOMPARE(dialog.planErrorLabel()->text(), dialog.plan().error);
    // A new config in the catalog appears in the combo.
    VmConfig another;
    another.name = u"another"_s;
    another.image = u"debian-12.qcow2"_s;
    QVERIFY(m_offline.wait([&](QObject *context, auto done) {
        m_offline.catalog()->createConfig(another, context, done);
    }));
    QTRY_VERIFY(field<QComboBox>(dialog, u"configCombo"_s)->findData(u"another"_s) >= 0);
}

void TestDeployDialog::rejectedHostsAreListed()
{
    // The scheduler's verdict as the Deployer hands it over when hosts are connected.
    DeployDialog dialog(m_offline.fleet());
    int plans = 0;
    dialog.setBackend(
        [&plans](const DeployRequest &) {
            ++plans;
            DeployPlan plan;
            plan.schedule.rejections
                = {{u"mac1"_s, u"in maintenance"_s}, {u"mac2"_s, u"needs 4 vCPUs, 2 free"_s}};
            plan.schedule.error = u"No host can take 1 VM of 4 vCPUs and 8 GiB."_s;
            plan.error = plan.schedule.error;
            return plan;
        },
        {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(plans > 0);
    QCOMPARE(dialog.planErrorLabel()->text(), u"No host can take 1 VM of 4 vCPUs and 8 GiB.");
    QTreeWidget *rejections = dialog.rejectionList();
    QVERIFY(rejections->isVisible());
    QCOMPARE(rejections->topLevelItemCount(), 2);
    QCOMPARE(rejections->topLevelItem(0)->text(0), u"mac1");
    QCOMPARE(rejections->topLevelItem(0)->text(1), u"in maintenance");
    QCOMPARE(rejections->topLevelItem(1)->text(1), u"needs 4 vCPUs, 2 free");
    QVERIFY(!dialog.deployButton()->isEnabled());
    saveScreenshot(&dialog, u"deploy-rejected"_s);
    // Each change plans again.
    const int before = plans;
    field<QSpinBox>(dialog, u"countSpin"_s)->setValue(2);
    QTRY_VERIFY(plans > before);
}

void TestDeployDialog::previewAndProgress()
{
    DeployDialog dialog(m_offline.fleet(), {u"ci"_s, u"runner"_s});
    DeployRequest deployed;
    std::function<void(Result<QList<DeployedVm>>)> finish;
    dialog.setBackend(
        [](const DeployRequest &request) {
            DeployPlan plan;
            for (int i = 1; i <= request.count; ++i) {
                DeployedVm vm;
                vm.name = u"%1-%2"_s.arg(request.name).arg(i);
                vm.host = i % 2 ? u"mac1"_s : u"mac2"_s;
                vm.ns = request.ns;
                vm.state = u"planned"_s;
                vm.why = u"least allocated: %1 of 16 vCPUs in use"_s.arg(i * 4);
                plan.vms.append(vm);
            }
            return plan;
        },
        [&](const DeployRequest &request, QObject *, auto done) -> quint64 {
            deployed = request;
            finish = done;
            return 5;
        });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    field<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"build"_s);
    field<QSpinBox>(dialog, u"countSpin"_s)->setValue(3);
    QTRY_COMPARE(dialog.previewModel()->rowCount(), 3);
    QCOMPARE(dialog.previewModel()->index(0, DeployModel::NameColumn).data().toString(),
             u"build-1");
    QCOMPARE(dialog.previewModel()->index(1, DeployModel::HostColumn).data().toString(), u"mac2");
    QCOMPARE(dialog.previewModel()->index(1, DeployModel::DetailsColumn).data().toString(),
             u"least allocated: 8 of 16 vCPUs in use");
    QVERIFY(dialog.planErrorLabel()->isHidden());
    QVERIFY(dialog.rejectionList()->isHidden());
    QVERIFY(dialog.deployButton()->isEnabled());
    saveScreenshot(&dialog, u"deploy-preview"_s);

    // Ctrl+Return deploys; the dialog turns into the progress list.
    QSignalSpy started(&dialog, &DeployDialog::deployStarted);
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Return, Qt::ControlModifier);
    // A button's shortcut clicks it the way animateClick() does: a moment later.
    QTRY_COMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).toULongLong(), 5u);
    QCOMPARE(deployed.configName, u"runner");
    QCOMPARE(deployed.ns, u"ci");
    QCOMPARE(deployed.count, 3);
    QCOMPARE(deployed.name, u"build");
    QVERIFY(dialog.isDeploying());
    QVERIFY(dialog.progressModel()->rowCount() == 3); // named by the user: known already
    QVERIFY(dialog.closeButton()->isVisible());
    QCOMPARE(dialog.closeButton()->text(), u"Continue in Background");
    QVERIFY(dialog.summaryLabel()->text().contains(u"Deploying 3 VMs into namespace ci"));

    // Progress of this deploy moves its rows; another deploy's does not.
    Deployer *deployer = m_offline.fleet()->deployer();
    DeployedVm vm = dialog.progressModel()->rowAt(0);
    vm.state = u"copying"_s;
    vm.taskId = 900;
    Q_EMIT deployer->vmProgress(5, vm);
    QCOMPARE(dialog.progressModel()->index(0, DeployModel::StateColumn).data().toString(),
             u"Copying image");
    DeployedVm other = vm;
    other.state = u"failed"_s;
    Q_EMIT deployer->vmProgress(6, other);
    QCOMPARE(dialog.progressModel()->index(0, DeployModel::StateColumn).data().toString(),
             u"Copying image");
    vm.state = u"running"_s;
    vm.forwards = {u"22 -> 127.0.0.1:30022"_s};
    Q_EMIT deployer->vmProgress(5, vm);
    DeployedVm failed = dialog.progressModel()->rowAt(1);
    failed.state = u"failed"_s;
    failed.error = u"mac2 went offline during the deploy"_s;
    Q_EMIT deployer->vmProgress(5, failed);
    QVERIFY(dialog.summaryLabel()->text().contains(u"1 running"));
    QCOMPARE(dialog.progressModel()->index(1, DeployModel::DetailsColumn).data().toString(),
             u"mac2 went offline during the deploy");

    DeployedVm third = dialog.progressModel()->rowAt(2);
    third.state = u"running"_s;
    finish(QList<DeployedVm>{vm, failed, third});
    QVERIFY(dialog.isFinished());
    QCOMPARE(dialog.closeButton()->text(), u"Close");
    QVERIFY(dialog.summaryLabel()->text().contains(u"1 VM failed"));
    QCOMPARE(dialog.progressModel()->failedCount(), 1);
    QCOMPARE(dialog.progressModel()->finishedCount(), 3);
    saveScreenshot(&dialog, u"deploy-progress"_s);
    dialog.closeButton()->click();
    QVERIFY(!dialog.isVisible());
}

int main(int argc, char *argv[])
{
    // Fleet runs libvirt's event loop, which must not share GLib with Qt's dispatcher.
    VirtEventLoop::prepareProcess();
    QApplication app(argc, argv);
    DesktopApp::installTranslators(&app, QLocale(QLocale::English));
    TestDeployDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_deploydialog.moc"
