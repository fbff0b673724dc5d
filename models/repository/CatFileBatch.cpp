#include "repository/CatFileBatch.h"

#include "repository/Git.h"

namespace vs {

CatFileBatch::CatFileBatch(QString repositoryRoot)
    : m_root(std::move(repositoryRoot))
{
}

bool CatFileBatch::read(const QStringList &ids, const Sink &sink, QString *error) const
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (ids.isEmpty())
        return true;
    auto p = Git(m_root).start({ QStringLiteral("cat-file"), QStringLiteral("--batch") });
    if (!p->waitForStarted(30000))
        return fail(QStringLiteral("could not run git cat-file --batch (is git installed?)"));

    QByteArray requests;
    requests.reserve(ids.size() * 41);
    for (const QString &id : ids)
        requests += id.toLatin1() + '\n';
    p->write(requests);
    p->closeWriteChannel(); // git answers everything, then exits

    // Parse "<id> <type> <size>\n<content>\n" (or "<id> missing\n") from a growing buffer;
    // `pos` walks forward and the consumed front is dropped now and then, not per object.
    QByteArray buf;
    qsizetype pos = 0;
    qsizetype answered = 0;
    auto stop = [&](const QString &why) {
        p->kill();
        p->waitForFinished();
        return fail(why); // empty: stopped by the sink
    };
    while (answered < ids.size()) {
        const qsizetype eol = buf.indexOf('\n', pos);
        Object o;
        qsizetype next = -1;
        if (eol >= 0) {
            const QList<QByteArray> head = buf.mid(pos, eol - pos).split(' ');
            if (head.size() == 2 && head[1] == "missing") {
                o.id = head[0];
                o.type = head[1];
                next = eol + 1;
            } else if (head.size() == 3) {
                const qsizetype size = head[2].toLongLong();
                if (buf.size() >= eol + 1 + size + 1) {
                    o.id = head[0];
                    o.type = head[1];
                    o.content = buf.mid(eol + 1, size);
                    next = eol + 1 + size + 1;
                }
            } else {
                return stop(QStringLiteral("unexpected answer from git cat-file: %1").arg(QString::fromUtf8(buf.mid(pos, eol - pos))));
            }
        }
        if (next >= 0) {
            pos = next;
            ++answered;
            if (!sink(o))
                return stop({});
            if (pos > (1 << 20)) {
                buf.remove(0, pos);
                pos = 0;
            }
            continue;
        }
        if (!p->waitForReadyRead(120000)) {
            const QByteArray rest = p->readAllStandardOutput();
            if (rest.isEmpty())
                return stop(QStringLiteral("git cat-file stopped early: %1").arg(QString::fromUtf8(p->readAllStandardError()).trimmed()));
            buf += rest;
            continue;
        }
        buf += p->readAllStandardOutput();
    }
    p->waitForFinished(30000);
    return true;
}

} // namespace vs
