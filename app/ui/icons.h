#pragma once

#include "fleet/hostinfo.h"
#include "fleet/vminfo.h"

#include <QIcon>
#include <QString>

namespace Corral::Icons {

// A monochrome icon from resources/icons/NAME.svg, drawn in the palette's text colour at paint
// time, so it follows light and dark palettes (and greys out when disabled).
QIcon symbolic(const QString &name);
// A full-colour icon from resources/icons/NAME.svg (state dots, the application icon). Each
// call creates a new icon: models keep the ones they paint per row as members.
QIcon colored(const QString &name);

QIcon application();
QIcon vmState(VmState state);
QIcon hostState(const HostInfo &host);

} // namespace Corral::Icons
