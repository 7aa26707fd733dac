#include "imagemodel.h"
#include "replicabadgedelegate.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

constexpr quint64 GiB = 1024ULL * 1024 * 1024;

ImageReplica replica(qint64 hostId, ImageReplica::State state)
{
    ImageReplica r;
    r.hostId = hostId;
    r.state = state;
    return r;
}

ImageRecord makeImage(qint64 id, const QString &name, quint64 virtualSize, quint64 actualSize,
                      QList<ImageReplica> replicas = {})
{
    ImageRecord image;
    image.id = id;
    image.name = name;
    image.kind = name.endsWith(u".iso") ? u"iso"_s : u"disk"_s;
    image.format = name.endsWith(u".iso") ? u"iso"_s : u"qcow2"_s;
    image.virtualSize = virtualSize;
    image.actualSize = actualSize;
    image.replicas = std::move(replicas);
    return image;
}

QList<ImageRecord> catalog()
{
    return {
        makeImage(1, u"macos-14-base.qcow2"_s, 80 * GiB, 21 * GiB,
                  {replica(1, ImageReplica::State::Present),
                   replica(2, ImageReplica::State::Transferring)}),
        makeImage(2, u"macOS_14.iso"_s, 13 * GiB, 13 * GiB,
                  {replica(3, ImageReplica::State::Missing),
                   replica(1, ImageReplica::State::Present),
                   replica(2, ImageReplica::State::Failed)}),
        makeImage(3, u"scratch.qcow2"_s, 20 * GiB, 200 * 1024),
    };
}

QStringList namesInOrder(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, ImageModel::NameColumn).data().toString());
    return names;
}

} // namespace

class TestImageModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void columns();
    void replicaTextAndBadges();
    void diffRemovesUpdatesAndAppends();
    void diffKeepsSelectionAcrossRename();
    void unchangedCatalogEmitsNothing();
    void sortRolesAreNumeric();
    void filterRoleCoversNameDescriptionFormat();
    void editingNameRequestsRename();
    void hostNamesChangeReplicaColumn();
    void paintsBadges();

private:
    ImageModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestImageModel::init()
{
    m_model = new ImageModel(this);
    m_tester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_model->setHostNames({{1, u"lab1"_s}, {2, u"lab2"_s}, {3, u"lab3"_s}});
}

void TestImageModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestImageModel::columns()
{
    QList<ImageRecord> images = catalog();
    images[0].sha256 = u"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"_s;
    images[0].description = u"Sonoma base\nwith Xcode"_s;
    m_model->setImages(images);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(ImageModel::ColumnCount));
    const auto cell = [this](int row, int column, int role = Qt::DisplayRole) {
        return m_model->index(row, column).data(role);
    };
    QCOMPARE(cell(0, ImageModel::NameColumn).toString(), u"macos-14-base.qcow2");
    QCOMPARE(cell(0, ImageModel::KindColumn).toString(), u"Disk");
    QCOMPARE(cell(1, ImageModel::KindColumn).toString(), u"ISO");
    QCOMPARE(cell(0, ImageModel::FormatColumn).toString(), u"qcow2");
    QCOMPARE(cell(0, ImageModel::VirtualSizeColumn).toString(), u"80 GiB");
    QCOMPARE(cell(0, ImageModel::ActualSizeColumn).toString(), u"21 GiB");
    QCOMPARE(cell(2, ImageModel::ActualSizeColumn).toString(), u"200 KiB");
    // Checksum: 12 hex digits, the whole one in the tooltip; "not verified" without one.
    QCOMPARE(cell(0, ImageModel::Sha256Column).toString(), u"0123456789ab");
    QVERIFY(
        cell(0, ImageModel::Sha256Column, Qt::ToolTipRole).toString().contains(images[0].sha256));
    QCOMPARE(cell(1, ImageModel::Sha256Column).toString(), u"not verified");
    QVERIFY(cell(1, ImageModel::Sha256Column, Qt::ForegroundRole).isValid());
    QVERIFY(!cell(0, ImageModel::Sha256Column, Qt::ForegroundRole).isValid());
    // The description's first line in the table, all of it in the tooltip.
    QCOMPARE(cell(0, ImageModel::DescriptionColumn).toString(), u"Sonoma base");
    QCOMPARE(cell(0, ImageModel::DescriptionColumn, Qt::ToolTipRole).toString(),
             u"Sonoma base\nwith Xcode");
    QCOMPARE(cell(1, ImageModel::VirtualSizeColumn, ImageModel::NameRole).toString(),
             u"macOS_14.iso");
    QVERIFY(!cell(0, ImageModel::NameColumn, Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(m_model->headerData(ImageModel::ReplicasColumn, Qt::Horizontal).toString(),
             u"Replicas");
    QCOMPARE(m_model->rowOf(u"scratch.qcow2"_s), 2);
    QCOMPARE(m_model->rowOf(u"nope"_s), -1);
    QCOMPARE(m_model->names(),
             QStringList({u"macos-14-base.qcow2"_s, u"macOS_14.iso"_s, u"scratch.qcow2"_s}));
}

void TestImageModel::replicaTextAndBadges()
{
    m_model->setImages(catalog());
    // Ordered by host name, whatever order the catalog lists them in.
    QCOMPARE(m_model->index(1, ImageModel::ReplicasColumn).data().toString(),
             u"lab1 ✓ / lab2 ✗ failed / lab3 ✗ missing");
    QCOMPARE(m_model->index(0, ImageModel::ReplicasColumn).data().toString(), u"lab1 ✓ / lab2 …");
    QCOMPARE(m_model->index(2, ImageModel::ReplicasColumn).data().toString(), u"on no host");
    QCOMPARE(m_model->index(1, ImageModel::ReplicasColumn).data(Qt::ToolTipRole).toString(),
             u"lab1: present\nlab2: failed\nlab3: missing");

    const auto badges = m_model->index(1, ImageModel::ReplicasColumn)
                            .data(ImageModel::ReplicasRole)
                            .value<ReplicaBadges>();
    QCOMPARE(badges.size(), 3);
    QCOMPARE(badges.at(0), (ReplicaBadge{1, u"lab1"_s, ImageReplica::State::Present}));
    QCOMPARE(badges.at(2), (ReplicaBadge{3, u"lab3"_s, ImageReplica::State::Missing}));
    QVERIFY(!m_model->index(1, ImageModel::NameColumn).data(ImageModel::ReplicasRole).isValid());

    // A host that is gone is named by its id.
    QList<ImageRecord> images = catalog();
    images[2].replicas = {replica(9, ImageReplica::State::Present)};
    m_model->setImages(images);
    QCOMPARE(m_model->index(2, ImageModel::ReplicasColumn).data().toString(), u"host #9 ✓");
}

void TestImageModel::diffRemovesUpdatesAndAppends()
{
    QList<ImageRecord> images = catalog();
    images.append(makeImage(4, u"extra-a.img"_s, GiB, GiB));
    images.append(makeImage(5, u"extra-b.img"_s, GiB, GiB));
    m_model->setImages(images);
    QCOMPARE(m_model->rowCount(), 5);

    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);

    // Remove rows 1, 3 and 4 (two ranges), change row 2's checksum, add two new images.
    QList<ImageRecord> next = {images.at(0), images.at(2)};
    next[1].sha256 = u"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"_s;
    next.append(makeImage(6, u"new-1.qcow2"_s, GiB, GiB));
    next.append(makeImage(7, u"new-2.iso"_s, GiB, GiB));
    m_model->setImages(next);

    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.at(0).at(1).toInt(), 3); // rows 3..4 first, bottom up
    QCOMPARE(removed.at(0).at(2).toInt(), 4);
    QCOMPARE(removed.at(1).at(1).toInt(), 1);
    QCOMPARE(removed.at(1).at(2).toInt(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(inserted.at(0).at(2).toInt(), 3);
    // Only the changed cell of the changed row.
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 1);
    QCOMPARE(topLeft.column(), int(ImageModel::Sha256Column));
    QCOMPARE(bottomRight.column(), int(ImageModel::Sha256Column));
    QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(Qt::DisplayRole));

    QCOMPARE(namesInOrder(*m_model),
             QStringList(
                 {u"macos-14-base.qcow2"_s, u"scratch.qcow2"_s, u"new-1.qcow2"_s, u"new-2.iso"_s}));
    QCOMPARE(m_model->index(1, ImageModel::Sha256Column).data().toString(), u"ffffffffffff");

    // Everything gone.
    m_model->setImages({});
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(removed.size(), 3);
}

void TestImageModel::diffKeepsSelectionAcrossRename()
{
    m_model->setImages(catalog());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(ImageModel::SortRole);
    proxy.sort(ImageModel::NameColumn);
    QItemSelectionModel selection(&proxy);
    const QModelIndex iso = proxy.mapFromSource(m_model->index(1, 0));
    selection.select(iso, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QPersistentModelIndex persistent(m_model->index(1, 0));

    // The image is renamed and another one removed: the row moves, the selection follows.
    QList<ImageRecord> images = catalog();
    images[1].name = u"aaa-installer.iso"_s;
    images.removeAt(0);
    m_model->setImages(images);
    QVERIFY(persistent.isValid());
    QCOMPARE(persistent.data().toString(), u"aaa-installer.iso");
    const QModelIndexList rows = selection.selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().data().toString(), u"aaa-installer.iso");
}

void TestImageModel::unchangedCatalogEmitsNothing()
{
    m_model->setImages(catalog());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_model->setImages(catalog());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
}

void TestImageModel::sortRolesAreNumeric()
{
    QList<ImageRecord> images = {
        makeImage(1, u"a"_s, 9 * GiB, 900 * 1024 * 1024),
        makeImage(2, u"b"_s, 10 * GiB, 2 * GiB),
        makeImage(3, u"c"_s, 100 * 1024 * 1024, 3 * 1024),
    };
    m_model->setImages(images);
    const QVariant size
        = m_model->index(0, ImageModel::VirtualSizeColumn).data(ImageModel::SortRole);
    QCOMPARE(size.typeId(), QMetaType::ULongLong);
    QCOMPARE(size.toULongLong(), 9 * GiB);

    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(ImageModel::SortRole);
    // As text "10 GiB" < "100 MiB" < "9 GiB"; by value 100 MiB < 9 GiB < 10 GiB.
    proxy.sort(ImageModel::VirtualSizeColumn, Qt::AscendingOrder);
    QCOMPARE(namesInOrder(proxy), QStringList({u"c"_s, u"a"_s, u"b"_s}));
    proxy.sort(ImageModel::ActualSizeColumn, Qt::DescendingOrder);
    QCOMPARE(namesInOrder(proxy), QStringList({u"b"_s, u"a"_s, u"c"_s}));

    // Replicas sort by the number of hosts that hold the image.
    m_model->setImages(catalog());
    proxy.sort(ImageModel::ReplicasColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"scratch.qcow2");
    QCOMPARE(m_model->index(1, ImageModel::ReplicasColumn).data(ImageModel::SortRole).toInt(), 1);
}

void TestImageModel::filterRoleCoversNameDescriptionFormat()
{
    QList<ImageRecord> images = catalog();
    images[2].description = u"Throwaway disk for CI"_s;
    m_model->setImages(images);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setFilterRole(ImageModel::FilterRole);
    proxy.setFilterKeyColumn(ImageModel::NameColumn);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);

    proxy.setFilterFixedString(u"ci"_s);
    QCOMPARE(namesInOrder(proxy), QStringList({u"scratch.qcow2"_s}));
    proxy.setFilterFixedString(u"ISO"_s);
    QCOMPARE(namesInOrder(proxy), QStringList({u"macOS_14.iso"_s}));
    proxy.setFilterFixedString(u"qcow2"_s);
    QCOMPARE(proxy.rowCount(), 2);
    // Sizes and hosts are not searched.
    proxy.setFilterFixedString(u"lab1"_s);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestImageModel::editingNameRequestsRename()
{
    m_model->setImages(catalog());
    const QModelIndex name = m_model->index(0, ImageModel::NameColumn);
    QVERIFY(m_model->flags(name) & Qt::ItemIsEditable);
    QVERIFY(!(m_model->flags(m_model->index(0, ImageModel::FormatColumn)) & Qt::ItemIsEditable));
    QCOMPARE(name.data(Qt::EditRole).toString(), u"macos-14-base.qcow2");

    QSignalSpy rename(m_model, &ImageModel::renameRequested);
    m_model->setData(name, u"  sonoma-base.qcow2 "_s);
    QCOMPARE(rename.size(), 1);
    QCOMPARE(rename.at(0).at(0).toString(), u"macos-14-base.qcow2");
    QCOMPARE(rename.at(0).at(1).toString(), u"sonoma-base.qcow2");
    // The model waits for the catalog.
    QCOMPARE(name.data().toString(), u"macos-14-base.qcow2");

    m_model->setData(name, u"macos-14-base.qcow2"_s); // unchanged
    m_model->setData(name, u"   "_s); // empty
    m_model->setData(m_model->index(0, ImageModel::DescriptionColumn), u"x"_s);
    QCOMPARE(rename.size(), 1);
}

void TestImageModel::hostNamesChangeReplicaColumn()
{
    m_model->setImages(catalog());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->setHostNames({{1, u"mini-a"_s}, {2, u"lab2"_s}, {3, u"lab3"_s}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(), int(ImageModel::ReplicasColumn));
    QCOMPARE(m_model->index(0, ImageModel::ReplicasColumn).data().toString(), u"lab2 … / mini-a ✓");
    m_model->setHostNames({{1, u"mini-a"_s}, {2, u"lab2"_s}, {3, u"lab3"_s}});
    QCOMPARE(changed.size(), 1);
}

void TestImageModel::paintsBadges()
{
    m_model->setImages(catalog());
    QTreeView view;
    view.setModel(m_model);
    auto *delegate = new ReplicaBadgeDelegate(&view);
    view.setItemDelegateForColumn(ImageModel::ReplicasColumn, delegate);
    view.resize(1200, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.selectionModel()->select(m_model->index(1, 0),
                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(!view.grab().isNull());

    QStyleOptionViewItem option;
    option.initFrom(&view);
    const QSize three = delegate->sizeHint(option, m_model->index(1, ImageModel::ReplicasColumn));
    const QSize two = delegate->sizeHint(option, m_model->index(0, ImageModel::ReplicasColumn));
    QVERIFY(three.width() > two.width());
    QCOMPARE(ReplicaBadgeDelegate::badgeText(u"lab1"_s, ImageReplica::State::Present), u"lab1 ✓");
    const QPalette palette;
    QVERIFY(ReplicaBadgeDelegate::stateColor(ImageReplica::State::Present, palette)
            != ReplicaBadgeDelegate::stateColor(ImageReplica::State::Failed, palette));
    QVERIFY(ReplicaBadgeDelegate::stateColor(ImageReplica::State::Missing, palette)
            != ReplicaBadgeDelegate::stateColor(ImageReplica::State::Failed, palette));
}

QTEST_MAIN(TestImageModel)
#include "tst_imagemodel.moc"
