// SPDX-License-Identifier: GPL-3.0-or-later
#include "Resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE declares a function and so must be used outside any namespace.
static void initModelDeskResources()
{
    Q_INIT_RESOURCE(modeldesk);
}

namespace md {

void ensureResources()
{
    static const bool done = [] {
        initModelDeskResources();
        return true;
    }();
    Q_UNUSED(done)
}

} // namespace md
