#pragma once

#include <QCoreApplication>

namespace Corral {

// Translation context for core code that is not a QObject.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Corral)
};

} // namespace Corral
