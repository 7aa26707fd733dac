// corralctl vnc capture: Corral's RFB client, reached the way the GUI reaches a VM's screen.
#include "clirunner.h"

#include "fleet/remoteaccess.h"
#include "rfb/rfbtypes.h"
#include "rfb/vncsession.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

namespace Corral {

namespace {

std::optional<qint32> encodingByName(const QString &name)
{
    static const QHash<QString, qint32> names{
        {QStringLiteral("raw"), Rfb::Encoding::Raw},         {QStringLiteral("copyrect"), Rfb::Encoding::CopyRect},
        {QStringLiteral("rre"), Rfb::Encoding::RRE},         {QStringLiteral("hextile"), Rfb::Encoding::Hextile},
        {QStringLiteral("zrle"), Rfb::Encoding::ZRLE},       {QStringLiteral("tight"), Rfb::Encoding::Tight}};
    const auto it = names.constFind(name.trimmed().toLower());
    if (it == names.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace

void CliRunner::vncCommand(QStringList args)
{
    if (args.isEmpty() || args.first() != u"capture") {
        error(tr("vnc takes a sub-command: corralctl vnc capture TARGET OUT.png"));
        return finish(Exit::Usage);
    }
    args.removeFirst();
    VncSession::Options options;
    QString value;
    if (takeOption(args, QStringLiteral("--encodings"), &value)) {
        for (const QString &name : value.split(u',', Qt::SkipEmptyParts)) {
            const auto e = encodingByName(name);
            if (!e) {
                error(tr("unknown encoding \"%1\"; use raw, copyrect, rre, hextile, zrle or tight").arg(name));
                return finish(Exit::Usage);
            }
            options.encodings.append(*e);
        }
    }
    if (takeOption(args, QStringLiteral("--jpeg-quality"), &value)) {
        bool ok = false;
        options.jpegQuality = value.toInt(&ok);
        if (!ok || options.jpegQuality < 0 || options.jpegQuality > 9) {
            error(tr("--jpeg-quality takes 0 to 9, not \"%1\".").arg(value));
            return finish(Exit::Usage);
        }
    }
    Rfb::Credentials credentials;
    bool haveCredentials = false;
    if (takeOption(args, QStringLiteral("--password-file"), &value)) {
        QFile file(value);
        if (!file.open(QIODevice::ReadOnly)) {
            error(tr("cannot read the password file %1: %2").arg(value, file.errorString()));
            return finish(Exit::Failure);
        }
        credentials.password = QString::fromUtf8(file.readLine()).remove(u'\n').remove(u'\r');
        haveCredentials = true;
    }
    if (takeOption(args, QStringLiteral("--username"), &value)) {
        credentials.username = value;
        haveCredentials = true;
    }
    if (takeOption(args, QStringLiteral("--ca-file"), &value))
        options.tls.caFile = value;
    if (haveCredentials)
        options.credentials = credentials;
    if (args.size() != 2) {
        error(tr("vnc capture takes TARGET and OUT.png, e.g. corralctl vnc capture mac1/ventura-01 "
                 "screen.png or corralctl vnc capture vnc://127.0.0.1:5901 screen.png"));
        return finish(Exit::Usage);
    }
    const QString target = args.at(0);
    const QString out = args.at(1);

    auto *session = new VncSession(this);
    session->setOptions(options);
    auto *timer = new QElapsedTimer;
    timer->start();
    connect(session, &QObject::destroyed, this, [timer] { delete timer; });
    connect(session, &VncSession::credentialsRequested, this, [this](Rfb::CredentialKind kind) {
        error(kind == Rfb::CredentialKind::UsernameAndPassword
                  ? tr("the VNC server asks for a user name and password: give --username and --password-file")
                  : tr("the VNC server asks for a password: give --password-file"));
        finish(Exit::Failure);
    });
    connect(session, &VncSession::stateChanged, this, [this, session](VncSession::State state) {
        if (state == VncSession::State::Failed) {
            error(session->errorText());
            finish(Exit::Failure);
        }
    });
    connect(session, &VncSession::firstFrame, this, [this, session, out, timer] {
        const QImage image = session->snapshot();
        const qint64 ms = timer->elapsed();
        if (!image.save(out, "PNG")) {
            error(tr("cannot write %1; check the folder exists and is writable").arg(out));
            return finish(Exit::Failure);
        }
        if (m_json) {
            printJson(QJsonObject{{QStringLiteral("file"), QFileInfo(out).absoluteFilePath()},
                                  {QStringLiteral("width"), image.width()},
                                  {QStringLiteral("height"), image.height()},
                                  {QStringLiteral("desktopName"), session->desktopName()},
                                  {QStringLiteral("connection"), session->connectionSummary()},
                                  {QStringLiteral("milliseconds"), ms}});
        } else {
            m_out << tr("Captured %1×%2 from %3 (%4) in %5 ms to %6")
                         .arg(image.width()).arg(image.height())
                         .arg(session->label(), session->connectionSummary())
                         .arg(ms).arg(out)
                  << '\n';
        }
        session->disconnectFromHost();
        finish(Exit::Ok);
    });
    QTimer::singleShot(m_timeoutSec * 1000, this, [this, target] {
        error(tr("no complete screen from %1 within %n seconds", nullptr, m_timeoutSec).arg(target));
        finish(Exit::Failure);
    });

    if (target.startsWith(u"vnc://")) {
        const QUrl url(target);
        if (!url.isValid() || url.host().isEmpty()) {
            error(tr("\"%1\" is not a VNC address; write vnc://HOST:PORT").arg(target));
            return finish(Exit::Usage);
        }
        session->connectToHost(url.host(), quint16(url.port(5900)));
        return;
    }
    resolveTarget(target, true, [this, session](Target t) {
        const VmKey key{t.vm.hostId, t.vm.uuid};
        session->connectVia(m_fleet->remote()->vncOpener(key), t.vm.qualifiedName(), false);
    });
}

} // namespace Corral
