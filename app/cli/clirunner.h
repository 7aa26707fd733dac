#pragma once

#include "fleet/fleet.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

struct termios;

namespace Corral {

class SshChannel;
class SshSession;
class StoreService;

// corralctl's engine: parses the arguments, drives the same Fleet the GUI uses, prints a
// table (or JSON with --json) to stdout and one-line errors to stderr, then emits finished
// with the exit code. Lives on the main thread of a QCoreApplication.
class CliRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliRunner)

public:
    CliRunner(QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    ~CliRunner() override;

    // Starts the command; finished() follows (possibly before this returns).
    void start(const QStringList &arguments);

    static QString usage();
    // "64G", "512M", "1.5T", "1048576" -> bytes (binary units, rounded up to 512).
    static std::optional<quint64> parseSize(const QString &text);

Q_SIGNALS:
    void finished(int exitCode);

private:
    enum class Exit { Ok = 0, Failure = 1, Usage = 2 };

    void hostAdd(QStringList args);
    void hostList();
    void hostRemove(const QStringList &args);
    void vmList(QStringList args);
    void vmOperation(VmOperation op, QStringList args);

    // remotecommands.cpp: ssh, console, forward.
    struct Target
    {
        bool isHost = false;
        HostInfo host; // a host name
        VmInfo vm; // else a VM
    };
    void resolveTarget(const QString &name, bool vmOnly, std::function<void(Target)> then);
    void sshCommand(QStringList args);
    void consoleCommand(QStringList args);
    void forwardCommand(QStringList args);
    void vncCommand(QStringList args); // vnccommands.cpp
    // imagecommands.cpp
    void imageCommand(QStringList args);
    void imageList();
    void imageUpload(QStringList args);
    void imageTransfer(const QString &verb, QStringList args);
    void imageEdit(const QString &verb, QStringList args);
    void imageJobs(const QString &verb, QStringList args);
    // Opens the fleet, connects `hosts` (names; all when empty) and loads the image library.
    void withImages(const QStringList &hosts, std::function<void()> then);
    // workloadcommands.cpp: ns, config, scheduler, host set|maintenance
    void nsCommand(QStringList args);
    void configCommand(QStringList args);
    void schedulerCommand(QStringList args);
    void hostSet(QStringList args);
    void hostMaintenance(QStringList args);
    // Opens the fleet with the catalog, images and (when connectHosts) every host connected.
    void withCatalog(bool connectHosts, std::function<void()> then);
    // deploycommands.cpp: vm deploy|revert|save-image|clone|resize|snapshot
    void vmDeploy(QStringList args);
    void vmDiskCommand(const QString &verb, QStringList args);
    // Resolves one VM reference (connecting every host), then `then(vm)`.
    void withVm(const QString &reference, std::function<void(VmInfo)> then);
    bool confirm(const QString &question); // y/N on a terminal; false without one
    std::optional<qint64> hostIdByName(const QString &name);
    // Follows jobs to their end, progress on stderr; exit 0 only when all are Done.
    void followJobs(const QList<qint64> &jobIds);
    void runShell(SshSession *session);
    void runExec(SshSession *session, const QString &command);
    void forwardStdin(SshChannel *channel); // stdin to the channel, EOF at its end
    // Calls onSignal for SIGINT/SIGTERM (and SIGWINCH) from the event loop.
    void watchSignals(std::function<void(int)> onSignal);
    void enterRawMode();
    void leaveRawMode();

    void openFleet();
    // Connects the given hosts (all when empty) and calls then() once each has finished its
    // first attempt: inventory complete, or offline with an error.
    void connectAndWait(QList<qint64> hostIds, std::function<void()> then);
    void onCredentialRequest(const CredentialRequest &request);
    void finish(Exit code);
    void finishWith(int exitCode);
    void error(const QString &message);
    void printJson(const QJsonValue &value);
    // Ends a command that changed something: its error (exit 1), else `json` with --json or
    // the line `text` (exit 0).
    void conclude(const Result<void> &outcome, const QJsonValue &json, const QString &text);
    void printTable(const QStringList &header, const QList<QStringList> &rows);
    bool takeOption(QStringList &args, const QString &name, QString *value);
    QStringList takeRepeated(QStringList &args, const QString &name);
    bool takeFlag(QStringList &args, const QString &name);

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_json = false;
    int m_timeoutSec = 30;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<Fleet> m_fleet;
    QSet<qint64> m_waiting;
    std::function<void()> m_afterWait;
    bool m_done = false;
    std::unique_ptr<struct termios> m_savedTermios; // set while stdin is in raw mode
};

} // namespace Corral
