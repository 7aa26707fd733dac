#include "portforwarddialog.h"

#include "fleet/remoteaccess.h"
#include "icons.h"
#include "placeholdertreeview.h"
#include "theme.h"

#include <QAbstractTableModel>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace Corral {

namespace {

constexpr int CustomTarget = -1; // target combo data of "Custom port…"

bool isWildcard(const QHostAddress &address)
{
    return address.isEqual(QHostAddress(QHostAddress::AnyIPv4))
        || address.isEqual(QHostAddress(QHostAddress::AnyIPv6))
        || address == QHostAddress(QHostAddress::Any);
}

QString hostText(const QHostAddress &address)
{
    const QString text = address.toString();
    return address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + text + u']' : text;
}

} // namespace

// The forwards of one VM, in the order they were added (RemoteAccess's ids grow).
class PortForwardListModel final : public QAbstractTableModel
{
public:
    PortForwardListModel(RemoteAccess *remote, const VmKey &vm, QObject *parent)
        : QAbstractTableModel(parent)
        , m_remote(remote)
        , m_vm(vm)
        , m_startingIcon(Icons::colored(QStringLiteral("state-transition")))
        , m_activeIcon(Icons::colored(QStringLiteral("state-running")))
        , m_failedIcon(Icons::colored(QStringLiteral("state-error")))
    {
        for (const PortForward &f : remote->forwards()) {
            if (f.vm == m_vm)
                m_rows.append(f);
        }
        connect(remote, &RemoteAccess::forwardsChanged, this, &PortForwardListModel::reload);
        connect(remote, &RemoteAccess::forwardChanged, this, &PortForwardListModel::update);
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : PortForwardDialog::ColumnCount;
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
        case PortForwardDialog::LocalAddressColumn:
            return PortForwardDialog::tr("Local Address");
        case PortForwardDialog::TargetColumn:
            return PortForwardDialog::tr("Target");
        case PortForwardDialog::RouteColumn:
            return PortForwardDialog::tr("Route");
        case PortForwardDialog::StatusColumn:
            return PortForwardDialog::tr("Status");
        default:
            return {};
        }
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const PortForward &f = m_rows.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return displayData(f, index.column());
        case Qt::ToolTipRole:
            return toolTip(f, index.column());
        case Qt::DecorationRole:
            if (index.column() != PortForwardDialog::StatusColumn)
                return {};
            switch (f.status) {
            case PortForward::Status::Starting:
                return m_startingIcon;
            case PortForward::Status::Active:
                return m_activeIcon;
            case PortForward::Status::Failed:
                return m_failedIcon;
            }
            return {};
        case Qt::ForegroundRole:
            if (index.column() != PortForwardDialog::StatusColumn)
                return {};
            if (f.status == PortForward::Status::Failed)
                return Theme::errorColor(QGuiApplication::palette());
            if (f.status == PortForward::Status::Active)
                return f.error.isEmpty() ? Theme::successColor(QGuiApplication::palette())
                                         : Theme::warningColor(QGuiApplication::palette());
            return {};
        case PortForwardDialog::ForwardIdRole:
            return QVariant::fromValue(f.id);
        case PortForwardDialog::CopyAddressRole:
            return f.localPort ? PortForwardDialog::clientAddress(f.bindAddress, f.localPort)
                               : QString();
        case PortForwardDialog::StatusRole:
            return int(f.status);
        default:
            return {};
        }
    }

    const PortForward &at(int row) const { return m_rows.at(row); }

    int rowOf(quint64 id) const
    {
        const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                         [](const PortForward &f, quint64 v) { return f.id < v; });
        return it != m_rows.cend() && it->id == id ? int(it - m_rows.cbegin()) : -1;
    }

private:
    static QString displayData(const PortForward &f, int column)
    {
        switch (column) {
        case PortForwardDialog::LocalAddressColumn:
            if (f.localPort)
                return hostText(f.bindAddress) + u':' + QString::number(f.localPort);
            return PortForwardDialog::tr("%1, any free port").arg(hostText(f.bindAddress));
        case PortForwardDialog::TargetColumn:
            return f.targetLabel();
        case PortForwardDialog::RouteColumn:
            if (!f.route.isEmpty())
                return f.route;
            return f.status == PortForward::Status::Starting ? PortForwardDialog::tr("Resolving…")
                                                             : QStringLiteral("—");
        case PortForwardDialog::StatusColumn:
            switch (f.status) {
            case PortForward::Status::Starting:
                return PortForwardDialog::tr("Starting…");
            case PortForward::Status::Active:
                return f.error.isEmpty() ? PortForwardDialog::tr("Active")
                                         : PortForwardDialog::tr("Active (%1)").arg(f.error);
            case PortForward::Status::Failed:
                return f.error.isEmpty() ? PortForwardDialog::tr("Failed")
                                         : PortForwardDialog::tr("Failed: %1").arg(f.error);
            }
            break;
        default:
            break;
        }
        return {};
    }

    static QString toolTip(const PortForward &f, int column)
    {
        switch (column) {
        case PortForwardDialog::LocalAddressColumn:
            if (!f.localPort)
                return {};
            return PortForwardDialog::tr("Double-click to copy %1")
                .arg(PortForwardDialog::clientAddress(f.bindAddress, f.localPort));
        case PortForwardDialog::RouteColumn:
            return f.route.isEmpty()
                ? QString()
                : PortForwardDialog::tr("The host forwards to %1").arg(f.route);
        case PortForwardDialog::StatusColumn:
            return f.error;
        default:
            return {};
        }
    }

    static bool sameData(const PortForward &a, const PortForward &b)
    {
        return a.status == b.status && a.error == b.error && a.route == b.route
            && a.localPort == b.localPort && a.guestPort == b.guestPort
            && a.bindAddress == b.bindAddress;
    }

    void changed(int row)
    {
        Q_EMIT dataChanged(index(row, 0), index(row, PortForwardDialog::ColumnCount - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole, Qt::DecorationRole,
                            Qt::ForegroundRole, PortForwardDialog::CopyAddressRole,
                            PortForwardDialog::StatusRole});
    }

    void insert(const PortForward &f)
    {
        const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), f.id,
                                         [](const PortForward &r, quint64 v) { return r.id < v; });
        const int row = int(it - m_rows.begin());
        beginInsertRows({}, row, row);
        m_rows.insert(row, f);
        endInsertRows();
    }

    void reload()
    {
        QList<PortForward> current;
        for (const PortForward &f : m_remote->forwards()) {
            if (f.vm == m_vm)
                current.append(f);
        }
        const auto contains = [&current](quint64 id) {
            return std::any_of(current.cbegin(), current.cend(),
                               [id](const PortForward &f) { return f.id == id; });
        };
        // Removals, one call per contiguous range, from the bottom so rows stay valid.
        for (int row = int(m_rows.size()) - 1; row >= 0;) {
            if (contains(m_rows.at(row).id)) {
                --row;
                continue;
            }
            int first = row;
            while (first > 0 && !contains(m_rows.at(first - 1).id))
                --first;
            beginRemoveRows({}, first, row);
            m_rows.remove(first, row - first + 1);
            endRemoveRows();
            row = first - 1;
        }
        for (const PortForward &f : std::as_const(current)) {
            const int row = rowOf(f.id);
            if (row < 0) {
                insert(f);
            } else if (!sameData(m_rows.at(row), f)) {
                m_rows[row] = f;
                changed(row);
            }
        }
    }

    void update(const PortForward &f)
    {
        if (!(f.vm == m_vm))
            return;
        const int row = rowOf(f.id);
        if (row < 0) {
            // Only forwards RemoteAccess still has are announced; take it in.
            if (m_remote->forward(f.id))
                insert(f);
            return;
        }
        m_rows[row] = f;
        changed(row);
    }

    RemoteAccess *m_remote;
    VmKey m_vm;
    QList<PortForward> m_rows; // by id
    QIcon m_startingIcon;
    QIcon m_activeIcon;
    QIcon m_failedIcon;
};

PortForwardDialog::PortForwardDialog(Fleet *fleet, const VmKey &vm, QWidget *parent)
    : QDialog(parent)
    , m_fleet(fleet)
    , m_vm(vm)
{
    setWindowIcon(Icons::application());
    setModal(false);
    updateTitle();

    auto *layout = new QVBoxLayout(this);

    auto *intro = Theme::makeHelpLabel(
        tr("Forwards listen on this computer and reach the VM through its host's SSH "
           "connection, so your own SSH and VNC clients can connect to it. They stay until you "
           "remove them or quit Corral."),
        this);
    layout->addWidget(intro);

    m_model = new PortForwardListModel(fleet->remote(), vm, this);
    auto *view = new PlaceholderTreeView(this);
    view->setObjectName(QStringLiteral("forwardView"));
    view->setPlaceholderText(tr("No port forwards yet — add one below."));
    view->setUniformRowHeights(true);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setModel(m_model);
    view->header()->setStretchLastSection(true);
    view->header()->resizeSection(LocalAddressColumn, 170);
    view->header()->resizeSection(TargetColumn, 160);
    view->header()->resizeSection(RouteColumn, 180);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->setMinimumHeight(140);
    m_view = view;
    layout->addWidget(m_view, 1);

    m_copyAction = new QAction(tr("&Copy Address"), this);
    m_copyAction->setObjectName(QStringLiteral("forward.copy"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyAction->setStatusTip(tr("Copy the address clients connect to"));
    connect(m_copyAction, &QAction::triggered, this,
            [this] { copyAddress(m_view->currentIndex()); });
    m_removeAction = new QAction(Icons::symbolic(QStringLiteral("delete")), tr("&Remove"), this);
    m_removeAction->setObjectName(QStringLiteral("forward.remove"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_removeAction, &QAction::triggered, this, &PortForwardDialog::removeSelected);
    m_view->addAction(m_copyAction);
    m_view->addAction(m_removeAction);

    auto *rowButtons = new QHBoxLayout;
    m_copyButton = new QPushButton(m_copyAction->text(), this);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_copyButton->setToolTip(tr("Copy the selected forward's address (Ctrl+C, or double-click)"));
    connect(m_copyButton, &QPushButton::clicked, m_copyAction, &QAction::trigger);
    m_removeButton = new QPushButton(m_removeAction->icon(), m_removeAction->text(), this);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setToolTip(tr("Stop the selected forwards (Del)"));
    connect(m_removeButton, &QPushButton::clicked, this, &PortForwardDialog::removeSelected);
    rowButtons->addWidget(m_copyButton);
    rowButtons->addWidget(m_removeButton);
    rowButtons->addStretch(1);
    layout->addLayout(rowButtons);

    m_detailLabel = Theme::makeMessageLabel(this, QStringLiteral("detailLabel"),
                                            Theme::errorColor(palette()));
    m_detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_detailLabel);

    m_addGroup = new QGroupBox(tr("Add a Forward"), this);
    m_addGroup->setObjectName(QStringLiteral("addGroup"));
    auto *addLayout = new QVBoxLayout(m_addGroup);

    auto *quick = new QHBoxLayout;
    const auto presets = RemoteAccess::presets();
    for (const auto &preset : presets) {
        auto *button = new QPushButton(tr("Forward %1").arg(preset.label), m_addGroup);
        button->setObjectName(u"quickForward" + QString::number(preset.guestPort));
        button->setToolTip(tr("Forward %1 to a free port on 127.0.0.1").arg(preset.label));
        connect(button, &QPushButton::clicked, this,
                [this, port = preset.guestPort] { addForward(port); });
        quick->addWidget(button);
    }
    quick->addStretch(1);
    addLayout->addLayout(quick);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    auto *targetRow = new QHBoxLayout;
    m_targetCombo = new QComboBox(m_addGroup);
    m_targetCombo->setObjectName(QStringLiteral("targetCombo"));
    for (const auto &preset : presets)
        m_targetCombo->addItem(preset.label, int(preset.guestPort));
    m_targetCombo->addItem(tr("Custom port…"), CustomTarget);
    targetRow->addWidget(m_targetCombo, 1);
    m_guestPortLabel = new QLabel(tr("&Guest port:"), m_addGroup);
    targetRow->addWidget(m_guestPortLabel);
    m_guestPortSpin = new QSpinBox(m_addGroup);
    m_guestPortSpin->setObjectName(QStringLiteral("guestPortSpin"));
    m_guestPortSpin->setRange(1, 65535);
    m_guestPortSpin->setValue(8080);
    m_guestPortLabel->setBuddy(m_guestPortSpin);
    targetRow->addWidget(m_guestPortSpin);
    auto *targetLabel = new QLabel(tr("&Target:"), m_addGroup);
    targetLabel->setBuddy(m_targetCombo);
    form->addRow(targetLabel, targetRow);

    m_localPortSpin = new QSpinBox(m_addGroup);
    m_localPortSpin->setObjectName(QStringLiteral("localPortSpin"));
    m_localPortSpin->setRange(0, 65535);
    m_localPortSpin->setSpecialValueText(tr("Any free port"));
    m_localPortSpin->setToolTip(tr("The port on this computer; a free one is picked if left at "
                                   "\"Any free port\""));
    form->addRow(tr("&Local port:"), m_localPortSpin);

    m_bindCombo = new QComboBox(m_addGroup);
    m_bindCombo->setObjectName(QStringLiteral("bindCombo"));
    m_bindCombo->addItem(tr("127.0.0.1 (this computer only)"), QStringLiteral("127.0.0.1"));
    m_bindCombo->addItem(tr("::1 (this computer only, IPv6)"), QStringLiteral("::1"));
    m_bindCombo->addItem(tr("All interfaces (0.0.0.0)"), QStringLiteral("0.0.0.0"));
    form->addRow(tr("Listen &on:"), m_bindCombo);
    m_bindWarning = Theme::makeMessageLabel(m_addGroup, QStringLiteral("bindWarning"),
                                            Theme::warningColor(palette()));
    m_bindWarning->setText(tr("Anyone on the network who can reach this computer can connect to "
                              "the VM through this port."));
    addLayout->addLayout(form);
    // Below the form rather than in it: QFormLayout sizes a wrapped label in its field column
    // for a narrower width than it gets, which leaves gaps between the rows.
    addLayout->addWidget(m_bindWarning);

    auto *addRow = new QHBoxLayout;
    m_addError = Theme::makeMessageLabel(m_addGroup, QStringLiteral("addError"),
                                         Theme::errorColor(palette()));
    addRow->addWidget(m_addError, 1);
    m_addButton
        = new QPushButton(Icons::symbolic(QStringLiteral("add")), tr("&Add Forward"), m_addGroup);
    m_addButton->setObjectName(QStringLiteral("addButton"));
    connect(m_addButton, &QPushButton::clicked, this, &PortForwardDialog::addFromInputs);
    addRow->addWidget(m_addButton, 0, Qt::AlignRight | Qt::AlignTop);
    addLayout->addLayout(addRow);
    layout->addWidget(m_addGroup);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &PortForwardDialog::reject);
    layout->addWidget(buttons);

    // Enter in the add area adds; keyPressEvent keeps it from reaching a default button.
    for (QWidget *input :
         {static_cast<QWidget *>(m_targetCombo), static_cast<QWidget *>(m_guestPortSpin),
          static_cast<QWidget *>(m_localPortSpin), static_cast<QWidget *>(m_bindCombo)}) {
        input->installEventFilter(this);
    }

    connect(m_targetCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateTargetInputs();
        setAddError({});
    });
    connect(m_bindCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateBindWarning();
        setAddError({});
    });
    connect(m_localPortSpin, &QSpinBox::valueChanged, this, [this] { setAddError({}); });
    connect(m_guestPortSpin, &QSpinBox::valueChanged, this, [this] { setAddError({}); });
    connect(m_view, &QAbstractItemView::activated, this, &PortForwardDialog::copyAddress);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PortForwardDialog::updateSelectionActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PortForwardDialog::updateSelectionActions);
    // A status change of the selected row changes its details and whether it can be copied.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            &PortForwardDialog::updateSelectionActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this,
            &PortForwardDialog::updateSelectionActions);
    connect(fleet, &Fleet::vmsChanged, this, [this](const QList<VmInfo> &vms) {
        for (const VmInfo &info : vms) {
            if (info.hostId == m_vm.hostId && info.uuid == m_vm.uuid)
                updateTitle();
        }
    });

    updateTargetInputs();
    updateBindWarning();
    updateSelectionActions();
    m_targetCombo->setFocus();
    resize(760, 560);
}

PortForwardDialog::~PortForwardDialog() = default;

void PortForwardDialog::updateTitle()
{
    const auto info = m_fleet->vm(m_vm);
    setWindowTitle(tr("Port Forwards — %1").arg(info ? info->name : tr("VM")));
}

QString PortForwardDialog::clientAddress(const QHostAddress &bindAddress, quint16 port)
{
    QHostAddress address = bindAddress;
    if (isWildcard(bindAddress))
        address = QHostAddress(QHostAddress::LocalHost);
    return hostText(address) + u':' + QString::number(port);
}

QHostAddress PortForwardDialog::currentBindAddress() const
{
    return QHostAddress(m_bindCombo->currentData().toString());
}

void PortForwardDialog::updateTargetInputs()
{
    const bool custom = m_targetCombo->currentData().toInt() == CustomTarget;
    m_guestPortSpin->setEnabled(custom);
    m_guestPortLabel->setEnabled(custom);
}

void PortForwardDialog::updateBindWarning()
{
    m_bindWarning->setVisible(isWildcard(currentBindAddress()));
}

void PortForwardDialog::setAddError(const QString &message)
{
    m_addError->setText(message);
    m_addError->setVisible(!message.isEmpty());
}

void PortForwardDialog::updateSelectionActions()
{
    const QModelIndex current = m_view->currentIndex();
    const bool canCopy = current.isValid()
        && !current.siblingAtColumn(0).data(CopyAddressRole).toString().isEmpty();
    m_copyAction->setEnabled(canCopy);
    m_copyButton->setEnabled(canCopy);
    const bool any = m_view->selectionModel()->hasSelection();
    m_removeAction->setEnabled(any);
    m_removeButton->setEnabled(any);

    // The full error of the current row: the table cell is usually too narrow for it.
    QString detail;
    if (current.isValid() && m_view->selectionModel()->isRowSelected(current.row())) {
        const PortForward &f = m_model->at(current.row());
        if (!f.error.isEmpty())
            detail = tr("%1: %2").arg(f.targetLabel(), f.error);
    }
    m_detailLabel->setText(detail);
    m_detailLabel->setVisible(!detail.isEmpty());
}

QString PortForwardDialog::conflictFor(quint16 localPort, const QHostAddress &bindAddress) const
{
    if (localPort == 0)
        return {};
    // A failed forward keeps its port: RemoteAccess starts it again when the VM (re)starts.
    for (const PortForward &f : m_fleet->remote()->forwards()) {
        if (f.localPort != localPort)
            continue;
        if (!(f.bindAddress == bindAddress) && !isWildcard(f.bindAddress)
            && !isWildcard(bindAddress))
            continue;
        if (f.vm == m_vm)
            return tr("Local port %1 is already used by this VM's %2 forward.")
                .arg(localPort)
                .arg(f.targetLabel());
        return tr("Local port %1 is already used by a forward to %2.")
            .arg(localPort)
            .arg(f.vmName.isEmpty() ? tr("another VM") : f.vmName);
    }
    return {};
}

quint64 PortForwardDialog::addForward(quint16 guestPort, quint16 localPort,
                                      const QHostAddress &bindAddress)
{
    if (const QString conflict = conflictFor(localPort, bindAddress); !conflict.isEmpty()) {
        setAddError(conflict);
        return 0;
    }
    setAddError({});
    const quint64 id = m_fleet->remote()->addForward(m_vm, localPort, guestPort, bindAddress);
    if (const int row = m_model->rowOf(id); row >= 0) {
        m_view->setCurrentIndex(m_model->index(row, 0));
        m_view->scrollTo(m_model->index(row, 0));
    }
    return id;
}

void PortForwardDialog::addFromInputs()
{
    m_guestPortSpin->interpretText();
    m_localPortSpin->interpretText();
    const int target = m_targetCombo->currentData().toInt();
    const quint16 guestPort = quint16(target == CustomTarget ? m_guestPortSpin->value() : target);
    const auto localPort = quint16(m_localPortSpin->value());
    if (addForward(guestPort, localPort, currentBindAddress()) != 0) {
        // That port is taken now; the next forward should not trip over it.
        const QSignalBlocker blocker(m_localPortSpin);
        m_localPortSpin->setValue(0);
    }
}

QList<quint64> PortForwardDialog::selectedForwards() const
{
    QList<quint64> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids.append(index.data(ForwardIdRole).toULongLong());
    return ids;
}

void PortForwardDialog::removeSelected()
{
    const QList<quint64> ids = selectedForwards();
    for (const quint64 id : ids)
        m_fleet->remote()->removeForward(id);
}

void PortForwardDialog::copyAddress(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString address = index.siblingAtColumn(0).data(CopyAddressRole).toString();
    if (!address.isEmpty())
        QGuiApplication::clipboard()->setText(address);
}

bool PortForwardDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            addFromInputs();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void PortForwardDialog::keyPressEvent(QKeyEvent *event)
{
    // QDialog would click whichever button is default; Enter only adds, and only from the
    // add area (eventFilter) or on a focused button (which handles it before it gets here).
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

} // namespace Corral
