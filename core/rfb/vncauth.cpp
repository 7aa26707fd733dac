#include "vncauth.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/provider.h>

#include <memory>

namespace Corral::Rfb {

namespace {

constexpr int ChallengeSize = 16;
constexpr int KeySize = 8;

// Single DES is only in OpenSSL 3's "legacy" provider. It is loaded into a private library
// context so the application's default context (used for TLS) keeps its configuration.
class LegacyDes
{
public:
    LegacyDes()
    {
        m_context = OSSL_LIB_CTX_new();
        if (!m_context)
            return;
        m_provider = OSSL_PROVIDER_load(m_context, "legacy");
        if (!m_provider)
            return;
        m_cipher = EVP_CIPHER_fetch(m_context, "DES-ECB", nullptr);
    }
    ~LegacyDes()
    {
        EVP_CIPHER_free(m_cipher);
        if (m_provider)
            OSSL_PROVIDER_unload(m_provider);
        OSSL_LIB_CTX_free(m_context);
    }
    Q_DISABLE_COPY_MOVE(LegacyDes)

    const EVP_CIPHER *cipher() const { return m_cipher; }

    static const LegacyDes &instance()
    {
        static const LegacyDes des;
        return des;
    }

private:
    OSSL_LIB_CTX *m_context = nullptr;
    OSSL_PROVIDER *m_provider = nullptr;
    EVP_CIPHER *m_cipher = nullptr;
};

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};

// The VNC key schedule historically came from a DES implementation that reads key bits in the
// opposite order, so every password byte goes in mirrored.
uchar mirrored(uchar b)
{
    b = uchar((b & 0xF0) >> 4 | (b & 0x0F) << 4);
    b = uchar((b & 0xCC) >> 2 | (b & 0x33) << 2);
    b = uchar((b & 0xAA) >> 1 | (b & 0x55) << 1);
    return b;
}

QString openSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (!code)
        return {};
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

} // namespace

VncAuthHandler::~VncAuthHandler()
{
    OPENSSL_cleanse(m_challenge.data(), size_t(m_challenge.size()));
}

SecurityHandler::Step VncAuthHandler::feed(ByteReader &in, QByteArray &out)
{
    switch (m_state) {
    case State::Challenge:
        if (!in.has(ChallengeSize))
            return Step::NeedMore;
        m_challenge = QByteArray(reinterpret_cast<const char *>(in.peek()), ChallengeSize);
        in.skip(ChallengeSize);
        m_state = State::Credentials;
        [[fallthrough]];
    case State::Credentials: {
        if (!m_haveCredentials)
            return Step::NeedCredentials;
        const auto answer = response(m_challenge, m_credentials.password);
        if (!answer)
            return failWith(answer.error().message);
        out += *answer;
        m_state = State::Finished;
        return Step::Done;
    }
    case State::Finished:
        return Step::Done;
    case State::Failed:
        return Step::Failed;
    }
    return Step::Failed;
}

Outcome<QByteArray> VncAuthHandler::response(const QByteArray &challenge, const QString &password)
{
    if (challenge.size() != ChallengeSize)
        return Failure{Tr::tr("The VNC authentication challenge is malformed.")};

    const EVP_CIPHER *des = LegacyDes::instance().cipher();
    if (!des) {
        const QString modules = QString::fromLocal8Bit(OPENSSL_info(OPENSSL_INFO_MODULES_DIR));
        return Failure{Tr::tr("VNC password authentication needs DES from OpenSSL's \"legacy\" "
                   "provider, which could not be loaded. Install the package that ships "
                   "legacy.so in %1 (libssl3 on Debian and Ubuntu, openssl-libs on "
                   "Fedora), or use a security type such as VeNCrypt X509Plain.")
                .arg(modules),
            openSslError()};
    }

    uchar key[KeySize] = {};
    QByteArray secret = password.toUtf8();
    for (int i = 0; i < KeySize && i < secret.size(); ++i)
        key[i] = mirrored(uchar(secret.at(i)));
    OPENSSL_cleanse(secret.data(), size_t(secret.size()));

    QByteArray result(ChallengeSize, Qt::Uninitialized);
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> ctx(EVP_CIPHER_CTX_new());
    int written = 0;
    int finalWritten = 0;
    const bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), des, nullptr, key, nullptr) == 1
        && EVP_CIPHER_CTX_set_padding(ctx.get(), 0) == 1
        && EVP_EncryptUpdate(ctx.get(), reinterpret_cast<uchar *>(result.data()), &written,
                             reinterpret_cast<const uchar *>(challenge.constData()), ChallengeSize)
            == 1
        && EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<uchar *>(result.data()) + written,
                               &finalWritten)
            == 1
        && written + finalWritten == ChallengeSize;
    OPENSSL_cleanse(key, sizeof key);
    if (!ok)
        return Failure{Tr::tr("Could not compute the VNC authentication response."),
                            openSslError()};
    return result;
}

SecurityHandler::Step VncAuthHandler::failWith(const QString &error)
{
    m_state = State::Failed;
    return fail(error);
}

} // namespace Corral::Rfb
