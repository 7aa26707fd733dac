#include "sessiontab.h"

namespace Corral {

SessionTab::SessionTab(QWidget *parent)
    : QWidget(parent)
{ }

SessionTab::~SessionTab() = default;

QString SessionTab::stateText() const
{
    switch (sessionState()) {
    case State::Connecting:
        // A session may say what it waits for ("Waiting for vm1 to start…").
        return errorText().isEmpty() ? tr("Connecting…") : errorText();
    case State::Connected:
        return tr("Connected");
    case State::Closed:
        return errorText().isEmpty() ? tr("Session ended") : errorText();
    case State::Failed:
        return tr("Failed: %1").arg(errorText());
    }
    return {};
}

bool SessionTab::canReconnect() const
{
    const State state = sessionState();
    return state == State::Failed || state == State::Closed;
}

void SessionTab::markSeen()
{
    m_unseenActivity = false;
    m_unseenBell = false;
}

void SessionTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    markSeen();
}

void SessionTab::noteActivity()
{
    if (!m_unseenActivity && !isVisible()) {
        m_unseenActivity = true;
        Q_EMIT activity();
    }
}

void SessionTab::noteBell()
{
    if (!isVisible())
        m_unseenBell = true;
    Q_EMIT bellRang();
}

} // namespace Corral
