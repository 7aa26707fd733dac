#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Corral {

// Asks for a new name, checked as it is typed, and optionally a description: for saving a VM
// as an image, cloning a VM, taking a snapshot. The check returns why a name cannot be used
// (empty when it can); the message shows under the field and OK stays disabled meanwhile.
class NameDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NameDialog)

public:
    using Check = std::function<QString(const QString &name)>;

    NameDialog(const QString &title, const QString &label, const QString &okText, Check check,
               bool withDescription, QWidget *parent = nullptr);

    void setName(const QString &name);
    QString name() const;
    QString description() const;
    // A line of explanation under the fields.
    void setHelp(const QString &text);
    QString nameError() const;

    QLineEdit *nameEdit() const { return m_nameEdit; }
    QLabel *nameErrorLabel() const { return m_nameError; }
    QPushButton *okButton() const { return m_okButton; }

    void accept() override;

private:
    void validate();

    Check m_check;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_nameError = nullptr;
    QLineEdit *m_descriptionEdit = nullptr;
    QLabel *m_help = nullptr;
    QPushButton *m_okButton = nullptr;
};

} // namespace Corral
