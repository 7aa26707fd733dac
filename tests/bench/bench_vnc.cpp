// bench_vnc: Corral's side of the VNC benchmark (see README.md in this folder).
//
//   bench_vnc --host 127.0.0.1 --port PORT --encoding tight|tight-jpeg|zrle|hextile
//             [--timeout S] [--screenshot FILE]
//
// The app's VNC console as a user gets it: a Corral::VncSession (the RFB client on its own
// thread) and the app's VncView showing it, a top-level window at the server's size (scale
// mode Actual: 1:1, nothing scaled, no scroll bars), connected to HOST:PORT with the encoding
// under test offered. It runs until SIGTERM/SIGINT (the driver, vnc_measure.py, measures it
// from outside like the other viewers and stops it), then prints what the session itself
// counted: frames, time to the first frame.
// Exit status 0, 1 when the session failed, 2 on bad usage.

#include "benchout.h"

#include "rfb/rfbtypes.h"
#include "rfb/vncsession.h"
#include "vncview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <cstdio>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Corral::VncSession;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "bench_vnc: %s (see --help)\n", qPrintable(message));
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
        u"VNC benchmark, Corral's side: the app's VNC view of a VncSession, 1:1, until "
        "SIGTERM. The driver measures its CPU and the frames it is sent."_s);
    parser.addHelpOption();
    const QCommandLineOption hostOption(u"host"_s, u"Server address (default 127.0.0.1)."_s,
                                        u"host"_s, u"127.0.0.1"_s);
    const QCommandLineOption portOption(u"port"_s, u"Server port."_s, u"port"_s);
    const QCommandLineOption encodingOption(
        u"encoding"_s, u"tight (lossless), tight-jpeg (quality 8), zrle or hextile."_s,
        u"name"_s, u"tight"_s);
    const QCommandLineOption timeoutOption(
        u"timeout"_s, u"Exit with status 1 if not connected after this many seconds (30)."_s,
        u"s"_s, u"30"_s);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s, u"On exit, save the window as PNG (what the view painted)."_s,
        u"path"_s);
    parser.addOptions({hostOption, portOption, encodingOption, timeoutOption, screenshotOption});
    parser.process(app);

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return usageError(u"--port wants a port number"_s);
    const int timeoutSec = parser.value(timeoutOption).toInt(&ok);
    if (!ok || timeoutSec < 1)
        return usageError(u"--timeout wants seconds >= 1"_s);

    namespace Enc = Corral::Rfb::Encoding;
    VncSession::Options options;
    const QString encoding = parser.value(encodingOption);
    if (encoding == u"tight") {
        options.encodings = {Enc::Tight};
        options.jpegQuality = -1;
    } else if (encoding == u"tight-jpeg") {
        options.encodings = {Enc::Tight};
        options.jpegQuality = 8;
    } else if (encoding == u"zrle") {
        options.encodings = {Enc::ZRLE};
    } else if (encoding == u"hextile") {
        options.encodings = {Enc::Hextile};
    } else {
        return usageError(u"unknown --encoding %1"_s.arg(encoding));
    }
    options.shared = true;

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return 2;
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app,
                     [] { QCoreApplication::exit(0); });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    VncSession session;
    session.setOptions(options);
    Corral::VncView view;
    view.setSession(&session);
    // One framebuffer pixel per screen pixel, no frame: the viewport is the framebuffer's size,
    // so there are no scroll bars either.
    view.setScaleMode(Corral::VncView::ScaleMode::Actual);
    view.setFrameShape(QFrame::NoFrame);
    // VncView sizes its scroll ranges from the viewport, which shrinks once a bar shows: bars
    // that appeared while the window was still small would stay at the full size. The window
    // is the framebuffer's size, nothing to scroll.
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setWindowTitle(u"bench_vnc"_s);
    view.move(0, 0);

    QElapsedTimer clock;
    qint64 firstFrameMs = -1;
    qint64 paintedUpdates = 0;
    QObject::connect(&session, &VncSession::framebufferResized, &view, [&](const QSize &size) {
        // 1:1: the window is the framebuffer's size (no window manager on the benchmark's X
        // server, so nothing is added around it).
        const int frame = 2 * view.frameWidth();
        view.resize(size + QSize(frame, frame));
        if (!view.isVisible())
            view.show();
    });
    QObject::connect(&session, &VncSession::firstFrame, &app, [&] {
        if (firstFrameMs < 0) {
            firstFrameMs = clock.elapsed();
            Corral::Bench::say(u"bench_vnc: first frame after %1 ms (%2x%3), %4"_s
                                   .arg(firstFrameMs)
                                   .arg(session.framebufferSize().width())
                                   .arg(session.framebufferSize().height())
                                   .arg(session.connectionSummary()));
        }
    });
    QObject::connect(&session, &VncSession::frameUpdated, &app,
                     [&](const QRegion &) { ++paintedUpdates; });
    int exitCode = 0;
    QObject::connect(&session, &VncSession::stateChanged, &app, [&](VncSession::State state) {
        switch (state) {
        case VncSession::State::Authenticating:
            // The benchmark's server has security type None: a prompt means a wrong server.
            Corral::Bench::warn(u"bench_vnc: the server asks for credentials"_s);
            exitCode = 1;
            QCoreApplication::exit(1);
            break;
        case VncSession::State::Reconnecting:
        case VncSession::State::Failed:
            Corral::Bench::warn(u"bench_vnc: connection lost: %1"_s.arg(session.errorText()));
            exitCode = 1;
            QCoreApplication::exit(1);
            break;
        default:
            break;
        }
    });
    QTimer::singleShot(timeoutSec * 1000, &app, [&] {
        if (session.state() != VncSession::State::Connected) {
            Corral::Bench::warn(u"bench_vnc: not connected after %1 s"_s.arg(timeoutSec));
            exitCode = 1;
            QCoreApplication::exit(1);
        }
    });

    clock.start();
    session.connectToHost(parser.value(hostOption), quint16(port));
    const int rc = QApplication::exec();

    const QString screenshot = parser.value(screenshotOption);
    if (!screenshot.isEmpty() && view.isVisible())
        view.grab().save(screenshot);
    const qint64 elapsed = clock.elapsed();
    const quint64 frames = session.frameCount();
    session.disconnectFromHost();
    Corral::Bench::say(u"bench_vnc: %1 frames in %2 s, %3 frameUpdated signals"_s.arg(frames)
                           .arg(double(elapsed) / 1000.0, 0, 'f', 1)
                           .arg(paintedUpdates));
    QJsonObject json{{u"bench"_s, u"vnc-corral"_s},
                     {u"encoding"_s, encoding},
                     {u"frames"_s, qint64(frames)},
                     {u"frameUpdated"_s, paintedUpdates},
                     {u"firstFrameMs"_s, firstFrameMs},
                     {u"elapsedMs"_s, elapsed},
                     {u"summary"_s, session.connectionSummary()}};
    if (exitCode != 0)
        json.insert(u"error"_s, session.errorText());
    Corral::Bench::say(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    return exitCode != 0 ? exitCode : rc;
}
