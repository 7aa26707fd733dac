// The "Forward ports…" dialog against a real Fleet on libvirt's test driver (test:///default,
// one VM "test"). That host is not reached over SSH, so every forward to it fails, which the
// dialog must show in the forward's row.
#include "fleet/fleet.h"
#include "fleet/remoteaccess.h"
#include "portforwarddialog.h"
#include "store/storeservice.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Corral;
using namespace Qt::StringLiterals;

class TestPortForwardDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void presetsPopulateTheTargetCombo();
    void failedForwardShowsItsError();
    void duplicateLocalPortIsRefused();
    void enterAddsAndEscapeCloses();
    void customPortTarget();
    void removeRemovesTheRows();
    void otherVmsAreNotShown();
    void allInterfacesWarns();
    void copyAddress();
    void quickButtons();

private:
    struct Ui
    {
        QTreeView *view;
        QComboBox *target;
        QSpinBox *guestPort;
        QSpinBox *localPort;
        QComboBox *bind;
        QLabel *addError;
        QPushButton *add;
    };
    static Ui ui(PortForwardDialog &dialog)
    {
        Ui u{dialog.findChild<QTreeView *>(u"forwardView"_s),
             dialog.findChild<QComboBox *>(u"targetCombo"_s),
             dialog.findChild<QSpinBox *>(u"guestPortSpin"_s),
             dialog.findChild<QSpinBox *>(u"localPortSpin"_s),
             dialog.findChild<QComboBox *>(u"bindCombo"_s),
             dialog.findChild<QLabel *>(u"addError"_s),
             dialog.findChild<QPushButton *>(u"addButton"_s)};
        return u;
    }
    static QString cell(QTreeView *view, int row, int column, int role = Qt::DisplayRole)
    {
        return view->model()->index(row, column).data(role).toString();
    }
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(dir + u'/' + name + u".png"_s));
    }
    RemoteAccess *remote() { return m_fleet->remote(); }

    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<Fleet> m_fleet;
    VmKey m_vm;
};

void TestPortForwardDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<StoreService>(m_dir.filePath(u"corral.sqlite"_s));
    m_fleet = std::make_unique<Fleet>(m_store.get());
    HostConfig config;
    config.name = u"t1"_s;
    config.uri = u"test:///default"_s;
    std::optional<Result<HostConfig>> added;
    m_fleet->addHost(config, [&added](Result<HostConfig> r) { added = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(added.has_value(), 10000);
    QVERIFY2(*added, qPrintable(added->error().message));
    QTRY_VERIFY_WITH_TIMEOUT(m_fleet->resolveVm(u"test"_s).has_value(), 10000);
    const VmInfo vm = *m_fleet->resolveVm(u"test"_s);
    m_vm = {vm.hostId, vm.uuid};
}

void TestPortForwardDialog::cleanup()
{
    const QList<PortForward> forwards = remote()->forwards();
    for (const PortForward &f : forwards)
        remote()->removeForward(f.id);
}

void TestPortForwardDialog::cleanupTestCase()
{
    m_fleet.reset();
    m_store.reset();
}

void TestPortForwardDialog::presetsPopulateTheTargetCombo()
{
    PortForwardDialog dialog(m_fleet.get(), m_vm);
    QCOMPARE(dialog.windowTitle(), u"Port Forwards — test");
    const Ui u = ui(dialog);
    QVERIFY(u.view && u.target && u.guestPort && u.localPort && u.bind && u.addError && u.add);

    const auto presets = RemoteAccess::presets();
    QCOMPARE(presets.size(), 3);
    QCOMPARE(u.target->count(), presets.size() + 1);
    for (int i = 0; i < presets.size(); ++i) {
        QCOMPARE(u.target->itemText(i), presets.at(i).label);
        QCOMPARE(u.target->itemData(i).toInt(), int(presets.at(i).guestPort));
    }
    QCOMPARE(u.target->itemText(presets.size()), u"Custom port…");
    QCOMPARE(u.target->currentIndex(), 0);
    QVERIFY(!u.guestPort->isEnabled());

    // Custom enables the guest port; a preset disables it again.
    u.target->setCurrentIndex(presets.size());
    QVERIFY(u.guestPort->isEnabled());
    QCOMPARE(u.guestPort->minimum(), 1);
    QCOMPARE(u.guestPort->maximum(), 65535);
    u.target->setCurrentIndex(1);
    QVERIFY(!u.guestPort->isEnabled());

    // "Any free port" is the local port's default.
    QCOMPARE(u.localPort->value(), 0);
    QCOMPARE(u.localPort->text(), u"Any free port");
    QCOMPARE(u.bind->currentData().toString(), u"127.0.0.1");
}

void TestPortForwardDialog::failedForwardShowsItsError()
{
    PortForwardDialog dialog(m_fleet.get(), m_vm);
    const Ui u = ui(dialog);
    QAbstractItemModelTester tester(u.view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(u.view->model()->rowCount(), 0);
    QCOMPARE(u.view->model()->columnCount(), int(PortForwardDialog::ColumnCount));

    QSignalSpy changed(remote(), &RemoteAccess::forwardChanged);
    u.localPort->setValue(2222);
    QTest::mouseClick(u.add, Qt::LeftButton);
    QCOMPARE(remote()->forwards().size(), 1);
    const quint64 id = remote()->forwards().constFirst().id;
    QCOMPARE(remote()->forwards().constFirst().guestPort, 22);
    QCOMPARE(remote()->forwards().constFirst().localPort, 2222);
    QCOMPARE(u.view->model()->rowCount(), 1);

    QTRY_COMPARE(remote()->forward(id)->status, PortForward::Status::Failed);
    QVERIFY(!changed.isEmpty());
    const QString error = remote()->forward(id)->error;
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(u"SSH"), qPrintable(error)); // "t1 is not a host Corral reaches over SSH …"
    QTRY_COMPARE(cell(u.view, 0, PortForwardDialog::StatusColumn), u"Failed: " + error);
    QCOMPARE(cell(u.view, 0, PortForwardDialog::StatusColumn, Qt::ToolTipRole), error);
    QCOMPARE(u.view->model()
                 ->index(0, PortForwardDialog::StatusColumn)
                 .data(PortForwardDialog::StatusRole)
                 .toInt(),
             int(PortForward::Status::Failed));
    QVERIFY(!u.view->model()
                 ->index(0, PortForwardDialog::StatusColumn)
                 .data(Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    QCOMPARE(cell(u.view, 0, PortForwardDialog::LocalAddressColumn), u"127.0.0.1:2222");
    QCOMPARE(cell(u.view, 0, PortForwardDialog::TargetColumn), u"SSH (22)");
    QCOMPARE(cell(u.view, 0, PortForwardDialog::RouteColumn), u"—");
    QCOMPARE(u.view->model()->index(0, 0).data(PortForwardDialog::ForwardIdRole).toULongLong(), id);
    // The new row is selected and its full error is shown under the table.
    QCOMPARE(dialog.selectedForwards(), QList<quint64>{id});
    auto *detail = dialog.findChild<QLabel *>(u"detailLabel"_s);
    QVERIFY(detail);
    QVERIFY2(detail->text().contains(error), qPrintable(detail->text()));
    // The core's error went into the row, not into the add area.
    QVERIFY(u.addError->isHidden());
    // After an add the local port is free to choose again.
    QCOMPARE(u.localPort->value(), 0);
}

void TestPortForwardDialog::duplicateLocalPortIsRefused()
{
    PortForwardDialog dialog(m_fleet.get(), m_vm);
    dialog.show();
    const Ui u = ui(dialog);
    QVERIFY(dialog.addForward(22, 2222) != 0);
    QCOMPARE(u.view->model()->rowCount(), 1);

    // The same explicit local port for another target: refused inline, nothing added.
    u.target->setCurrentIndex(2); // Screen Sharing
    u.localPort->setValue(2222);
    QTest::mouseClick(u.add, Qt::LeftButton);
    QCOMPARE(remote()->forwards().size(), 1);
    QCOMPARE(u.view->model()->rowCount(), 1);
    QVERIFY(u.addError->isVisible());
    QVERIFY2(u.addError->text().contains(u"2222"), qPrintable(u.addError->text()));
    QVERIFY2(u.addError->text().contains(u"SSH (22)"), qPrintable(u.addError->text()));
    QCOMPARE(u.localPort->value(), 2222); // kept, so the user can change it
    saveScreenshot(&dialog, u"portforwards-conflict"_s);

    // Listening on all interfaces overlaps 127.0.0.1 too.
    u.bind->setCurrentIndex(u.bind->findData(u"0.0.0.0"_s));
    QVERIFY(u.addError->isHidden()); // editing clears the old complaint
    QTest::mouseClick(u.add, Qt::LeftButton);
    QVERIFY(u.addError->isVisible());
    QCOMPARE(remote()->forwards().size(), 1);

    // ::1 is a different address: the same port is fine there.
    u.bind->setCurrentIndex(u.bind->findData(u"::1"_s));
    u.localPort->setValue(2222);
    QTest::mouseClick(u.add, Qt::LeftButton);
    QVERIFY(u.addError->isHidden());
    QCOMPARE(remote()->forwards().size(), 2);
    QCOMPARE(cell(u.view, 1, PortForwardDialog::LocalAddressColumn), u"[::1]:2222");

    // Any free port never conflicts.
    QVERIFY(dialog.addForward(22) != 0);
    QVERIFY(dialog.addForward(22) != 0);
    QCOMPARE(u.view->model()->rowCount(), 4);
    QCOMPARE(cell(u.view, 3, PortForwardDialog::LocalAddressColumn), u"127.0.0.1, any free port");
}

void TestPortForwardDialog::enterAddsAndEscapeCloses()
{
    PortForwardDialog dialog(m_fleet.get(), m_vm);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const Ui u = ui(dialog);
    u.localPort->setFocus();
    u.localPort->selectAll();
    QTest::keyClicks(u.localPort, u"4022"_s);
    QTest::keyClick(u.localPort, Qt::Key_Return);
    QCOMPARE(remote()->forwards().size(), 1);
    QCOMPARE(remote()->forwards().constFirst().localPort, 4022);
    QCOMPARE(u.view->model()->rowCount(), 1);

    // Enter on the table does not add (it copies the address).
    u.view->setFocus();
    QTest::keyClick(u.view, Qt::Key_Return);
    QCOMPARE(remote()->forwards().size(), 1);

    QTest::keyClick(u.target, Qt::Key_Enter);
    QCOMPARE(remote()->forwards().size(), 2);

    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    // Closing the dialog leaves the forwards running.
    QCOMPARE(remote()->forwards().size(), 2);
}

void TestPortForwardDialog::customPortTarget()
{
    PortForwardDialog dialog(m_fleet.get(), m_vm);
    const Ui u = ui(dialog);
    u.target->setCurrentIndex(u.target->count() - 1);
    QVERIFY(u.guestPort->isEnabled());
    u.guestPort->setValue(8081);
    QTest::mouseClick(u.add, Qt::LeftButton);
    QCOMPARE(remote()->forwards().size(), 1);
    QCOMPARE(remote()->forwards().constFirst().guestPort, 8081);
    QCOMPARE(cell(u.view, 0, PortForwardDialog::TargetColumn), u"8081");

    // The VNC console preset is guest port 0.
    u.target->setCurrentIndex(u.target->findData(0));
    QTest::mouseClick(u.add, Qt::LeftButton);
    QCOMPARE(remote()->forwards().size(), 2);
    QCOMPARE(remote()->forwards().constLast().guestPort, 0);
    QCOMPARE(cell(u.view, 1, PortForwardDialog::TargetColumn), u"VNC Console");
}

void TestPortForwardDialog::removeRemovesTheRows()
{
    PortForwardDialog dialog(m_fleet.get(), m_vm);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const Ui u = ui(dialog);
    QAbstractItemModelTester tester(u.view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *remove = dialog.findChild<QPushButton *>(u"removeButton"_s);
    QVERIFY(remove);
    const quint64 first = dialog.addForward(22, 2201);
    const quint64 second = dialog.addForward(5900, 2202);
    const quint64 third = dialog.addForward(0, 2203);
    QVERIFY(first && second && third);
    QCOMPARE(u.view->model()->rowCount(), 3);

    u.view->clearSelection();
    QVERIFY(!remove->isEnabled());
    u.view->selectionModel()->select(u.view->model()->index(1, 0),
                                     QItemSelectionModel::ClearAndSelect
                                         | QItemSelectionModel::Rows);
    QVERIFY(remove->isEnabled());
    QCOMPARE(dialog.selectedForwards(), QList<quint64>{second});
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(u.view->model()->rowCount(), 2);
    QVERIFY(!remote()->forward(second));
    QCOMPARE(cell(u.view, 0, PortForwardDialog::LocalAddressColumn), u"127.0.0.1:2201");
    QCOMPARE(cell(u.view, 1, PortForwardDialog::LocalAddressColumn), u"127.0.0.1:2203");

    // Del removes every selected forward.
    u.view->setFocus();
    u.view->selectAll();
    QCOMPARE(dialog.selectedForwards().size(), 2);
    QTest::keyClick(u.view, Qt::Key_Delete);
    QCOMPARE(u.view->model()->rowCount(), 0);
    QVERIFY(remote()->forwards().isEmpty());

    // Removal from elsewhere (the CLI, a host removed) shows as well.
    const quint64 fourth = dialog.addForward(22);
    QCOMPARE(u.view->model()->rowCount(), 1);
    remote()->removeForward(fourth);
    QCOMPARE(u.view->model()->rowCount(), 0);
}

void TestPortForwardDialog::otherVmsAreNotShown()
{
    PortForwardDialog dialog(m_fleet.get(), m_vm);
    const Ui u = ui(dialog);
    QAbstractItemModelTester tester(u.view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const VmKey other{m_vm.hostId, QUuid::createUuid()};
    const quint64 otherId = remote()->addForward(other, 3333, 22);
    QTRY_COMPARE(remote()->forward(otherId)->status, PortForward::Status::Failed);
    QCOMPARE(u.view->model()->rowCount(), 0);

    QVERIFY(dialog.addForward(22) != 0);
    QCOMPARE(u.view->model()->rowCount(), 1);
    QCOMPARE(remote()->forwards().size(), 2);

    // Its local port is still taken, though.
    u.localPort->setValue(3333);
    QTest::mouseClick(u.add, Qt::LeftButton);
    QVERIFY(!u.addError->text().isEmpty());
    QVERIFY2(u.addError->text().contains(u"3333"), qPrintable(u.addError->text()));
    QCOMPARE(remote()->forwards().size(), 2);

    // A dialog opened now does not pick it up either.
    PortForwardDialog later(m_fleet.get(), m_vm);
    QCOMPARE(ui(later).view->model()->rowCount(), 1);
    PortForwardDialog forOther(m_fleet.get(), other);
    QCOMPARE(ui(forOther).view->model()->rowCount(), 1);
    QCOMPARE(cell(ui(forOther).view, 0, PortForwardDialog::LocalAddressColumn), u"127.0.0.1:3333");
}

void TestPortForwardDialog::allInterfacesWarns()
{
    PortForwardDialog dialog(m_fleet.get(), m_vm);
    dialog.show();
    const Ui u = ui(dialog);
    auto *warning = dialog.findChild<QLabel *>(u"bindWarning"_s);
    QVERIFY(warning);
    QVERIFY(warning->isHidden());
    u.bind->setCurrentIndex(u.bind->findData(u"0.0.0.0"_s));
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(u"network"));
    saveScreenshot(&dialog, u"portforwards-all-interfaces"_s);

    QTest::mouseClick(u.add, Qt::LeftButton);
    QCOMPARE(remote()->forwards().size(), 1);
    QCOMPARE(remote()->forwards().constFirst().bindAddress, QHostAddress(QHostAddress::AnyIPv4));

    u.bind->setCurrentIndex(u.bind->findData(u"::1"_s));
    QVERIFY(warning->isHidden());
}

void TestPortForwardDialog::copyAddress()
{
    QCOMPARE(PortForwardDialog::clientAddress(QHostAddress(QHostAddress::LocalHost), 2222),
             u"127.0.0.1:2222");
    QCOMPARE(PortForwardDialog::clientAddress(QHostAddress(QHostAddress::LocalHostIPv6), 80),
             u"[::1]:80");
    QCOMPARE(PortForwardDialog::clientAddress(QHostAddress(QHostAddress::AnyIPv4), 5901),
             u"127.0.0.1:5901");

    PortForwardDialog dialog(m_fleet.get(), m_vm);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const Ui u = ui(dialog);
    auto *copy = dialog.findChild<QPushButton *>(u"copyButton"_s);
    QVERIFY(copy);
    QGuiApplication::clipboard()->clear();

    QVERIFY(dialog.addForward(22, 2222) != 0);
    QVERIFY(dialog.addForward(0, 0) != 0);
    QVERIFY(dialog.addForward(5900, 5901, QHostAddress(QHostAddress::LocalHostIPv6)) != 0);
    QCOMPARE(u.view->model()->rowCount(), 3);

    // Double-click on the first row.
    const QRect rect = u.view->visualRect(u.view->model()->index(0, 0));
    QVERIFY(rect.isValid());
    // QTest's widget double-click is the second click only: the view needs the first.
    QTest::mouseClick(u.view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(u.view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(QGuiApplication::clipboard()->text(), u"127.0.0.1:2222");

    // The button copies the current row; a row without a port has nothing to copy.
    u.view->setCurrentIndex(u.view->model()->index(1, 0));
    QVERIFY(!copy->isEnabled());
    u.view->setCurrentIndex(u.view->model()->index(2, 0));
    QVERIFY(copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"[::1]:5901");
}

void TestPortForwardDialog::quickButtons()
{
    PortForwardDialog dialog(m_fleet.get(), m_vm);
    const Ui u = ui(dialog);
    // Quick forwards ignore the add area's choices: any free port on 127.0.0.1.
    u.bind->setCurrentIndex(u.bind->findData(u"0.0.0.0"_s));
    u.localPort->setValue(7000);
    for (const auto &preset : RemoteAccess::presets()) {
        auto *button
            = dialog.findChild<QPushButton *>(u"quickForward" + QString::number(preset.guestPort));
        QVERIFY2(button, qPrintable(preset.label));
        QTest::mouseClick(button, Qt::LeftButton);
    }
    const QList<PortForward> forwards = remote()->forwards();
    QCOMPARE(forwards.size(), 3);
    for (int i = 0; i < forwards.size(); ++i) {
        QCOMPARE(forwards.at(i).guestPort, RemoteAccess::presets().at(i).guestPort);
        QCOMPARE(forwards.at(i).localPort, 0);
        QCOMPARE(forwards.at(i).bindAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(cell(u.view, i, PortForwardDialog::TargetColumn),
                 RemoteAccess::presets().at(i).label);
    }
    saveScreenshot(&dialog, u"portforwards"_s);
}

QTEST_MAIN(TestPortForwardDialog)
#include "tst_portforwarddialog.moc"
