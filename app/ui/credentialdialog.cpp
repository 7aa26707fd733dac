#include "credentialdialog.h"

#include "icons.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Corral {

namespace {

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

} // namespace

CredentialDialog::CredentialDialog(const CredentialRequest &request, QWidget *parent)
    : QDialog(parent)
    , m_request(request)
{
    setWindowIcon(Icons::application());
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    const bool hostKey = request.kind == CredentialRequest::Kind::HostKey;
    const QIcon standard = style()->standardIcon(hostKey ? QStyle::SP_MessageBoxWarning
                                                         : QStyle::SP_MessageBoxQuestion);
    icon->setPixmap(standard.pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto *body = new QVBoxLayout;
    top->addLayout(body, 1);
    layout->addLayout(top);

    auto *buttons = new QDialogButtonBox(this);
    if (hostKey) {
        setWindowTitle(tr("Unknown Host Key — %1").arg(request.hostName));
        body->addWidget(
            plainLabel(tr("Corral has not connected to %1 before. The host presented this SSH key:")
                           .arg(request.hostName),
                       this));
        auto *fingerprint = plainLabel(request.fingerprint, this);
        fingerprint->setObjectName(QStringLiteral("fingerprint"));
        fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
        body->addWidget(fingerprint);
        if (!request.prompt.isEmpty() && request.prompt != request.fingerprint)
            body->addWidget(plainLabel(request.prompt, this));
        body->addWidget(
            plainLabel(tr("Compare it with the key on the host (ssh-keygen -lf "
                          "/etc/ssh/ssh_host_ed25519_key.pub). Accept it only if they match."),
                       this));
        auto *accept = buttons->addButton(tr("Accept and Remember"), QDialogButtonBox::AcceptRole);
        accept->setObjectName(QStringLiteral("acceptButton"));
        auto *rejectButton = buttons->addButton(tr("Reject"), QDialogButtonBox::RejectRole);
        rejectButton->setObjectName(QStringLiteral("rejectButton"));
        rejectButton->setDefault(true);
    } else {
        const bool secret = request.kind == CredentialRequest::Kind::Password || !request.echo;
        if (request.kind == CredentialRequest::Kind::Username)
            setWindowTitle(tr("User Name for %1").arg(request.hostName));
        else if (secret)
            setWindowTitle(tr("Password for %1").arg(request.hostName));
        else
            setWindowTitle(tr("Question from %1").arg(request.hostName));
        QString prompt = request.prompt;
        if (prompt.isEmpty()) {
            prompt = request.kind == CredentialRequest::Kind::Username
                ? tr("User name for %1:").arg(request.hostName)
                : tr("Password for %1:").arg(request.hostName);
        }
        body->addWidget(plainLabel(prompt, this));
        m_answerEdit = new QLineEdit(this);
        m_answerEdit->setObjectName(QStringLiteral("answerEdit"));
        if (secret)
            m_answerEdit->setEchoMode(QLineEdit::Password);
        body->addWidget(m_answerEdit);
        if (secret)
            body->addWidget(plainLabel(tr("Corral does not store passwords."), this));
        auto *ok = buttons->addButton(tr("OK"), QDialogButtonBox::AcceptRole);
        ok->setDefault(true);
        buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    }
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(460);
}

void CredentialDialog::done(int result)
{
    if (!m_answered) {
        m_answered = true;
        std::optional<QString> answer;
        if (result == QDialog::Accepted) {
            answer = m_request.kind == CredentialRequest::Kind::HostKey ? QStringLiteral("yes")
                                                                        : m_answerEdit->text();
        }
        if (m_answerEdit)
            m_answerEdit->clear();
        Q_EMIT answered(m_request.id, answer);
    }
    QDialog::done(result);
}

} // namespace Corral
