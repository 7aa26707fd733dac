#include "vmconfigdialog.h"

#include "catalogsave.h"
#include "configmodel.h"
#include "icons.h"
#include "theme.h"

#include "fleet/fleet.h"
#include "fleet/workloadcatalog.h"
#include "images/imagelibrary.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Corral {

namespace {

const QString networkUser = QStringLiteral("user");
const QString networkIsolated = QStringLiteral("user-isolated");
const QString networkLibvirt = QStringLiteral("network");
const QString networkBridge = QStringLiteral("bridge");

QString firmwareLabel(Firmware firmware)
{
    switch (firmware) {
    case Firmware::Bios:
        return VmConfigDialog::tr("BIOS");
    case Firmware::Uefi:
        return VmConfigDialog::tr("UEFI");
    case Firmware::Auto:
        break;
    }
    return VmConfigDialog::tr("Automatic");
}

QString nicLabel(NicModel nic)
{
    return nic == NicModel::Auto ? VmConfigDialog::tr("Automatic") : nicModelKey(nic);
}

QString videoLabel(VideoModel video)
{
    switch (video) {
    case VideoModel::Vga:
        return VmConfigDialog::tr("VGA");
    case VideoModel::Vmware:
        return VmConfigDialog::tr("VMware SVGA");
    case VideoModel::Virtio:
        return VmConfigDialog::tr("virtio");
    case VideoModel::Auto:
        break;
    }
    return VmConfigDialog::tr("Automatic");
}

void selectData(QComboBox *combo, const QVariant &data)
{
    combo->setCurrentIndex(std::max(0, combo->findData(data)));
}

QSpinBox *makeSpin(QWidget *parent, const QString &objectName, int minimum, int maximum)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(minimum, maximum);
    spin->setAccelerated(true);
    return spin;
}

} // namespace

VmConfigDialog::VmConfigDialog(Fleet *fleet, Mode mode, const VmConfig &initial, QWidget *parent)
    : QDialog(parent)
    , m_fleet(fleet)
    , m_mode(mode)
    , m_initial(initial)
{
    setWindowTitle(mode == Mode::Edit ? tr("Edit VM Config %1").arg(initial.name)
                                      : tr("New VM Config"));
    setWindowIcon(Icons::application());

    if (ImageLibrary *library = m_fleet ? m_fleet->images() : nullptr) {
        const QList<ImageRecord> images = library->images();
        for (const ImageRecord &image : images) {
            if (image.kind == u"disk")
                m_diskImages.append(image.name);
            m_allImages.append(image.name);
        }
    }

    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    // On the tabs, not the dialog: a minimum size of its own would stop the dialog from
    // growing with its layout when the macOS rows or a message appear.
    m_tabs->setMinimumWidth(540);
    m_tabs->setObjectName(QStringLiteral("configTabs"));
    m_tabs->addTab(createGeneralTab(), tr("General"));
    m_tabs->addTab(createResourcesTab(), tr("Resources"));
    m_tabs->addTab(createAdvancedTab(), tr("Advanced"));
    layout->addWidget(m_tabs);

    m_problemLabel = Theme::makeMessageLabel(this, QStringLiteral("problemLabel"),
                                             Theme::errorColor(palette()));
    layout->addWidget(m_problemLabel);
    m_resultError = Theme::makeMessageLabel(this, QStringLiteral("resultError"),
                                            Theme::errorColor(palette()));
    layout->addWidget(m_resultError);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setText(mode == Mode::Edit ? tr("Save") : tr("Create"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &VmConfigDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &VmConfigDialog::reject);

    setConfig(initial);

    // Every edit re-validates.
    for (QLineEdit *edit : {m_name, m_description, m_guestUser, m_hostTag, m_ports, m_networkName,
                            m_systemSerial, m_gpu}) {
        connect(edit, &QLineEdit::textChanged, this, &VmConfigDialog::validate);
    }
    for (QSpinBox *spin : {m_vcpus, m_memory, m_disk, m_displayWidth, m_displayHeight})
        connect(spin, &QSpinBox::valueChanged, this, &VmConfigDialog::validate);
    for (QComboBox *combo : {m_image, m_openCore, m_cpuModel, m_firmware, m_nic, m_video})
        connect(combo, &QComboBox::currentIndexChanged, this, &VmConfigDialog::validate);
    connect(m_tagRequired, &QCheckBox::toggled, this, &VmConfigDialog::validate);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &VmConfigDialog::onProfileChanged);
    connect(m_networkKind, &QComboBox::currentIndexChanged, this, [this] {
        const QString kind = m_networkKind->currentData().toString();
        const bool named = kind == networkLibvirt || kind == networkBridge;
        m_networkName->setEnabled(named);
        m_networkName->setPlaceholderText(kind == networkBridge ? tr("bridge, e.g. br0")
                                              : named           ? tr("network, e.g. default")
                                                                : QString());
        validate();
    });
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });

    validate();
}

QWidget *VmConfigDialog::withMark(QWidget *field, const QString &key)
{
    auto *row = new QWidget(field->parentWidget());
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    field->setParent(row);
    layout->addWidget(field, 1);
    auto *mark = new QLabel(row);
    mark->setObjectName(u"mark." + key);
    mark->setPixmap(Icons::colored(QStringLiteral("state-error")).pixmap(16, 16));
    QSizePolicy policy = mark->sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    mark->setSizePolicy(policy);
    mark->hide();
    layout->addWidget(mark);
    m_marks.insert(key, mark);
    m_fieldTabs.insert(key, m_tabs->count());
    return row;
}

QWidget *VmConfigDialog::createGeneralTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setMaxLength(63);
    m_name->setPlaceholderText(tr("e.g. ci-runner"));
    m_name->setReadOnly(m_mode == Mode::Edit);
    form->addRow(tr("&Name:"), withMark(m_name, QStringLiteral("name")));

    m_description = new QLineEdit(page);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setPlaceholderText(tr("optional"));
    form->addRow(tr("&Description:"), withMark(m_description, QStringLiteral("description")));

    m_image = new QComboBox(page);
    m_image->setObjectName(QStringLiteral("imageCombo"));
    m_image->setPlaceholderText(tr("No disk image in the library"));
    form->addRow(tr("Base &image:"), withMark(m_image, QStringLiteral("image")));

    m_profile = new QComboBox(page);
    m_profile->setObjectName(QStringLiteral("profileCombo"));
    for (GuestProfile profile : {GuestProfile::MacOS, GuestProfile::Linux, GuestProfile::Generic})
        m_profile->addItem(guestProfileLabel(profile), int(profile));
    form->addRow(tr("Guest &profile:"), withMark(m_profile, QStringLiteral("profile")));

    // The profile's own fields: macOS's or the others'; onProfileChanged() shows one set.
    m_openCore = new QComboBox(page);
    m_openCore->setObjectName(QStringLiteral("openCoreCombo"));
    QWidget *openCoreRow = withMark(m_openCore, QStringLiteral("openCoreImage"));
    form->addRow(tr("&OpenCore image:"), openCoreRow);
    m_cpuModel = new QComboBox(page);
    m_cpuModel->setObjectName(QStringLiteral("cpuModelCombo"));
    m_cpuModel->addItem(tr("Default (Haswell-noTSX)"), QString());
    for (const char *model :
         {"Haswell-noTSX", "Penryn", "Skylake-Client-noTSX-IBRS", "Cascadelake-Server-noTSX"}) {
        m_cpuModel->addItem(QString::fromLatin1(model), QString::fromLatin1(model));
    }
    QWidget *cpuModelRow = withMark(m_cpuModel, QStringLiteral("cpuModel"));
    form->addRow(tr("C&PU model:"), cpuModelRow);
    //: Two lines (a line break, no wrapping): keep each about as long as the English ones
    auto *smcNote = Theme::makeHelpLabel(tr("Runs only on hosts with an Apple SMC key (Edit "
                                            "Host…).\nPenryn is the CPU model before macOS "
                                            "10.15."),
                                         page);
    // Wrapped labels get no height in a tab page; the text breaks its lines itself.
    smcNote->setWordWrap(false);
    smcNote->setObjectName(QStringLiteral("smcNote"));
    form->addRow(QString(), smcNote);
    m_macRows = {openCoreRow, cpuModelRow, smcNote};

    m_firmware = new QComboBox(page);
    m_firmware->setObjectName(QStringLiteral("firmwareCombo"));
    for (Firmware firmware : {Firmware::Auto, Firmware::Bios, Firmware::Uefi})
        m_firmware->addItem(firmwareLabel(firmware), int(firmware));
    QWidget *firmwareRow = withMark(m_firmware, QStringLiteral("firmware"));
    form->addRow(tr("&Firmware:"), firmwareRow);
    m_otherRows = {firmwareRow};
    m_generalForm = form;

    m_guestUser = new QLineEdit(page);
    m_guestUser->setObjectName(QStringLiteral("guestUserEdit"));
    m_guestUser->setPlaceholderText(tr("asked when an SSH console opens"));
    form->addRow(tr("Guest &user:"), withMark(m_guestUser, QStringLiteral("guestUser")));
    return page;
}

QWidget *VmConfigDialog::createResourcesTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_vcpus = makeSpin(page, QStringLiteral("vcpusSpin"), 1, 1024);
    form->addRow(tr("&vCPUs:"), withMark(m_vcpus, QStringLiteral("vcpus")));
    m_memory = makeSpin(page, QStringLiteral("memorySpin"), 64, 16 * 1024 * 1024);
    m_memory->setSingleStep(512);
    //: Unit after a memory size
    m_memory->setSuffix(tr(" MiB"));
    form->addRow(tr("&Memory:"), withMark(m_memory, QStringLiteral("memoryMiB")));
    m_disk = makeSpin(page, QStringLiteral("diskSpin"), 0, 64 * 1024);
    m_disk->setSpecialValueText(tr("Image size"));
    //: Unit after a disk size
    m_disk->setSuffix(tr(" GiB"));
    form->addRow(tr("&Disk:"), withMark(m_disk, QStringLiteral("diskGiB")));

    auto *display = new QWidget(page);
    auto *displayLayout = new QHBoxLayout(display);
    displayLayout->setContentsMargins(0, 0, 0, 0);
    m_displayWidth = makeSpin(display, QStringLiteral("displayWidthSpin"), 0, 16384);
    m_displayHeight = makeSpin(display, QStringLiteral("displayHeightSpin"), 0, 16384);
    displayLayout->addWidget(m_displayWidth, 1);
    //: Between the width and height of a display resolution
    displayLayout->addWidget(new QLabel(tr("×"), display));
    displayLayout->addWidget(m_displayHeight, 1);
    form->addRow(tr("Dis&play:"), withMark(display, QStringLiteral("display")));

    auto *tag = new QWidget(page);
    auto *tagLayout = new QHBoxLayout(tag);
    tagLayout->setContentsMargins(0, 0, 0, 0);
    m_hostTag = new QLineEdit(tag);
    m_hostTag->setObjectName(QStringLiteral("hostTagEdit"));
    m_hostTag->setPlaceholderText(tr("any host"));
    if (m_fleet) {
        QStringList tags;
        const QList<HostInfo> hosts = m_fleet->hosts();
        for (const HostInfo &host : hosts) {
            for (const QString &t : host.config.tags) {
                if (!tags.contains(t))
                    tags.append(t);
            }
        }
        m_hostTag->setCompleter(new QCompleter(tags, m_hostTag));
    }
    m_tagRequired = new QCheckBox(tr("&Required"), tag);
    m_tagRequired->setObjectName(QStringLiteral("tagRequiredCheck"));
    m_tagRequired->setToolTip(tr("Deploy only onto hosts with this tag; otherwise they are just "
                                 "preferred."));
    tagLayout->addWidget(m_hostTag, 1);
    tagLayout->addWidget(m_tagRequired);
    form->addRow(tr("Host &tag:"), withMark(tag, QStringLiteral("hostTag")));

    m_ports = new QLineEdit(page);
    m_ports->setObjectName(QStringLiteral("portsEdit"));
    m_ports->setPlaceholderText(tr("comma separated, e.g. 22, 5900"));
    form->addRow(tr("E&xposed ports:"), withMark(m_ports, QStringLiteral("ports")));
    form->addRow(Theme::makeHelpLabel(
        tr("Each deployed VM gets its own host port for every guest port listed here, on the "
           "host's port address."),
        page));
    return page;
}

QWidget *VmConfigDialog::createAdvancedTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_nic = new QComboBox(page);
    m_nic->setObjectName(QStringLiteral("nicCombo"));
    for (NicModel nic : {NicModel::Auto, NicModel::Virtio, NicModel::E1000, NicModel::E1000_82545em,
                         NicModel::Vmxnet3}) {
        m_nic->addItem(nicLabel(nic), int(nic));
    }
    form->addRow(tr("&NIC model:"), withMark(m_nic, QStringLiteral("nic")));
    m_video = new QComboBox(page);
    m_video->setObjectName(QStringLiteral("videoCombo"));
    for (VideoModel video :
         {VideoModel::Auto, VideoModel::Vga, VideoModel::Vmware, VideoModel::Virtio}) {
        m_video->addItem(videoLabel(video), int(video));
    }
    form->addRow(tr("&Video model:"), withMark(m_video, QStringLiteral("video")));

    auto *network = new QWidget(page);
    auto *networkLayout = new QHBoxLayout(network);
    networkLayout->setContentsMargins(0, 0, 0, 0);
    m_networkKind = new QComboBox(network);
    m_networkKind->setObjectName(QStringLiteral("networkKindCombo"));
    m_networkKind->addItem(tr("User-mode (ports forwarded)"), networkUser);
    m_networkKind->addItem(tr("User-mode, isolated"), networkIsolated);
    m_networkKind->addItem(tr("Libvirt network"), networkLibvirt);
    m_networkKind->addItem(tr("Host bridge"), networkBridge);
    m_networkName = new QLineEdit(network);
    m_networkName->setObjectName(QStringLiteral("networkNameEdit"));
    m_networkName->setEnabled(false);
    networkLayout->addWidget(m_networkKind);
    networkLayout->addWidget(m_networkName, 1);
    form->addRow(tr("Net&work:"), withMark(network, QStringLiteral("network")));
    form->addRow(Theme::makeHelpLabel(
        tr("Isolated guests reach nothing outside. Exposed ports are forwarded only on "
           "user-mode networks."),
        page));

    m_systemSerial = new QLineEdit(page);
    m_systemSerial->setObjectName(QStringLiteral("systemSerialEdit"));
    m_systemSerial->setPlaceholderText(tr("none"));
    form->addRow(tr("System &serial:"), withMark(m_systemSerial, QStringLiteral("systemSerial")));
    m_gpu = new QLineEdit(page);
    m_gpu->setObjectName(QStringLiteral("gpuEdit"));
    m_gpu->setPlaceholderText(tr("none, or a PCI address such as 0000:03:00.0"));
    form->addRow(tr("&GPU passthrough:"), withMark(m_gpu, QStringLiteral("gpuPciAddress")));
    return page;
}

void VmConfigDialog::fillImageCombo(QComboBox *combo, const QStringList &names,
                                    const QString &current, bool allowNone)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    if (allowNone)
        combo->addItem(tr("None"), QString());
    const QIcon imageIcon = Icons::symbolic(QStringLiteral("image"));
    for (const QString &name : names)
        combo->addItem(imageIcon, name, name);
    if (!current.isEmpty() && combo->findData(current) < 0) {
        //: An image a config names that the library does not have
        combo->addItem(Icons::colored(QStringLiteral("state-error")),
                       tr("%1 (not in the library)").arg(current), current);
    }
    const int index = combo->findData(current);
    combo->setCurrentIndex(index >= 0 ? index : (combo->count() > 0 ? 0 : -1));
}

void VmConfigDialog::setImageChoices(const QStringList &diskImages, const QStringList &allImages)
{
    const VmConfig current = config();
    m_diskImages = diskImages;
    m_allImages = allImages;
    fillImageCombo(m_image, m_diskImages, current.image, false);
    fillImageCombo(m_openCore, m_allImages, current.openCoreImage, true);
    validate();
}

void VmConfigDialog::setConfig(const VmConfig &config)
{
    m_loading = true;
    m_name->setText(config.name);
    m_description->setText(config.description);
    // A new config starts on the first disk image.
    fillImageCombo(m_image, m_diskImages, config.image, false);
    selectData(m_profile, int(config.profile));
    fillImageCombo(m_openCore, m_allImages, config.openCoreImage, true);
    if (m_cpuModel->findData(config.cpuModel) < 0)
        m_cpuModel->addItem(config.cpuModel, config.cpuModel); // set elsewhere (corralctl)
    m_cpuModel->setCurrentIndex(m_cpuModel->findData(config.cpuModel));
    selectData(m_firmware, int(config.firmware));
    m_guestUser->setText(config.guestUser);
    m_vcpus->setValue(config.vcpus);
    m_memory->setValue(int(std::min<qint64>(config.memoryMiB, m_memory->maximum())));
    m_disk->setValue(int(std::min<qint64>(config.diskGiB, m_disk->maximum())));
    m_displayWidth->setValue(config.displayWidth);
    m_displayHeight->setValue(config.displayHeight);
    m_hostTag->setText(config.hostTag);
    m_tagRequired->setChecked(config.tagRequired);
    m_ports->setText(ConfigModel::portsText(config.ports));
    selectData(m_nic, int(config.nic));
    selectData(m_video, int(config.video));
    QString kind = networkUser;
    QString name;
    if (config.network == networkIsolated) {
        kind = networkIsolated;
    } else if (config.network.startsWith(networkLibvirt + u':')) {
        kind = networkLibvirt;
        name = config.network.mid(networkLibvirt.size() + 1);
    } else if (config.network.startsWith(networkBridge + u':')) {
        kind = networkBridge;
        name = config.network.mid(networkBridge.size() + 1);
    }
    selectData(m_networkKind, kind);
    m_networkName->setText(name);
    m_networkName->setEnabled(kind == networkLibvirt || kind == networkBridge);
    m_systemSerial->setText(config.systemSerial);
    m_gpu->setText(config.gpuPciAddress);
    m_loading = false;
    onProfileChanged();
}

VmConfig VmConfigDialog::config() const
{
    VmConfig c = m_initial;
    c.name = m_name->text().trimmed();
    c.description = m_description->text().trimmed();
    c.image = m_image->currentData().toString();
    c.profile = GuestProfile(m_profile->currentData().toInt());
    // Only the chosen profile's own fields count; the other profile's are left empty.
    const bool macOS = c.profile == GuestProfile::MacOS;
    c.openCoreImage = macOS ? m_openCore->currentData().toString() : QString();
    c.cpuModel = macOS ? m_cpuModel->currentData().toString() : QString();
    c.firmware = macOS ? Firmware::Auto : Firmware(m_firmware->currentData().toInt());
    c.guestUser = m_guestUser->text().trimmed();
    c.vcpus = m_vcpus->value();
    c.memoryMiB = m_memory->value();
    c.diskGiB = m_disk->value();
    c.displayWidth = m_displayWidth->value();
    c.displayHeight = m_displayHeight->value();
    c.hostTag = m_hostTag->text().trimmed();
    c.tagRequired = m_tagRequired->isChecked();
    QString portsError;
    c.ports = parsePorts(m_ports->text(), &portsError);
    c.nic = NicModel(m_nic->currentData().toInt());
    c.video = VideoModel(m_video->currentData().toInt());
    const QString kind = m_networkKind->currentData().toString();
    if (kind == networkLibvirt || kind == networkBridge)
        c.network = kind + u':' + m_networkName->text().trimmed();
    else
        c.network = kind;
    c.systemSerial = m_systemSerial->text().trimmed();
    c.gpuPciAddress = m_gpu->text().trimmed();
    return c;
}

QList<quint16> VmConfigDialog::parsePorts(const QString &text, QString *error)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QList<quint16> ports;
    const QStringList tokens = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        bool ok = false;
        const int port = token.toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            if (error && error->isEmpty())
                *error = tr("%1 is not a port number (1 to 65535).").arg(token);
            continue;
        }
        ports.append(quint16(port));
    }
    return ports;
}

void VmConfigDialog::onProfileChanged()
{
    const bool macOS = GuestProfile(m_profile->currentData().toInt()) == GuestProfile::MacOS;
    for (QWidget *row : std::as_const(m_macRows))
        m_generalForm->setRowVisible(row, macOS);
    for (QWidget *row : std::as_const(m_otherRows))
        m_generalForm->setRowVisible(row, !macOS);
    updateAutomaticLabels();
    validate();
}

void VmConfigDialog::updateAutomaticLabels()
{
    // "Automatic" says what it means for the chosen profile.
    VmConfig probe;
    probe.profile = GuestProfile(m_profile->currentData().toInt());
    m_firmware->setItemText(0, tr("Automatic (%1)").arg(firmwareLabel(probe.effectiveFirmware())));
    m_nic->setItemText(0, tr("Automatic (%1)").arg(nicLabel(probe.effectiveNic())));
    m_video->setItemText(0, tr("Automatic (%1)").arg(videoLabel(probe.effectiveVideo())));
}

void VmConfigDialog::validate()
{
    if (m_loading || !m_okButton)
        return;
    const VmConfig c = config();
    m_problems = validateVmConfig(c);
    QString portsError;
    parsePorts(m_ports->text(), &portsError);
    if (!portsError.isEmpty())
        m_problems.prepend({QStringLiteral("ports"), portsError});

    // An untouched, empty name is not an error yet: the dialog just opened.
    const bool hideName = !m_nameTouched && c.name.isEmpty();
    QHash<QString, QString> shown; // field -> its first message
    QString first;
    for (const ConfigProblem &problem : std::as_const(m_problems)) {
        if (hideName && problem.field == u"name")
            continue;
        if (first.isEmpty())
            first = problem.message;
        if (!shown.contains(problem.field))
            shown.insert(problem.field, problem.message);
    }
    QSet<int> badTabs;
    for (auto it = m_marks.cbegin(); it != m_marks.cend(); ++it) {
        const QString message = shown.value(it.key());
        it.value()->setVisible(!message.isEmpty());
        it.value()->setToolTip(message);
        if (!message.isEmpty())
            badTabs.insert(m_fieldTabs.value(it.key()));
    }
    const QIcon errorIcon = Icons::colored(QStringLiteral("state-error"));
    for (int tab = 0; tab < m_tabs->count(); ++tab)
        m_tabs->setTabIcon(tab, badTabs.contains(tab) ? errorIcon : QIcon());
    m_problemLabel->setText(first);
    m_problemLabel->setVisible(!first.isEmpty());
    m_resultError->hide();
    m_okButton->setEnabled(isInputValid());
}

QStringList VmConfigDialog::markedFields() const
{
    QStringList fields;
    for (auto it = m_marks.cbegin(); it != m_marks.cend(); ++it) {
        if (!it.value()->isHidden())
            fields.append(it.key());
    }
    fields.sort();
    return fields;
}

bool VmConfigDialog::isInputValid() const
{
    return !m_busy && m_problems.isEmpty();
}

void VmConfigDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_tabs->setEnabled(!busy);
    m_okButton->setEnabled(isInputValid());
}

void VmConfigDialog::accept()
{
    if (!isInputValid())
        return;
    saveThroughCatalog<VmConfig>(
        this, m_fleet ? m_fleet->catalog() : nullptr,
        m_mode == Mode::Edit ? &WorkloadCatalog::updateConfig : &WorkloadCatalog::createConfig,
        config(), m_resultError, [this](bool busy) { setBusy(busy); },
        [this](const VmConfig &stored) {
            Q_EMIT saved(stored);
            QDialog::accept();
        });
}

} // namespace Corral
