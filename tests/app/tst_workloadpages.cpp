#include "configmodel.h"
#include "configpage.h"
#include "deploydialog.h"
#include "desktopapp.h"
#include "mainwindow.h"
#include "namespacedialog.h"
#include "namespacemodel.h"
#include "namespacepage.h"
#include "placeholdertreeview.h"
#include "testinventory.h"
#include "vmconfigdialog.h"
#include "vmfilterproxymodel.h"
#include "vmlifecycleactions.h"
#include "vmmodel.h"
#include "vmpage.h"

#include "fleet/fleet.h"
#include "fleet/workloadcatalog.h"
#include "store/storeservice.h"
#include "virt/virteventloop.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

VmInfo makeVm(qint64 hostId, int n, VmState state)
{
    VmInfo vm = TestInventory::vm(hostId, n, state);
    vm.vcpus = 2;
    vm.memoryKiB = 2 * 1024 * 1024;
    return vm;
}

HostInfo makeHost(qint64 id, HostState state)
{
    return TestInventory::host(id, state);
}

} // namespace

// The main window's workload pages: Namespaces (with the VMs of a namespace), VM Configs, and
// what the VMs page gained with them (namespace filter, Deploy…, the Disk actions).
class TestWorkloadPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void namespacesPage();
    void vmNamespaceFilterAndDiskActions();
    void configsPage();

private:
    void saveScreenshot(QWidget *widget, const QString &name)
    {
        // CORRAL_SCREENSHOT_DIR=... keeps pictures of the windows the tests build.
        const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QCoreApplication::processEvents();
        QVERIFY(widget->grab().save(QDir(dir).filePath(name + u".png"_s)));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<Fleet> m_fleet;
};

void TestWorkloadPages::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<StoreService>(m_dir.filePath(u"corral.sqlite"_s));
    m_fleet = std::make_unique<Fleet>(m_store.get());
    QSignalSpy loaded(m_fleet.get(), &Fleet::loaded);
    m_fleet->load();
    QVERIFY(loaded.wait(5000));
    bool catalogLoaded = false;
    m_fleet->catalog()->whenLoaded([&catalogLoaded] { catalogLoaded = true; });
    QTRY_VERIFY(catalogLoaded);
}

void TestWorkloadPages::cleanupTestCase()
{
    m_fleet.reset();
    m_store.reset();
}

void TestWorkloadPages::namespacesPage()
{
    MainWindow window(m_fleet.get());
    window.resize(1300, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::Page::Namespaces);
    NamespacePage *page = window.namespacePage();
    QVERIFY(page->isVisible());
    // The catalog always has the default namespace; it is selected, and cannot be deleted.
    QTRY_VERIFY(page->model()->rowOf(defaultNamespace()) >= 0);
    QTRY_VERIFY(page->selectedNamespace().has_value());
    QCOMPARE(page->selectedNamespace()->config.name, defaultNamespace());
    QVERIFY(!page->deleteAction()->isEnabled());
    QVERIFY(page->deleteAction()->toolTip().contains(u"default namespace cannot be deleted"));
    QVERIFY(page->newAction()->isEnabled());
    QVERIFY(page->editAction()->isEnabled());
    QVERIFY(page->deployAction()->isEnabled());

    // Ctrl+N, Ctrl+D and Del belong to the shown page.
    QCOMPARE(page->newAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
    QCOMPARE(page->deleteAction()->shortcut(), QKeySequence(QKeySequence::Delete));
    QCOMPARE(page->deployAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
    QVERIFY(window.vmPage()->action(VmOperation::Delete)->shortcut().isEmpty());
    QVERIFY(window.vmPage()->deployAction()->shortcut().isEmpty());
    QVERIFY(window.configPage()->newAction()->shortcut().isEmpty());
    QVERIFY(window.configPage()->deleteAction()->shortcut().isEmpty());

    // The lower pane lists the selected namespace's VMs only.
    QList<VmInfo> vms;
    for (int i = 0; i < 6; ++i) {
        VmInfo vm = makeVm(1, i, VmState::Running);
        vm.managed = i < 4;
        vm.ns = i < 2 ? u"ci"_s : defaultNamespace();
        vms << vm;
    }
    window.vmModel()->upsertVms(vms);
    QTRY_COMPARE(page->vmView()->model()->rowCount(), 4);
    QCOMPARE(page->vmProxy()->namespaceFilter(), defaultNamespace());
    saveScreenshot(&window, u"namespaces-page"_s);

    // Deploy… asks for the deploy dialog, preset with the selected namespace.
    page->deployAction()->trigger();
    DeployDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<DeployDialog *>()));
    QCOMPARE(dialog->request().ns, defaultNamespace());
    dialog->close();
    QTRY_VERIFY(!window.findChild<DeployDialog *>());

    // New Namespace… opens the dialog.
    page->newAction()->trigger();
    NamespaceDialog *created = nullptr;
    QTRY_VERIFY((created = window.findChild<NamespaceDialog *>()));
    QVERIFY(!created->nameEdit()->isReadOnly());
    created->reject();
    window.vmModel()->removeVms([&vms] {
        QList<VmKey> keys;
        for (const VmInfo &vm : vms)
            keys << VmKey{vm.hostId, vm.uuid};
        return keys;
    }());
}

void TestWorkloadPages::vmNamespaceFilterAndDiskActions()
{
    MainWindow window(m_fleet.get());
    window.resize(1300, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    VmPage *page = window.vmPage();
    QComboBox *namespaces = page->namespaceCombo();
    QVERIFY(namespaces);
    QCOMPARE(namespaces->itemText(0), u"All namespaces");
    QTRY_VERIFY(namespaces->findData(defaultNamespace()) > 0);

    QList<VmInfo> vms;
    const VmState states[] = {VmState::Running, VmState::Shutoff};
    for (int i = 0; i < 6; ++i) {
        VmInfo vm = makeVm(1, i, states[i % 2]);
        vm.managed = i != 5;
        vm.ns = i < 2 ? u"ci"_s : defaultNamespace();
        vm.config = u"runner"_s;
        vm.image = u"debian-12.qcow2"_s;
        vms << vm;
    }
    window.vmModel()->upsertVms(vms);
    auto *proxy = page->proxy();
    QTRY_COMPARE(proxy->rowCount(), 6);
    // The namespace column shows where each VM belongs.
    QCOMPARE(window.vmModel()->index(0, VmModel::NamespaceColumn).data().toString(), u"ci");
    QVERIFY(!page->view()->isColumnHidden(VmModel::NamespaceColumn));
    page->setNamespaceFilter(u"ci"_s);
    QCOMPARE(namespaces->currentData().toString(), u"ci");
    QCOMPARE(proxy->rowCount(), 2);
    namespaces->setCurrentIndex(0);
    QCOMPARE(proxy->rowCount(), 6);

    // Deploy… from the VMs page presets the namespace filtered by.
    QCOMPARE(page->deployAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
    page->setNamespaceFilter(u"ci"_s);
    QSignalSpy deploy(page, &VmPage::deployRequested);
    page->deployAction()->trigger();
    QCOMPARE(deploy.size(), 1);
    QCOMPARE(deploy.at(0).at(0).toString(), u"ci");
    QTRY_VERIFY(window.findChild<DeployDialog *>());
    window.findChild<DeployDialog *>()->close();
    page->setNamespaceFilter(QString());

    const auto select = [&](const QString &name) {
        page->view()->selectionModel()->clearSelection();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const QModelIndex index = proxy->index(row, 0);
            if (index.data().toString() == name)
                page->view()->selectionModel()->select(
                    index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        QCoreApplication::processEvents();
    };
    VmLifecycleActions *disk = page->lifecycleActions();
    const auto action = [disk](VmLifecycleActions::Kind kind) {
        return disk->action(kind);
    };
    using Kind = VmLifecycleActions::Kind;

    // Nothing selected: every disk action is off and says what to do.
    QTRY_VERIFY(!action(Kind::Revert)->isEnabled());
    QVERIFY(action(Kind::Revert)->toolTip().contains(u"Select a VM"));

    select(u"vm0"_s); // managed, running
    QTRY_VERIFY(action(Kind::Revert)->isEnabled());
    QVERIFY(action(Kind::ResizeDisk)->isEnabled());
    QVERIFY(action(Kind::Snapshots)->isEnabled());
    QVERIFY(!action(Kind::SaveAsImage)->isEnabled());
    QVERIFY(action(Kind::SaveAsImage)->toolTip().contains(u"Shut vm0 down first"));
    QVERIFY(!action(Kind::Clone)->isEnabled());

    select(u"vm1"_s); // managed, shut off
    QTRY_VERIFY(action(Kind::SaveAsImage)->isEnabled());
    QVERIFY(action(Kind::Clone)->isEnabled());

    select(u"vm5"_s); // not deployed by Corral
    QTRY_VERIFY(!action(Kind::Revert)->isEnabled());
    QVERIFY(action(Kind::Revert)->toolTip().contains(u"not deployed by Corral"));
    QVERIFY(!action(Kind::Snapshots)->isEnabled());

    // The host going offline turns them off too.
    select(u"vm1"_s);
    QTRY_VERIFY(action(Kind::Clone)->isEnabled());
    window.vmModel()->updateHost(makeHost(1, HostState::Offline));
    QTRY_VERIFY(!action(Kind::Clone)->isEnabled());
    QVERIFY(action(Kind::Clone)->toolTip().contains(u"lab1 is not connected"));
    window.vmModel()->updateHost(makeHost(1, HostState::Connected));

    // Several VMs: one at a time.
    page->view()->selectAll();
    QTRY_VERIFY(action(Kind::Revert)->toolTip().contains(u"single VM"));
    QVERIFY(!action(Kind::Revert)->isEnabled());
    // The V&M menu carries them too.
    bool inMenu = false;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text() == u"V&M")
            inMenu = menu->menu()->actions().contains(action(Kind::Snapshots));
    }
    QVERIFY(inMenu);
    saveScreenshot(&window, u"vms-namespaces"_s);
}

void TestWorkloadPages::configsPage()
{
    MainWindow window(m_fleet.get());
    window.resize(1300, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::Page::Configs);
    ConfigPage *page = window.configPage();
    QVERIFY(page->isVisible());
    QTRY_VERIFY(page->view()->placeholderText().startsWith(u"No VM configs yet"));
    QVERIFY(page->newAction()->isEnabled());
    QVERIFY(!page->editAction()->isEnabled());
    QVERIFY(!page->duplicateAction()->isEnabled());
    QVERIFY(!page->deleteAction()->isEnabled());
    QCOMPARE(page->newAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
    QCOMPARE(page->deleteAction()->shortcut(), QKeySequence(QKeySequence::Delete));
    QCOMPARE(page->deployAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
    QVERIFY(window.namespacePage()->deleteAction()->shortcut().isEmpty());

    // A config saved through the catalog shows up and can be acted on.
    VmConfig config;
    config.name = u"ui-runner"_s;
    config.image = u"debian-12.qcow2"_s;
    bool saved = false;
    m_fleet->catalog()->createConfig(config, this,
                                     [&saved](Result<VmConfig> done) { saved = done.has_value(); });
    QTRY_VERIFY(saved);
    QTRY_COMPARE(page->model()->rowCount(), 1);
    page->selectConfig(u"ui-runner"_s);
    QVERIFY(page->editAction()->isEnabled());
    QVERIFY(page->duplicateAction()->isEnabled());
    QVERIFY(page->deleteAction()->isEnabled());
    saveScreenshot(&window, u"configs"_s);

    // Duplicate… opens the editor on a copy with a free name.
    page->duplicateAction()->trigger();
    VmConfigDialog *editor = nullptr;
    QTRY_VERIFY((editor = window.findChild<VmConfigDialog *>()));
    QCOMPARE(editor->config().name, u"ui-runner-copy");
    QCOMPARE(editor->config().image, u"debian-12.qcow2");
    editor->reject();
    QTRY_VERIFY(!window.findChild<VmConfigDialog *>());

    // Deploy… presets the config.
    page->deployAction()->trigger();
    DeployDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<DeployDialog *>()));
    QCOMPARE(dialog->request().configName, u"ui-runner");
    dialog->close();

    bool deleted = false;
    m_fleet->catalog()->deleteConfig(u"ui-runner"_s, this,
                                     [&deleted](Result<void> done) { deleted = done.has_value(); });
    QTRY_VERIFY(deleted);
    QTRY_COMPARE(page->model()->rowCount(), 0);
}

int main(int argc, char *argv[])
{
    // Fleet runs libvirt's event loop, which must not share GLib with Qt's dispatcher.
    VirtEventLoop::prepareProcess();
    QApplication app(argc, argv);
    DesktopApp::installTranslators(&app, QLocale(QLocale::English));
    TestWorkloadPages test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_workloadpages.moc"
