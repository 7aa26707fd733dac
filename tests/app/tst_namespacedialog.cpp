#include "desktopapp.h"
#include "namespacedialog.h"
#include "testfleet.h"

#include "fleet/vmconfig.h"
#include "virt/virteventloop.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>

using namespace Corral;
using namespace Qt::StringLiterals;

class TestNamespaceDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nameIsCheckedAsTyped();
    void quotasDefaultToNoLimit();
    void hostsDedicatedElsewhereAreDisabled();
    void editKeepsTheName();
    void savesThroughTheCatalog();
    void withoutFleet();

private:
    static QListWidgetItem *hostItem(const NamespaceDialog &dialog, const QString &name)
    {
        for (int row = 0; row < dialog.hostList()->count(); ++row) {
            if (dialog.hostList()->item(row)->text().startsWith(name))
                return dialog.hostList()->item(row);
        }
        return nullptr;
    }
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(dir + u'/' + name + u".png"_s));
    }

    TestFleet m_fleet;
};

void TestNamespaceDialog::initTestCase()
{
    QVERIFY(m_fleet.start({TestFleet::host(1), TestFleet::host(2), TestFleet::host(3)}));
    NamespaceConfig teamA;
    teamA.name = u"team-a"_s;
    teamA.dedicatedHosts = {u"mac1"_s};
    QVERIFY(m_fleet.wait([&](QObject *context, auto done) {
        m_fleet.catalog()->createNamespace(teamA, context, done);
    }));
    QVERIFY(m_fleet.catalog()->findNamespace(u"team-a"_s));
}

void TestNamespaceDialog::nameIsCheckedAsTyped()
{
    NamespaceDialog dialog(m_fleet.fleet(), NamespaceDialog::Mode::Create);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLineEdit *name = dialog.nameEdit();
    QVERIFY(!name->isReadOnly());
    // Nothing typed yet: OK is off, but nobody is told off.
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.nameErrorLabel()->isHidden());

    QTest::keyClicks(name, u"Team B"_s);
    QVERIFY(dialog.nameErrorLabel()->isVisible());
    QCOMPARE(dialog.nameErrorLabel()->text(), validateLabel(u"Team B"_s, u"namespace"_s));
    QVERIFY(!dialog.okButton()->isEnabled());
    saveScreenshot(&dialog, u"namespacedialog-invalid"_s);

    name->setText(u"team-a"_s);
    QVERIFY(dialog.nameErrorLabel()->text().contains(u"exists already"));
    QVERIFY(!dialog.okButton()->isEnabled());

    name->setText(u"team-b"_s);
    QVERIFY(dialog.nameErrorLabel()->isHidden());
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.okButton()->text(), u"Create");
}

void TestNamespaceDialog::quotasDefaultToNoLimit()
{
    NamespaceDialog dialog(m_fleet.fleet(), NamespaceDialog::Mode::Create);
    for (QSpinBox *spin : {dialog.maxVmsSpin(), dialog.maxVcpusSpin(), dialog.maxMemorySpin()}) {
        QCOMPARE(spin->value(), 0);
        QCOMPARE(spin->text(), u"No limit");
    }
    dialog.nameEdit()->setText(u"quota"_s);
    dialog.descriptionEdit()->setText(u"  limited  "_s);
    dialog.maxVmsSpin()->setValue(10);
    dialog.maxVcpusSpin()->setValue(40);
    dialog.maxMemorySpin()->setValue(64);
    const NamespaceConfig ns = dialog.config();
    QCOMPARE(ns.name, u"quota");
    QCOMPARE(ns.description, u"limited");
    QCOMPARE(ns.maxVms, 10);
    QCOMPARE(ns.maxVcpus, 40);
    QCOMPARE(ns.maxMemoryMiB, 64 * 1024);
    QVERIFY(ns.dedicatedHosts.isEmpty());
    QVERIFY(ns.hasQuota());
}

void TestNamespaceDialog::hostsDedicatedElsewhereAreDisabled()
{
    NamespaceDialog dialog(m_fleet.fleet(), NamespaceDialog::Mode::Create);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.hostList()->count(), 3);
    QListWidgetItem *mac1 = hostItem(dialog, u"mac1"_s);
    QListWidgetItem *mac2 = hostItem(dialog, u"mac2"_s);
    QVERIFY(mac1 && mac2);
    QVERIFY(!(mac1->flags() & Qt::ItemIsEnabled));
    QVERIFY(mac1->toolTip().contains(u"team-a"));
    QVERIFY(mac1->text().contains(u"team-a"));
    QVERIFY(mac2->flags() & Qt::ItemIsEnabled);
    QVERIFY(mac2->toolTip().isEmpty());
    saveScreenshot(&dialog, u"namespacedialog"_s);

    mac2->setCheckState(Qt::Checked);
    // A disabled host never counts, even if someone checks it.
    mac1->setCheckState(Qt::Checked);
    QCOMPARE(dialog.config().dedicatedHosts, QStringList{u"mac2"_s});
}

void TestNamespaceDialog::editKeepsTheName()
{
    NamespaceConfig teamA = *m_fleet.catalog()->findNamespace(u"team-a"_s);
    teamA.maxMemoryMiB = 1500; // set in MiB by corralctl
    NamespaceDialog dialog(m_fleet.fleet(), NamespaceDialog::Mode::Edit, teamA);
    QVERIFY(dialog.nameEdit()->isReadOnly());
    QCOMPARE(dialog.okButton()->text(), u"Save");
    QVERIFY(dialog.okButton()->isEnabled()); // its own name is not "taken"
    // Its own dedicated host is enabled and checked.
    QListWidgetItem *mac1 = hostItem(dialog, u"mac1"_s);
    QVERIFY(mac1->flags() & Qt::ItemIsEnabled);
    QCOMPARE(mac1->checkState(), Qt::Checked);
    // 1500 MiB shows as 2 GiB and stays 1500 unless changed.
    QCOMPARE(dialog.maxMemorySpin()->value(), 2);
    QCOMPARE(dialog.config().maxMemoryMiB, 1500);
    dialog.maxMemorySpin()->setValue(3);
    QCOMPARE(dialog.config().maxMemoryMiB, 3 * 1024);
    QCOMPARE(dialog.config().dedicatedHosts, QStringList{u"mac1"_s});

    // Setting up another console's namespace: created here, under its own name.
    NamespaceConfig foreign;
    foreign.name = u"their-team"_s;
    NamespaceDialog adopt(m_fleet.fleet(), NamespaceDialog::Mode::Adopt, foreign);
    QVERIFY(adopt.nameEdit()->isReadOnly());
    QVERIFY(adopt.okButton()->isEnabled());
    QCOMPARE(adopt.okButton()->text(), u"Create");
}

void TestNamespaceDialog::savesThroughTheCatalog()
{
    NamespaceDialog dialog(m_fleet.fleet(), NamespaceDialog::Mode::Create);
    dialog.nameEdit()->setText(u"team-c"_s);
    dialog.maxVmsSpin()->setValue(5);
    hostItem(dialog, u"mac3"_s)->setCheckState(Qt::Checked);
    QSignalSpy saved(&dialog, &NamespaceDialog::saved);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.okButton()->click();
    QTRY_COMPARE(accepted.size(), 1);
    QCOMPARE(saved.size(), 1);
    const auto stored = m_fleet.catalog()->findNamespace(u"team-c"_s);
    QVERIFY(stored);
    QCOMPARE(stored->maxVms, 5);
    QCOMPARE(stored->dedicatedHosts, QStringList{u"mac3"_s});
    QCOMPARE(m_fleet.catalog()->dedicationOf(u"mac3"_s), u"team-c");

    // mac3 is taken now.
    NamespaceDialog next(m_fleet.fleet(), NamespaceDialog::Mode::Create);
    QVERIFY(!(hostItem(next, u"mac3"_s)->flags() & Qt::ItemIsEnabled));

    // A refusal of the catalog stays in the dialog: creating team-c again (typed before the
    // catalog knew it) fails there.
    NamespaceConfig again;
    again.name = u"team-c"_s;
    NamespaceDialog duplicate(m_fleet.fleet(), NamespaceDialog::Mode::Adopt, again);
    duplicate.show();
    QSignalSpy duplicateAccepted(&duplicate, &QDialog::accepted);
    duplicate.okButton()->click();
    QTRY_VERIFY(duplicate.resultErrorLabel()->isVisible());
    QVERIFY(!duplicate.resultErrorLabel()->text().isEmpty());
    QCOMPARE(duplicateAccepted.size(), 0);
    QVERIFY(duplicate.okButton()->isEnabled());
}

void TestNamespaceDialog::withoutFleet()
{
    NamespaceDialog dialog(nullptr, NamespaceDialog::Mode::Create);
    QCOMPARE(dialog.hostList()->count(), 1); // "No hosts yet"
    QVERIFY(!(dialog.hostList()->item(0)->flags() & Qt::ItemIsEnabled));
    dialog.nameEdit()->setText(u"solo"_s);
    QSignalSpy saved(&dialog, &NamespaceDialog::saved);
    dialog.accept();
    QCOMPARE(saved.size(), 1);
    QVERIFY(saved.at(0).at(0).value<NamespaceConfig>().dedicatedHosts.isEmpty());
}

int main(int argc, char *argv[])
{
    // Fleet runs libvirt's event loop, which must not share GLib with Qt's dispatcher.
    VirtEventLoop::prepareProcess();
    QApplication app(argc, argv);
    DesktopApp::installTranslators(&app, QLocale(QLocale::English));
    TestNamespaceDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_namespacedialog.moc"
