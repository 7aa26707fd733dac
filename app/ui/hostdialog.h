#pragma once

#include "fleet/hostinfo.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Corral {

class Fleet;

// Adds a host to the catalog or edits one. The libvirt URI can be typed directly or composed
// from user, host, port, transport and mode; both stay in sync as either is edited. Deploy
// settings: the address forwarded VM ports listen on, and the host's Apple SMC key (for macOS
// guests; hidden unless shown). Every field is validated as it is typed; OK stays disabled
// while one is invalid.
// On OK the dialog calls Fleet::addHost/updateHost and closes only when that succeeded;
// otherwise the error is shown inside the dialog. Without a fleet (tests) OK just accepts.
class HostDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostDialog)

public:
    // Adds a new host when `existing` is empty, else edits it.
    explicit HostDialog(Fleet *fleet, const std::optional<HostConfig> &existing = std::nullopt,
                        QWidget *parent = nullptr);

    // The configuration as currently entered.
    HostConfig config() const;
    bool isInputValid() const;

    // Why a port address or an Apple SMC key cannot be used; empty when it can (empty
    // values are fine: 127.0.0.1, no key).
    static QString portAddressError(const QString &address);
    static QString smcKeyError(const QString &key);

    // "qemu+libssh://user@host:port/system" from the parts; public for the tests.
    static QString composeUri(const QString &transport, const QString &user, const QString &host,
                              int port, bool session, const QString &query = {});
    // The same for any driver and path (libvirt's test driver takes a file path).
    static QString composeUri(const QString &driver, const QString &transport, const QString &user,
                              const QString &host, int port, const QString &path,
                              const QString &query);

    void accept() override;

private:
    void onFieldsEdited();
    void onUriEdited();
    void validate();
    void setBusy(bool busy);
    void showError(const QString &message);

    Fleet *m_fleet = nullptr;
    std::optional<HostConfig> m_existing;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_nameError = nullptr;
    QComboBox *m_transportCombo = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QComboBox *m_modeCombo = nullptr;
    QLineEdit *m_uriEdit = nullptr;
    QLabel *m_uriError = nullptr;
    QLineEdit *m_tagsEdit = nullptr;
    QLineEdit *m_portAddressEdit = nullptr;
    QLabel *m_portAddressError = nullptr;
    QLineEdit *m_smcEdit = nullptr;
    QLabel *m_smcError = nullptr;
    QLabel *m_resultError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_okButton = nullptr;
    // Parts of a typed URI that have no field, kept while the fields are edited.
    QString m_query; // keyfile=..., known_hosts=...
    QString m_driver = QStringLiteral("qemu");
    QString m_path; // only for drivers other than qemu
    bool m_syncing = false;
    bool m_busy = false;
};

} // namespace Corral
