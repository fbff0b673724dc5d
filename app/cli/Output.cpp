#include "cli/Output.h"

#include <cstdio>

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

void printBlock(std::string_view bytes)
{
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
