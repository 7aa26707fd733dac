// corralctl vm deploy|revert|save-image|clone|resize|snapshot: deploy and the disk lifecycle.
#include "clirunner.h"

#include "fleet/deployer.h"
#include "fleet/vmlifecycle.h"
#include "fleet/workloadcatalog.h"
#include "images/imagelibrary.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

QJsonObject deployedJson(const DeployedVm &vm)
{
    QJsonObject o{{u"name"_s, vm.name},
                  {u"host"_s, vm.host},
                  {u"namespace"_s, vm.ns},
                  {u"state"_s, vm.state}};
    if (!vm.forwards.isEmpty())
        o.insert(u"ports"_s, QJsonArray::fromStringList(vm.forwards));
    if (!vm.why.isEmpty())
        o.insert(u"why"_s, vm.why);
    if (!vm.error.isEmpty())
        o.insert(u"error"_s, vm.error);
    return o;
}

} // namespace

void CliRunner::withVm(const QString &reference, std::function<void(VmInfo)> then)
{
    withCatalog(true, [this, reference, then] {
        auto vm = m_fleet->resolveVm(reference);
        if (!vm) {
            error(vm.error().message);
            return finish(Exit::Failure);
        }
        then(*vm);
    });
}

void CliRunner::vmDeploy(QStringList args)
{
    DeployRequest request;
    QString value;
    takeOption(args, u"--namespace"_s, &request.ns);
    takeOption(args, u"--config"_s, &request.configName);
    takeOption(args, u"--image"_s, &request.adHoc.image);
    takeOption(args, u"--name"_s, &request.name);
    takeOption(args, u"--host"_s, &request.host);
    takeOption(args, u"--tag"_s, &request.tag);
    const bool dryRun = takeFlag(args, u"--dry-run"_s);
    bool ok = true;
    auto number = [&](const QString &option, auto *out) {
        if (!takeOption(args, option, &value))
            return;
        const qint64 n = value.toLongLong(&ok);
        if (ok)
            *out = std::remove_reference_t<decltype(*out)>(n);
        else
            error(tr("%1 takes a whole number, not \"%2\"").arg(option, value));
    };
    number(u"--count"_s, &request.count);
    number(u"--cpu"_s, &request.adHoc.vcpus);
    number(u"--memory-mib"_s, &request.adHoc.memoryMiB);
    number(u"--disk-gib"_s, &request.adHoc.diskGiB);
    if (!ok)
        return finish(Exit::Usage);
    if (takeOption(args, u"--profile"_s, &value) && !parseGuestProfile(value, &request.adHoc.profile)) {
        error(tr("--profile takes macos, linux or generic, not \"%1\"").arg(value));
        return finish(Exit::Usage);
    }
    while (takeOption(args, u"--port"_s, &value))
        request.adHoc.ports.append(quint16(value.toUInt()));
    takeOption(args, u"--network"_s, &request.adHoc.network);
    takeOption(args, u"--user"_s, &request.adHoc.guestUser);
    if (takeOption(args, u"--strategy"_s, &value)
        && !parsePlacementStrategy(value, &request.strategy)) {
        error(tr("--strategy takes spread or pack, not \"%1\"").arg(value));
        return finish(Exit::Usage);
    }
    if (!args.isEmpty()) {
        error(tr("vm deploy does not take \"%1\"").arg(args.join(u' ')));
        return finish(Exit::Usage);
    }
    if (request.configName.isEmpty() == request.adHoc.image.isEmpty()) {
        error(tr("vm deploy takes --config CONFIG, or --image IMAGE --cpu N --memory-mib M"));
        return finish(Exit::Usage);
    }
    if (!request.host.isEmpty() && !request.tag.isEmpty()) {
        error(tr("vm deploy takes --host or --tag, not both"));
        return finish(Exit::Usage);
    }
    withCatalog(true, [this, request, dryRun] {
        Deployer *deployer = m_fleet->deployer();
        if (dryRun) {
            const DeployPlan plan = deployer->plan(request);
            if (!plan.ok()) {
                error(plan.error);
                return finish(Exit::Failure);
            }
            if (m_json) {
                QJsonArray array;
                for (const DeployedVm &vm : plan.vms)
                    array.append(deployedJson(vm));
                printJson(array);
            } else {
                QList<QStringList> rows;
                for (const DeployedVm &vm : plan.vms)
                    rows.append({vm.name, vm.host, vm.ns, vm.why});
                printTable({tr("NAME"), tr("HOST"), tr("NAMESPACE"), tr("WHY")}, rows);
            }
            return finish(Exit::Ok);
        }
        // Progress on stderr, one line per step of each VM; the result on stdout.
        connect(deployer, &Deployer::vmProgress, this, [this](quint64, const DeployedVm &vm) {
            m_err << vm.host << '/' << vm.name << ": " << vm.state;
            if (!vm.error.isEmpty())
                m_err << " - " << vm.error;
            m_err << '\n';
            m_err.flush();
        });
        deployer->deploy(request, this, [this](Result<QList<DeployedVm>> vms) {
            if (!vms) {
                error(vms.error().message);
                return finish(Exit::Failure);
            }
            bool failed = false;
            if (m_json) {
                QJsonArray array;
                for (const DeployedVm &vm : std::as_const(*vms))
                    array.append(deployedJson(vm));
                printJson(array);
            }
            QList<QStringList> rows;
            for (const DeployedVm &vm : std::as_const(*vms)) {
                failed = failed || vm.state != u"running";
                if (vm.state != u"running")
                    error(tr("%1 was not deployed: %2").arg(vm.name, vm.error));
                rows.append({vm.name, vm.host, vm.ns, vm.state, vm.forwards.join(u", "_s)});
            }
            if (!m_json)
                printTable({tr("NAME"), tr("HOST"), tr("NAMESPACE"), tr("STATE"), tr("PORTS")},
                           rows);
            finish(failed ? Exit::Failure : Exit::Ok);
        });
    });
}

void CliRunner::vmDiskCommand(const QString &verb, QStringList args)
{
    if (args.isEmpty()) {
        error(tr("vm %1 needs a VM (NAME or HOST/NAME)").arg(verb));
        return finish(Exit::Usage);
    }
    const QString reference = args.takeFirst();
    QString description;
    takeOption(args, u"--description"_s, &description);
    auto report = [this](const QString &done) {
        return [this, done](Result<void> r) {
            conclude(r, QJsonObject{{u"ok"_s, true}, {u"message"_s, done}}, done);
        };
    };

    if (verb == u"revert" && args.isEmpty()) {
        return withVm(reference, [this, report](const VmInfo &vm) {
            m_fleet->lifecycle()->revert({vm.hostId, vm.uuid}, this,
                                         report(tr("Reverted %1 to a fresh disk.").arg(vm.name)));
        });
    }
    if (verb == u"save-image" && args.size() == 1) {
        const QString image = args.first();
        return withVm(reference, [this, report, image, description](const VmInfo &vm) {
            m_fleet->lifecycle()->saveAsImage(
                {vm.hostId, vm.uuid}, image, description, this,
                report(tr("Saved the disk of %1 as image %2 on %3.")
                           .arg(vm.name, image, vm.hostName)));
        });
    }
    if (verb == u"clone" && args.size() == 1) {
        const QString name = args.first();
        return withVm(reference, [this, report, name](const VmInfo &vm) {
            m_fleet->lifecycle()->clone({vm.hostId, vm.uuid}, name, this,
                                        report(tr("Cloned %1 as %2 on %3.")
                                                   .arg(vm.name, name, vm.hostName)));
        });
    }
    if (verb == u"resize" && args.size() == 1) {
        const auto size = parseSize(args.first());
        if (!size) {
            error(tr("vm resize takes a size like 64G, not \"%1\"").arg(args.first()));
            return finish(Exit::Usage);
        }
        return withVm(reference, [this, report, size](const VmInfo &vm) {
            m_fleet->lifecycle()->resizeDisk({vm.hostId, vm.uuid}, *size, this,
                                             report(tr("Resized the disk of %1.").arg(vm.name)));
        });
    }
    if (verb == u"snapshot" && !args.isEmpty()) {
        const QString action = args.takeFirst();
        const QString name = args.isEmpty() ? QString() : args.takeFirst();
        if (!args.isEmpty() || (action == u"list") != name.isEmpty()) {
            error(tr("vm snapshot takes VM list | create NAME [--description D] | revert NAME "
                     "| delete NAME"));
            return finish(Exit::Usage);
        }
        return withVm(reference, [=, this](const VmInfo &vm) {
            VmLifecycle *lifecycle = m_fleet->lifecycle();
            const VmKey key{vm.hostId, vm.uuid};
            if (action == u"list") {
                lifecycle->listSnapshots(key, this, [this](Result<QList<VmSnapshot>> list) {
                    if (!list) {
                        error(list.error().message);
                        return finish(Exit::Failure);
                    }
                    if (m_json) {
                        QJsonArray array;
                        for (const VmSnapshot &s : std::as_const(*list)) {
                            array.append(QJsonObject{
                                {u"name"_s, s.name},
                                {u"description"_s, s.description},
                                {u"created"_s, s.created.toString(Qt::ISODate)},
                                {u"state"_s, s.state},
                                {u"current"_s, s.current}});
                        }
                        printJson(array);
                    } else {
                        QList<QStringList> rows;
                        for (const VmSnapshot &s : std::as_const(*list)) {
                            rows.append({s.name, s.created.toLocalTime().toString(Qt::ISODate),
                                         s.state, s.current ? u"*"_s : QString(), s.description});
                        }
                        printTable({tr("NAME"), tr("CREATED"), tr("STATE"), tr("CURRENT"),
                                    tr("DESCRIPTION")},
                                   rows);
                    }
                    finish(Exit::Ok);
                });
            } else if (action == u"create") {
                lifecycle->createSnapshot(key, name, description, this,
                                          report(tr("Took snapshot %1 of %2.").arg(name, vm.name)));
            } else if (action == u"revert") {
                lifecycle->revertSnapshot(
                    key, name, this, report(tr("Reverted %1 to snapshot %2.").arg(vm.name, name)));
            } else if (action == u"delete") {
                lifecycle->deleteSnapshot(
                    key, name, this, report(tr("Deleted snapshot %1 of %2.").arg(name, vm.name)));
            } else {
                error(tr("vm snapshot takes list, create, revert or delete, not \"%1\"")
                          .arg(action));
                finish(Exit::Usage);
            }
        });
    }
    error(tr("usage: vm revert VM | vm save-image VM IMAGE [--description D] | vm clone VM "
             "NEWNAME | vm resize VM SIZE | vm snapshot VM list|create|revert|delete [NAME]"));
    finish(Exit::Usage);
}

} // namespace Corral
