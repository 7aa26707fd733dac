#pragma once

#include <QWidget>

namespace Corral {

// The part of a ConsoleWindow tab that the window deals with, whatever the session inside:
// a terminal (ConsoleTab) or a VM's screen (VncTab). It has a title, a session state for the
// tab's icon and tool tip, unseen output and bell markers, and can close or reconnect its
// session.
//
// Thread: the GUI thread. A tab owns its session; moving the tab to another window
// (reparenting) leaves the session untouched. Emits titleChanged() when title() changes,
// stateChanged() when sessionState() or stateText() do, activity() for output while the tab
// is hidden (once until it is shown again) and bellRang() for every bell.
class SessionTab : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionTab)

public:
    // The session as the window shows it; each tab maps its own states onto these.
    enum class State : quint8 {
        Connecting, // also: authenticating, waiting to reconnect
        Connected,
        Closed, // ended on purpose (or by the remote side); reconnect() allowed
        Failed, // errorText() says why; reconnect() tries again
    };
    Q_ENUM(State)

    explicit SessionTab(QWidget *parent = nullptr);
    ~SessionTab() override;

    virtual QString title() const = 0;
    virtual State sessionState() const = 0;
    virtual QString errorText() const = 0;
    // The state in words for the tab's tool tip: "Connected", "Failed: …".
    virtual QString stateText() const;
    // Whether reconnect() makes sense now (default: Failed or Closed).
    virtual bool canReconnect() const;

    // Ends the session (once); the tab stays until its owner deletes it.
    virtual void closeSession() = 0;
    virtual void reconnect() = 0;

    bool hasUnseenActivity() const { return m_unseenActivity; }
    bool hasUnseenBell() const { return m_unseenBell; }
    void markSeen();

Q_SIGNALS:
    void titleChanged();
    void stateChanged();
    void activity();
    void bellRang();

protected:
    void showEvent(QShowEvent *event) override;
    // For subclasses: output arrived (marks the tab once while hidden), the bell rang.
    void noteActivity();
    void noteBell();

private:
    bool m_unseenActivity = false;
    bool m_unseenBell = false;
};

} // namespace Corral
