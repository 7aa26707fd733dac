#include "uploaddialog.h"

#include "formatting.h"
#include "icons.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace Corral {

namespace {

enum FileColumn : int { FileNameColumn, NameColumn, DescriptionColumn, DetectedColumn };

void setMessage(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

// Colours the widget's text; an invalid colour goes back to the inherited palette.
void setTextColor(QWidget *widget, QPalette::ColorRole role, const QColor &color)
{
    if (!color.isValid()) {
        widget->setPalette(QPalette());
        return;
    }
    QPalette palette = widget->palette();
    palette.setColor(role, color);
    widget->setPalette(palette);
}

} // namespace

UploadDialog::UploadDialog(const QStringList &paths, const QList<qint64> &preselectedHostIds,
                           Backend backend, QWidget *parent)
    : QDialog(parent)
    , m_backend(std::move(backend))
{
    setWindowTitle(paths.size() == 1 ? tr("Upload Image")
                                     : tr("Upload %n Image(s)", nullptr, int(paths.size())));
    setWindowIcon(Icons::application());

    auto *layout = new QVBoxLayout(this);
    m_nameError
        = Theme::makeMessageLabel(this, QStringLiteral("nameError"), Theme::errorColor(palette()));
    if (paths.size() == 1) {
        layout->addWidget(createSingleFileForm(paths.constFirst()));
    } else {
        layout->addWidget(createFileTable(paths), 1);
        layout->addWidget(m_nameError);
    }

    createHostList(preselectedHostIds);
    auto *hosts = new QGroupBox(tr("Upload To"), this);
    auto *hostsLayout = new QVBoxLayout(hosts);
    hostsLayout->addWidget(m_hostList);
    hostsLayout->addWidget(m_hostHint);
    layout->addWidget(hosts);

    auto *help = Theme::makeHelpLabel(
        tr("Each host receives the file over its own SSH connection; holes in sparse files are "
           "not sent. A transfer that is interrupted resumes where it stopped, and the image is "
           "registered only once its SHA-256 on the host matches the file's."),
        this);
    layout->addWidget(help);
    layout->addStretch(1);

    m_resultError = Theme::makeMessageLabel(this, QStringLiteral("resultError"),
                                            Theme::errorColor(palette()));
    layout->addWidget(m_resultError);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_uploadButton = buttons->button(QDialogButtonBox::Ok);
    m_uploadButton->setText(tr("Upload"));
    m_uploadButton->setIcon(Icons::symbolic(QStringLiteral("upload")));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &UploadDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &UploadDialog::reject);

    for (const Entry &entry : m_entries) {
        connect(entry.name, &QLineEdit::textChanged, this, [this] {
            m_resultError->hide();
            validate();
        });
    }
    connect(m_hostList, &QListWidget::itemChanged, this, &UploadDialog::validate);

    setMinimumWidth(paths.size() == 1 ? 560 : 900);
    validate();
    startProbes();
}

QWidget *UploadDialog::createSingleFileForm(const QString &path)
{
    auto *form = new QWidget(this);
    auto *layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    auto *file = new QLabel(QFileInfo(path).fileName(), form);
    file->setObjectName(QStringLiteral("fileLabel"));
    file->setTextFormat(Qt::PlainText);
    file->setToolTip(path);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addRow(tr("File:"), file);

    Entry entry;
    entry.path = path;
    entry.detected = new QLabel(form);
    entry.detected->setObjectName(QStringLiteral("detectedLabel"));
    entry.detected->setTextFormat(Qt::PlainText);
    entry.detected->setWordWrap(true);
    // The whole width of the form: wrapped only when the text (a probe error) needs it.
    entry.detected->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    layout->addRow(tr("Detected:"), entry.detected);

    entry.name = new QLineEdit(form);
    entry.name->setObjectName(QStringLiteral("nameEdit"));
    entry.name->setMaxLength(64);
    layout->addRow(tr("&Name:"), entry.name);
    layout->addRow(QString(), m_nameError);

    entry.description = new QLineEdit(form);
    entry.description->setObjectName(QStringLiteral("descriptionEdit"));
    entry.description->setPlaceholderText(tr("optional, e.g. macOS 14.5 base with Xcode 15"));
    layout->addRow(tr("&Description:"), entry.description);

    entry.name->setText(m_backend.suggestName ? m_backend.suggestName(path)
                                              : QFileInfo(path).fileName());
    m_entries.push_back(entry);
    return form;
}

QWidget *UploadDialog::createFileTable(const QStringList &paths)
{
    m_table = new QTableWidget(int(paths.size()), 4, this);
    m_table->setObjectName(QStringLiteral("fileTable"));
    m_table->setHorizontalHeaderLabels({tr("File"), tr("Name"), tr("Description"), tr("Detected")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Only the name and description fields take the focus, not the cells around them.
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(FileNameColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(DescriptionColumn, QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->resizeSection(FileNameColumn, 170);
    header->resizeSection(NameColumn, 170);
    header->resizeSection(DescriptionColumn, 180);

    for (int row = 0; row < int(paths.size()); ++row) {
        Entry entry;
        entry.path = paths.at(row);
        auto *file = new QTableWidgetItem(QFileInfo(entry.path).fileName());
        file->setToolTip(entry.path);
        m_table->setItem(row, FileNameColumn, file);

        entry.name = new QLineEdit(m_table);
        entry.name->setObjectName(u"nameEdit" + QString::number(row));
        entry.name->setFrame(false);
        entry.name->setMaxLength(64);
        entry.name->setText(m_backend.suggestName ? m_backend.suggestName(entry.path)
                                                  : QFileInfo(entry.path).fileName());
        m_table->setCellWidget(row, NameColumn, entry.name);

        entry.description = new QLineEdit(m_table);
        entry.description->setObjectName(u"descriptionEdit" + QString::number(row));
        entry.description->setFrame(false);
        entry.description->setPlaceholderText(tr("optional"));
        m_table->setCellWidget(row, DescriptionColumn, entry.description);

        entry.detected = new QLabel(m_table);
        entry.detected->setObjectName(u"detectedLabel" + QString::number(row));
        entry.detected->setTextFormat(Qt::PlainText);
        entry.detected->setContentsMargins(4, 0, 4, 0);
        m_table->setCellWidget(row, DetectedColumn, entry.detected);
        m_entries.push_back(entry);
    }
    m_table->resizeRowsToContents();
    // Every file up to eight without scrolling; more scroll (and the table takes the height a
    // larger dialog gets).
    constexpr int shownRows = 8;
    const int height = m_table->horizontalHeader()->sizeHint().height()
        + std::min(shownRows, int(paths.size())) * m_table->rowHeight(0) + 2 * m_table->frameWidth()
        + 2;
    m_table->setMinimumHeight(height);
    if (paths.size() <= shownRows)
        m_table->setMaximumHeight(height);
    return m_table;
}

void UploadDialog::createHostList(const QList<qint64> &preselected)
{
    m_hostList = new QListWidget(this);
    m_hostList->setObjectName(QStringLiteral("hostList"));
    m_hostList->setSelectionMode(QAbstractItemView::NoSelection);
    m_hostList->setIconSize(QSize(16, 16));
    m_hostHint = new QLabel(this);
    m_hostHint->setObjectName(QStringLiteral("hostHint"));
    m_hostHint->setTextFormat(Qt::PlainText);
    m_hostHint->setWordWrap(true);
    m_hostHint->setForegroundRole(QPalette::PlaceholderText);

    QList<HostInfo> hosts = m_backend.hosts;
    std::sort(hosts.begin(), hosts.end(), [](const HostInfo &a, const HostInfo &b) {
        return Format::naturalCompare(a.config.name, b.config.name) < 0;
    });
    int connected = 0;
    const QIcon hostIcon = Icons::symbolic(QStringLiteral("host"));
    for (const HostInfo &host : std::as_const(hosts)) {
        const bool online = host.state == HostState::Connected;
        auto *item = new QListWidgetItem(hostIcon, host.config.name, m_hostList);
        item->setData(Qt::UserRole, host.config.id);
        if (online) {
            ++connected;
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            const bool checked = preselected.isEmpty() || preselected.contains(host.config.id);
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        } else {
            //: A host that cannot receive an upload now: "lab2 (Offline)"
            item->setText(tr("%1 (%2)").arg(host.config.name, hostStateLabel(host.state)));
            item->setFlags(Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            item->setToolTip(tr("Only connected hosts can receive an upload."));
        }
    }
    // Tall enough for every host up to six, then it scrolls.
    const int rowHeight
        = hosts.isEmpty() ? m_hostList->fontMetrics().height() + 6 : m_hostList->sizeHintForRow(0);
    m_hostList->setFixedHeight(std::clamp(int(hosts.size()), 2, 6) * rowHeight
                               + 2 * m_hostList->frameWidth() + 2);
    if (hosts.isEmpty())
        m_hostHint->setText(tr("No hosts yet: add a host on the Hosts page first."));
    else if (connected == 0)
        m_hostHint->setText(tr("No host is connected: connect one on the Hosts page first."));
    m_hostHint->setVisible(!m_hostHint->text().isEmpty());
}

void UploadDialog::startProbes()
{
    for (int file = 0; file < fileCount(); ++file) {
        setDetected(file, tr("Checking…"), false);
        if (!m_backend.probe) {
            onProbed(file, ImageProbe{});
            continue;
        }
        m_backend.probe(m_entries.at(size_t(file)).path, this,
                        [this, file](Result<ImageProbe> probe) { onProbed(file, probe); });
    }
}

void UploadDialog::onProbed(int file, const Result<ImageProbe> &probe)
{
    Entry &entry = m_entries.at(size_t(file));
    if (entry.started)
        return;
    if (probe) {
        entry.probe = ProbeState::Ok;
        setDetected(file, describe(*probe), false);
    } else {
        entry.probe = ProbeState::Failed;
        setDetected(file, probe.error().message, true);
        entry.name->setEnabled(false);
        entry.description->setEnabled(false);
    }
    validate();
}

void UploadDialog::setDetected(int file, const QString &text, bool error)
{
    QLabel *label = m_entries.at(size_t(file)).detected;
    label->setText(text);
    label->setToolTip(text);
    setTextColor(label, QPalette::WindowText, error ? Theme::errorColor(palette()) : QColor());
}

QString UploadDialog::describe(const ImageProbe &probe)
{
    switch (probe.format) {
    case ImageProbe::Format::Qcow2:
        return tr("qcow2 disk, %1 virtual, %2 file")
            .arg(Format::bytes(probe.virtualSize), Format::bytes(probe.fileSize));
    case ImageProbe::Format::Raw:
        return tr("raw disk, %1").arg(Format::bytes(probe.virtualSize));
    case ImageProbe::Format::Iso:
        return tr("ISO image, %1").arg(Format::bytes(probe.fileSize));
    }
    return {};
}

bool UploadDialog::isFileEnabled(int file) const
{
    const Entry &entry = m_entries.at(size_t(file));
    return entry.probe != ProbeState::Failed && !entry.started;
}

QString UploadDialog::nameError(int file) const
{
    if (!isFileEnabled(file))
        return {};
    const QString name = m_entries.at(size_t(file)).name->text().trimmed();
    if (const QString rule = ImageProbes::validateName(name); !rule.isEmpty())
        return rule;
    if (m_backend.existingNames.contains(name))
        return tr("The library already has an image named %1.").arg(name);
    for (int other = 0; other < fileCount(); ++other) {
        if (other != file && isFileEnabled(other)
            && m_entries.at(size_t(other)).name->text().trimmed() == name) {
            return tr("Another file of this upload is named %1 too.").arg(name);
        }
    }
    return {};
}

QList<qint64> UploadDialog::checkedHostIds() const
{
    QList<qint64> ids;
    for (int row = 0; row < m_hostList->count(); ++row) {
        const QListWidgetItem *item = m_hostList->item(row);
        if ((item->flags() & Qt::ItemIsEnabled) && item->checkState() == Qt::Checked)
            ids.append(item->data(Qt::UserRole).toLongLong());
    }
    return ids;
}

bool UploadDialog::isInputValid() const
{
    if (m_busy || checkedHostIds().isEmpty())
        return false;
    bool any = false;
    for (int file = 0; file < fileCount(); ++file) {
        if (!isFileEnabled(file))
            continue;
        // A file still being checked may yet turn out not to be an image.
        if (m_entries.at(size_t(file)).probe == ProbeState::Pending || !nameError(file).isEmpty())
            return false;
        any = true;
    }
    return any;
}

QList<ImageLibrary::UploadRequest> UploadDialog::requests() const
{
    QList<ImageLibrary::UploadRequest> list;
    const QList<qint64> hosts = checkedHostIds();
    for (int file = 0; file < fileCount(); ++file) {
        if (!isFileEnabled(file))
            continue;
        const Entry &entry = m_entries.at(size_t(file));
        list.append(
            {entry.path, entry.name->text().trimmed(), entry.description->text().trimmed(), hosts});
    }
    return list;
}

void UploadDialog::validate()
{
    QStringList errors;
    const QColor errorColor = Theme::errorColor(palette());
    for (int file = 0; file < fileCount(); ++file) {
        const QString error = nameError(file);
        QLineEdit *edit = m_entries.at(size_t(file)).name;
        edit->setToolTip(error);
        if (m_table) {
            setTextColor(edit, QPalette::Text, error.isEmpty() ? QColor() : errorColor);
            if (!error.isEmpty()) {
                //: A problem with one file of several: "disk.img: An image named ..."
                errors.append(
                    tr("%1: %2").arg(QFileInfo(m_entries.at(size_t(file)).path).fileName(), error));
            }
        } else if (!error.isEmpty()) {
            errors.append(error);
        }
    }
    setMessage(m_nameError, errors.join(u'\n'));
    m_uploadButton->setEnabled(isInputValid());
}

void UploadDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (int file = 0; file < fileCount(); ++file) {
        const bool editable = !busy && isFileEnabled(file);
        m_entries.at(size_t(file)).name->setEnabled(editable);
        m_entries.at(size_t(file)).description->setEnabled(editable);
    }
    m_hostList->setEnabled(!busy);
    m_uploadButton->setEnabled(isInputValid());
}

void UploadDialog::accept()
{
    if (!isInputValid())
        return;
    if (!m_backend.upload) {
        QDialog::accept();
        return;
    }
    const QList<qint64> hosts = checkedHostIds();
    QList<int> files;
    for (int file = 0; file < fileCount(); ++file) {
        if (isFileEnabled(file))
            files.append(file);
    }
    setBusy(true);
    m_resultError->hide();
    m_uploadErrors.clear();
    m_startedJobs.clear();
    m_pendingUploads = int(files.size());
    for (int file : std::as_const(files)) {
        const Entry &entry = m_entries.at(size_t(file));
        const ImageLibrary::UploadRequest request{entry.path, entry.name->text().trimmed(),
                                                  entry.description->text().trimmed(), hosts};
        m_backend.upload(request, this, [this, file](Result<QList<qint64>> jobs) {
            Entry &done = m_entries.at(size_t(file));
            if (jobs) {
                done.started = true;
                m_startedJobs.append(*jobs);
                setDetected(file, tr("Upload started"), false);
            } else if (m_table) {
                m_uploadErrors.append(
                    tr("%1: %2").arg(QFileInfo(done.path).fileName(), jobs.error().message));
            } else {
                m_uploadErrors.append(jobs.error().message);
            }
            if (--m_pendingUploads == 0)
                onUploadsFinished();
        });
    }
}

void UploadDialog::onUploadsFinished()
{
    setBusy(false);
    if (!m_startedJobs.isEmpty())
        Q_EMIT uploadsStarted(m_startedJobs);
    if (m_uploadErrors.isEmpty()) {
        QDialog::accept();
        return;
    }
    validate();
    setMessage(m_resultError, m_uploadErrors.join(u'\n'));
}

QStringList UploadDialog::localFilePaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        // No stat() here (a drag over a stalled network mount must not freeze the window):
        // whatever is not a file is reported by the probe in the dialog.
        if (!url.isLocalFile() || url.path().endsWith(u'/'))
            continue;
        const QString path = url.toLocalFile();
        if (!path.isEmpty() && !paths.contains(path))
            paths.append(path);
    }
    return paths;
}

} // namespace Corral
