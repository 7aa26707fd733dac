#pragma once

#include "fleet/hostinfo.h"
#include "images/imagelibrary.h"
#include "images/imageprobe.h"
#include "util/result.h"

#include <QDialog>

#include <functional>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QMimeData;
class QPushButton;
class QTableWidget;

namespace Corral {

// Uploads local disk images and ISOs to the library: per file an image name (suggested from the
// file name, checked as it is typed against the naming rule, the catalog and the other files),
// a description and what the file is (probed off the GUI thread: "Checking…", then e.g.
// "qcow2 disk, 20 GiB virtual, 3.1 GiB file", or why it cannot be uploaded, which leaves that
// file out). One file shows as a form, several as a table. The target hosts are a checklist of
// the connected hosts: the preselected ones checked (an offline one stays unchecked: nothing
// is checked then), without a preselection every connected host.
//
// The dialog talks to no core object: the Backend's functions probe, suggest names and upload
// (the Images page binds them to the ImageLibrary; tests pass fakes). Upload calls upload()
// for every file and closes when all were started; otherwise it stays open with the errors,
// and files that did start are marked so and not sent again.
class UploadDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadDialog)

public:
    using ProbeFunction = std::function<void(const QString &path, QObject *context,
                                             std::function<void(Result<ImageProbe>)> done)>;
    using UploadFunction
        = std::function<void(const ImageLibrary::UploadRequest &request, QObject *context,
                             std::function<void(Result<QList<qint64>>)> done)>;

    struct Backend
    {
        QStringList existingNames; // the catalog's image names
        QList<HostInfo> hosts;
        std::function<QString(const QString &path)> suggestName;
        ProbeFunction probe;
        UploadFunction upload; // none: Upload just accepts
    };

    UploadDialog(const QStringList &paths, const QList<qint64> &preselectedHostIds, Backend backend,
                 QWidget *parent = nullptr);

    int fileCount() const { return int(m_entries.size()); }
    QLineEdit *nameEdit(int file) const { return m_entries.at(size_t(file)).name; }
    QLineEdit *descriptionEdit(int file) const { return m_entries.at(size_t(file)).description; }
    QLabel *detectedLabel(int file) const { return m_entries.at(size_t(file)).detected; }
    QLabel *nameErrorLabel() const { return m_nameError; }
    QLabel *resultErrorLabel() const { return m_resultError; }
    QListWidget *hostList() const { return m_hostList; }
    QPushButton *uploadButton() const { return m_uploadButton; }

    // Why the file's name cannot be used; empty when it can (or the file is left out).
    QString nameError(int file) const;
    // The file takes part in the upload: its probe succeeded and it was not started already.
    bool isFileEnabled(int file) const;
    bool isInputValid() const;
    QList<qint64> checkedHostIds() const;
    QList<ImageLibrary::UploadRequest> requests() const;

    void accept() override;

    // The local files among dropped or pasted URLs (other URLs and folders are left out).
    static QStringList localFilePaths(const QMimeData *mime);
    // "qcow2 disk, 20 GiB virtual, 3.1 GiB file", "raw disk, 8 GiB", "ISO image, 12 GiB".
    static QString describe(const ImageProbe &probe);

Q_SIGNALS:
    // Every file's upload was started; the ids of the jobs (one per file and host).
    void uploadsStarted(const QList<qint64> &jobIds);

private:
    enum class ProbeState : quint8 { Pending, Ok, Failed };
    struct Entry
    {
        QString path;
        QLineEdit *name = nullptr;
        QLineEdit *description = nullptr;
        QLabel *detected = nullptr;
        ProbeState probe = ProbeState::Pending;
        bool started = false;
    };

    QWidget *createSingleFileForm(const QString &path);
    QWidget *createFileTable(const QStringList &paths);
    void createHostList(const QList<qint64> &preselected);
    void startProbes();
    void onProbed(int file, const Result<ImageProbe> &probe);
    void setDetected(int file, const QString &text, bool error);
    void validate();
    void setBusy(bool busy);
    void onUploadsFinished();

    Backend m_backend;
    std::vector<Entry> m_entries;
    QTableWidget *m_table = nullptr; // several files
    QLabel *m_nameError = nullptr;
    QListWidget *m_hostList = nullptr;
    QLabel *m_hostHint = nullptr;
    QLabel *m_resultError = nullptr;
    QPushButton *m_uploadButton = nullptr;
    bool m_busy = false;
    // The uploads of the current attempt: file -> outcome, and the started jobs.
    int m_pendingUploads = 0;
    QStringList m_uploadErrors;
    QList<qint64> m_startedJobs;
};

} // namespace Corral
