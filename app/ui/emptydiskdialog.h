#pragma once

#include "fleet/hostinfo.h"
#include "util/result.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Corral {

// Creates an empty qcow2 disk in one host's image pool and registers it in the library: name
// (checked as it is typed against the naming rule and the catalog), size in GiB, host (the
// connected ones) and description. Create calls the given function and closes once the job
// started; an error stays in the dialog. Talks to no core object (the Images page binds the
// function to ImageLibrary::createEmpty).
class EmptyDiskDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyDiskDialog)

public:
    using CreateFunction = std::function<void(const QString &name, quint64 size, qint64 hostId,
                                              const QString &description, QObject *context,
                                              std::function<void(Result<qint64>)> done)>;

    EmptyDiskDialog(const QStringList &existingNames, const QList<HostInfo> &hosts,
                    CreateFunction create, QWidget *parent = nullptr);

    QString nameError() const;
    bool isInputValid() const;
    QPushButton *createButton() const { return m_createButton; }

    void accept() override;

Q_SIGNALS:
    void created(qint64 jobId);

private:
    void validate();

    QStringList m_existingNames;
    CreateFunction m_create;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_nameError = nullptr;
    QSpinBox *m_sizeSpin = nullptr;
    QComboBox *m_hostCombo = nullptr;
    QLineEdit *m_descriptionEdit = nullptr;
    QLabel *m_resultError = nullptr;
    QPushButton *m_createButton = nullptr;
    bool m_busy = false;
};

} // namespace Corral
