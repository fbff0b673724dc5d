#include "builds/HistoryFile.h"

#include "builds/BuildJob.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace vs {

namespace {

const QLatin1String kStringKeys[] = { QLatin1String("kind"), QLatin1String("branch"), QLatin1String("commit"), QLatin1String("backend"),
    QLatin1String("started"), QLatin1String("outcome"), QLatin1String("logFile"), QLatin1String("resultPath"), QLatin1String("storePath"),
    QLatin1String("ownerStart") };
const QLatin1String kNumberKeys[]
    = { QLatin1String("durationMs"), QLatin1String("exitCode"), QLatin1String("pid"), QLatin1String("ownerPid") };

// Empty when `value` is a run this version can read; else what is wrong with it.
QString runProblem(const QJsonValue &value)
{
    if (!value.isObject())
        return QStringLiteral("not an object");
    const QJsonObject o = value.toObject();
    for (const char *key : { "id", "variant" }) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isString() || v.toString().isEmpty())
            return QStringLiteral("\"%1\" is %2")
                .arg(QLatin1String(key), v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("not a name"));
    }
    for (const QLatin1String &key : kStringKeys) {
        const QJsonValue v = o.value(key);
        if (!v.isUndefined() && !v.isString())
            return QStringLiteral("\"%1\" is not a string").arg(key);
    }
    for (const QLatin1String &key : kNumberKeys) {
        const QJsonValue v = o.value(key);
        if (!v.isUndefined() && !v.isDouble())
            return QStringLiteral("\"%1\" is not a number").arg(key);
    }
    if (const QJsonValue host = o.value(QLatin1String("host")); !host.isUndefined() && !host.isNull() && !host.isString())
        return QStringLiteral("\"host\" is not a string");
    if (const QJsonValue skipped = o.value(QLatin1String("skipped")); !skipped.isUndefined() && !skipped.isBool())
        return QStringLiteral("\"skipped\" is not true or false");
    const QJsonValue kind = o.value(QLatin1String("kind"));
    if (kind.isString() && kind.toString() != QLatin1String("build") && kind.toString() != QLatin1String("publish"))
        return QStringLiteral("unknown kind \"%1\"").arg(kind.toString());
    const QJsonValue outcome = o.value(QLatin1String("outcome"));
    if (outcome.isString() && !stateFromString(outcome.toString()))
        return QStringLiteral("unknown outcome \"%1\"").arg(outcome.toString());
    const QJsonValue backend = o.value(QLatin1String("backend"));
    if (backend.isString() && !backendFromString(backend.toString()))
        return QStringLiteral("unknown backend \"%1\"").arg(backend.toString());
    const QJsonValue published = o.value(QLatin1String("published"));
    if (!published.isUndefined() && !published.isNull()) {
        if (!published.isObject())
            return QStringLiteral("\"published\" is not an object");
        for (const char *key : { "org", "time" }) {
            const QJsonValue v = published.toObject().value(QLatin1String(key));
            if (!v.isUndefined() && !v.isString())
                return QStringLiteral("\"published.%1\" is not a string").arg(QLatin1String(key));
        }
    }
    return {};
}

} // namespace

HistoryFile HistoryFile::read(const QString &path)
{
    HistoryFile c;
    QFile f(path);
    if (!f.exists())
        return c;
    if (!f.open(QIODevice::ReadOnly)) {
        c.status = HistoryFile::Unreadable;
        c.problem = f.errorString();
        return c;
    }
    const QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError) {
        c.status = HistoryFile::Unreadable;
        c.problem = f.errorString();
        return c;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    QJsonArray candidates;
    QStringList problems;
    if (parseError.error != QJsonParseError::NoError) {
        problems << (bytes.isEmpty()
                ? QStringLiteral("the file is empty")
                : QStringLiteral("not valid JSON (offset %1: %2)").arg(parseError.offset).arg(parseError.errorString()));
    } else if (doc.isArray()) {
        problems << QStringLiteral("the top level is a list, not an object");
        candidates = doc.array();
    } else {
        const QJsonObject root = doc.object();
        const QJsonValue version = root.value(QLatin1String("version"));
        if (version.isDouble() && version.toDouble() > 1) {
            c.status = HistoryFile::Unreadable;
            c.problem = QStringLiteral("written by a newer Variant Studio (version %1)").arg(version.toDouble());
            return c;
        }
        if (!version.isUndefined() && !version.isDouble())
            problems << QStringLiteral("\"version\" is not a number");
        const QJsonValue runs = root.value(QLatin1String("runs"));
        if (runs.isArray()) {
            candidates = runs.toArray();
        } else if (runs.isUndefined()) {
            problems << QStringLiteral("it has no \"runs\" list");
        } else if (runs.isObject()) {
            problems << QStringLiteral("\"runs\" is an object, not a list");
            for (const QJsonValue &v : runs.toObject())
                candidates.append(v);
        } else {
            problems << QStringLiteral("\"runs\" is not a list");
        }
    }
    int bad = 0;
    QString firstBad;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const QString problem = runProblem(candidates.at(i));
        if (problem.isEmpty()) {
            c.runs.append(candidates.at(i).toObject());
        } else if (bad++ == 0) {
            firstBad = QStringLiteral("run %1: %2").arg(i + 1).arg(problem);
        }
    }
    if (bad > 0)
        problems << QStringLiteral("%1 run(s) of the wrong shape, first %2").arg(bad).arg(firstBad);
    c.status = problems.isEmpty() ? HistoryFile::Valid : HistoryFile::Broken;
    c.problem = problems.join(QStringLiteral("; "));
    return c;
}

QString HistoryFile::backupName(const QString &file)
{
    const QString base = file + QStringLiteral(".broken-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString name = base;
    for (int i = 2; QFileInfo::exists(name); ++i)
        name = QStringLiteral("%1-%2").arg(base).arg(i);
    return name;
}

} // namespace vs
