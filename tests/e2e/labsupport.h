// Helpers shared by the end-to-end tests: the lab scripts/test started (CORRAL_LAB_DIR).
#pragma once

#include "fleet/fleet.h"
#include "store/storeservice.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace LabSupport {

inline QString labDir()
{
    return qEnvironmentVariable("CORRAL_LAB_DIR");
}

// Runs scripts/lab with the given arguments against the test's lab; true on exit 0.
inline bool lab(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(qEnvironmentVariable("CORRAL_SOURCE_DIR") + QStringLiteral("/scripts/lab"),
            args + QStringList{QStringLiteral("--state-dir"), labDir()});
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Opens a Fleet on a copy of the lab's catalog in `dir` (tests may change it freely), loads it
// and waits until every lab host has delivered its inventory. Returns what went wrong, or an
// empty string; *elapsedMs gets the time from load to the last inventory.
inline QString openLabFleet(const QTemporaryDir &dir, std::unique_ptr<Corral::StoreService> &store,
                            std::unique_ptr<Corral::Fleet> &fleet, int statsIntervalMs,
                            qint64 *elapsedMs = nullptr)
{
    const QString catalog = dir.filePath(QStringLiteral("corral.sqlite"));
    if (!QFile::copy(labDir() + QStringLiteral("/corral.sqlite"), catalog))
        return QStringLiteral("cannot copy the lab's catalog to ") + catalog;
    store = std::make_unique<Corral::StoreService>(catalog);
    fleet = std::make_unique<Corral::Fleet>(store.get());
    fleet->setStatsInterval(statsIntervalMs);
    QSignalSpy complete(fleet.get(), &Corral::Fleet::inventoryComplete);
    QElapsedTimer timer;
    timer.start();
    fleet->load();
    if (!QTest::qWaitFor([&] { return complete.size() >= 3; }, 30000))
        return QStringLiteral("the 3 lab hosts did not all deliver their inventory in 30 s");
    if (elapsedMs)
        *elapsedMs = timer.elapsed();
    return {};
}

// What a finished program printed, and its exit status (-1: killed or timed out).
struct Output
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a program to its end (killed after timeoutMs), with `input` on its stdin and the
// extra environment variables `env`.
inline Output run(const QString &program, const QStringList &args, int timeoutMs = 60000,
                  const QByteArray &input = {}, const QList<QPair<QString, QString>> &env = {})
{
    QProcess p;
    if (!env.isEmpty()) {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const auto &[name, value] : env)
            e.insert(name, value);
        p.setProcessEnvironment(e);
    }
    p.start(program, args);
    if (!input.isNull())
        p.write(input);
    p.closeWriteChannel();
    Output o;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return o;
    }
    o.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    o.out = p.readAllStandardOutput();
    o.err = p.readAllStandardError();
    return o;
}

#ifdef CORRALCTL
// corralctl on the catalog `database` (a test's copy of the lab's).
inline Output corralctl(const QString &database, const QStringList &args, int timeoutMs = 90000)
{
    return run(QStringLiteral(CORRALCTL), args, timeoutMs, {},
               {{QStringLiteral("CORRAL_DB"), database}});
}
#endif

} // namespace LabSupport
