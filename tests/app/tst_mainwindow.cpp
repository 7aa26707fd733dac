#include "desktopapp.h"
#include "fleet/fleet.h"
#include "hostmodel.h"
#include "hostpage.h"
#include "icons.h"
#include "imagemodel.h"
#include "imagepage.h"
#include "images/imagelibrary.h"
#include "mainwindow.h"
#include "placeholdertreeview.h"
#include "store/storeservice.h"
#include "taskdock.h"
#include "taskmodel.h"
#include "testinventory.h"
#include "transferdock.h"
#include "transfermodel.h"
#include "uisettings.h"
#include "uploaddialog.h"
#include "virt/virteventloop.h"
#include "vmmodel.h"
#include "vmpage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

VmInfo makeVm(qint64 hostId, int n, VmState state)
{
    VmInfo vm = TestInventory::vm(hostId, n, state);
    vm.vcpus = 1 + n % 4;
    vm.memoryKiB = qint64(1 + n % 8) * 1024 * 1024;
    if (vmStateIsActive(state)) {
        vm.stats.cpuPercent = (n * 37) % 180;
        vm.stats.memoryUsedKiB = vm.memoryKiB / 2;
        vm.stats.diskReadBps = n * 1000.0;
        vm.stats.diskWriteBps = n * 300.0;
        vm.stats.netRxBps = n * 150.0;
        vm.stats.netTxBps = n * 50.0;
    }
    return vm;
}

HostInfo makeHost(qint64 id, HostState state)
{
    HostInfo host = TestInventory::host(id, state);
    host.config.uri = u"qemu+libssh://corral@127.0.1.%1:2222/system"_s.arg(id);
    host.config.tags = {u"lab"_s};
    if (state == HostState::Connected) {
        host.hypervisor = u"QEMU 7.2.0"_s;
        host.libvirtVersion = u"9.0.0"_s;
        host.cpus = 8;
        host.memoryKiB = 32LL * 1024 * 1024;
        host.vmCount = 6;
        host.runningCount = 4;
        host.allocatedVcpus = 7 + int(id);
        host.allocatedMemoryKiB = 20LL * 1024 * 1024;
    } else {
        host.error = u"Cannot connect: Connection refused"_s;
        host.nextRetry = QDateTime::currentDateTimeUtc().addSecs(25);
    }
    return host;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void emptyWindow();
    void switchesPages();
    void actionsFollowSelection();
    void confirmationsNameTheVms();
    void imagesPage();
    void dropFilesToUpload();
    void hostMaintenance();
    void settingsRoundTrip();
    void germanTranslation();

private:
    void saveScreenshot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<Fleet> m_fleet;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<StoreService>(m_dir.filePath(u"corral.sqlite"_s));
    m_fleet = std::make_unique<Fleet>(m_store.get());
    QSignalSpy loaded(m_fleet.get(), &Fleet::loaded);
    m_fleet->load();
    QVERIFY(loaded.wait(5000));
    QVERIFY(m_fleet->hosts().isEmpty());
}

void TestMainWindow::cleanupTestCase()
{
    m_fleet.reset();
    m_store.reset();
}

void TestMainWindow::saveScreenshot(QWidget *widget, const QString &name)
{
    // CORRAL_SCREENSHOT_DIR=... keeps pictures of the windows the tests build.
    const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents(); // pending layouts (status bar texts)
    QVERIFY(widget->grab().save(QDir(dir).filePath(name + u".png"_s)));
}

void TestMainWindow::emptyWindow()
{
    MainWindow window(m_fleet.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentPage(), MainWindow::Page::Vms);
    QCOMPARE(window.vmModel()->rowCount(), 0);
    QCOMPARE(window.hostModel()->rowCount(), 0);

    // Empty lists explain themselves.
    QVERIFY(!window.vmPage()->view()->placeholderText().isEmpty());
    QVERIFY(window.vmPage()->view()->placeholderText().contains(u"Add Host"));
    QVERIFY(!window.hostPage()->view()->placeholderText().isEmpty());
    QVERIFY(!window.taskDock()->view()->placeholderText().isEmpty());

    // Nothing selected: no VM or host action is possible, adding a host always is.
    for (QAction *action : window.vmPage()->operationActions())
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
    QVERIFY(window.hostPage()->addHostAction()->isEnabled());
    QVERIFY(!window.hostPage()->editHostAction()->isEnabled());
    QVERIFY(!window.hostPage()->removeHostAction()->isEnabled());
    QVERIFY(!window.hostPage()->connectHostAction()->isEnabled());
    QVERIFY(!window.hostPage()->disconnectHostAction()->isEnabled());

    // Shortcuts are set and shown in the menus.
    QCOMPARE(window.hostPage()->addHostAction()->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QCOMPARE(window.vmPage()->action(VmOperation::Delete)->shortcut(),
             QKeySequence(QKeySequence::Delete));
    QVERIFY(window.hostPage()->removeHostAction()->shortcut().isEmpty());
    for (QAction *action : window.vmPage()->operationActions())
        QVERIFY(!action->shortcut().isEmpty());
    QStringList menus;
    for (QAction *menu : window.menuBar()->actions())
        menus << menu->text();
    QCOMPARE(menus.size(), 8);
    QVERIFY(menus.contains(u"&Image"));
    QVERIFY(menus.contains(u"&Namespace"));
    QVERIFY(menus.contains(u"&Config"));

    // The status bar counts.
    auto *vmsStatus = window.findChild<QLabel *>(u"vmsStatus"_s);
    QVERIFY(vmsStatus);
    QVERIFY(vmsStatus->text().contains(u"0"));
    saveScreenshot(&window, u"empty"_s);

    // Every icon renders (symbolic ones in the palette's text colour).
    QVERIFY(!window.windowIcon().isNull());
    const QStringList icons = QDir(u":/icons"_s).entryList({u"*.svg"_s});
    QVERIFY(icons.size() >= 20);
    QImage sheet(QSize(40 * int(icons.size()), 40), QImage::Format_ARGB32);
    sheet.fill(window.palette().color(QPalette::Window));
    QPainter painter(&sheet);
    for (qsizetype i = 0; i < icons.size(); ++i) {
        const QString name = icons.at(i).chopped(4);
        const QIcon icon
            = name.startsWith(u"state-") || name.startsWith(u"task-") || name == u"corral"
            ? Icons::colored(name)
            : Icons::symbolic(name);
        const QPixmap pixmap = icon.pixmap(32, 32);
        QVERIFY2(!pixmap.isNull(), qPrintable(name));
        painter.drawPixmap(int(i) * 40 + 4, 4, pixmap);
    }
    painter.end();
    if (const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(sheet.save(QDir(dir).filePath(u"icons.png"_s)));
}

void TestMainWindow::switchesPages()
{
    MainWindow window(m_fleet.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *stack = window.findChild<QStackedWidget *>();
    QVERIFY(stack);

    const struct
    {
        const char *action;
        MainWindow::Page page;
    } pages[] = {
        {"view.hosts", MainWindow::Page::Hosts},
        {"view.namespaces", MainWindow::Page::Namespaces},
        {"view.images", MainWindow::Page::Images},
        {"view.vms", MainWindow::Page::Vms},
        {"view.configs", MainWindow::Page::Configs},
    };
    for (const auto &p : pages) {
        auto *action = window.findChild<QAction *>(QString::fromLatin1(p.action));
        QVERIFY2(action, p.action);
        action->trigger();
        QCOMPARE(window.currentPage(), p.page);
        QCOMPARE(stack->currentIndex(), int(p.page));
        QCOMPARE(window.sidebar()->currentRow(), int(p.page));
        QVERIFY(action->isChecked());
    }
    // Ctrl+4 is the Hosts page, Ctrl+5 the VM Configs page (added after the others).
    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), MainWindow::Page::Configs);
    QCOMPARE(MainWindow::pageKey(MainWindow::Page::Configs), u"configs");
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), MainWindow::Page::Hosts);
    // The Delete key moves to Remove Host… with the page.
    QCOMPARE(window.hostPage()->removeHostAction()->shortcut(), QKeySequence(QKeySequence::Delete));
    QVERIFY(window.vmPage()->action(VmOperation::Delete)->shortcut().isEmpty());
    window.showPage(MainWindow::Page::Namespaces);
    saveScreenshot(&window, u"namespaces"_s);
    // The sidebar drives the pages too.
    window.sidebar()->setCurrentRow(int(MainWindow::Page::Images));
    QCOMPARE(stack->currentIndex(), int(MainWindow::Page::Images));

    // The task dock toggles.
    auto *toggle = window.findChild<QAction *>(u"view.tasks"_s);
    QVERIFY(toggle);
    QVERIFY(window.taskDock()->isVisible());
    toggle->trigger();
    QVERIFY(!window.taskDock()->isVisible());
    toggle->trigger();
    QVERIFY(window.taskDock()->isVisible());
}

void TestMainWindow::actionsFollowSelection()
{
    MainWindow window(m_fleet.get());
    window.resize(1300, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Feed the models as Fleet's signals would.
    for (qint64 id = 1; id <= 3; ++id)
        window.hostModel()->addOrUpdateHost(
            makeHost(id, id == 3 ? HostState::Offline : HostState::Connected));
    window.vmModel()->updateHost(makeHost(3, HostState::Offline));
    QList<VmInfo> vms;
    const VmState states[] = {VmState::Running, VmState::Shutoff, VmState::Paused,
                              VmState::Running, VmState::Crashed, VmState::Running};
    for (int i = 0; i < 18; ++i)
        vms << makeVm(1 + i % 3, i, states[i % 6]);
    window.vmModel()->upsertVms(vms);
    QCOMPARE(window.vmModel()->rowCount(), 18);

    VmPage *page = window.vmPage();
    auto *view = page->view();
    auto *proxy = view->model();
    QTRY_COMPARE(proxy->rowCount(), 18);
    saveScreenshot(&window, u"vms-offline-host"_s);
    const auto select = [&](const QStringList &names) {
        view->selectionModel()->clearSelection();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const QModelIndex index = proxy->index(row, 0);
            if (names.contains(index.data().toString()))
                view->selectionModel()->select(
                    index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        QCoreApplication::processEvents();
    };
    const auto enabled = [&](VmOperation op) {
        return page->action(op)->isEnabled();
    };

    select({u"vm0"_s}); // running on lab1
    QVERIFY(!enabled(VmOperation::Start));
    QVERIFY(enabled(VmOperation::Shutdown));
    QVERIFY(enabled(VmOperation::PowerOff));
    QVERIFY(enabled(VmOperation::Reboot));
    QVERIFY(enabled(VmOperation::Suspend));
    QVERIFY(!enabled(VmOperation::Resume));
    QVERIFY(enabled(VmOperation::Delete));

    select({u"vm1"_s, u"vm4"_s}); // shut off (lab2), crashed (lab2)
    QVERIFY(enabled(VmOperation::Start));
    QVERIFY(!enabled(VmOperation::Shutdown));
    QVERIFY(!enabled(VmOperation::Resume));
    QCOMPARE(page->selectedKeysFor(VmOperation::Start).size(), 2);

    select({u"vm2"_s}); // paused, but on lab3, which is offline: nothing to do
    QVERIFY(!enabled(VmOperation::Resume));
    QVERIFY(!enabled(VmOperation::Delete));
    QVERIFY(proxy->index(0, 0).isValid());

    select({u"vm8"_s}); // paused on lab3 too; vm14 is paused on lab3 as well
    QVERIFY(!enabled(VmOperation::Resume));
    window.vmModel()->updateHost(makeHost(3, HostState::Connected));
    QTRY_VERIFY(enabled(VmOperation::Resume));

    // Mixed selection: each action is enabled when it applies to at least one VM.
    select({u"vm0"_s, u"vm1"_s, u"vm2"_s});
    QVERIFY(enabled(VmOperation::Start));
    QVERIFY(enabled(VmOperation::Shutdown));
    QVERIFY(enabled(VmOperation::Resume));
    QCOMPARE(page->selectedKeys().size(), 3);
    QCOMPARE(page->selectedKeysFor(VmOperation::Resume).size(), 1);

    // A state change of a selected VM updates the actions.
    VmInfo started = makeVm(2, 1, VmState::Running);
    window.vmModel()->upsertVms({started});
    select({u"vm1"_s});
    QTRY_VERIFY(!enabled(VmOperation::Start));
    QVERIFY(enabled(VmOperation::Shutdown));

    // Leaving the page disables the VM actions (their shortcuts are window-wide).
    window.showPage(MainWindow::Page::Hosts);
    QVERIFY(!enabled(VmOperation::Shutdown));
    auto *hostView = window.hostPage()->view();
    hostView->selectionModel()->select(hostView->model()->index(0, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(window.hostPage()->editHostAction()->isEnabled());
    QVERIFY(window.hostPage()->removeHostAction()->isEnabled());
    saveScreenshot(&window, u"hosts"_s);
    window.showPage(MainWindow::Page::Vms);
    QVERIFY(!window.hostPage()->removeHostAction()->isEnabled());
    QVERIFY(enabled(VmOperation::Shutdown));

    // Tasks in every state, as the dock shows them; a failure raises no dialog.
    TaskManager *tasks = m_fleet->tasks();
    const quint64 copying = tasks->begin(u"Start lab1/vm0"_s, u"start"_s, u"lab1"_s, u"vm0"_s);
    tasks->setProgress(copying, 45, u"Starting"_s);
    tasks->begin(u"Shut Down lab2/vm1"_s, u"shutdown"_s, u"lab2"_s, u"vm1"_s);
    tasks->succeed(tasks->begin(u"Reboot lab1/vm3"_s, u"reboot"_s, u"lab1"_s, u"vm3"_s),
                   u"Done."_s);
    tasks->fail(tasks->begin(u"Resume lab3/vm2"_s, u"resume"_s, u"lab3"_s, u"vm2"_s),
                u"lab3 is offline: Connection refused"_s, u"virConnectOpen: error"_s);
    QCOMPARE(window.taskModel()->rowCount(), 4);
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    QVERIFY(window.taskDock()->isVisible());
    saveScreenshot(&window, u"vms"_s);

    // The confirmation lists at most ten names.
    QStringList names;
    for (int i = 0; i < 14; ++i)
        names << u"lab1/vm%1"_s.arg(i);
    const QString list = VmPage::nameList(names.mid(0, 10), 14);
    QCOMPARE(list.count(u'\n'), 10);
    QVERIFY(list.endsWith(u"and 4 more"));
}

void TestMainWindow::confirmationsNameTheVms()
{
    MainWindow window(m_fleet.get());
    window.resize(1300, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QList<VmInfo> vms;
    for (int i = 0; i < 14; ++i)
        vms << makeVm(1, i, VmState::Running);
    window.vmModel()->upsertVms(vms);
    auto *view = window.vmPage()->view();
    QTRY_COMPARE(view->model()->rowCount(), 14);
    view->selectAll();
    QCoreApplication::processEvents();
    QVERIFY(window.vmPage()->action(VmOperation::PowerOff)->isEnabled());

    // Cancelling Power Off runs nothing.
    const qsizetype tasksBefore = m_fleet->tasks()->tasks().size();
    QString text;
    QString informative;
    // A timer object (not singleShot) so that nothing fires in a later test if no box opens.
    QTimer answerPowerOff;
    answerPowerOff.setSingleShot(true);
    connect(&answerPowerOff, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        text = box->text();
        informative = box->informativeText();
        saveScreenshot(box, u"poweroff"_s);
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::RejectRole)
                button->click();
        }
    });
    answerPowerOff.start(0);
    window.vmPage()->action(VmOperation::PowerOff)->trigger();
    QCOMPARE(text, u"Power off 14 VMs?");
    QVERIFY(informative.contains(u"lab1/vm0\n"));
    QVERIFY(informative.contains(u"and 4 more"));
    QCOMPARE(m_fleet->tasks()->tasks().size(), tasksBefore);

    // Delete offers to delete the disks too, unchecked; confirming runs one task per VM.
    view->selectionModel()->clearSelection();
    view->selectionModel()->select(view->model()->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCoreApplication::processEvents();
    bool storageOffered = false;
    bool storageChecked = true;
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTimer answerDelete;
    answerDelete.setSingleShot(true);
    connect(&answerDelete, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        text = box->text();
        storageOffered = box->checkBox() != nullptr;
        storageChecked = storageOffered && box->checkBox()->isChecked();
        saveScreenshot(box, u"delete"_s);
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        }
    });
    // The Delete key is the shortcut (Remove Host… has it on its own page).
    view->setFocus();
    answerDelete.start(0);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(text, u"Delete 1 VM?");
    QVERIFY(storageOffered);
    QVERIFY(!storageChecked);
    const QList<Task> tasks = m_fleet->tasks()->tasks();
    QCOMPARE(tasks.size(), tasksBefore + 1);
    QCOMPARE(tasks.constLast().action, u"delete");
    // The fleet does not know these test VMs: the error lands in the task list, no dialog.
    QCOMPARE(tasks.constLast().state, Task::State::Failed);
    QCOMPARE(window.taskModel()->index(0, 0).data(TaskModel::TaskIdRole).toULongLong(),
             tasks.constLast().id);
    QVERIFY(QApplication::activeModalWidget() == nullptr);
}

void TestMainWindow::imagesPage()
{
    MainWindow window(m_fleet.get());
    window.resize(1300, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.showPage(MainWindow::Page::Images);
    ImagePage *page = window.imagePage();
    QVERIFY(page->isVisible());
    QVERIFY(page->view()->placeholderText().startsWith(u"Drop disk images or ISOs here"));
    QVERIFY(page->uploadAction()->isEnabled());
    QVERIFY(!page->deleteAction()->isEnabled());
    QCOMPARE(page->uploadAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_U));
    QCOMPARE(page->renameAction()->shortcut(), QKeySequence(Qt::Key_F2));

    // Del and Ctrl+F belong to the shown page.
    QCOMPARE(page->deleteAction()->shortcut(), QKeySequence(QKeySequence::Delete));
    QVERIFY(window.vmPage()->action(VmOperation::Delete)->shortcut().isEmpty());
    QVERIFY(window.hostPage()->removeHostAction()->shortcut().isEmpty());
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(page->searchField()->hasFocus());
    window.showPage(MainWindow::Page::Vms);
    QVERIFY(page->deleteAction()->shortcut().isEmpty());
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(window.vmPage()->searchField()->hasFocus());
    window.showPage(MainWindow::Page::Images);

    // A catalog as the library hands it over; selecting an image enables the actions.
    ImageRecord image;
    image.id = 1;
    image.name = u"macos-14-base.qcow2"_s;
    image.kind = u"disk"_s;
    image.format = u"qcow2"_s;
    image.virtualSize = 80ULL << 30;
    image.actualSize = 21ULL << 30;
    image.replicas = {ImageReplica{1, u"macos-14-base.qcow2"_s, ImageReplica::State::Present, {}}};
    window.imageModel()->setImages({image});
    QTRY_COMPARE(page->view()->model()->rowCount(), 1);
    QVERIFY(page->view()->placeholderText().isEmpty());
    page->view()->selectionModel()->select(page->view()->model()->index(0, 0),
                                           QItemSelectionModel::ClearAndSelect
                                               | QItemSelectionModel::Rows);
    QVERIFY(page->deleteAction()->isEnabled());
    QVERIFY(page->renameAction()->isEnabled());
    // The fleet has no connected host: nothing to download from or copy to.
    QVERIFY(!page->downloadAction()->isEnabled());
    QVERIFY(!page->copyAction()->isEnabled());
    page->searchField()->setText(u"no such image"_s);
    QCOMPARE(page->view()->model()->rowCount(), 0);
    QCOMPARE(page->view()->placeholderText(), u"No images match the filter.");
    page->searchField()->clear();

    // A new transfer job brings the Transfers dock to the front.
    // (Qt keeps the dock of a background tab "visible", outside the window.)
    const auto onScreen = [](QWidget *dock) {
        return !dock->visibleRegion().isEmpty();
    };
    QTRY_VERIFY(onScreen(window.taskDock()));
    QVERIFY(!onScreen(window.transferDock()));
    TransferJob job;
    job.id = 1;
    job.imageName = image.name;
    job.hostId = 1;
    job.hostName = u"lab1"_s;
    job.total = image.actualSize;
    Q_EMIT m_fleet->images()->jobAdded(job);
    QCOMPARE(window.transferModel()->rowCount(), 1);
    QTRY_VERIFY(onScreen(window.transferDock()));
    QVERIFY(!onScreen(window.taskDock()));
    auto *transfersStatus = window.findChild<QLabel *>(u"transfersStatus"_s);
    QVERIFY(transfersStatus && transfersStatus->isVisible());
    job.state = TransferJob::State::Interrupted;
    job.error = u"lab1: the SSH connection was closed"_s;
    Q_EMIT m_fleet->images()->jobStopped(job);
    QCOMPARE(window.transferModel()->index(0, TransferModel::StatusColumn).data().toString(),
             u"Connection lost — resumable");
    QVERIFY(!transfersStatus->isVisible());
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    QVERIFY(window.findChild<QAction *>(u"view.transfers"_s));
    saveScreenshot(&window, u"images"_s);
}

void TestMainWindow::dropFilesToUpload()
{
    MainWindow window(m_fleet.get());
    window.resize(1300, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.hostModel()->addOrUpdateHost(makeHost(1, HostState::Connected));
    window.hostModel()->addOrUpdateHost(makeHost(2, HostState::Connected));
    window.showPage(MainWindow::Page::Hosts);
    auto *view = window.hostPage()->view();
    QTRY_COMPARE(view->model()->rowCount(), 2);

    QMimeData files;
    files.setUrls({QUrl::fromLocalFile(m_dir.filePath(u"macOS 14.iso"_s))});
    QMimeData text;
    text.setText(u"not a file"_s);
    const QPoint onLab2 = view->visualRect(view->model()->index(1, 0)).center();
    const auto send
        = [](QWidget *target, QEvent::Type type, const QPoint &pos, const QMimeData *mime) {
              if (type == QEvent::Drop) {
                  QDropEvent event(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
                  QApplication::sendEvent(target, &event);
                  return event.isAccepted();
              }
              QDragEnterEvent event(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
              QApplication::sendEvent(target, &event);
              return event.isAccepted();
          };

    // Text is not for the host list; files are, and the host under the cursor is selected.
    QVERIFY(!send(view->viewport(), QEvent::DragEnter, onLab2, &text));
    QVERIFY(send(view->viewport(), QEvent::DragEnter, onLab2, &files));
    const QList<HostInfo> target = window.hostPage()->selectedHosts();
    QCOMPARE(target.size(), 1);
    QCOMPARE(target.first().config.id, 2);

    QSignalSpy upload(window.hostPage(), &HostPage::uploadRequested);
    QVERIFY(send(view->viewport(), QEvent::Drop, onLab2, &files));
    QTRY_COMPARE(upload.size(), 1);
    QCOMPARE(upload.at(0).at(0).toStringList(), QStringList{m_dir.filePath(u"macOS 14.iso"_s)});
    QCOMPARE(upload.at(0).at(1).value<QList<qint64>>(), QList<qint64>{2});
    // The Images page opens the upload dialog for them.
    UploadDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<UploadDialog *>()));
    QCOMPARE(dialog->fileCount(), 1);
    dialog->reject();
    QTRY_VERIFY(!window.findChild<UploadDialog *>());

    // Files dropped on the Images page itself.
    window.showPage(MainWindow::Page::Images);
    QVERIFY(send(window.imagePage(), QEvent::DragEnter, QPoint(200, 200), &files));
    QVERIFY(!send(window.imagePage(), QEvent::DragEnter, QPoint(200, 200), &text));
    QVERIFY(send(window.imagePage(), QEvent::Drop, QPoint(200, 200), &files));
    QTRY_VERIFY((dialog = window.findChild<UploadDialog *>()));
    dialog->reject();
}

void TestMainWindow::hostMaintenance()
{
    MainWindow window(m_fleet.get());
    window.resize(1300, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::Page::Hosts);
    HostInfo host = makeHost(1, HostState::Connected);
    host.config.maintenance = true;
    window.hostModel()->addOrUpdateHost(host);
    window.hostModel()->addOrUpdateHost(makeHost(2, HostState::Connected));
    auto *view = window.hostPage()->view();
    QTRY_COMPARE(view->model()->rowCount(), 2);
    const QModelIndex state = window.hostModel()->index(0, HostModel::StateColumn);
    QCOMPARE(state.data().toString(), u"In maintenance");
    QVERIFY(state.data(Qt::ToolTipRole).toString().contains(u"no new VMs"));
    QCOMPARE(window.hostModel()->index(1, HostModel::StateColumn).data().toString(), u"Connected");

    QAction *maintenance = window.hostPage()->maintenanceAction();
    QVERIFY(maintenance->isCheckable());
    QVERIFY(!maintenance->isEnabled());
    view->selectionModel()->select(view->model()->index(0, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(maintenance->isEnabled());
    QVERIFY(maintenance->isChecked());
    view->selectionModel()->select(view->model()->index(1, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(!maintenance->isChecked());

    // Turning it on asks first, offering to drain; cancelling changes nothing.
    QString text;
    bool drainOffered = false;
    QTimer answer;
    answer.setSingleShot(true);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        text = box->text();
        drainOffered = box->checkBox() && box->checkBox()->objectName() == u"drainHost";
        saveScreenshot(box, u"maintenance"_s);
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::RejectRole)
                button->click();
        }
    });
    answer.start(0);
    maintenance->trigger();
    QCOMPARE(text, u"Put lab2 into maintenance?");
    QVERIFY(drainOffered);
    QVERIFY(!maintenance->isChecked());
    saveScreenshot(&window, u"hosts-maintenance"_s);
}

void TestMainWindow::settingsRoundTrip()
{
    UiSettings saved;
    {
        MainWindow window(m_fleet.get());
        window.resize(1111, 777);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::Page::Hosts);
        saved = window.currentSettings();
        QCOMPARE(saved.page, u"hosts");
        QVERIFY(!saved.geometry.isEmpty());
        QVERIFY(!saved.vmHeader.isEmpty());
        window.close(); // posts the settings to the store
    }
    UiSettings loaded;
    bool done = false;
    UiSettings::load(m_store.get(), this, [&](const UiSettings &s) {
        loaded = s;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(loaded.page, saved.page);
    QCOMPARE(loaded.geometry, saved.geometry);
    QCOMPARE(loaded.vmHeader, saved.vmHeader);
    QCOMPARE(loaded.hostHeader, saved.hostHeader);
    QCOMPARE(loaded.taskHeader, saved.taskHeader);
    QVERIFY(!saved.imageHeader.isEmpty());
    QCOMPARE(loaded.imageHeader, saved.imageHeader);
    QCOMPARE(loaded.transferHeader, saved.transferHeader);
    QVERIFY(!saved.namespaceHeader.isEmpty());
    QCOMPARE(loaded.namespaceHeader, saved.namespaceHeader);
    QVERIFY(!saved.configHeader.isEmpty());
    QCOMPARE(loaded.configHeader, saved.configHeader);
    QCOMPARE(loaded.splitter, saved.splitter);

    MainWindow restored(m_fleet.get(), loaded);
    QCOMPARE(restored.currentPage(), MainWindow::Page::Hosts);
}

void TestMainWindow::germanTranslation()
{
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany), u"corral"_s, u"_"_s,
                            u":/i18n"_s));
    QCOMPARE(translator.translate("Corral::MainWindow", "&File"), u"&Datei");
    // Core strings (context "Corral") are translated too.
    QCOMPARE(translator.translate("Corral", "Running"), u"Läuft");
    QVERIFY(QCoreApplication::installTranslator(&translator));
    {
        MainWindow window(m_fleet.get());
        QCOMPARE(window.menuBar()->actions().constFirst()->text(), u"&Datei");
        QCOMPARE(vmStateLabel(VmState::Shutoff), u"Ausgeschaltet");
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        saveScreenshot(&window, u"german"_s);
    }
    QCoreApplication::removeTranslator(&translator);
}

int main(int argc, char *argv[])
{
    // Fleet runs libvirt's event loop, which must not share GLib with Qt's dispatcher.
    VirtEventLoop::prepareProcess();
    QApplication app(argc, argv);
    // CORRAL_PALETTE=dark with CORRAL_SCREENSHOT_DIR shows the dark look.
    DesktopApp::applyPaletteOverride(&app);
    // English, with its plural forms, whatever the machine's locale.
    DesktopApp::installTranslators(&app, QLocale(QLocale::English));
    TestMainWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_mainwindow.moc"
