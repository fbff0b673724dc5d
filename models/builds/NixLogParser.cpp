#include "builds/NixLogParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace vs {

namespace {

// Nix's activity and result types (libutil/logging.hh).
constexpr int kActBuild = 105;
constexpr int kActBuilds = 104;
constexpr int kResBuildLogLine = 101;
constexpr int kResSetPhase = 104;
constexpr int kResProgress = 105;
constexpr int kLevelInfo = 3; // what Nix prints without -v

quint64 idOf(const QJsonObject &o)
{
    return quint64(o.value(QLatin1String("id")).toDouble());
}

} // namespace

QString NixLogParser::hostFromLine(QStringView line)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*building '[^']*' on '([^']+)')"));
    if (!line.contains(QLatin1String("' on '")))
        return {};
    const QRegularExpressionMatch m = re.matchView(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString NixLogParser::builderFault(const QStringList &lines, const QString &host)
{
    static const QRegularExpression cannotBuild(QStringLiteral(R"(cannot build on '([^']+)': (.*))"));
    for (const QString &line : lines) {
        if (line.contains(QLatin1String("Nix daemon disconnected unexpectedly")) && !host.isEmpty())
            return QStringLiteral("the builder %1 dropped the connection during the build (%2)").arg(host, line.trimmed());
        if (const QRegularExpressionMatch m = cannotBuild.match(line); m.hasMatch())
            return QStringLiteral("the builder %1 could not be used: %2").arg(m.captured(1), m.captured(2));
    }
    return {};
}

void NixLogParser::setHost(const QString &host)
{
    if (!host.isEmpty() && host != m_progress.host) {
        m_progress.host = host;
        m_changed = true;
    }
}

std::optional<QByteArray> NixLogParser::feed(QByteArrayView raw)
{
    m_changed = false;
    if (raw.startsWith("@nix {"))
        return feedJson(raw.mid(5));
    QByteArray text = raw.toByteArray();
    setHost(hostFromLine(QString::fromUtf8(text)));
    return text;
}

std::optional<QByteArray> NixLogParser::feedJson(QByteArrayView json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toByteArray()).object();
    if (o.isEmpty())
        return json.toByteArray(); // not JSON after all: show what came
    const QString action = o.value(QLatin1String("action")).toString();
    const int type = o.value(QLatin1String("type")).toInt();
    const QJsonArray fields = o.value(QLatin1String("fields")).toArray();
    if (action == QLatin1String("msg")) {
        if (o.value(QLatin1String("level")).toInt() > kLevelInfo)
            return std::nullopt;
        return o.value(QLatin1String("msg")).toString().toUtf8();
    }
    if (action == QLatin1String("start")) {
        m_activities.insert(idOf(o), { type, quint64(o.value(QLatin1String("parent")).toDouble()) });
        if (type == kActBuild)
            setHost(fields.at(1).toString()); // the remote daemon's own start has no host: keeps ours
        const QString text = o.value(QLatin1String("text")).toString();
        if (text.isEmpty() || o.value(QLatin1String("level")).toInt() > kLevelInfo)
            return std::nullopt;
        return text.toUtf8();
    }
    if (action == QLatin1String("stop")) {
        m_activities.remove(idOf(o));
        return std::nullopt;
    }
    if (action != QLatin1String("result"))
        return std::nullopt;
    if (type == kResBuildLogLine)
        return fields.at(0).toString().toUtf8();
    if (type == kResSetPhase) {
        const QString phase = fields.at(0).toString();
        m_changed = phase != m_progress.phase;
        m_progress.phase = phase;
        return std::nullopt;
    }
    if (type == kResProgress) {
        // Only the top-level "builds" activity counts the derivations of this build;
        // a remote daemon forwards its own, nested ones.
        const auto activity = m_activities.constFind(idOf(o));
        if (activity == m_activities.constEnd() || activity->type != kActBuilds || activity->parent != 0)
            return std::nullopt;
        const NixProgress before = m_progress;
        m_progress.done = fields.at(0).toInt();
        m_progress.expected = fields.at(1).toInt();
        m_progress.running = fields.at(2).toInt();
        m_progress.failed = fields.at(3).toInt();
        m_changed = !(before == m_progress);
    }
    return std::nullopt;
}

} // namespace vs
