#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"
#include "builds/BuildSettings.h"
#include "builds/RecipeFeatures.h"
#include "cli/Commands.h"
#include "cli/Output.h"
#include "cli/SkipBuilt.h"
#include "farm/FarmCheck.h"
#include "farm/MachinesFile.h"
#include "repository/Git.h"
#include "system/TerminationSignals.h"
#include "variants/RecipePaths.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>

namespace vs::cli {

namespace {

const char *kBuildUsage = "Usage: variant-studio build REPO VARIANT... [--branch B] [--backend flox|nix]\n"
                          "                            [--builders SPEC|@FILE] [--farm-only] [--retries N] [--skip-built]\n"
                          "                            [--nix-option NAME VALUE]... [--flox PATH] [--nix-build PATH]\n"
                          "Builds variants headless (as many at once as the build farm has slots for them;\n"
                          "one at a time without a farm), streams their output (each line prefixed with\n"
                          "[VARIANT] when there are several), records them in the history, prints a summary\n"
                          "(variant, host, outcome, duration) and exits 0 when all were built.\n"
                          "--builders takes Nix's machines lines separated by ';' or newlines, or @FILE (a\n"
                          "machines file); without it the builders of your Nix configuration apply.\n"
                          "--farm-only builds nothing on this machine (max-jobs = 0). --retries N (0-3)\n"
                          "queues a build again when a builder failed it (unreachable, dropped).\n"
                          "With one variant the exit status is the build's (0 built, its exit code when it failed,\n"
                          "127 when the build program or git is missing, 2 for bad arguments such as an\n"
                          "unknown branch or recipe, 128+N when ended by signal N: the build's whole\n"
                          "process group is stopped and the run recorded as cancelled; 1 when the build\n"
                          "succeeded but the run could not be recorded in the history).\n"
                          "With several: 0 all built, 127 a program is missing, else 1.\n"
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

QString seconds(qint64 ms)
{
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

// variant, host, outcome, duration: one line per variant, in the order asked.
void printSummary(const QStringList &variants, const QHash<QString, BuildJob> &results)
{
    int width = 7;
    for (const QString &v : variants)
        width = qMax(width, int(v.size()));
    out() << "\n"
          << QStringLiteral("variant").leftJustified(width) << "  " << QStringLiteral("host").leftJustified(24) << "  "
          << QStringLiteral("outcome").leftJustified(10) << "  duration\n";
    for (const QString &v : variants) {
        const BuildJob j = results.value(v);
        const QString host = j.host.isEmpty() ? QStringLiteral("local") : j.host;
        const QString outcome = j.skipped ? QStringLiteral("skipped") : toString(j.state);
        out() << v.leftJustified(width) << "  " << host.leftJustified(24) << "  " << outcome.leftJustified(10) << "  "
              << seconds(j.durationMs);
        if (j.attempt > 0)
            out() << " (attempt " << j.attempt + 1 << ")";
        out() << "\n";
    }
    out().flush();
}

// With several variants: 0 when all were built, 127 when a program is missing, else 1.
int overallStatus(const QStringList &variants, const QHash<QString, BuildJob> &results)
{
    if (variants.size() == 1)
        return statusOf(results.value(variants.first()));
    int status = 0;
    for (const QString &v : variants) {
        const BuildJob j = results.value(v);
        if (j.state == BuildState::Succeeded)
            continue;
        if (j.error == BuildError::ProgramMissing)
            return 127;
        status = 1;
    }
    return status;
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
    const QCommandLineOption buildersOption(QStringLiteral("builders"), QStringLiteral("Machine lines or @FILE."), QStringLiteral("SPEC"));
    const QCommandLineOption farmOnlyOption(QStringLiteral("farm-only"), QStringLiteral("Build nothing on this machine."));
    const QCommandLineOption retriesOption(
        QStringLiteral("retries"), QStringLiteral("Retries after a builder failed."), QStringLiteral("N"));
    const QCommandLineOption skipBuiltOption(QStringLiteral("skip-built"), QStringLiteral("Skip variants already built."));
    parser.addOptions({ help, branchOption, backendOption, nixOption, floxOption, nixBuildOption, buildersOption, farmOnlyOption,
        retriesOption, skipBuiltOption });
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
    settings.retries = 0;
    if (parser.isSet(retriesOption)) {
        bool ok = false;
        settings.retries = parser.value(retriesOption).toInt(&ok);
        if (!ok || settings.retries < 0 || settings.retries > BuildSettings::kMaxRetries)
            return fail(cmd, QStringLiteral("--retries takes 0 to 3, not \"%1\"").arg(parser.value(retriesOption)), 2);
    }
    settings.farmOnly = parser.isSet(farmOnlyOption);
    const QString branch = parser.value(branchOption);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return fail(cmd, QStringLiteral("expected REPO and VARIANT...\n%1").arg(usage), 2);
    const QFileInfo repoInfo(positional[0]);
    if (!repoInfo.isDir())
        return fail(cmd, QStringLiteral("%1: no such folder").arg(positional[0]), 2);
    const QString repo = repoInfo.canonicalFilePath();
    QStringList variants = positional.mid(1);
    variants.removeDuplicates();
    // A variant is a name, never a path or an option.
    for (const QString &variant : std::as_const(variants))
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
    } else {
        for (const QString &variant : std::as_const(variants))
            if (const RecipePaths::Found recipe = RecipePaths::find(repo, variant); !recipe.ok())
                return fail(cmd, recipe.error, 2);
    }
    // The farm: builders given here are handed to Nix; without, Nix's own configuration
    // applies and its builders are only counted (for how many builds run at once).
    settings.builders.clear();
    if (parser.isSet(buildersOption) || variants.size() > 1) {
        const MachinesParse builders
            = farmBuilders(parser.value(buildersOption), parser.isSet(buildersOption), FarmCheck::nixBeside(settings.nixBuildProgram));
        if (parser.isSet(buildersOption) && !builders.ok())
            return fail(cmd, builders.problemText(), 2);
        settings.builders = builders.machines;
        settings.buildersFromNixConfig = !parser.isSet(buildersOption);
    }

    BuildHistory history(repo, settings.historyDirectory());
    if (!history.lastError().isEmpty())
        err() << cmd << ": warning: " << history.lastError() << Qt::endl;
    QStringList notRecorded; // reported after the builds' own status lines
    QObject::connect(&history, &BuildHistory::recordFailed, [&](const QString &message) {
        if (!notRecorded.contains(message))
            notRecorded << message;
    });
    QObject::connect(
        &history, &BuildHistory::warning, [&](const QString &message) { err() << cmd << ": warning: " << message << Qt::endl; });
    BuildQueue queue(settings);
    queue.setHistory(&history);

    QHash<QString, BuildJob> results;
    QStringList toBuild = variants;
    if (parser.isSet(skipBuiltOption)) {
        const SkipBuiltSplit split = splitBuilt(repo, branch, variants, backend, settings);
        if (!split.error.isEmpty())
            return fail(cmd, split.error, 1);
        for (const QString &note : split.notes)
            err() << cmd << ": " << note << Qt::endl;
        toBuild = split.toBuild;
        results = split.done;
        for (const BuildJob &j : split.done)
            if (j.skipped) // recorded, so the history (and the window) show the cell as built
                history.recordFinish(j);
    }

    const bool several = variants.size() > 1;
    QHash<quint64, QString> variantOf;
    QEventLoop loop;
    QObject::connect(&queue, &BuildQueue::jobAdded, &loop, [&](const BuildJob &j) { variantOf.insert(j.id, j.variant); });
    QObject::connect(&queue, &BuildQueue::linesReady, &loop, [&](quint64 id, const LogLines &lines) {
        const QString prefix = several ? QStringLiteral("[%1] ").arg(variantOf.value(id)) : QString();
        for (const LogLine &l : lines)
            out() << prefix << l.text << '\n';
        out().flush();
    });
    QObject::connect(&queue, &BuildQueue::jobFinished, &loop, [&](const BuildJob &j) {
        results.insert(j.variant, j);
        if (j.error == BuildError::BuilderFailed && j.attempt < settings.retries)
            err() << cmd << ": " << j.variant << ": " << j.message << "; trying again (" << j.attempt + 1 << " of " << settings.retries
                  << ")" << Qt::endl;
    });
    QObject::connect(&queue, &BuildQueue::idle, &loop, &QEventLoop::quit);
    // SIGINT, SIGTERM, SIGHUP: stop every build's whole process group (TERM, then KILL
    // after the grace period), let the runs be recorded as cancelled, then leave.
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
    QList<BuildJob> jobs;
    for (const QString &variant : std::as_const(toBuild)) {
        BuildJob job;
        job.repoRoot = repo;
        job.variant = variant;
        job.branch = branch;
        job.backend = backend;
        jobs << job;
    }
    if (settings.usesFarm()) // only the builders that fit a recipe count for it
        RecipeFeatures::fill(jobs, settings.gitProgram);
    for (const BuildJob &job : std::as_const(jobs))
        queue.enqueue(job);
    if (!toBuild.isEmpty())
        loop.exec();

    for (const QString &variant : std::as_const(variants)) {
        const BuildJob result = results.value(variant);
        const QString on = result.host.isEmpty() ? QString() : QStringLiteral(" on %1").arg(result.host);
        if (!toBuild.contains(variant))
            continue; // skipped or not queued: said before the builds began
        if (result.state == BuildState::Succeeded) {
            err() << cmd << ": built " << variant << on << " → " << (result.storePath.isEmpty() ? result.resultLink : result.storePath)
                  << Qt::endl;
        } else {
            err() << cmd << ": " << (several ? variant + QStringLiteral(": ") : QString()) << toString(result.state) << on << " (exit code "
                  << result.exitCode << ")";
            if (!result.logFile.isEmpty())
                err() << "; log: " << result.logFile;
            err() << Qt::endl;
        }
    }
    if (several)
        printSummary(variants, results);
    for (const QString &message : std::as_const(notRecorded))
        err() << cmd << ": error: the run was not recorded in the build history: " << message << Qt::endl;
    if (endedBy != 0)
        return 128 + endedBy;
    const int status = overallStatus(variants, results);
    return status == 0 && !notRecorded.isEmpty() ? 1 : status;
}

} // namespace vs::cli
