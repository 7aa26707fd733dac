// The capture schedule behind VmThumbnails: visibility, the period, one capture per host,
// fairness between the VMs of one host, failures and forgetting.
#include "fleet/thumbnailschedule.h"

#include <QTest>

using namespace Corral;

namespace {

VmKey key(qint64 host, int n)
{
    return VmKey{host, QUuid(uint(n), ushort(host), 0, 1, 2, 3, 4, 5, 6, 7, 8)};
}

const ThumbnailSchedule::Eligible everyone = [](const VmKey &) {
    return true;
};

} // namespace

class tst_ThumbnailSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingVisibleNothingDue()
    {
        ThumbnailSchedule s;
        QVERIFY(s.takeDue(0, everyone).isEmpty());
        QVERIFY(!s.nextDue(everyone));
        QCOMPARE(s.inFlight(), 0);
    }

    void onePerHostInViewOrder()
    {
        ThumbnailSchedule s;
        QVERIFY(s.setVisible({key(1, 1), key(2, 1), key(1, 2), key(2, 2), key(3, 1)}));
        const QList<VmKey> first = s.takeDue(0, everyone);
        QCOMPARE(first, (QList<VmKey>{key(1, 1), key(2, 1), key(3, 1)}));
        QCOMPARE(s.inFlight(), 3);
        QVERIFY(s.isInFlight(1));
        QVERIFY(s.inFlightOn(2) == key(2, 1));
        // Busy hosts take nothing more, however often asked.
        QVERIFY(s.takeDue(10, everyone).isEmpty());
        QVERIFY(!s.nextDue(everyone));

        // Host 1 is free again: its second VM, never captured, goes next.
        s.finished(key(1, 1), 100, true);
        QCOMPARE(s.inFlight(), 2);
        QCOMPARE(s.takeDue(100, everyone), QList<VmKey>{key(1, 2)});
        s.finished(key(1, 2), 200, true);
        // Both VMs of host 1 were captured: nothing until the first one's period is over.
        QVERIFY(s.takeDue(200, everyone).isEmpty());
        QCOMPARE(s.nextDue(everyone).value_or(-1), qint64(100 + s.period()));
        QVERIFY(s.takeDue(100 + s.period() - 1, everyone).isEmpty());
        QCOMPARE(s.takeDue(100 + s.period(), everyone), QList<VmKey>{key(1, 1)});
    }

    void longestWaitingFirst()
    {
        ThumbnailSchedule s;
        s.setPeriod(1000);
        s.setVisible({key(1, 1), key(1, 2), key(1, 3)});
        // Captures 1, 2, 3 in turn; when all are overdue, the one captured longest ago wins,
        // not the first in view.
        qint64 now = 0;
        for (int n = 1; n <= 3; ++n) {
            QCOMPARE(s.takeDue(now, everyone), QList<VmKey>{key(1, n)});
            now += 10;
            s.finished(key(1, n), now, true);
        }
        now = 5000;
        QCOMPARE(s.takeDue(now, everyone), QList<VmKey>{key(1, 1)});
        s.finished(key(1, 1), now, true);
        QCOMPARE(s.takeDue(now, everyone), QList<VmKey>{key(1, 2)});
        s.finished(key(1, 2), now, true);
        QCOMPARE(s.takeDue(now, everyone), QList<VmKey>{key(1, 3)});
    }

    void onlyEligibleAndVisible()
    {
        ThumbnailSchedule s;
        s.setVisible({key(1, 1), key(1, 2)});
        const ThumbnailSchedule::Eligible onlySecond = [](const VmKey &k) {
            return k == key(1, 2);
        };
        QCOMPARE(s.takeDue(0, onlySecond), QList<VmKey>{key(1, 2)});
        s.finished(key(1, 2), 0, true);
        const ThumbnailSchedule::Eligible nobody = [](const VmKey &) {
            return false;
        };
        QVERIFY(s.takeDue(100000, nobody).isEmpty());
        QVERIFY(!s.nextDue(nobody));

        // Scrolled away: no longer captured; the same set again is no change.
        QVERIFY(s.setVisible({key(1, 1)}));
        QVERIFY(!s.setVisible({key(1, 1)}));
        QVERIFY(!s.isVisible(key(1, 2)));
        QCOMPARE(s.takeDue(100000, everyone), QList<VmKey>{key(1, 1)});
        QVERIFY(s.setVisible({}));
        s.finished(key(1, 1), 100001, true);
        QVERIFY(s.takeDue(900000, everyone).isEmpty());
        QVERIFY(!s.nextDue(everyone));
    }

    void failuresWaitLonger()
    {
        ThumbnailSchedule s;
        s.setPeriod(1000);
        s.setFailurePeriod(30000);
        s.setVisible({key(1, 1)});
        QCOMPARE(s.takeDue(0, everyone).size(), 1);
        s.finished(key(1, 1), 0, false);
        QCOMPARE(s.nextDue(everyone).value_or(-1), qint64(30000));
        QVERIFY(s.takeDue(29999, everyone).isEmpty());
        QCOMPARE(s.takeDue(30000, everyone).size(), 1);
    }

    void forgetAndAbandon()
    {
        ThumbnailSchedule s;
        s.setVisible({key(1, 1)});
        QCOMPARE(s.takeDue(0, everyone).size(), 1);
        s.finished(key(1, 1), 0, true);
        QVERIFY(s.takeDue(1, everyone).isEmpty());
        // A VM that stopped and started again is captured at once.
        s.forget(key(1, 1));
        QCOMPARE(s.takeDue(1, everyone).size(), 1);
        // Its host went away with the capture: the slot is free again.
        s.abandonHost(1);
        QCOMPARE(s.inFlight(), 0);
        s.forget(key(1, 1));
        QCOMPARE(s.takeDue(2, everyone).size(), 1);
        // A late report for a VM the host no longer runs does not free another's slot.
        s.finished(key(1, 9), 3, true);
        QCOMPARE(s.inFlight(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_ThumbnailSchedule)
#include "tst_thumbnailschedule.moc"
