#include "icons.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace Corral::Icons {

namespace {

QString iconPath(const QString &name)
{
    return u":/icons/" + name + u".svg";
}

// Renders an SVG and recolours every opaque pixel with the palette colour of the mode, so a
// single black drawing serves light and dark themes, normal, active and disabled states.
class SymbolicIconEngine final : public QIconEngine
{
public:
    explicit SymbolicIconEngine(const QString &name)
        : m_name(name)
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pm = render(rect.size(), dpr, mode, state);
        painter->drawPixmap(rect, pm);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return render(size, 1.0, mode, state);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        return render(size, scale, mode, state);
    }

    QIconEngine *clone() const override { return new SymbolicIconEngine(m_name); }
    QString key() const override { return QStringLiteral("CorralSymbolic"); }
    QString iconName() override { return m_name; }

private:
    QPixmap render(const QSize &size, qreal dpr, QIcon::Mode mode, QIcon::State)
    {
        const QPalette palette = QGuiApplication::palette();
        QColor color;
        switch (mode) {
        case QIcon::Disabled:
            color = palette.color(QPalette::Disabled, QPalette::WindowText);
            break;
        case QIcon::Selected:
            color = palette.color(QPalette::Active, QPalette::HighlightedText);
            break;
        case QIcon::Normal:
        case QIcon::Active:
            color = palette.color(QPalette::Active, QPalette::WindowText);
            break;
        }
        const QSize pixelSize = size * dpr;
        const QString cacheKey = u"corral-sym:" + m_name + u':' + QString::number(pixelSize.width())
            + u'x' + QString::number(pixelSize.height()) + u':' + QString::number(color.rgba(), 16);
        QPixmap pm;
        if (QPixmapCache::find(cacheKey, &pm))
            return pm;

        QImage image(pixelSize, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QSvgRenderer renderer(iconPath(m_name));
            QPainter p(&image);
            renderer.render(&p);
            p.setCompositionMode(QPainter::CompositionMode_SourceIn);
            p.fillRect(image.rect(), color);
        }
        pm = QPixmap::fromImage(std::move(image));
        pm.setDevicePixelRatio(dpr);
        QPixmapCache::insert(cacheKey, pm);
        return pm;
    }

    QString m_name;
};

} // namespace

QIcon symbolic(const QString &name)
{
    return QIcon(new SymbolicIconEngine(name));
}

QIcon colored(const QString &name)
{
    return QIcon(iconPath(name));
}

QIcon application()
{
    return colored(QStringLiteral("corral"));
}

QIcon vmState(VmState state)
{
    switch (state) {
    case VmState::Running:
    case VmState::Blocked:
        return colored(QStringLiteral("state-running"));
    case VmState::Paused:
    case VmState::PmSuspended:
        return colored(QStringLiteral("state-paused"));
    case VmState::ShuttingDown:
        return colored(QStringLiteral("state-transition"));
    case VmState::Shutoff:
        return colored(QStringLiteral("state-shutoff"));
    case VmState::Crashed:
        return colored(QStringLiteral("state-crashed"));
    case VmState::NoState:
        break;
    }
    return colored(QStringLiteral("state-unknown"));
}

QIcon hostState(const HostInfo &host)
{
    switch (host.state) {
    case HostState::Connected:
        if (host.config.maintenance)
            return colored(QStringLiteral("state-maintenance"));
        return colored(QStringLiteral("state-running"));
    case HostState::Connecting:
        return colored(QStringLiteral("state-transition"));
    case HostState::Offline:
        break;
    }
    return colored(host.error.isEmpty() ? QStringLiteral("state-offline")
                                        : QStringLiteral("state-error"));
}

} // namespace Corral::Icons
