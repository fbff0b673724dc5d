#pragma once

#include "itemmodels/CellStatus.h"

#include <QHash>
#include <QString>

namespace vs {

class BuildHistory;
class BuildQueue;

// The build side of the grid's colours: the history's latest outcome per cell,
// overridden by what the queue is doing now. Keyed like MatrixModel::buildKey
// ("branch:variant"), ready for MatrixModel::setBuildStates. An interrupted run
// left no result: it shows as failed (never as still building); a companion never
// run because its PyTorch build failed as "dependency failed".
class BuildStates {
public:
    // repoRoot: only the queue's jobs of that repository (empty: all).
    static QHash<QString, CellStatus> forMatrix(const BuildHistory *history, const BuildQueue *queue, const QString &repoRoot = {});
    static QString key(const QString &branch, const QString &variant) { return branch + QLatin1Char(':') + variant; }
};

} // namespace vs
