#include "configmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

VmConfig makeConfig(const QString &name, int vcpus = 2)
{
    VmConfig config;
    config.name = name;
    config.image = u"debian-12.qcow2"_s;
    config.vcpus = vcpus;
    config.memoryMiB = 4096;
    return config;
}

} // namespace

class TestConfigModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEveryField();
    void appliesTheDifference();
    void sortsNumerically();
};

void TestConfigModel::showsEveryField()
{
    ConfigModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    VmConfig mac = makeConfig(u"macos-14"_s, 8);
    mac.profile = GuestProfile::MacOS;
    mac.image = u"macos-14.qcow2"_s;
    mac.memoryMiB = 16384;
    mac.diskGiB = 120;
    mac.hostTag = u"m2"_s;
    mac.tagRequired = true;
    mac.ports = {22, 5900};
    mac.description = u"Xcode builds"_s;
    VmConfig linux = makeConfig(u"runner"_s);
    linux.hostTag = u"fast"_s;
    model.setConfigs({mac, linux});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ConfigModel::ColumnCount));
    const auto text = [&model](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(0, ConfigModel::NameColumn), u"macos-14");
    QCOMPARE(text(0, ConfigModel::ProfileColumn), guestProfileLabel(GuestProfile::MacOS));
    QCOMPARE(text(0, ConfigModel::ImageColumn), u"macos-14.qcow2");
    QCOMPARE(text(0, ConfigModel::VcpusColumn), u"8");
    QCOMPARE(text(0, ConfigModel::MemoryColumn), u"16 GiB");
    QCOMPARE(text(0, ConfigModel::DiskColumn), u"120 GiB");
    QCOMPARE(text(0, ConfigModel::TagColumn), u"m2 (required)");
    QCOMPARE(text(0, ConfigModel::PortsColumn), u"22, 5900");
    QCOMPARE(text(0, ConfigModel::DescriptionColumn), u"Xcode builds");
    // Disk 0 is the image's size; a tag without "required" is a preference.
    QCOMPARE(text(1, ConfigModel::DiskColumn), u"Image size");
    QCOMPARE(text(1, ConfigModel::TagColumn), u"fast (preferred)");
    QVERIFY(text(1, ConfigModel::PortsColumn).isEmpty());
    QCOMPARE(model.index(1, ConfigModel::ImageColumn).data(ConfigModel::NameRole).toString(),
             u"runner");
    QVERIFY(!model.index(0, ConfigModel::NameColumn).data(Qt::DecorationRole).isNull());
    QVERIFY(model.index(0, ConfigModel::TagColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"only onto hosts tagged m2"));
    QCOMPARE(model.names(), (QStringList{u"macos-14"_s, u"runner"_s}));
}

void TestConfigModel::appliesTheDifference()
{
    ConfigModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConfigs({makeConfig(u"a"_s), makeConfig(u"b"_s), makeConfig(u"c"_s)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    // Fields no cell shows change no cell, but the row holds them (the editor opens with it).
    VmConfig touched = makeConfig(u"b"_s);
    touched.modified = QDateTime::currentDateTimeUtc();
    touched.guestUser = u"admin"_s;
    model.setConfigs({makeConfig(u"a"_s), touched, makeConfig(u"c"_s)});
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.rowAt(1).guestUser, u"admin");
    QCOMPARE(model.rowAt(1).modified, touched.modified);

    // b's vCPUs: one change, over that cell only.
    model.setConfigs({makeConfig(u"a"_s), makeConfig(u"b"_s, 6), makeConfig(u"c"_s)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(1, ConfigModel::VcpusColumn));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(1, ConfigModel::VcpusColumn));

    // a and c go at once: removals from the bottom, one per range.
    model.setConfigs({makeConfig(u"b"_s, 6), makeConfig(u"new"_s)});
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.at(0).at(1).toInt(), 2);
    QCOMPARE(removed.at(1).at(1).toInt(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.names(), (QStringList{u"b"_s, u"new"_s}));
}

void TestConfigModel::sortsNumerically()
{
    ConfigModel model;
    VmConfig big = makeConfig(u"big"_s, 16);
    big.memoryMiB = 32768;
    VmConfig small = makeConfig(u"small"_s, 2);
    small.memoryMiB = 2048;
    VmConfig mid = makeConfig(u"mid"_s, 4);
    mid.memoryMiB = 16384;
    model.setConfigs({big, small, mid});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ConfigModel::SortRole);
    proxy.sort(ConfigModel::MemoryColumn);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"small");
    QCOMPARE(proxy.index(2, 0).data().toString(), u"big");
    proxy.sort(ConfigModel::VcpusColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"big");
}

QTEST_MAIN(TestConfigModel)
#include "tst_configmodel.moc"
