#include "deploydialog.h"

#include "deploymodel.h"
#include "formatting.h"
#include "icons.h"
#include "placeholdertreeview.h"
#include "theme.h"

#include "fleet/fleet.h"
#include "fleet/workloadcatalog.h"
#include "images/imagelibrary.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Corral {

namespace {

enum Page : int { FormPage, ProgressPage };

// Replaces a combo's items, keeping the current choice (by data) when it is still there.
void refill(QComboBox *combo, const QList<std::pair<QString, QString>> &items, const QIcon &icon,
            const QString &preferred = {})
{
    const QString current = preferred.isEmpty() ? combo->currentData().toString() : preferred;
    QList<std::pair<QString, QString>> existing;
    for (int i = 0; i < combo->count(); ++i)
        existing.append({combo->itemText(i), combo->itemData(i).toString()});
    if (existing == items && (preferred.isEmpty() || combo->currentData() == preferred))
        return;
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (const auto &[text, data] : items)
        combo->addItem(icon, text, data);
    const int index = combo->findData(current);
    combo->setCurrentIndex(index >= 0 ? index : (combo->count() > 0 ? 0 : -1));
}

} // namespace

DeployDialog::DeployDialog(Fleet *fleet, const Preset &preset, QWidget *parent)
    : QDialog(parent)
    , m_fleet(fleet)
{
    setWindowTitle(tr("Deploy VMs"));
    setWindowIcon(Icons::application());
    m_preview = new DeployModel(this);
    m_progress = new DeployModel(this);

    auto *layout = new QVBoxLayout(this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createFormPage(preset));
    m_pages->addWidget(createProgressPage());
    layout->addWidget(m_pages);

    m_planTimer.setSingleShot(true);
    m_planTimer.setInterval(0);
    connect(&m_planTimer, &QTimer::timeout, this, &DeployDialog::updatePlan);

    if (m_fleet) {
        for (auto signal : {&Fleet::hostAdded, &Fleet::hostChanged}) {
            connect(m_fleet, signal, this, [this] {
                refreshChoices();
                schedulePlan();
            });
        }
        connect(m_fleet, &Fleet::hostRemoved, this, [this] {
            refreshChoices();
            schedulePlan();
        });
        connect(m_fleet, &Fleet::vmsChanged, this, &DeployDialog::schedulePlan);
        connect(m_fleet, &Fleet::vmsRemoved, this, &DeployDialog::schedulePlan);
        if (WorkloadCatalog *catalog = m_fleet->catalog()) {
            for (auto signal :
                 {&WorkloadCatalog::namespacesChanged, &WorkloadCatalog::configsChanged,
                  &WorkloadCatalog::usageChanged, &WorkloadCatalog::policyChanged}) {
                connect(catalog, signal, this, [this] {
                    refreshChoices();
                    schedulePlan();
                });
            }
        }
        if (ImageLibrary *images = m_fleet->images()) {
            connect(images, &ImageLibrary::imagesChanged, this, [this] {
                refreshChoices();
                schedulePlan();
            });
        }
        if (Deployer *deployer = m_fleet->deployer())
            connect(deployer, &Deployer::vmProgress, this, &DeployDialog::onVmProgress);
        connect(m_fleet->tasks(), &TaskManager::taskChanged, this,
                [this](const Task &task) { m_progress->setTaskProgress(task.id, task.progress); });
    }

    if (Deployer *deployer = m_fleet ? m_fleet->deployer() : nullptr) {
        m_planFunction = [deployer](const DeployRequest &request) {
            return deployer->plan(request);
        };
        m_deployFunction = [deployer](const DeployRequest &request, QObject *context,
                                      std::function<void(Result<QList<DeployedVm>>)> done) {
            return deployer->deploy(request, context, std::move(done));
        };
    }

    resize(820, 660);
    updatePlan();
}

void DeployDialog::setBackend(PlanFunction plan, DeployFunction deploy)
{
    m_planFunction = std::move(plan);
    m_deployFunction = std::move(deploy);
    updatePlan();
}

QWidget *DeployDialog::createFormPage(const Preset &preset)
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *what = new QGroupBox(tr("What"), page);
    auto *whatGrid = new QGridLayout(what);
    m_fromConfig = new QRadioButton(tr("From a VM &config:"), what);
    m_fromConfig->setObjectName(QStringLiteral("fromConfigRadio"));
    m_config = new QComboBox(what);
    m_config->setObjectName(QStringLiteral("configCombo"));
    m_config->setPlaceholderText(tr("No VM configs yet"));
    whatGrid->addWidget(m_fromConfig, 0, 0);
    whatGrid->addWidget(m_config, 0, 1, 1, 6);
    m_adHoc = new QRadioButton(tr("&Ad hoc, from an image:"), what);
    m_adHoc->setObjectName(QStringLiteral("adHocRadio"));
    m_image = new QComboBox(what);
    m_image->setObjectName(QStringLiteral("imageCombo"));
    m_image->setPlaceholderText(tr("No disk image in the library"));
    m_profile = new QComboBox(what);
    m_profile->setObjectName(QStringLiteral("profileCombo"));
    for (GuestProfile profile : {GuestProfile::Linux, GuestProfile::MacOS, GuestProfile::Generic})
        m_profile->addItem(guestProfileLabel(profile), int(profile));
    m_vcpus = new QSpinBox(what);
    m_vcpus->setObjectName(QStringLiteral("vcpusSpin"));
    m_vcpus->setRange(1, 1024);
    m_vcpus->setValue(2);
    m_memory = new QSpinBox(what);
    m_memory->setObjectName(QStringLiteral("memorySpin"));
    m_memory->setRange(64, 16 * 1024 * 1024);
    m_memory->setSingleStep(512);
    m_memory->setValue(4096);
    //: Unit after a memory size
    m_memory->setSuffix(tr(" MiB"));
    auto *vcpusLabel = new QLabel(tr("&vCPUs:"), what);
    vcpusLabel->setBuddy(m_vcpus);
    auto *memoryLabel = new QLabel(tr("&Memory:"), what);
    memoryLabel->setBuddy(m_memory);
    whatGrid->addWidget(m_adHoc, 1, 0);
    whatGrid->addWidget(m_image, 1, 1);
    whatGrid->addWidget(m_profile, 1, 2);
    whatGrid->addWidget(vcpusLabel, 1, 3);
    whatGrid->addWidget(m_vcpus, 1, 4);
    whatGrid->addWidget(memoryLabel, 1, 5);
    whatGrid->addWidget(m_memory, 1, 6);
    whatGrid->setColumnStretch(1, 1);
    layout->addWidget(what);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_namespace = new QComboBox(page);
    m_namespace->setObjectName(QStringLiteral("namespaceCombo"));
    form->addRow(tr("&Namespace:"), m_namespace);
    m_count = new QSpinBox(page);
    m_count->setObjectName(QStringLiteral("countSpin"));
    m_count->setRange(1, 100);
    form->addRow(tr("C&ount:"), m_count);
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("generated from the config or image"));
    m_name->setToolTip(tr("The VM's name; with a count above 1 the stem of the names: NAME-1, "
                          "NAME-2, …"));
    form->addRow(tr("N&ame:"), m_name);
    layout->addLayout(form);

    auto *where = new QGroupBox(tr("Placement"), page);
    auto *whereGrid = new QGridLayout(where);
    m_automatic = new QRadioButton(tr("A&utomatic"), where);
    m_automatic->setObjectName(QStringLiteral("automaticRadio"));
    m_pinned = new QRadioButton(tr("On &host:"), where);
    m_pinned->setObjectName(QStringLiteral("pinnedRadio"));
    m_host = new QComboBox(where);
    m_host->setObjectName(QStringLiteral("hostCombo"));
    m_host->setPlaceholderText(tr("No hosts yet"));
    m_tagged = new QRadioButton(tr("On hosts &tagged:"), where);
    m_tagged->setObjectName(QStringLiteral("taggedRadio"));
    m_tag = new QComboBox(where);
    m_tag->setObjectName(QStringLiteral("tagCombo"));
    m_tag->setEditable(true);
    m_strategy = new QComboBox(where);
    m_strategy->setObjectName(QStringLiteral("strategyCombo"));
    m_strategy->addItem(tr("Spread: least allocated host first"), int(PlacementStrategy::Spread));
    m_strategy->addItem(tr("Pack: fill one host before the next"), int(PlacementStrategy::Pack));
    whereGrid->addWidget(m_automatic, 0, 0);
    whereGrid->addWidget(m_pinned, 1, 0);
    whereGrid->addWidget(m_host, 1, 1);
    whereGrid->addWidget(m_tagged, 2, 0);
    whereGrid->addWidget(m_tag, 2, 1);
    auto *strategyLabel = new QLabel(tr("&Strategy:"), where);
    strategyLabel->setBuddy(m_strategy);
    whereGrid->addWidget(strategyLabel, 3, 0);
    whereGrid->addWidget(m_strategy, 3, 1);
    whereGrid->setColumnStretch(1, 1);
    m_automatic->setChecked(true);
    layout->addWidget(where);

    auto *preview = new QGroupBox(tr("Preview"), page);
    auto *previewLayout = new QVBoxLayout(preview);
    m_previewView = new PlaceholderTreeView(preview);
    m_previewView->setObjectName(QStringLiteral("previewView"));
    m_previewView->setModel(m_preview);
    m_previewView->setSelectionMode(QAbstractItemView::NoSelection);
    m_previewView->setColumnHidden(DeployModel::StateColumn, true);
    m_previewView->header()->setStretchLastSection(true);
    m_previewView->header()->resizeSection(DeployModel::NameColumn, 200);
    m_previewView->header()->resizeSection(DeployModel::HostColumn, 120);
    //: Column of the deploy preview: why the scheduler chose the host
    m_preview->setDetailsTitle(tr("Why this host"));
    previewLayout->addWidget(m_previewView, 1);
    m_planError = Theme::makeMessageLabel(preview, QStringLiteral("planError"),
                                          Theme::errorColor(palette()));
    previewLayout->addWidget(m_planError);
    m_rejections = new QTreeWidget(preview);
    m_rejections->setObjectName(QStringLiteral("rejectionList"));
    m_rejections->setRootIsDecorated(false);
    m_rejections->setColumnCount(2);
    m_rejections->setHeaderLabels({tr("Host"), tr("Why not")});
    m_rejections->header()->resizeSection(0, 160);
    m_rejections->setMaximumHeight(130);
    m_rejections->hide();
    previewLayout->addWidget(m_rejections);
    layout->addWidget(preview, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, page);
    m_deployButton = buttons->button(QDialogButtonBox::Ok);
    m_deployButton->setObjectName(QStringLiteral("deployButton"));
    m_deployButton->setText(tr("Deploy"));
    m_deployButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &DeployDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DeployDialog::reject);

    refreshChoices();
    const QString ns = preset.ns.isEmpty() ? defaultNamespace() : preset.ns;
    if (m_namespace->findData(ns) < 0)
        m_namespace->addItem(Icons::symbolic(QStringLiteral("namespace")), ns, ns);
    m_namespace->setCurrentIndex(m_namespace->findData(ns));
    if (!preset.config.isEmpty() && m_config->findData(preset.config) >= 0)
        m_config->setCurrentIndex(m_config->findData(preset.config));
    (m_config->count() > 0 ? m_fromConfig : m_adHoc)->setChecked(true);
    updateSourceWidgets();

    for (QRadioButton *radio : {m_fromConfig, m_adHoc, m_automatic, m_pinned, m_tagged}) {
        connect(radio, &QRadioButton::toggled, this, [this] {
            updateSourceWidgets();
            schedulePlan();
        });
    }
    for (QComboBox *combo : {m_config, m_image, m_profile, m_namespace, m_host, m_strategy})
        connect(combo, &QComboBox::currentIndexChanged, this, &DeployDialog::schedulePlan);
    connect(m_tag, &QComboBox::currentTextChanged, this, &DeployDialog::schedulePlan);
    for (QSpinBox *spin : {m_vcpus, m_memory, m_count})
        connect(spin, &QSpinBox::valueChanged, this, &DeployDialog::schedulePlan);
    connect(m_name, &QLineEdit::textChanged, this, &DeployDialog::schedulePlan);
    return page;
}

QWidget *DeployDialog::createProgressPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    m_progressView = new PlaceholderTreeView(page);
    m_progressView->setObjectName(QStringLiteral("progressView"));
    m_progressView->setModel(m_progress);
    m_progressView->setPlaceholderText(tr("Waiting for the first VM…"));
    m_progressView->header()->setStretchLastSection(true);
    m_progressView->header()->resizeSection(DeployModel::NameColumn, 200);
    m_progressView->header()->resizeSection(DeployModel::HostColumn, 120);
    m_progressView->header()->resizeSection(DeployModel::StateColumn, 150);
    layout->addWidget(m_progressView, 1);
    layout->addWidget(Theme::makeHelpLabel(
        tr("Each VM is also a task in the task list. Closing this window does not stop the "
           "deploy."),
        page));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, page);
    m_closeButton = buttons->button(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &DeployDialog::reject);
    return page;
}

void DeployDialog::refreshChoices()
{
    QList<std::pair<QString, QString>> configs;
    QList<std::pair<QString, QString>> namespaces;
    QList<std::pair<QString, QString>> images;
    QList<std::pair<QString, QString>> hosts;
    QStringList tags;
    if (WorkloadCatalog *catalog = m_fleet ? m_fleet->catalog() : nullptr) {
        const QList<VmConfig> all = catalog->configs();
        for (const VmConfig &config : all)
            configs.append({config.name, config.name});
        const QList<NamespaceConfig> named = catalog->namespaces();
        for (const NamespaceConfig &ns : named) {
            if (ns.name != defaultNamespace())
                namespaces.append({ns.name, ns.name});
        }
        const QStringList foreign = catalog->foreignNamespaces();
        for (const QString &ns : foreign)
            namespaces.append({tr("%1 (made by another console)").arg(ns), ns});
    }
    // The default namespace always exists; it comes first.
    namespaces.prepend({defaultNamespace(), defaultNamespace()});
    if (ImageLibrary *library = m_fleet ? m_fleet->images() : nullptr) {
        const QList<ImageRecord> all = library->images();
        for (const ImageRecord &image : all) {
            if (image.kind == u"disk")
                images.append({image.name, image.name});
        }
    }
    if (m_fleet) {
        QList<HostInfo> all = m_fleet->hosts();
        std::sort(all.begin(), all.end(), [](const HostInfo &a, const HostInfo &b) {
            return Format::naturalCompare(a.config.name, b.config.name) < 0;
        });
        for (const HostInfo &host : std::as_const(all)) {
            hosts.append({host.config.name, host.config.name});
            for (const QString &tag : host.config.tags) {
                if (!tags.contains(tag))
                    tags.append(tag);
            }
        }
    }
    refill(m_config, configs, Icons::symbolic(QStringLiteral("config")));
    refill(m_namespace, namespaces, Icons::symbolic(QStringLiteral("namespace")));
    refill(m_image, images, Icons::symbolic(QStringLiteral("image")));
    refill(m_host, hosts, Icons::symbolic(QStringLiteral("host")));
    tags.sort();
    QStringList currentTags;
    for (int i = 0; i < m_tag->count(); ++i)
        currentTags.append(m_tag->itemText(i));
    if (currentTags != tags) {
        const QString tag = m_tag->currentText();
        const QSignalBlocker blocker(m_tag);
        m_tag->clear();
        m_tag->addItems(tags);
        m_tag->setEditText(tag);
    }
    m_fromConfig->setEnabled(m_config->count() > 0);
    if (m_config->count() == 0 && m_fromConfig->isChecked())
        m_adHoc->setChecked(true);
}

void DeployDialog::updateSourceWidgets()
{
    const bool fromConfig = m_fromConfig->isChecked();
    m_config->setEnabled(fromConfig);
    for (QWidget *w : std::initializer_list<QWidget *>{m_image, m_profile, m_vcpus, m_memory})
        w->setEnabled(!fromConfig);
    m_host->setEnabled(m_pinned->isChecked());
    m_tag->setEnabled(m_tagged->isChecked());
}

DeployRequest DeployDialog::request() const
{
    DeployRequest request;
    request.nameSeed = m_nameSeed; // the preview's generated names are the ones deployed
    request.ns = m_namespace->currentData().toString();
    if (request.ns.isEmpty())
        request.ns = defaultNamespace();
    if (m_fromConfig->isChecked()) {
        request.configName = m_config->currentData().toString();
    } else {
        request.adHoc.image = m_image->currentData().toString();
        request.adHoc.profile = GuestProfile(m_profile->currentData().toInt());
        request.adHoc.vcpus = m_vcpus->value();
        request.adHoc.memoryMiB = m_memory->value();
    }
    request.count = m_count->value();
    request.name = m_name->text().trimmed();
    if (m_pinned->isChecked())
        request.host = m_host->currentData().toString();
    if (m_tagged->isChecked())
        request.tag = m_tag->currentText().trimmed();
    request.strategy = PlacementStrategy(m_strategy->currentData().toInt());
    return request;
}

void DeployDialog::schedulePlan()
{
    if (m_pages->currentIndex() == FormPage && !m_planTimer.isActive())
        m_planTimer.start();
}

void DeployDialog::updatePlan()
{
    m_planTimer.stop();
    if (m_planFunction) {
        m_plan = m_planFunction(request());
    } else {
        m_plan = {};
        m_plan.error = tr("There is no fleet to deploy to.");
    }
    m_preview->setVms(m_plan.ok() ? m_plan.vms : QList<DeployedVm>());
    // A failed plan shows why in place of the preview: the error, then the hosts' reasons.
    m_previewView->setVisible(m_plan.ok());
    // The scheduler's error also lists each host's reason; the table below shows those.
    QStringList lines = m_plan.error.split(u'\n');
    lines.removeIf([this](const QString &line) {
        return std::any_of(m_plan.schedule.rejections.cbegin(), m_plan.schedule.rejections.cend(),
                           [&line](const HostRejection &r) {
                               return line.trimmed() == r.hostName + u": " + r.reason;
                           });
    });
    m_planError->setText(lines.join(u'\n').trimmed());
    m_planError->setVisible(!m_plan.ok());

    m_rejections->clear();
    if (!m_plan.ok()) {
        const QIcon hostIcon = Icons::symbolic(QStringLiteral("host"));
        for (const HostRejection &rejection : std::as_const(m_plan.schedule.rejections)) {
            auto *item = new QTreeWidgetItem(m_rejections, {rejection.hostName, rejection.reason});
            item->setIcon(0, hostIcon);
            item->setToolTip(1, rejection.reason);
        }
    }
    m_rejections->setVisible(m_rejections->topLevelItemCount() > 0);
    m_deployButton->setEnabled(m_plan.ok() && !isDeploying());
    m_deployButton->setToolTip(
        m_plan.ok()
            ? tr("Deploy (%1)").arg(m_deployButton->shortcut().toString(QKeySequence::NativeText))
            : m_plan.error);
}

void DeployDialog::accept()
{
    if (m_pages->currentIndex() != FormPage)
        return;
    updatePlan();
    if (!m_plan.ok() || !m_deployFunction)
        return;
    m_request = request();
    // Names the user chose are known now; generated ones only once the deploy reports them.
    QList<DeployedVm> planned;
    if (!m_request.name.isEmpty())
        planned = m_plan.vms;
    for (DeployedVm &vm : planned)
        vm.state = QStringLiteral("planned");
    m_progress->setVms(planned);
    m_pages->setCurrentIndex(ProgressPage);
    m_closeButton->setText(tr("Continue in Background"));
    m_closeButton->setToolTip(tr("Close this window; the deploy goes on"));
    m_starting = true;
    m_deployId = m_deployFunction(
        m_request, this, [this](Result<QList<DeployedVm>> result) { onDeployDone(result); });
    m_starting = false;
    const auto early = std::exchange(m_early, {});
    for (const auto &[id, vm] : early)
        onVmProgress(id, vm);
    updateSummary();
    Q_EMIT deployStarted(m_deployId);
}

void DeployDialog::onVmProgress(quint64 deployId, const DeployedVm &vm)
{
    if (m_starting && m_deployId == 0) {
        m_early.append({deployId, vm});
        return;
    }
    if (deployId == 0 || deployId != m_deployId)
        return;
    m_progress->updateVm(vm);
    updateSummary();
}

void DeployDialog::onDeployDone(const Result<QList<DeployedVm>> &result)
{
    m_finished = true;
    if (result) {
        for (const DeployedVm &vm : *result)
            m_progress->updateVm(vm);
    } else {
        m_deployError = result.error().message;
    }
    m_closeButton->setText(tr("Close"));
    m_closeButton->setToolTip({});
    updateSummary();
}

void DeployDialog::updateSummary()
{
    const int total = std::max(m_request.count, m_progress->rowCount());
    const int failed = m_progress->failedCount();
    const int running = m_progress->finishedCount() - failed;
    QString text;
    QColor color = palette().color(QPalette::WindowText);
    if (!m_deployError.isEmpty()) {
        text = m_deployError;
        color = Theme::errorColor(palette());
    } else if (!m_finished) {
        text = tr("Deploying %n VM(s) into namespace %1: %2 running.", nullptr, total)
                   .arg(m_request.ns)
                   .arg(running);
    } else if (failed == 0) {
        text = tr("%n VM(s) deployed and running in namespace %1.", nullptr, running)
                   .arg(m_request.ns);
        color = Theme::successColor(palette());
    } else {
        text = tr("%n VM(s) failed; the list says why. What was set up for them has been removed.",
                  nullptr, failed);
        color = Theme::errorColor(palette());
    }
    m_summary->setText(text);
    QPalette p = m_summary->palette();
    p.setColor(QPalette::WindowText, color);
    m_summary->setPalette(p);
}

} // namespace Corral
