#include "cli/Output.h"

#include <cstdio>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vs::cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

void printBytes(const QByteArray &bytes)
{
    // As they are: decoding megabytes of UTF-8 only to encode them again costs time.
    out().flush();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

namespace {
// A long output (megabytes of `scan --json`) read through a pipe: with the default
// 64 KiB the writer and the reader take turns about ninety times, each waking the
// other; with 1 MiB (what Linux allows without privileges) both go on side by side.
// The pipe is shared with the reader, who loses nothing by a larger one. Where it
// cannot be changed (not a pipe, another system, a lower limit) nothing changes.
void widenOutputPipe()
{
#if defined(F_SETPIPE_SZ)
    struct stat st;
    if (::fstat(STDOUT_FILENO, &st) == 0 && S_ISFIFO(st.st_mode) && ::fcntl(STDOUT_FILENO, F_GETPIPE_SZ) < (1 << 20))
        ::fcntl(STDOUT_FILENO, F_SETPIPE_SZ, 1 << 20);
#endif
}
} // namespace

void printBlock(std::string_view bytes)
{
    static const bool widened = (widenOutputPipe(), true);
    Q_UNUSED(widened);
    out().flush();
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    std::fflush(stdout);
}

void printJson(const QJsonDocument &doc)
{
    printBytes(doc.toJson(QJsonDocument::Indented));
}

int fail(const QString &command, const QString &message, int status)
{
    out().flush();
    err() << command << ": " << message << Qt::endl;
    return status;
}

bool parseWithUsage(QCommandLineParser &parser, const QStringList &arguments, const QString &usage, int *status)
{
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        *status = fail(arguments.value(0), QStringLiteral("%1\n%2").arg(parser.errorText(), usage), 2);
        return false;
    }
    if (parser.isSet(help)) {
        out() << usage;
        out().flush();
        *status = 0;
        return false;
    }
    return true;
}

} // namespace vs::cli
