// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace md::cli {

/// Runs `modeldesk-cli` with the given arguments (argv[0] first) and returns the exit code:
/// 0 success, 1 runtime failure (unreachable, unreadable, storage), 2 usage or bad input.
int run(const QStringList &arguments);

} // namespace md::cli
