#include "uploaddialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

constexpr quint64 GiB = 1024ULL * 1024 * 1024;

HostInfo makeHost(qint64 id, const QString &name, HostState state)
{
    HostInfo host;
    host.config.id = id;
    host.config.name = name;
    host.state = state;
    return host;
}

QString suggest(const QString &path)
{
    QString name = path.section(u'/', -1);
    name.replace(u' ', u'_');
    return name;
}

// A probe that answers at once: qcow2 for *.qcow2, ISO for *.iso, an error for *.vmdk.
void probeNow(const QString &path, QObject *, std::function<void(Result<ImageProbe>)> done)
{
    if (path.endsWith(u".vmdk")) {
        done(fail(ErrorCode::Unsupported,
                  u"VMDK images are not supported: convert it with qemu-img convert -O qcow2."_s));
        return;
    }
    ImageProbe probe;
    if (path.endsWith(u".iso")) {
        probe.format = ImageProbe::Format::Iso;
        probe.kind = ImageProbe::Kind::Iso;
        probe.virtualSize = probe.fileSize = 13 * GiB;
    } else {
        probe.format = ImageProbe::Format::Qcow2;
        probe.virtualSize = 20 * GiB;
        probe.fileSize = 3 * GiB + GiB / 10;
    }
    done(probe);
}

UploadDialog::Backend backend(QStringList existing = {})
{
    UploadDialog::Backend b;
    b.existingNames = std::move(existing);
    b.hosts = {makeHost(1, u"lab1"_s, HostState::Connected),
               makeHost(2, u"lab2"_s, HostState::Connected),
               makeHost(3, u"lab3"_s, HostState::Offline)};
    b.suggestName = suggest;
    b.probe = probeNow;
    return b;
}

QListWidgetItem *hostItem(const UploadDialog &dialog, const QString &name)
{
    const QList<QListWidgetItem *> items = dialog.hostList()->findItems(name, Qt::MatchStartsWith);
    return items.isEmpty() ? nullptr : items.first();
}

} // namespace

class TestUploadDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleFileSuggestsAndDescribes();
    void nameValidationDrivesUpload();
    void duplicateOfCatalogName();
    void duplicatesAmongFiles();
    void probeErrorLeavesFileOut();
    void asyncProbeShowsChecking();
    void hostsAllConnectedByDefault();
    void hostsPreselected();
    void noHostCheckedDisablesUpload();
    void uploadSendsRequestsAndCloses();
    void uploadErrorKeepsDialogOpen();
    void describe_data();
    void describe();
    void localFilePaths();

private:
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(dir + u'/' + name + u".png"_s));
    }
};

void TestUploadDialog::singleFileSuggestsAndDescribes()
{
    UploadDialog dialog({u"/images/macOS 14.qcow2"_s}, {}, backend());
    dialog.show();
    QCOMPARE(dialog.fileCount(), 1);
    QCOMPARE(dialog.windowTitle(), u"Upload Image");
    QCOMPARE(dialog.nameEdit(0)->text(), u"macOS_14.qcow2");
    QCOMPARE(dialog.detectedLabel(0)->text(), u"qcow2 disk, 20 GiB virtual, 3.1 GiB file");
    QVERIFY(dialog.nameErrorLabel()->isHidden());
    QVERIFY(dialog.uploadButton()->isEnabled());
    QCOMPARE(dialog.uploadButton()->text(), u"Upload");
    saveScreenshot(&dialog, u"uploaddialog"_s);
}

void TestUploadDialog::nameValidationDrivesUpload()
{
    UploadDialog dialog({u"/images/base.qcow2"_s}, {}, backend());
    dialog.show();
    QLineEdit *name = dialog.nameEdit(0);
    QVERIFY(dialog.uploadButton()->isEnabled());

    name->clear();
    QTest::keyClicks(name, u"bad name"_s);
    QVERIFY(!dialog.uploadButton()->isEnabled());
    QVERIFY(dialog.nameErrorLabel()->isVisible());
    QCOMPARE(dialog.nameErrorLabel()->text(), ImageProbes::validateName(u"bad name"_s));
    QCOMPARE(dialog.nameError(0), ImageProbes::validateName(u"bad name"_s));
    saveScreenshot(&dialog, u"uploaddialog-invalid"_s);

    name->clear();
    QVERIFY(!dialog.uploadButton()->isEnabled());
    QTest::keyClicks(name, u"good-name.qcow2"_s);
    QVERIFY(dialog.nameErrorLabel()->isHidden());
    QVERIFY(dialog.uploadButton()->isEnabled());

    name->setText(u".."_s);
    QVERIFY(!dialog.uploadButton()->isEnabled());
    name->setText(QString(65, u'a')); // the field stops at the 64 characters a name may have
    QCOMPARE(name->text().size(), 64);
    QVERIFY(dialog.uploadButton()->isEnabled());
}

void TestUploadDialog::duplicateOfCatalogName()
{
    UploadDialog dialog({u"/images/base.qcow2"_s}, {}, backend({u"base.qcow2"_s, u"other"_s}));
    dialog.show();
    QVERIFY(!dialog.uploadButton()->isEnabled());
    QVERIFY(dialog.nameErrorLabel()->isVisible());
    QVERIFY(dialog.nameErrorLabel()->text().contains(u"already has an image named base.qcow2"));

    QTest::keyClicks(dialog.nameEdit(0), u"-2"_s);
    QCOMPARE(dialog.nameEdit(0)->text(), u"base.qcow2-2");
    QVERIFY(dialog.nameErrorLabel()->isHidden());
    QVERIFY(dialog.uploadButton()->isEnabled());
}

void TestUploadDialog::duplicatesAmongFiles()
{
    UploadDialog dialog({u"/a/disk.qcow2"_s, u"/b/disk.qcow2"_s, u"/c/installer.iso"_s}, {},
                        backend());
    dialog.show();
    QCOMPARE(dialog.fileCount(), 3);
    QVERIFY(dialog.windowTitle().startsWith(u"Upload 3 Image"));
    QVERIFY(!dialog.nameError(0).isEmpty());
    QVERIFY(!dialog.nameError(1).isEmpty());
    QVERIFY(dialog.nameError(2).isEmpty());
    QVERIFY(!dialog.uploadButton()->isEnabled());
    QVERIFY(dialog.nameErrorLabel()->text().contains(u"disk.qcow2: Another file"));
    QCOMPARE(dialog.detectedLabel(2)->text(), u"ISO image, 13 GiB");
    saveScreenshot(&dialog, u"uploaddialog-several"_s);

    QTest::keyClicks(dialog.nameEdit(1), u"-b"_s);
    QVERIFY(dialog.nameError(0).isEmpty());
    QVERIFY(dialog.nameError(1).isEmpty());
    QVERIFY(dialog.uploadButton()->isEnabled());

    const QList<ImageLibrary::UploadRequest> requests = dialog.requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(1).path, u"/b/disk.qcow2");
    QCOMPARE(requests.at(1).name, u"disk.qcow2-b");
    QCOMPARE(requests.at(1).hostIds, (QList<qint64>{1, 2}));
}

void TestUploadDialog::probeErrorLeavesFileOut()
{
    // Both files would be called "disk": the one that cannot be uploaded does not count.
    UploadDialog::Backend b = backend();
    b.suggestName = [](const QString &) {
        return u"disk"_s;
    };
    UploadDialog dialog({u"/a/disk.vmdk"_s, u"/b/disk.qcow2"_s}, {}, b);
    dialog.show();
    QVERIFY(!dialog.isFileEnabled(0));
    QVERIFY(dialog.isFileEnabled(1));
    QVERIFY(dialog.detectedLabel(0)->text().contains(u"VMDK"));
    QVERIFY(!dialog.nameEdit(0)->isEnabled());
    QVERIFY(dialog.nameError(1).isEmpty());
    QVERIFY(dialog.uploadButton()->isEnabled());
    QCOMPARE(dialog.requests().size(), 1);

    // Only unusable files: nothing to upload.
    UploadDialog only({u"/a/disk.vmdk"_s}, {}, backend());
    QVERIFY(!only.uploadButton()->isEnabled());
}

void TestUploadDialog::asyncProbeShowsChecking()
{
    std::function<void(Result<ImageProbe>)> answer;
    UploadDialog::Backend b = backend();
    b.probe = [&answer](const QString &, QObject *, std::function<void(Result<ImageProbe>)> done) {
        answer = std::move(done);
    };
    UploadDialog dialog({u"/images/base.qcow2"_s}, {}, b);
    dialog.show();
    QCOMPARE(dialog.detectedLabel(0)->text(), u"Checking…");
    QVERIFY(!dialog.uploadButton()->isEnabled()); // not known to be an image yet
    QVERIFY(answer);
    probeNow(u"/images/base.qcow2"_s, nullptr, answer);
    QCOMPARE(dialog.detectedLabel(0)->text(), u"qcow2 disk, 20 GiB virtual, 3.1 GiB file");
    QVERIFY(dialog.uploadButton()->isEnabled());
}

void TestUploadDialog::hostsAllConnectedByDefault()
{
    UploadDialog dialog({u"/images/base.qcow2"_s}, {}, backend());
    QCOMPARE(dialog.hostList()->count(), 3);
    QCOMPARE(dialog.checkedHostIds(), (QList<qint64>{1, 2}));
    QListWidgetItem *offline = hostItem(dialog, u"lab3"_s);
    QVERIFY(offline);
    QVERIFY(!(offline->flags() & Qt::ItemIsEnabled));
    QCOMPARE(offline->checkState(), Qt::Unchecked);
    QCOMPARE(offline->text(), u"lab3 (Offline)");
}

void TestUploadDialog::hostsPreselected()
{
    UploadDialog dialog({u"/images/base.qcow2"_s}, {2}, backend());
    QCOMPARE(dialog.checkedHostIds(), QList<qint64>{2});
    QCOMPARE(hostItem(dialog, u"lab1"_s)->checkState(), Qt::Unchecked);

    // A preselected host that is offline (files dropped on it) cannot receive them; the
    // dialog does not pick other hosts instead: the user chooses.
    UploadDialog offline({u"/images/base.qcow2"_s}, {3}, backend());
    offline.show();
    QVERIFY(offline.checkedHostIds().isEmpty());
    QVERIFY(!offline.uploadButton()->isEnabled());
    hostItem(offline, u"lab1"_s)->setCheckState(Qt::Checked);
    QCOMPARE(offline.checkedHostIds(), QList<qint64>{1});
    QVERIFY(offline.uploadButton()->isEnabled());
}

void TestUploadDialog::noHostCheckedDisablesUpload()
{
    UploadDialog dialog({u"/images/base.qcow2"_s}, {1}, backend());
    dialog.show();
    QVERIFY(dialog.uploadButton()->isEnabled());
    hostItem(dialog, u"lab1"_s)->setCheckState(Qt::Unchecked);
    QVERIFY(!dialog.uploadButton()->isEnabled());
    hostItem(dialog, u"lab2"_s)->setCheckState(Qt::Checked);
    QVERIFY(dialog.uploadButton()->isEnabled());

    // No connected host at all: say so.
    UploadDialog::Backend b = backend();
    b.hosts = {makeHost(3, u"lab3"_s, HostState::Offline)};
    UploadDialog none({u"/images/base.qcow2"_s}, {}, b);
    none.show();
    QVERIFY(!none.uploadButton()->isEnabled());
    auto *hint = none.findChild<QLabel *>(u"hostHint"_s);
    QVERIFY(hint && hint->isVisible());
}

void TestUploadDialog::uploadSendsRequestsAndCloses()
{
    QList<ImageLibrary::UploadRequest> sent;
    UploadDialog::Backend b = backend();
    qint64 nextJob = 10;
    b.upload = [&](const ImageLibrary::UploadRequest &request, QObject *,
                   std::function<void(Result<QList<qint64>>)> done) {
        sent.append(request);
        QList<qint64> jobs;
        for (int i = 0; i < int(request.hostIds.size()); ++i)
            jobs.append(nextJob++);
        done(jobs);
    };
    UploadDialog dialog({u"/images/a.qcow2"_s, u"/images/b.iso"_s}, {2}, b);
    dialog.show();
    dialog.descriptionEdit(1)->setText(u" Sonoma installer "_s);
    QSignalSpy started(&dialog, &UploadDialog::uploadsStarted);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(dialog.uploadButton(), Qt::LeftButton);
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).name, u"a.qcow2");
    QCOMPARE(sent.at(1).description, u"Sonoma installer");
    QCOMPARE(sent.at(1).hostIds, QList<qint64>{2});
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).value<QList<qint64>>(), (QList<qint64>{10, 11}));
    QCOMPARE(accepted.size(), 1);
}

void TestUploadDialog::uploadErrorKeepsDialogOpen()
{
    int calls = 0;
    UploadDialog::Backend b = backend();
    b.upload = [&](const ImageLibrary::UploadRequest &request, QObject *,
                   std::function<void(Result<QList<qint64>>)> done) {
        ++calls;
        if (request.name == u"b.qcow2")
            done(fail(ErrorCode::Storage,
                      u"lab1: not enough space for b.qcow2 in the "
                      u"corral-images pool (needs 3.1 GiB, 1 GiB free)"_s));
        else
            done(QList<qint64>{1});
    };
    UploadDialog dialog({u"/images/a.qcow2"_s, u"/images/b.qcow2"_s}, {1}, b);
    dialog.show();
    QSignalSpy started(&dialog, &UploadDialog::uploadsStarted);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(dialog.uploadButton(), Qt::LeftButton);
    QCOMPARE(calls, 2);
    QCOMPARE(accepted.size(), 0);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.resultErrorLabel()->isVisible());
    QVERIFY(dialog.resultErrorLabel()->text().contains(u"not enough space"));
    // The file that started is not sent again; the other one can be retried.
    QCOMPARE(started.size(), 1);
    QVERIFY(!dialog.isFileEnabled(0));
    QCOMPARE(dialog.detectedLabel(0)->text(), u"Upload started");
    QVERIFY(dialog.isFileEnabled(1));
    QVERIFY(dialog.uploadButton()->isEnabled());
    saveScreenshot(&dialog, u"uploaddialog-error"_s);

    QTest::mouseClick(dialog.uploadButton(), Qt::LeftButton);
    QCOMPARE(calls, 3);
}

void TestUploadDialog::describe_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<quint64>("virtualSize");
    QTest::addColumn<quint64>("fileSize");
    QTest::addColumn<QString>("expected");
    QTest::newRow("qcow2") << int(ImageProbe::Format::Qcow2) << 20 * GiB << 3 * GiB + GiB / 10
                           << u"qcow2 disk, 20 GiB virtual, 3.1 GiB file"_s;
    QTest::newRow("raw") << int(ImageProbe::Format::Raw) << 8 * GiB << 8 * GiB
                         << u"raw disk, 8 GiB"_s;
    QTest::newRow("iso") << int(ImageProbe::Format::Iso) << 0ULL << 700ULL * 1024 * 1024
                         << u"ISO image, 700 MiB"_s;
}

void TestUploadDialog::describe()
{
    QFETCH(int, format);
    QFETCH(quint64, virtualSize);
    QFETCH(quint64, fileSize);
    QFETCH(QString, expected);
    ImageProbe probe;
    probe.format = ImageProbe::Format(format);
    probe.virtualSize = virtualSize;
    probe.fileSize = fileSize;
    QCOMPARE(UploadDialog::describe(probe), expected);
}

void TestUploadDialog::localFilePaths()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(u"/images/a.qcow2"_s), QUrl(u"https://example.com/x.iso"_s),
                  QUrl::fromLocalFile(u"/images/folder/"_s),
                  QUrl::fromLocalFile(u"/images/a.qcow2"_s),
                  QUrl::fromLocalFile(u"/images/macOS 14.iso"_s)});
    QCOMPARE(UploadDialog::localFilePaths(&mime),
             (QStringList{u"/images/a.qcow2"_s, u"/images/macOS 14.iso"_s}));
    QMimeData text;
    text.setText(u"/images/a.qcow2"_s);
    QVERIFY(UploadDialog::localFilePaths(&text).isEmpty());
    QVERIFY(UploadDialog::localFilePaths(nullptr).isEmpty());
}

QTEST_MAIN(TestUploadDialog)
#include "tst_uploaddialog.moc"
