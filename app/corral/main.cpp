// corral: the desktop console. Everything but argument parsing lives in corral_ui.

#include "desktopapp.h"
#include "icons.h"
#include "virt/virteventloop.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

#include <memory>

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("corral"));
    QCoreApplication::setOrganizationName(QStringLiteral("Corral"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CORRAL_VERSION));
}

// Parses the command line; exits for --help and --version.
void parseArguments(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Console for fleets of VMs on KVM hosts."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
}

} // namespace

int main(int argc, char *argv[])
{
    Corral::VirtEventLoop::prepareProcess();

    // --help and --version must work without a display.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-v" || arg == "--version") {
            QCoreApplication app(argc, argv);
            setIdentity();
            Corral::DesktopApp::installTranslators(&app, QLocale::system());
            parseArguments(app);
            return 0;
        }
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Corral"));
    QApplication::setDesktopFileName(QStringLiteral("corral"));
    QApplication::setWindowIcon(Corral::Icons::application());
    Corral::DesktopApp::installTranslators(&app, QLocale::system());
    Corral::DesktopApp::applyPaletteOverride(&app);
    parseArguments(app);

    Corral::DesktopApp desktop(Corral::DesktopApp::defaultDatabasePath());
    desktop.start();
    return QApplication::exec();
}
