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
    out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    out().flush();
}

int fail(const QString &command, const QString &message, int status)
{
    out().flush();
    err() << command << ": " << message << Qt::endl;
    return status;
}

} // namespace vs::cli
