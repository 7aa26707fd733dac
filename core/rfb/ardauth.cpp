#include "ardauth.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/dh.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/md5.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>

#include <cstring>
#include <memory>

namespace Corral::Rfb {

namespace {

constexpr int HeaderSize = 4;
constexpr int BlockSize = 128;
constexpr int HalfBlock = 64;

template<auto FreeFn> struct Freer
{
    template<typename T> void operator()(T *p) const { FreeFn(p); }
};
using BignumPtr = std::unique_ptr<BIGNUM, Freer<BN_free>>;
using ParamBuildPtr = std::unique_ptr<OSSL_PARAM_BLD, Freer<OSSL_PARAM_BLD_free>>;
using ParamsPtr = std::unique_ptr<OSSL_PARAM, Freer<OSSL_PARAM_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Freer<EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Freer<EVP_PKEY_CTX_free>>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, Freer<EVP_CIPHER_CTX_free>>;

// Wipes a buffer holding key material or a password when it goes out of scope.
class SecretBytes
{
public:
    explicit SecretBytes(qsizetype size)
        : m_bytes(size, '\0')
    { }
    explicit SecretBytes(QByteArray bytes)
        : m_bytes(std::move(bytes))
    { }
    ~SecretBytes() { OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size())); }
    Q_DISABLE_COPY_MOVE(SecretBytes)

    uchar *data() { return reinterpret_cast<uchar *>(m_bytes.data()); }
    const QByteArray &bytes() const { return m_bytes; }
    qsizetype size() const { return m_bytes.size(); }

private:
    QByteArray m_bytes;
};

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

BignumPtr toBignum(const QByteArray &bigEndian)
{
    return BignumPtr(BN_bin2bn(reinterpret_cast<const uchar *>(bigEndian.constData()),
                               int(bigEndian.size()), nullptr));
}

// A DH key from the server's domain parameters, with the public value if `publicKey` is given.
PkeyPtr dhKey(const BIGNUM *prime, const BIGNUM *generator, const BIGNUM *publicKey)
{
    ParamBuildPtr build(OSSL_PARAM_BLD_new());
    if (!build || !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_FFC_P, prime)
        || !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_FFC_G, generator)
        || (publicKey && !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_PUB_KEY, publicKey)))
        return {};
    ParamsPtr params(OSSL_PARAM_BLD_to_param(build.get()));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1)
        return {};
    EVP_PKEY *key = nullptr;
    const int selection = publicKey ? EVP_PKEY_PUBLIC_KEY : EVP_PKEY_KEY_PARAMETERS;
    if (EVP_PKEY_fromdata(ctx.get(), &key, selection, params.get()) != 1)
        return {};
    return PkeyPtr(key);
}

} // namespace

ArdAuthHandler::~ArdAuthHandler()
{
    OPENSSL_cleanse(m_aesKey.data(), size_t(m_aesKey.size()));
}

SecurityHandler::Step ArdAuthHandler::feed(ByteReader &in, QByteArray &out)
{
    switch (m_state) {
    case State::Header:
        if (!in.has(HeaderSize))
            return Step::NeedMore;
        m_generator = in.u16(0);
        m_keyLength = in.u16(2);
        // Checked before waiting for the keys, so a bogus length never makes us buffer.
        if (m_keyLength < MinKeyLength || m_keyLength > MaxKeyLength)
            return failWith(Tr::tr("The server's Apple Remote Desktop key length (%1 bytes) is "
                                   "outside the supported range of %2 to %3 bytes.")
                                .arg(m_keyLength)
                                .arg(MinKeyLength)
                                .arg(MaxKeyLength));
        if (m_generator < 2)
            return failWith(Tr::tr("The server sent an invalid Apple Remote Desktop "
                                   "Diffie-Hellman generator (%1).")
                                .arg(m_generator));
        m_state = State::Keys;
        [[fallthrough]];
    case State::Keys: {
        const size_t keys = size_t(2 * m_keyLength);
        if (!in.has(HeaderSize + keys))
            return Step::NeedMore;
        const char *p = reinterpret_cast<const char *>(in.peek(HeaderSize));
        const QByteArray prime(p, m_keyLength);
        const QByteArray serverKey(p + m_keyLength, m_keyLength);
        in.skip(HeaderSize + keys);
        if (const auto agreed = agree(prime, serverKey); !agreed)
            return failWith(agreed.error().message);
        m_state = State::Credentials;
        [[fallthrough]];
    }
    case State::Credentials: {
        if (!m_haveCredentials)
            return Step::NeedCredentials;
        const auto answer = response();
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

Outcome<void> ArdAuthHandler::agree(const QByteArray &primeBytes, const QByteArray &serverKeyBytes)
{
    ERR_clear_error();
    const auto cryptoFailure = [](const QString &what) {
        return Failure{what, openSslError()};
    };

    BignumPtr prime = toBignum(primeBytes);
    BignumPtr serverKey = toBignum(serverKeyBytes);
    BignumPtr generator(BN_new());
    if (!prime || !serverKey || !generator || !BN_set_word(generator.get(), m_generator))
        return cryptoFailure(Tr::tr("Out of memory during Apple Remote Desktop authentication."));
    if (!BN_is_odd(prime.get()) || BN_cmp(generator.get(), prime.get()) >= 0)
        return cryptoFailure(Tr::tr("The server sent invalid Apple Remote Desktop "
                                    "Diffie-Hellman parameters."));

    PkeyPtr domain = dhKey(prime.get(), generator.get(), nullptr);
    PkeyPtr peer = dhKey(prime.get(), generator.get(), serverKey.get());
    if (!domain || !peer)
        return cryptoFailure(Tr::tr("The server's Apple Remote Desktop Diffie-Hellman "
                                    "parameters are not usable."));

    PkeyCtxPtr keygen(EVP_PKEY_CTX_new_from_pkey(nullptr, domain.get(), nullptr));
    EVP_PKEY *ownRaw = nullptr;
    if (!keygen || EVP_PKEY_keygen_init(keygen.get()) != 1
        || EVP_PKEY_keygen(keygen.get(), &ownRaw) != 1)
        return cryptoFailure(Tr::tr("Could not create a Diffie-Hellman key for Apple Remote "
                                    "Desktop authentication."));
    PkeyPtr own(ownRaw);

    // EVP_PKEY_derive_set_peer() also range-checks the server's public value.
    PkeyCtxPtr derive(EVP_PKEY_CTX_new_from_pkey(nullptr, own.get(), nullptr));
    size_t secretLength = 0;
    if (!derive || EVP_PKEY_derive_init(derive.get()) != 1
        || EVP_PKEY_CTX_set_dh_pad(derive.get(), 1) != 1
        || EVP_PKEY_derive_set_peer(derive.get(), peer.get()) != 1
        || EVP_PKEY_derive(derive.get(), nullptr, &secretLength) != 1
        || secretLength > size_t(m_keyLength))
        return cryptoFailure(Tr::tr("The server's Apple Remote Desktop public key is invalid."));
    // Both sides hash the secret as a number written in exactly key-length bytes, so a secret
    // with leading zero bytes (or a prime shorter than the key length) is left-padded.
    SecretBytes derived{qsizetype(secretLength)};
    if (EVP_PKEY_derive(derive.get(), derived.data(), &secretLength) != 1)
        return cryptoFailure(Tr::tr("The server's Apple Remote Desktop public key is invalid."));
    SecretBytes secret(m_keyLength);
    memcpy(secret.data() + (size_t(m_keyLength) - secretLength), derived.data(), secretLength);

    m_aesKey = QByteArray(MD5_DIGEST_LENGTH, '\0');
    unsigned int digestLength = 0;
    if (EVP_Digest(secret.data(), size_t(secret.size()), reinterpret_cast<uchar *>(m_aesKey.data()),
                   &digestLength, EVP_md5(), nullptr)
            != 1
        || digestLength != MD5_DIGEST_LENGTH)
        return cryptoFailure(Tr::tr("MD5, needed for Apple Remote Desktop authentication, is "
                                    "not available (is OpenSSL in FIPS mode?)."));

    BIGNUM *ownPublicRaw = nullptr;
    if (EVP_PKEY_get_bn_param(own.get(), OSSL_PKEY_PARAM_PUB_KEY, &ownPublicRaw) != 1)
        return cryptoFailure(Tr::tr("Could not create a Diffie-Hellman key for Apple Remote "
                                    "Desktop authentication."));
    BignumPtr ownPublic(ownPublicRaw);
    m_publicKey = QByteArray(m_keyLength, '\0');
    if (BN_bn2binpad(ownPublic.get(), reinterpret_cast<uchar *>(m_publicKey.data()), m_keyLength)
        != m_keyLength)
        return cryptoFailure(Tr::tr("Could not create a Diffie-Hellman key for Apple Remote "
                                    "Desktop authentication."));
    return {};
}

Outcome<QByteArray> ArdAuthHandler::response() const
{
    const SecretBytes username(m_credentials.username.toUtf8());
    const SecretBytes password(m_credentials.password.toUtf8());
    if (username.size() > MaxFieldLength)
        return Failure{Tr::tr("The username is too long for Apple Remote Desktop "
                                   "authentication (at most %1 bytes).")
                                .arg(MaxFieldLength)};
    if (password.size() > MaxFieldLength)
        return Failure{Tr::tr("The password is too long for Apple Remote Desktop "
                                   "authentication (at most %1 bytes).")
                                .arg(MaxFieldLength)};

    ERR_clear_error();
    // Random filler after each NUL, as Apple's client does, so equal credentials never give
    // equal blocks.
    SecretBytes plain(BlockSize);
    if (RAND_bytes(plain.data(), BlockSize) != 1)
        return Failure{Tr::tr("The random number generator failed."),
                            openSslError()};
    memcpy(plain.data(), username.bytes().constData(), size_t(username.size()));
    plain.data()[username.size()] = 0;
    memcpy(plain.data() + HalfBlock, password.bytes().constData(), size_t(password.size()));
    plain.data()[HalfBlock + password.size()] = 0;

    QByteArray result(BlockSize, '\0');
    auto *cipherText = reinterpret_cast<uchar *>(result.data());
    CipherCtxPtr aes(EVP_CIPHER_CTX_new());
    int written = 0;
    int finalWritten = 0;
    const bool encrypted = aes
        && EVP_EncryptInit_ex(aes.get(), EVP_aes_128_ecb(), nullptr,
                              reinterpret_cast<const uchar *>(m_aesKey.constData()), nullptr)
            == 1
        && EVP_CIPHER_CTX_set_padding(aes.get(), 0) == 1
        && EVP_EncryptUpdate(aes.get(), cipherText, &written, plain.data(), BlockSize) == 1
        && EVP_EncryptFinal_ex(aes.get(), cipherText + written, &finalWritten) == 1
        && written + finalWritten == BlockSize;
    if (!encrypted)
        return Failure{Tr::tr("Could not encrypt the Apple Remote Desktop credentials."),
                            openSslError()};
    return QByteArray(result + m_publicKey);
}

SecurityHandler::Step ArdAuthHandler::failWith(const QString &error)
{
    m_state = State::Failed;
    return fail(error);
}

} // namespace Corral::Rfb
