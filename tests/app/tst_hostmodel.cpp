#include "capacitydelegate.h"
#include "hostmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

HostInfo makeHost(qint64 id, const QString &name, HostState state)
{
    HostInfo host;
    host.config.id = id;
    host.config.name = name;
    host.config.uri = u"qemu+libssh://admin@"_s + name + u"/system"_s;
    host.config.tags = {u"m2"_s, u"rack-3"_s};
    host.state = state;
    if (state == HostState::Connected) {
        host.hypervisor = u"QEMU 7.2.0"_s;
        host.cpus = 16;
        host.memoryKiB = 64LL * 1024 * 1024;
        host.vmCount = 5;
        host.runningCount = 3;
        host.allocatedVcpus = 12;
        host.allocatedMemoryKiB = 48LL * 1024 * 1024;
    }
    return host;
}

} // namespace

class TestHostModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addsUpdatesAndRemoves();
    void showsStateErrorAndRetry();
    void capacity();
    void sortsThroughProxy();
    void paintsCapacityBars();

private:
    HostModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestHostModel::init()
{
    m_model = new HostModel(this);
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestHostModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestHostModel::addsUpdatesAndRemoves()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_model->addOrUpdateHost(makeHost(1, u"mac1"_s, HostState::Connecting));
    m_model->addOrUpdateHost(makeHost(2, u"mac2"_s, HostState::Offline));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), int(HostModel::ColumnCount));
    QCOMPARE(m_model->index(0, HostModel::NameColumn).data().toString(), u"mac1");
    QCOMPARE(m_model->index(0, HostModel::AddressColumn).data().toString(),
             u"qemu+libssh://admin@mac1/system");
    QCOMPARE(m_model->index(0, HostModel::TagsColumn).data().toString(), u"m2, rack-3");
    QCOMPARE(m_model->index(0, 0).data(HostModel::HostIdRole).toLongLong(), 1);

    m_model->addOrUpdateHost(makeHost(1, u"mac1"_s, HostState::Connected));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(m_model->connectedCount(), 1);
    QCOMPARE(m_model->index(0, HostModel::VmsColumn).data().toString(), u"3 / 5");
    QCOMPARE(m_model->index(0, HostModel::HypervisorColumn).data().toString(), u"QEMU 7.2.0");

    // Identical info: no notification.
    m_model->addOrUpdateHost(makeHost(1, u"mac1"_s, HostState::Connected));
    QCOMPARE(changed.size(), 1);

    m_model->removeHost(1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowOf(2), 0);
    QCOMPARE(m_model->rowOf(1), -1);
    m_model->removeHost(42);
    QCOMPARE(removed.size(), 1);
}

void TestHostModel::showsStateErrorAndRetry()
{
    HostInfo host = makeHost(1, u"mac1"_s, HostState::Offline);
    host.error = u"Connection refused"_s;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    host.nextRetry = now.addSecs(12);
    m_model->addOrUpdateHost(host);

    const QModelIndex state = m_model->index(0, HostModel::StateColumn);
    QVERIFY(state.data().toString().startsWith(hostStateLabel(HostState::Offline)));
    QVERIFY(state.data().toString().contains(u"retrying in"));
    QCOMPARE(HostModel::stateText(host, now), u"Offline — retrying in 12 s");
    QCOMPARE(state.data(Qt::ToolTipRole).toString(), u"Connection refused");
    QVERIFY(!state.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(m_model->index(0, HostModel::ErrorColumn).data().toString(), u"Connection refused");
    QVERIFY(m_model->index(0, HostModel::ErrorColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(state.data(HostModel::StateRole).toInt(), int(HostState::Offline));

    // The countdown refreshes itself once a second.
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.wait(2000));
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(), int(HostModel::StateColumn));

    host.nextRetry = {};
    QCOMPARE(HostModel::stateText(host, now), hostStateLabel(HostState::Offline));
}

void TestHostModel::capacity()
{
    m_model->addOrUpdateHost(makeHost(1, u"mac1"_s, HostState::Connected));
    m_model->addOrUpdateHost(makeHost(2, u"mac2"_s, HostState::Offline));
    const QModelIndex cpu = m_model->index(0, HostModel::CpuColumn);
    QCOMPARE(cpu.data().toString(), u"12 / 16");
    QCOMPARE(cpu.data(HostModel::UsageRole).toDouble(), 0.75);
    const QModelIndex memory = m_model->index(0, HostModel::MemoryColumn);
    QVERIFY(memory.data().toString().contains(u"48"));
    QVERIFY(memory.data().toString().contains(u"64"));
    QCOMPARE(memory.data(HostModel::UsageRole).toDouble(), 0.75);
    // Unknown capacity: no text and no bar.
    QVERIFY(m_model->index(1, HostModel::CpuColumn).data().toString().isEmpty());
    QVERIFY(m_model->index(1, HostModel::CpuColumn).data(HostModel::UsageRole).toDouble() < 0);
}

void TestHostModel::sortsThroughProxy()
{
    m_model->addOrUpdateHost(makeHost(1, u"zeta"_s, HostState::Connected));
    m_model->addOrUpdateHost(makeHost(2, u"Alpha"_s, HostState::Offline));
    m_model->addOrUpdateHost(makeHost(3, u"mid"_s, HostState::Connecting));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(HostModel::SortRole);
    proxy.setSortCaseSensitivity(Qt::CaseInsensitive);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(HostModel::NameColumn);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"Alpha");
    QCOMPARE(proxy.index(2, 0).data().toString(), u"zeta");
    proxy.sort(HostModel::StateColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"zeta");
}

void TestHostModel::paintsCapacityBars()
{
    m_model->addOrUpdateHost(makeHost(1, u"mac1"_s, HostState::Connected));
    HostInfo over = makeHost(2, u"mac2"_s, HostState::Connected);
    over.allocatedVcpus = 40;
    m_model->addOrUpdateHost(over);
    QTreeView view;
    view.setModel(m_model);
    auto *delegate = new CapacityDelegate(HostModel::UsageRole, &view);
    view.setItemDelegateForColumn(HostModel::CpuColumn, delegate);
    view.setItemDelegateForColumn(HostModel::MemoryColumn, delegate);
    view.resize(900, 200);
    // Rendering exercises the delegate; the row is tall enough for text and bar.
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
    QStyleOptionViewItem option;
    option.initFrom(&view);
    const QSize hint = delegate->sizeHint(option, m_model->index(0, HostModel::CpuColumn));
    QVERIFY(hint.height() > view.fontMetrics().height() + 4);
    QCOMPARE(view.visualRect(m_model->index(0, HostModel::CpuColumn)).height(), hint.height());
}

QTEST_MAIN(TestHostModel)
#include "tst_hostmodel.moc"
