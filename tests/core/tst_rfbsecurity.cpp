#include "rfb/ardauth.h"
#include "rfb/securityhandler.h"
#include "rfb/vencrypt.h"
#include "rfb/vncauth.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/provider.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <optional>

using namespace Corral::Rfb;
using namespace Qt::StringLiterals;
using Step = SecurityHandler::Step;

namespace {

template<auto FreeFn> struct Freer
{
    template<typename T> void operator()(T *p) const { FreeFn(p); }
};
using BignumPtr = std::unique_ptr<BIGNUM, Freer<BN_free>>;
using BnCtxPtr = std::unique_ptr<BN_CTX, Freer<BN_CTX_free>>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, Freer<EVP_CIPHER_CTX_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Freer<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Freer<X509_free>>;
using SslCtxPtr = std::unique_ptr<SSL_CTX, Freer<SSL_CTX_free>>;
using SslPtr = std::unique_ptr<SSL, Freer<SSL_free>>;

template<typename T> QByteArray bigEndian(T value)
{
    QByteArray bytes(sizeof(T), '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}
QByteArray u32(quint32 value)
{
    return bigEndian(value);
}
QByteArray u16(quint16 value)
{
    return bigEndian(value);
}

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray result;
    for (const int v : values)
        result.append(char(v));
    return result;
}

QByteArray bnBytes(const BIGNUM *bn, int length)
{
    QByteArray result(length, '\0');
    BN_bn2binpad(bn, reinterpret_cast<uchar *>(result.data()), length);
    return result;
}

// What the RFB client would see: steps, what went out, what stayed unconsumed.
struct Exchange
{
    Step step = Step::NeedMore;
    QByteArray out;
    QByteArray leftover;
    int credentialRequests = 0;
};

// Plays the RFB client: buffers what arrived, feeds it, drops what the handler consumed and
// answers credential requests, until a step other than NeedMore or the end of the chunks.
Exchange play(SecurityHandler &handler, const QList<QByteArray> &chunks,
              const std::optional<Credentials> &credentials)
{
    Exchange ex;
    QByteArray pending;
    const auto feed = [&] {
        ByteReader reader(reinterpret_cast<const uchar *>(pending.constData()),
                          size_t(pending.size()));
        ex.step = handler.feed(reader, ex.out);
        pending.remove(0, qsizetype(reader.consumed()));
    };
    qsizetype next = 0;
    while (next < chunks.size()) {
        pending += chunks.at(next++);
        feed();
        if (ex.step == Step::NeedCredentials && credentials) {
            ++ex.credentialRequests;
            handler.setCredentials(*credentials);
            feed();
        }
        if (ex.step == Step::NeedCredentials)
            ++ex.credentialRequests;
        if (ex.step != Step::NeedMore)
            break;
    }
    while (next < chunks.size())
        pending += chunks.at(next++);
    ex.leftover = pending;
    return ex;
}

// The input whole, split in two at every byte boundary, and one byte at a time.
QList<QList<QByteArray>> splits(const QByteArray &all)
{
    QList<QList<QByteArray>> result{{all}, {}};
    for (qsizetype i = 0; i < all.size(); ++i) {
        result[1].append(all.mid(i, 1));
        if (i > 0)
            result.append({all.left(i), all.mid(i)});
    }
    return result;
}

// VNC authentication written independently of the handler: mirror each key byte bit by bit,
// then DES-ECB each half with OpenSSL's legacy provider in a context of the test's own.
QByteArray referenceVncResponse(const QByteArray &challenge, const QByteArray &password)
{
    static OSSL_LIB_CTX *context = OSSL_LIB_CTX_new();
    static OSSL_PROVIDER *legacy = OSSL_PROVIDER_load(context, "legacy");
    static EVP_CIPHER *des = legacy ? EVP_CIPHER_fetch(context, "DES-ECB", nullptr) : nullptr;
    if (!des)
        return {};
    uchar key[8] = {};
    for (int i = 0; i < 8 && i < password.size(); ++i) {
        const auto in = uchar(password.at(i));
        for (int bit = 0; bit < 8; ++bit) {
            if (in & (1 << bit))
                key[i] |= uchar(0x80 >> bit);
        }
    }
    QByteArray result;
    for (int half = 0; half < 2; ++half) {
        CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
        uchar block[16];
        int length = 0;
        EVP_EncryptInit_ex(ctx.get(), des, nullptr, key, nullptr);
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
        EVP_EncryptUpdate(ctx.get(), block, &length,
                          reinterpret_cast<const uchar *>(challenge.constData()) + half * 8, 8);
        result.append(reinterpret_cast<const char *>(block), length);
    }
    return result;
}

// The Apple Remote Desktop server side, with plain modular arithmetic so it shares no code
// path with the handler's EVP Diffie-Hellman.
class ArdServer
{
public:
    ArdServer(const BIGNUM *prime, quint16 generator)
        : m_prime(BN_dup(prime))
        , m_generator(BN_new())
        , m_private(BN_new())
        , m_public(BN_new())
        , m_length(BN_num_bytes(prime))
    {
        BN_set_word(m_generator.get(), generator);
        BN_rand(m_private.get(), 256, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY);
        BN_mod_exp(m_public.get(), m_generator.get(), m_private.get(), m_prime.get(), m_bn.get());
    }

    int keyLength() const { return m_length; }
    QByteArray hello() const
    {
        return u16(quint16(BN_get_word(m_generator.get()))) + u16(quint16(m_length))
            + bnBytes(m_prime.get(), m_length) + bnBytes(m_public.get(), m_length);
    }
    // Decrypts the client's 128-byte block with the secret agreed with its public key.
    QByteArray open(const QByteArray &answer, QByteArray *secretOut = nullptr) const
    {
        if (answer.size() != 128 + m_length)
            return {};
        BignumPtr client(BN_bin2bn(reinterpret_cast<const uchar *>(answer.constData()) + 128,
                                   m_length, nullptr));
        BignumPtr shared(BN_new());
        BN_mod_exp(shared.get(), client.get(), m_private.get(), m_prime.get(), m_bn.get());
        const QByteArray secret = bnBytes(shared.get(), m_length);
        if (secretOut)
            *secretOut = secret;
        uchar key[16];
        unsigned int keyLength = 0;
        EVP_Digest(secret.constData(), size_t(secret.size()), key, &keyLength, EVP_md5(), nullptr);
        CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
        QByteArray plain(128, '\0');
        int length = 0;
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_128_ecb(), nullptr, key, nullptr);
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<uchar *>(plain.data()), &length,
                          reinterpret_cast<const uchar *>(answer.constData()), 128);
        return length == 128 ? plain : QByteArray();
    }

private:
    BnCtxPtr m_bn{BN_CTX_new()};
    BignumPtr m_prime;
    BignumPtr m_generator;
    BignumPtr m_private;
    BignumPtr m_public;
    int m_length;
};

enum Group { Rfc2409_1024, Rfc3526_1536, Rfc3526_2048 };

BignumPtr groupPrime(int group)
{
    BIGNUM *(*const primes[])(BIGNUM *)
        = {BN_get_rfc2409_prime_1024, BN_get_rfc3526_prime_1536, BN_get_rfc3526_prime_2048};
    return BignumPtr(primes[group](nullptr));
}

// A TLS server over memory buffers: anonymous with `ciphers`, or with a certificate.
class TlsTestServer
{
public:
    TlsTestServer(const char *anonymousCiphers, X509 *certificate, EVP_PKEY *key)
    {
        m_context.reset(SSL_CTX_new(TLS_server_method()));
        if (certificate) {
            SSL_CTX_use_certificate(m_context.get(), certificate);
            SSL_CTX_use_PrivateKey(m_context.get(), key);
        } else {
            SSL_CTX_set_cipher_list(m_context.get(), anonymousCiphers);
            SSL_CTX_set_max_proto_version(m_context.get(), TLS1_2_VERSION);
            SSL_CTX_set_dh_auto(m_context.get(), 1);
        }
        m_ssl.reset(SSL_new(m_context.get()));
        BIO_set_mem_eof_return(m_in, -1);
        SSL_set_bio(m_ssl.get(), m_in, m_out);
        SSL_set_accept_state(m_ssl.get());
    }

    bool done() const { return m_done; }
    void receive(const QByteArray &ciphertext)
    {
        BIO_write(m_in, ciphertext.constData(), int(ciphertext.size()));
        if (!m_done)
            m_done = SSL_do_handshake(m_ssl.get()) == 1;
        ERR_clear_error();
    }
    QByteArray take()
    {
        QByteArray result(qsizetype(BIO_ctrl_pending(m_out)), '\0');
        BIO_read(m_out, result.data(), int(result.size()));
        return result;
    }
    void send(const QByteArray &plaintext)
    {
        SSL_write(m_ssl.get(), plaintext.constData(), int(plaintext.size()));
    }
    QByteArray read()
    {
        QByteArray result;
        char buffer[4096];
        int n = 0;
        while ((n = SSL_read(m_ssl.get(), buffer, sizeof buffer)) > 0)
            result.append(buffer, n);
        ERR_clear_error();
        return result;
    }

private:
    SslCtxPtr m_context;
    SslPtr m_ssl;
    BIO *m_in = BIO_new(BIO_s_mem()); // owned by m_ssl
    BIO *m_out = BIO_new(BIO_s_mem());
    bool m_done = false;
};

bool deliver(TlsLayer &client, const QByteArray &ciphertext, bool byteWise)
{
    const qsizetype chunk = byteWise ? 1 : qMax<qsizetype>(ciphertext.size(), 1);
    bool ok = true;
    for (qsizetype at = 0; ok && at < ciphertext.size(); at += chunk)
        ok = client.feedCiphertext(ciphertext.constData() + at, size_t(chunk));
    return ok;
}

// Moves handshake records both ways until both ends are done or nothing moves.
bool handshake(TlsLayer &client, TlsTestServer &server, bool byteWise)
{
    for (int round = 0; round < 20; ++round) {
        const QByteArray toServer = client.takeCiphertext();
        if (!toServer.isEmpty())
            server.receive(toServer);
        const QByteArray toClient = server.take();
        if (!toClient.isEmpty() && !deliver(client, toClient, byteWise)) {
            server.receive(client.takeCiphertext());
            return false;
        }
        const bool done = client.handshakeDone() && server.done();
        if (done || (toServer.isEmpty() && toClient.isEmpty()))
            return done;
    }
    return false;
}

} // namespace

class tst_RfbSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A self-signed certificate for the X509 sub-types, made fresh for every run.
        m_key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        QVERIFY(m_key);
        X509 *cert = X509_new();
        m_certificate.reset(cert);
        X509_set_version(cert, X509_VERSION_3);
        ASN1_INTEGER_set(X509_get_serialNumber(cert), 4242);
        X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
        X509_gmtime_adj(X509_getm_notAfter(cert), 86400);
        X509_NAME *name = X509_get_subject_name(cert);
        for (const auto &[field, value] :
             {std::pair{"O", "Corral Tests"}, {"CN", "corral-test-vnc"}})
            X509_NAME_add_entry_by_txt(name, field, MBSTRING_ASC,
                                       reinterpret_cast<const uchar *>(value), -1, -1, 0);
        X509_set_issuer_name(cert, name);
        X509_set_pubkey(cert, m_key.get());
        X509V3_CTX v3;
        X509V3_set_ctx_nodb(&v3);
        X509V3_set_ctx(&v3, cert, cert, nullptr, nullptr, 0);
        const std::pair<int, const char *> extensions[] = {
            {NID_basic_constraints, "critical,CA:TRUE"},
            {NID_key_usage, "critical,digitalSignature,keyCertSign"},
            {NID_subject_alt_name, "DNS:vnc.corral.test,IP:127.0.0.1"},
        };
        for (const auto &[nid, value] : extensions) {
            X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &v3, nid, value);
            QVERIFY(ext);
            X509_add_ext(cert, ext, -1);
            X509_EXTENSION_free(ext);
        }
        QVERIFY(X509_sign(cert, m_key.get(), EVP_sha256()) > 0);

        uchar digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        QVERIFY(X509_digest(cert, EVP_sha256(), digest, &length) == 1);
        m_fingerprint = QByteArray(reinterpret_cast<const char *>(digest), int(length));

        m_caFile = m_dir.filePath(u"ca.pem"_s);
        BIO *pem = BIO_new_file(QFile::encodeName(m_caFile).constData(), "w");
        QVERIFY(pem && PEM_write_bio_X509(pem, cert) == 1);
        BIO_free(pem);
    }

    void createAndPreference()
    {
        QCOMPARE(SecurityHandler::supportedTypes(),
                 (QList<quint8>{Security::VeNCrypt, Security::AppleRemoteDesktop, Security::VncAuth,
                                Security::None}));
        QVERIFY(!SecurityHandler::create(Security::None));
        QVERIFY(!SecurityHandler::create(Security::Invalid));
        QVERIFY(!SecurityHandler::create(5)); // RA2
        QVERIFY(dynamic_cast<VncAuthHandler *>(SecurityHandler::create(Security::VncAuth).get()));
        QVERIFY(dynamic_cast<VeNCryptHandler *>(SecurityHandler::create(Security::VeNCrypt).get()));
        const auto ard = SecurityHandler::create(Security::AppleRemoteDesktop);
        QVERIFY(dynamic_cast<ArdAuthHandler *>(ard.get()));
        QCOMPARE(ard->credentialKind(), CredentialKind::UsernameAndPassword);
    }

    void vncAuth_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QByteArray>("challenge");
        QTest::addColumn<QByteArray>("expected");

        // Expected values come from `openssl enc -des-ecb -provider legacy -nopad` with the
        // bit-mirrored key typed in by hand.
        const QByteArray counting = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f");
        const QByteArray mixed = QByteArray::fromHex("deadbeefcafebabe0123456789abcdef");
        const auto row = [](const char *name, const QString &password, const QByteArray &challenge,
                            const char *expected) {
            QTest::newRow(name) << password << challenge << QByteArray::fromHex(expected);
        };
        row("short", u"corral"_s, counting, "b31e70d76604d16b3449020e94b65b4f");
        row("short 2", u"corral"_s, mixed, "d80eb1e0c04a4daad78bb1913e14af92");
        row("truncated", u"abcdefghij"_s, counting, "eae3a1cb74ca6daac183f66460190bb5");
        row("truncated 2", u"abcdefghij"_s, mixed, "75d3cb0c5f7ddf0be33121c9b97f07b9");
        row("utf-8", u"p\u00e4sswort9"_s, counting, "c6cabacd1031f4154d399e8ae969f7c5");
        row("empty", QString(), counting, "491e890de9ace932838a49792f2213f3");
    }

    void vncAuth()
    {
        QFETCH(QString, password);
        QFETCH(QByteArray, challenge);
        QFETCH(QByteArray, expected);
        if (!haveLegacyDes())
            QSKIP("OpenSSL's legacy provider is not installed");

        QCOMPARE(referenceVncResponse(challenge, password.toUtf8()), expected);
        if (password.toUtf8().size() > 8)
            QCOMPARE(referenceVncResponse(challenge, password.toUtf8().left(8)), expected);
        QCOMPARE(VncAuthHandler::response(challenge, password).value(), expected);

        // The SecurityResult behind the challenge is not the handler's to consume.
        const QByteArray result = u32(0);
        for (const auto &chunks : splits(challenge + result)) {
            VncAuthHandler handler;
            const Exchange ex = play(handler, chunks, Credentials{QString(), password});
            QCOMPARE(ex.step, Step::Done);
            QCOMPARE(ex.credentialRequests, 1);
            QCOMPARE(ex.out, expected);
            QCOMPARE(ex.leftover, result);
            QVERIFY(handler.error().isEmpty());
        }
    }

    void vncAuthCredentialsUpFront()
    {
        if (!haveLegacyDes())
            QSKIP("OpenSSL's legacy provider is not installed");
        const QByteArray challenge = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f");
        VncAuthHandler handler;
        handler.setCredentials({QString(), u"corral"_s});
        QByteArray out;
        ByteReader partial(reinterpret_cast<const uchar *>(challenge.constData()), 5);
        QCOMPARE(handler.feed(partial, out), Step::NeedMore);
        QCOMPARE(partial.consumed(), size_t(0));
        QVERIFY(out.isEmpty());
        Exchange ex = play(handler, {challenge.left(5), challenge.mid(5)}, std::nullopt);
        QCOMPARE(ex.step, Step::Done);
        QCOMPARE(ex.credentialRequests, 0);
        QCOMPARE(ex.out, QByteArray::fromHex("b31e70d76604d16b3449020e94b65b4f"));
        // Finished: further bytes are left alone.
        ex = play(handler, {u32(0)}, std::nullopt);
        QCOMPARE(ex.step, Step::Done);
        QVERIFY(ex.out.isEmpty());
        QCOMPARE(ex.leftover, u32(0));
    }

    void vncAuthWithoutLegacyProvider()
    {
        // Runs in a child process whose OpenSSL finds no modules, as on a system without the
        // legacy provider package.
        if (qEnvironmentVariableIsSet("CORRAL_TST_NO_LEGACY")) {
            VncAuthHandler handler;
            const Exchange ex
                = play(handler, {QByteArray(16, 'c')}, Credentials{QString(), u"secret"_s});
            QCOMPARE(ex.step, Step::Failed);
            QVERIFY2(handler.error().contains(u"legacy"), qPrintable(handler.error()));
            QVERIFY(ex.out.isEmpty());
            return;
        }
        QTemporaryDir noModules;
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OPENSSL_MODULES"_s, noModules.path());
        env.insert(u"CORRAL_TST_NO_LEGACY"_s, u"1"_s);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {u"vncAuthWithoutLegacyProvider"_s});
        QVERIFY(child.waitForFinished(60000));
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 child.readAllStandardOutput().constData());
    }

    void ard_data()
    {
        QTest::addColumn<int>("group");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("everySplit");

        QTest::newRow("1024") << int(Rfc2409_1024) << u"admin"_s << u"s3cret!"_s << true;
        QTest::newRow("1536 utf-8")
            << int(Rfc3526_1536) << u"j\u00fcrgen"_s << u"p\u00e4ssw\u00f6rd \u2713"_s << false;
        QTest::newRow("2048") << int(Rfc3526_2048) << u"lab"_s << u"correct horse"_s << false;
        QTest::newRow("63-byte fields")
            << int(Rfc2409_1024) << QString(63, u'u') << QString(63, u'p') << false;
        QTest::newRow("empty password") << int(Rfc2409_1024) << u"guest"_s << QString() << false;
    }

    void ard()
    {
        QFETCH(int, group);
        QFETCH(QString, username);
        QFETCH(QString, password);
        QFETCH(bool, everySplit);

        const BignumPtr prime = groupPrime(group);
        const ArdServer server(prime.get(), 2);
        const QByteArray hello = server.hello();
        const auto runs = everySplit ? splits(hello) : QList<QList<QByteArray>>{{hello}};
        QByteArray previousPublic;
        for (const auto &chunks : runs) {
            ArdAuthHandler handler;
            const Exchange ex = play(handler, chunks, Credentials{username, password});
            QVERIFY2(ex.step == Step::Done, qPrintable(handler.error()));
            QCOMPARE(ex.credentialRequests, 1);
            QVERIFY(ex.leftover.isEmpty());
            QCOMPARE(ex.out.size(), 128 + server.keyLength());

            const QByteArray plain = server.open(ex.out);
            QCOMPARE(plain.size(), 128);
            // Each field runs up to its NUL.
            QCOMPARE(plain.left(plain.indexOf('\0')), username.toUtf8());
            QCOMPARE(plain.mid(64, plain.indexOf('\0', 64) - 64), password.toUtf8());

            // A fresh key pair every time.
            const QByteArray clientPublic = ex.out.mid(128);
            QVERIFY(clientPublic != previousPublic);
            previousPublic = clientPublic;
        }
    }

    void ardPadsSharedSecret()
    {
        // A shared secret with a leading zero byte turns up once in 256 runs; the client must hash
        // it at full key length like the server. A generated 512-bit group keeps this quick.
        BignumPtr prime(BN_new());
        QVERIFY(BN_generate_prime_ex(prime.get(), 512, 0, nullptr, nullptr, nullptr) == 1);
        const ArdServer server(prime.get(), 2);
        QCOMPARE(server.keyLength(), ArdAuthHandler::MinKeyLength);
        int padded = 0;
        for (int run = 0; run < 5000 && padded < 2; ++run) {
            ArdAuthHandler handler;
            handler.setCredentials({u"u"_s, u"p"_s});
            const Exchange ex = play(handler, {server.hello()}, std::nullopt);
            QVERIFY2(ex.step == Step::Done, qPrintable(handler.error()));
            QByteArray secret;
            const QByteArray plain = server.open(ex.out, &secret);
            QCOMPARE(plain.left(2), QByteArray("u\0", 2));
            QCOMPARE(plain.mid(64, 2), QByteArray("p\0", 2));
            if (secret.at(0) == '\0')
                ++padded;
        }
        QCOMPARE(padded, 2);
    }

    void ardRejects_data()
    {
        QTest::addColumn<QByteArray>("hello");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("error");

        const BignumPtr prime = groupPrime(Rfc2409_1024);
        const ArdServer server(prime.get(), 2);
        const QByteArray good = server.hello();
        const QByteArray p = bnBytes(prime.get(), 128);
        const QByteArray header = u16(2) + u16(128);
        BignumPtr pMinusOne(BN_dup(prime.get()));
        BN_sub_word(pMinusOne.get(), 1);

        const auto row = [&](const char *name, const QByteArray &hello, const QString &error,
                             const QString &username = u"admin"_s,
                             const QString &password = u"pw"_s, Step step = Step::Failed) {
            QTest::newRow(name) << hello << username << password << int(step) << error;
        };
        const QString badKey = u"public key is invalid"_s;
        row("key length 0", bytes({0, 2, 0, 0}), u"key length (0 bytes)"_s);
        row("key length 16", bytes({0, 2, 0, 16}) + QByteArray(32, '\x7f'), u"(16 bytes)"_s);
        row("key length 1025", bytes({0, 2, 4, 1}), u"key length (1025 bytes)"_s);
        row("key length 65535", bytes({0, 2, 0xff, 0xff}), u"65535"_s);
        row("generator 1", u16(1) + good.mid(2), u"generator"_s);
        row("even prime", header + bnBytes(pMinusOne.get(), 128) + good.right(128),
            u"parameters"_s);
        row("server key 0", header + p + QByteArray(128, '\0'), badKey);
        row("server key 1", header + p + bnBytes(BN_value_one(), 128), badKey);
        row("server key p-1", header + p + bnBytes(pMinusOne.get(), 128), badKey);
        row("server key p", header + p + p, badKey);
        row("server key above p", header + p + QByteArray(128, '\xff'), badKey);
        row("truncated", good.chopped(1), QString(), u"admin"_s, u"pw"_s, Step::NeedMore);
        row("username 64 bytes", good, u"username is too long"_s, QString(64, u'u'));
        row("password 64 bytes", good, u"password is too long"_s, u"admin"_s,
            QString(62, u'p') + u'\u00e4');
    }

    void ardRejects()
    {
        QFETCH(QByteArray, hello);
        QFETCH(QString, username);
        QFETCH(QString, password);
        QFETCH(int, step);
        QFETCH(QString, error);

        ArdAuthHandler handler;
        const Exchange ex = play(handler, {hello}, Credentials{username, password});
        QCOMPARE(int(ex.step), step);
        QVERIFY(ex.out.isEmpty());
        QVERIFY2(handler.error().contains(error), qPrintable(handler.error()));
        // Bad parameters fail before the user is asked for anything.
        if (!error.contains(u"too long"))
            QCOMPARE(ex.credentialRequests, 0);
    }

    void vencryptNegotiation_data()
    {
        QTest::addColumn<QByteArray>("server");
        QTest::addColumn<int>("step");
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<QString>("error");

        const auto row = [](const char *name, const QByteArray &server, Step step,
                            const QByteArray &out, const QString &error = {}) {
            QTest::newRow(name) << server << int(step) << out << error;
        };
        const QByteArray ours = bytes({0, 2});
        const QByteArray offer = bytes({0, 2, 0});
        row("0.2", bytes({0, 2}), Step::NeedMore, ours);
        row("0.3", bytes({0, 3}), Step::NeedMore, ours);
        row("1.0", bytes({1, 0}), Step::NeedMore, ours);
        row("0.1", bytes({0, 1}), Step::Failed, {}, u"VeNCrypt 0.1"_s);
        row("0.0", bytes({0, 0}), Step::Failed, {}, u"needs version 0.2"_s);
        row("version refused", bytes({0, 2, 1}), Step::Failed, ours,
            u"refused VeNCrypt version 0.2"_s);
        row("unsupported list", offer + bytes({4}) + u32(263) + u32(264) + u32(1) + u32(999),
            Step::Failed, ours, u"TLSSASL, X509SASL, None, 999"_s);
        row("empty list", offer + bytes({0}), Step::Failed, ours, u"no VeNCrypt sub-types"_s);
        row("TLS refused", offer + bytes({1}) + u32(VeNCrypt::TlsVnc) + bytes({0}), Step::Failed,
            ours + u32(VeNCrypt::TlsVnc), u"could not set up TLS for VeNCrypt TLSVnc"_s);
    }

    void vencryptNegotiation()
    {
        QFETCH(QByteArray, server);
        QFETCH(int, step);
        QFETCH(QByteArray, out);
        QFETCH(QString, error);
        for (const auto &chunks : splits(server)) {
            VeNCryptHandler handler;
            const Exchange ex = play(handler, chunks, std::nullopt);
            QCOMPARE(int(ex.step), step);
            QCOMPARE(ex.out, out);
            QVERIFY(ex.leftover.isEmpty());
            QVERIFY2(error.isEmpty() ? handler.error().isEmpty() : handler.error().contains(error),
                     qPrintable(handler.error()));
            // A failed handler stays failed.
            QByteArray more;
            ByteReader empty(nullptr, 0);
            if (ex.step == Step::Failed)
                QCOMPARE(handler.feed(empty, more), Step::Failed);
        }
    }

    void vencryptChoice_data()
    {
        QTest::addColumn<QList<quint32>>("offered");
        QTest::addColumn<quint32>("chosen");

        using namespace VeNCrypt;
        QTest::newRow("all, reversed")
            << QList<quint32>{X509Plain, X509Vnc, X509None, TlsPlain, TlsVnc, TlsNone, Plain}
            << X509Vnc;
        QTest::newRow("X509Plain over X509None")
            << QList<quint32>{X509None, X509Plain} << X509Plain;
        QTest::newRow("X509None over TLS")
            << QList<quint32>{TlsVnc, TlsPlain, TlsNone, X509None} << X509None;
        QTest::newRow("TLSVnc over TLSPlain") << QList<quint32>{TlsPlain, TlsVnc} << TlsVnc;
        QTest::newRow("TLSPlain over TLSNone") << QList<quint32>{TlsNone, TlsPlain} << TlsPlain;
        QTest::newRow("TLSNone over Plain") << QList<quint32>{Plain, TlsNone} << TlsNone;
        QTest::newRow("Plain last resort") << QList<quint32>{263, Plain, 2} << Plain;
        QTest::newRow("unknown ignored") << QList<quint32>{999, 264, TlsNone} << TlsNone;
    }

    void vencryptChoice()
    {
        QFETCH(QList<quint32>, offered);
        QFETCH(quint32, chosen);

        QByteArray server = bytes({0, 2, 0, int(offered.size())});
        for (const quint32 type : std::as_const(offered))
            server += u32(type);
        const bool tls = chosen != VeNCrypt::Plain;
        if (tls)
            server += bytes({1});
        const bool x509 = chosen >= VeNCrypt::X509None;
        const bool plain = chosen == VeNCrypt::Plain || chosen == VeNCrypt::TlsPlain
            || chosen == VeNCrypt::X509Plain;

        for (const auto &chunks : splits(server)) {
            VeNCryptHandler handler;
            const Exchange ex = play(handler, chunks, std::nullopt);
            QCOMPARE(handler.subType(), chosen);
            QCOMPARE(handler.tlsWithCertificate(), x509);
            QCOMPARE(handler.credentialKind(),
                     plain ? CredentialKind::UsernameAndPassword : CredentialKind::Password);
            QVERIFY(ex.leftover.isEmpty());
            if (tls) {
                QCOMPARE(ex.step, Step::StartTls);
                QCOMPARE(ex.out, bytes({0, 2}) + u32(chosen));
            } else {
                // Plain sends its choice together with the credentials.
                QCOMPARE(ex.step, Step::NeedCredentials);
                QCOMPARE(ex.out, bytes({0, 2}));
            }
        }
    }

    void vencryptPlain()
    {
        const QByteArray server = bytes({0, 2, 0, 1}) + u32(VeNCrypt::Plain);
        const QByteArray expected = bytes({0, 2}) + u32(VeNCrypt::Plain) + u32(5) + u32(11)
            + QByteArray("alice") + QByteArray("w\xc3\xb6nderland");
        for (const auto &chunks : splits(server + u32(0))) {
            VeNCryptHandler handler;
            const Exchange ex
                = play(handler, chunks, Credentials{u"alice"_s, u"w\u00f6nderland"_s});
            QCOMPARE(ex.step, Step::Done);
            QCOMPARE(ex.credentialRequests, 1);
            QCOMPARE(ex.out, expected);
            QCOMPARE(ex.leftover, u32(0));
        }
    }

    void tlsFullRun_data()
    {
        QTest::addColumn<quint32>("subType");
        QTest::addColumn<QByteArray>("serverCiphers"); // anonymous sub-types
        QTest::addColumn<QString>("trust"); // X509 sub-types: "ca" or "pin"
        QTest::addColumn<bool>("byteWise");

        const auto row = [](const char *name, quint32 subType, const char *ciphers,
                            const QString &trust, bool byteWise) {
            QTest::newRow(name) << subType << QByteArray(ciphers) << trust << byteWise;
        };
        using namespace VeNCrypt;
        row("TLSNone ADH", TlsNone, "ADH:@SECLEVEL=0", QString(), false);
        row("TLSVnc ADH", TlsVnc, "ADH:@SECLEVEL=0", QString(), false);
        row("TLSVnc AECDH byte-wise", TlsVnc, "AECDH:@SECLEVEL=0", QString(), true);
        row("TLSPlain", TlsPlain, "aNULL:!eNULL:@SECLEVEL=0", QString(), false);
        row("X509None pinned", X509None, "", u"pin"_s, false);
        row("X509None CA", X509None, "", u"ca"_s, false);
        row("X509Vnc CA byte-wise", X509Vnc, "", u"ca"_s, true);
        row("X509Plain pinned", X509Plain, "", u"pin"_s, false);
    }

    void tlsFullRun()
    {
        QFETCH(quint32, subType);
        QFETCH(QByteArray, serverCiphers);
        QFETCH(QString, trust);
        QFETCH(bool, byteWise);
        const bool vnc = subType == VeNCrypt::TlsVnc || subType == VeNCrypt::X509Vnc;
        const bool plain = subType == VeNCrypt::TlsPlain || subType == VeNCrypt::X509Plain;
        if (vnc && !haveLegacyDes())
            QSKIP("OpenSSL's legacy provider is not installed");

        const auto handler = SecurityHandler::create(Security::VeNCrypt);
        const QByteArray start = bytes({0, 2, 0, 1}) + u32(subType) + bytes({1});
        const Exchange negotiated = play(*handler, {start}, std::nullopt);
        QCOMPARE(negotiated.step, Step::StartTls);
        QCOMPARE(negotiated.out, bytes({0, 2}) + u32(subType));
        const bool x509 = handler->tlsWithCertificate();
        QCOMPARE(x509, !trust.isEmpty());

        TlsLayer client(x509, optionsFor(trust));
        QVERIFY2(client.error().isEmpty(), qPrintable(client.error()));
        TlsTestServer server(serverCiphers.constData(), x509 ? m_certificate.get() : nullptr,
                             m_key.get());
        QVERIFY2(handshake(client, server, byteWise), qPrintable(client.error()));

        const QString summary = client.peerSummary();
        const QStringList wanted = x509
            ? QStringList{u"CN=corral-test-vnc"_s, fingerprintText(),
                          trust == u"pin" ? u"pinned"_s : u"verified"_s}
            : QStringList{u"TLSv1.2, A"_s, u"anonymous"_s,
                          serverCiphers.startsWith("aNULL")
                              ? u"anonymous"_s
                              : u", "_s + QString::fromLatin1(serverCiphers).section(u':', 0, 0)};
        for (const QString &part : wanted)
            QVERIFY2(summary.contains(part, Qt::CaseInsensitive), qPrintable(summary));

        // The inner exchange and the SecurityResult, through the tunnel.
        QByteArray challenge(16, '\0');
        RAND_bytes(reinterpret_cast<uchar *>(challenge.data()), 16);
        const QByteArray inner = vnc ? challenge : QByteArray();
        const Credentials credentials{u"carol"_s, u"tunnel-pass"_s};
        const QByteArray expected = vnc ? referenceVncResponse(challenge, "tunnel-pass")
            : plain                     ? u32(5) + u32(11) + QByteArray("caroltunnel-pass")
                                        : QByteArray();
        if (!inner.isEmpty())
            server.send(inner);
        QVERIFY(deliver(client, server.take(), byteWise));
        const QByteArray decrypted = client.takePlaintext();
        QCOMPARE(decrypted, inner);
        const Exchange ex = play(*handler, {decrypted}, credentials);
        QCOMPARE(ex.step, Step::Done);
        QCOMPARE(handler->subType(), subType);
        QVERIFY(client.writePlaintext(ex.out));
        server.receive(client.takeCiphertext());
        QCOMPARE(server.read(), expected);

        server.send(u32(0));
        QVERIFY(deliver(client, server.take(), byteWise));
        QCOMPARE(client.takePlaintext(), u32(0));
        QVERIFY(client.error().isEmpty());
    }

    void x509Verification_data()
    {
        QTest::addColumn<QString>("trust");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("error");

        const auto row = [](const char *name, const QString &trust, const QString &host,
                            bool accepted, const QString &error = {}) {
            QTest::newRow(name) << trust << host << accepted << error;
        };
        row("no CA", QString(), QString(), false, u"CA certificate"_s);
        row("CA file", u"ca"_s, QString(), true);
        row("pin raw", u"pin"_s, QString(), true);
        row("pin hex", u"pin hex"_s, QString(), true);
        row("wrong pin", u"wrong pin"_s, QString(), false, u"self-signed"_s);
        row("CA, host name", u"ca"_s, u"vnc.corral.test"_s, true);
        row("CA, IP address", u"ca"_s, u"127.0.0.1"_s, true);
        row("CA, wrong host", u"ca"_s, u"other.example"_s, false,
            u"not issued for other.example"_s);
        row("CA, wrong IP", u"ca"_s, u"127.0.0.2"_s, false, u"not issued for 127.0.0.2"_s);
        row("pin, wrong host", u"pin"_s, u"other.example"_s, true);
        row("missing CA file", u"missing"_s, QString(), false, u"does-not-exist.pem"_s);
    }

    void x509Verification()
    {
        QFETCH(QString, trust);
        QFETCH(QString, host);
        QFETCH(bool, accepted);
        QFETCH(QString, error);

        TlsOptions options = optionsFor(trust);
        if (trust == u"pin hex")
            options.pinnedSha256 = m_fingerprint.toHex(':');
        else if (trust == u"wrong pin")
            options.pinnedSha256 = QByteArray(32, '\x42');
        else if (trust == u"missing")
            options.caFile = m_dir.filePath(u"does-not-exist.pem"_s);
        options.expectedHost = host;

        TlsLayer client(true, options);
        if (trust == u"missing") {
            QVERIFY2(client.error().contains(error), qPrintable(client.error()));
            QVERIFY(!client.feedCiphertext("x", 1));
            QVERIFY(!client.handshakeDone());
            return;
        }
        TlsTestServer server(nullptr, m_certificate.get(), m_key.get());
        const bool done = handshake(client, server, false);
        QCOMPARE(done, accepted);
        QCOMPARE(client.handshakeDone(), accepted);
        if (accepted) {
            QVERIFY2(client.error().isEmpty(), qPrintable(client.error()));
            QVERIFY(client.peerSummary().contains(u"TLSv1.")); // 1.2 or 1.3
            return;
        }
        const QString message = client.error();
        QVERIFY2(message.contains(error), qPrintable(message));
        QVERIFY2(message.contains(fingerprintText()), qPrintable(message));
        QVERIFY2(message.contains(u"CN=corral-test-vnc"), qPrintable(message));
        QVERIFY(client.peerSummary().isEmpty());
        QVERIFY(!server.done());
    }

private:
    QString fingerprintText() const
    {
        return QString::fromLatin1(m_fingerprint.toHex(':').toUpper());
    }
    bool haveLegacyDes() const { return !referenceVncResponse(QByteArray(16, 'x'), "p").isEmpty(); }
    TlsOptions optionsFor(const QString &trust) const
    {
        TlsOptions options;
        if (trust == u"ca")
            options.caFile = m_caFile;
        else if (trust == u"pin")
            options.pinnedSha256 = m_fingerprint;
        return options;
    }

    QTemporaryDir m_dir;
    PkeyPtr m_key;
    X509Ptr m_certificate;
    QString m_caFile;
    QByteArray m_fingerprint;
};

QTEST_GUILESS_MAIN(tst_RfbSecurity)

#include "tst_rfbsecurity.moc"
