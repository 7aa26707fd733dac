#include "namespacedialog.h"

#include "catalogsave.h"
#include "formatting.h"
#include "icons.h"
#include "theme.h"

#include "fleet/fleet.h"
#include "fleet/vmconfig.h"
#include "fleet/workloadcatalog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Corral {

namespace {

constexpr int hostNameRole = Qt::UserRole + 1;

qint64 gibFromMiB(qint64 mib)
{
    return (mib + 1023) / 1024;
}

QSpinBox *makeQuotaSpin(QWidget *parent, const QString &objectName, int maximum)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(0, maximum);
    spin->setSpecialValueText(NamespaceDialog::tr("No limit"));
    spin->setAccelerated(true);
    spin->setMinimumWidth(140);
    return spin;
}

} // namespace

NamespaceDialog::NamespaceDialog(Fleet *fleet, Mode mode, const NamespaceConfig &initial,
                                 QWidget *parent)
    : QDialog(parent)
    , m_fleet(fleet)
    , m_mode(mode)
    , m_initial(initial)
{
    switch (mode) {
    case Mode::Create:
        setWindowTitle(tr("New Namespace"));
        break;
    case Mode::Adopt:
        setWindowTitle(tr("Set Up Namespace %1").arg(initial.name));
        break;
    case Mode::Edit:
        setWindowTitle(tr("Edit Namespace %1").arg(initial.name));
        break;
    }
    setWindowIcon(Icons::application());
    WorkloadCatalog *catalog = m_fleet ? m_fleet->catalog() : nullptr;
    if (catalog) {
        const QList<NamespaceConfig> namespaces = catalog->namespaces();
        for (const NamespaceConfig &ns : namespaces)
            m_takenNames.append(ns.name);
    }

    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setMaxLength(63);
    m_nameEdit->setPlaceholderText(tr("e.g. ci-runners"));
    m_nameEdit->setText(initial.name);
    m_nameEdit->setReadOnly(mode != Mode::Create);
    if (mode != Mode::Create)
        m_nameEdit->setToolTip(tr("A namespace keeps its name: the VMs in it record it."));
    form->addRow(tr("&Name:"), m_nameEdit);
    m_nameError
        = Theme::makeMessageLabel(this, QStringLiteral("nameError"), Theme::errorColor(palette()));
    form->addRow(QString(), m_nameError);
    m_descriptionEdit = new QLineEdit(this);
    m_descriptionEdit->setObjectName(QStringLiteral("descriptionEdit"));
    m_descriptionEdit->setPlaceholderText(tr("optional, e.g. the team that uses it"));
    m_descriptionEdit->setText(initial.description);
    form->addRow(tr("&Description:"), m_descriptionEdit);
    layout->addLayout(form);

    auto *quotas = new QGroupBox(tr("Quotas"), this);
    auto *quotaForm = new QFormLayout(quotas);
    quotaForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_maxVms = makeQuotaSpin(quotas, QStringLiteral("maxVmsSpin"), 100000);
    m_maxVms->setValue(initial.maxVms);
    quotaForm->addRow(tr("&VMs:"), m_maxVms);
    m_maxVcpus = makeQuotaSpin(quotas, QStringLiteral("maxVcpusSpin"), 1000000);
    m_maxVcpus->setValue(initial.maxVcpus);
    quotaForm->addRow(tr("v&CPUs:"), m_maxVcpus);
    m_maxMemoryGiB = makeQuotaSpin(quotas, QStringLiteral("maxMemorySpin"), 1024 * 1024);
    //: Unit after a memory quota
    m_maxMemoryGiB->setSuffix(tr(" GiB"));
    m_maxMemoryGiB->setValue(int(gibFromMiB(initial.maxMemoryMiB)));
    quotaForm->addRow(tr("&Memory:"), m_maxMemoryGiB);
    QString quotaHelp = tr("Deploys that would go over a quota are refused. VMs that exist "
                           "already are never touched.");
    if (catalog && mode != Mode::Create) {
        const NamespaceUsage used = catalog->usage(initial.name);
        quotaHelp += u'\n'
            + tr("In use now: %n VM(s), %1 vCPUs, %2 of memory.", nullptr, used.vms)
                  .arg(used.vcpus)
                  .arg(Format::kibibytes(used.memoryMiB * 1024));
    }
    quotaForm->addRow(Theme::makeHelpLabel(quotaHelp, quotas));
    layout->addWidget(quotas);

    auto *hosts = new QGroupBox(tr("Dedicated Hosts"), this);
    auto *hostLayout = new QVBoxLayout(hosts);
    m_hostList = new QListWidget(hosts);
    m_hostList->setObjectName(QStringLiteral("hostList"));
    m_hostList->setMaximumHeight(150);
    m_hostList->setIconSize(QSize(16, 16));
    hostLayout->addWidget(m_hostList);
    hostLayout->addWidget(Theme::makeHelpLabel(
        tr("A namespace with dedicated hosts deploys onto them and nowhere else, and no other "
           "namespace uses them. Without any, its VMs go to the shared hosts."),
        hosts));
    layout->addWidget(hosts);
    createHostList();

    m_resultError = Theme::makeMessageLabel(this, QStringLiteral("resultError"),
                                            Theme::errorColor(palette()));
    layout->addWidget(m_resultError);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setText(mode == Mode::Edit ? tr("Save") : tr("Create"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &NamespaceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NamespaceDialog::reject);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &NamespaceDialog::validate);
    connect(m_hostList, &QListWidget::itemChanged, this, [this] { m_resultError->hide(); });

    setMinimumWidth(460);
    validate();
}

void NamespaceDialog::createHostList()
{
    WorkloadCatalog *catalog = m_fleet ? m_fleet->catalog() : nullptr;
    QStringList names;
    if (m_fleet) {
        const QList<HostInfo> hosts = m_fleet->hosts();
        for (const HostInfo &host : hosts)
            names.append(host.config.name);
    }
    // Hosts the namespace names but the fleet no longer has stay listed, so saving keeps them.
    for (const QString &name : std::as_const(m_initial.dedicatedHosts)) {
        if (!names.contains(name))
            names.append(name);
    }
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return Format::naturalCompare(a, b) < 0; });
    const QIcon hostIcon = Icons::symbolic(QStringLiteral("host"));
    for (const QString &name : std::as_const(names)) {
        auto *item = new QListWidgetItem(hostIcon, name, m_hostList);
        item->setData(hostNameRole, name);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(m_initial.dedicatedHosts.contains(name) ? Qt::Checked : Qt::Unchecked);
        const QString owner = catalog ? catalog->dedicationOf(name) : QString();
        if (!owner.isEmpty() && owner != m_initial.name) {
            item->setFlags(Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            item->setText(tr("%1 — dedicated to %2").arg(name, owner));
            item->setToolTip(tr("%1 is dedicated to namespace %2; only one namespace can have a "
                                "host to itself.")
                                 .arg(name, owner));
        }
    }
    if (names.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No hosts yet"), m_hostList);
        item->setFlags(Qt::NoItemFlags);
    }
}

QString NamespaceDialog::nameError() const
{
    const QString name = m_nameEdit->text().trimmed();
    if (const QString rule = validateLabel(name, tr("namespace")); !rule.isEmpty())
        return rule;
    if (m_mode == Mode::Create && m_takenNames.contains(name))
        return tr("A namespace named %1 exists already.").arg(name);
    return {};
}

bool NamespaceDialog::isInputValid() const
{
    return !m_busy && nameError().isEmpty();
}

void NamespaceDialog::validate()
{
    // An untouched, empty name is not an error yet: the dialog just opened.
    const QString error = m_nameEdit->text().isEmpty() ? QString() : nameError();
    m_nameError->setText(error);
    m_nameError->setVisible(!error.isEmpty());
    m_resultError->hide();
    m_okButton->setEnabled(isInputValid());
}

NamespaceConfig NamespaceDialog::config() const
{
    NamespaceConfig ns = m_initial;
    ns.name = m_nameEdit->text().trimmed();
    ns.description = m_descriptionEdit->text().trimmed();
    ns.maxVms = m_maxVms->value();
    ns.maxVcpus = m_maxVcpus->value();
    // The spin box counts GiB; a quota set in MiB elsewhere survives when left alone.
    if (m_maxMemoryGiB->value() != gibFromMiB(m_initial.maxMemoryMiB))
        ns.maxMemoryMiB = qint64(m_maxMemoryGiB->value()) * 1024;
    ns.dedicatedHosts.clear();
    for (int row = 0; row < m_hostList->count(); ++row) {
        const QListWidgetItem *item = m_hostList->item(row);
        if ((item->flags() & Qt::ItemIsEnabled) && item->checkState() == Qt::Checked)
            ns.dedicatedHosts.append(item->data(hostNameRole).toString());
    }
    return ns;
}

void NamespaceDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_descriptionEdit), static_cast<QWidget *>(m_maxVms),
                       static_cast<QWidget *>(m_maxVcpus), static_cast<QWidget *>(m_maxMemoryGiB),
                       static_cast<QWidget *>(m_hostList)}) {
        w->setEnabled(!busy);
    }
    m_nameEdit->setEnabled(!busy);
    m_okButton->setEnabled(isInputValid());
}

void NamespaceDialog::accept()
{
    if (!isInputValid())
        return;
    saveThroughCatalog<NamespaceConfig>(
        this, m_fleet ? m_fleet->catalog() : nullptr,
        m_mode == Mode::Edit ? &WorkloadCatalog::updateNamespace
                             : &WorkloadCatalog::createNamespace,
        config(), m_resultError, [this](bool busy) { setBusy(busy); },
        [this](const NamespaceConfig &stored) {
            Q_EMIT saved(stored);
            QDialog::accept();
        });
}

} // namespace Corral
