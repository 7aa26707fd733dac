#pragma once

#include <QMetaType>
#include <QString>

namespace Corral {

// A question a host connection needs a person to answer: an unknown SSH host key, a user
// name, a password or key passphrase. Sent out with an id; answered with
// Fleet::answerCredential(id, answer) — an empty optional means "cancel".
struct CredentialRequest
{
    enum class Kind : quint8 {
        HostKey, // accept an unknown host key? answer "yes" to accept and remember it
        Username,
        Password, // secret: never stored, never logged
        Question, // any other prompt from the transport
    };

    quint64 id = 0;
    qint64 hostId = 0;
    QString hostName;
    Kind kind = Kind::Question;
    QString prompt; // the question, translated
    QString fingerprint; // HostKey: "SHA256:..." of the presented key
    bool echo = true; // false for secrets
};

} // namespace Corral

Q_DECLARE_METATYPE(Corral::CredentialRequest)
