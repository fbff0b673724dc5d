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

} // namespace vs::cli
