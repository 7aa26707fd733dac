#include "clirunner.h"

#include "termrender.h"

#include "fleet/deployer.h"
#include "store/database.h"
#include "store/hostrepository.h"
#include "store/storeservice.h"
#include "virt/hosturi.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {
QString mib(qint64 kib)
{
    return QString::number(kib / 1024);
}

QJsonObject hostJson(const HostInfo &h)
{
    return QJsonObject{
        {QStringLiteral("name"), h.config.name},
        {QStringLiteral("uri"), h.config.uri},
        {QStringLiteral("state"), hostStateKey(h.state)},
        {QStringLiteral("vmCount"), h.vmCount},
        {QStringLiteral("runningCount"), h.runningCount},
        {QStringLiteral("cpus"), h.cpus},
        {QStringLiteral("memoryMiB"), h.memoryKiB / 1024},
        {QStringLiteral("allocatedVcpus"), h.allocatedVcpus},
        {QStringLiteral("allocatedMemoryMiB"), h.allocatedMemoryKiB / 1024},
        {QStringLiteral("hypervisor"), h.hypervisor},
        {QStringLiteral("tags"), QJsonArray::fromStringList(h.config.tags)},
        {QStringLiteral("maintenance"), h.config.maintenance},
        {QStringLiteral("portAddress"), h.config.effectivePortAddress()},
        {QStringLiteral("error"), h.error},
    };
}

QJsonObject vmJson(const VmInfo &vm)
{
    QJsonObject o{
        {QStringLiteral("name"), vm.name},
        {QStringLiteral("host"), vm.hostName},
        {QStringLiteral("uuid"), vm.uuid.toString(QUuid::WithoutBraces)},
        {QStringLiteral("state"), vmStateKey(vm.state)},
        {QStringLiteral("vcpus"), vm.vcpus},
        {QStringLiteral("memoryMiB"), vm.memoryKiB / 1024},
        {QStringLiteral("persistent"), vm.persistent},
        {QStringLiteral("namespace"), vm.ns},
        {QStringLiteral("managed"), vm.managed},
    };
    if (!vm.config.isEmpty())
        o.insert(QStringLiteral("config"), vm.config);
    if (!vm.image.isEmpty())
        o.insert(QStringLiteral("image"), vm.image);
    if (vm.stats.isValid())
        o.insert(QStringLiteral("cpuPercent"), vm.stats.cpuPercent);
    return o;
}
} // namespace

CliRunner::CliRunner(QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{ }

CliRunner::~CliRunner()
{
    m_fleet.reset();
    m_store.reset();
}

QString CliRunner::usage()
{
    return tr("usage: corralctl [--json] [--timeout SECONDS] COMMAND\n"
              "  host add NAME URI [--tag TAG]...\n"
              "  host list\n"
              "  host remove NAME\n"
              "  vm list [--host HOST] [--namespace NS]\n"
              "  vm start|shutdown|poweroff|reboot|suspend|resume VM...\n"
              "  vm delete VM [--with-storage]\n"
              "  vm deploy --namespace NS (--config C | --image I --cpu N --memory-mib M\n"
              "      [--profile P] [--port P]...) [--count N] [--name N] [--host H | --tag T]\n"
              "      [--strategy spread|pack] [--dry-run]\n"
              "  vm revert VM | save-image VM IMAGE [--description D] | clone VM NEWNAME\n"
              "  vm resize VM SIZE | snapshot VM list|create|revert|delete [NAME]\n"
              "  ns create|set NAME [--max-vms N] [--max-vcpus N] [--max-memory-mib N]\n"
              "      [--dedicate HOST]... [--undedicate HOST]... [--description D]\n"
              "  ns list | describe NAME | delete NAME [--cascade [--yes]]\n"
              "  config create|edit NAME --image I --cpu N --memory-mib M [--profile\n"
              "      macos|linux|generic] [--tag T [--tag-required]] ...  (config --help)\n"
              "  config list | describe NAME | delete NAME\n"
              "  host set HOST [--port-address A] [--smc-key-file F | --no-smc-key] [--tag T]...\n"
              "  host maintenance HOST on [--drain] | HOST off\n"
              "  scheduler show | set [--cpu-overcommit X] [--memory-overcommit X]\n"
              "      [--reserved-memory-mib N]\n"
              "  ssh HOST|VM [-- COMMAND...]    a shell, or the command's output and status\n"
              "  console VM [--log-seconds N]   the serial console (Ctrl+] leaves)\n"
              "  forward VM LOCALPORT:GUESTPORT [--bind ADDRESS]   GUESTPORT may be \"vnc\"\n"
              "  vnc capture VM|vnc://HOST:PORT OUT.png [--encodings LIST] [--jpeg-quality N]\n"
              "      [--password-file F] [--username U] [--ca-file PEM]   the screen, as PNG\n"
              "  term render --cols C --rows R  stdin through Corral's terminal, as text\n"
              "  image list | jobs\n"
              "  image upload FILE [--name N] --host H [--host H2]... [--description D]\n"
              "  image download NAME --host H OUT\n"
              "  image copy NAME --from H1 --to H2\n"
              "  image create-empty NAME SIZE --host H [--description D]   SIZE like 64G\n"
              "  image verify NAME --host H\n"
              "  image rename NAME NEWNAME | describe NAME TEXT | delete NAME [--host H]\n"
              "  image resume JOB | cancel JOB  an interrupted or paused transfer\n"
              "VM is NAME or HOST/NAME. The catalog is $CORRAL_DB, else the user's data dir.\n");
}

void CliRunner::start(const QStringList &arguments)
{
    QStringList args = arguments;
    m_json = takeFlag(args, QStringLiteral("--json"));
    QString timeout;
    if (takeOption(args, QStringLiteral("--timeout"), &timeout)) {
        bool ok = false;
        m_timeoutSec = timeout.toInt(&ok);
        if (!ok || m_timeoutSec <= 0) {
            error(tr("--timeout takes a number of seconds, not \"%1\".").arg(timeout));
            return finish(Exit::Usage);
        }
    }
    if (takeFlag(args, QStringLiteral("--help")) || takeFlag(args, QStringLiteral("-h"))) {
        m_out << usage();
        return finish(Exit::Ok);
    }
    if (takeFlag(args, QStringLiteral("--version"))) {
        m_out << QCoreApplication::applicationVersion() << '\n';
        return finish(Exit::Ok);
    }
    if (!args.isEmpty() && args.first() == u"ssh")
        return sshCommand(args.mid(1));
    if (!args.isEmpty() && args.first() == u"console")
        return consoleCommand(args.mid(1));
    if (!args.isEmpty() && args.first() == u"forward")
        return forwardCommand(args.mid(1));
    if (!args.isEmpty() && args.first() == u"vnc")
        return vncCommand(args.mid(1));
    if (!args.isEmpty() && args.first() == u"image")
        return imageCommand(args.mid(1));
    if (!args.isEmpty() && args.first() == u"ns")
        return nsCommand(args.mid(1));
    if (!args.isEmpty() && args.first() == u"config")
        return configCommand(args.mid(1));
    if (!args.isEmpty() && args.first() == u"scheduler")
        return schedulerCommand(args.mid(1));
    if (args.size() >= 2 && args[0] == u"term" && args[1] == u"render") {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            error(tr("cannot read standard input"));
            return finish(Exit::Failure);
        }
        return finishWith(runTermRender(args.mid(2), in, m_out, m_err));
    }
    if (args.size() < 2) {
        m_err << usage();
        return finish(Exit::Usage);
    }
    const QString noun = args.takeFirst();
    const QString verb = args.takeFirst();
    if (noun == u"host" && verb == u"add")
        return hostAdd(args);
    if (noun == u"host" && verb == u"list" && args.isEmpty())
        return hostList();
    if (noun == u"host" && verb == u"remove")
        return hostRemove(args);
    if (noun == u"host" && verb == u"set")
        return hostSet(args);
    if (noun == u"host" && verb == u"maintenance")
        return hostMaintenance(args);
    if (noun == u"vm" && verb == u"list")
        return vmList(args);
    if (noun == u"vm" && verb == u"deploy")
        return vmDeploy(args);
    if (noun == u"vm"
        && (verb == u"revert" || verb == u"save-image" || verb == u"clone" || verb == u"resize"
            || verb == u"snapshot")) {
        return vmDiskCommand(verb, args);
    }
    VmOperation op;
    if (noun == u"vm" && parseVmOperation(verb, &op))
        return vmOperation(op, args);
    error(tr("unknown command \"%1 %2\"").arg(noun, verb));
    m_err << usage();
    finish(Exit::Usage);
}

void CliRunner::openFleet()
{
    m_store = std::make_unique<StoreService>(Database::defaultPath());
    m_fleet = std::make_unique<Fleet>(m_store.get());
    m_fleet->setStatsInterval(0);
    connect(m_fleet.get(), &Fleet::credentialRequested, this, &CliRunner::onCredentialRequest);
}

void CliRunner::hostAdd(QStringList args)
{
    HostConfig config;
    config.tags = takeRepeated(args, QStringLiteral("--tag"));
    if (args.size() != 2) {
        error(tr("host add takes NAME and URI, e.g. corralctl host add mac1 "
                 "qemu+libssh://admin@mac1.example.com/system"));
        return finish(Exit::Usage);
    }
    config.name = args.at(0);
    config.uri = args.at(1);
    if (auto uri = HostUri::parse(config.uri); !uri) {
        error(uri.error().message);
        return finish(Exit::Failure);
    }
    m_store = std::make_unique<StoreService>(Database::defaultPath());
    m_store->post([config](Database &db) { return HostRepository(db).add(config); }, this,
                  [this](Result<HostConfig> added) {
                      if (!added) {
                          error(added.error().message);
                          return finish(Exit::Failure);
                      }
                      if (m_json) {
                          HostInfo info;
                          info.config = *added;
                          printJson(hostJson(info));
                      } else {
                          m_out << tr("Added host %1.").arg(added->name) << '\n';
                      }
                      finish(Exit::Ok);
                  });
}

void CliRunner::hostRemove(const QStringList &args)
{
    if (args.size() != 1) {
        error(tr("host remove takes one NAME"));
        return finish(Exit::Usage);
    }
    const QString name = args.first();
    m_store = std::make_unique<StoreService>(Database::defaultPath());
    m_store->post(
        [name](Database &db) -> Result<HostConfig> {
            HostRepository repo(db);
            auto host = repo.findByName(name);
            if (!host)
                return host;
            if (auto removed = repo.remove(host->id); !removed)
                return std::unexpected(removed.error());
            return host;
        },
        this,
        [this](Result<HostConfig> removed) {
            if (!removed) {
                error(removed.error().message);
                return finish(Exit::Failure);
            }
            if (m_json)
                printJson(QJsonObject{{QStringLiteral("removed"), removed->name}});
            else
                m_out << tr("Removed host %1; its VMs were not touched.").arg(removed->name)
                      << '\n';
            finish(Exit::Ok);
        });
}

void CliRunner::hostList()
{
    openFleet();
    connectAndWait({}, [this] {
        const QList<HostInfo> hosts = m_fleet->hosts();
        if (m_json) {
            QJsonArray array;
            for (const HostInfo &h : hosts)
                array.append(hostJson(h));
            printJson(array);
        } else {
            QList<QStringList> rows;
            for (const HostInfo &h : hosts) {
                rows.append(
                    {h.config.name,
                     hostStateKey(h.state) + (h.config.maintenance ? u" maintenance"_s : QString()),
                     QStringLiteral("%1/%2").arg(h.runningCount).arg(h.vmCount),
                     QStringLiteral("%1/%2").arg(h.allocatedVcpus).arg(h.cpus),
                     QStringLiteral("%1/%2").arg(mib(h.allocatedMemoryKiB), mib(h.memoryKiB)),
                     h.config.uri, h.error});
            }
            printTable({tr("NAME"), tr("STATE"), tr("VMS"), tr("VCPUS"), tr("MEMORY MIB"),
                        tr("URI"), tr("ERROR")},
                       rows);
        }
        finish(Exit::Ok);
    });
}

void CliRunner::vmList(QStringList args)
{
    QString hostName, ns;
    takeOption(args, QStringLiteral("--host"), &hostName);
    takeOption(args, QStringLiteral("--namespace"), &ns);
    if (!args.isEmpty()) {
        error(tr("vm list takes only --host HOST and --namespace NS, not \"%1\"")
                  .arg(args.join(u' ')));
        return finish(Exit::Usage);
    }
    openFleet();
    connect(m_fleet.get(), &Fleet::loaded, this, [this, hostName, ns] {
        QList<qint64> ids;
        if (!hostName.isEmpty()) {
            const auto host = m_fleet->hostByName(hostName);
            if (!host) {
                error(tr("No host named \"%1\": `corralctl host list` shows the hosts.")
                          .arg(hostName));
                return finish(Exit::Failure);
            }
            ids.append(host->config.id);
        }
        connectAndWait(ids, [this, ids, ns] {
            QList<VmInfo> vms;
            bool offline = false;
            for (const VmInfo &vm : m_fleet->vms()) {
                if ((ids.isEmpty() || ids.contains(vm.hostId)) && (ns.isEmpty() || vm.ns == ns))
                    vms.append(vm);
            }
            for (const HostInfo &h : m_fleet->hosts()) {
                if ((ids.isEmpty() || ids.contains(h.config.id))
                    && h.state != HostState::Connected) {
                    offline = true;
                    error(tr("host %1 is offline: %2").arg(h.config.name, h.error));
                }
            }
            std::sort(vms.begin(), vms.end(), [](const VmInfo &a, const VmInfo &b) {
                return std::tie(a.hostName, a.name) < std::tie(b.hostName, b.name);
            });
            if (m_json) {
                QJsonArray array;
                for (const VmInfo &vm : std::as_const(vms))
                    array.append(vmJson(vm));
                printJson(array);
            } else {
                QList<QStringList> rows;
                for (const VmInfo &vm : std::as_const(vms)) {
                    rows.append({vm.hostName, vm.name, vmStateKey(vm.state),
                                 QString::number(vm.vcpus), mib(vm.memoryKiB), vm.ns});
                }
                printTable({tr("HOST"), tr("NAME"), tr("STATE"), tr("VCPUS"), tr("MEMORY MIB"),
                            tr("NAMESPACE")},
                           rows);
            }
            // Listing one named host that is down is a failure; a fleet listing with some
            // hosts down still lists the rest (the warnings went to stderr).
            finish(offline && !ids.isEmpty() ? Exit::Failure : Exit::Ok);
        });
    });
    m_fleet->load(false);
}

void CliRunner::vmOperation(VmOperation op, QStringList args)
{
    const bool withStorage = takeFlag(args, QStringLiteral("--with-storage"));
    if (withStorage && op != VmOperation::Delete) {
        error(tr("--with-storage goes only with vm delete"));
        return finish(Exit::Usage);
    }
    if (args.isEmpty()) {
        error(tr("vm %1 needs at least one VM (NAME or HOST/NAME)").arg(vmOperationKey(op)));
        return finish(Exit::Usage);
    }
    if (op == VmOperation::Delete && args.size() != 1) {
        error(tr("vm delete takes exactly one VM"));
        return finish(Exit::Usage);
    }
    openFleet();
    m_fleet->setShutdownTimeout(m_timeoutSec * 1000);
    connect(m_fleet.get(), &Fleet::loaded, this, [this, op, args, withStorage] {
        // Connect only the hosts the references name; a bare name needs them all.
        QList<qint64> ids;
        for (const QString &ref : args) {
            const qsizetype slash = ref.indexOf(u'/');
            if (slash < 0) {
                ids.clear();
                break;
            }
            const auto host = m_fleet->hostByName(ref.left(slash));
            if (!host) {
                error(tr("No host named \"%1\": `corralctl host list` shows the hosts.")
                          .arg(ref.left(slash)));
                return finish(Exit::Failure);
            }
            if (!ids.contains(host->config.id))
                ids.append(host->config.id);
        }
        connectAndWait(ids, [this, op, args, withStorage] {
            QList<VmInfo> targets;
            for (const QString &ref : args) {
                auto vm = m_fleet->resolveVm(ref);
                if (!vm) {
                    error(vm.error().message);
                    return finish(Exit::Failure);
                }
                targets.append(*vm);
            }
            auto pending = std::make_shared<QSet<quint64>>();
            auto failed = std::make_shared<bool>(false);
            auto results = std::make_shared<QJsonArray>();
            auto onFinished = [this, pending, failed, results](const Task &task) {
                if (!pending->remove(task.id))
                    return;
                const bool ok = task.state == Task::State::Succeeded;
                *failed = *failed || !ok;
                if (m_json) {
                    results->append(
                        QJsonObject{{QStringLiteral("vm"), QString(task.host + u'/' + task.target)},
                                    {QStringLiteral("action"), task.action},
                                    {QStringLiteral("ok"), ok},
                                    {QStringLiteral("message"), task.message}});
                } else if (ok) {
                    m_out << task.title << ": " << task.message << '\n';
                } else {
                    error(task.title + QStringLiteral(": ") + task.message);
                }
                if (pending->isEmpty()) {
                    if (m_json)
                        printJson(*results);
                    finish(*failed ? Exit::Failure : Exit::Ok);
                }
            };
            connect(m_fleet->tasks(), &TaskManager::taskFinished, this, onFinished);
            for (const VmInfo &vm : std::as_const(targets))
                pending->insert(m_fleet->runOperation(op, VmKey{vm.hostId, vm.uuid}, withStorage));
            // Operations on offline hosts fail synchronously inside runOperation.
            for (const Task &task : m_fleet->tasks()->tasks()) {
                if (task.isFinished() && pending->contains(task.id))
                    onFinished(task);
            }
        });
    });
    m_fleet->load(false);
}

void CliRunner::connectAndWait(QList<qint64> hostIds, std::function<void()> then)
{
    auto begin = [this, hostIds, then] {
        m_afterWait = then;
        m_waiting.clear();
        for (const HostInfo &h : m_fleet->hosts()) {
            if (hostIds.isEmpty() || hostIds.contains(h.config.id))
                m_waiting.insert(h.config.id);
        }
        auto settle = [this](qint64 id) {
            if (m_waiting.remove(id) && m_waiting.isEmpty() && m_afterWait)
                std::exchange(m_afterWait, {})();
        };
        // A host is ready once its inventory is in and what failed deploys left there is
        // undone (the deployer starts that on the same signal, before this one runs).
        connect(m_fleet.get(), &Fleet::inventoryComplete, this, [this, settle](qint64 id) {
            m_fleet->deployer()->whenSettled(id, [settle, id] { settle(id); });
        });
        connect(m_fleet.get(), &Fleet::hostChanged, this, [settle](const HostInfo &h) {
            if (h.state == HostState::Offline && !h.error.isEmpty())
                settle(h.config.id);
        });
        connect(m_fleet.get(), &Fleet::hostRemoved, this, settle);
        QTimer::singleShot(m_timeoutSec * 1000, this, [this] {
            if (!m_afterWait)
                return;
            for (qint64 id : std::as_const(m_waiting)) {
                if (auto h = m_fleet->host(id))
                    error(tr("host %1 did not answer within %n seconds", nullptr, m_timeoutSec)
                              .arg(h->config.name));
            }
            m_waiting.clear();
            std::exchange(m_afterWait, {})();
        });
        if (m_waiting.isEmpty()) {
            std::exchange(m_afterWait, {})();
            return;
        }
        for (qint64 id : std::as_const(m_waiting))
            m_fleet->connectHost(id);
    };
    if (m_fleet->isLoaded()) {
        begin();
    } else {
        connect(m_fleet.get(), &Fleet::loaded, this, begin, Qt::SingleShotConnection);
        m_fleet->load(false);
    }
}

void CliRunner::onCredentialRequest(const CredentialRequest &request)
{
    // Scripts never hang on a question: without a terminal the answer is "no".
    if (!isatty(STDIN_FILENO)) {
        m_fleet->answerCredential(request.id, std::nullopt);
        return;
    }
    m_err << request.hostName << ": " << request.prompt;
    if (request.kind == CredentialRequest::Kind::HostKey)
        m_err << tr(" [yes/no] ");
    else
        m_err << ' ';
    m_err.flush();
    // Secrets are read without echo.
    termios saved{};
    const bool hide = !request.echo && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hide) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed();
    if (hide) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        m_err << '\n';
        m_err.flush();
    }
    m_fleet->answerCredential(request.id, answer);
}

void CliRunner::finish(Exit code)
{
    finishWith(int(code));
}

void CliRunner::finishWith(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    leaveRawMode();
    m_out.flush();
    m_err.flush();
    Q_EMIT finished(exitCode);
}

void CliRunner::error(const QString &message)
{
    m_err << "corralctl: " << message << '\n';
    m_err.flush();
}

void CliRunner::printJson(const QJsonValue &value)
{
    const QJsonDocument doc
        = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

void CliRunner::conclude(const Result<void> &outcome, const QJsonValue &json,
                         const QString &text)
{
    if (!outcome) {
        error(outcome.error().message);
        return finish(Exit::Failure);
    }
    if (m_json)
        printJson(json);
    else
        m_out << text << '\n';
    finish(Exit::Ok);
}

void CliRunner::printTable(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths(header.size(), 0);
    for (qsizetype c = 0; c < header.size(); ++c)
        widths[c] = header[c].size();
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            text += c + 1 < cells.size() ? cells[c].leftJustified(widths[c] + 2) : cells[c];
        }
        m_out << text.trimmed() << '\n';
    };
    line(header);
    for (const QStringList &row : rows)
        line(row);
}

bool CliRunner::takeOption(QStringList &args, const QString &name, QString *value)
{
    const qsizetype i = args.indexOf(name);
    if (i < 0 || i + 1 >= args.size())
        return false;
    *value = args.at(i + 1);
    args.remove(i, 2);
    return true;
}

QStringList CliRunner::takeRepeated(QStringList &args, const QString &name)
{
    QStringList values;
    QString value;
    while (takeOption(args, name, &value))
        values.append(value);
    return values;
}

bool CliRunner::takeFlag(QStringList &args, const QString &name)
{
    return args.removeAll(name) > 0;
}

} // namespace Corral
