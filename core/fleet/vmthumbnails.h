#pragma once

#include "fleet.h"
#include "thumbnailschedule.h"

#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QTimer>

#include <memory>

namespace Corral {

struct Mailbox;

// Small pictures of the screens of the VMs a view shows. The view says which VMs are visible
// (setVisible); every visible running VM on a connected host is captured (virDomainScreenshot,
// on its host session's thread) once per period, at most one capture per host at a time, and
// nothing at all while the service is inactive (window minimised, page hidden) or nothing is
// visible. Pictures of VMs that stop or disappear are dropped; those of VMs scrolled out of
// view are kept up to a bound.
//
// Thread: the GUI thread (the Fleet's). Owner: whoever creates it with a Fleet, which must
// outlive it. Emits thumbnailChanged when a picture (or the reason there is none) changes.
class VmThumbnails final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmThumbnails)

public:
    explicit VmThumbnails(Fleet *fleet, QObject *parent = nullptr);
    ~VmThumbnails() override;

    // The VMs shown now, in view order (the first ones are captured first).
    void setVisible(const QList<VmKey> &keys);
    QList<VmKey> visible() const { return m_schedule.visible(); }
    // Inactive: no new captures (those in flight still deliver).
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // How often a visible running VM is captured again; default 5000 ms.
    void setPeriod(int msec);
    int period() const { return int(m_schedule.period()); }
    // Captures are scaled to fit this size on the host thread; default 320×240.
    void setMaxSize(QSize size) { m_maxSize = size; }
    QSize maxSize() const { return m_maxSize; }

    // The last picture of the VM's screen, or a null image.
    QImage thumbnail(const VmKey &key) const { return m_images.value(key); }
    // Why the running VM has no picture ("no display"), or empty.
    QString error(const VmKey &key) const { return m_errors.value(key); }

    // Instrumentation (tests, diagnostics).
    int capturesInFlight() const { return m_schedule.inFlight(); }
    bool isCapturing(qint64 hostId) const { return m_schedule.isInFlight(hostId); }
    quint64 captureCount() const { return m_captureCount; }

Q_SIGNALS:
    void thumbnailChanged(const Corral::VmKey &key);
    // A capture was sent to the VM's host; it reported back (ok: a picture arrived).
    void captureStarted(const Corral::VmKey &key);
    void captureFinished(const Corral::VmKey &key, bool ok);

private:
    void schedule();
    void start(const VmKey &key);
    void onCaptured(const VmKey &key, const Result<QImage> &image);
    void onVmsChanged(const QList<VmInfo> &vms);
    void onVmsRemoved(const QList<VmKey> &keys);
    void drop(const VmKey &key);
    void trimCache();
    bool isEligible(const VmKey &key) const;

    Fleet *m_fleet;
    std::shared_ptr<Mailbox> m_reply;
    ThumbnailSchedule m_schedule;
    QHash<VmKey, QImage> m_images;
    QHash<VmKey, QString> m_errors;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QSize m_maxSize{320, 240};
    bool m_active = true;
    quint64 m_captureCount = 0;
};

} // namespace Corral
