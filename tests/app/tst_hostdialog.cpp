#include "credentialdialog.h"
#include "hostdialog.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace Corral;
using namespace Qt::StringLiterals;

class TestHostDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void composeUri_data();
    void composeUri();
    void invalidNameDisablesOk();
    void fieldsComposeTheUri();
    void rawUriFillsTheFields();
    void invalidUriIsExplained();
    void editKeepsIdAndTags();
    void deploySettings();
    void hostKeyPrompt();
    void passwordPrompt();
    void closingCancels();

private:
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CORRAL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(dir + u'/' + name + u".png"_s));
    }
    static QPushButton *okButton(QDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
};

void TestHostDialog::composeUri_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("session");
    QTest::addColumn<QString>("expected");
    QTest::newRow("full") << u"libssh"_s << u"admin"_s << u"mac1.example.com"_s << 2222 << false
                          << u"qemu+libssh://admin@mac1.example.com:2222/system"_s;
    QTest::newRow("no user, default port")
        << u"ssh"_s << QString() << u"mac1"_s << 0 << true << u"qemu+ssh://mac1/session"_s;
    QTest::newRow("empty user") << u"ssh"_s << u" "_s << u"mac1"_s << 0 << false
                                << u"qemu+ssh://mac1/system"_s;
    QTest::newRow("ipv6") << u"libssh"_s << u"root"_s << u"::1"_s << 22 << false
                          << u"qemu+libssh://root@[::1]:22/system"_s;
    QTest::newRow("no host") << u"libssh"_s << u"root"_s << QString() << 0 << false << QString();
}

void TestHostDialog::composeUri()
{
    QFETCH(QString, transport);
    QFETCH(QString, user);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, session);
    QFETCH(QString, expected);
    QCOMPARE(HostDialog::composeUri(transport, user, host, port, session), expected);
}

void TestHostDialog::invalidNameDisablesOk()
{
    HostDialog dialog(nullptr);
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>(u"nameEdit"_s);
    auto *host = dialog.findChild<QLineEdit *>(u"hostEdit"_s);
    auto *nameError = dialog.findChild<QLabel *>(u"nameError"_s);
    QVERIFY(name && host && nameError);
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(nameError->isHidden()); // nothing typed yet: no scolding

    QTest::keyClicks(host, u"mac1.example.com"_s);
    QTest::keyClicks(name, u"mac 1"_s);
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(nameError->isVisible());
    QCOMPARE(nameError->text(), validateHostName(u"mac 1"_s));
    saveScreenshot(&dialog, u"hostdialog-invalid"_s);

    name->clear();
    QTest::keyClicks(name, u"mac-1"_s);
    QVERIFY(nameError->isHidden());
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(dialog.config().name, u"mac-1");
    saveScreenshot(&dialog, u"hostdialog"_s);

    // Without a fleet, OK simply accepts.
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(accepted.size(), 1);
}

void TestHostDialog::fieldsComposeTheUri()
{
    HostDialog dialog(nullptr);
    auto *user = dialog.findChild<QLineEdit *>(u"userEdit"_s);
    auto *host = dialog.findChild<QLineEdit *>(u"hostEdit"_s);
    auto *port = dialog.findChild<QSpinBox *>(u"portSpin"_s);
    auto *transport = dialog.findChild<QComboBox *>(u"transportCombo"_s);
    auto *mode = dialog.findChild<QComboBox *>(u"modeCombo"_s);
    auto *uri = dialog.findChild<QLineEdit *>(u"uriEdit"_s);
    QVERIFY(user && host && port && transport && mode && uri);

    QTest::keyClicks(user, u"admin"_s);
    QTest::keyClicks(host, u"mac1.example.com"_s);
    QCOMPARE(uri->text(), u"qemu+libssh://admin@mac1.example.com/system");
    port->setValue(2222);
    QCOMPARE(uri->text(), u"qemu+libssh://admin@mac1.example.com:2222/system");
    transport->setCurrentIndex(transport->findData(u"ssh"_s));
    mode->setCurrentIndex(mode->findData(u"session"_s));
    QCOMPARE(uri->text(), u"qemu+ssh://admin@mac1.example.com:2222/session");
    QCOMPARE(dialog.config().uri, uri->text());
}

void TestHostDialog::rawUriFillsTheFields()
{
    HostDialog dialog(nullptr);
    auto *uri = dialog.findChild<QLineEdit *>(u"uriEdit"_s);
    QTest::keyClicks(uri, u"qemu+ssh://ops@10.0.0.5:2200/session?keyfile=/k"_s);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"userEdit"_s)->text(), u"ops");
    QCOMPARE(dialog.findChild<QLineEdit *>(u"hostEdit"_s)->text(), u"10.0.0.5");
    QCOMPARE(dialog.findChild<QSpinBox *>(u"portSpin"_s)->value(), 2200);
    QCOMPARE(dialog.findChild<QComboBox *>(u"transportCombo"_s)->currentData().toString(), u"ssh");
    QCOMPARE(dialog.findChild<QComboBox *>(u"modeCombo"_s)->currentData().toString(), u"session");
    // Editing a field afterwards keeps the URI's parameters.
    auto *user = dialog.findChild<QLineEdit *>(u"userEdit"_s);
    user->setText(u"admin"_s);
    QCOMPARE(uri->text(), u"qemu+ssh://admin@10.0.0.5:2200/session?keyfile=/k");

    // Other drivers keep their driver and path (the lab's test driver takes a file).
    uri->clear();
    QTest::keyClicks(uri, u"test+libssh://lab@127.0.1.1:2222/tmp/synth1.xml?proxy=netcat"_s);
    QVERIFY(!dialog.findChild<QComboBox *>(u"modeCombo"_s)->isEnabled());
    dialog.findChild<QSpinBox *>(u"portSpin"_s)->setValue(2223);
    QCOMPARE(uri->text(), u"test+libssh://lab@127.0.1.1:2223/tmp/synth1.xml?proxy=netcat");
}

void TestHostDialog::invalidUriIsExplained()
{
    HostDialog dialog(nullptr);
    dialog.show();
    dialog.findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"mac1"_s);
    auto *uri = dialog.findChild<QLineEdit *>(u"uriEdit"_s);
    auto *uriError = dialog.findChild<QLabel *>(u"uriError"_s);
    QTest::keyClicks(uri, u"qemu+libssh://admin@mac1/nope"_s);
    QVERIFY(uriError->isVisible());
    QVERIFY(!uriError->text().isEmpty());
    QVERIFY(!okButton(dialog)->isEnabled());
    uri->clear();
    QTest::keyClicks(uri, u"qemu+libssh://admin@mac1/system"_s);
    QVERIFY(uriError->isHidden());
    QVERIFY(okButton(dialog)->isEnabled());
}

void TestHostDialog::editKeepsIdAndTags()
{
    HostConfig existing;
    existing.id = 7;
    existing.name = u"mac7"_s;
    existing.uri = u"qemu+libssh://admin@mac7:22/system"_s;
    existing.tags = {u"m2"_s, u"rack-3"_s};
    HostDialog dialog(nullptr, existing);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"hostEdit"_s)->text(), u"mac7");
    QCOMPARE(dialog.findChild<QLineEdit *>(u"tagsEdit"_s)->text(), u"m2, rack-3");
    QVERIFY(okButton(dialog)->isEnabled());
    dialog.findChild<QLineEdit *>(u"tagsEdit"_s)->setText(u" m2 , gpu,,m2 "_s);
    const HostConfig config = dialog.config();
    QCOMPARE(config.id, 7);
    QCOMPARE(config.tags, (QStringList{u"m2"_s, u"gpu"_s}));
    QCOMPARE(config.uri, existing.uri);
}

void TestHostDialog::deploySettings()
{
    HostConfig existing;
    existing.id = 8;
    existing.name = u"mac8"_s;
    existing.uri = u"qemu+libssh://admin@mac8/system"_s;
    existing.maintenance = true;
    existing.portAddress = u"10.0.0.8"_s;
    existing.smcOsk = QString(64, u'k');
    HostDialog dialog(nullptr, existing);
    dialog.show();
    auto *address = dialog.findChild<QLineEdit *>(u"portAddressEdit"_s);
    auto *addressError = dialog.findChild<QLabel *>(u"portAddressError"_s);
    auto *smc = dialog.findChild<QLineEdit *>(u"smcEdit"_s);
    auto *smcError = dialog.findChild<QLabel *>(u"smcError"_s);
    QVERIFY(address && addressError && smc && smcError);
    QCOMPARE(address->text(), u"10.0.0.8");
    QCOMPARE(smc->text(), existing.smcOsk);
    // The key is hidden until asked for.
    QCOMPARE(smc->echoMode(), QLineEdit::Password);
    auto *show = smc->findChild<QAction *>(u"showSmcKey"_s);
    QVERIFY(show);
    show->trigger();
    QCOMPARE(smc->echoMode(), QLineEdit::Normal);
    show->trigger();
    QCOMPARE(smc->echoMode(), QLineEdit::Password);
    QVERIFY(okButton(dialog)->isEnabled());
    saveScreenshot(&dialog, u"hostdialog-deploy"_s);

    // Not an address; a key too short; a key with a character outside printable ASCII.
    address->setText(u"mac8.local"_s);
    QVERIFY(addressError->isVisible());
    QVERIFY(!okButton(dialog)->isEnabled());
    address->setText(u"::1"_s);
    QVERIFY(addressError->isHidden());
    QVERIFY(okButton(dialog)->isEnabled());
    smc->setText(u"short"_s);
    QVERIFY(smcError->isVisible());
    QVERIFY(smcError->text().contains(u"64"));
    QVERIFY(!okButton(dialog)->isEnabled());
    smc->setText(QString(63, u'k') + u'\u00e4');
    QVERIFY(smcError->isVisible());
    QVERIFY(!okButton(dialog)->isEnabled());
    smc->clear();
    QVERIFY(smcError->isHidden());
    QVERIFY(okButton(dialog)->isEnabled());

    // The dialog builds the whole HostConfig; maintenance is not its business and stays.
    address->clear();
    smc->setText(QString(32, u'a') + QString(32, u'Z'));
    const HostConfig config = dialog.config();
    QCOMPARE(config.id, 8);
    QVERIFY(config.maintenance);
    QVERIFY(config.portAddress.isEmpty());
    QCOMPARE(config.effectivePortAddress(), u"127.0.0.1");
    QCOMPARE(config.smcOsk, QString(32, u'a') + QString(32, u'Z'));

    QCOMPARE(HostDialog::portAddressError(QString()), QString());
    QVERIFY(!HostDialog::portAddressError(u"300.1.1.1"_s).isEmpty());
    QCOMPARE(HostDialog::smcKeyError(QString(64, u' ')), QString());
    QVERIFY(!HostDialog::smcKeyError(QString(64, u'\t')).isEmpty());
}

void TestHostDialog::hostKeyPrompt()
{
    CredentialRequest request;
    request.id = 11;
    request.hostName = u"mac1"_s;
    request.kind = CredentialRequest::Kind::HostKey;
    request.fingerprint = u"SHA256:abcdef"_s;
    CredentialDialog dialog(request);
    dialog.show();
    QVERIFY(dialog.findChild<QLabel *>(u"fingerprint"_s)->text().contains(u"SHA256:abcdef"));
    saveScreenshot(&dialog, u"hostkey"_s);
    QSignalSpy answered(&dialog, &CredentialDialog::answered);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"acceptButton"_s), Qt::LeftButton);
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.at(0).at(0).toULongLong(), 11u);
    QCOMPARE(answered.at(0).at(1).value<std::optional<QString>>(), std::optional(u"yes"_s));

    CredentialDialog rejecting(request);
    rejecting.show();
    QSignalSpy rejected(&rejecting, &CredentialDialog::answered);
    QTest::mouseClick(rejecting.findChild<QPushButton *>(u"rejectButton"_s), Qt::LeftButton);
    QCOMPARE(rejected.size(), 1);
    QVERIFY(!rejected.at(0).at(1).value<std::optional<QString>>().has_value());
}

void TestHostDialog::passwordPrompt()
{
    CredentialRequest request;
    request.id = 12;
    request.hostName = u"mac1"_s;
    request.kind = CredentialRequest::Kind::Password;
    request.prompt = u"Password for admin@mac1:"_s;
    request.echo = false;
    CredentialDialog dialog(request);
    dialog.show();
    auto *edit = dialog.findChild<QLineEdit *>(u"answerEdit"_s);
    QVERIFY(edit);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    saveScreenshot(&dialog, u"password"_s);
    QTest::keyClicks(edit, u"s3cret"_s);
    QSignalSpy answered(&dialog, &CredentialDialog::answered);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.at(0).at(1).value<std::optional<QString>>(), std::optional(u"s3cret"_s));
    // The secret does not linger in the widget.
    QVERIFY(edit->text().isEmpty());
}

void TestHostDialog::closingCancels()
{
    CredentialRequest request;
    request.id = 13;
    request.kind = CredentialRequest::Kind::Username;
    CredentialDialog dialog(request);
    dialog.show();
    QSignalSpy answered(&dialog, &CredentialDialog::answered);
    dialog.close();
    dialog.reject(); // a second close must not answer twice
    QCOMPARE(answered.size(), 1);
    QVERIFY(!answered.at(0).at(1).value<std::optional<QString>>().has_value());
}

QTEST_MAIN(TestHostDialog)
#include "tst_hostdialog.moc"
