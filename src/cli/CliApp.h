// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace md::cli {

/// Runs `modeldesk-cli` with the given arguments (argv[0] first) and returns the exit code:
/// 0 success, 1 runtime failure (unreachable, unreadable, storage, the source changed under us),
/// 2 usage or bad input, 3 refused by a policy rule.
///
/// Results (tables, CSV, JSON) go to `out`; progress, warnings, errors and the usage after a usage
/// error go to `err`. Both are flushed before it returns. Progress rewrites one line only when
/// `err` writes to a terminal (a QTextStream on stderr that is one). Call it on the thread of the
/// QCoreApplication, whose names decide the default paths (cache, policies): main() sets them to
/// "modeldesk". Commands that can be interrupted (sync, history, compare, generate) make
/// SIGINT (sync and generate also SIGTERM) cancel them until they return, then put the process's
/// handlers back; a rollback without --yes asks on the process's stdin when that is a terminal.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

/// Every command run() knows ("sync", "runs", …), grouped as their files are.
QStringList commandNames();

/// Removes "--lang CODE" / "--lang=CODE" (before a "--") from `arguments` and returns CODE, empty
/// when there is none. The GUI takes the same option; main() installs the translation before run().
QString takeLanguageOption(QStringList &arguments);

} // namespace md::cli
