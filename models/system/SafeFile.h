#pragma once

#include <QByteArray>
#include <QString>

namespace vs {

// Reads a file that a repository (or anyone else) put there. Only regular files
// are read (a symbolic link is followed, then judged by what it points at):
// a FIFO, a device such as /dev/zero or a socket is refused without ever
// blocking on it, and at most maxBytes are read, so hostile content can neither
// hang nor exhaust the app.
class SafeFile {
public:
    static constexpr qint64 kDefaultMaxBytes = 1024 * 1024; // the recipes' 1 MiB rule

    struct Read {
        QByteArray bytes;
        qint64 size = -1; // the file's size when it is a regular file
        bool exists = false;
        bool tooLarge = false; // over maxBytes: nothing read
        QString error; // why nothing was read ("not a regular file (a FIFO)", "too large", errno text)
        bool ok() const { return error.isEmpty(); }
    };

    static Read read(const QString &path, qint64 maxBytes = kDefaultMaxBytes);
};

} // namespace vs
