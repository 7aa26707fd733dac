#pragma once

#include <QLoggingCategory>

namespace Corral {
Q_DECLARE_LOGGING_CATEGORY(lcVirt)
Q_DECLARE_LOGGING_CATEGORY(lcSsh)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcFleet)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
} // namespace Corral
