#pragma once

#include "fleet/fleet.h"
#include "fleet/workloadcatalog.h"
#include "images/imagelibrary.h"
#include "store/hostrepository.h"
#include "store/imagerepository.h"
#include "store/storeservice.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// A Fleet over a catalog in a temporary directory, for widget tests that need the real core
// objects (WorkloadCatalog, Deployer) without hosts to talk to: the hosts and images given to
// start() are written to the catalog first, and the fleet loads without connecting, so every
// host stays offline. Call VirtEventLoop::prepareProcess() in main() before the application.
class TestFleet
{
public:
    // Returns false (after a failed QVERIFY) when the catalog or the fleet did not load.
    bool start(const QList<Corral::HostConfig> &hosts = {},
               const QList<Corral::ImageRecord> &images = {})
    {
        using namespace Corral;
        if (!m_dir.isValid())
            return false;
        m_store = std::make_unique<StoreService>(m_dir.filePath(QStringLiteral("corral.sqlite")));
        int pending = int(hosts.size() + images.size());
        bool ok = true;
        QObject context;
        for (const HostConfig &host : hosts) {
            m_store->post([host](Database &db) { return HostRepository(db).add(host); }, &context,
                          [&](Result<HostConfig> added) {
                              ok = ok && added.has_value();
                              --pending;
                          });
        }
        for (const ImageRecord &image : images) {
            m_store->post([image](Database &db) { return ImageRepository(db).add(image); },
                          &context,
                          [&](Result<ImageRecord> added) {
                              ok = ok && added.has_value();
                              --pending;
                          });
        }
        if (!QTest::qWaitFor([&] { return pending == 0; }, 10000) || !ok)
            return false;
        m_fleet = std::make_unique<Fleet>(m_store.get());
        QSignalSpy loaded(m_fleet.get(), &Fleet::loaded);
        m_fleet->load(false);
        if (!loaded.wait(10000))
            return false;
        bool catalogLoaded = false;
        m_fleet->catalog()->whenLoaded([&catalogLoaded] { catalogLoaded = true; });
        bool imagesLoaded = false;
        m_fleet->images()->whenLoaded([&imagesLoaded] { imagesLoaded = true; });
        return QTest::qWaitFor([&] { return catalogLoaded && imagesLoaded; }, 10000);
    }

    // Runs a catalog call and waits for its outcome.
    template<typename Call> bool wait(Call call)
    {
        bool done = false;
        bool ok = false;
        QObject context;
        call(&context, [&](const auto &result) {
            ok = result.has_value();
            done = true;
        });
        return QTest::qWaitFor([&] { return done; }, 10000) && ok;
    }

    Corral::Fleet *fleet() const { return m_fleet.get(); }
    Corral::WorkloadCatalog *catalog() const { return m_fleet->catalog(); }

    static Corral::HostConfig host(int n, const QStringList &tags = {})
    {
        Corral::HostConfig config;
        config.name = QStringLiteral("mac%1").arg(n);
        config.uri = QStringLiteral("qemu+libssh://corral@127.0.1.%1:2222/system").arg(n);
        config.tags = tags;
        return config;
    }

    static Corral::ImageRecord image(const QString &name, const QString &kind = {})
    {
        Corral::ImageRecord record;
        record.name = name;
        record.kind = kind.isEmpty() ? QStringLiteral("disk") : kind;
        record.format = record.kind == u"iso" ? QStringLiteral("iso") : QStringLiteral("qcow2");
        record.virtualSize = 20ULL << 30;
        record.actualSize = 5ULL << 30;
        return record;
    }

private:
    QTemporaryDir m_dir;
    // Destroyed in reverse: the fleet before the store it posts to.
    std::unique_ptr<Corral::StoreService> m_store;
    std::unique_ptr<Corral::Fleet> m_fleet;
};
