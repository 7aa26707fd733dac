#include "securityhandler.h"

#include "util/tr.h"

#include <QFile>
#include <QHostAddress>
#include <QStringList>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <utility>

namespace Corral::Rfb {

namespace {

template<auto FreeFn> struct Freer
{
    template<typename T> void operator()(T *p) const { FreeFn(p); }
};
using SslCtxPtr = std::unique_ptr<SSL_CTX, Freer<SSL_CTX_free>>;
using SslPtr = std::unique_ptr<SSL, Freer<SSL_free>>;
using BioPtr = std::unique_ptr<BIO, Freer<BIO_free>>;

// Anonymous (EC)DH suites exist only up to TLS 1.2 and only at security level 0. VeNCrypt's
// TLS* sub-types use them; the server is not authenticated, only the session is encrypted.
constexpr char AnonymousCiphers[] = "aNULL:!eNULL:@SECLEVEL=0";

QString openSslErrors()
{
    QStringList messages;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        messages.append(QString::fromLatin1(text));
    }
    return messages.join(QStringLiteral("; "));
}

QByteArray sha256(X509 *certificate)
{
    uchar digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(certificate, EVP_sha256(), digest, &length) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), int(length));
}

QString fingerprintText(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QString subjectText(X509 *certificate)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio
        || X509_NAME_print_ex(bio.get(), X509_get_subject_name(certificate), 0,
                              XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB)
            < 0)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, size);
}

// The pin may be given as the 32 raw digest bytes or as hex, with or without colons.
QByteArray normalizedPin(const QByteArray &pin)
{
    if (pin.isEmpty() || pin.size() == 32)
        return pin;
    QByteArray hex = pin;
    hex.replace(':', QByteArray());
    return QByteArray::fromHex(hex);
}

} // namespace

struct TlsLayer::Private
{
    bool withCertificate = false;
    TlsOptions options;
    QByteArray pin;
    SslCtxPtr context;
    SslPtr ssl;
    BIO *network = nullptr; // ciphertext from the server; owned by `ssl`
    BIO *outgoing = nullptr; // ciphertext to the server; owned by `ssl`
    bool handshakeDone = false;
    bool closed = false;
    QString error;
    QByteArray plaintext;
    QByteArray pendingWrite;

    // Filled by the verification callback for the error message.
    QString rejectReason;
    QString rejectSubject;
    QString rejectFingerprint;
    bool hostMismatch = false;
    bool acceptedByPin = false;

    bool setUp();
    bool drive();
    bool flushWrites();
    bool failHandshake();
    bool failWith(const QString &message, const QString &detail = {});

    static int verify(int preverified, X509_STORE_CTX *store);
};

int TlsLayer::Private::verify(int preverified, X509_STORE_CTX *store)
{
    auto *ssl = static_cast<SSL *>(
        X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    auto *d = ssl ? static_cast<Private *>(SSL_get_app_data(ssl)) : nullptr;
    if (preverified || !d)
        return preverified;
    X509 *leaf = X509_STORE_CTX_get0_cert(store);
    const QByteArray digest = leaf ? sha256(leaf) : QByteArray();
    if (!d->pin.isEmpty() && digest == d->pin) {
        d->acceptedByPin = true;
        return 1;
    }
    if (d->rejectReason.isEmpty()) {
        const int code = X509_STORE_CTX_get_error(store);
        d->rejectReason = QString::fromLatin1(X509_verify_cert_error_string(code));
        d->hostMismatch
            = code == X509_V_ERR_HOSTNAME_MISMATCH || code == X509_V_ERR_IP_ADDRESS_MISMATCH;
        if (d->hostMismatch)
            d->rejectReason = Tr::tr("%1: it is not issued for %2")
                                  .arg(d->rejectReason, d->options.expectedHost);
        if (leaf) {
            d->rejectSubject = subjectText(leaf);
            d->rejectFingerprint = fingerprintText(digest);
        }
    }
    return 0;
}

bool TlsLayer::Private::setUp()
{
    ERR_clear_error();
    context.reset(SSL_CTX_new(TLS_client_method()));
    if (!context)
        return failWith(Tr::tr("Could not set up TLS."), openSslErrors());
    if (!withCertificate) {
        if (SSL_CTX_set_min_proto_version(context.get(), TLS1_VERSION) != 1
            || SSL_CTX_set_max_proto_version(context.get(), TLS1_2_VERSION) != 1
            || SSL_CTX_set_cipher_list(context.get(), AnonymousCiphers) != 1)
            return failWith(Tr::tr("This OpenSSL build offers no anonymous TLS cipher suites, "
                                   "which VeNCrypt's TLS sub-types need. Use an X509 sub-type "
                                   "on the server."),
                            openSslErrors());
        SSL_CTX_set_verify(context.get(), SSL_VERIFY_NONE, nullptr);
    } else {
        if (SSL_CTX_set_min_proto_version(context.get(), TLS1_2_VERSION) != 1)
            return failWith(Tr::tr("Could not set up TLS."), openSslErrors());
        if (!options.caFile.isEmpty()) {
            const QByteArray path = QFile::encodeName(options.caFile);
            if (SSL_CTX_load_verify_locations(context.get(), path.constData(), nullptr) != 1)
                return failWith(Tr::tr("Could not read the CA certificate file %1. It must "
                                       "hold one or more PEM certificates.")
                                    .arg(options.caFile),
                                openSslErrors());
        } else if (SSL_CTX_set_default_verify_paths(context.get()) != 1) {
            return failWith(Tr::tr("Could not load the system's CA certificates."),
                            openSslErrors());
        }
        SSL_CTX_set_verify(context.get(), SSL_VERIFY_PEER, &Private::verify);
    }

    ssl.reset(SSL_new(context.get()));
    network = BIO_new(BIO_s_mem());
    outgoing = BIO_new(BIO_s_mem());
    if (!ssl || !network || !outgoing) {
        BIO_free(network);
        BIO_free(outgoing);
        network = outgoing = nullptr;
        return failWith(Tr::tr("Could not set up TLS."), openSslErrors());
    }
    // An empty input BIO means "wait for more", not end of stream.
    BIO_set_mem_eof_return(network, -1);
    SSL_set_bio(ssl.get(), network, outgoing);
    SSL_set_app_data(ssl.get(), this);
    SSL_set_connect_state(ssl.get());

    if (withCertificate && !options.expectedHost.isEmpty()) {
        const QByteArray host = options.expectedHost.toUtf8();
        QHostAddress address;
        if (address.setAddress(options.expectedHost)) {
            if (X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl.get()), host.constData()) != 1)
                return failWith(Tr::tr("Could not set up TLS."), openSslErrors());
        } else if (SSL_set1_host(ssl.get(), host.constData()) != 1
                   || SSL_set_tlsext_host_name(ssl.get(), host.constData()) != 1) {
            return failWith(Tr::tr("Could not set up TLS."), openSslErrors());
        }
    }
    return drive();
}

bool TlsLayer::Private::drive()
{
    if (!error.isEmpty())
        return false;
    if (!handshakeDone) {
        ERR_clear_error();
        const int result = SSL_do_handshake(ssl.get());
        if (result != 1) {
            const int reason = SSL_get_error(ssl.get(), result);
            if (reason == SSL_ERROR_WANT_READ || reason == SSL_ERROR_WANT_WRITE)
                return true;
            return failHandshake();
        }
        if (withCertificate && !SSL_get0_peer_certificate(ssl.get()))
            return failWith(Tr::tr("The VNC server sent no certificate."));
        handshakeDone = true;
    }
    if (!flushWrites())
        return false;
    while (!closed) {
        char buffer[16384];
        ERR_clear_error();
        const int read = SSL_read(ssl.get(), buffer, int(sizeof buffer));
        if (read > 0) {
            plaintext.append(buffer, read);
            continue;
        }
        const int reason = SSL_get_error(ssl.get(), read);
        if (reason == SSL_ERROR_WANT_READ || reason == SSL_ERROR_WANT_WRITE)
            break;
        if (reason == SSL_ERROR_ZERO_RETURN) {
            closed = true;
            break;
        }
        return failWith(Tr::tr("The encrypted connection to the VNC server failed."),
                        openSslErrors());
    }
    // Reading may have finished a renegotiation that blocked earlier writes.
    return flushWrites();
}

bool TlsLayer::Private::flushWrites()
{
    while (handshakeDone && !pendingWrite.isEmpty()) {
        ERR_clear_error();
        const int written = SSL_write(ssl.get(), pendingWrite.constData(),
                                      int(qMin<qsizetype>(pendingWrite.size(), 1 << 20)));
        if (written > 0) {
            pendingWrite.remove(0, written);
            continue;
        }
        const int reason = SSL_get_error(ssl.get(), written);
        if (reason == SSL_ERROR_WANT_READ || reason == SSL_ERROR_WANT_WRITE)
            return true;
        return failWith(Tr::tr("The encrypted connection to the VNC server failed."),
                        openSslErrors());
    }
    return true;
}

bool TlsLayer::Private::failHandshake()
{
    const QString detail = openSslErrors();
    if (!rejectReason.isEmpty() && hostMismatch) {
        return failWith(Tr::tr("The VNC server's certificate is not trusted (%1). Subject: %2. "
                               "SHA-256 fingerprint: %3. Connect using a name the certificate "
                               "carries, or pin this fingerprint if this is the right server.")
                            .arg(rejectReason, rejectSubject, rejectFingerprint),
                        detail);
    }
    if (!rejectReason.isEmpty()) {
        return failWith(Tr::tr("The VNC server's certificate is not trusted (%1). Subject: %2. "
                               "SHA-256 fingerprint: %3. If this is the right server, give the "
                               "CA certificate that signed it (a PEM file) in the connection "
                               "settings, or pin this fingerprint.")
                            .arg(rejectReason, rejectSubject, rejectFingerprint),
                        detail);
    }
    if (withCertificate)
        return failWith(Tr::tr("The TLS handshake with the VNC server failed."), detail);
    return failWith(Tr::tr("The anonymous TLS handshake with the VNC server failed. The server "
                           "may not allow anonymous TLS; try an X509 sub-type."),
                    detail);
}

bool TlsLayer::Private::failWith(const QString &message, const QString &detail)
{
    error = detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + u')';
    return false;
}

TlsLayer::TlsLayer(bool withCertificate, const TlsOptions &options)
    : d(std::make_unique<Private>())
{
    d->withCertificate = withCertificate;
    d->options = options;
    d->pin = normalizedPin(options.pinnedSha256);
    d->setUp();
}

TlsLayer::~TlsLayer() = default;

bool TlsLayer::feedCiphertext(const char *data, size_t size)
{
    if (!d->error.isEmpty())
        return false;
    while (size > 0) {
        const int chunk = int(qMin<size_t>(size, 1 << 20));
        if (BIO_write(d->network, data, chunk) != chunk)
            return d->failWith(Tr::tr("Out of memory in the TLS layer."));
        data += chunk;
        size -= size_t(chunk);
    }
    return d->drive();
}

QByteArray TlsLayer::takeCiphertext()
{
    QByteArray result;
    if (!d->outgoing)
        return result;
    const size_t pending = BIO_ctrl_pending(d->outgoing);
    if (pending == 0)
        return result;
    result.resize(qsizetype(pending));
    const int read = BIO_read(d->outgoing, result.data(), int(pending));
    result.resize(qMax(read, 0));
    return result;
}

QByteArray TlsLayer::takePlaintext()
{
    return std::exchange(d->plaintext, QByteArray());
}

bool TlsLayer::writePlaintext(const QByteArray &plaintext)
{
    if (!d->error.isEmpty())
        return false;
    d->pendingWrite += plaintext;
    return d->flushWrites();
}

bool TlsLayer::handshakeDone() const
{
    return d->handshakeDone && d->error.isEmpty();
}

QString TlsLayer::error() const
{
    return d->error;
}

QString TlsLayer::peerSummary() const
{
    if (!d->handshakeDone || !d->ssl)
        return {};
    const QString protocol = QString::fromLatin1(SSL_get_version(d->ssl.get()));
    const QString cipher = QString::fromLatin1(SSL_get_cipher_name(d->ssl.get()));
    X509 *certificate = SSL_get0_peer_certificate(d->ssl.get());
    if (!d->withCertificate || !certificate)
        return Tr::tr("%1, %2, anonymous (the server is not authenticated)").arg(protocol, cipher);
    const QString trust
        = d->acceptedByPin ? Tr::tr("accepted by pinned fingerprint") : Tr::tr("verified");
    return Tr::tr("%1, %2, certificate %3 (SHA-256 %4), %5")
        .arg(protocol, cipher, subjectText(certificate), fingerprintText(sha256(certificate)),
             trust);
}

} // namespace Corral::Rfb
