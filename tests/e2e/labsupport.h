// Helpers shared by the end-to-end tests: the lab scripts/test started (CORRAL_LAB_DIR).
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

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

} // namespace LabSupport
