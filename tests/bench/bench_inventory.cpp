// bench_inventory: how fast Corral shows a large inventory and what it costs afterwards.
// Runs the real app's startup (DesktopApp: catalog, Fleet, MainWindow) on $CORRAL_DB or --db,
// in a real GUI session (run it under Xvfb). See README.md in this folder.

#include "desktopapp.h"
#include "icons.h"
#include "inventorybench.h"
#include "store/database.h"
#include "virt/virteventloop.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace {

int positiveInt(const QString &text, int fallback, bool *ok)
{
    bool parsed = false;
    const int value = text.toInt(&parsed);
    if (!parsed || value < 0) {
        *ok = false;
        return fallback;
    }
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    Corral::VirtEventLoop::prepareProcess();
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"corral"_s);
    QApplication::setApplicationDisplayName(u"Corral"_s);
    QApplication::setOrganizationName(u"Corral"_s);
    QApplication::setDesktopFileName(u"corral"_s);
    QApplication::setWindowIcon(Corral::Icons::application());
    Corral::DesktopApp::applyPaletteOverride(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Inventory-scale benchmark: connects every host of the catalog in Corral's main "
        "window, then measures the time to a complete VM list, steady CPU and RSS, and the "
        "event loop's lag. Prints human lines and one JSON line."_s);
    parser.addHelpOption();
    const QCommandLineOption dbOption(u"db"_s, u"Catalog (default: $CORRAL_DB)."_s, u"path"_s);
    const QCommandLineOption steadyOption(
        u"steady"_s, u"Seconds of steady state to measure (default 60)."_s, u"seconds"_s, u"60"_s);
    const QCommandLineOption timeoutOption(
        u"timeout"_s, u"Give up on the inventory after this many seconds (default 180)."_s,
        u"seconds"_s, u"180"_s);
    const QCommandLineOption expectOption(
        u"expect-vms"_s, u"The inventory is complete only with this many VMs listed."_s, u"count"_s,
        u"0"_s);
    const QCommandLineOption serverOption(
        u"server-pid"_s, u"Also report this process's CPU in the steady phase (repeatable)."_s,
        u"pid"_s);
    const QCommandLineOption labelOption(u"label"_s, u"Free text for the JSON line."_s, u"text"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s,
                                              u"Save a PNG of the window when done."_s, u"path"_s);
    const QCommandLineOption traceOption(
        u"trace"_s, u"Print how long the GUI thread takes for every Fleet batch."_s);
    const QCommandLineOption noLagOption(
        u"no-lag-probe"_s,
        u"Do not measure the event loop's lag (its 10 ms timer costs some CPU itself)."_s);
    parser.addOptions({dbOption, steadyOption, timeoutOption, expectOption, serverOption,
                       labelOption, screenshotOption, traceOption, noLagOption});
    parser.process(app);

    bool ok = true;
    Corral::Bench::InventoryBench::Options options;
    options.database
        = parser.isSet(dbOption) ? parser.value(dbOption) : Corral::Database::defaultPath();
    options.steadySec = positiveInt(parser.value(steadyOption), 60, &ok);
    options.timeoutSec = positiveInt(parser.value(timeoutOption), 180, &ok);
    options.expectVms = positiveInt(parser.value(expectOption), 0, &ok);
    options.label = parser.value(labelOption);
    options.screenshot = parser.value(screenshotOption);
    options.trace = parser.isSet(traceOption);
    options.lagProbe = !parser.isSet(noLagOption);
    const QStringList pids = parser.values(serverOption);
    for (const QString &pid : pids)
        options.serverPids.append(positiveInt(pid, 0, &ok));
    if (!ok) {
        qWarning("bench_inventory: --steady, --timeout, --expect-vms and --server-pid take "
                 "non-negative integers");
        return 2;
    }

    Corral::Bench::InventoryBench bench(options);
    QObject::connect(&bench, &Corral::Bench::InventoryBench::finished, &app,
                     [](int code) { QCoreApplication::exit(code); });
    QMetaObject::invokeMethod(&bench, &Corral::Bench::InventoryBench::start, Qt::QueuedConnection);
    return QApplication::exec();
}
