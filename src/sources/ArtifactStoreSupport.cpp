// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/ArtifactStoreSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md::artifacts {

namespace {
constexpr qint64 kHashBlock = 1024 * 1024;
} // namespace

Error cancelled(const QString &where)
{
    return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), where);
}

bool isSafeRelativePath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u'/') || path.contains(u'\\'))
        return false;
    const QStringList parts = path.split(u'/');
    return std::none_of(parts.cbegin(), parts.cend(), [](const QString &p) { return p == ".."_L1; });
}

Error unsafePath(const QString &path)
{
    return makeError(ErrorCategory::BadInput, Tr::tr("not a path inside the artifacts"), path);
}

QString mlflowArtifactsPath(const QString &uri)
{
    QString rest = uri.mid(kMlflowArtifactsScheme.size());
    if (rest.startsWith("//"_L1)) {
        const qsizetype slash = rest.indexOf(u'/', 2);
        rest = slash < 0 ? QString() : rest.mid(slash);
    }
    while (rest.startsWith(u'/'))
        rest.remove(0, 1);
    while (rest.endsWith(u'/'))
        rest.chop(1);
    return QUrl::fromPercentEncoding(rest.toUtf8());
}

bool hasForeignScheme(const QString &uri)
{
    static const QRegularExpression scheme(u"^([A-Za-z][A-Za-z0-9+.-]+):"_s);
    return scheme.match(uri).hasMatch();
}

QString sha256Of(const QString &path, const std::atomic_bool &cancel, QString *note, bool *wasCancelled)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *note = Tr::tr("not computed: cannot read the file (%1)").arg(f.errorString());
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (!f.atEnd()) {
        if (cancel.load()) {
            *wasCancelled = true;
            return {};
        }
        const QByteArray block = f.read(kHashBlock);
        if (block.isEmpty() && f.error() != QFileDevice::NoError) {
            *note = Tr::tr("not computed: reading failed (%1)").arg(f.errorString());
            return {};
        }
        hash.addData(block);
    }
    return QString::fromLatin1(hash.result().toHex());
}

Result<QByteArray> readLocalText(const QString &file, qint64 maxBytes)
{
    QFile f(file);
    if (!f.exists())
        return makeError(ErrorCategory::NotFound, Tr::tr("no such file"), file);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCategory::NotFound, Tr::tr("cannot read the file: %1").arg(f.errorString()), file);
    return f.read(std::max<qint64>(0, maxBytes));
}

} // namespace md::artifacts
