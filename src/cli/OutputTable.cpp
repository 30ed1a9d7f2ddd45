// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutputTable.h"

#include <algorithm>

namespace md::cli {

namespace {

/// Terminal columns a code point takes: 2 for East Asian wide characters and emoji.
int charWidth(char32_t c)
{
    if (c < 0x1100)
        return 1;
    const bool wide = (c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
        || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
        || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd);
    return wide ? 2 : 1;
}

int displayWidth(const QString &s)
{
    int w = 0;
    for (char32_t c : s.toUcs4())
        w += charWidth(c);
    return w;
}

QString clean(const QString &cell, int maxCell)
{
    QString s;
    s.reserve(cell.size());
    for (QChar c : cell)
        s += (c.category() == QChar::Other_Control) ? QLatin1Char(' ') : c;
    const QList<uint> ucs = s.toUcs4();
    if (ucs.size() > maxCell)
        s = QString::fromUcs4(reinterpret_cast<const char32_t *>(ucs.constData()), maxCell - 1) + QChar(0x2026);
    return s;
}

} // namespace

QString OutputTable::toText(int maxCell) const
{
    QList<int> widths;
    QList<QStringList> cells;
    cells.append(QStringList());
    for (const auto &h : headers) {
        cells[0].append(h);
        widths.append(displayWidth(h));
    }
    for (const auto &row : rows) {
        QStringList out;
        for (qsizetype i = 0; i < row.size(); ++i) {
            const QString c = clean(row[i], maxCell);
            if (i >= widths.size())
                widths.append(0);
            widths[i] = std::max(widths[i], displayWidth(c));
            out.append(c);
        }
        cells.append(out);
    }
    QString text;
    for (qsizetype r = 0; r < cells.size(); ++r) {
        QString line;
        for (qsizetype i = 0; i < cells[r].size(); ++i) {
            if (i)
                line += QStringLiteral("  ");
            line += cells[r][i];
            if (i + 1 < cells[r].size())
                line += QString(widths[i] - displayWidth(cells[r][i]), QLatin1Char(' '));
        }
        text += line + QLatin1Char('\n');
        if (r == 0) {
            QString rule;
            for (qsizetype i = 0; i < widths.size(); ++i)
                rule += (i ? QStringLiteral("  ") : QString()) + QString(widths[i], QLatin1Char('-'));
            text += rule + QLatin1Char('\n');
        }
    }
    return text;
}

QString OutputTable::toCsv() const
{
    auto field = [](const QString &s) -> QString {
        if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n'))
            || s.contains(QLatin1Char('\r'))) {
            QString q = s;
            q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            return QLatin1Char('"') + q + QLatin1Char('"');
        }
        return s;
    };
    QString out;
    auto line = [&](const QStringList &cells) {
        QStringList f;
        for (const auto &c : cells)
            f.append(field(c));
        out += f.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    line(headers);
    for (const auto &r : rows)
        line(r);
    return out;
}

} // namespace md::cli
