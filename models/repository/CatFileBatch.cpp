#include "repository/CatFileBatch.h"

#include "repository/Git.h"

#include <QThread>

#include <algorithm>

namespace vs {

namespace {
// Pacing (see read()): only reads of many objects, where it pays; a read shorter than
// a quarter of a pipe's 64 KiB counts as short; the pause lets git write about that much.
constexpr qsizetype kPacedFrom = 256;
constexpr qint64 kShortRead = 16 * 1024;
constexpr unsigned long kPauseMicroseconds = 200;
} // namespace

CatFileBatch::CatFileBatch(QString repositoryRoot)
    : m_root(std::move(repositoryRoot))
{
}

CatFileBatch::~CatFileBatch()
{
    if (!m_process)
        return;
    m_process->closeWriteChannel(); // git exits at the end of its input
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished();
    }
}

void CatFileBatch::close()
{
    if (m_process)
        m_process->closeWriteChannel();
}

bool CatFileBatch::start(QString *error)
{
    if (m_process)
        return true;
    m_process = Git(m_root).start({ QStringLiteral("cat-file"), QStringLiteral("--batch") });
    if (m_process->waitForStarted(30000))
        return true;
    if (error)
        *error = QStringLiteral("could not run git cat-file --batch (is git installed?)");
    m_process.reset();
    return false;
}

bool CatFileBatch::read(const QStringList &requests, const Sink &sink, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        if (m_process) {
            m_process->kill();
            m_process->waitForFinished();
            m_process.reset();
        }
        return false;
    };
    if (requests.isEmpty())
        return true;
    if (!start(error))
        return false;
    QByteArray lines;
    lines.reserve(requests.size() * 41);
    for (const QString &r : requests)
        lines += r.toUtf8() + '\n';
    m_process->write(lines);

    // Parse "<id> <type> <size>\n<content>\n" (or "<request> missing\n") from the block;
    // m_pos walks forward. Objects are handed out as views into the block, so before more
    // bytes are read, the unfinished tail moves to a new block and the old one stays with
    // whoever kept its objects.
    //
    // git writes (and flushes) one object at a time. Woken for each, the reader spends
    // more time in poll and read than git takes to answer, and git in turn pays to wake
    // it: in a long read, when the last read was short, the reader first lets git write
    // on for a moment, so that each read takes many objects (see README, Speed).
    const bool paced = requests.size() >= kPacedFrom;
    qint64 lastRead = kShortRead;
    qsizetype answered = 0;
    while (answered < requests.size()) {
        const qsizetype eol = m_buffer.indexOf('\n', m_pos);
        Object o;
        qsizetype next = -1;
        if (eol >= 0) {
            // Parsed in place: this runs once per object of the scan.
            const QByteArrayView head(m_buffer.constData() + m_pos, eol - m_pos);
            const qsizetype firstSpace = head.indexOf(' ');
            const qsizetype lastSpace = head.lastIndexOf(' ');
            if (head.endsWith(" missing")) {
                o.type = "missing";
                next = eol + 1;
            } else if (firstSpace > 0 && lastSpace > firstSpace) {
                bool ok = false;
                o.size = head.mid(lastSpace + 1).toLongLong(&ok);
                if (!ok || o.size < 0)
                    return fail(QStringLiteral("unexpected answer from git cat-file: %1").arg(QString::fromUtf8(head)));
                if (m_buffer.size() >= eol + 1 + o.size + 1) {
                    o.id = head.left(firstSpace);
                    o.type = head.mid(firstSpace + 1, lastSpace - firstSpace - 1);
                    o.content = QByteArrayView(m_buffer.constData() + eol + 1, o.size);
                    o.block = m_buffer;
                    next = eol + 1 + o.size + 1;
                }
            } else {
                return fail(QStringLiteral("unexpected answer from git cat-file: %1").arg(QString::fromUtf8(head)));
            }
        }
        if (next >= 0) {
            m_pos = next;
            ++answered;
            if (!sink(o))
                return fail({});
            continue;
        }
        if (m_pos > 0) {
            m_buffer = m_buffer.sliced(m_pos); // a new block: the tail is copied, the rest stays shared
            m_pos = 0;
        }
        if (paced && lastRead < kShortRead)
            QThread::usleep(kPauseMicroseconds);
        if (!m_process->waitForReadyRead(120000) && m_process->bytesAvailable() == 0)
            return fail(
                QStringLiteral("git cat-file stopped early: %1").arg(QString::fromUtf8(m_process->readAllStandardError()).trimmed()));
        // Straight into the block: no temporary array per wake-up.
        const qsizetype had = m_buffer.size();
        const qint64 available = m_process->bytesAvailable();
        m_buffer.resize(had + qsizetype(available));
        lastRead = m_process->read(m_buffer.data() + had, available);
        m_buffer.resize(had + qsizetype(std::max<qint64>(lastRead, 0)));
    }
    return true;
}

} // namespace vs
