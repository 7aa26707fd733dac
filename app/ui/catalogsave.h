#pragma once

#include "fleet/workloadcatalog.h"
#include "util/result.h"

#include <QDialog>
#include <QLabel>
#include <QPointer>

#include <functional>
#include <utility>

namespace Corral {

// The end of a catalog edit dialog's accept() (namespaces, VM configs): without a catalog,
// `finish(value)` at once; otherwise `save` (create or update) sends it to the catalog while
// `setBusy(true)` holds the dialog, and the outcome either reaches `finish` with what the catalog
// stored or shows its message in `errorLabel`, the dialog staying open. `finish` hands the value
// on (a saved signal) and closes the dialog. Nothing runs once the dialog is gone.
template<typename T>
void saveThroughCatalog(QDialog *dialog, WorkloadCatalog *catalog,
                        void (WorkloadCatalog::*save)(const T &, QObject *,
                                                      std::function<void(Result<T>)>),
                        const T &value, QLabel *errorLabel, std::function<void(bool)> setBusy,
                        std::function<void(const T &)> finish)
{
    if (!catalog) {
        finish(value);
        return;
    }
    setBusy(true);
    (catalog->*save)(value, dialog,
                     [self = QPointer<QDialog>(dialog), errorLabel, setBusy = std::move(setBusy),
                      finish = std::move(finish)](Result<T> result) {
                         if (!self)
                             return;
                         setBusy(false);
                         if (!result) {
                             errorLabel->setText(result.error().message);
                             errorLabel->show();
                             return;
                         }
                         finish(*result);
                     });
}

} // namespace Corral
