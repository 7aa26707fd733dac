#pragma once

#include "fleet/namespaceinfo.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace Corral {

class Fleet;

// Creates or edits a namespace of the catalog: name (an RFC 1123 label, checked as it is
// typed; fixed once the namespace exists), description, quotas (0 = no limit) and the hosts
// dedicated to it. Hosts dedicated to another namespace are shown disabled, naming it.
// Adopt creates the catalog entry of a namespace made by another console (its name is fixed).
// On OK the dialog calls WorkloadCatalog::createNamespace/updateNamespace and closes only when
// that succeeded; otherwise the error stays in the dialog. Without a fleet (tests) OK accepts.
class NamespaceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NamespaceDialog)

public:
    enum class Mode : quint8 { Create, Adopt, Edit };

    NamespaceDialog(Fleet *fleet, Mode mode, const NamespaceConfig &initial = {},
                    QWidget *parent = nullptr);

    // The namespace as currently entered.
    NamespaceConfig config() const;
    // Why the name cannot be used; empty when it can.
    QString nameError() const;
    bool isInputValid() const;

    QLineEdit *nameEdit() const { return m_nameEdit; }
    QLabel *nameErrorLabel() const { return m_nameError; }
    QLineEdit *descriptionEdit() const { return m_descriptionEdit; }
    QSpinBox *maxVmsSpin() const { return m_maxVms; }
    QSpinBox *maxVcpusSpin() const { return m_maxVcpus; }
    QSpinBox *maxMemorySpin() const { return m_maxMemoryGiB; }
    QListWidget *hostList() const { return m_hostList; }
    QLabel *resultErrorLabel() const { return m_resultError; }
    QPushButton *okButton() const { return m_okButton; }

    void accept() override;

Q_SIGNALS:
    void saved(const Corral::NamespaceConfig &ns);

private:
    void createHostList();
    void validate();
    void setBusy(bool busy);

    Fleet *m_fleet;
    Mode m_mode;
    NamespaceConfig m_initial;
    QStringList m_takenNames;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_nameError = nullptr;
    QLineEdit *m_descriptionEdit = nullptr;
    QSpinBox *m_maxVms = nullptr;
    QSpinBox *m_maxVcpus = nullptr;
    QSpinBox *m_maxMemoryGiB = nullptr;
    QListWidget *m_hostList = nullptr;
    QLabel *m_resultError = nullptr;
    QPushButton *m_okButton = nullptr;
    bool m_busy = false;
};

} // namespace Corral
