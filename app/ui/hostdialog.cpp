#include "hostdialog.h"

#include "fleet/fleet.h"
#include "icons.h"
#include "theme.h"
#include "virt/hosturi.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace Corral {

namespace {

void setError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QStringList parseTags(const QString &text)
{
    QStringList tags;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

} // namespace

HostDialog::HostDialog(Fleet *fleet, const std::optional<HostConfig> &existing, QWidget *parent)
    : QDialog(parent)
    , m_fleet(fleet)
    , m_existing(existing)
{
    setWindowTitle(existing ? tr("Edit Host %1").arg(existing->name) : tr("Add Host"));
    setWindowIcon(Icons::application());

    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. mac-mini-01"));
    m_nameEdit->setMaxLength(64);
    form->addRow(tr("&Name:"), m_nameEdit);
    m_nameError
        = Theme::makeMessageLabel(this, QStringLiteral("nameError"), Theme::errorColor(palette()));
    form->addRow(QString(), m_nameError);
    layout->addLayout(form);

    auto *connection = new QGroupBox(tr("Connection"), this);
    auto *connectionForm = new QFormLayout(connection);
    connectionForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_hostEdit = new QLineEdit(connection);
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_hostEdit->setPlaceholderText(tr("host name or IP address"));
    connectionForm->addRow(tr("&Host:"), m_hostEdit);

    m_userEdit = new QLineEdit(connection);
    m_userEdit->setObjectName(QStringLiteral("userEdit"));
    m_userEdit->setPlaceholderText(tr("SSH user, e.g. admin"));
    connectionForm->addRow(tr("&User:"), m_userEdit);

    m_portSpin = new QSpinBox(connection);
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_portSpin->setRange(0, 65535);
    m_portSpin->setSpecialValueText(tr("Default (22)"));
    connectionForm->addRow(tr("&Port:"), m_portSpin);

    m_transportCombo = new QComboBox(connection);
    m_transportCombo->setObjectName(QStringLiteral("transportCombo"));
    m_transportCombo->addItem(tr("libssh (recommended)"), QStringLiteral("libssh"));
    m_transportCombo->addItem(tr("ssh (OpenSSH client)"), QStringLiteral("ssh"));
    connectionForm->addRow(tr("&Transport:"), m_transportCombo);

    m_modeCombo = new QComboBox(connection);
    m_modeCombo->setObjectName(QStringLiteral("modeCombo"));
    m_modeCombo->addItem(tr("System (all VMs of the host)"), QStringLiteral("system"));
    m_modeCombo->addItem(tr("Session (the user's own VMs)"), QStringLiteral("session"));
    connectionForm->addRow(tr("&Mode:"), m_modeCombo);

    m_uriEdit = new QLineEdit(connection);
    m_uriEdit->setObjectName(QStringLiteral("uriEdit"));
    m_uriEdit->setPlaceholderText(QStringLiteral("qemu+libssh://admin@mac1.example.com/system"));
    connectionForm->addRow(tr("&URI:"), m_uriEdit);
    m_uriError = Theme::makeMessageLabel(connection, QStringLiteral("uriError"),
                                         Theme::errorColor(palette()));
    connectionForm->addRow(QString(), m_uriError);
    layout->addWidget(connection);

    auto *tagsForm = new QFormLayout;
    tagsForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_tagsEdit = new QLineEdit(this);
    m_tagsEdit->setObjectName(QStringLiteral("tagsEdit"));
    m_tagsEdit->setPlaceholderText(tr("comma separated, e.g. m2, rack-3"));
    tagsForm->addRow(tr("T&ags:"), m_tagsEdit);
    layout->addLayout(tagsForm);

    auto *deploy = new QGroupBox(tr("Deploy"), this);
    auto *deployForm = new QFormLayout(deploy);
    deployForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_portAddressEdit = new QLineEdit(deploy);
    m_portAddressEdit->setObjectName(QStringLiteral("portAddressEdit"));
    m_portAddressEdit->setPlaceholderText(tr("127.0.0.1 (only the host itself)"));
    m_portAddressEdit->setToolTip(tr("The address on the host where the exposed ports of its VMs "
                                     "listen, e.g. the host's LAN address"));
    deployForm->addRow(tr("Port a&ddress:"), m_portAddressEdit);
    m_portAddressError = Theme::makeMessageLabel(deploy, QStringLiteral("portAddressError"),
                                                 Theme::errorColor(palette()));
    deployForm->addRow(QString(), m_portAddressError);
    m_smcEdit = new QLineEdit(deploy);
    m_smcEdit->setObjectName(QStringLiteral("smcEdit"));
    m_smcEdit->setEchoMode(QLineEdit::Password);
    m_smcEdit->setPlaceholderText(tr("none: no macOS guests on this host"));
    m_smcEdit->setMaxLength(64);
    auto *showSmc = m_smcEdit->addAction(Icons::symbolic(QStringLiteral("show")),
                                         QLineEdit::TrailingPosition);
    showSmc->setObjectName(QStringLiteral("showSmcKey"));
    showSmc->setCheckable(true);
    showSmc->setToolTip(tr("Show the key"));
    connect(showSmc, &QAction::toggled, m_smcEdit, [this, showSmc](bool shown) {
        m_smcEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        showSmc->setToolTip(shown ? tr("Hide the key") : tr("Show the key"));
    });
    deployForm->addRow(tr("Apple &SMC key:"), m_smcEdit);
    m_smcError
        = Theme::makeMessageLabel(deploy, QStringLiteral("smcError"), Theme::errorColor(palette()));
    deployForm->addRow(QString(), m_smcError);
    deployForm->addRow(Theme::makeHelpLabel(
        tr("macOS guests need the 64-character key of the Apple SMC of the Mac they run on. "
           "Read it on that Mac; Corral keeps it in its catalog."),
        deploy));
    layout->addWidget(deploy);

    auto *help = Theme::makeHelpLabel(
        tr("The host needs libvirtd and sshd running. Corral connects over SSH as the given "
           "user; the SSH key must be loaded in your SSH agent or be in ~/.ssh, and the user "
           "needs access to libvirt on the host."),
        this);
    layout->addWidget(help);

    m_resultError = Theme::makeMessageLabel(this, QStringLiteral("resultError"),
                                            Theme::errorColor(palette()));
    layout->addWidget(m_resultError);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = m_buttons->button(QDialogButtonBox::Ok);
    m_okButton->setText(existing ? tr("Save") : tr("Add Host"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &HostDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &HostDialog::reject);

    if (existing) {
        m_nameEdit->setText(existing->name);
        m_uriEdit->setText(existing->uri);
        m_tagsEdit->setText(existing->tags.join(QStringLiteral(", ")));
        m_portAddressEdit->setText(existing->portAddress);
        m_smcEdit->setText(existing->smcOsk);
        onUriEdited();
    } else {
        onFieldsEdited();
    }

    connect(m_nameEdit, &QLineEdit::textChanged, this, &HostDialog::validate);
    connect(m_tagsEdit, &QLineEdit::textChanged, this, &HostDialog::validate);
    connect(m_portAddressEdit, &QLineEdit::textChanged, this, &HostDialog::validate);
    connect(m_smcEdit, &QLineEdit::textChanged, this, &HostDialog::validate);
    connect(m_uriEdit, &QLineEdit::textEdited, this, &HostDialog::onUriEdited);
    connect(m_userEdit, &QLineEdit::textChanged, this, &HostDialog::onFieldsEdited);
    connect(m_hostEdit, &QLineEdit::textChanged, this, &HostDialog::onFieldsEdited);
    connect(m_portSpin, &QSpinBox::valueChanged, this, &HostDialog::onFieldsEdited);
    connect(m_transportCombo, &QComboBox::currentIndexChanged, this, &HostDialog::onFieldsEdited);
    connect(m_modeCombo, &QComboBox::currentIndexChanged, this, &HostDialog::onFieldsEdited);

    validate();
    setMinimumWidth(520);
}

QString HostDialog::composeUri(const QString &transport, const QString &user, const QString &host,
                               int port, bool session, const QString &query)
{
    return composeUri(QStringLiteral("qemu"), transport, user, host, port,
                      session ? QStringLiteral("/session") : QStringLiteral("/system"), query);
}

QString HostDialog::composeUri(const QString &driver, const QString &transport, const QString &user,
                               const QString &host, int port, const QString &path,
                               const QString &query)
{
    if (host.trimmed().isEmpty())
        return {};
    QUrl url;
    url.setScheme(driver + u'+' + transport);
    if (!user.trimmed().isEmpty())
        url.setUserName(user.trimmed());
    url.setHost(host.trimmed());
    if (port > 0)
        url.setPort(port);
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url.toString();
}

void HostDialog::onFieldsEdited()
{
    if (m_syncing)
        return;
    m_syncing = true;
    const bool qemu = m_driver == u"qemu";
    const QString path = !qemu                                ? m_path
        : m_modeCombo->currentData().toString() == u"session" ? QStringLiteral("/session")
                                                              : QStringLiteral("/system");
    m_modeCombo->setEnabled(qemu && !m_busy);
    m_uriEdit->setText(composeUri(m_driver, m_transportCombo->currentData().toString(),
                                  m_userEdit->text(), m_hostEdit->text(), m_portSpin->value(), path,
                                  m_query));
    m_syncing = false;
    validate();
}

void HostDialog::onUriEdited()
{
    if (m_syncing)
        return;
    m_syncing = true;
    const QUrl url(m_uriEdit->text().trimmed());
    const QString scheme = url.scheme().toLower();
    const QString driver = scheme.section(u'+', 0, 0);
    const QString transport = scheme.section(u'+', 1);
    if (!driver.isEmpty())
        m_driver = driver;
    m_path = url.path();
    m_modeCombo->setEnabled(m_driver == u"qemu" && !m_busy);
    if (!transport.isEmpty()) {
        int index = m_transportCombo->findData(transport);
        if (index < 0) {
            m_transportCombo->addItem(transport, transport);
            index = m_transportCombo->count() - 1;
        }
        m_transportCombo->setCurrentIndex(index);
    }
    m_userEdit->setText(url.userName());
    m_hostEdit->setText(url.host());
    m_portSpin->setValue(std::max(0, url.port(0)));
    if (url.path() == u"/session")
        m_modeCombo->setCurrentIndex(m_modeCombo->findData(QStringLiteral("session")));
    else if (url.path() == u"/system")
        m_modeCombo->setCurrentIndex(m_modeCombo->findData(QStringLiteral("system")));
    m_query = url.query();
    m_syncing = false;
    validate();
}

void HostDialog::validate()
{
    const QString nameError = validateHostName(m_nameEdit->text().trimmed());
    // An untouched, empty name is not an error yet: the dialog just opened.
    setError(m_nameError, m_nameEdit->text().isEmpty() ? QString() : nameError);

    QString uriError;
    if (const auto uri = HostUri::parse(m_uriEdit->text()); !uri)
        uriError = uri.error().message;
    else if (!uri->usesSsh())
        uriError = tr("Corral reaches hosts over SSH: use the libssh or ssh transport.");
    setError(m_uriError, m_hostEdit->text().trimmed().isEmpty() ? QString() : uriError);
    setError(m_portAddressError, portAddressError(m_portAddressEdit->text().trimmed()));
    setError(m_smcError, smcKeyError(m_smcEdit->text()));

    m_resultError->hide();
    m_okButton->setEnabled(!m_busy && isInputValid());
}

QString HostDialog::portAddressError(const QString &address)
{
    if (address.isEmpty())
        return {};
    QHostAddress parsed;
    if (!parsed.setAddress(address))
        return tr("%1 is not an IP address, such as 192.168.1.20.").arg(address);
    return {};
}

QString HostDialog::smcKeyError(const QString &key)
{
    if (key.isEmpty())
        return {};
    for (const QChar c : key) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return tr("The key holds printable ASCII characters only.");
    }
    if (key.size() != 64)
        return tr("The key has 64 characters; this one has %n.", nullptr, int(key.size()));
    return {};
}

bool HostDialog::isInputValid() const
{
    if (!validateHostName(m_nameEdit->text().trimmed()).isEmpty())
        return false;
    if (!portAddressError(m_portAddressEdit->text().trimmed()).isEmpty()
        || !smcKeyError(m_smcEdit->text()).isEmpty()) {
        return false;
    }
    const auto uri = HostUri::parse(m_uriEdit->text());
    return uri && uri->usesSsh();
}

HostConfig HostDialog::config() const
{
    HostConfig config = m_existing.value_or(HostConfig{});
    config.name = m_nameEdit->text().trimmed();
    config.uri = m_uriEdit->text().trimmed();
    config.tags = parseTags(m_tagsEdit->text());
    config.portAddress = m_portAddressEdit->text().trimmed();
    config.smcOsk = m_smcEdit->text();
    return config;
}

void HostDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w :
         {static_cast<QWidget *>(m_nameEdit), static_cast<QWidget *>(m_uriEdit),
          static_cast<QWidget *>(m_tagsEdit), static_cast<QWidget *>(m_userEdit),
          static_cast<QWidget *>(m_hostEdit), static_cast<QWidget *>(m_portSpin),
          static_cast<QWidget *>(m_transportCombo), static_cast<QWidget *>(m_portAddressEdit),
          static_cast<QWidget *>(m_smcEdit)}) {
        w->setEnabled(!busy);
    }
    m_modeCombo->setEnabled(!busy && m_driver == u"qemu");
    m_okButton->setEnabled(!busy && isInputValid());
}

void HostDialog::showError(const QString &message)
{
    setError(m_resultError, message);
}

void HostDialog::accept()
{
    if (!isInputValid() || m_busy)
        return;
    if (!m_fleet) {
        QDialog::accept();
        return;
    }
    setBusy(true);
    // The same outcome handling for add and edit: close on success, else show why and stay.
    const auto done = [self = QPointer<HostDialog>(this)](const auto &result) {
        if (!self)
            return;
        self->setBusy(false);
        if (result)
            self->QDialog::accept();
        else
            self->showError(result.error().message);
    };
    if (m_existing)
        m_fleet->updateHost(config(), done);
    else
        m_fleet->addHost(config(), done);
}

} // namespace Corral
