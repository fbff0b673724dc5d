#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "builds/BuildSettings.h"
#include "repository/Git.h"
#include "cli/Commands.h"
#include "cli/Output.h"
#include "system/TerminationSignals.h"
#include "variants/RecipePaths.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>

namespace vs::cli {

namespace {

const char *kBuildUsage = "Usage: variant-studio build REPO VARIANT [--branch B] [--backend flox|nix]\n"
                          "                            [--nix-option NAME VALUE]... [--flox PATH] [--nix-build PATH]\n"
                          "Builds one variant headless, streams its output, records it in the history and\n"
                          "exits with the build's status (0 built, the build's exit code when it failed,\n"
                          "127 when the build program or git is missing, 2 for bad arguments such as an\n"
                          "unknown branch or recipe, 128+N when ended by signal N: the build's whole\n"
                          "process group is stopped and the run recorded as cancelled; 1 when the build\n"
                          "succeeded but the run could not be recorded in the history).\n"
                          "--nix-option NAME=VALUE is the same as --nix-option NAME VALUE.\n";

// The exit status of the command for a finished job.
int statusOf(const BuildJob &job)
{
    switch (job.state) {
    case BuildState::Succeeded:
        return 0;
    case BuildState::Cancelled:
    case BuildState::Interrupted:
        return 130;
    default:
        break;
    }
    if (job.error == BuildError::ProgramMissing)
        return 127;
    if (job.error == BuildError::InvalidRequest || job.error == BuildError::RecipeRejected)
        return 2; // what was asked for cannot be built: a bad argument, as before the run
    return job.exitCode > 0 && job.exitCode < 256 ? job.exitCode : 1;
}

// QCommandLineParser takes one value per option; the documented form
// `--nix-option NAME VALUE` takes two. Each such pair becomes `--nix-option=NAME=VALUE`
// (a nix option's name has no '='); `--nix-option NAME=VALUE` passes as it is.
// Nothing after `--` is an option.
QStringList joinNixOptionPairs(const QStringList &arguments)
{
    QStringList joined;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--")) {
            joined += arguments.mid(i);
            break;
        }
        if (a == QLatin1String("--nix-option") && i + 2 < arguments.size() && !arguments[i + 1].contains(QLatin1Char('='))) {
            joined << QStringLiteral("--nix-option=%1=%2").arg(arguments[i + 1], arguments[i + 2]);
            i += 2;
        } else {
            joined << a;
        }
    }
    return joined;
}

} // namespace

int runBuild(const QStringList &arguments)
{
    const QString cmd = arguments.value(0);
    const QString usage = QString::fromLatin1(kBuildUsage);
    QCommandLineParser parser;
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption branchOption(QStringLiteral("branch"), QStringLiteral("The branch to build."), QStringLiteral("B"));
    const QCommandLineOption backendOption(QStringLiteral("backend"), QStringLiteral("flox or nix."), QStringLiteral("BACKEND"));
    const QCommandLineOption nixOption(
        QStringLiteral("nix-option"), QStringLiteral("A nix option: NAME VALUE or NAME=VALUE."), QStringLiteral("NAME=VALUE"));
    const QCommandLineOption floxOption(QStringLiteral("flox"), QStringLiteral("The flox program."), QStringLiteral("PATH"));
    const QCommandLineOption nixBuildOption(QStringLiteral("nix-build"), QStringLiteral("The nix-build program."), QStringLiteral("PATH"));
    parser.addOptions({ help, branchOption, backendOption, nixOption, floxOption, nixBuildOption });
    if (!parser.parse(joinNixOptionPairs(arguments)))
        return fail(cmd, QStringLiteral("%1\n%2").arg(parser.errorText(), usage), 2);
    if (parser.isSet(help)) {
        out() << usage;
        out().flush();
        return 0;
    }
    BuildSettings settings = BuildSettings::load();
    for (const QString &option : parser.values(nixOption)) {
        const qsizetype equals = option.indexOf(QLatin1Char('='));
        if (equals < 0)
            return fail(cmd, QStringLiteral("--nix-option takes NAME VALUE or NAME=VALUE, not \"%1\"\n%2").arg(option, usage), 2);
        settings.nixOptions << QStringLiteral("--option") << option.left(equals) << option.mid(equals + 1);
    }
    BuildBackend backend = BuildBackend::Flox;
    if (parser.isSet(backendOption)) {
        const auto b = backendFromString(parser.value(backendOption));
        if (!b)
            return fail(cmd, QStringLiteral("--backend takes flox or nix, not \"%1\"").arg(parser.value(backendOption)), 2);
        backend = *b;
    }
    if (parser.isSet(floxOption))
        settings.floxProgram = parser.value(floxOption);
    if (parser.isSet(nixBuildOption))
        settings.nixBuildProgram = parser.value(nixBuildOption);
    const QString branch = parser.value(branchOption);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return fail(cmd, QStringLiteral("expected REPO and VARIANT\n%1").arg(usage), 2);
    const QFileInfo repoInfo(positional[0]);
    if (!repoInfo.isDir())
        return fail(cmd, QStringLiteral("%1: no such folder").arg(positional[0]), 2);
    const QString repo = repoInfo.canonicalFilePath();
    const QString variant = positional[1];
    // A variant is a name, never a path or an option.
    if (const QString problem = RecipePaths::nameProblem(variant); !problem.isEmpty())
        return fail(cmd, problem, 2);
    // Asked before anything runs or is recorded: a wrong branch or recipe is a bad argument, not a failed build.
    const Git git(repo, settings.gitProgram);
    const GitResult isRepo = git.run({ QStringLiteral("rev-parse"), QStringLiteral("--git-dir") });
    if (!isRepo.ok() && isRepo.error != ProcessError::ExitedNonZero)
        return fail(cmd, QStringLiteral("%1 (git is needed to tell the branch being built)").arg(isRepo.message), 127);
    if (!branch.isEmpty()) {
        if (!isRepo.ok())
            return fail(cmd, QStringLiteral("%1 is not a git repository: --branch needs one").arg(repo), 2);
        if (!git.branchExists(branch))
            return fail(cmd, QStringLiteral("branch \"%1\" does not exist in %2").arg(RecipePaths::printable(branch), repo), 2);
    } else if (const RecipePaths::Found recipe = RecipePaths::find(repo, variant); !recipe.ok()) {
        return fail(cmd, recipe.error, 2);
    }

    BuildHistory history(repo, settings.historyDirectory());
    if (!history.lastError().isEmpty())
        err() << cmd << ": warning: " << history.lastError() << Qt::endl;
    QStringList notRecorded; // reported after the build's own status line
    QObject::connect(&history, &BuildHistory::recordFailed, [&](const QString &message) {
        if (!notRecorded.contains(message))
            notRecorded << message;
    });
    QObject::connect(
        &history, &BuildHistory::warning, [&](const QString &message) { err() << cmd << ": warning: " << message << Qt::endl; });
    BuildQueue queue(settings);
    queue.setHistory(&history);

    BuildJob job;
    job.repoRoot = repo;
    job.variant = variant;
    job.branch = branch;
    job.backend = backend;
    BuildJob result;
    QEventLoop loop;
    QObject::connect(&queue, &BuildQueue::linesReady, &loop, [](quint64, const LogLines &lines) {
        for (const LogLine &l : lines)
            out() << l.text << '\n';
        out().flush();
    });
    QObject::connect(&queue, &BuildQueue::jobFinished, &loop, [&](const BuildJob &j) { result = j; });
    QObject::connect(&queue, &BuildQueue::idle, &loop, &QEventLoop::quit);
    // SIGINT, SIGTERM, SIGHUP: stop the build's whole process group (TERM, then KILL
    // after the grace period), let the run be recorded as cancelled, then leave.
    TerminationSignals termination;
    int endedBy = 0;
    QObject::connect(&termination, &TerminationSignals::received, &loop, [&](int signal) {
        if (endedBy != 0)
            return;
        endedBy = signal;
        err() << cmd << ": " << TerminationSignals::name(signal) << " received: stopping the build" << Qt::endl;
        for (const BuildJob &j : queue.jobs())
            queue.cancel(j.id);
    });
    queue.enqueue(job);
    loop.exec();

    if (result.state == BuildState::Succeeded) {
        err() << cmd << ": built " << variant << " → " << (result.storePath.isEmpty() ? result.resultLink : result.storePath) << Qt::endl;
    } else {
        err() << cmd << ": " << toString(result.state) << " (exit code " << result.exitCode << ")";
        if (!result.logFile.isEmpty())
            err() << "; log: " << result.logFile;
        err() << Qt::endl;
    }
    for (const QString &message : std::as_const(notRecorded))
        err() << cmd << ": error: the run was not recorded in the build history: " << message << Qt::endl;
    if (endedBy != 0)
        return 128 + endedBy;
    const int status = statusOf(result);
    return status == 0 && !notRecorded.isEmpty() ? 1 : status;
}

} // namespace vs::cli
