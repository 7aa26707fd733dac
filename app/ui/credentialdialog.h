#pragma once

#include "fleet/credentialrequest.h"

#include <QDialog>

#include <optional>

class QLineEdit;

namespace Corral {

// Asks a person what a host connection needs: whether to trust an unknown SSH host key, or a
// user name, password or passphrase. Non-modal (shown with show(), several may be open);
// emits `answered` exactly once — with the answer, or nullopt when rejected or closed.
class CredentialDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialDialog)

public:
    explicit CredentialDialog(const CredentialRequest &request, QWidget *parent = nullptr);

    const CredentialRequest &request() const { return m_request; }

    void done(int result) override;

Q_SIGNALS:
    void answered(quint64 requestId, const std::optional<QString> &answer);

private:
    CredentialRequest m_request;
    QLineEdit *m_answerEdit = nullptr;
    bool m_answered = false;
};

} // namespace Corral
