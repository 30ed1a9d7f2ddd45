// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace md::cli {

/// Rows of text cells printed as an aligned table or as CSV (RFC 4180).
struct OutputTable {
    QStringList headers;
    QList<QStringList> rows;

    /// Columns padded to the widest cell (display width, so CJK and emoji line up), cells longer
    /// than `maxCell` characters cut with "…", control characters shown as spaces.
    QString toText(int maxCell = 48) const;
    QString toCsv() const;
};

} // namespace md::cli
