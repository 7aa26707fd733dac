#include "hostinfo.h"

#include "util/result.h"

#include <QRegularExpression>

namespace Corral {

QString hostStateKey(HostState state)
{
    switch (state) {
    case HostState::Offline:
        return QStringLiteral("offline");
    case HostState::Connecting:
        return QStringLiteral("connecting");
    case HostState::Connected:
        return QStringLiteral("connected");
    }
    return QStringLiteral("offline");
}

QString hostStateLabel(HostState state)
{
    switch (state) {
    case HostState::Offline:
        return Tr::tr("Offline");
    case HostState::Connecting:
        return Tr::tr("Connecting");
    case HostState::Connected:
        return Tr::tr("Connected");
    }
    return Tr::tr("Offline");
}

QString validateHostName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (name.isEmpty())
        return Tr::tr("A host needs a name.");
    if (!valid.match(name).hasMatch())
        return Tr::tr("Host name \"%1\" is not valid: use at most 64 letters, digits, '.', '-' "
                      "or '_'.")
            .arg(name);
    return {};
}

} // namespace Corral
