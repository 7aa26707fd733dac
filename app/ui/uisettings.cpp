#include "uisettings.h"

#include "store/settingsrepository.h"
#include "store/storeservice.h"
#include "util/logging.h"

#include <QHash>

namespace Corral {

namespace {

using Values = QHash<QString, QByteArray>;

const QString geometryKey = QStringLiteral("ui/mainwindow/geometry");
const QString stateKey = QStringLiteral("ui/mainwindow/state");
const QString splitterKey = QStringLiteral("ui/mainwindow/splitter");
const QString vmHeaderKey = QStringLiteral("ui/vms/header");
const QString hostHeaderKey = QStringLiteral("ui/hosts/header");
const QString taskHeaderKey = QStringLiteral("ui/tasks/header");
const QString imageHeaderKey = QStringLiteral("ui/images/header");
const QString transferHeaderKey = QStringLiteral("ui/transfers/header");
const QString namespaceHeaderKey = QStringLiteral("ui/namespaces/header");
const QString configHeaderKey = QStringLiteral("ui/configs/header");
const QString pageKey = QStringLiteral("ui/sidebar/page");

UiSettings fromValues(const Values &values)
{
    UiSettings s;
    s.geometry = values.value(geometryKey);
    s.windowState = values.value(stateKey);
    s.splitter = values.value(splitterKey);
    s.vmHeader = values.value(vmHeaderKey);
    s.hostHeader = values.value(hostHeaderKey);
    s.taskHeader = values.value(taskHeaderKey);
    s.imageHeader = values.value(imageHeaderKey);
    s.transferHeader = values.value(transferHeaderKey);
    s.namespaceHeader = values.value(namespaceHeaderKey);
    s.configHeader = values.value(configHeaderKey);
    s.page = QString::fromUtf8(values.value(pageKey));
    return s;
}

Values toValues(const UiSettings &s)
{
    return {
        {geometryKey, s.geometry},
        {stateKey, s.windowState},
        {splitterKey, s.splitter},
        {vmHeaderKey, s.vmHeader},
        {hostHeaderKey, s.hostHeader},
        {taskHeaderKey, s.taskHeader},
        {imageHeaderKey, s.imageHeader},
        {transferHeaderKey, s.transferHeader},
        {namespaceHeaderKey, s.namespaceHeader},
        {configHeaderKey, s.configHeader},
        {pageKey, s.page.toUtf8()},
    };
}

} // namespace

QStringList UiSettings::keys()
{
    return {geometryKey,        stateKey,        splitterKey,    vmHeaderKey,
            hostHeaderKey,      taskHeaderKey,   imageHeaderKey, transferHeaderKey,
            namespaceHeaderKey, configHeaderKey, pageKey};
}

void UiSettings::load(StoreService *store, QObject *context,
                      std::function<void(const UiSettings &)> done)
{
    if (!store) {
        done(UiSettings{});
        return;
    }
    store->post(
        [](Database &db) -> Result<Values> {
            SettingsRepository repo(db);
            Values values;
            const QStringList all = keys();
            for (const QString &key : all) {
                auto value = repo.value(key);
                if (!value)
                    return std::unexpected(value.error());
                if (!value->isEmpty())
                    values.insert(key, *value);
            }
            return values;
        },
        context,
        [done = std::move(done)](Result<Values> values) {
            if (!values) {
                qCWarning(lcUi).noquote()
                    << "cannot read the window settings:" << values.error().fullText();
                done(UiSettings{});
                return;
            }
            done(fromValues(*values));
        });
}

void UiSettings::save(StoreService *store) const
{
    if (!store)
        return;
    store->post([values = toValues(*this)](Database &db) -> Result<void> {
        return db.transaction([&db, &values]() -> Result<void> {
            SettingsRepository repo(db);
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                if (auto ok = repo.setValue(it.key(), it.value()); !ok)
                    return ok;
            }
            return {};
        });
    });
}

} // namespace Corral
