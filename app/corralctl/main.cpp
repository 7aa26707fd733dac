#include "clirunner.h"

#include "virt/virteventloop.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    Corral::VirtEventLoop::prepareProcess();
    // The CLI reports failures itself, one line each; library chatter only on request.
    if (qEnvironmentVariableIsEmpty("CORRAL_DEBUG"))
        QLoggingCategory::setFilterRules(QStringLiteral("corral.*=false\n*.warning=false"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("corral"));
    QCoreApplication::setOrganizationName(QStringLiteral("Corral"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CORRAL_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    Corral::CliRunner runner(out, err);
    int code = -1;
    QObject::connect(&runner, &Corral::CliRunner::finished, &app, [&code](int exitCode) {
        code = exitCode;
        QCoreApplication::exit(exitCode);
    });
    runner.start(app.arguments().mid(1));
    if (code >= 0)
        return code;
    return app.exec();
}
