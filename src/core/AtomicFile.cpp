// SPDX-License-Identifier: GPL-3.0-or-later
#include "AtomicFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace md {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)
};

QString errnoText(int e) { return QString::fromLocal8Bit(std::strerror(e)); }

Error ioError(int e, const QString &what, const QString &path)
{
    const ErrorCategory c = e == ENOENT ? ErrorCategory::NotFound : ErrorCategory::Storage;
    return makeError(c, Tr::tr("%1: %2").arg(what, errnoText(e)), path);
}

Status syncFolderOf(const QString &path)
{
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return ioError(errno, Tr::tr("cannot open the folder to sync it"), path);
    const int rc = ::fsync(fd);
    const int e = errno;
    ::close(fd);
    if (rc != 0 && e != EINVAL)  // some file systems cannot sync folders; the rename still happened
        return ioError(e, Tr::tr("cannot sync the folder"), path);
    return {};
}

bool writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

/// Writes what `fill` produces into a temporary file beside `path`, then renames it over `path`.
template<typename Fill>
Status replaceWith(const QString &path, Fill fill)
{
    const QFileInfo target(path);
    QByteArray tmpl = QFile::encodeName(target.absolutePath() + u"/." + target.fileName() + u".tmp-XXXXXX");
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        return ioError(errno, Tr::tr("cannot create a temporary file beside it"), path);
    auto fail = [&](const Error &e) -> Status {
        ::close(fd);
        ::unlink(tmpl.constData());
        return e;
    };
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) == 0)
        ::fchmod(fd, st.st_mode & 07777);
    else
        ::fchmod(fd, 0644);
    if (auto s = fill(fd); !s)
        return fail(s.error());
    if (::fsync(fd) != 0)
        return fail(ioError(errno, Tr::tr("cannot write it to disk"), path));
    if (::close(fd) != 0) {
        const int e = errno;
        ::unlink(tmpl.constData());
        return ioError(e, Tr::tr("cannot write it to disk"), path);
    }
    if (::rename(tmpl.constData(), QFile::encodeName(path).constData()) != 0) {
        const int e = errno;
        ::unlink(tmpl.constData());
        return ioError(e, Tr::tr("cannot replace it"), path);
    }
    return syncFolderOf(path);
}

} // namespace

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    return replaceWith(path, [&](int fd) -> Status {
        if (!writeAll(fd, bytes.constData(), bytes.size()))
            return ioError(errno, Tr::tr("cannot write"), path);
        return {};
    });
}

Status copyFileAtomically(const QString &from, const QString &to)
{
    const int in = ::open(QFile::encodeName(from).constData(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return ioError(errno, Tr::tr("cannot read"), from);
    Status s = replaceWith(to, [&](int fd) -> Status {
        char buf[1 << 16];
        for (;;) {
            const ssize_t n = ::read(in, buf, sizeof buf);
            if (n == 0)
                return {};
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return ioError(errno, Tr::tr("cannot read"), from);
            }
            if (!writeAll(fd, buf, n))
                return ioError(errno, Tr::tr("cannot write"), to);
        }
    });
    ::close(in);
    return s;
}

Status removeFileDurably(const QString &path)
{
    if (::unlink(QFile::encodeName(path).constData()) != 0) {
        if (errno == ENOENT)
            return {};
        return ioError(errno, Tr::tr("cannot remove"), path);
    }
    return syncFolderOf(path);
}

} // namespace md
