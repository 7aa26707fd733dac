#pragma once

#include "fleet/credentialrequest.h"
#include "fleet/fleet.h"
#include "fleet/task.h"
#include "uisettings.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QSplitter;
class QStackedWidget;

namespace Corral {

class ConfigPage;
class ConsoleStream;
class ConsoleWindow;
class Fleet;
class HostModel;
class ImageModel;
class ImagePage;
class NamespacePage;
class PortForwardDialog;
class HostPage;
class TaskDock;
class TaskModel;
class TransferDock;
class TransferModel;
struct TransferJob;
class VmModel;
class VmPage;
class VncTab;

// Corral's main window: a sidebar (Namespaces, VMs, Images, Hosts, VM Configs) switching
// pages, the deploy dialog (from the VMs, Namespaces and VM Configs pages), the task
// and transfer docks, menus and a status bar with the fleet's totals. Lives on the GUI thread;
// talks to the core only through the Fleet it is given. Opens a non-modal CredentialDialog for
// every credential request. On close it posts its layout to the StoreService (UiSettings).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // The sidebar's order; new pages go last so that Ctrl+1… keep their pages.
    enum class Page : int { Namespaces, Vms, Images, Hosts, Configs };

    explicit MainWindow(Fleet *fleet, const UiSettings &settings = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;

    // The layout as it is now, as saved on close.
    UiSettings currentSettings() const;
    // Posts currentSettings() to the fleet's store, once (on close or when the app quits).
    void saveSettings();

    VmModel *vmModel() const { return m_vmModel; }
    HostModel *hostModel() const { return m_hostModel; }
    TaskModel *taskModel() const { return m_taskModel; }
    ImageModel *imageModel() const { return m_imageModel; }
    TransferModel *transferModel() const { return m_transferModel; }
    VmPage *vmPage() const { return m_vmPage; }
    ImagePage *imagePage() const { return m_imagePage; }
    HostPage *hostPage() const { return m_hostPage; }
    NamespacePage *namespacePage() const { return m_namespacePage; }
    ConfigPage *configPage() const { return m_configPage; }
    TaskDock *taskDock() const { return m_taskDock; }
    TransferDock *transferDock() const { return m_transferDock; }
    // The console window (tabs of shells, serial consoles and VM screens); null until first
    // used.
    ConsoleWindow *consoleWindow() const { return m_console.get(); }

    // Console actions: one tab per host or VM, in the one console window.
    void openHostShells(const QList<qint64> &hostIds);
    void openVmShells(const QList<VmKey> &vms);
    void openSerialConsoles(const QList<VmKey> &vms);
    // A VNC screen tab per VM (its console through the host's SSH session); a VM whose screen
    // is open already gets that tab selected. Reconnects as soon as the VM starts again.
    void openVmScreens(const QList<VmKey> &vms);
    void showPortForwards(const VmKey &vm);
    // The deploy dialog (non-modal), preset with a namespace and/or a VM config.
    void showDeployDialog(const QString &ns, const QString &config);
    QListWidget *sidebar() const { return m_sidebar; }

    static QString pageKey(Page page);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createSidebar();
    void createMenus();
    void createStatusBar();
    void restoreSettings(const UiSettings &settings);
    void onPageChanged(int index);
    void updateStatus();
    void onTaskFinished(const Task &task);
    void connectImageLibrary();
    void showTransfers();
    void onTransferStopped(const TransferJob &job);
    void askCredential(const CredentialRequest &request);
    void showAbout();
    void openConsoleTab(std::unique_ptr<ConsoleStream> stream);
    ConsoleWindow *ensureConsoleWindow();
    void updateScreenWaiting(const QList<VmInfo> &vms);

    Fleet *m_fleet;
    VmModel *m_vmModel = nullptr;
    HostModel *m_hostModel = nullptr;
    TaskModel *m_taskModel = nullptr;
    ImageModel *m_imageModel = nullptr;
    TransferModel *m_transferModel = nullptr;
    QSplitter *m_splitter = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    VmPage *m_vmPage = nullptr;
    HostPage *m_hostPage = nullptr;
    ImagePage *m_imagePage = nullptr;
    NamespacePage *m_namespacePage = nullptr;
    ConfigPage *m_configPage = nullptr;
    TaskDock *m_taskDock = nullptr;
    TransferDock *m_transferDock = nullptr;
    QLabel *m_hostsStatus = nullptr;
    QLabel *m_vmsStatus = nullptr;
    QLabel *m_tasksStatus = nullptr;
    QLabel *m_transfersStatus = nullptr;
    bool m_settingsSaved = false;
    std::unique_ptr<ConsoleWindow> m_console;
    QHash<QPair<qint64, QUuid>, QPointer<PortForwardDialog>> m_forwardDialogs;
    QHash<VmKey, QPointer<VncTab>> m_screenTabs;
};

} // namespace Corral
