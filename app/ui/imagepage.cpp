#include "imagepage.h"

#include "theme.h"

#include "emptydiskdialog.h"
#include "fleet/fleet.h"
#include "formatting.h"
#include "icons.h"
#include "imagemodel.h"
#include "pagesupport.h"
#include "images/imagelibrary.h"
#include "placeholdertreeview.h"
#include "replicabadgedelegate.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QToolBar>
#include <QVBoxLayout>

namespace Corral {

namespace {

QString shortcutText(const QKeySequence &shortcut)
{
    return shortcut.toString(QKeySequence::NativeText);
}

// "lab1, lab2 and lab3" is hard to translate well; a comma list reads fine in every language.
QString hostList(const ReplicaBadges &badges)
{
    QStringList names;
    for (const ReplicaBadge &badge : badges)
        names.append(badge.host);
    return names.join(QStringLiteral(", "));
}

} // namespace

ImagePage::ImagePage(Fleet *fleet, ImageModel *model, QWidget *parent)
    : QWidget(parent)
    , m_fleet(fleet)
    , m_library(fleet ? fleet->images() : nullptr)
    , m_model(model)
    , m_lastDirectory(QDir::homePath())
{
    setAcceptDrops(true);
    createActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_toolBar = PageSupport::toolBar(tr("Image Actions"), QStringLiteral("imageToolBar"), this);
    m_toolBar->addAction(m_uploadAction);
    m_toolBar->addAction(m_createAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_downloadAction);
    m_toolBar->addAction(m_copyAction);
    m_toolBar->addAction(m_verifyAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_renameAction);
    m_toolBar->addAction(m_describeAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_deleteAction);
    layout->addWidget(m_toolBar);

    auto *filterBar = new QHBoxLayout;
    filterBar->setContentsMargins(6, 4, 6, 4);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("imageSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::symbolic(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->setPlaceholderText(tr("Filter by name, description or format (%1)")
                                     .arg(shortcutText(QKeySequence(QKeySequence::Find))));
    filterBar->addWidget(m_search, 1);
    layout->addLayout(filterBar);

    m_proxy = PageSupport::sortProxy(model, ImageModel::SortRole, this);
    m_proxy->setFilterRole(ImageModel::FilterRole);
    m_proxy->setFilterKeyColumn(ImageModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_view = new PlaceholderTreeView(this);
    m_view->setObjectName(QStringLiteral("imageView"));
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Renaming is F2 (the Rename action), not a click on a selected name.
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(ImageModel::ReplicasColumn, new ReplicaBadgeDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ImageModel::NameColumn, Qt::AscendingOrder);
    QHeaderView *header = m_view->header();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->resizeSection(ImageModel::NameColumn, 230);
    header->resizeSection(ImageModel::KindColumn, 60);
    header->resizeSection(ImageModel::FormatColumn, 70);
    header->resizeSection(ImageModel::VirtualSizeColumn, 96);
    header->resizeSection(ImageModel::ActualSizeColumn, 96);
    header->resizeSection(ImageModel::Sha256Column, 120);
    header->resizeSection(ImageModel::ReplicasColumn, 260);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ImagePage::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ImagePage::updateActions);
    connect(m_model, &ImageModel::renameRequested, this, &ImagePage::renameImage);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ImagePage::updateActions);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_proxy, signal, this, &ImagePage::updatePlaceholder);
        connect(m_proxy, signal, this, &ImagePage::updateActions);
    }
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ImagePage::updatePlaceholder);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ImagePage::updatePlaceholder);

    if (m_fleet) {
        for (auto signal : {&Fleet::hostAdded, &Fleet::hostChanged}) {
            connect(m_fleet, signal, this, [this] {
                refreshHostNames();
                updateActions();
            });
        }
        connect(m_fleet, &Fleet::hostRemoved, this, [this] {
            refreshHostNames();
            updateActions();
        });
    }
    if (m_library)
        connect(m_library, &ImageLibrary::imagesChanged, this, &ImagePage::refreshImages);
    refreshHostNames();
    refreshImages();
    updatePlaceholder();
    updateActions();
}

void ImagePage::createActions()
{
    auto make
        = [this](const char *icon, const QString &text, const QString &tip, const char *name) {
              auto *action = new QAction(Icons::symbolic(QString::fromLatin1(icon)), text, this);
              action->setObjectName(QString::fromLatin1(name));
              action->setStatusTip(tip);
              return action;
          };
    m_uploadAction
        = make("upload", tr("Upload…"),
               tr("Upload disk images or ISOs from this computer to hosts"), "image.upload");
    m_uploadAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_uploadAction->setToolTip(tr("Upload (%1)").arg(shortcutText(m_uploadAction->shortcut())));
    m_createAction
        = make("add", tr("Create Empty Disk…"),
               tr("Create an empty qcow2 disk in a host's image pool"), "image.createEmpty");
    m_downloadAction
        = make("download", tr("Download…"),
               tr("Save a host's copy of the image to a file on this computer"), "image.download");
    m_copyAction = make("copy", tr("Copy to Host…"),
                        tr("Copy the image from a host that has it to another host"), "image.copy");
    m_verifyAction = make("verify", tr("Verify"),
                          tr("Compute the SHA-256 of a host's copy and compare it with the "
                             "library's"),
                          "image.verify");
    m_renameAction
        = make("edit", tr("Rename"), tr("Rename the image on every host"), "image.rename");
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_renameAction->setToolTip(tr("Rename (%1)").arg(shortcutText(m_renameAction->shortcut())));
    m_describeAction = make("edit", tr("Edit Description…"), tr("Change the image's description"),
                            "image.describe");
    m_deleteAction
        = make("delete", tr("Delete…"), tr("Delete the image from every host and from the library"),
               "image.delete");
    m_deleteAction->setToolTip(
        tr("Delete (%1)").arg(shortcutText(QKeySequence(QKeySequence::Delete))));
    m_findAction = new QAction(tr("Filter Images"), this);
    m_findAction->setObjectName(QStringLiteral("image.find"));
    m_findAction->setShortcut(QKeySequence::Find);

    connect(m_uploadAction, &QAction::triggered, this, &ImagePage::chooseFilesToUpload);
    connect(m_createAction, &QAction::triggered, this, &ImagePage::createEmptyDisk);
    connect(m_downloadAction, &QAction::triggered, this, &ImagePage::downloadImage);
    connect(m_copyAction, &QAction::triggered, this, &ImagePage::copyImage);
    connect(m_verifyAction, &QAction::triggered, this, &ImagePage::verifyImage);
    connect(m_describeAction, &QAction::triggered, this, &ImagePage::describeImage);
    connect(m_deleteAction, &QAction::triggered, this, &ImagePage::deleteImages);
    connect(m_renameAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (!m_active || !current.isValid())
            return;
        const QModelIndex name = current.siblingAtColumn(ImageModel::NameColumn);
        m_view->scrollTo(name);
        m_view->edit(name);
    });
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
}

void ImagePage::setActive(bool active)
{
    m_active = active;
    // Del and Ctrl+F belong to the shown page (the VMs and Hosts pages use them too); Qt
    // counts disabled actions when it looks for ambiguous shortcuts.
    m_deleteAction->setShortcut(active ? QKeySequence(QKeySequence::Delete) : QKeySequence());
    m_findAction->setShortcut(active ? QKeySequence(QKeySequence::Find) : QKeySequence());
    m_findAction->setEnabled(active);
    updateActions();
}

void ImagePage::refreshImages()
{
    if (m_library)
        m_model->setImages(m_library->images());
}

void ImagePage::refreshHostNames()
{
    QHash<qint64, QString> names;
    const QList<HostInfo> all = hosts();
    for (const HostInfo &host : all)
        names.insert(host.config.id, host.config.name);
    m_model->setHostNames(names);
}

QList<HostInfo> ImagePage::hosts() const
{
    return m_fleet ? m_fleet->hosts() : QList<HostInfo>();
}

QList<HostInfo> ImagePage::holders(const ImageRecord &image) const
{
    QList<HostInfo> list;
    const QList<HostInfo> all = hosts();
    for (const HostInfo &host : all) {
        if (host.state != HostState::Connected)
            continue;
        const bool holds = std::any_of(image.replicas.cbegin(), image.replicas.cend(),
                                       [&host](const ImageReplica &replica) {
                                           return replica.hostId == host.config.id
                                               && replica.state == ImageReplica::State::Present;
                                       });
        if (holds)
            list.append(host);
    }
    std::sort(list.begin(), list.end(), [](const HostInfo &a, const HostInfo &b) {
        return Format::naturalCompare(a.config.name, b.config.name) < 0;
    });
    return list;
}

QList<ImageRecord> ImagePage::selectedImages() const
{
    QList<ImageRecord> images;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        images.append(m_model->imageAt(m_proxy->mapToSource(index).row()));
    return images;
}

void ImagePage::updateActions()
{
    const QList<ImageRecord> images = m_active ? selectedImages() : QList<ImageRecord>();
    const bool library = m_library;
    const bool one = library && images.size() == 1;
    const QList<HostInfo> all = hosts();
    const int connected = int(std::count_if(all.cbegin(), all.cend(), [](const HostInfo &host) {
        return host.state == HostState::Connected;
    }));
    const int holding = one ? int(holders(images.constFirst()).size()) : 0;

    m_uploadAction->setEnabled(library);
    m_createAction->setEnabled(library && connected > 0);
    m_downloadAction->setEnabled(holding > 0);
    m_copyAction->setEnabled(holding > 0 && connected > holding);
    m_verifyAction->setEnabled(holding > 0);
    m_renameAction->setEnabled(one);
    m_describeAction->setEnabled(one);
    m_deleteAction->setEnabled(library && !images.isEmpty());
}

void ImagePage::updatePlaceholder()
{
    QString text;
    if (m_model->rowCount() == 0) {
        text = tr("Drop disk images or ISOs here, or click Upload… (%1).")
                   .arg(shortcutText(m_uploadAction->shortcut()));
    } else if (m_proxy->rowCount() == 0) {
        text = tr("No images match the filter.");
    }
    m_view->setPlaceholderText(text);
}

void ImagePage::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    if (m_view->indexAt(pos).isValid()) {
        menu.addAction(m_downloadAction);
        menu.addAction(m_copyAction);
        menu.addAction(m_verifyAction);
        menu.addSeparator();
        menu.addAction(m_renameAction);
        menu.addAction(m_describeAction);
        menu.addSeparator();
        menu.addAction(m_deleteAction);
    } else {
        menu.addAction(m_uploadAction);
        menu.addAction(m_createAction);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void ImagePage::showError(const QString &title, const QString &message)
{
    PageSupport::showWarning(this, title, message, QStringLiteral("imageError"));
}

std::optional<qint64> ImagePage::chooseHost(const QList<HostInfo> &candidates, const QString &title,
                                            const QString &label)
{
    if (candidates.isEmpty())
        return std::nullopt;
    if (candidates.size() == 1)
        return candidates.constFirst().config.id;
    QStringList names;
    for (const HostInfo &host : candidates)
        names.append(host.config.name);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, title, label, names, 0, false, &ok);
    if (!ok)
        return std::nullopt;
    return candidates.at(names.indexOf(chosen)).config.id;
}

UploadDialog::Backend ImagePage::uploadBackend() const
{
    UploadDialog::Backend backend;
    backend.existingNames = m_model->names();
    backend.hosts = hosts();
    backend.suggestName = &ImageLibrary::suggestedName;
    if (m_library) {
        const QPointer<ImageLibrary> library = m_library;
        backend.probe = [library](const QString &path, QObject *context,
                                  std::function<void(Result<ImageProbe>)> done) {
            if (library)
                library->probe(path, context, std::move(done));
        };
        backend.upload = [library](const ImageLibrary::UploadRequest &request, QObject *context,
                                   std::function<void(Result<QList<qint64>>)> done) {
            if (library)
                library->upload(request, context, std::move(done));
        };
    }
    return backend;
}

void ImagePage::uploadFiles(const QStringList &paths, const QList<qint64> &hostIds)
{
    if (paths.isEmpty() || !m_library)
        return;
    m_lastDirectory = QFileInfo(paths.constFirst()).absolutePath();
    auto *dialog = new UploadDialog(paths, hostIds, uploadBackend(), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UploadDialog::uploadsStarted, this, &ImagePage::transfersStarted);
    dialog->open();
}

void ImagePage::chooseFilesToUpload()
{
    if (!m_library)
        return;
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Upload Images"), m_lastDirectory,
        tr("Disk images and ISOs (*.qcow2 *.img *.raw *.iso *.cdr);;All files (*)"));
    uploadFiles(paths);
}

void ImagePage::createEmptyDisk()
{
    if (!m_library)
        return;
    const QPointer<ImageLibrary> library = m_library;
    auto create
        = [library](const QString &name, quint64 size, qint64 hostId, const QString &description,
                    QObject *context, std::function<void(Result<qint64>)> done) {
              if (library)
                  library->createEmpty(name, size, hostId, description, context, std::move(done));
          };
    auto *dialog = new EmptyDiskDialog(m_model->names(), hosts(), create, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EmptyDiskDialog::created, this, &ImagePage::transfersStarted);
    dialog->open();
}

void ImagePage::downloadImage()
{
    const QList<ImageRecord> images = selectedImages();
    if (images.size() != 1 || !m_library)
        return;
    const ImageRecord image = images.constFirst();
    const auto host
        = chooseHost(holders(image), tr("Download %1").arg(image.name), tr("Download from host:"));
    if (!host)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Download %1").arg(image.name),
                                                      QDir(m_lastDirectory).filePath(image.name));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    m_library->download(image.name, *host, path, this,
                        [this, name = image.name](Result<qint64> job) {
                            if (!job)
                                showError(tr("Download %1").arg(name), job.error().message);
                            else
                                Q_EMIT transfersStarted();
                        });
}

void ImagePage::copyImage()
{
    const QList<ImageRecord> images = selectedImages();
    if (images.size() != 1 || !m_library)
        return;
    const ImageRecord image = images.constFirst();
    const QList<HostInfo> from = holders(image);
    QList<HostInfo> to = hosts();
    to.removeIf([&from](const HostInfo &host) {
        return host.state != HostState::Connected
            || std::any_of(from.cbegin(), from.cend(), [&host](const HostInfo &holder) {
                   return holder.config.id == host.config.id;
               });
    });
    if (from.isEmpty() || to.isEmpty())
        return;
    std::sort(to.begin(), to.end(), [](const HostInfo &a, const HostInfo &b) {
        return Format::naturalCompare(a.config.name, b.config.name) < 0;
    });

    QDialog dialog(this);
    dialog.setWindowTitle(tr("Copy %1 to Host").arg(image.name));
    auto *layout = new QVBoxLayout(&dialog);
    auto *form = new QFormLayout;
    auto *fromCombo = new QComboBox(&dialog);
    fromCombo->setObjectName(QStringLiteral("fromCombo"));
    auto *toCombo = new QComboBox(&dialog);
    toCombo->setObjectName(QStringLiteral("toCombo"));
    const QIcon hostIcon = Icons::symbolic(QStringLiteral("host"));
    for (const HostInfo &host : from)
        fromCombo->addItem(hostIcon, host.config.name, host.config.id);
    for (const HostInfo &host : std::as_const(to))
        toCombo->addItem(hostIcon, host.config.name, host.config.id);
    form->addRow(tr("&From:"), fromCombo);
    form->addRow(tr("&To:"), toCombo);
    layout->addLayout(form);
    auto *help
        = Theme::makeHelpLabel(tr("The image streams from one host to the other through this "
                                  "computer; nothing is written to its disk."),
                               &dialog);
    layout->addWidget(help);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Copy"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.setMinimumWidth(380);
    if (dialog.exec() != QDialog::Accepted || !m_library)
        return;

    m_library->copy(image.name, fromCombo->currentData().toLongLong(),
                    toCombo->currentData().toLongLong(), this,
                    [this, name = image.name](Result<qint64> job) {
                        if (!job)
                            showError(tr("Copy %1").arg(name), job.error().message);
                        else
                            Q_EMIT transfersStarted();
                    });
}

void ImagePage::verifyImage()
{
    const QList<ImageRecord> images = selectedImages();
    if (images.size() != 1 || !m_library)
        return;
    const ImageRecord image = images.constFirst();
    const auto host = chooseHost(holders(image), tr("Verify %1").arg(image.name),
                                 tr("Compute the checksum of the copy on host:"));
    if (!host || !m_library)
        return;
    m_library->verify(image.name, *host, this, [this, name = image.name](Result<qint64> job) {
        if (!job)
            showError(tr("Verify %1").arg(name), job.error().message);
        else
            Q_EMIT transfersStarted();
    });
}

void ImagePage::renameImage(const QString &name, const QString &newName)
{
    const QString title = tr("Rename %1").arg(name);
    if (const QString rule = ImageProbes::validateName(newName); !rule.isEmpty()) {
        showError(title, rule);
        return;
    }
    if (m_model->rowOf(newName) >= 0) {
        showError(title, tr("The library already has an image named %1.").arg(newName));
        return;
    }
    if (!m_library)
        return;
    m_library->rename(name, newName, this, [this, title](Result<void> done) {
        if (!done)
            showError(title, done.error().message);
    });
}

void ImagePage::describeImage()
{
    const QList<ImageRecord> images = selectedImages();
    if (images.size() != 1 || !m_library)
        return;
    const ImageRecord image = images.constFirst();
    bool ok = false;
    const QString description = QInputDialog::getMultiLineText(
        this, tr("Edit Description"), tr("Description of %1:").arg(image.name), image.description,
        &ok);
    if (!ok || description.trimmed() == image.description || !m_library)
        return;
    m_library->describe(
        image.name, description.trimmed(), this, [this, name = image.name](Result<void> done) {
            if (!done)
                showError(tr("Edit Description of %1").arg(name), done.error().message);
        });
}

void ImagePage::deleteImages()
{
    const QList<ImageRecord> images = m_active ? selectedImages() : QList<ImageRecord>();
    if (images.isEmpty() || !m_library)
        return;
    QMessageBox box(this);
    box.setIcon(QMessageBox::Warning);
    box.setTextFormat(Qt::PlainText);
    box.setWindowTitle(tr("Delete Image"));
    const int count = int(images.size());
    if (count == 1) {
        const ImageRecord &image = images.constFirst();
        const ReplicaBadges badges = m_model->badges(image);
        box.setText(tr("Delete %1?").arg(image.name));
        box.setInformativeText(
            badges.isEmpty()
                ? tr("It is removed from the library. This cannot be undone.")
                : tr("It is deleted from %1 and removed from the library. This cannot be "
                     "undone.")
                      .arg(hostList(badges)));
    } else {
        constexpr int listed = 10;
        QStringList lines;
        for (const ImageRecord &image : images.mid(0, listed)) {
            const ReplicaBadges badges = m_model->badges(image);
            //: One image of several to delete, with the hosts that hold it
            lines.append(badges.isEmpty() ? image.name
                                          : tr("%1 — on %2").arg(image.name, hostList(badges)));
        }
        if (count > listed)
            lines.append(tr("and %n more", nullptr, count - listed));
        box.setText(tr("Delete %n image(s)?", nullptr, count));
        box.setInformativeText(lines.join(u'\n') + u"\n\n"
                               + tr("They are deleted from these hosts and removed from the "
                                    "library. This cannot be undone."));
    }
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() != remove || !m_library)
        return;

    for (const ImageRecord &image : images) {
        // A refusal names the VMs that still use the image.
        m_library->remove(image.name, this, [this, name = image.name](Result<void> done) {
            if (!done)
                showError(tr("Cannot Delete %1").arg(name), done.error().message);
        });
    }
}

void ImagePage::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_library && !UploadDialog::localFilePaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ImagePage::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_library && !UploadDialog::localFilePaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ImagePage::dropEvent(QDropEvent *event)
{
    const QStringList paths = UploadDialog::localFilePaths(event->mimeData());
    if (paths.isEmpty() || !m_library)
        return;
    event->acceptProposedAction();
    // Not from inside the drop: the dialog opens once the drag has ended.
    QMetaObject::invokeMethod(
        this, [this, paths] { uploadFiles(paths); }, Qt::QueuedConnection);
}

QByteArray ImagePage::saveHeaderState() const
{
    return m_view->header()->saveState();
}

void ImagePage::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_view->header()->restoreState(state);
}

} // namespace Corral
