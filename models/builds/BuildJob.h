#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace vs {

enum class BuildBackend { Flox, Nix };
enum class BuildKind { Build, Publish };
// queued → running → succeeded | failed | cancelled; interrupted = the app died meanwhile.
enum class BuildState { Queued, Running, Succeeded, Failed, Cancelled, Interrupted };
// Why a job failed before (or instead of) its program's own exit code: callers
// decide on this, never on the message's words.
enum class BuildError {
    None,
    ProgramMissing, // the build program is not there or not executable
    InvalidRequest, // a variant or organisation that cannot be passed on safely
    RecipeRejected, // no recipe, or one that leads out of .flox/pkgs
    PlaceFailed, // no working tree for the branch (no such branch, git failed)
    StartFailed, // the program could not be started
    ProgramFailed, // the program ran and failed (exit code, or killed)
    BuilderFailed, // a builder of the farm could not be reached or dropped the connection
    DependencyFailed, // the job it waited for (its PyTorch build) did not succeed: never run
};

QString toString(BuildBackend backend); // "flox" | "nix"
QString toString(BuildKind kind); // "build" | "publish"
QString toString(BuildState state); // "queued" | "running" | ...
std::optional<BuildBackend> backendFromString(const QString &text);
std::optional<BuildState> stateFromString(const QString &text);
bool isFinished(BuildState state);

// One build (or publish) of one cell: what to run and what came of it.
struct BuildJob {
    quint64 id = 0; // unique within the process, given by BuildQueue (or the caller)
    QString runId; // unique across runs: the key in the history file
    BuildKind kind = BuildKind::Build;
    QString variant; // recipe name without .nix
    QString branch; // empty: the checked-out branch
    QString repoRoot;
    BuildBackend backend = BuildBackend::Flox;
    QString org; // publish only

    BuildState state = BuildState::Queued;
    int exitCode = 0;
    QDateTime started;
    qint64 durationMs = 0;
    QString workDir; // repository or the app's worktree of the branch
    QString commit; // the commit built
    qint64 pid = 0; // while running
    QString logFile;
    QString resultLink; // <workDir>/result-<variant> after success
    QString storePath; // where the link points
    QString currentStep; // e.g. the derivation being built
    QString message; // why it failed when no process could say (missing program, bad branch)
    BuildError error = BuildError::None;
    QString recipeFile; // ".flox/pkgs/<variant>.nix" or ".flox/pkgs/<variant>/default.nix", once found
    QStringList lastLines; // the end of the output, kept after a failure
    // A job of the same queue that must succeed first (a companion's PyTorch
    // build); 0: none. When it fails this job is not run: DependencyFailed, its
    // message names the failed build and dependencyLog is that build's log.
    quint64 dependsOn = 0;
    QString dependencyLog;

    // The farm: where it builds and how far it is (from Nix's output).
    QString system; // the Nix system it needs; empty: this machine's
    QStringList requiredFeatures; // the recipe's requiredSystemFeatures (for counting builder slots)
    QString host; // the builder of its latest remote derivation; empty: built here
    QString phase; // the builder's current phase, when the recipe reports phases
    int derivationsDone = 0;
    int derivationsExpected = 0;
    int attempt = 0; // 0 first try; n: the n-th retry after a builder failed it
    bool skipped = false; // not built: its outputs already existed (kept in the history)

    QString title() const; // "variant (branch)" for lists and notifications
};

} // namespace vs

Q_DECLARE_METATYPE(vs::BuildJob)
