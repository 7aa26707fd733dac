#include "logging.h"

namespace Corral {
Q_LOGGING_CATEGORY(lcVirt, "corral.virt", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSsh, "corral.ssh", QtInfoMsg)
Q_LOGGING_CATEGORY(lcVnc, "corral.vnc", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "corral.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFleet, "corral.fleet", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "corral.ui", QtInfoMsg)
} // namespace Corral
