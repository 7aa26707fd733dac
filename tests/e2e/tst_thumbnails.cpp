// End-to-end tests of VM screen thumbnails against the lab: virDomainScreenshot through a
// blocking stream on the host session's thread, and VmThumbnails' schedule (visible running
// VMs only, one capture per host at a time). Works with a lab of any number of hosts; it uses
// lab1's two VMs and leaves lab1-vm2 shut off as it found it.
#include "fleet/fleet.h"
#include "fleet/vmthumbnails.h"
#include "labsupport.h"
#include "store/storeservice.h"
#include "util/mailbox.h"
#include "virt/domainscreenshot.h"

#include <QFile>
#include <QHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Corral;

namespace {

using LabSupport::labDir;

constexpr int PeriodMs = 300;

} // namespace

class tst_Thumbnails : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<Fleet> m_fleet;

    VmKey vmKey(const QString &ref) const
    {
        const VmInfo v = *m_fleet->resolveVm(ref);
        return VmKey{v.hostId, v.uuid};
    }
    VmState vmState(const QString &ref) const { return m_fleet->resolveVm(ref)->state; }
    bool runOp(VmOperation op, const QString &ref)
    {
        const quint64 id = m_fleet->runOperation(op, vmKey(ref));
        return QTest::qWaitFor([&] { return m_fleet->tasks()->task(id).isFinished(); }, 90000)
            && m_fleet->tasks()->task(id).state == Task::State::Succeeded;
    }
    bool ensureState(const QString &ref, VmState state)
    {
        if (vmState(ref) == state)
            return true;
        const VmOperation op
            = state == VmState::Running ? VmOperation::Start : VmOperation::PowerOff;
        return runOp(op, ref) && QTest::qWaitFor([&] { return vmState(ref) == state; }, 30000);
    }

    // A capture on the host session's thread, delivered here as the app would get it.
    Result<QImage> capture(const VmKey &key, QSize maxSize)
    {
        std::optional<Result<QImage>> result;
        QObject context;
        auto reply = Mailbox::replyTo(&context);
        m_fleet->runOnHost(key.hostId, [reply, key, maxSize, &result](virConnectPtr conn) {
            auto image = DomainScreenshot::capture(conn, key.uuid, maxSize);
            reply->post([&result, image] { result = image; });
        });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            return fail(ErrorCode::Timeout, QStringLiteral("no capture within 60 s"));
        return *result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (labDir().isEmpty())
            QSKIP("CORRAL_LAB_DIR is not set: run through scripts/test, which starts the lab");
        const QString catalog = m_dir.filePath(QStringLiteral("corral.sqlite"));
        QVERIFY(QFile::copy(labDir() + QStringLiteral("/corral.sqlite"), catalog));
        m_store = std::make_unique<StoreService>(catalog);
        m_fleet = std::make_unique<Fleet>(m_store.get());
        m_fleet->setStatsInterval(0);
        QSignalSpy loaded(m_fleet.get(), &Fleet::loaded);
        QSignalSpy complete(m_fleet.get(), &Fleet::inventoryComplete);
        m_fleet->load();
        QVERIFY(loaded.wait(10000));
        const int hosts = int(m_fleet->hosts().size());
        QVERIFY(hosts >= 1);
        QVERIFY2(QTest::qWaitFor([&] { return complete.size() >= hosts; }, 30000),
                 "the lab hosts did not all deliver their inventory in 30 s");
        QVERIFY(m_fleet->resolveVm(QStringLiteral("lab1/lab1-vm1")));
        QVERIFY(ensureState(QStringLiteral("lab1/lab1-vm1"), VmState::Running));
        QVERIFY(ensureState(QStringLiteral("lab1/lab1-vm2"), VmState::Shutoff));
    }

    void cleanupTestCase()
    {
        if (m_fleet && m_fleet->resolveVm(QStringLiteral("lab1/lab1-vm2")))
            ensureState(QStringLiteral("lab1/lab1-vm2"), VmState::Shutoff);
        m_fleet.reset();
        m_store.reset();
    }

    // The running VM's screen arrives as an image; scaled, it keeps the screen's aspect.
    void captureRunningVm()
    {
        const VmKey vm1 = vmKey(QStringLiteral("lab1/lab1-vm1"));
        const auto full = capture(vm1, QSize());
        QVERIFY2(full, qPrintable(full ? QString() : full.error().fullText()));
        QVERIFY(!full->isNull());
        // VGA text mode is 720×400, a framebuffer console 640×480 or more.
        QVERIFY2(full->width() >= 640 && full->height() >= 400,
                 qPrintable(QStringLiteral("%1x%2").arg(full->width()).arg(full->height())));

        const auto small = capture(vm1, QSize(320, 240));
        QVERIFY2(small, qPrintable(small ? QString() : small.error().fullText()));
        QVERIFY(small->width() <= 320 && small->height() <= 240);
        QVERIFY(small->width() == 320 || small->height() == 240);
        const double aspect = double(full->width()) / full->height();
        const double scaled = double(small->width()) / small->height();
        QVERIFY2(qAbs(aspect - scaled) < 0.02,
                 qPrintable(QStringLiteral("%1 vs %2").arg(aspect).arg(scaled)));
        qInfo("screen %dx%d, thumbnail %dx%d", full->width(), full->height(), small->width(),
              small->height());
        // CORRAL_SCREENSHOT_DIR=... keeps the pictures.
        if (const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QVERIFY(full->save(dir + QStringLiteral("/lab1-vm1-screen.png")));
            QVERIFY(small->save(dir + QStringLiteral("/lab1-vm1-thumbnail.png")));
        }
    }

    void captureStoppedVmFails()
    {
        const auto image = capture(vmKey(QStringLiteral("lab1/lab1-vm2")), QSize(320, 240));
        QVERIFY(!image);
        QCOMPARE(image.error().code, ErrorCode::Unsupported);
    }

    // Only visible running VMs are captured, again after each period, and nothing while
    // inactive or when nothing is visible.
    void thumbnailsForVisibleRunningVms()
    {
        const VmKey vm1 = vmKey(QStringLiteral("lab1/lab1-vm1"));
        const VmKey vm2 = vmKey(QStringLiteral("lab1/lab1-vm2"));
        VmThumbnails thumbs(m_fleet.get());
        thumbs.setPeriod(PeriodMs);
        QSignalSpy changed(&thumbs, &VmThumbnails::thumbnailChanged);
        QSignalSpy started(&thumbs, &VmThumbnails::captureStarted);

        // Visible but stopped: nothing to capture.
        thumbs.setVisible({vm2});
        QVERIFY(!started.wait(4 * PeriodMs));
        QCOMPARE(thumbs.captureCount(), quint64(0));

        // Running but not visible: nothing either. Then visible: a picture arrives.
        thumbs.setVisible({vm2, vm1});
        QTRY_VERIFY_WITH_TIMEOUT(!thumbs.thumbnail(vm1).isNull(), 60000);
        QVERIFY(changed.contains(QVariantList{QVariant::fromValue(vm1)}));
        QVERIFY(!changed.contains(QVariantList{QVariant::fromValue(vm2)}));
        QVERIFY(thumbs.thumbnail(vm2).isNull());
        for (const QVariantList &args : std::as_const(started))
            QCOMPARE(args.at(0).value<VmKey>(), vm1);
        const QImage picture = thumbs.thumbnail(vm1);
        QVERIFY(picture.width() <= thumbs.maxSize().width());
        QVERIFY(picture.height() <= thumbs.maxSize().height());

        // Captured again after the period.
        const quint64 before = thumbs.captureCount();
        QTRY_VERIFY_WITH_TIMEOUT(thumbs.captureCount() >= before + 2, 60000);

        // Inactive (window minimised): no new captures; the picture stays.
        thumbs.setActive(false);
        QTRY_COMPARE_WITH_TIMEOUT(thumbs.capturesInFlight(), 0, 60000);
        started.clear();
        QVERIFY(!started.wait(4 * PeriodMs));
        QVERIFY(!thumbs.thumbnail(vm1).isNull());
        thumbs.setActive(true);
        QVERIFY(started.wait(10000));

        // Scrolled out of view: no more captures.
        thumbs.setVisible({});
        QTRY_COMPARE_WITH_TIMEOUT(thumbs.capturesInFlight(), 0, 60000);
        started.clear();
        QVERIFY(!started.wait(4 * PeriodMs));
    }

    // Two running VMs on one host: never two captures queued on it at once, and both get
    // pictures. When one stops, its picture is dropped.
    void oneCapturePerHost()
    {
        QVERIFY(ensureState(QStringLiteral("lab1/lab1-vm2"), VmState::Running));
        const VmKey vm1 = vmKey(QStringLiteral("lab1/lab1-vm1"));
        const VmKey vm2 = vmKey(QStringLiteral("lab1/lab1-vm2"));
        VmThumbnails thumbs(m_fleet.get());
        thumbs.setPeriod(100); // as fast as it goes: captures queue up behind each other

        QHash<qint64, int> outstanding;
        int maxOutstanding = 0;
        QHash<VmKey, int> finished;
        connect(&thumbs, &VmThumbnails::captureStarted, this, [&](const VmKey &key) {
            maxOutstanding = std::max(maxOutstanding, ++outstanding[key.hostId]);
            QCOMPARE(thumbs.capturesInFlight(), 1);
            QVERIFY(thumbs.isCapturing(key.hostId));
        });
        connect(&thumbs, &VmThumbnails::captureFinished, this, [&](const VmKey &key, bool) {
            --outstanding[key.hostId];
            ++finished[key];
        });
        thumbs.setVisible({vm1, vm2});
        QTRY_VERIFY_WITH_TIMEOUT(finished.value(vm1) >= 3 && finished.value(vm2) >= 3, 120000);
        QCOMPARE(maxOutstanding, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!thumbs.thumbnail(vm2).isNull(), 60000);

        // lab1-vm2 goes off: its picture goes with it.
        QSignalSpy changed(&thumbs, &VmThumbnails::thumbnailChanged);
        QVERIFY(ensureState(QStringLiteral("lab1/lab1-vm2"), VmState::Shutoff));
        QTRY_VERIFY_WITH_TIMEOUT(thumbs.thumbnail(vm2).isNull(), 30000);
        QVERIFY(changed.contains(QVariantList{QVariant::fromValue(vm2)}));
        QVERIFY(!thumbs.thumbnail(vm1).isNull());
        thumbs.setVisible({});
        QTRY_COMPARE_WITH_TIMEOUT(thumbs.capturesInFlight(), 0, 60000);
    }
};

QTEST_GUILESS_MAIN(tst_Thumbnails)
#include "tst_thumbnails.moc"
