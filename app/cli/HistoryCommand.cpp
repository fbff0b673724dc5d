#include "builds/BuildHistory.h"
#include "builds/BuildSettings.h"
#include "cli/Commands.h"
#include "cli/Output.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace vs::cli {

namespace {
const char *kHistoryUsage = "Usage: variant-studio history REPO [--json]\n"
                            "Prints every recorded build and publish run of a repository, and the latest\n"
                            "outcome per (branch, variant).\n";

QString duration(qint64 ms)
{
    const qint64 s = ms / 1000;
    return s >= 60 ? QStringLiteral("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0')) : QStringLiteral("%1s").arg(s);
}
} // namespace

int runHistory(const QStringList &arguments)
{
    const QString cmd = arguments.value(0);
    const QString usage = QString::fromLatin1(kHistoryUsage);
    QCommandLineParser parser;
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({ help, jsonOption });
    if (!parser.parse(arguments))
        return fail(cmd, QStringLiteral("%1\n%2").arg(parser.errorText(), usage), 2);
    if (parser.isSet(help)) {
        out() << usage;
        out().flush();
        return 0;
    }
    const bool json = parser.isSet(jsonOption);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(cmd, QStringLiteral("expected REPO\n%1").arg(usage), 2);
    const QFileInfo repoInfo(positional[0]);
    if (!repoInfo.isDir())
        return fail(cmd, QStringLiteral("%1: no such folder").arg(positional[0]), 2);
    const QString repo = repoInfo.canonicalFilePath();
    BuildHistory history(repo, BuildSettings::load().historyDirectory());
    if (!history.lastError().isEmpty())
        return fail(cmd, history.lastError(), 1);

    const auto cells = history.cells();
    QList<QPair<QString, QString>> keys = cells.keys();
    std::sort(keys.begin(), keys.end());
    if (json) {
        QJsonArray runs, cellArray;
        for (const HistoryEntry &e : history.entries()) {
            QJsonObject o = e.toJson();
            if (!o.contains(QStringLiteral("published")))
                o.insert(QStringLiteral("published"), QJsonValue::Null);
            runs.append(o);
        }
        for (const auto &k : keys) {
            const CellHistory &c = cells[k];
            if (c.outcome == CellOutcome::None)
                continue;
            cellArray.append(QJsonObject { { QStringLiteral("branch"), k.first }, { QStringLiteral("variant"), k.second },
                { QStringLiteral("status"), toString(c.outcome) }, { QStringLiteral("lastRun"), c.lastBuild.runId },
                { QStringLiteral("storePath"), c.lastBuild.storePath }, { QStringLiteral("publishedOrg"), c.lastPublish.org } });
        }
        printJson(QJsonDocument(QJsonObject { { QStringLiteral("repository"), repo }, { QStringLiteral("historyFile"), history.filePath() },
            { QStringLiteral("runs"), runs }, { QStringLiteral("cells"), cellArray } }));
        return 0;
    }
    if (history.entries().isEmpty()) {
        out() << "No builds recorded for " << repo << "\n";
        out().flush();
        return 0;
    }
    for (const HistoryEntry &e : history.entries()) {
        out() << e.started.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  " << toString(e.kind).leftJustified(7) << " "
              << toString(e.outcome).leftJustified(11) << " " << e.branch << "  " << e.variant << "  (" << toString(e.backend) << ", "
              << duration(e.durationMs);
        if (e.outcome == BuildState::Failed)
            out() << ", exit code " << e.exitCode;
        out() << ")";
        if (!e.storePath.isEmpty())
            out() << "  " << e.storePath;
        if (!e.org.isEmpty() && e.publishedAt.isValid())
            out() << "  published to " << e.org;
        out() << "\n";
    }
    out().flush();
    return 0;
}

} // namespace vs::cli
