#include "emptydiskdialog.h"

#include "formatting.h"
#include "icons.h"
#include "images/imageprobe.h"
#include "theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Corral {

EmptyDiskDialog::EmptyDiskDialog(const QStringList &existingNames, const QList<HostInfo> &hosts,
                                 CreateFunction create, QWidget *parent)
    : QDialog(parent)
    , m_existingNames(existingNames)
    , m_create(std::move(create))
{
    setWindowTitle(tr("Create Empty Disk"));
    setWindowIcon(Icons::application());
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setMaxLength(64);
    m_nameEdit->setPlaceholderText(tr("e.g. data-disk.qcow2"));
    form->addRow(tr("&Name:"), m_nameEdit);
    m_nameError
        = Theme::makeMessageLabel(this, QStringLiteral("nameError"), Theme::errorColor(palette()));
    form->addRow(QString(), m_nameError);

    m_sizeSpin = new QSpinBox(this);
    m_sizeSpin->setObjectName(QStringLiteral("sizeSpin"));
    m_sizeSpin->setRange(1, 64 * 1024);
    m_sizeSpin->setValue(64);
    //: Unit after the size field of a new disk
    m_sizeSpin->setSuffix(tr(" GiB"));
    form->addRow(tr("&Size:"), m_sizeSpin);

    m_hostCombo = new QComboBox(this);
    m_hostCombo->setObjectName(QStringLiteral("hostCombo"));
    QList<HostInfo> connected = hosts;
    connected.removeIf([](const HostInfo &host) { return host.state != HostState::Connected; });
    std::sort(connected.begin(), connected.end(), [](const HostInfo &a, const HostInfo &b) {
        return Format::naturalCompare(a.config.name, b.config.name) < 0;
    });
    for (const HostInfo &host : std::as_const(connected))
        m_hostCombo->addItem(Icons::symbolic(QStringLiteral("host")), host.config.name,
                             host.config.id);
    if (connected.isEmpty())
        m_hostCombo->setPlaceholderText(tr("No host is connected"));
    form->addRow(tr("&Host:"), m_hostCombo);

    m_descriptionEdit = new QLineEdit(this);
    m_descriptionEdit->setObjectName(QStringLiteral("descriptionEdit"));
    m_descriptionEdit->setPlaceholderText(tr("optional"));
    form->addRow(tr("&Description:"), m_descriptionEdit);
    layout->addLayout(form);

    auto *help
        = Theme::makeHelpLabel(tr("The disk is thin: it takes space on the host only as the guest "
                                  "writes to it."),
                               this);
    layout->addWidget(help);

    m_resultError = Theme::makeMessageLabel(this, QStringLiteral("resultError"),
                                            Theme::errorColor(palette()));
    layout->addWidget(m_resultError);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_createButton = buttons->button(QDialogButtonBox::Ok);
    m_createButton->setText(tr("Create"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &EmptyDiskDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EmptyDiskDialog::reject);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &EmptyDiskDialog::validate);

    setMinimumWidth(440);
    validate();
}

QString EmptyDiskDialog::nameError() const
{
    const QString name = m_nameEdit->text().trimmed();
    if (const QString rule = ImageProbes::validateName(name); !rule.isEmpty())
        return rule;
    if (m_existingNames.contains(name))
        return tr("The library already has an image named %1.").arg(name);
    return {};
}

bool EmptyDiskDialog::isInputValid() const
{
    return !m_busy && m_hostCombo->currentIndex() >= 0 && nameError().isEmpty();
}

void EmptyDiskDialog::validate()
{
    // An untouched, empty name is not an error yet: the dialog just opened.
    const QString error = m_nameEdit->text().isEmpty() ? QString() : nameError();
    m_nameError->setText(error);
    m_nameError->setVisible(!error.isEmpty());
    m_resultError->hide();
    m_createButton->setEnabled(isInputValid());
}

void EmptyDiskDialog::accept()
{
    if (!isInputValid())
        return;
    if (!m_create) {
        QDialog::accept();
        return;
    }
    m_busy = true;
    m_createButton->setEnabled(false);
    const quint64 size = quint64(m_sizeSpin->value()) * 1024 * 1024 * 1024;
    m_create(m_nameEdit->text().trimmed(), size, m_hostCombo->currentData().toLongLong(),
             m_descriptionEdit->text().trimmed(), this, [this](Result<qint64> job) {
                 m_busy = false;
                 if (!job) {
                     m_resultError->setText(job.error().message);
                     m_resultError->show();
                     m_createButton->setEnabled(isInputValid());
                     return;
                 }
                 Q_EMIT created(*job);
                 QDialog::accept();
             });
}

} // namespace Corral
