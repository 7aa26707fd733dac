#pragma once

#include "vmconfig.h"

#include "util/result.h"

#include <QJsonObject>

namespace Corral::VmConfigJson {

// A config as JSON, keys in camelCase as in VmConfig ("vcpus", "memoryMiB", "profile":
// "macos", ...); the catalog's storage format and `corralctl --json config list`.
QJsonObject toJson(const VmConfig &config);
// Reads what toJson wrote; missing keys keep VmConfig's defaults, unknown keys are ignored,
// a wrong type or unknown enum word is an InvalidArgument error naming the key.
Result<VmConfig> fromJson(const QJsonObject &json);

} // namespace Corral::VmConfigJson
