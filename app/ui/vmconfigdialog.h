#pragma once

#include "fleet/vmconfig.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace Corral {

class Fleet;

// Edits a VM config: General (name, description, base image, guest profile with its own
// fields — OpenCore image and CPU model for macOS, firmware otherwise — and the guest user),
// Resources (vCPUs, memory, disk, display, host tag, exposed ports) and Advanced (NIC and video
// models, network, system serial, GPU passthrough). Every change is checked with
// validateVmConfig(): the fields with a problem get an error mark whose tooltip says what is
// wrong, their tab an error icon, the first message shows under the tabs, and OK stays
// disabled until all are fixed. The image pickers list the image library's images.
// On OK the dialog calls WorkloadCatalog::createConfig/updateConfig and closes only when that
// succeeded; otherwise the error stays in the dialog. Without a fleet (tests) OK accepts.
class VmConfigDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmConfigDialog)

public:
    enum class Mode : quint8 { Create, Edit };

    VmConfigDialog(Fleet *fleet, Mode mode, const VmConfig &initial = {},
                   QWidget *parent = nullptr);

    // The config as currently entered.
    VmConfig config() const;
    void setConfig(const VmConfig &config);
    // The images the pickers offer: disk images for the base image, every image for OpenCore.
    void setImageChoices(const QStringList &diskImages, const QStringList &allImages);

    // The problems of config() as validateVmConfig() and the ports field report them.
    QList<ConfigProblem> problems() const { return m_problems; }
    // The fields marked as having a problem ("vcpus", "ports", ...).
    QStringList markedFields() const;
    bool isInputValid() const;

    QTabWidget *tabs() const { return m_tabs; }
    QLabel *problemLabel() const { return m_problemLabel; }
    QLabel *resultErrorLabel() const { return m_resultError; }
    QPushButton *okButton() const { return m_okButton; }

    void accept() override;

    // "22, 5900" -> {22, 5900}; a token that is no port makes `error` say which.
    static QList<quint16> parsePorts(const QString &text, QString *error);

Q_SIGNALS:
    void saved(const Corral::VmConfig &config);

private:
    QWidget *createGeneralTab();
    QWidget *createResourcesTab();
    QWidget *createAdvancedTab();
    QWidget *withMark(QWidget *field, const QString &key);
    void fillImageCombo(QComboBox *combo, const QStringList &names, const QString &current,
                        bool allowNone);
    void onProfileChanged();
    void updateAutomaticLabels();
    void validate();
    void setBusy(bool busy);

    Fleet *m_fleet;
    Mode m_mode;
    VmConfig m_initial;
    QStringList m_diskImages;
    QStringList m_allImages;
    QList<ConfigProblem> m_problems;
    QHash<QString, QLabel *> m_marks; // field key -> its error mark
    QHash<QString, int> m_fieldTabs; // field key -> tab index
    bool m_nameTouched = false;
    bool m_loading = false;
    bool m_busy = false;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QComboBox *m_image = nullptr;
    QComboBox *m_profile = nullptr;
    QFormLayout *m_generalForm = nullptr;
    QList<QWidget *> m_macRows; // shown for macOS guests only
    QList<QWidget *> m_otherRows; // shown for the other profiles
    QComboBox *m_openCore = nullptr;
    QComboBox *m_cpuModel = nullptr;
    QComboBox *m_firmware = nullptr;
    QLineEdit *m_guestUser = nullptr;
    QSpinBox *m_vcpus = nullptr;
    QSpinBox *m_memory = nullptr;
    QSpinBox *m_disk = nullptr;
    QSpinBox *m_displayWidth = nullptr;
    QSpinBox *m_displayHeight = nullptr;
    QLineEdit *m_hostTag = nullptr;
    QCheckBox *m_tagRequired = nullptr;
    QLineEdit *m_ports = nullptr;
    QComboBox *m_nic = nullptr;
    QComboBox *m_video = nullptr;
    QComboBox *m_networkKind = nullptr;
    QLineEdit *m_networkName = nullptr;
    QLineEdit *m_systemSerial = nullptr;
    QLineEdit *m_gpu = nullptr;
    QLabel *m_problemLabel = nullptr;
    QLabel *m_resultError = nullptr;
    QPushButton *m_okButton = nullptr;
};

} // namespace Corral
