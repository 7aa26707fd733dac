#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace Corral {

class StoreService;

// The window layout Corral remembers between runs: geometry, dock and splitter state, the
// column layout of each list and the last sidebar page. Stored as "ui/..." keys of the
// catalog's settings table, always through the StoreService thread.
struct UiSettings
{
    QByteArray geometry; // ui/mainwindow/geometry
    QByteArray windowState; // ui/mainwindow/state (docks, toolbars)
    QByteArray splitter; // ui/mainwindow/splitter
    QByteArray vmHeader; // ui/vms/header
    QByteArray hostHeader; // ui/hosts/header
    QByteArray taskHeader; // ui/tasks/header
    QByteArray imageHeader; // ui/images/header
    QByteArray transferHeader; // ui/transfers/header
    QByteArray namespaceHeader; // ui/namespaces/header
    QByteArray configHeader; // ui/configs/header
    QString page; // ui/sidebar/page: "namespaces", "vms", "images", "hosts", "configs"

    static QStringList keys();

    // Reads the settings on the store thread; `done` runs on `context`'s thread with them
    // (defaults when the catalog cannot be read — the window must still open).
    static void load(StoreService *store, QObject *context,
                     std::function<void(const UiSettings &)> done);
    // Posts a write of every key; the StoreService finishes it even while shutting down.
    void save(StoreService *store) const;

    friend bool operator==(const UiSettings &, const UiSettings &) = default;
};

} // namespace Corral
