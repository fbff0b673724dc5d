#pragma once

#include "hardware/HostProfile.h"

#include <QJsonObject>

namespace vs {

// The `detect --json` document (keys documented in README.md, "detect").
// Keys are only ever added, never renamed.
QJsonObject hostProfileToJson(const HostProfile &profile);

} // namespace vs
