// corralctl ns|config|scheduler and host set|maintenance: the Orka model's catalog half.
#include "clirunner.h"

#include "fleet/deployer.h"
#include "fleet/vmconfigjson.h"
#include "fleet/workloadcatalog.h"
#include "images/imagelibrary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

QString limitText(qint64 used, qint64 limit)
{
    return limit > 0 ? u"%1/%2"_s.arg(used).arg(limit) : QString::number(used);
}

QJsonObject namespaceJson(const NamespaceConfig &ns, const NamespaceUsage &used, bool known)
{
    return QJsonObject{
        {u"name"_s, ns.name},
        {u"description"_s, ns.description},
        {u"maxVms"_s, ns.maxVms},
        {u"maxVcpus"_s, ns.maxVcpus},
        {u"maxMemoryMiB"_s, ns.maxMemoryMiB},
        {u"dedicatedHosts"_s, QJsonArray::fromStringList(ns.dedicatedHosts)},
        {u"vms"_s, used.vms},
        {u"vcpus"_s, used.vcpus},
        {u"memoryMiB"_s, used.memoryMiB},
        {u"inCatalog"_s, known},
    };
}

// Reads "--NAME N" as a whole number >= 0 into *out; false (with an error) when malformed.
bool takeCount(QStringList &args, const QString &name, qint64 *out, QString *error)
{
    const qsizetype i = args.indexOf(name);
    if (i < 0)
        return true;
    if (i + 1 >= args.size()) {
        *error = Tr::tr("%1 needs a number").arg(name);
        return false;
    }
    bool ok = false;
    const qint64 value = args.at(i + 1).toLongLong(&ok);
    if (!ok || value < 0) {
        *error = Tr::tr("%1 takes a whole number of 0 or more, not \"%2\"").arg(name, args.at(i + 1));
        return false;
    }
    *out = value;
    args.remove(i, 2);
    return true;
}

// What a create starts from (a blank record) or an edit changes (the stored one); false when
// the record to edit does not exist.
template<typename T> bool startingPoint(bool creating, const std::optional<T> &stored, T *out)
{
    if (creating)
        return true;
    if (!stored)
        return false;
    *out = *stored;
    return true;
}

} // namespace

void CliRunner::withCatalog(bool connectHosts, std::function<void()> then)
{
    openFleet();
    auto ready = [this, then] {
        m_fleet->images()->whenLoaded([this, then] { m_fleet->catalog()->whenLoaded(then); });
    };
    if (connectHosts) {
        connectAndWait({}, ready);
        return;
    }
    connect(m_fleet.get(), &Fleet::loaded, this, ready, Qt::SingleShotConnection);
    m_fleet->load(false);
}

bool CliRunner::confirm(const QString &question)
{
    if (!isatty(STDIN_FILENO))
        return false;
    m_err << question << tr(" [y/N] ");
    m_err.flush();
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == u"y" || answer == u"yes";
}

// ---------------------------------------------------------------------------------------------
// ns

void CliRunner::nsCommand(QStringList args)
{
    const QString verb = args.isEmpty() ? QString() : args.takeFirst();
    if (verb == u"list") {
        return withCatalog(true, [this] {
            WorkloadCatalog *catalog = m_fleet->catalog();
            QList<QPair<NamespaceConfig, bool>> all;
            for (const NamespaceConfig &ns : catalog->namespaces())
                all.append({ns, true});
            for (const QString &name : catalog->foreignNamespaces())
                all.append({NamespaceConfig{name, {}, 0, 0, 0, {}, {}}, false});
            if (m_json) {
                QJsonArray array;
                for (const auto &[ns, known] : std::as_const(all))
                    array.append(namespaceJson(ns, catalog->usage(ns.name), known));
                printJson(array);
            } else {
                QList<QStringList> rows;
                for (const auto &[ns, known] : std::as_const(all)) {
                    const NamespaceUsage used = catalog->usage(ns.name);
                    rows.append({ns.name, limitText(used.vms, ns.maxVms),
                                 limitText(used.vcpus, ns.maxVcpus),
                                 limitText(used.memoryMiB, ns.maxMemoryMiB),
                                 ns.dedicatedHosts.join(u','),
                                 known ? ns.description : tr("(made by another console)")});
                }
                printTable({tr("NAME"), tr("VMS"), tr("VCPUS"), tr("MEMORY MIB"),
                            tr("DEDICATED HOSTS"), tr("DESCRIPTION")},
                           rows);
            }
            finish(Exit::Ok);
        });
    }
    if (verb == u"describe" && args.size() == 1) {
        const QString name = args.first();
        return withCatalog(true, [this, name] {
            WorkloadCatalog *catalog = m_fleet->catalog();
            const auto ns = catalog->findNamespace(name);
            if (!ns) {
                error(tr("No namespace named %1: `corralctl ns list` shows them.").arg(name));
                return finish(Exit::Failure);
            }
            const NamespaceUsage used = catalog->usage(name);
            QList<VmInfo> vms;
            for (const VmInfo &vm : m_fleet->vms()) {
                if (vm.ns == name)
                    vms.append(vm);
            }
            std::sort(vms.begin(), vms.end(), [](const VmInfo &a, const VmInfo &b) {
                return a.qualifiedName() < b.qualifiedName();
            });
            if (m_json) {
                QJsonObject o = namespaceJson(*ns, used, true);
                QJsonArray list;
                for (const VmInfo &vm : std::as_const(vms)) {
                    list.append(QJsonObject{{u"name"_s, vm.name},
                                            {u"host"_s, vm.hostName},
                                            {u"state"_s, vmStateKey(vm.state)}});
                }
                o.insert(u"vmList"_s, list);
                printJson(o);
            } else {
                auto quota = [](qint64 limit) {
                    return limit > 0 ? QString::number(limit) : tr("no limit");
                };
                m_out << tr("Namespace:       %1").arg(ns->name) << '\n'
                      << tr("Description:     %1").arg(ns->description) << '\n'
                      << tr("VMs:             %1 (quota %2)").arg(used.vms).arg(quota(ns->maxVms))
                      << '\n'
                      << tr("vCPUs:           %1 (quota %2)")
                             .arg(used.vcpus)
                             .arg(quota(ns->maxVcpus))
                      << '\n'
                      << tr("Memory MiB:      %1 (quota %2)")
                             .arg(used.memoryMiB)
                             .arg(quota(ns->maxMemoryMiB))
                      << '\n'
                      << tr("Dedicated hosts: %1")
                             .arg(ns->dedicatedHosts.isEmpty() ? tr("none")
                                                               : ns->dedicatedHosts.join(u", "_s))
                      << '\n';
                for (const VmInfo &vm : std::as_const(vms))
                    m_out << "  " << vm.qualifiedName() << "  " << vmStateKey(vm.state) << '\n';
            }
            finish(Exit::Ok);
        });
    }
    if ((verb == u"create" || verb == u"set") && !args.isEmpty()) {
        const QString name = args.takeFirst();
        qint64 maxVms = -1, maxVcpus = -1, maxMemory = -1;
        QString problem;
        if (!takeCount(args, u"--max-vms"_s, &maxVms, &problem)
            || !takeCount(args, u"--max-vcpus"_s, &maxVcpus, &problem)
            || !takeCount(args, u"--max-memory-mib"_s, &maxMemory, &problem)) {
            error(problem);
            return finish(Exit::Usage);
        }
        const QStringList dedicate = takeRepeated(args, u"--dedicate"_s);
        const QStringList undedicate = takeRepeated(args, u"--undedicate"_s);
        QString description;
        const bool hasDescription = takeOption(args, u"--description"_s, &description);
        if (!args.isEmpty()) {
            error(tr("ns %1 does not take \"%2\"").arg(verb, args.join(u' ')));
            return finish(Exit::Usage);
        }
        const bool creating = verb == u"create";
        return withCatalog(false, [=, this] {
            WorkloadCatalog *catalog = m_fleet->catalog();
            NamespaceConfig ns;
            if (!startingPoint(creating, catalog->findNamespace(name), &ns)) {
                error(tr("No namespace named %1: create it with `corralctl ns create %1`.")
                          .arg(name));
                return finish(Exit::Failure);
            }
            ns.name = name;
            if (maxVms >= 0)
                ns.maxVms = int(maxVms);
            if (maxVcpus >= 0)
                ns.maxVcpus = int(maxVcpus);
            if (maxMemory >= 0)
                ns.maxMemoryMiB = maxMemory;
            if (hasDescription)
                ns.description = description;
            for (const QString &host : dedicate) {
                if (!ns.dedicatedHosts.contains(host, Qt::CaseInsensitive))
                    ns.dedicatedHosts.append(host);
            }
            for (const QString &host : undedicate)
                ns.dedicatedHosts.removeAll(host);
            auto report = [this, creating](Result<NamespaceConfig> stored) {
                if (!stored)
                    return conclude(std::unexpected(stored.error()), {}, {});
                conclude({}, namespaceJson(*stored, {}, true),
                         (creating ? tr("Created namespace %1.") : tr("Updated namespace %1."))
                             .arg(stored->name));
            };
            if (creating)
                catalog->createNamespace(ns, this, report);
            else
                catalog->updateNamespace(ns, this, report);
        });
    }
    if (verb == u"delete" && !args.isEmpty()) {
        const bool cascade = takeFlag(args, u"--cascade"_s);
        const bool yes = takeFlag(args, u"--yes"_s);
        if (args.size() != 1) {
            error(tr("ns delete takes one NAME [--cascade [--yes]]"));
            return finish(Exit::Usage);
        }
        const QString name = args.first();
        return withCatalog(true, [=, this] {
            QList<VmInfo> inside;
            for (const VmInfo &vm : m_fleet->vms()) {
                if (vm.ns == name)
                    inside.append(vm);
            }
            auto removeNamespace = [this, name] {
                m_fleet->catalog()->deleteNamespace(name, this, [this, name](Result<void> r) {
                    conclude(r, QJsonObject{{u"deleted"_s, name}},
                             tr("Deleted namespace %1.").arg(name));
                });
            };
            if (inside.isEmpty() || !cascade || name == defaultNamespace())
                return removeNamespace(); // refuses, naming the VMs, when there are some
            if (!yes
                && !confirm(tr("Delete namespace %1 with its %n VM(s) and their disks?", nullptr,
                               int(inside.size()))
                                .arg(name))) {
                error(tr("not deleted: confirm on a terminal, or add --yes"));
                return finish(Exit::Failure);
            }
            auto pending = std::make_shared<QSet<quint64>>();
            auto failed = std::make_shared<QStringList>();
            QList<VmKey> keys;
            for (const VmInfo &vm : std::as_const(inside))
                keys.append({vm.hostId, vm.uuid});
            // The namespace goes once the fleet's inventory no longer lists its VMs (the
            // hosts report the deletions just after the operations finish).
            auto whenGone = [this, keys, removeNamespace] {
                auto left = [this, keys] {
                    return std::any_of(keys.begin(), keys.end(),
                                       [this](const VmKey &k) { return m_fleet->vm(k).has_value(); });
                };
                if (!left())
                    return removeNamespace();
                auto connection = std::make_shared<QMetaObject::Connection>();
                *connection = connect(m_fleet.get(), &Fleet::vmsRemoved, this,
                                      [connection, left, removeNamespace] {
                                          if (left())
                                              return;
                                          disconnect(*connection);
                                          removeNamespace();
                                      });
            };
            connect(m_fleet->tasks(), &TaskManager::taskFinished, this,
                    [this, pending, failed, whenGone](const Task &task) {
                        if (!pending->remove(task.id))
                            return;
                        if (task.state != Task::State::Succeeded)
                            failed->append(task.target + u": "_s + task.message);
                        else
                            m_err << tr("deleted %1/%2").arg(task.host, task.target) << '\n';
                        if (!pending->isEmpty())
                            return;
                        if (!failed->isEmpty()) {
                            error(tr("kept the namespace: %1").arg(failed->join(u"; "_s)));
                            return finish(Exit::Failure);
                        }
                        whenGone();
                    });
            for (const VmInfo &vm : std::as_const(inside))
                pending->insert(m_fleet->runOperation(VmOperation::Delete, {vm.hostId, vm.uuid},
                                                      true));
        });
    }
    error(tr("ns takes: create NAME [--max-vms N] [--max-vcpus N] [--max-memory-mib N] "
             "[--dedicate HOST]... [--description D] | set NAME (the same, and --undedicate "
             "HOST) | list | describe NAME | delete NAME [--cascade [--yes]]"));
    finish(Exit::Usage);
}

// ---------------------------------------------------------------------------------------------
// config

namespace {

// Applies the config options in `args` to *config; false with *problem on a malformed value.
bool applyConfigOptions(QStringList &args, VmConfig *config, QString *problem,
                        const std::function<bool(QStringList &, const QString &, QString *)> &take)
{
    QString v;
    auto number = [&](const QString &name, auto *out) {
        if (!take(args, name, &v))
            return true;
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        if (!ok) {
            *problem = Tr::tr("%1 takes a whole number, not \"%2\"").arg(name, v);
            return false;
        }
        *out = std::remove_reference_t<decltype(*out)>(n);
        return true;
    };
    if (take(args, u"--image"_s, &v))
        config->image = v;
    if (!number(u"--cpu"_s, &config->vcpus) || !number(u"--memory-mib"_s, &config->memoryMiB)
        || !number(u"--disk-gib"_s, &config->diskGiB)) {
        return false;
    }
    if (take(args, u"--profile"_s, &v) && !parseGuestProfile(v, &config->profile)) {
        *problem = Tr::tr("--profile takes macos, linux or generic, not \"%1\"").arg(v);
        return false;
    }
    if (take(args, u"--firmware"_s, &v) && !parseFirmware(v, &config->firmware)) {
        *problem = Tr::tr("--firmware takes auto, bios or uefi, not \"%1\"").arg(v);
        return false;
    }
    if (take(args, u"--nic"_s, &v) && !parseNicModel(v, &config->nic)) {
        *problem = Tr::tr("--nic takes auto, virtio, e1000, e1000-82545em or vmxnet3, not "
                          "\"%1\"")
                       .arg(v);
        return false;
    }
    if (take(args, u"--video"_s, &v) && !parseVideoModel(v, &config->video)) {
        *problem = Tr::tr("--video takes auto, vga, vmware-svga or virtio, not \"%1\"").arg(v);
        return false;
    }
    if (take(args, u"--display"_s, &v)) {
        const QStringList wh = v.split(u'x');
        bool okW = false, okH = false;
        if (wh.size() == 2) {
            config->displayWidth = wh[0].toInt(&okW);
            config->displayHeight = wh[1].toInt(&okH);
        }
        if (!okW || !okH) {
            *problem = Tr::tr("--display takes WIDTHxHEIGHT, e.g. 1920x1080, not \"%1\"").arg(v);
            return false;
        }
    }
    if (take(args, u"--tag"_s, &v))
        config->hostTag = v;
    if (args.removeAll(u"--tag-required"_s) > 0)
        config->tagRequired = true;
    if (args.removeAll(u"--tag-preferred"_s) > 0)
        config->tagRequired = false;
    bool portsGiven = false;
    while (take(args, u"--port"_s, &v)) {
        if (!portsGiven)
            config->ports.clear();
        portsGiven = true;
        bool ok = false;
        const int port = v.toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            *problem = Tr::tr("--port takes a guest TCP port 1-65535, not \"%1\"").arg(v);
            return false;
        }
        config->ports.append(quint16(port));
    }
    if (take(args, u"--user"_s, &v))
        config->guestUser = v;
    if (take(args, u"--serial"_s, &v))
        config->systemSerial = v;
    if (take(args, u"--gpu"_s, &v))
        config->gpuPciAddress = v;
    if (take(args, u"--network"_s, &v))
        config->network = v;
    if (take(args, u"--opencore"_s, &v))
        config->openCoreImage = v;
    if (take(args, u"--cpu-model"_s, &v))
        config->cpuModel = v;
    if (take(args, u"--description"_s, &v))
        config->description = v;
    return true;
}

} // namespace

void CliRunner::configCommand(QStringList args)
{
    const QString verb = args.isEmpty() ? QString() : args.takeFirst();
    auto take = [this](QStringList &a, const QString &n, QString *v) { return takeOption(a, n, v); };
    if (verb == u"list" && args.isEmpty()) {
        return withCatalog(false, [this] {
            const QList<VmConfig> configs = m_fleet->catalog()->configs();
            if (m_json) {
                QJsonArray array;
                for (const VmConfig &c : configs)
                    array.append(VmConfigJson::toJson(c));
                printJson(array);
            } else {
                QList<QStringList> rows;
                for (const VmConfig &c : configs) {
                    QStringList ports;
                    for (quint16 p : c.ports)
                        ports.append(QString::number(p));
                    rows.append({c.name, guestProfileKey(c.profile), c.image,
                                 QString::number(c.vcpus), QString::number(c.memoryMiB),
                                 c.diskGiB ? QString::number(c.diskGiB) : tr("image"),
                                 c.hostTag.isEmpty() ? QString()
                                                     : c.hostTag + (c.tagRequired ? u"!"_s
                                                                                  : QString()),
                                 ports.join(u','), c.description});
                }
                printTable({tr("NAME"), tr("PROFILE"), tr("IMAGE"), tr("VCPUS"), tr("MEMORY MIB"),
                            tr("DISK GIB"), tr("TAG"), tr("PORTS"), tr("DESCRIPTION")},
                           rows);
            }
            finish(Exit::Ok);
        });
    }
    if (verb == u"describe" && args.size() == 1) {
        const QString name = args.first();
        return withCatalog(false, [this, name] {
            const auto config = m_fleet->catalog()->findConfig(name);
            if (!config) {
                error(tr("No VM config named %1: `corralctl config list` shows them.").arg(name));
                return finish(Exit::Failure);
            }
            printJson(VmConfigJson::toJson(*config)); // the whole record is clearest as JSON
            finish(Exit::Ok);
        });
    }
    if ((verb == u"create" || verb == u"edit") && !args.isEmpty()) {
        const QString name = args.takeFirst();
        // Checked now against a scratch config; applied to the stored one once loaded.
        VmConfig probe;
        QStringList given = args;
        QString problem;
        if (!applyConfigOptions(args, &probe, &problem, take)) {
            error(problem);
            return finish(Exit::Usage);
        }
        if (!args.isEmpty()) {
            error(tr("config %1 does not take \"%2\"").arg(verb, args.join(u' ')));
            return finish(Exit::Usage);
        }
        const bool creating = verb == u"create";
        return withCatalog(false, [=, this]() mutable {
            WorkloadCatalog *catalog = m_fleet->catalog();
            VmConfig config;
            if (!startingPoint(creating, catalog->findConfig(name), &config)) {
                error(tr("No VM config named %1: `corralctl config list` shows them.").arg(name));
                return finish(Exit::Failure);
            }
            QString ignored;
            applyConfigOptions(given, &config, &ignored, take);
            config.name = name;
            auto report = [this, creating](Result<VmConfig> stored) {
                if (!stored)
                    return conclude(std::unexpected(stored.error()), {}, {});
                conclude({}, VmConfigJson::toJson(*stored),
                         (creating ? tr("Created VM config %1.") : tr("Updated VM config %1."))
                             .arg(stored->name));
            };
            if (creating)
                catalog->createConfig(config, this, report);
            else
                catalog->updateConfig(config, this, report);
        });
    }
    if (verb == u"delete" && args.size() == 1) {
        const QString name = args.first();
        return withCatalog(false, [this, name] {
            m_fleet->catalog()->deleteConfig(name, this, [this, name](Result<void> r) {
                conclude(r, QJsonObject{{u"deleted"_s, name}},
                         tr("Deleted VM config %1; VMs deployed from it keep running.").arg(name));
            });
        });
    }
    error(tr("config takes: create NAME --image I --cpu N --memory-mib M [--profile "
             "macos|linux|generic] [--disk-gib G] [--tag T [--tag-required]] [--port P]... "
             "[--user U] [--display WxH] [--firmware auto|bios|uefi] [--nic MODEL] [--video "
             "MODEL] [--network user|user-isolated|network:NAME|bridge:NAME] [--serial S] "
             "[--gpu PCI] [--opencore IMAGE] [--cpu-model M] [--description D] | edit NAME "
             "(options) | list | describe NAME | delete NAME"));
    finish(Exit::Usage);
}

// ---------------------------------------------------------------------------------------------
// scheduler, host set, host maintenance

void CliRunner::schedulerCommand(QStringList args)
{
    const QString verb = args.isEmpty() ? QString() : args.takeFirst();
    if (verb != u"show" && verb != u"set") {
        error(tr("scheduler takes: show | set [--cpu-overcommit X] [--memory-overcommit X] "
                 "[--reserved-memory-mib N]"));
        return finish(Exit::Usage);
    }
    QString cpu, memory, reserved;
    const bool hasCpu = takeOption(args, u"--cpu-overcommit"_s, &cpu);
    const bool hasMemory = takeOption(args, u"--memory-overcommit"_s, &memory);
    const bool hasReserved = takeOption(args, u"--reserved-memory-mib"_s, &reserved);
    if (!args.isEmpty() || (verb == u"show" && (hasCpu || hasMemory || hasReserved))) {
        error(tr("scheduler %1 does not take \"%2\"").arg(verb, args.join(u' ')));
        return finish(Exit::Usage);
    }
    withCatalog(false, [=, this] {
        SchedulerPolicy policy = m_fleet->catalog()->policy();
        auto print = [this](const SchedulerPolicy &p) {
            if (m_json) {
                printJson(QJsonObject{{u"cpuOvercommit"_s, p.cpuOvercommit},
                                      {u"memoryOvercommit"_s, p.memoryOvercommit},
                                      {u"reservedMemoryMiB"_s, p.reservedMemoryMiB}});
            } else {
                m_out << tr("CPU overcommit:      %1 vCPUs per host CPU").arg(p.cpuOvercommit)
                      << '\n'
                      << tr("Memory overcommit:   %1").arg(p.memoryOvercommit) << '\n'
                      << tr("Reserved memory:     %1 MiB per host").arg(p.reservedMemoryMiB)
                      << '\n';
            }
            finish(Exit::Ok);
        };
        if (verb == u"show")
            return print(policy);
        bool ok = true;
        if (hasCpu)
            policy.cpuOvercommit = cpu.toDouble(&ok);
        if (ok && hasMemory)
            policy.memoryOvercommit = memory.toDouble(&ok);
        if (ok && hasReserved)
            policy.reservedMemoryMiB = reserved.toLongLong(&ok);
        if (!ok) {
            error(tr("scheduler set takes numbers"));
            return finish(Exit::Usage);
        }
        m_fleet->catalog()->setPolicy(policy, this, [this, policy, print](Result<void> r) {
            if (!r) {
                error(r.error().message);
                return finish(Exit::Failure);
            }
            print(policy);
        });
    });
}

void CliRunner::hostSet(QStringList args)
{
    QString portAddress, keyFile;
    const bool hasAddress = takeOption(args, u"--port-address"_s, &portAddress);
    const bool hasKey = takeOption(args, u"--smc-key-file"_s, &keyFile);
    const bool clearKey = takeFlag(args, u"--no-smc-key"_s);
    const QStringList tags = takeRepeated(args, u"--tag"_s);
    const bool clearTags = takeFlag(args, u"--no-tags"_s);
    if (args.size() != 1) {
        error(tr("host set takes HOST [--port-address ADDRESS] [--smc-key-file FILE | "
                 "--no-smc-key] [--tag TAG]... [--no-tags]"));
        return finish(Exit::Usage);
    }
    QString key;
    if (hasKey) {
        // The key comes from a file so that it appears in no shell history or process list.
        QFile file(keyFile);
        if (!file.open(QIODevice::ReadOnly)) {
            error(tr("cannot read %1: %2").arg(keyFile, file.errorString()));
            return finish(Exit::Failure);
        }
        key = QString::fromLatin1(file.read(4096)).trimmed();
    }
    const QString name = args.first();
    withCatalog(false, [=, this] {
        const auto host = m_fleet->hostByName(name);
        if (!host) {
            error(tr("No host named \"%1\": `corralctl host list` shows the hosts.").arg(name));
            return finish(Exit::Failure);
        }
        HostConfig config = host->config;
        if (hasAddress)
            config.portAddress = portAddress;
        if (hasKey)
            config.smcOsk = key;
        if (clearKey)
            config.smcOsk.clear();
        if (!tags.isEmpty() || clearTags)
            config.tags = tags;
        m_fleet->updateHost(config, [this, config](Result<void> r) {
            conclude(r,
                     QJsonObject{{u"name"_s, config.name},
                                 {u"portAddress"_s, config.effectivePortAddress()},
                                 {u"smcKey"_s, !config.smcOsk.isEmpty()},
                                 {u"tags"_s, QJsonArray::fromStringList(config.tags)},
                                 {u"maintenance"_s, config.maintenance}},
                     tr("Updated host %1.").arg(config.name));
        });
    });
}

void CliRunner::hostMaintenance(QStringList args)
{
    const bool drain = takeFlag(args, u"--drain"_s);
    if (args.size() != 2 || (args[1] != u"on" && args[1] != u"off") || (drain && args[1] != u"on")) {
        error(tr("host maintenance takes HOST on [--drain] | HOST off"));
        return finish(Exit::Usage);
    }
    const QString name = args[0];
    const bool on = args[1] == u"on";
    withCatalog(drain, [=, this] {
        const auto host = m_fleet->hostByName(name);
        if (!host) {
            error(tr("No host named \"%1\": `corralctl host list` shows the hosts.").arg(name));
            return finish(Exit::Failure);
        }
        m_fleet->deployer()->setMaintenance(
            host->config.id, on, drain, this, [this, name, on, drain](Result<void> r) {
                const QString text = !on ? tr("%1 takes new VMs again.")
                    : drain              ? tr("%1 is in maintenance; its VMs are shut down.")
                                         : tr("%1 is in maintenance: no new VMs are placed there.");
                conclude(r, QJsonObject{{u"host"_s, name}, {u"maintenance"_s, on}}, text.arg(name));
            });
    });
}

} // namespace Corral
