#include "capacitydelegate.h"
#include "namespacemodel.h"
#include "placeholdertreeview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QPalette>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

NamespaceRow makeRow(const QString &name, int vms, int maxVms = 0, bool foreign = false)
{
    NamespaceRow row;
    row.config.name = name;
    row.config.maxVms = maxVms;
    row.usage.vms = vms;
    row.usage.vcpus = vms * 2;
    row.usage.memoryMiB = qint64(vms) * 4096;
    row.foreign = foreign;
    return row;
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, NamespaceModel::NameColumn).data().toString();
    return list;
}

} // namespace

class TestNamespaceModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsUsageAgainstQuota();
    void foreignNamespacesAreGreyed();
    void refreshAppliesTheDifference();
    void sortsDefaultFirst();
    void barsPaint();

private:
    NamespaceModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestNamespaceModel::init()
{
    m_model = new NamespaceModel(this);
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestNamespaceModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestNamespaceModel::showsUsageAgainstQuota()
{
    NamespaceRow ci = makeRow(u"ci"_s, 3, 10);
    ci.config.maxVcpus = 4;
    ci.config.maxMemoryMiB = 64 * 1024;
    ci.config.dedicatedHosts = {u"mac1"_s, u"mac2"_s};
    ci.config.description = u"CI runners"_s;
    m_model->setRows({makeRow(u"default"_s, 2), ci});
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), int(NamespaceModel::ColumnCount));

    const auto cell = [this](int row, int column, int role = Qt::DisplayRole) {
        return m_model->index(row, column).data(role);
    };
    // Without a quota: the count alone, no bar.
    QCOMPARE(cell(0, NamespaceModel::VmsColumn).toString(), u"2");
    QCOMPARE(cell(0, NamespaceModel::VmsColumn, NamespaceModel::UsageRole).toDouble(), -1.0);
    QVERIFY(cell(0, NamespaceModel::VmsColumn, Qt::ToolTipRole).toString().contains(u"no limit"));
    // With one: used / quota, and the bar's fill (over 1 when over the quota).
    QCOMPARE(cell(1, NamespaceModel::VmsColumn).toString(), u"3 / 10");
    QCOMPARE(cell(1, NamespaceModel::VmsColumn, NamespaceModel::UsageRole).toDouble(), 0.3);
    QCOMPARE(cell(1, NamespaceModel::VcpusColumn).toString(), u"6 / 4");
    QCOMPARE(cell(1, NamespaceModel::VcpusColumn, NamespaceModel::UsageRole).toDouble(), 1.5);
    QCOMPARE(cell(1, NamespaceModel::MemoryColumn).toString(), u"12 GiB / 64 GiB");
    QCOMPARE(cell(1, NamespaceModel::HostsColumn).toString(), u"mac1, mac2");
    QCOMPARE(cell(1, NamespaceModel::DescriptionColumn).toString(), u"CI runners");
    QCOMPARE(cell(1, NamespaceModel::DescriptionColumn, NamespaceModel::NameRole).toString(),
             u"ci");
    QCOMPARE(cell(1, NamespaceModel::VmsColumn, NamespaceModel::SortRole).toInt(), 3);
    QCOMPARE(cell(1, NamespaceModel::VmsColumn, Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignHCenter | Qt::AlignVCenter);
    QCOMPARE(NamespaceModel::usageText(5, 0), u"5");
    QCOMPARE(NamespaceModel::memoryText(0, 2048), u"0 / 2 GiB");
    QCOMPARE(NamespaceModel::memoryText(1024, 2048), u"1 GiB / 2 GiB");
}

void TestNamespaceModel::foreignNamespacesAreGreyed()
{
    m_model->setRows({makeRow(u"default"_s, 0), makeRow(u"their-team"_s, 4, 0, true)});
    const QModelIndex foreign = m_model->index(1, NamespaceModel::NameColumn);
    QVERIFY(foreign.data(NamespaceModel::ForeignRole).toBool());
    QCOMPARE(foreign.data(Qt::ForegroundRole).value<QBrush>(),
             QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text));
    QVERIFY(foreign.data(Qt::ToolTipRole)
                .toString()
                .contains(u"made by another console; no quota here"));
    // Every cell says it, not just the name.
    QVERIFY(m_model->index(1, NamespaceModel::VmsColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"another console"));
    const QModelIndex own = m_model->index(0, NamespaceModel::NameColumn);
    QVERIFY(!own.data(NamespaceModel::ForeignRole).toBool());
    QVERIFY(!own.data(Qt::ForegroundRole).isValid());
}

void TestNamespaceModel::refreshAppliesTheDifference()
{
    m_model->setRows(
        {makeRow(u"default"_s, 1), makeRow(u"a"_s, 1), makeRow(u"b"_s, 1), makeRow(u"c"_s, 1)});
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);

    // The same rows: nothing happens.
    m_model->setRows(
        {makeRow(u"default"_s, 1), makeRow(u"a"_s, 1), makeRow(u"b"_s, 1), makeRow(u"c"_s, 1)});
    QCOMPARE(inserted.size() + removed.size() + changed.size(), 0);

    // b goes, c's usage changes, d arrives: one removal, one change over the usage columns
    // only, one insertion at the end.
    m_model->setRows(
        {makeRow(u"default"_s, 1), makeRow(u"a"_s, 1), makeRow(u"c"_s, 2), makeRow(u"d"_s, 0)});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 2);
    QCOMPARE(removed.at(0).at(2).toInt(), 2);
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 2);
    QCOMPARE(bottomRight.row(), 2);
    QCOMPARE(topLeft.column(), int(NamespaceModel::VmsColumn));
    QCOMPARE(bottomRight.column(), int(NamespaceModel::MemoryColumn));
    QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(NamespaceModel::UsageRole));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 3);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(names(*m_model), (QStringList{u"default"_s, u"a"_s, u"c"_s, u"d"_s}));
    QCOMPARE(m_model->rowOf(u"c"_s), 2);
    QCOMPARE(m_model->rowAt(2).usage.vms, 2);

    // A catalog entry made for a foreign namespace turns the row into an own one.
    m_model->setRows({makeRow(u"default"_s, 1), makeRow(u"a"_s, 1), makeRow(u"c"_s, 2),
                      makeRow(u"d"_s, 0, 0, true)});
    QVERIFY(m_model->index(3, 0).data(NamespaceModel::ForeignRole).toBool());
    QCOMPARE(changed.size(), 2);

    m_model->setRows({});
    QCOMPARE(m_model->rowCount(), 0);
}

void TestNamespaceModel::sortsDefaultFirst()
{
    m_model->setRows({makeRow(u"zeta"_s, 0), makeRow(u"others"_s, 0, 0, true),
                      makeRow(u"alpha"_s, 5), makeRow(u"default"_s, 0)});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(NamespaceModel::SortRole);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(NamespaceModel::NameColumn);
    QCOMPARE(names(proxy), (QStringList{u"default"_s, u"alpha"_s, u"zeta"_s, u"others"_s}));
    proxy.sort(NamespaceModel::VmsColumn, Qt::DescendingOrder);
    QCOMPARE(names(proxy).constFirst(), u"alpha");
}

void TestNamespaceModel::barsPaint()
{
    NamespaceRow full = makeRow(u"full"_s, 10, 10);
    m_model->setRows({makeRow(u"default"_s, 2), full, makeRow(u"over"_s, 12, 10)});
    PlaceholderTreeView view;
    view.setModel(m_model);
    view.setItemDelegateForColumn(NamespaceModel::VmsColumn,
                                  new CapacityDelegate(NamespaceModel::UsageRole, &view));
    view.resize(800, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = view.viewport()->grab().toImage();
    // The bar of "over" (row 2) is drawn in the error colour somewhere in its cell.
    const QRect cell = view.visualRect(m_model->index(2, NamespaceModel::VmsColumn));
    bool red = false;
    for (int x = cell.left(); x <= cell.right() && !red; ++x) {
        for (int y = cell.top(); y <= cell.bottom() && !red; ++y) {
            const QColor c = image.pixelColor(x, y);
            red = c.red() > 150 && c.green() < 90 && c.blue() < 90;
        }
    }
    QVERIFY(red);
    // Rows are tall enough for text and bar.
    QVERIFY(cell.height() >= view.fontMetrics().height() + 8);
}

QTEST_MAIN(TestNamespaceModel)
#include "tst_namespacemodel.moc"
