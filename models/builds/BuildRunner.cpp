#include "builds/BuildRunner.h"
#include "builds/BuildWorktrees.h"
#include "variants/RecipePaths.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace vs {

BuildRunner::BuildRunner(BuildSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    m_killTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, this, [this] { signalGroup(SIGKILL); });
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(kBatchIntervalMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &BuildRunner::flushLines);
}

BuildRunner::~BuildRunner()
{
    blockSignals(true); // receivers may be half gone; the queue cancels properly before this
    if (m_process && m_process->state() != QProcess::NotRunning)
        terminateAndWait(qMin(m_settings.cancelGraceMs, 2000));
}

QString BuildRunner::program(const BuildJob &job, const BuildSettings &settings)
{
    if (job.kind == BuildKind::Build && job.backend == BuildBackend::Nix)
        return settings.nixBuildProgram;
    return settings.floxProgram;
}

QStringList BuildRunner::arguments(const BuildJob &job, const BuildSettings &settings)
{
    // "--" ends the options: what follows is a name, whatever it looks like.
    if (job.kind == BuildKind::Publish)
        return { QStringLiteral("publish"), QStringLiteral("-o"), job.org, QStringLiteral("--"), job.variant };
    if (job.backend == BuildBackend::Flox)
        return { QStringLiteral("build"), QStringLiteral("--"), job.variant };
    // nix-build takes no "--"; the recipe path begins with ".flox/", which no
    // option does, and the variant in the result link's name was validated.
    const QString recipe = job.recipeFile.isEmpty() ? RecipePaths::candidates(job.variant).constFirst() : job.recipeFile;
    QStringList args { recipe, QStringLiteral("-o"), QStringLiteral("result-%1").arg(job.variant), QStringLiteral("--log-format"),
        QStringLiteral("internal-json"), QStringLiteral("-v") };
    for (const QString &setting : settings.nixSettings()) {
        const qsizetype equals = setting.indexOf(QLatin1String(" = "));
        args << QStringLiteral("--option") << setting.left(equals) << setting.mid(equals + 3);
    }
    return args + settings.nixOptions;
}

QList<QPair<QString, QString>> BuildRunner::environment(const BuildSettings &settings)
{
    // NIX_CONFIG reaches nix-build and the Nix that `flox build` runs alike.
    const QString config = settings.nixConfig(qEnvironmentVariable("NIX_CONFIG"));
    if (config.isEmpty())
        return {};
    return { { QStringLiteral("NIX_CONFIG"), config } };
}

QString BuildRunner::requestProblem(const BuildJob &job)
{
    if (const QString problem = RecipePaths::nameProblem(job.variant); !problem.isEmpty())
        return problem;
    if (job.kind == BuildKind::Publish) {
        if (job.org.isEmpty())
            return QStringLiteral("no organisation given for flox publish");
        for (const QChar c : job.org)
            if (c.isSpace() || c.category() == QChar::Other_Control)
                return QStringLiteral("the organisation '%1' contains white space or a control character")
                    .arg(RecipePaths::printable(job.org));
        if (job.org.startsWith(QLatin1Char('-')))
            return QStringLiteral("the organisation '%1' begins with '-'").arg(job.org);
    }
    return {};
}

QString BuildRunner::missingProgramMessage(const QString &program, BuildBackend backend)
{
    if (program.contains(QLatin1Char('/'))) {
        const QFileInfo info(program);
        if (info.isFile() && info.isExecutable())
            return {};
        if (info.exists())
            return QStringLiteral("%1 is not an executable program (%2); set the program's path in the settings.")
                .arg(program, info.isDir() ? QStringLiteral("it is a folder") : QStringLiteral("it is not executable"));
    } else if (!QStandardPaths::findExecutable(program).isEmpty()) {
        return {};
    }
    const QString install = backend == BuildBackend::Nix
        ? QStringLiteral("install Nix (https://nixos.org/download) so that nix-build is on PATH")
        : QStringLiteral("install Flox (https://flox.dev/docs/install-flox/)");
    return QStringLiteral("%1 was not found: %2, or set the program's path in the settings.").arg(program, install);
}

QString BuildRunner::stepFromLine(const QString &line)
{
    // Nix: building '/nix/store/0c5…-pytorch-2.8.0.drv'...
    static const QRegularExpression re(QStringLiteral(R"(building '(?:/[^']*/)?[0-9a-z]{32}-([^']+?)(?:\.drv)?')"));
    if (!line.contains(QLatin1String("building '")))
        return {};
    const QRegularExpressionMatch m = re.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

void BuildRunner::start(const BuildJob &job)
{
    Q_ASSERT(!m_active);
    m_job = job;
    if (m_job.runId.isEmpty())
        m_job.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_job.state = BuildState::Running;
    m_job.started = QDateTime::currentDateTime();
    m_job.exitCode = 0;
    m_job.lastLines.clear();
    m_job.host.clear();
    m_job.phase.clear();
    m_job.derivationsDone = m_job.derivationsExpected = 0;
    m_nixLog = NixLogParser();
    m_active = true;
    m_cancelRequested = false;
    m_startMs = QDateTime::currentMSecsSinceEpoch();

    if (const QString problem = requestProblem(m_job); !problem.isEmpty()) {
        finish(BuildState::Failed, problem, BuildError::InvalidRequest);
        return;
    }
    const QString prog = program(m_job, m_settings);
    const QString missing = missingProgramMessage(prog, m_job.kind == BuildKind::Publish ? BuildBackend::Flox : m_job.backend);
    if (!missing.isEmpty()) {
        finish(BuildState::Failed, missing, BuildError::ProgramMissing);
        return;
    }

    // git worktree add can take seconds on a large repository: not on the UI thread.
    m_job.currentStep = QStringLiteral("preparing the working tree");
    const BuildWorktrees worktrees(m_settings.worktreeDirectory(), m_settings.gitProgram);
    const QString repo = m_job.repoRoot, branch = m_job.branch;
    auto *watcher = new QFutureWatcher<BuildWorktrees::Place>(this);
    connect(watcher, &QFutureWatcher<BuildWorktrees::Place>::finished, this, [this, watcher] {
        const BuildWorktrees::Place place = watcher->result();
        watcher->deleteLater();
        if (m_cancelRequested) {
            finish(BuildState::Cancelled);
            return;
        }
        if (!place.error.isEmpty()) {
            finish(BuildState::Failed, place.error, BuildError::PlaceFailed);
            return;
        }
        m_job.workDir = place.directory;
        m_job.commit = place.commit;
        if (m_job.branch.isEmpty())
            m_job.branch = place.branch;
        // Built only from inside the branch's .flox/pkgs: never a file a link leads to elsewhere.
        const RecipePaths::Found recipe = RecipePaths::find(m_job.workDir, m_job.variant);
        if (!recipe.ok()) {
            finish(BuildState::Failed, recipe.error, BuildError::RecipeRejected);
            return;
        }
        m_job.recipeFile = recipe.relative;
        launch();
    });
    watcher->setFuture(QtConcurrent::run([worktrees, repo, branch] { return worktrees.prepare(repo, branch); }));
}

void BuildRunner::launch()
{
    QDir().mkpath(m_settings.logDirectory());
    const QString stamp = m_job.started.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString suffix = m_job.kind == BuildKind::Publish ? QStringLiteral("-publish") : QString();
    QString name = m_job.variant; // validated; the file name must not depend on that
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    m_job.logFile
        = QDir(m_settings.logDirectory()).filePath(QStringLiteral("%1-%2%3-%4.log").arg(stamp, name, suffix, m_job.runId.left(8)));
    m_log.setFileName(m_job.logFile);
    if (!m_log.open(QIODevice::WriteOnly | QIODevice::Truncate))
        m_job.logFile.clear(); // the build still runs; only the file copy of its log is lost

    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(m_job.workDir);
    // Own session = own process group, so cancel reaches every child; and the child
    // goes down with us if the app dies (Linux), instead of building on unseen.
    m_process->setChildProcessModifier([] {
        ::setsid();
#ifdef Q_OS_LINUX
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    });
    if (const auto extra = environment(m_settings); !extra.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto &[name, value] : extra)
            env.insert(name, value);
        m_process->setProcessEnvironment(env);
    }
    connect(m_process, &QProcess::readyReadStandardOutput, this, &BuildRunner::onReadyRead);
    connect(m_process, &QProcess::finished, this, &BuildRunner::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &BuildRunner::onError);

    m_job.currentStep.clear();
    const QString prog = program(m_job, m_settings);
    m_process->start(prog, arguments(m_job, m_settings));
    if (!m_process->waitForStarted(30000))
        return; // onError reports it
    m_job.pid = m_process->processId();
    m_pgid = m_job.pid;
    emit jobStarted(m_job);
}

void BuildRunner::addLine(QByteArrayView raw)
{
    const std::optional<QByteArray> text = m_nixLog.feed(raw);
    if (m_nixLog.progressChanged()) {
        const NixProgress &p = m_nixLog.progress();
        m_job.host = p.host;
        m_job.phase = p.phase;
        m_job.derivationsDone = p.done;
        m_job.derivationsExpected = p.expected;
        emit progressChanged(m_job);
    }
    if (!text)
        return;
    LogLine line = m_parser.parseLine(*text);
    if (m_log.isOpen()) {
        m_log.write(line.text.toUtf8());
        m_log.write("\n", 1);
    }
    const QString step = stepFromLine(line.text);
    if (!step.isEmpty() && step != m_job.currentStep) {
        m_job.currentStep = step;
        emit stepChanged(step);
    }
    m_job.lastLines.append(line.text);
    if (m_job.lastLines.size() > kLastLines * 2) // trimmed in chunks: cheaper than per line
        m_job.lastLines.remove(0, m_job.lastLines.size() - kLastLines);
    m_pending.append(std::move(line));
}

void BuildRunner::flushLines()
{
    m_batchTimer.stop();
    if (m_pending.isEmpty())
        return;
    const LogLines batch = std::move(m_pending);
    m_pending = LogLines();
    emit linesReady(batch);
}

void BuildRunner::onReadyRead()
{
    const QByteArray chunk = m_process->readAllStandardOutput();
    m_splitter.feed(chunk, [this](QByteArrayView raw) { addLine(raw); });
    if (!m_pending.isEmpty() && !m_batchTimer.isActive())
        m_batchTimer.start();
}

void BuildRunner::onFinished(int exitCode, QProcess::ExitStatus status)
{
    onReadyRead();
    m_splitter.finish([this](QByteArrayView raw) { addLine(raw); });
    flushLines();
    m_killTimer.stop();
    if (m_cancelRequested) {
        signalGroup(SIGKILL); // anything of the group that outlived its leader
        finish(BuildState::Cancelled);
        return;
    }
    m_job.exitCode = status == QProcess::NormalExit ? exitCode : -1;
    if (status == QProcess::NormalExit && exitCode == 0) {
        if (m_job.kind == BuildKind::Build) {
            m_job.resultLink = QDir(m_job.workDir).filePath(QStringLiteral("result-%1").arg(m_job.variant));
            const QFileInfo link(m_job.resultLink);
            m_job.storePath = link.isSymLink() ? link.symLinkTarget() : QString();
        }
        finish(BuildState::Succeeded);
    } else {
        // A builder that could not be reached or dropped the connection failed the build,
        // not the recipe: said so, naming the builder, and the queue may try again.
        if (const QString fault = NixLogParser::builderFault(m_job.lastLines, m_job.host);
            !fault.isEmpty() && status == QProcess::NormalExit)
            finish(BuildState::Failed, fault, BuildError::BuilderFailed);
        else
            finish(BuildState::Failed, status == QProcess::CrashExit ? QStringLiteral("the build process was killed") : QString(),
                BuildError::ProgramFailed);
    }
}

void BuildRunner::onError(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart && m_active)
        finish(BuildState::Failed, QStringLiteral("could not start %1: %2").arg(program(m_job, m_settings), m_process->errorString()),
            BuildError::StartFailed);
}

void BuildRunner::finish(BuildState state, const QString &message, BuildError error)
{
    if (!m_active)
        return;
    m_active = false;
    m_job.state = state;
    m_job.error = error;
    m_job.pid = 0;
    m_job.durationMs = QDateTime::currentMSecsSinceEpoch() - m_startMs;
    if (!message.isEmpty()) {
        m_job.message = message;
        m_job.lastLines.append(message);
        m_pending.append(LogLine { message, {} });
        if (m_log.isOpen())
            m_log.write(message.toUtf8() + '\n');
    }
    if (m_job.lastLines.size() > kLastLines)
        m_job.lastLines.remove(0, m_job.lastLines.size() - kLastLines);
    if (state == BuildState::Succeeded)
        m_job.lastLines.clear(); // kept for failures only
    if (state == BuildState::Failed && m_job.exitCode == 0)
        m_job.exitCode = -1; // failed before any exit code existed
    flushLines();
    m_log.close();
    emit finished(m_job);
}

void BuildRunner::signalGroup(int signal)
{
    if (m_pgid > 0)
        ::kill(-pid_t(m_pgid), signal);
}

void BuildRunner::cancel()
{
    if (!m_active || m_cancelRequested)
        return;
    m_cancelRequested = true;
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return; // still preparing: the preparation's end reports the cancel
    signalGroup(SIGTERM);
    m_killTimer.start(m_settings.cancelGraceMs);
}

void BuildRunner::terminateAndWait(int graceMs)
{
    if (!m_active)
        return;
    m_cancelRequested = true;
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    signalGroup(SIGTERM);
    if (!m_process->waitForFinished(graceMs)) {
        signalGroup(SIGKILL);
        m_process->waitForFinished(5000);
    }
}

} // namespace vs
