#include "mainwindow.h"

#include "configpage.h"
#include "consoletab.h"
#include "consolewindow.h"
#include "credentialdialog.h"
#include "deploydialog.h"
#include "fleet/fleet.h"
#include "fleet/remoteaccess.h"
#include "hostmodel.h"
#include "hostpage.h"
#include "icons.h"
#include "imagemodel.h"
#include "imagepage.h"
#include "images/imagelibrary.h"
#include "namespacepage.h"
#include "placeholdertreeview.h"
#include "portforwarddialog.h"
#include "rfb/vncsession.h"
#include "taskdock.h"
#include "taskmodel.h"
#include "term/consolestream.h"
#include "transferdock.h"
#include "transfermodel.h"
#include "vmfilterproxymodel.h"
#include "vmlifecycleactions.h"
#include "vmmodel.h"
#include "vmpage.h"
#include "vnctab.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

namespace Corral {

MainWindow::MainWindow(Fleet *fleet, const UiSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_fleet(fleet)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Corral"));
    setWindowIcon(Icons::application());

    m_vmModel = new VmModel(this);
    m_hostModel = new HostModel(this);
    m_taskModel = new TaskModel(this);
    m_imageModel = new ImageModel(this);
    m_transferModel = new TransferModel(this);
    if (m_fleet) {
        m_hostModel->setFleet(m_fleet);
        m_vmModel->setFleet(m_fleet);
        m_taskModel->setTaskManager(m_fleet->tasks());
    }

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    createSidebar();
    m_pages = new QStackedWidget(m_splitter);
    m_namespacePage = new NamespacePage(m_fleet, m_vmModel, m_pages);
    m_pages->addWidget(m_namespacePage);
    m_vmPage = new VmPage(m_fleet, m_vmModel, m_pages);
    m_pages->addWidget(m_vmPage);
    m_imagePage = new ImagePage(m_fleet, m_imageModel, m_pages);
    m_pages->addWidget(m_imagePage);
    m_hostPage = new HostPage(m_fleet, m_hostModel, m_pages);
    m_pages->addWidget(m_hostPage);
    m_configPage = new ConfigPage(m_fleet, m_pages);
    m_pages->addWidget(m_configPage);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({170, 1000});
    setCentralWidget(m_splitter);

    m_taskDock = new TaskDock(m_taskModel, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_taskDock);
    m_transferDock = new TransferDock(m_transferModel, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_transferDock);
    tabifyDockWidget(m_taskDock, m_transferDock);
    m_taskDock->raise();

    createMenus();
    createStatusBar();

    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::onPageChanged);
    if (m_fleet) {
        connect(m_fleet, &Fleet::hostAdded, this, &MainWindow::updateStatus);
        connect(m_fleet, &Fleet::hostChanged, this, &MainWindow::updateStatus);
        connect(m_fleet, &Fleet::hostRemoved, this, &MainWindow::updateStatus);
        connect(m_fleet, &Fleet::credentialRequested, this, &MainWindow::askCredential);
        connect(m_fleet, &Fleet::vmsChanged, this, &MainWindow::updateScreenWaiting);
        TaskManager *tasks = m_fleet->tasks();
        connect(tasks, &TaskManager::taskAdded, this, &MainWindow::updateStatus);
        connect(tasks, &TaskManager::taskFinished, this, &MainWindow::onTaskFinished);
    }
    connect(m_vmModel, &VmModel::countsChanged, this, &MainWindow::updateStatus);
    connect(m_vmPage, &VmPage::openSshRequested, this, &MainWindow::openVmShells);
    connect(m_vmPage, &VmPage::openSerialRequested, this, &MainWindow::openSerialConsoles);
    connect(m_vmPage, &VmPage::forwardPortsRequested, this, &MainWindow::showPortForwards);
    connect(m_vmPage, &VmPage::openScreenRequested, this, &MainWindow::openVmScreens);
    connect(m_hostPage, &HostPage::openShellRequested, this, &MainWindow::openHostShells);
    connect(m_hostPage, &HostPage::uploadRequested, m_imagePage, &ImagePage::uploadFiles);
    connect(m_imagePage, &ImagePage::transfersStarted, this, &MainWindow::showTransfers);
    connect(m_vmPage, &VmPage::deployRequested, this,
            [this](const QString &ns) { showDeployDialog(ns, {}); });
    connect(m_namespacePage, &NamespacePage::deployRequested, this,
            [this](const QString &ns) { showDeployDialog(ns, {}); });
    connect(m_configPage, &ConfigPage::deployRequested, this,
            [this](const QString &config) { showDeployDialog({}, config); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_transferModel, signal, this, &MainWindow::updateStatus);
    }
    connect(m_transferModel, &QAbstractItemModel::dataChanged, this, &MainWindow::updateStatus);
    connectImageLibrary();

    restoreSettings(settings);
    updateStatus();
}

MainWindow::~MainWindow()
{
    // Consoles close their sessions while the fleet still exists.
    for (const auto &dialog : std::as_const(m_forwardDialogs))
        delete dialog.data();
    m_console.reset();
}

ConsoleWindow *MainWindow::ensureConsoleWindow()
{
    if (!m_console)
        m_console = std::make_unique<ConsoleWindow>(m_fleet ? m_fleet->store() : nullptr);
    return m_console.get();
}

void MainWindow::openConsoleTab(std::unique_ptr<ConsoleStream> stream)
{
    ensureConsoleWindow()->addTab(new ConsoleTab(std::move(stream)));
}

// Tabs beyond this many per action would bury the window; the rest are left for a second go.
static constexpr int MaxTabsPerAction = 12;

void MainWindow::openHostShells(const QList<qint64> &hostIds)
{
    if (!m_fleet)
        return;
    for (qint64 id : hostIds.mid(0, MaxTabsPerAction))
        openConsoleTab(m_fleet->remote()->hostShell(id));
}

void MainWindow::openVmShells(const QList<VmKey> &vms)
{
    if (!m_fleet)
        return;
    for (const VmKey &vm : vms.mid(0, MaxTabsPerAction))
        openConsoleTab(m_fleet->remote()->vmShell(vm));
}

void MainWindow::openSerialConsoles(const QList<VmKey> &vms)
{
    if (!m_fleet)
        return;
    for (const VmKey &vm : vms.mid(0, MaxTabsPerAction))
        openConsoleTab(m_fleet->remote()->serialConsole(vm));
}

void MainWindow::openVmScreens(const QList<VmKey> &vms)
{
    if (!m_fleet)
        return;
    for (const VmKey &vm : vms.mid(0, MaxTabsPerAction)) {
        if (VncTab *open = m_screenTabs.value(vm)) {
            // Already open, perhaps in a detached window: show that tab.
            if (auto *window = qobject_cast<ConsoleWindow *>(open->window())) {
                window->tabWidget()->setCurrentWidget(open);
                window->show();
                window->raise();
                window->activateWindow();
                continue;
            }
        }
        const std::optional<VmInfo> info = m_fleet->vm(vm);
        const QString name = info ? info->qualifiedName() : vm.uuid.toString(QUuid::WithoutBraces);
        auto opener = m_fleet->remote()->vncOpener(vm);
        auto session = std::make_unique<VncSession>();
        VncSession *s = session.get();
        auto *tab = new VncTab(
            std::move(session),
            [opener, name](VncSession *target) { target->connectVia(opener, name); },
            tr("%1 — screen").arg(name), info ? info->name : name);
        connect(m_fleet->remote(), &RemoteAccess::vmStarted, s, [s, vm](const VmKey &started) {
            if (started == vm)
                s->reconnectNow();
        });
        if (info && !vmStateIsActive(info->state))
            tab->setWaitingText(tr("Waiting for %1 to start…").arg(info->name));
        m_screenTabs.insert(vm, tab);
        connect(tab, &QObject::destroyed, this, [this, vm] { m_screenTabs.remove(vm); });
        ensureConsoleWindow()->addTab(tab);
    }
}

void MainWindow::updateScreenWaiting(const QList<VmInfo> &vms)
{
    if (m_screenTabs.isEmpty())
        return;
    for (const VmInfo &info : vms) {
        VncTab *tab = m_screenTabs.value(VmKey{info.hostId, info.uuid});
        if (!tab)
            continue;
        tab->setWaitingText(vmStateIsActive(info.state)
                                ? QString()
                                : tr("Waiting for %1 to start…").arg(info.name));
    }
}

void MainWindow::showPortForwards(const VmKey &vm)
{
    if (!m_fleet)
        return;
    QPointer<PortForwardDialog> &dialog = m_forwardDialogs[qMakePair(vm.hostId, vm.uuid)];
    if (!dialog) {
        dialog = new PortForwardDialog(m_fleet, vm, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showDeployDialog(const QString &ns, const QString &config)
{
    if (!m_fleet)
        return;
    auto *dialog = new DeployDialog(m_fleet, DeployDialog::Preset{ns, config}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::createSidebar()
{
    m_sidebar = new QListWidget(m_splitter);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setSpacing(1);
    m_sidebar->setMinimumWidth(130);
    m_sidebar->setBackgroundRole(QPalette::Window);
    m_sidebar->viewport()->setBackgroundRole(QPalette::Window);
    const struct
    {
        const char *icon;
        QString text;
    } items[] = {
        {"namespace", tr("Namespaces")}, {"vm", tr("VMs")},
        {"image", tr("Images")},         {"host", tr("Hosts")},
        {"config", tr("VM Configs")},
    };
    for (const auto &item : items) {
        auto *entry = new QListWidgetItem(Icons::symbolic(QString::fromLatin1(item.icon)),
                                          item.text, m_sidebar);
        entry->setSizeHint(QSize(0, 32));
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_hostPage->addHostAction());
    file->addAction(m_imagePage->uploadAction());
    auto *deploy = new QAction(Icons::symbolic(QStringLiteral("deploy")), tr("&Deploy…"), this);
    deploy->setObjectName(QStringLiteral("file.deploy"));
    deploy->setStatusTip(tr("Deploy new VMs from a VM config or an image"));
    connect(deploy, &QAction::triggered, this, [this] { showDeployDialog({}, {}); });
    file->addAction(deploy);
    file->addSeparator();
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setObjectName(QStringLiteral("quit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    file->addAction(quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    auto *pageGroup = new QActionGroup(this);
    for (int i = 0; i < m_sidebar->count(); ++i) {
        QListWidgetItem *item = m_sidebar->item(i);
        QAction *action = view->addAction(item->icon(), item->text());
        action->setObjectName(u"view." + pageKey(Page(i)));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        pageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, i] { showPage(Page(i)); });
        connect(m_sidebar, &QListWidget::currentRowChanged, action,
                [action, i](int row) { action->setChecked(row == i); });
    }
    view->addSeparator();
    view->addAction(m_vmPage->gridViewAction());
    view->addSeparator();
    QAction *toggleTasks = m_taskDock->toggleViewAction();
    toggleTasks->setText(tr("&Task List"));
    toggleTasks->setIcon(Icons::symbolic(QStringLiteral("tasks")));
    toggleTasks->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    toggleTasks->setObjectName(QStringLiteral("view.tasks"));
    view->addAction(toggleTasks);
    QAction *toggleTransfers = m_transferDock->toggleViewAction();
    toggleTransfers->setText(tr("T&ransfers"));
    toggleTransfers->setIcon(Icons::symbolic(QStringLiteral("upload")));
    toggleTransfers->setObjectName(QStringLiteral("view.transfers"));
    view->addAction(toggleTransfers);
    auto *showConsole
        = new QAction(Icons::symbolic(QStringLiteral("terminal")), tr("&Console Window"), this);
    showConsole->setObjectName(QStringLiteral("view.console"));
    showConsole->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Apostrophe));
    showConsole->setStatusTip(
        tr("Show the window with the shell, serial console and VM screen tabs"));
    connect(showConsole, &QAction::triggered, this, [this] {
        if (!m_console) {
            statusBar()->showMessage(tr("No consoles yet: select a host or VM and choose Open "
                                        "SSH or Serial Console."),
                                     5000);
            return;
        }
        m_console->show();
        m_console->raise();
        m_console->activateWindow();
    });
    view->addAction(showConsole);

    QMenu *ns = menuBar()->addMenu(tr("&Namespace"));
    ns->addAction(m_namespacePage->newAction());
    ns->addAction(m_namespacePage->editAction());
    ns->addSeparator();
    ns->addAction(m_namespacePage->deployAction());
    ns->addSeparator();
    ns->addAction(m_namespacePage->deleteAction());
    ns->setToolTipsVisible(true);

    QMenu *vm = menuBar()->addMenu(tr("V&M"));
    vm->addAction(m_vmPage->findAction());
    vm->addSeparator();
    vm->addAction(m_vmPage->deployAction());
    vm->addSeparator();
    const QList<QAction *> ops = m_vmPage->operationActions();
    for (QAction *action : ops) {
        if (action == m_vmPage->action(VmOperation::Delete))
            vm->addSeparator();
        vm->addAction(action);
    }
    vm->addSeparator();
    vm->addAction(m_vmPage->screenAction());
    vm->addAction(m_vmPage->sshAction());
    vm->addAction(m_vmPage->serialAction());
    vm->addAction(m_vmPage->forwardAction());
    vm->addSeparator();
    vm->addActions(m_vmPage->lifecycleActions()->actions());
    vm->setToolTipsVisible(true);

    QMenu *config = menuBar()->addMenu(tr("&Config"));
    config->addAction(m_configPage->newAction());
    config->addAction(m_configPage->editAction());
    config->addAction(m_configPage->duplicateAction());
    config->addSeparator();
    config->addAction(m_configPage->deployAction());
    config->addSeparator();
    config->addAction(m_configPage->deleteAction());

    QMenu *image = menuBar()->addMenu(tr("&Image"));
    image->addAction(m_imagePage->findAction());
    image->addSeparator();
    image->addAction(m_imagePage->uploadAction());
    image->addAction(m_imagePage->createEmptyAction());
    image->addSeparator();
    image->addAction(m_imagePage->downloadAction());
    image->addAction(m_imagePage->copyAction());
    image->addAction(m_imagePage->verifyAction());
    image->addSeparator();
    image->addAction(m_imagePage->renameAction());
    image->addAction(m_imagePage->describeAction());
    image->addSeparator();
    image->addAction(m_imagePage->deleteAction());

    QMenu *host = menuBar()->addMenu(tr("H&ost"));
    host->addAction(m_hostPage->addHostAction());
    host->addAction(m_hostPage->editHostAction());
    host->addSeparator();
    host->addAction(m_hostPage->connectHostAction());
    host->addAction(m_hostPage->disconnectHostAction());
    host->addSeparator();
    host->addAction(m_hostPage->maintenanceAction());
    host->addSeparator();
    host->addAction(m_hostPage->sshAction());
    host->addSeparator();
    host->addAction(m_hostPage->removeHostAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    auto *about = new QAction(Icons::application(), tr("&About Corral"), this);
    about->setObjectName(QStringLiteral("about"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    help->addAction(about);
}

void MainWindow::createStatusBar()
{
    m_hostsStatus = new QLabel(this);
    m_hostsStatus->setObjectName(QStringLiteral("hostsStatus"));
    m_vmsStatus = new QLabel(this);
    m_vmsStatus->setObjectName(QStringLiteral("vmsStatus"));
    m_tasksStatus = new QLabel(this);
    m_tasksStatus->setObjectName(QStringLiteral("tasksStatus"));
    m_transfersStatus = new QLabel(this);
    m_transfersStatus->setObjectName(QStringLiteral("transfersStatus"));
    for (QLabel *label : {m_hostsStatus, m_vmsStatus, m_tasksStatus, m_transfersStatus}) {
        label->setContentsMargins(6, 0, 6, 0);
        statusBar()->addPermanentWidget(label);
    }
}

QString MainWindow::pageKey(Page page)
{
    switch (page) {
    case Page::Namespaces:
        return QStringLiteral("namespaces");
    case Page::Vms:
        return QStringLiteral("vms");
    case Page::Images:
        return QStringLiteral("images");
    case Page::Hosts:
        return QStringLiteral("hosts");
    case Page::Configs:
        return QStringLiteral("configs");
    }
    return QStringLiteral("vms");
}

void MainWindow::showPage(Page page)
{
    m_sidebar->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(std::max(0, m_pages->currentIndex()));
}

void MainWindow::onPageChanged(int index)
{
    if (index < 0)
        return;
    m_pages->setCurrentIndex(index);
    m_vmPage->setActive(Page(index) == Page::Vms);
    m_hostPage->setActive(Page(index) == Page::Hosts);
    m_imagePage->setActive(Page(index) == Page::Images);
    m_namespacePage->setActive(Page(index) == Page::Namespaces);
    m_configPage->setActive(Page(index) == Page::Configs);
}

void MainWindow::restoreSettings(const UiSettings &settings)
{
    if (settings.geometry.isEmpty() || !restoreGeometry(settings.geometry)) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(std::min(1280, available.width() * 9 / 10),
               std::min(800, available.height() * 9 / 10));
    }
    if (settings.windowState.isEmpty() || !restoreState(settings.windowState))
        resizeDocks({m_taskDock, m_transferDock}, {170, 170}, Qt::Vertical);
    if (!settings.splitter.isEmpty())
        m_splitter->restoreState(settings.splitter);
    m_vmPage->restoreHeaderState(settings.vmHeader);
    m_hostPage->restoreHeaderState(settings.hostHeader);
    m_taskDock->restoreHeaderState(settings.taskHeader);
    m_imagePage->restoreHeaderState(settings.imageHeader);
    m_transferDock->restoreHeaderState(settings.transferHeader);
    m_namespacePage->restoreHeaderState(settings.namespaceHeader);
    m_configPage->restoreHeaderState(settings.configHeader);

    Page page = Page::Vms;
    for (Page p : {Page::Namespaces, Page::Vms, Page::Images, Page::Hosts, Page::Configs}) {
        if (settings.page == pageKey(p))
            page = p;
    }
    // Force the page-change handling even when the row is already current.
    m_sidebar->setCurrentRow(-1);
    showPage(page);
}

UiSettings MainWindow::currentSettings() const
{
    UiSettings s;
    s.geometry = saveGeometry();
    s.windowState = saveState();
    s.splitter = m_splitter->saveState();
    s.vmHeader = m_vmPage->saveHeaderState();
    s.hostHeader = m_hostPage->saveHeaderState();
    s.taskHeader = m_taskDock->saveHeaderState();
    s.imageHeader = m_imagePage->saveHeaderState();
    s.transferHeader = m_transferDock->saveHeaderState();
    s.namespaceHeader = m_namespacePage->saveHeaderState();
    s.configHeader = m_configPage->saveHeaderState();
    s.page = pageKey(currentPage());
    return s;
}

void MainWindow::saveSettings()
{
    if (!m_fleet || m_settingsSaved)
        return;
    currentSettings().save(m_fleet->store());
    m_settingsSaved = true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::updateStatus()
{
    const int hosts = m_hostModel->rowCount();
    const int connected = m_hostModel->connectedCount();
    m_hostsStatus->setText(tr("Hosts: %1 of %n connected", nullptr, hosts).arg(connected));
    m_vmsStatus->setText(
        tr("VMs: %1 of %n running", nullptr, m_vmModel->vmCount()).arg(m_vmModel->runningCount()));
    const int running = m_fleet ? m_fleet->tasks()->runningCount() : 0;
    m_tasksStatus->setText(tr("%n task(s) running", nullptr, running));
    const int transfers = m_transferModel->activeCount();
    m_transfersStatus->setText(tr("%n transfer(s) running", nullptr, transfers));
    m_transfersStatus->setVisible(transfers > 0);
}

void MainWindow::onTaskFinished(const Task &task)
{
    updateStatus();
    if (task.state != Task::State::Failed)
        return;
    statusBar()->showMessage(tr("%1 failed: %2").arg(task.title, task.message), 10000);
    // Failures are reported in the task list; make sure it can be seen, without a dialog.
    if (m_taskDock->isHidden())
        m_taskDock->show();
}

void MainWindow::connectImageLibrary()
{
    ImageLibrary *images = m_fleet ? m_fleet->images() : nullptr;
    if (!images)
        return;
    m_transferModel->setJobs(images->jobs());
    connect(images, &ImageLibrary::jobAdded, this, [this](const TransferJob &job) {
        m_transferModel->applyJob(job);
        // A job started now, not one restored from the last session.
        if (job.isActive())
            showTransfers();
    });
    connect(images, &ImageLibrary::jobChanged, m_transferModel, &TransferModel::applyJob);
    connect(images, &ImageLibrary::jobRemoved, m_transferModel, &TransferModel::removeJob);
    connect(images, &ImageLibrary::jobStopped, this, &MainWindow::onTransferStopped);
    connect(m_transferDock, &TransferDock::pauseRequested, images, [images](const auto &ids) {
        for (qint64 id : ids)
            images->pause(id);
    });
    connect(m_transferDock, &TransferDock::resumeRequested, images, [images](const auto &ids) {
        for (qint64 id : ids)
            images->resume(id);
    });
    connect(m_transferDock, &TransferDock::cancelRequested, images, [images](const auto &ids) {
        for (qint64 id : ids)
            images->cancel(id);
    });
    connect(m_transferDock, &TransferDock::clearFinishedRequested, images,
            &ImageLibrary::clearFinished);
}

void MainWindow::showTransfers()
{
    m_transferDock->show();
    m_transferDock->raise();
}

void MainWindow::onTransferStopped(const TransferJob &job)
{
    m_transferModel->applyJob(job);
    if (job.state != TransferJob::State::Failed && job.state != TransferJob::State::Interrupted)
        return;
    //: Status bar: "Upload macOS_14.iso — lab1: <what happened>"
    statusBar()->showMessage(
        tr("%1 %2 — %3: %4")
            .arg(TransferModel::kindLabel(job.kind), job.imageName, TransferModel::hostText(job),
                 job.state == TransferJob::State::Failed ? job.error
                                                         : TransferModel::statusText(job)),
        10000);
    // Like failed tasks: the list shows why, without a dialog.
    showTransfers();
}

void MainWindow::askCredential(const CredentialRequest &request)
{
    auto *dialog = new CredentialDialog(request, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CredentialDialog::answered, this,
            [this](quint64 id, const std::optional<QString> &answer) {
                if (m_fleet)
                    m_fleet->answerCredential(id, answer);
            });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("About Corral"));
    box.setIconPixmap(Icons::application().pixmap(64, 64));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("Corral %1").arg(QCoreApplication::applicationVersion()));
    box.setInformativeText(
        tr("A console for fleets of macOS and Linux virtual machines on KVM hosts, talking "
           "to every host directly over libvirt and SSH.\n\nBuilt with Qt %1.")
            .arg(QString::fromLatin1(qVersion())));
    box.addButton(tr("Close"), QMessageBox::AcceptRole);
    box.exec();
}

} // namespace Corral
