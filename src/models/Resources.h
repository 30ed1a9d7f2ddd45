// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace md {

/// Registers the embedded icons (resources/modeldesk.qrc, ":/icons/…"). The resources live in the
/// static md_models library, whose initialiser a linker may drop, so every user of an icon calls
/// this first. Cheap after the first call; call from any thread.
void ensureResources();

} // namespace md
