#include "hosturi.h"

#include <QDir>
#include <QUrl>
#include <QUrlQuery>

namespace Corral {

Result<HostUri> HostUri::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto example = Tr::tr("e.g. qemu+libssh://admin@mac1.example.com/system");
    if (trimmed.isEmpty())
        return fail(ErrorCode::InvalidArgument, Tr::tr("The URI is empty (%1).").arg(example));

    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("\"%1\" is not a libvirt URI (%2).").arg(trimmed, example),
                    url.errorString());
    }

    HostUri uri;
    const QString scheme = url.scheme().toLower();
    const qsizetype plus = scheme.indexOf(u'+');
    uri.driver = plus < 0 ? scheme : scheme.left(plus);
    uri.transport = plus < 0 ? QString() : scheme.mid(plus + 1);
    uri.user = url.userName();
    uri.host = url.host();
    uri.port = url.port(-1);
    uri.path = url.path();
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        uri.params.insert(key, value);

    static const QStringList drivers{QStringLiteral("qemu"), QStringLiteral("test")};
    if (!drivers.contains(uri.driver)) {
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("Corral manages QEMU/KVM hosts: the URI must start with \"qemu+\" "
                           "(%1), not \"%2\".")
                        .arg(example, scheme));
    }
    static const QStringList transports{QString(),
                                        QStringLiteral("libssh"),
                                        QStringLiteral("ssh"),
                                        QStringLiteral("tcp"),
                                        QStringLiteral("tls"),
                                        QStringLiteral("unix")};
    if (!transports.contains(uri.transport)) {
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("Unknown transport \"%1\": use libssh (recommended), ssh, tls, tcp "
                           "or unix.")
                        .arg(uri.transport));
    }
    const bool remote = !uri.transport.isEmpty() && uri.transport != u"unix";
    if (remote && uri.host.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, Tr::tr("The URI names no host (%1).").arg(example));
    }
    if (uri.driver == u"qemu" && uri.path != u"/system" && uri.path != u"/session") {
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("A QEMU URI ends in /system or /session, not \"%1\".").arg(uri.path));
    }
    return uri;
}

QString HostUri::knownHostsFile() const
{
    const QString file = params.value(QStringLiteral("known_hosts"));
    if (!file.isEmpty())
        return file;
    return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

bool HostUri::verifiesHostKey() const
{
    return params.value(QStringLiteral("known_hosts_verify")) != u"ignore"
        && params.value(QStringLiteral("no_verify")) != u"1";
}

} // namespace Corral
