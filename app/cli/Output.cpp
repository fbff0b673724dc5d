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

void printJson(const QJsonDocument &doc)
{
    // The bytes as they are: decoding megabytes of UTF-8 only to encode them again costs time.
    out().flush();
    const QByteArray bytes = doc.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int fail(const QString &command, const QString &message, int status)
{
    out().flush();
    err() << command << ": " << message << Qt::endl;
    return status;
}

} // namespace vs::cli
