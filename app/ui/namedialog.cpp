#include "namedialog.h"

#include "icons.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Corral {

NameDialog::NameDialog(const QString &title, const QString &label, const QString &okText,
                       Check check, bool withDescription, QWidget *parent)
    : QDialog(parent)
    , m_check(std::move(check))
{
    setWindowTitle(title);
    setWindowIcon(Icons::application());
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    form->addRow(label, m_nameEdit);
    m_nameError
        = Theme::makeMessageLabel(this, QStringLiteral("nameError"), Theme::errorColor(palette()));
    form->addRow(QString(), m_nameError);
    if (withDescription) {
        m_descriptionEdit = new QLineEdit(this);
        m_descriptionEdit->setObjectName(QStringLiteral("descriptionEdit"));
        m_descriptionEdit->setPlaceholderText(tr("optional"));
        form->addRow(tr("&Description:"), m_descriptionEdit);
    }
    layout->addLayout(form);
    m_help = Theme::makeHelpLabel(QString(), this);
    m_help->hide();
    layout->addWidget(m_help);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setText(okText);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &NameDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NameDialog::reject);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &NameDialog::validate);
    setMinimumWidth(420);
    validate();
}

void NameDialog::setName(const QString &name)
{
    m_nameEdit->setText(name);
    m_nameEdit->selectAll();
}

QString NameDialog::name() const
{
    return m_nameEdit->text().trimmed();
}

QString NameDialog::description() const
{
    return m_descriptionEdit ? m_descriptionEdit->text().trimmed() : QString();
}

void NameDialog::setHelp(const QString &text)
{
    m_help->setText(text);
    m_help->setVisible(!text.isEmpty());
}

QString NameDialog::nameError() const
{
    if (name().isEmpty())
        return tr("Enter a name.");
    return m_check ? m_check(name()) : QString();
}

void NameDialog::validate()
{
    // An untouched, empty name is not an error yet: the dialog just opened.
    const QString error = m_nameEdit->text().isEmpty() ? QString() : nameError();
    m_nameError->setText(error);
    m_nameError->setVisible(!error.isEmpty());
    m_okButton->setEnabled(nameError().isEmpty());
}

void NameDialog::accept()
{
    if (nameError().isEmpty())
        QDialog::accept();
}

} // namespace Corral
