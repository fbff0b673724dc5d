#include "builds/BuildJob.h"

namespace vs {

QString toString(BuildBackend backend)
{
    return backend == BuildBackend::Nix ? QStringLiteral("nix") : QStringLiteral("flox");
}

QString toString(BuildKind kind)
{
    return kind == BuildKind::Publish ? QStringLiteral("publish") : QStringLiteral("build");
}

QString toString(BuildState state)
{
    switch (state) {
    case BuildState::Queued:
        return QStringLiteral("queued");
    case BuildState::Running:
        return QStringLiteral("running");
    case BuildState::Succeeded:
        return QStringLiteral("succeeded");
    case BuildState::Failed:
        return QStringLiteral("failed");
    case BuildState::Cancelled:
        return QStringLiteral("cancelled");
    case BuildState::Interrupted:
        return QStringLiteral("interrupted");
    }
    return {};
}

std::optional<BuildBackend> backendFromString(const QString &text)
{
    if (text == QLatin1String("flox"))
        return BuildBackend::Flox;
    if (text == QLatin1String("nix"))
        return BuildBackend::Nix;
    return std::nullopt;
}

std::optional<BuildState> stateFromString(const QString &text)
{
    for (BuildState s : { BuildState::Queued, BuildState::Running, BuildState::Succeeded, BuildState::Failed, BuildState::Cancelled,
             BuildState::Interrupted })
        if (toString(s) == text)
            return s;
    return std::nullopt;
}

bool isFinished(BuildState state)
{
    return state != BuildState::Queued && state != BuildState::Running;
}

QString BuildJob::title() const
{
    const QString what = kind == BuildKind::Publish ? QStringLiteral("publish %1").arg(variant) : variant;
    return branch.isEmpty() ? what : QStringLiteral("%1 (%2)").arg(what, branch);
}

} // namespace vs
