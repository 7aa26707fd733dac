// The VM page's grid mode: the grid shows the table's rows, shares its selection, reports the
// tiles on screen to VmThumbnails, and Open Screen / double-clicks ask for VM screens.
// No lab: the models are fed as Fleet's signals would feed them.
#include "fleet/fleet.h"
#include "fleet/vmthumbnails.h"
#include "placeholdertreeview.h"
#include "store/storeservice.h"
#include "testinventory.h"
#include "vmfilterproxymodel.h"
#include "vmgridview.h"
#include "vmmodel.h"
#include "vmpage.h"
#include "vmthumbnaildelegate.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPaintEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

VmInfo makeVm(qint64 hostId, int n, VmState state)
{
    VmInfo vm = TestInventory::vm(hostId, n, state);
    vm.name = u"vm%1"_s.arg(n, 3, 10, QLatin1Char('0'));
    vm.vcpus = 2;
    vm.memoryKiB = 1024 * 1024;
    return vm;
}

VmKey keyOf(const VmInfo &vm)
{
    return VmKey{vm.hostId, vm.uuid};
}

HostInfo makeHost(qint64 id, HostState state)
{
    return TestInventory::host(id, state);
}

// QTest's widget double-click is the second click only: a view needs the first one too.
void doubleClick(QAbstractItemView *view, QPoint pos)
{
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, pos);
}

const VmState states[] = {VmState::Running, VmState::Shutoff, VmState::Paused, VmState::Running};

} // namespace

class tst_VmGridView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<StoreService>(m_dir.filePath(u"corral.sqlite"_s));
        m_fleet = std::make_unique<Fleet>(m_store.get());
        QSignalSpy loaded(m_fleet.get(), &Fleet::loaded);
        m_fleet->load();
        QVERIFY(loaded.wait(5000));
    }

    void cleanupTestCase()
    {
        m_fleet.reset();
        m_store.reset();
    }

    void init()
    {
        m_model = std::make_unique<VmModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_vms.clear();
        for (int i = 0; i < 40; ++i)
            m_vms << makeVm(1 + i % 2, i, states[i % 4]);
        m_model->upsertVms(m_vms);
        m_page = std::make_unique<VmPage>(m_fleet.get(), m_model.get());
        // Before the mode stored by an earlier test arrives: it is ignored.
        m_page->setViewMode(VmPage::ViewMode::List);
        m_page->resize(900, 640);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->proxy()->applyPendingChanges();
    }

    void cleanup()
    {
        m_page.reset();
        m_tester.reset();
        m_model.reset();
    }

    void gridShowsTheTableRows()
    {
        VmGridView *grid = m_page->gridView();
        QCOMPARE(grid->model(), m_page->view()->model());
        QCOMPARE(m_page->viewMode(), VmPage::ViewMode::List);
        QVERIFY(!grid->isVisible());

        m_page->gridViewAction()->trigger();
        QCOMPARE(m_page->viewMode(), VmPage::ViewMode::Grid);
        QVERIFY(grid->isVisible());
        QVERIFY(!m_page->view()->isVisible());
        QCOMPARE(grid->viewMode(), QListView::IconMode);
        QCOMPARE(grid->modelColumn(), int(VmModel::NameColumn));

        // The same rows in the same order; filtering narrows both.
        const auto names = [](QAbstractItemView *view, int column) {
            QStringList list;
            for (int row = 0; row < view->model()->rowCount(); ++row)
                list << view->model()->index(row, column).data().toString();
            return list;
        };
        QCOMPARE(names(grid, grid->modelColumn()), names(m_page->view(), VmModel::NameColumn));
        QCOMPARE(grid->model()->rowCount(), 40);
        m_page->searchField()->setText(u"vm01"_s);
        QCOMPARE(grid->model()->rowCount(), 10);
        QCOMPARE(names(grid, grid->modelColumn()), names(m_page->view(), VmModel::NameColumn));
        m_page->searchField()->clear();
        QCOMPARE(grid->model()->rowCount(), 40);

        // The first tile is laid out where a click finds it.
        const QModelIndex first = grid->model()->index(0, grid->modelColumn());
        const QRect tile = grid->visualRect(first);
        QVERIFY(tile.isValid());
        QCOMPARE(grid->indexAt(tile.center()), first);
        QCOMPARE(tile.size(), grid->thumbnailDelegate()->tileSize(QStyleOptionViewItem()));
        saveScreenshot(u"vm-grid"_s);
    }

    void selectionIsShared()
    {
        VmGridView *grid = m_page->gridView();
        QCOMPARE(grid->selectionModel(), m_page->view()->selectionModel());
        m_page->setViewMode(VmPage::ViewMode::Grid);
        QTRY_VERIFY(grid->visualRect(grid->model()->index(1, 0)).isValid());

        // A click on a tile selects the VM for every action.
        const QModelIndex stopped = grid->model()->index(1, 0); // vm001: shut off
        QCOMPARE(stopped.data().toString(), u"vm001"_s);
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, grid->visualRect(stopped).center());
        QCOMPARE(m_page->selectedKeys(), QList<VmKey>{keyOf(m_vms.at(1))});
        QTRY_VERIFY(m_page->action(VmOperation::Start)->isEnabled());
        QVERIFY(!m_page->action(VmOperation::Shutdown)->isEnabled());
        QVERIFY(!m_page->screenAction()->isEnabled());
        QVERIFY(m_page->view()->selectionModel()->isRowSelected(1, {}));

        // Ctrl+click adds a running VM.
        const QModelIndex running = grid->model()->index(3, 0); // vm003
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          grid->visualRect(running).center());
        QCOMPARE(m_page->selectedKeys().size(), 2);
        QTRY_VERIFY(m_page->action(VmOperation::Shutdown)->isEnabled());
        QVERIFY(m_page->screenAction()->isEnabled());

        // Selected in the table, selected in the grid.
        m_page->setViewMode(VmPage::ViewMode::List);
        m_page->view()->selectionModel()->select(m_page->proxy()->index(2, 0),
                                                 QItemSelectionModel::ClearAndSelect
                                                     | QItemSelectionModel::Rows);
        m_page->setViewMode(VmPage::ViewMode::Grid);
        QCOMPARE(grid->selectionModel()->selectedIndexes().contains(grid->model()->index(2, 0)),
                 true);
        QCOMPARE(m_page->selectedKeys(), QList<VmKey>{keyOf(m_vms.at(2))});
    }

    void openScreen()
    {
        QSignalSpy requested(m_page.get(), &VmPage::openScreenRequested);
        QAction *screen = m_page->screenAction();
        QCOMPARE(screen->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
        QVERIFY(!screen->toolTip().isEmpty());
        QVERIFY(!screen->isEnabled()); // nothing selected

        // First of the console actions in the toolbar.
        auto *toolBar = m_page->findChild<QToolBar *>(u"vmToolBar"_s);
        QVERIFY(toolBar);
        const QList<QAction *> actions = toolBar->actions();
        QCOMPARE(actions.indexOf(screen) + 1, actions.indexOf(m_page->sshAction()));
        QVERIFY(actions.at(actions.indexOf(screen) - 1)->isSeparator());

        // The action asks for the selected running VMs only.
        auto *selection = m_page->view()->selectionModel();
        for (int row : {0, 1, 3})
            selection->select(m_page->proxy()->index(row, 0),
                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTRY_VERIFY(screen->isEnabled());
        screen->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).value<QList<VmKey>>(),
                 (QList<VmKey>{keyOf(m_vms.at(0)), keyOf(m_vms.at(3))}));

        // Double-click in the table: that VM.
        requested.clear();
        PlaceholderTreeView *table = m_page->view();
        const QModelIndex row3 = m_page->proxy()->index(3, VmModel::HostColumn);
        doubleClick(table, table->visualRect(row3).center());
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).value<QList<VmKey>>(), QList<VmKey>{keyOf(m_vms.at(3))});

        // Double-click in the grid; a stopped VM has no screen to open.
        requested.clear();
        m_page->setViewMode(VmPage::ViewMode::Grid);
        VmGridView *grid = m_page->gridView();
        QTRY_VERIFY(grid->visualRect(grid->model()->index(4, 0)).isValid());
        doubleClick(grid, grid->visualRect(grid->model()->index(4, 0)).center());
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).value<QList<VmKey>>(), QList<VmKey>{keyOf(m_vms.at(4))});
        doubleClick(grid, grid->visualRect(grid->model()->index(5, 0)).center());
        QCOMPARE(requested.size(), 1);

        // A VM on a host that is not connected: nothing either.
        m_model->updateHost(makeHost(1, HostState::Offline));
        doubleClick(grid, grid->visualRect(grid->model()->index(4, 0)).center());
        QCOMPARE(requested.size(), 1);
        m_model->updateHost(makeHost(1, HostState::Connected));

        // Leaving the page: no screens from it.
        m_page->setActive(false);
        QVERIFY(!screen->isEnabled());
        QVERIFY(!m_page->gridViewAction()->isEnabled());
        m_page->setActive(true);
    }

    // Only the tiles on screen are handed to VmThumbnails; none in list mode.
    void visibleTilesGoToThumbnails()
    {
        VmThumbnails *thumbs = m_page->thumbnails();
        QVERIFY(thumbs);
        QVERIFY(!thumbs->isActive()); // list mode
        QVERIFY(thumbs->visible().isEmpty());

        QList<VmInfo> more;
        for (int i = 40; i < 400; ++i)
            more << makeVm(1 + i % 2, i, states[i % 4]);
        m_model->upsertVms(more);
        m_page->proxy()->applyPendingChanges();

        VmGridView *grid = m_page->gridView();
        QSignalSpy visible(grid, &VmGridView::visibleKeysChanged);
        m_page->setViewMode(VmPage::ViewMode::Grid);
        QVERIFY(thumbs->isActive());
        QVERIFY(visible.wait(5000));
        QList<VmKey> keys = thumbs->visible();
        QCOMPARE(keys, visible.last().at(0).value<QList<VmKey>>());
        QVERIFY(keys.size() > 4);
        QVERIFY2(keys.size() < 80, qPrintable(QString::number(keys.size())));
        QCOMPARE(keys.first(), keyOf(m_vms.at(0)));
        // Exactly the tiles that intersect the viewport.
        for (int row = 0; row < grid->model()->rowCount(); ++row) {
            const QModelIndex index = grid->model()->index(row, 0);
            const QRect shown = grid->visualRect(index) & grid->viewport()->rect();
            const bool onScreen = shown.width() > grid->gridSize().width() / 3
                && shown.height() > grid->gridSize().height() / 3;
            const bool listed = keys.contains(index.data(VmModel::KeyRole).value<VmKey>());
            if (onScreen)
                QVERIFY2(listed, qPrintable(index.data().toString()));
            if (listed)
                QVERIFY2(!shown.isEmpty(), qPrintable(index.data().toString()));
        }

        // Scrolled to the end: the last VMs.
        grid->scrollToBottom();
        QTRY_VERIFY(thumbs->visible() != keys);
        const QModelIndex last = grid->model()->index(grid->model()->rowCount() - 1, 0);
        QVERIFY(thumbs->visible().contains(last.data(VmModel::KeyRole).value<VmKey>()));
        QVERIFY(!thumbs->visible().contains(keys.first()));

        // List mode: nothing is visible, nothing is captured.
        m_page->setViewMode(VmPage::ViewMode::List);
        QVERIFY(thumbs->visible().isEmpty());
        QVERIFY(!thumbs->isActive());
        m_page->setViewMode(VmPage::ViewMode::Grid);
        QTRY_VERIFY(!thumbs->visible().isEmpty());
        QVERIFY(thumbs->isActive());
        // The window minimised: inactive until it is restored.
        m_page->setWindowState(Qt::WindowMinimized);
        QTRY_VERIFY(!thumbs->isActive());
        m_page->setWindowState(Qt::WindowNoState);
        QTRY_VERIFY(thumbs->isActive());
        // Another page shown: inactive.
        m_page->setActive(false);
        QVERIFY(!thumbs->isActive());
    }

    // A VM's tile shows its state and host: their changes repaint it, not only its name's.
    void stateChangeRepaintsTile()
    {
        m_page->setViewMode(VmPage::ViewMode::Grid);
        VmGridView *grid = m_page->gridView();
        const QModelIndex index = grid->model()->index(5, 0); // vm005, shut off
        QTRY_VERIFY(grid->visualRect(index).isValid());
        // 40 tiles need scrolling: once the scroll bar shows, the layout is done.
        QTRY_VERIFY(grid->verticalScrollBar()->isVisible());

        struct PaintWatch : QObject
        {
            QRegion painted;
            bool eventFilter(QObject *, QEvent *event) override
            {
                if (event->type() == QEvent::Paint)
                    painted += static_cast<QPaintEvent *>(event)->region();
                return false;
            }
        } watch;
        grid->viewport()->installEventFilter(&watch);
        // The repaints of switching to the grid first.
        grid->viewport()->update();
        QTRY_VERIFY(watch.painted.contains(grid->visualRect(index).center()));
        watch.painted = {};
        m_model->upsertVms({makeVm(m_vms.at(5).hostId, 5, VmState::Running)});
        QTRY_VERIFY(watch.painted.contains(grid->visualRect(index).center()));
        grid->viewport()->removeEventFilter(&watch);
    }

    // The model serves the pictures and says when one changed, on the name cell only.
    void thumbnailRole()
    {
        VmThumbnails *thumbs = m_page->thumbnails();
        QCOMPARE(m_model->thumbnails(), thumbs);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        Q_EMIT thumbs->thumbnailChanged(keyOf(m_vms.at(5)));
        QCOMPARE(changed.size(), 1);
        const QModelIndex cell = changed.at(0).at(0).toModelIndex();
        QCOMPARE(cell, changed.at(0).at(1).toModelIndex());
        QCOMPARE(cell.row(), m_model->rowOf(keyOf(m_vms.at(5))));
        QCOMPARE(cell.column(), int(VmModel::NameColumn));
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(),
                 (QList<int>{VmModel::ThumbnailRole, VmModel::ThumbnailErrorRole}));
        QVERIFY(cell.data(VmModel::ThumbnailRole).value<QImage>().isNull());
        QVERIFY(cell.data(VmModel::ThumbnailErrorRole).toString().isEmpty());
        // Unknown VMs are ignored.
        Q_EMIT thumbs->thumbnailChanged(VmKey{9, QUuid::createUuid()});
        QCOMPARE(changed.size(), 1);
    }

    void placeholders()
    {
        using D = VmThumbnailDelegate;
        QCOMPARE(D::placeholderText(int(VmState::Shutoff), true, {}), D::tr("Stopped"));
        QCOMPARE(D::placeholderText(int(VmState::Paused), true, {}), D::tr("Paused"));
        QCOMPARE(D::placeholderText(int(VmState::Running), true, u"no video"_s),
                 D::tr("No display"));
        QVERIFY(D::placeholderText(int(VmState::Running), true, {}).isEmpty());
        QCOMPARE(D::placeholderText(int(VmState::Running), false, {}), D::tr("Host offline"));
    }

    // The mode is stored in the catalog and comes back with the next page.
    void modeIsRemembered()
    {
        m_page->gridViewAction()->trigger();
        QCOMPARE(m_page->viewMode(), VmPage::ViewMode::Grid);
        auto again = std::make_unique<VmPage>(m_fleet.get(), m_model.get());
        QTRY_COMPARE(again->viewMode(), VmPage::ViewMode::Grid);
        QVERIFY(again->gridViewAction()->isChecked());

        again->gridViewAction()->trigger();
        QCOMPARE(again->viewMode(), VmPage::ViewMode::List);
        QVERIFY(!again->gridViewAction()->isChecked());
        again.reset();
        auto third = std::make_unique<VmPage>(m_fleet.get(), m_model.get());
        QSignalSpy modeChanged(third.get(), &VmPage::viewModeChanged);
        // The stored "list" arrives and changes nothing.
        QVERIFY(!modeChanged.wait(300));
        QCOMPARE(third->viewMode(), VmPage::ViewMode::List);
        m_model->setThumbnails(m_page->thumbnails());
    }

private:
    void saveScreenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QCoreApplication::processEvents();
        QVERIFY(m_page->grab().save(QDir(dir).filePath(name + u".png"_s)));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<Fleet> m_fleet;
    std::unique_ptr<VmModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<VmPage> m_page;
    QList<VmInfo> m_vms;
};

QTEST_MAIN(tst_VmGridView)
#include "tst_vmgridview.moc"
