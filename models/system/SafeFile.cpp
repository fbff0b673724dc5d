#include "system/SafeFile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vs {

namespace {
QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}
} // namespace

SafeFile::Read SafeFile::read(const QString &path, qint64 maxBytes)
{
    Read r;
    const QByteArray native = QFile::encodeName(path);
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        const int e = errno;
        r.exists = e != ENOENT;
        r.error = e == ENOENT ? QStringLiteral("%1: no such file").arg(path)
                              : QStringLiteral("%1: cannot open: %2").arg(path, QString::fromLocal8Bit(std::strerror(e)));
        return r;
    }
    r.exists = true;
    struct stat st { };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        r.error = QStringLiteral("%1: not read: it is %2, not a regular file").arg(path, kindOf(st.st_mode));
        ::close(fd);
        return r;
    }
    r.size = st.st_size;
    if (r.size > maxBytes) {
        r.tooLarge = true;
        r.error = QStringLiteral("%1: not read: %2 bytes, more than the limit of %3").arg(path).arg(r.size).arg(maxBytes);
        ::close(fd);
        return r;
    }
    // A regular file can still grow while we read: never take more than the limit.
    r.bytes.reserve(qsizetype(r.size));
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            r.error = QStringLiteral("%1: cannot read: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
            break;
        }
        if (n == 0)
            break;
        if (r.bytes.size() + n > maxBytes) {
            r.tooLarge = true;
            r.error = QStringLiteral("%1: not read: it grew past the limit of %2 bytes").arg(path).arg(maxBytes);
            r.bytes.clear();
            break;
        }
        r.bytes.append(buffer, n);
    }
    ::close(fd);
    return r;
}

} // namespace vs
