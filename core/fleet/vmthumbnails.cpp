#include "vmthumbnails.h"

#include "util/logging.h"
#include "util/mailbox.h"
#include "virt/domainscreenshot.h"

#include <QThreadPool>

#include <algorithm>

namespace Corral {

namespace {

// Pictures kept for VMs scrolled out of view, beyond the visible ones: scrolling back shows
// them at once, while a sweep through 100k VMs does not keep 100k pictures.
constexpr qsizetype ExtraCachedPictures = 256;

bool canHaveScreen(VmState state)
{
    return state == VmState::Running || state == VmState::Blocked;
}

// Paused guests keep their last picture: the screen is frozen, not gone.
bool keepsPicture(VmState state)
{
    return canHaveScreen(state) || state == VmState::Paused || state == VmState::PmSuspended;
}

} // namespace

VmThumbnails::VmThumbnails(Fleet *fleet, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_reply(Mailbox::replyTo(this))
{
    qRegisterMetaType<VmKey>();
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &VmThumbnails::schedule);
    connect(fleet, &Fleet::vmsChanged, this, &VmThumbnails::onVmsChanged);
    connect(fleet, &Fleet::vmsRemoved, this, &VmThumbnails::onVmsRemoved);
    connect(fleet, &Fleet::hostChanged, this, [this](const HostInfo &) { schedule(); });
    connect(fleet, &Fleet::hostRemoved, this, [this](qint64 hostId) {
        // The session is gone with its queue: its capture never reports.
        m_schedule.abandonHost(hostId);
        QList<VmKey> gone;
        for (auto it = m_images.cbegin(); it != m_images.cend(); ++it) {
            if (it.key().hostId == hostId)
                gone.append(it.key());
        }
        for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
            if (it.key().hostId == hostId && !gone.contains(it.key()))
                gone.append(it.key());
        }
        for (const VmKey &key : std::as_const(gone))
            drop(key);
        schedule();
    });
}

VmThumbnails::~VmThumbnails() = default;

void VmThumbnails::setVisible(const QList<VmKey> &keys)
{
    if (!m_schedule.setVisible(keys))
        return;
    trimCache();
    schedule();
}

void VmThumbnails::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    schedule();
}

void VmThumbnails::setPeriod(int msec)
{
    m_schedule.setPeriod(std::max(msec, 100));
    m_schedule.setFailurePeriod(std::max<qint64>(msec * 12LL, 1000));
    schedule();
}

bool VmThumbnails::isEligible(const VmKey &key) const
{
    const auto vm = m_fleet->vm(key);
    if (!vm || !canHaveScreen(vm->state))
        return false;
    const auto host = m_fleet->host(key.hostId);
    return host && host->state == HostState::Connected;
}

void VmThumbnails::schedule()
{
    m_timer.stop();
    if (!m_active || m_schedule.visible().isEmpty())
        return;
    const auto eligible = [this](const VmKey &key) {
        return isEligible(key);
    };
    const qint64 now = m_clock.elapsed();
    const QList<VmKey> due = m_schedule.takeDue(now, eligible);
    for (const VmKey &key : due)
        start(key);
    if (const auto next = m_schedule.nextDue(eligible))
        m_timer.start(int(std::clamp<qint64>(*next - now, 0, 24 * 3600 * 1000)));
}

void VmThumbnails::start(const VmKey &key)
{
    ++m_captureCount;
    Q_EMIT captureStarted(key);
    // `self` is only used by calls the mailbox delivers, which Qt drops once `this` is gone.
    // The host's thread only fetches: decoding and scaling a large screen would hold up the
    // host's lifecycle calls and events behind it.
    m_fleet->runOnHost(
        key.hostId, [reply = m_reply, self = this, key, maxSize = m_maxSize](virConnectPtr conn) {
            auto encoded = DomainScreenshot::fetch(conn, key.uuid);
            if (!encoded) {
                reply->post([self, key, error = encoded.error()] {
                    self->onCaptured(key, std::unexpected(error));
                });
                return;
            }
            QThreadPool::globalInstance()->start(
                [reply, self, key, maxSize, encoded = std::move(*encoded)] {
                    Result<QImage> image
                        = DomainScreenshot::decode(encoded.data, encoded.mimeType, maxSize);
                    reply->post(
                        [self, key, image = std::move(image)] { self->onCaptured(key, image); });
                });
        });
}

void VmThumbnails::onCaptured(const VmKey &key, const Result<QImage> &image)
{
    // Offline or gone: not a property of the VM's screen; keep what is shown and try later.
    const bool transient = !image
        && (image.error().code == ErrorCode::Offline || image.error().code == ErrorCode::NotFound
            || image.error().code == ErrorCode::Unsupported);
    m_schedule.finished(key, m_clock.elapsed(), image || transient);
    Q_EMIT captureFinished(key, bool(image));

    const auto vm = m_fleet->vm(key);
    if (vm && keepsPicture(vm->state)) {
        if (image) {
            m_images.insert(key, *image);
            m_errors.remove(key);
            Q_EMIT thumbnailChanged(key);
        } else if (!transient) {
            qCDebug(lcVirt).noquote()
                << "screenshot of" << vm->qualifiedName() << "failed:" << image.error().fullText();
            const bool changed
                = m_errors.value(key) != image.error().message || m_images.contains(key);
            m_images.remove(key);
            m_errors.insert(key, image.error().message);
            if (changed)
                Q_EMIT thumbnailChanged(key);
        }
    }
    schedule();
}

void VmThumbnails::drop(const VmKey &key)
{
    m_schedule.forget(key);
    const bool had = m_images.remove(key) > 0;
    if (m_errors.remove(key) > 0 || had)
        Q_EMIT thumbnailChanged(key);
}

void VmThumbnails::onVmsChanged(const QList<VmInfo> &vms)
{
    bool started = false;
    for (const VmInfo &vm : vms) {
        const VmKey key{vm.hostId, vm.uuid};
        if (!keepsPicture(vm.state))
            drop(key);
        else if (canHaveScreen(vm.state) && m_schedule.isVisible(key))
            started = true;
    }
    // A visible VM that just started (or resumed) may be due now.
    if (started)
        schedule();
}

void VmThumbnails::onVmsRemoved(const QList<VmKey> &keys)
{
    for (const VmKey &key : keys)
        drop(key);
}

void VmThumbnails::trimCache()
{
    const QList<VmKey> &visible = m_schedule.visible();
    if (m_images.size() <= visible.size() + ExtraCachedPictures)
        return;
    // Dropped pictures are captured at once when their VMs show again.
    QList<VmKey> gone;
    for (auto it = m_images.cbegin(); it != m_images.cend(); ++it) {
        if (!m_schedule.isVisible(it.key()))
            gone.append(it.key());
    }
    for (const VmKey &key : std::as_const(gone)) {
        m_schedule.forget(key);
        m_images.remove(key);
    }
}

} // namespace Corral
