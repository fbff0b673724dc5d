#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace vs {

// ONE long-lived `git cat-file --batch` process for a whole scan: trees of every
// branch first, then every blob. Each read() writes all its requests at once and
// parses the answers as they stream back; the process stays for the next read().
// Answers are handed out in place: each read from the pipe fills a block of its own,
// and the objects in it are views into that block (no copy per object).
class CatFileBatch {
public:
    struct Object {
        // Views into the reader's buffer: valid during the sink's call only.
        QByteArrayView id; // the object's id (empty when missing)
        QByteArrayView type; // "blob", "tree", …; "missing" when git has no such object
        qint64 size = 0;
        // The object's bytes, a view into block: whoever keeps a copy of block (a
        // reference, not a copy of the bytes) may keep using content after the call.
        QByteArrayView content;
        QByteArray block;
    };
    // Called once per request, in request order (so the i-th call answers the i-th request);
    // return false to stop (cancel).
    using Sink = std::function<bool(const Object &)>;

    explicit CatFileBatch(QString repositoryRoot);
    ~CatFileBatch();

    // Starts git (once); false with *error when it cannot run.
    bool start(QString *error = nullptr);
    // False when git failed or the sink stopped; error says why (empty when stopped).
    bool read(const QStringList &requests, const Sink &sink, QString *error = nullptr);
    // No more reads: git is told so and leaves meanwhile (the destructor only waits).
    void close();

private:
    QString m_root;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
};

} // namespace vs
