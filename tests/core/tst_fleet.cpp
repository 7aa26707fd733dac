// Fleet against real libvirt: the in-process test driver (test:///default) gives a host
// with one running VM and real lifecycle events, so this runs without lab hosts.
#include "fleet/fleet.h"
#include "store/auditlog.h"
#include "store/storeservice.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Corral;

class tst_Fleet : public QObject
{
    Q_OBJECT

private:
    struct Env
    {
        QTemporaryDir dir;
        std::unique_ptr<StoreService> store;
        std::unique_ptr<Fleet> fleet;
        Env()
        {
            store = std::make_unique<StoreService>(dir.filePath(QStringLiteral("c.sqlite")));
            fleet = std::make_unique<Fleet>(store.get());
        }
        ~Env()
        {
            fleet.reset();
            store.reset();
        }
        HostConfig add(const QString &name, const QString &uri)
        {
            HostConfig config;
            config.name = name;
            config.uri = uri;
            std::optional<Result<HostConfig>> result;
            fleet->addHost(config, [&result](Result<HostConfig> r) { result = std::move(r); });
            if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000) || !*result)
                return {};
            return **result;
        }
        VmInfo waitForVm(const QString &ref)
        {
            VmInfo found;
            (void)QTest::qWaitFor(
                [&] {
                    auto vm = fleet->resolveVm(ref);
                    if (vm)
                        found = *vm;
                    return bool(vm);
                },
                10000);
            return found;
        }
        Task runAndWait(VmOperation op, const VmInfo &vm, bool withStorage = false)
        {
            const quint64 id = fleet->runOperation(op, VmKey{vm.hostId, vm.uuid}, withStorage);
            (void)QTest::qWaitFor([&] { return fleet->tasks()->task(id).isFinished(); }, 10000);
            return fleet->tasks()->task(id);
        }
    };

private Q_SLOTS:
    void inventoryAndLifecycle()
    {
        Env env;
        QSignalSpy complete(env.fleet.get(), &Fleet::inventoryComplete);
        const HostConfig host = env.add(QStringLiteral("t1"), QStringLiteral("test:///default"));
        QVERIFY(host.id > 0);
        QVERIFY(complete.wait(10000));
        QCOMPARE(env.fleet->host(host.id)->state, HostState::Connected);
        QCOMPARE(env.fleet->host(host.id)->vmCount, 1);

        VmInfo vm = env.waitForVm(QStringLiteral("test"));
        QCOMPARE(vm.hostName, QStringLiteral("t1"));
        QCOMPARE(vm.state, VmState::Running);
        QVERIFY(vm.vcpus > 0);
        QVERIFY(vm.memoryKiB > 0);

        QSignalSpy changed(env.fleet.get(), &Fleet::vmsChanged);
        Task t = env.runAndWait(VmOperation::Suspend, vm);
        QCOMPARE(t.state, Task::State::Succeeded);
        QTRY_COMPARE(env.fleet->vm({vm.hostId, vm.uuid})->state, VmState::Paused);
        QVERIFY(!changed.isEmpty());

        QCOMPARE(env.runAndWait(VmOperation::Resume, vm).state, Task::State::Succeeded);
        QTRY_COMPARE(env.fleet->vm({vm.hostId, vm.uuid})->state, VmState::Running);

        // A graceful shutdown's task ends only when the guest is off.
        t = env.runAndWait(VmOperation::Shutdown, vm);
        QCOMPARE(t.state, Task::State::Succeeded);
        QCOMPARE(env.fleet->vm({vm.hostId, vm.uuid})->state, VmState::Shutoff);
        QTRY_COMPARE(env.fleet->host(host.id)->runningCount, 0);

        // Resuming a VM that is off fails with libvirt's reason, and the VM is untouched.
        t = env.runAndWait(VmOperation::Resume, vm);
        QCOMPARE(t.state, Task::State::Failed);
        QVERIFY2(!t.message.isEmpty(), qPrintable(t.message));

        QCOMPARE(env.runAndWait(VmOperation::Start, vm).state, Task::State::Succeeded);
        QTRY_COMPARE(env.fleet->vm({vm.hostId, vm.uuid})->state, VmState::Running);
        QCOMPARE(env.runAndWait(VmOperation::PowerOff, vm).state, Task::State::Succeeded);
        QTRY_COMPARE(env.fleet->vm({vm.hostId, vm.uuid})->state, VmState::Shutoff);

        QSignalSpy removed(env.fleet.get(), &Fleet::vmsRemoved);
        // The test driver's VM has a disk outside every storage pool: the VM goes, and the
        // task says which disk is left for the admin to remove.
        t = env.runAndWait(VmOperation::Delete, vm, true);
        QCOMPARE(t.state, Task::State::Failed);
        QVERIFY2(t.detail.contains(u"/guest/diskimage1"), qPrintable(t.detail));
        QTRY_VERIFY(!env.fleet->vm({vm.hostId, vm.uuid}));
        QVERIFY(!removed.isEmpty());
        QTRY_COMPARE(env.fleet->host(host.id)->vmCount, 0);

        // Every operation is in the audit log, newest first.
        std::optional<Result<QList<AuditEntry>>> audit;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                audit.reset();
                env.store->post([](Database &db) { return AuditLog(db).recent(50); },
                                env.fleet.get(), [&](auto r) { audit = std::move(r); });
                return QTest::qWaitFor([&] { return audit.has_value(); }, 2000) && *audit
                    && (*audit)->size() >= 8;
            }(),
            5000);
        QCOMPARE((*audit)->first().action, QStringLiteral("delete+storage"));
        QCOMPARE((*audit)->first().target, QStringLiteral("test"));
        QVERIFY(!(*audit)->first().ok);
        const auto failedResume = std::find_if((*audit)->cbegin() + 1, (*audit)->cend(),
                                               [](const AuditEntry &e) { return !e.ok; });
        QVERIFY(failedResume != (*audit)->cend());
        QCOMPARE(failedResume->action, QStringLiteral("resume"));
    }

    void resolveNames()
    {
        Env env;
        env.add(QStringLiteral("t1"), QStringLiteral("test:///default"));
        env.add(QStringLiteral("t2"), QStringLiteral("test:///default"));
        QTRY_COMPARE(env.fleet->vms().size(), 2);

        auto ambiguous = env.fleet->resolveVm(QStringLiteral("test"));
        QVERIFY(!ambiguous);
        QCOMPARE(ambiguous.error().code, ErrorCode::Ambiguous);
        QVERIFY(ambiguous.error().message.contains(u"t1/test"));
        QVERIFY(ambiguous.error().message.contains(u"t2/test"));

        auto qualified = env.fleet->resolveVm(QStringLiteral("t2/test"));
        QVERIFY(qualified);
        QCOMPARE(qualified->hostName, QStringLiteral("t2"));
        QCOMPARE(env.fleet->resolveVm(QStringLiteral("T2/test"))->hostName, QStringLiteral("t2"));

        QCOMPARE(env.fleet->resolveVm(QStringLiteral("nohost/test")).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(env.fleet->resolveVm(QStringLiteral("t1/missing")).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(env.fleet->resolveVm(QStringLiteral("t1/")).error().code,
                 ErrorCode::InvalidArgument);
    }

    void catalogErrors()
    {
        Env env;
        QVERIFY(env.add(QStringLiteral("t1"), QStringLiteral("test:///default")).id > 0);
        std::optional<Result<HostConfig>> dup;
        HostConfig again;
        again.name = QStringLiteral("T1");
        again.uri = QStringLiteral("test:///default");
        env.fleet->addHost(again, [&](Result<HostConfig> r) { dup = std::move(r); });
        QTRY_VERIFY(dup.has_value());
        QCOMPARE(dup->error().code, ErrorCode::AlreadyExists);

        std::optional<Result<HostConfig>> bad;
        HostConfig badUri;
        badUri.name = QStringLiteral("x");
        badUri.uri = QStringLiteral("vnc://nope");
        env.fleet->addHost(badUri, [&](Result<HostConfig> r) { bad = std::move(r); });
        QVERIFY(bad.has_value()); // refused before touching the catalog
        QCOMPARE(bad->error().code, ErrorCode::InvalidArgument);
        QCOMPARE(env.fleet->tasks()->tasks().last().state, Task::State::Failed);
    }

    void renameReachesReceivers()
    {
        Env env;
        HostConfig host = env.add(QStringLiteral("t1"), QStringLiteral("test:///default"));
        QTRY_COMPARE(env.fleet->host(host.id)->state, HostState::Connected);
        QSignalSpy changed(env.fleet.get(), &Fleet::hostChanged);
        host.name = QStringLiteral("renamed");
        host.tags = {QStringLiteral("mac")};
        std::optional<Result<void>> done;
        env.fleet->updateHost(host, [&](Result<void> r) { done = std::move(r); });
        QTRY_VERIFY(done.has_value());
        QVERIFY(*done);
        QTRY_VERIFY(!changed.isEmpty());
        const auto info = changed.last().first().value<HostInfo>();
        QCOMPARE(info.config.name, QStringLiteral("renamed"));
        QCOMPARE(info.config.tags, QStringList{QStringLiteral("mac")});
        QCOMPARE(env.fleet->host(host.id)->config.name, QStringLiteral("renamed"));
    }

    void unreachableHostGoesOfflineAndRetries()
    {
        Env env;
        // Nothing listens on loopback port 1: the SSH probe fails at once.
        const HostConfig host = env.add(QStringLiteral("down"),
                                        QStringLiteral("qemu+libssh://nobody@127.0.0.1:1/system"));
        QTRY_VERIFY_WITH_TIMEOUT(env.fleet->host(host.id)->state == HostState::Offline
                                     && !env.fleet->host(host.id)->error.isEmpty()
                                     && env.fleet->host(host.id)->nextRetry.isValid(),
                                 10000);
        QVERIFY2(env.fleet->host(host.id)->error.contains(u"port 1"),
                 qPrintable(env.fleet->host(host.id)->error));

        // Operations on an offline host fail at once with the reason.
        QSignalSpy removed(env.fleet.get(), &Fleet::hostRemoved);
        std::optional<Result<void>> gone;
        env.fleet->removeHost(host.id, [&](Result<void> r) { gone = std::move(r); });
        QVERIFY(removed.wait(5000));
        QVERIFY(gone && *gone);
        QVERIFY(!env.fleet->host(host.id));
    }

    void reloadsHostsFromCatalog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        {
            StoreService store(path);
            Fleet fleet(&store);
            std::optional<Result<HostConfig>> added;
            HostConfig config;
            config.name = QStringLiteral("t1");
            config.uri = QStringLiteral("test:///default");
            config.tags = {QStringLiteral("lab")};
            fleet.addHost(config, [&](Result<HostConfig> r) { added = std::move(r); });
            QTRY_VERIFY(added.has_value());
        }
        StoreService store(path);
        Fleet fleet(&store);
        QSignalSpy complete(&fleet, &Fleet::inventoryComplete);
        fleet.load();
        QVERIFY(complete.wait(10000));
        QCOMPARE(fleet.hosts().size(), 1);
        QCOMPARE(fleet.hosts().first().config.tags, QStringList{QStringLiteral("lab")});
        QCOMPARE(fleet.vms().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Fleet)
#include "tst_fleet.moc"
