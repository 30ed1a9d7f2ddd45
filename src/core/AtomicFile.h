// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QString>

namespace md {

/// Replaces `path` with `bytes` so that a crash or kill at any moment leaves either the old or the
/// new complete file, never a mix: write to a temporary file in the same folder, fsync it, rename
/// it over `path` (atomic on POSIX file systems), fsync the folder so the rename is durable.
/// The file's permissions are kept when it existed. Errors (disk full, read-only folder) name
/// `path`; the temporary file is removed and `path` stays as it was.
Status writeFileAtomically(const QString &path, const QByteArray &bytes);

/// Copies `from` over `to` the same way (streamed, so large model files need little memory).
/// NotFound naming `from` when it is missing.
Status copyFileAtomically(const QString &from, const QString &to);

/// Removes `path` and fsyncs its folder; no error when it did not exist.
Status removeFileDurably(const QString &path);

} // namespace md
