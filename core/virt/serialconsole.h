#pragma once

#include "term/consolestream.h"

#include <QUuid>

#include <functional>
#include <memory>

typedef struct _virConnect *virConnectPtr;

namespace Corral {

// A VM's serial console (virDomainOpenConsole on a non-blocking libvirt stream) as a console
// tab's byte stream. The stream is opened and written on the host session's thread and read
// on libvirt's event loop thread; nothing here touches libvirt on the caller's thread.
//
// A console opened while the VM is off waits for it (so an admin can watch it boot), and one
// whose VM stopped reopens when it runs again: the owner reports the VM's state through
// setVmRunning().
class SerialConsoleStream final : public ConsoleStream
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SerialConsoleStream)

public:
    // Runs a job on the VM's host session thread with its connection (nullptr if offline).
    using HostRunner = std::function<void(std::function<void(virConnectPtr)>)>;

    SerialConsoleStream(QString title, QString vmName, QUuid uuid, HostRunner runner,
                        QObject *parent = nullptr);
    ~SerialConsoleStream() override;

    QString title() const override { return m_title; }
    void open() override;
    void write(const QByteArray &bytes) override;
    void resize(int cols, int rows) override; // a serial line has no size: ignored
    void reconnect() override;
    void close() override;

    void setVmRunning(bool running);

    struct Link;

private:
    void start();
    void onOpened(bool waiting, const QString &error);
    void onEnded(bool vmStopped, const QString &error);

    QString m_title;
    QString m_vmName;
    QUuid m_uuid;
    HostRunner m_runner;
    std::shared_ptr<Link> m_link;
    bool m_waitingForVm = false;
    bool m_closedByUser = false;
};

} // namespace Corral
