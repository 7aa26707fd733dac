// bench_terminal: Corral's side of the terminal benchmark (see README.md in this folder).
//
//   bench_terminal throughput FILE [--cols C] [--rows R] [--font FAMILY] [--font-size PT] ...
//   bench_terminal echo HOST_URI [KEYFILE [KNOWN_HOSTS]] [--count N] [--warmup N] [--pause MS]
//
// throughput: FILE through a shown TerminalWidget as an SSH channel delivers it, timed from the
// first byte to the last frame on the X server. echo: keystroke-to-echo latency through an
// SshSession shell in a TerminalWidget. Both print human lines and one JSON line; run them
// under an X server (QT_QPA_PLATFORM=xcb) to measure what a user would see.

#include "terminalecho.h"
#include "terminalthroughput.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

bool toInt(const QString &text, int min, int *out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min)
        return false;
    *out = value;
    return true;
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "bench_terminal: %s (see --help)\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"corral"_s);
    QApplication::setApplicationDisplayName(u"Corral"_s);
    QApplication::setOrganizationName(u"Corral"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Terminal benchmark, Corral's side.\n"
        "  throughput FILE: feeds FILE (as a remote pty sends it, in 64 KiB chunks, one per "
        "event-loop turn) to a shown terminal widget and times it to the last frame.\n"
        "  echo HOST_URI [KEYFILE [KNOWN_HOSTS]]: keystroke-to-echo latency of a shell over "
        "Corral's SSH session, in a shown terminal widget.\n"
        "Each prints human lines and one JSON line."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"mode"_s, u"throughput or echo"_s);
    parser.addPositionalArgument(u"args"_s, u"FILE, or HOST_URI [KEYFILE [KNOWN_HOSTS]]"_s);
    const QCommandLineOption colsOption(u"cols"_s, u"Terminal columns (default 120)."_s, u"n"_s,
                                        u"120"_s);
    const QCommandLineOption rowsOption(u"rows"_s, u"Terminal rows (default 40)."_s, u"n"_s,
                                        u"40"_s);
    const QCommandLineOption fontOption(u"font"_s,
                                        u"throughput: font family (default DejaVu Sans Mono)."_s,
                                        u"family"_s, u"DejaVu Sans Mono"_s);
    const QCommandLineOption fontSizeOption(
        u"font-size"_s, u"throughput: font size in points (default 10)."_s, u"pt"_s, u"10"_s);
    const QCommandLineOption chunkOption(
        u"chunk"_s, u"throughput: bytes per feed (default 65536, the SSH read size)."_s, u"bytes"_s,
        u"65536"_s);
    const QCommandLineOption rawOption(
        u"raw"_s, u"throughput: feed the file as is (no LF -> CR LF as a pty would do)."_s);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s, u"throughput: save a PNG of the final window."_s, u"path"_s);
    const QCommandLineOption xserverOption(
        u"xserver-pid"_s, u"throughput: also report this process's CPU (the X server's)."_s,
        u"pid"_s);
    const QCommandLineOption countOption(u"count"_s, u"echo: samples (default 200)."_s, u"n"_s,
                                         u"200"_s);
    const QCommandLineOption warmupOption(
        u"warmup"_s, u"echo: samples before those, not counted (default 10)."_s, u"n"_s, u"10"_s);
    const QCommandLineOption pauseOption(
        u"pause"_s, u"echo: ms between one echo's erasure and the next key (default 50)."_s,
        u"ms"_s, u"50"_s);
    const QCommandLineOption timeoutOption(
        u"timeout"_s, u"Give up after this many seconds (default 600)."_s, u"s"_s, u"600"_s);
    const QCommandLineOption labelOption(u"label"_s, u"Free text for the JSON line."_s, u"text"_s);
    parser.addOptions({colsOption, rowsOption, fontOption, fontSizeOption, chunkOption, rawOption,
                       screenshotOption, xserverOption, countOption, warmupOption, pauseOption,
                       timeoutOption, labelOption});
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    const QString mode = args.value(0);
    int cols = 0;
    int rows = 0;
    int timeout = 0;
    if (!toInt(parser.value(colsOption), 2, &cols) || !toInt(parser.value(rowsOption), 2, &rows)
        || !toInt(parser.value(timeoutOption), 1, &timeout))
        return usageError(u"--cols and --rows take numbers >= 2, --timeout seconds >= 1"_s);

    std::unique_ptr<QObject> bench;
    if (mode == u"throughput" && args.size() == 2) {
        Corral::Bench::ThroughputBench::Options options;
        options.file = args[1];
        options.cols = cols;
        options.rows = rows;
        options.fontFamily = parser.value(fontOption);
        bool ok = false;
        options.fontPointSize = parser.value(fontSizeOption).toDouble(&ok);
        if (!ok || options.fontPointSize <= 0)
            return usageError(u"--font-size takes points > 0"_s);
        if (!toInt(parser.value(chunkOption), 1, &options.chunkBytes))
            return usageError(u"--chunk takes bytes >= 1"_s);
        options.onlcr = !parser.isSet(rawOption);
        options.screenshot = parser.value(screenshotOption);
        int xserverPid = 0;
        if (parser.isSet(xserverOption) && !toInt(parser.value(xserverOption), 1, &xserverPid))
            return usageError(u"--xserver-pid takes a process id"_s);
        options.xserverPid = xserverPid;
        options.timeoutSec = timeout;
        options.label = parser.value(labelOption);
        auto throughput = std::make_unique<Corral::Bench::ThroughputBench>(options);
        QObject::connect(throughput.get(), &Corral::Bench::ThroughputBench::finished, &app,
                         [](int code) { QCoreApplication::exit(code); });
        QMetaObject::invokeMethod(throughput.get(), &Corral::Bench::ThroughputBench::start,
                                  Qt::QueuedConnection);
        bench = std::move(throughput);
    } else if (mode == u"echo" && args.size() >= 2 && args.size() <= 4) {
        Corral::Bench::EchoBench::Options options;
        options.uri = args[1];
        options.keyFile = args.value(2);
        options.knownHosts = args.value(3);
        options.cols = cols;
        options.rows = rows;
        if (!toInt(parser.value(countOption), 1, &options.count)
            || !toInt(parser.value(warmupOption), 0, &options.warmup)
            || !toInt(parser.value(pauseOption), 0, &options.pauseMs))
            return usageError(u"--count takes a number >= 1, --warmup and --pause >= 0"_s);
        options.timeoutSec = timeout;
        options.label = parser.value(labelOption);
        auto echo = std::make_unique<Corral::Bench::EchoBench>(options);
        QObject::connect(echo.get(), &Corral::Bench::EchoBench::finished, &app,
                         [](int code) { QCoreApplication::exit(code); });
        QMetaObject::invokeMethod(echo.get(), &Corral::Bench::EchoBench::start,
                                  Qt::QueuedConnection);
        bench = std::move(echo);
    } else {
        return usageError(u"want: throughput FILE, or echo HOST_URI [KEYFILE [KNOWN_HOSTS]]"_s);
    }
    return QApplication::exec();
}
