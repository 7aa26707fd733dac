#pragma once

#include "fleet/deployer.h"

#include <QDialog>
#include <QRandomGenerator>
#include <QTimer>

#include <functional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTreeWidget;

namespace Corral {

class DeployModel;
class Fleet;
class PlaceholderTreeView;

// Deploys VMs: what (a VM config, or ad hoc an image with a profile, vCPUs and memory), into
// which namespace, how many, their name or the names' stem, and where (automatic, one pinned
// host, or hosts with a required tag; spread or pack). Every change asks the Deployer for a
// new plan (synchronous and cheap) and shows it as a preview: each VM's name, host and why
// that host; when the plan fails, the reason and every host that was rejected with its
// reason. Deploy (Ctrl+Return) is enabled only while the plan succeeds.
//
// Deploying switches the dialog to a progress list, one row per VM with its state (planned,
// copying, creating, starting, running, failed) from Deployer::vmProgress, forwarded ports
// once running, and the error of a VM that failed. The deploy goes on when the dialog is closed
// (each VM is a task in the task dock too). Lives on the GUI thread; talks to the Fleet's
// Deployer, WorkloadCatalog and ImageLibrary.
class DeployDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployDialog)

public:
    struct Preset
    {
        QString ns; // namespace to deploy into; empty: default
        QString config; // config to deploy; empty: the first, or ad hoc without configs
    };

    DeployDialog(Fleet *fleet, const Preset &preset = {}, QWidget *parent = nullptr);

    using PlanFunction = std::function<DeployPlan(const DeployRequest &request)>;
    using DeployFunction
        = std::function<quint64(const DeployRequest &request, QObject *context,
                                std::function<void(Result<QList<DeployedVm>>)> done)>;
    // Plans and deploys with these instead of the Fleet's Deployer (tests); the progress still
    // comes from the Deployer's vmProgress.
    void setBackend(PlanFunction plan, DeployFunction deploy);

    // The request as currently entered.
    DeployRequest request() const;
    // The plan of request(), as last computed.
    const DeployPlan &plan() const { return m_plan; }
    // Plans now (normally the next time the event loop runs after a change).
    void updatePlan();

    bool isDeploying() const { return m_deployId != 0 || m_starting; }
    bool isFinished() const { return m_finished; }
    quint64 deployId() const { return m_deployId; }

    QPushButton *deployButton() const { return m_deployButton; }
    QPushButton *closeButton() const { return m_closeButton; }
    DeployModel *previewModel() const { return m_preview; }
    DeployModel *progressModel() const { return m_progress; }
    QLabel *planErrorLabel() const { return m_planError; }
    QTreeWidget *rejectionList() const { return m_rejections; }
    QLabel *summaryLabel() const { return m_summary; }

    void accept() override;

Q_SIGNALS:
    void deployStarted(quint64 deployId);

private:
    QWidget *createFormPage(const Preset &preset);
    QWidget *createProgressPage();
    void refreshChoices();
    void schedulePlan();
    void updateSourceWidgets();
    void onVmProgress(quint64 deployId, const DeployedVm &vm);
    void onDeployDone(const Result<QList<DeployedVm>> &result);
    void updateSummary();

    Fleet *m_fleet;
    PlanFunction m_planFunction;
    // One seed per dialog: generated VM names stay put while the form changes.
    quint32 m_nameSeed = QRandomGenerator::global()->generate() | 1;
    DeployFunction m_deployFunction;
    DeployPlan m_plan;
    QTimer m_planTimer;
    QStackedWidget *m_pages = nullptr;

    QRadioButton *m_fromConfig = nullptr;
    QRadioButton *m_adHoc = nullptr;
    QComboBox *m_config = nullptr;
    QComboBox *m_image = nullptr;
    QComboBox *m_profile = nullptr;
    QSpinBox *m_vcpus = nullptr;
    QSpinBox *m_memory = nullptr;
    QComboBox *m_namespace = nullptr;
    QSpinBox *m_count = nullptr;
    QLineEdit *m_name = nullptr;
    QRadioButton *m_automatic = nullptr;
    QRadioButton *m_pinned = nullptr;
    QRadioButton *m_tagged = nullptr;
    QComboBox *m_host = nullptr;
    QComboBox *m_tag = nullptr;
    QComboBox *m_strategy = nullptr;
    PlaceholderTreeView *m_previewView = nullptr;
    DeployModel *m_preview = nullptr;
    QLabel *m_planError = nullptr;
    QTreeWidget *m_rejections = nullptr;
    QPushButton *m_deployButton = nullptr;

    QLabel *m_summary = nullptr;
    PlaceholderTreeView *m_progressView = nullptr;
    DeployModel *m_progress = nullptr;
    QPushButton *m_closeButton = nullptr;

    DeployRequest m_request; // the one being deployed
    quint64 m_deployId = 0;
    bool m_starting = false; // inside Deployer::deploy()
    bool m_finished = false;
    QString m_deployError;
    // Progress reported while deploy() ran, before its id was known.
    QList<QPair<quint64, DeployedVm>> m_early;
};

} // namespace Corral
