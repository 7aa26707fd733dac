#pragma once

#include "fleet/fleet.h"

#include <QDialog>
#include <QHostAddress>

class QAction;
class QComboBox;
class QGroupBox;
class QLabel;
class QModelIndex;
class QPushButton;
class QSpinBox;
class QTreeView;

namespace Corral {

class PortForwardListModel;

// "Forward ports…" for one VM: its port forwards (RemoteAccess, for this run of the
// application) with their local address, target, route and status, kept live from
// RemoteAccess's signals, and an area to add more (presets, a custom guest port, a local port,
// the address to listen on). Forwards of other VMs are not shown. Errors of the core (a port
// that cannot be bound, a route that cannot be resolved) show in the forward's row; only a
// local port that another forward already uses is refused here, inline. Non-modal: closing it
// leaves the forwards running. The Fleet must outlive the dialog.
class PortForwardDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortForwardDialog)

public:
    enum Column { LocalAddressColumn, TargetColumn, RouteColumn, StatusColumn, ColumnCount };
    enum Role {
        ForwardIdRole = Qt::UserRole + 1, // quint64
        CopyAddressRole, // "127.0.0.1:2222", empty while no port is known
        StatusRole, // PortForward::Status as int
    };

    PortForwardDialog(Fleet *fleet, const VmKey &vm, QWidget *parent = nullptr);
    ~PortForwardDialog() override;

    VmKey vm() const { return m_vm; }

    // Checks the local port against the other forwards, then asks RemoteAccess for the forward
    // and selects its row. Returns the forward's id, or 0 when refused (the reason is shown).
    quint64 addForward(quint16 guestPort, quint16 localPort = 0,
                       const QHostAddress &bindAddress = QHostAddress(QHostAddress::LocalHost));
    // Removes the forwards selected in the table.
    void removeSelected();
    QList<quint64> selectedForwards() const;

    // "127.0.0.1:2222", "[::1]:2222"; a wildcard address gives the loopback one, which is what
    // a client on this computer connects to.
    static QString clientAddress(const QHostAddress &bindAddress, quint16 port);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void addFromInputs();
    void copyAddress(const QModelIndex &index);
    void updateTargetInputs();
    void updateBindWarning();
    void updateSelectionActions();
    void updateTitle();
    void setAddError(const QString &message);
    QString conflictFor(quint16 localPort, const QHostAddress &bindAddress) const;
    QHostAddress currentBindAddress() const;

    Fleet *m_fleet;
    VmKey m_vm;
    PortForwardListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_detailLabel = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_removeAction = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QGroupBox *m_addGroup = nullptr;
    QComboBox *m_targetCombo = nullptr;
    QLabel *m_guestPortLabel = nullptr;
    QSpinBox *m_guestPortSpin = nullptr;
    QSpinBox *m_localPortSpin = nullptr;
    QComboBox *m_bindCombo = nullptr;
    QLabel *m_bindWarning = nullptr;
    QLabel *m_addError = nullptr;
    QPushButton *m_addButton = nullptr;
};

} // namespace Corral
