#include "itemmodels/BuildStates.h"
#include "builds/BuildHistory.h"
#include "builds/BuildQueue.h"

namespace vs {

QHash<QString, CellStatus> BuildStates::forMatrix(const BuildHistory *history, const BuildQueue *queue, const QString &repoRoot)
{
    QHash<QString, CellStatus> states;
    if (history) {
        const auto cells = history->cells();
        for (auto it = cells.cbegin(); it != cells.cend(); ++it) {
            switch (it.value().outcome) {
            case CellOutcome::Built:
                states.insert(key(it.key().first, it.key().second), CellStatus::Built);
                break;
            case CellOutcome::Failed:
                states.insert(key(it.key().first, it.key().second),
                    it.value().lastBuild.dependencyLog.isEmpty() ? CellStatus::Failed : CellStatus::DependencyFailed);
                break;
            case CellOutcome::Interrupted:
                states.insert(key(it.key().first, it.key().second), CellStatus::Failed);
                break;
            case CellOutcome::Published:
                states.insert(key(it.key().first, it.key().second), CellStatus::Published);
                break;
            case CellOutcome::Building: // by another process (a command-line build)
                states.insert(key(it.key().first, it.key().second), CellStatus::Building);
                break;
            case CellOutcome::None:
                break;
            }
        }
    }
    if (queue) {
        for (const BuildJob &j : queue->jobs())
            if (repoRoot.isEmpty() || j.repoRoot == repoRoot)
                states.insert(key(j.branch, j.variant), j.state == BuildState::Running ? CellStatus::Building : CellStatus::Queued);
    }
    return states;
}

} // namespace vs
